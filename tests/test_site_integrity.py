"""A fixture briefing (tests/sites.py) built with `mkdocs build --strict`: every link and
anchor resolves, no other host is linked or asked for anything, no script URL, two builds
are byte-identical, and the build's summary adds up to the files on disk.

The link and host checks are the briefing-neutral ones every briefing runs
(`briefing.testing`); here they run on a fixture, and each is shown to fail on a site that
breaks it.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from briefing import testing
from helpers import Project
from sites import NOTES, build, rich

EPOCH = "1750000000"
EDIT = "https://example.org/repo/edit/main/{path}"
FIXED_PAGES = ["index.html", "actors/index.html", "agreements/index.html", "topics/index.html",
               "sources/index.html", "glossary.html", "timeline.html", "graph.html", "tags.html",
               "downloads.html"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return rich(Project(tmp_path_factory.mktemp("integrity") / "project"))


@pytest.fixture(scope="module")
def builds(project, tmp_path_factory):
    """The fixture built twice, into two folders, with the same SOURCE_DATE_EPOCH and edit URL."""
    out = []
    for name in ("one", "two"):
        result = build(project, "--strict", site=tmp_path_factory.mktemp(f"site-{name}"),
                       SOURCE_DATE_EPOCH=EPOCH, BRIEFING_EDIT_URL=EDIT)
        assert result.returncode == 0, result.output[-4000:]
        assert "Traceback" not in result.output
        out.append(result)
    return out


@pytest.fixture(scope="module")
def site(builds) -> Path:
    return builds[0].site


@pytest.fixture
def built(project, site, monkeypatch) -> testing.Built:
    """The first build, as briefing.testing's checks take it (they read the edit URL from
    the environment, as in a briefing's CI)."""
    monkeypatch.setenv("BRIEFING_EDIT_URL", EDIT)
    return testing.Built(project.root, site, 0, "")


def _broken_copy(site: Path, tmp_path: Path, page: str, old: str, new: str) -> testing.Built:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    path = copy / page
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


# -- links and anchors --------------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(built):
    testing.test_every_internal_link_and_anchor_resolves(built)


def test_anchors_are_checked_before_the_text_fragment(site):
    """Text Fragments (#p3:~:text=…) are checked by the id before ':~:'."""
    page = (site / "topics" / "fares.html").read_text(encoding="utf-8")
    assert 'href="../sources/harbour-gazette.html#p3:~:text=no%20plans%20to%20raise%20fares"' in page


@pytest.mark.parametrize("page, old, new", [
    ("topics/fares.html", 'href="../actors/northline.html"', 'href="../actors/nowhere.html"'),
    ("topics/fares.html", "harbour-gazette.html#p3:~:text=", "harbour-gazette.html#p99:~:text="),
    ("actors/northline.html", 'href="../topics/fares.html#q-no-rise"', 'href="../topics/fares.html#q-nothing"'),
    ("index.html", 'href="topics/ferry.html"', 'href="../outside.html"'),
])
def test_a_broken_link_or_anchor_is_found(project, site, tmp_path, page, old, new):
    broken = _broken_copy(site, tmp_path, page, old, new)
    with pytest.raises(AssertionError, match=re.escape(page)):
        testing.test_every_internal_link_and_anchor_resolves(testing.Built(project.root, broken, 0, ""))


# -- other hosts and script URLs ------------------------------------------------------------

def test_no_external_urls_except_sources_and_the_edit_url(built):
    testing.test_no_request_to_another_host(built)


def test_the_allowed_links_are_really_there(site, project):
    """The source's own address and the edit button: the two kinds of link out."""
    notes = (site / "sources" / f"{NOTES}.html").read_text(encoding="utf-8")
    url = yaml.safe_load((project.root / "seeds" / f"{NOTES}.yaml").read_text(encoding="utf-8"))["url"]
    assert f'<a class="bf-url" href="{url}">' in notes
    assert 'href="https://example.org/repo/edit/main/seeds/harbour-notes.yaml"' in notes


@pytest.mark.parametrize("old, new", [
    ('<a class="bf-url" href="https://example.org/harbour-notes">', '<a class="bf-url" href="https://elsewhere.example/">'),
    ('</head>', '<link rel="stylesheet" href="https://fonts.example/x.css"></head>'),
    ('</head>', '<style>@import "https://fonts.example/x.css";</style></head>'),
])
def test_a_link_or_request_to_another_host_is_found(project, site, tmp_path, monkeypatch, old, new):
    monkeypatch.setenv("BRIEFING_EDIT_URL", EDIT)
    broken = _broken_copy(site, tmp_path, f"sources/{NOTES}.html", old, new)
    with pytest.raises(AssertionError, match="another host"):
        testing.test_no_request_to_another_host(testing.Built(project.root, broken, 0, ""))


def test_without_the_edit_url_an_edit_link_would_be_refused(project, site, monkeypatch):
    monkeypatch.delenv("BRIEFING_EDIT_URL", raising=False)
    with pytest.raises(AssertionError, match="example.org/repo/edit"):
        testing.test_no_request_to_another_host(testing.Built(project.root, site, 0, ""))


SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


def _urls(site: Path):
    for path in sorted(site.rglob("*.html")):
        parsed = testing._parse(path)
        for tag, attr, url, _ in parsed.urls:
            yield path.relative_to(site).as_posix(), tag, attr, url


def test_no_script_or_data_urls(site):
    offenders = [f"{page}: <{tag} {attr}={url[:80]!r}>" for page, tag, attr, url in _urls(site)
                 if SCRIPT_URL.match(url)]
    assert not offenders, "\n".join(offenders[:50])
    assert sum(1 for _ in _urls(site)) > 1000  # the check saw the links


def test_a_script_url_would_be_found(site, tmp_path):
    broken = _broken_copy(site, tmp_path, "index.html", 'href="topics/ferry.html"', 'href=" JavaScript:alert(1)"')
    assert any(SCRIPT_URL.match(url) for _, _, _, url in _urls(broken))


# -- reproducible ---------------------------------------------------------------------------

def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_with_the_same_epoch_are_byte_identical(builds):
    a, b = (_files(x.site) for x in builds)
    assert a.keys() == b.keys(), f"only in one build: {sorted(a.keys() ^ b.keys())[:20]}"
    differ = [rel for rel in a if a[rel] != b[rel]]
    assert not differ, f"files differ between two builds with SOURCE_DATE_EPOCH={EPOCH}: {differ[:20]}"
    assert "sitemap.xml.gz" in a and "briefing.json" in a and "print.html" in a


def test_the_epoch_is_what_the_build_stamps(project, builds, tmp_path):
    """The one timestamp in the site, the gzip header of sitemap.xml.gz, is the day of
    SOURCE_DATE_EPOCH (MkDocs stamps the date, at midnight UTC)."""
    def mtime(site: Path) -> int:
        return int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert mtime(builds[0].site) == int(EPOCH) // 86400 * 86400
    other = build(project, "--strict", site=tmp_path / "later", SOURCE_DATE_EPOCH="1760000000",
                  BRIEFING_EDIT_URL=EDIT)
    assert other.returncode == 0
    assert mtime(other.site) == 1760000000 // 86400 * 86400


# -- the build summary ------------------------------------------------------------------------

SUMMARY = re.compile(r"briefing: (\d+) briefs, (\d+) sources, (\d+) quotes, (\d+) inline quotations?, "
                     r"(\d+) glossary entries, (\d+) pages")


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:]) or {}


def test_the_build_summary_adds_up_to_the_files_on_disk(builds, project):
    import json
    output, site, root = builds[0].output, builds[0].site, project.root
    match = SUMMARY.search(output)
    assert match, "the build logged no 'briefing: N briefs, …' line at INFO level:\n" + output[-2000:]
    briefs, sources, quotes, inline, glossary, pages = map(int, match.groups())
    brief_files = sorted((root / "briefs").glob("*/*.md"))
    assert briefs == len(brief_files) == 24
    assert sources == len(sorted((root / "seeds").glob("*.yaml"))) == 3
    assert quotes == sum(len(_front(p).get("quotes") or []) for p in brief_files)
    export = json.loads((site / "briefing.json").read_text(encoding="utf-8"))
    assert inline == len(export["quotations"]) >= 1
    terms = yaml.safe_load((root / "briefs" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]
    assert glossary == briefs + sources + len(terms)
    # Every page the summary counts is an HTML page of the site, and no other.
    html = sorted(rel for rel in (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
                  if not rel.startswith("assets/") and rel not in ("404.html", "print.html"))
    assert pages == len(html)
    entity_pages = [p for p in html if re.fullmatch(r"(actors|agreements|topics|sources)/[a-z0-9-]+\.html", p)
                    and not p.endswith("/index.html")]
    assert len(entity_pages) == briefs + sources
    for fixed in FIXED_PAGES:
        assert fixed in html, fixed
    groups = [p for p in html if re.fullmatch(r"(actors|agreements|topics|sources)/[a-z0-9-]+/index\.html", p)]
    mentions = [p for p in html if p.startswith("mentions/")]
    assert pages == len(entity_pages) + len(FIXED_PAGES) + len(groups) + len(mentions)
    assert mentions == ["mentions/harbour-gazette.html", "mentions/northline.html"]


def test_the_summary_uses_the_singular_for_one(project, tmp_path):
    small = Project(tmp_path / "small", sources=("coast-analysis",))
    small.actor("ostria", "Ostria", body='Ostria has "a gift to Northline" in view ([[coast-analysis#p4]]).\n')
    result = build(small, "--strict")
    assert result.returncode == 0, result.output[-2000:]
    assert re.search(r"briefing: 1 brief, 1 source, 0 quotes, 1 inline quotation, 2 glossary entries, "
                     r"\d+ pages", result.output), result.output[-1000:]


def test_links_out_are_only_to_allowed_hosts(site):
    """A summary of the link check: the hosts the site links, and nothing else."""
    hosts = {urlsplit(url).netloc for _, tag, _, url in _urls(site) if url.startswith(("http:", "https:", "//"))}
    assert hosts == {"example.org"}, hosts
