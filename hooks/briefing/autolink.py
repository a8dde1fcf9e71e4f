"""One multi-pattern matcher for every entity name and alias on every page.

All surface forms are compiled into a single trie-shaped regular expression, so a page is
scanned once, in C, whatever the number of entities: never a loop over entities per page.
Alternatives are ordered longest first at every trie node, so the longest name wins
("Port of Valmora" before "Valmora"), and matches respect word
boundaries.
"""
from __future__ import annotations

import re

MIN_LENGTH = 3  # shorter aliases are too ambiguous to link automatically


def _trie_pattern(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    end = "" in node
    branches = [re.escape(char) + _node_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    # Greedy: a longer continuation is tried before stopping here (the optional group).
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body


class MentionMatcher:
    """Finds entity mentions in plain text: (start, end, target id)."""

    def __init__(self, names: dict[str, str], min_length: int = MIN_LENGTH):
        self.names = {n: t for n, t in names.items() if len(n) >= min_length}
        if self.names:
            words = sorted(self.names)
            self.regex = re.compile(r"(?<![\w])(?:" + _trie_pattern(words) + r")(?![\w])")
        else:
            self.regex = None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self.regex is None:
            return []
        found = []
        for match in self.regex.finditer(text):
            target = self.names.get(match.group())
            if target is not None:
                found.append((match.start(), match.end(), target))
        return found
