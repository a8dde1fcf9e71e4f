"""Checks on a built site: injected markup in the HTML, and scripts that run in Chromium."""
from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
EMBEDDING_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base"}
LOCAL = ("file:", "data:", "blob:", "about:", "javascript:")
MARKER = re.compile(r"__pwned\s*=\s*(\d+)|alert\((\d+)\)|msgbox\((\d+)\)")


class _Scan(html.parser.HTMLParser):
    """Elements and attributes that carry a payload: what an escaping bug leaves behind."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False
        self.script = ""

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
            if name in URL_ATTRS and BAD_SCHEME.match(value):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
        if tag == "meta" and BAD_SCHEME.search((dict(attrs).get("content") or "").split("url=")[-1]):
            self.found.append(f"<meta {attrs!r:.80}>")
        if tag in EMBEDDING_TAGS:
            self.found.append(f"<{tag} {attrs!r:.80}>")
        if tag == "script":
            self.in_script, self.script = True, ""

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script:
            self.in_script = False
            if MARKER.search(self.script):
                self.found.append(f"<script>{self.script[:80]}</script>")

    def handle_data(self, data):
        if self.in_script:
            self.script += data


def injected_markup(text: str) -> list[str]:
    scan = _Scan()
    scan.feed(text)
    scan.close()
    return scan.found


def markers_in(text: str) -> set[int]:
    return {int(next(g for g in m.groups() if g)) for m in MARKER.finditer(text)}


@dataclass
class BrowserReport:
    pages: int = 0
    executed: dict[str, list[str]] = field(default_factory=dict)  # page -> what ran
    dom: dict[str, list[str]] = field(default_factory=dict)  # page -> dangerous live DOM
    searches: list = field(default_factory=list)  # Search, one per query
    blocked: list[str] = field(default_factory=list)


# Run in the page: what an injected script would leave behind, live.
PROBE_JS = """() => {
  const out = {pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned), dom: []};
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const n = attr.name.toLowerCase(), v = attr.value;
      if (n.startsWith('on')) out.dom.push(`<${el.localName} ${n}=${v.slice(0, 60)}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(n)
          && /^\\s*(javascript|vbscript|data):/i.test(v)) out.dom.push(`<${el.localName} ${n}=${v.slice(0, 60)}>`);
    }
    if (el.localName === 'script' && /__pwned|alert\\(\\d/.test(el.textContent)) out.dom.push('<script>' + el.textContent.slice(0, 60));
    if (['object', 'embed', 'frame'].includes(el.localName)) out.dom.push(`<${el.localName}>`);
  }
  return out;
}"""


def _visit(site: Path, pages: list[Path], report: BrowserReport) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block")
        context.set_default_timeout(20_000)
        context.on("request", lambda r: None if r.url.startswith(LOCAL) else report.blocked.append(r.url))
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        for path in pages:
            rel = path.relative_to(site).as_posix()
            dialogs.clear()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(20)
            _probe(page, rel, dialogs, report)
            report.pages += 1
        context.close()
        browser.close()


def _probe(page, label: str, dialogs: list[str], report: BrowserReport) -> None:
    result = page.evaluate(PROBE_JS)
    ran = list(dialogs) + ([f"window.__pwned = {result['pwned']}"] if result["pwned"] else [])
    if ran:
        report.executed[label] = ran
    if result["dom"]:
        report.dom[label] = result["dom"]


# The site's own search (assets/javascripts/search.js): a combobox it puts in the header,
# whose results are links in a listbox. Its ids, from the script.
SEARCH_INPUT = "#bfs-input"
SEARCH_RESULTS = "#bfs-listbox"
SEARCH_RESULT = "#bfs-listbox .bfs__result"
# What the result list is made of: anything else there came from the index as markup.
RESULT_TAGS = {"a", "span", "mark"}


@dataclass
class Search:
    query: str
    count: int
    texts: list[str]  # each shown result's text, as the reader sees it
    tags: set[str]  # the elements inside the result list

    def __str__(self) -> str:
        return f"{self.query!r}: {self.count} results"


def _search(site: Path, queries: list[str], report: BrowserReport) -> None:
    """Type each query into the site's search box, as a reader would, and read the results."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 900})
        context.on("request", lambda r: None if r.url.startswith(LOCAL) else report.blocked.append(r.url))
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        page.goto((site / "index.html").as_uri(), wait_until="load")
        page.wait_for_selector(SEARCH_INPUT, state="attached", timeout=10_000)
        for query in queries:
            dialogs.clear()
            box = page.locator(SEARCH_INPUT)
            box.click()
            box.fill("")
            box.press_sequentially(query, delay=15)
            items = page.locator(SEARCH_RESULT)
            try:
                items.first.wait_for(state="attached", timeout=8_000)
                page.wait_for_timeout(300)
                count = items.count()
            except Exception:
                count = 0
            texts = items.all_text_contents() if count else []
            tags = set(page.evaluate(f"() => [...document.querySelectorAll('{SEARCH_RESULTS} *')]"
                                     ".map(e => e.localName)"))
            report.searches.append(Search(query, count, texts, tags))
            _probe(page, f"search {query!r}", dialogs, report)
            page.keyboard.press("Escape")
        context.close()
        browser.close()


def browse(site: Path, pages: list[Path], queries: list[str], workers: int = 4) -> BrowserReport:
    """Open every page from file:// (in parallel browsers) and search; report what ran."""
    from concurrent.futures import ThreadPoolExecutor

    report = BrowserReport()
    chunks = [pages[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers + 1) as pool:
        jobs = [pool.submit(_visit, site, chunk, report) for chunk in chunks if chunk]
        jobs.append(pool.submit(_search, site, queries, report))
        for job in jobs:
            job.result()
    return report
