"""The shipped site, built with `mkdocs build --strict`: links, hosts, schemes, reproducibility
and the build summary."""
from __future__ import annotations

import gzip
import html.parser
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from helpers import SHIPPED_EPOCH, build_shipped

REPO = Path(__file__).resolve().parents[1]
FIXED_PAGES = ["actors/index.md", "agreements/index.md", "topics/index.md", "sources/index.md",
               "glossary.md", "timeline.md", "graph.md"]


@pytest.fixture(scope="session")
def builds(shipped_build, tmp_path_factory):
    """The shipped site built twice, into two folders, with the same SOURCE_DATE_EPOCH."""
    site = tmp_path_factory.mktemp("integrity-b")
    proc = build_shipped(site)
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    assert "Traceback" not in proc.stderr
    return [shipped_build, (site, proc.stdout + proc.stderr)]


@pytest.fixture(scope="session")
def site(builds) -> Path:
    return builds[0][0]


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in ("href", "src", "action", "poster", "data", "xlink:href", "formaction"):
                self.urls.append((tag, name, value))
            if name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.urls.append((tag, name, part.split()[0]))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_internal_link_and_anchor_resolves(site):
    parsed = {p: _parse(p) for p in _pages(site)}
    broken = []
    for page, links in parsed.items():
        for tag, attr, url in links.urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                continue
            if parts.path.startswith("/"):  # 404.html: site-absolute, served from the root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if parts.path.endswith("/") or (target.is_dir()):
                target = target / "index.html"
            rel = page.relative_to(site).as_posix()
            if not target.is_file():
                broken.append(f"{rel}: <{tag} {attr}={url!r}>: no file {target}")
                continue
            if not str(target).startswith(str(site.resolve())):
                broken.append(f"{rel}: {url!r} leaves the site")
            fragment = unquote(parts.fragment.split(":~:")[0])
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{rel}: {url!r}: no id {fragment!r} in {target.relative_to(site.resolve())}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def _allowed_hosts() -> set[str]:
    hosts = set()
    for meta in (REPO / "seeds").glob("*.yaml"):
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
        if data.get("url"):
            hosts.add(data["url"])
    template = os.environ.get("BRIEFING_EDIT_URL")
    if template:
        hosts.add(urlsplit(template).netloc)
    return hosts


def test_no_external_urls_except_sources(site):
    allowed = _allowed_hosts()
    offenders = []
    for page in _pages(site):
        for tag, attr, url in _parse(page).urls:
            low = url.strip().lower()
            if low.startswith(("http:", "https:", "ws:", "wss:", "//")):
                if url in allowed or urlsplit(url).netloc in allowed:
                    continue
                offenders.append(f"{page.relative_to(site)}: <{tag} {attr}={url!r}>")
    # <link> hrefs too (canonical, alternate): caught above as tag 'link'.
    assert not offenders, "external URLs:\n" + "\n".join(offenders[:50])


def test_no_script_schemes_in_urls(site):
    offenders = []
    for page in _pages(site):
        for tag, attr, url in _parse(page).urls:
            if re.match(r"^\s*(javascript|vbscript|data):", url, re.I):
                offenders.append(f"{page.relative_to(site)}: <{tag} {attr}={url[:80]!r}>")
    assert not offenders, "\n".join(offenders[:50])


def _normalised(path: Path) -> bytes:
    """sitemap.xml.gz embeds the gzip header's mtime; compare its decompressed content."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        return gzip.decompress(data)
    return data


def test_build_is_reproducible(builds):
    (a, _), (b, _) = builds
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    assert files_a == files_b, f"only in one build: {sorted(files_a ^ files_b)[:20]}"
    differ = [rel for rel in sorted(files_a) if (a / rel).read_bytes() != (b / rel).read_bytes()]
    # Byte-identical is the goal. If only gzip headers differ, say so, then compare the content.
    inherent = [rel for rel in differ if rel.endswith(".gz")]
    content = [rel for rel in differ if _normalised(a / rel) != _normalised(b / rel)]
    assert not content, f"files differ between two builds with SOURCE_DATE_EPOCH={SHIPPED_EPOCH}: {content}"
    assert not [r for r in differ if r not in inherent], differ


def test_build_summary_adds_up(builds, site):
    _, output = builds[0]
    match = re.search(r"briefing: (\d+) briefs, (\d+) sources, (\d+) quotes, (\d+) glossary entries, "
                      r"(\d+) pages", output)
    assert match, "the build logged no 'briefing: N briefs, …' line at INFO level:\n" + output[-2000:]
    briefs, sources, quotes, glossary, pages = map(int, match.groups())
    brief_files = sorted((REPO / "briefs").glob("*/*.md"))
    assert briefs == len(brief_files)
    source_files = sorted((REPO / "seeds").glob("*.yaml"))
    assert sources == len(source_files)
    assert pages == briefs + sources + len(FIXED_PAGES)
    quote_count = 0
    for path in brief_files:
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("\n---\n", 1)[0][4:]) or {}
        quote_count += len(front.get("quotes") or [])
    assert quotes == quote_count
    terms = (yaml.safe_load((REPO / "briefs" / "glossary.yaml").read_text(encoding="utf-8")) or {}).get("terms", []) \
        if (REPO / "briefs" / "glossary.yaml").exists() else []
    assert glossary == briefs + sources + len(terms)
    # Every page the summary counts is in the site.
    built = [p for kind in ("actors", "agreements", "topics", "sources") for p in (site / kind).glob("*.html")
             if p.stem != "index"]
    assert len(built) == briefs + sources
    for fixed in FIXED_PAGES:
        assert (site / fixed.replace(".md", ".html")).is_file(), fixed
