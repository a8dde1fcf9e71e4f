"""Who mentions whom: for each entity or term, the pages that mention it, and the sentence
around its first mention on each (contextual backlinks, the glossary's "Appears in").

What each page gave is kept by page. The live preview keeps one record between runs and
updates it in place: a page linked again takes out what it gave and puts in what it gives
now, a page replayed unchanged (the same objects, see `linkcache`) costs one comparison,
and a page that is gone takes out what it gave. A briefing of thousands of briefs holds
hundreds of thousands of mentions; an edit touches a few hundred of them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .prose import Mention


@dataclass
class Mentions:
    pages: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # key -> pages
    # key -> page -> its first mention there, in the order the pages were linked
    snippets: dict[str, dict[str, Mention]] = field(default_factory=lambda: defaultdict(dict))
    given: dict[str, tuple] = field(default_factory=dict)  # page -> (keys, snippets) it gave
    touched: set[str] = field(default_factory=set)  # keys whose record changed since `prints`
    _seen: set[str] = field(default_factory=set)
    _prints: dict[str, int] = field(default_factory=dict)

    def begin(self) -> None:
        """A run starts: the pages it does not put are gone at its `end`."""
        self._seen = set()

    def put(self, page: str, keys: set[str], snippets: dict[str, Mention]) -> None:
        """What `page` mentions: the keys it links, and the first mention of each."""
        self._seen.add(page)
        old = self.given.get(page)
        if old is not None:
            if old[0] is keys and old[1] is snippets:
                return  # replayed: what it gave is in place
            self._take_out(page, old)
        self.given[page] = (keys, snippets)
        for key in keys:
            self.pages[key].add(page)
        for key, mention in snippets.items():
            self.snippets[key][page] = mention
        self.touched.update(keys, snippets)

    def end(self) -> None:
        for page in self.given.keys() - self._seen:
            self._take_out(page, self.given.pop(page))

    def _take_out(self, page: str, given: tuple) -> None:
        keys, snippets = given
        for key in keys:
            found = self.pages.get(key)
            if found is not None:
                found.discard(page)
                if not found:
                    del self.pages[key]
        for key in snippets:
            found = self.snippets.get(key)
            if found is not None:
                found.pop(page, None)
                if not found:
                    del self.snippets[key]
        self.touched.update(keys, snippets)

    def prints(self) -> dict[str, int]:
        """The fingerprints of every key's mentions (`render.fingerprints`), worked out
        again only for the keys touched since the last call."""
        for key in self.touched:
            for name in ("mentions:", "count:", "pages:"):
                self._prints.pop(name + key, None)
            by_page = self.snippets.get(key)
            if by_page:
                self._prints["mentions:" + key] = hash(frozenset([m.shown for m in by_page.values()]))
                self._prints["count:" + key] = len(by_page)
            pages = self.pages.get(key)
            if pages:
                self._prints["pages:" + key] = hash(frozenset(pages))
        self.touched = set()
        return self._prints
