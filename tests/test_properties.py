"""Property tests (Hypothesis) for the loader, the validator, the quote matcher and the linker,
plus build-level invariants checked on the shipped site."""
from __future__ import annotations

import html
import posixpath
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from briefing import load, quotes, validate, yamlsafe  # noqa: E402
from briefing.normalize import normalize_text, segments  # noqa: E402
from briefing.autolink import MentionMatcher  # noqa: E402
from briefing.load import RawBrief  # noqa: E402
from briefing.model import Quote, Source  # noqa: E402
from briefing.problems import Problems  # noqa: E402
from briefing.prose import ProseLinker, Target, relative  # noqa: E402
from briefing.sources import SearchText, split_paragraphs  # noqa: E402
from briefing.yamlsafe import YamlDoc, YamlError  # noqa: E402

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# -- loader -------------------------------------------------------------------------------
YAML_ALPHABET = st.sampled_from(list("ab:- \n\t[]{},'\"&*!|>#%@`?~.0123456789\\\u00e9\u2028\x85\ufeff"))
yamlish = st.text(YAML_ALPHABET, max_size=200)


def _yaml_value(depth=3):
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                        st.floats(allow_nan=False))
    return st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)),
        max_leaves=12)


@SETTINGS
@given(st.one_of(yamlish, st.text(max_size=300)))
def test_load_yaml_raises_only_yaml_error(text):
    try:
        doc = yamlsafe.load_yaml(text, line_offset=1)
    except YamlError as err:
        assert isinstance(err.line, int) and err.line >= 1
        assert err.message
    else:
        assert isinstance(doc, YamlDoc)
        for line in doc.lines.values():
            assert 2 <= line <= text.count("\n") + 3


@SETTINGS
@given(st.one_of(yamlish, st.text(max_size=300)))
def test_split_front_matter_never_raises(text):
    parts = load.split_front_matter("---\n" + text)
    plain = load.split_front_matter(text)
    for result, source in ((parts, "---\n" + text), (plain, text)):
        if result is not None:
            yaml_text, body, body_line = result
            assert source.startswith("---\n")
            assert body_line == yaml_text.count("\n") + 3
            # The body really starts on body_line of the file.
            assert source.split("\n")[body_line - 1:] == body.split("\n") or body == ""
            try:
                yamlsafe.load_yaml(yaml_text, line_offset=1)
            except YamlError:
                pass


# -- validator ----------------------------------------------------------------------------
FIELD_NAMES = ["name", "summary", "type", "aliases", "tags", "quotes", "roles", "country", "status",
               "updated", "abbreviation", "no_autolink", "actors", "agreements", "judgments", "events",
               "parties", "signatories", "mediators", "location", "provisions", "signed", "x"]


@SETTINGS
@given(kind=st.sampled_from(["actor", "agreement", "topic"]),
       fields=st.dictionaries(st.sampled_from(FIELD_NAMES), _yaml_value(), max_size=10))
def test_validate_brief_reports_problems_never_raises(kind, fields):
    doc = YamlDoc(fields, {}, 2)
    raw = RawBrief(f"briefs/{kind}s/x.md", kind, "x", doc, "Body.", 8)
    problems = Problems()
    entity = validate.validate_brief(raw, problems)
    assert entity is not None or problems
    for problem in problems.items:
        assert problem.path == raw.path and problem.line >= 1 and problem.message


@SETTINGS
@given(st.text(YAML_ALPHABET, max_size=300))
def test_front_matter_from_text_validates_without_exceptions(text):
    """Random YAML text through load_yaml then validate_brief: YamlError or Problems only."""
    try:
        doc = yamlsafe.load_yaml(text, line_offset=1)
    except YamlError:
        return
    if not isinstance(doc.value, dict):
        return
    problems = Problems()
    validate.validate_brief(RawBrief("briefs/actors/x.md", "actor", "x", doc, "", 3), problems)


# -- quote matcher ------------------------------------------------------------------------
WORDS = st.text(st.sampled_from(list("abcdefghijklmnop qrstuvwxyz,.'\"-ÉéAB")), min_size=1, max_size=60)
TYPOGRAPHIC = {"'": ["\u2019", "\u2018"], '"': ["\u201c", "\u201d"], "-": ["\u2013", "\u2014"],
               " ": ["  ", "\u00a0", "\n "]}


def _source(paragraphs: list[str]) -> SearchText:
    text = "\n".join(paragraphs) + "\n"
    paras, headings = split_paragraphs(text, set(), set())
    src = Source(id="s", name="S", summary="", path="seeds/s.yaml", paragraphs=paras, headings=headings)
    return SearchText.build(src)


@SETTINGS
@given(paragraphs=st.lists(WORDS.filter(lambda s: s.strip()), min_size=1, max_size=5),
       pick=st.integers(min_value=0, max_value=4), data=st.data())
def test_locate_finds_any_substring_with_typographic_variants(paragraphs, pick, data):
    paragraphs = [p.strip() for p in paragraphs]
    assume(all(paragraphs))
    index = pick % len(paragraphs)
    para = paragraphs[index]
    start = data.draw(st.integers(0, len(para) - 1))
    end = data.draw(st.integers(start + 1, len(para)))
    wanted = para[start:end].strip()
    assume(wanted and "..." not in wanted and "\u2026" not in wanted)
    variant = "".join(data.draw(st.sampled_from([c] + TYPOGRAPHIC.get(c, []))) for c in wanted)
    search = _source(paragraphs)
    match = quotes.locate(Quote(variant, "s", "o", 1, 1), search)
    assert match is not None, (variant, paragraphs)
    # The first paragraph (in order) that contains the normalized text is the one found.
    norm = segments(variant)[0]
    first = next(i for i, p in enumerate(paragraphs) if norm in normalize_text(p)
                 if i is not None)
    assert match.paragraph == first + 1
    assert normalize_text(match.exact) == norm


@SETTINGS
@given(st.lists(st.text(max_size=80), min_size=1, max_size=5), st.text(max_size=80))
def test_locate_random_text_never_raises(paragraphs, quote_text):
    assume(any(p.strip() for p in paragraphs))
    search = _source([p.replace("\n", " ") for p in paragraphs if p.strip()] or ["x"])
    match = quotes.locate(Quote(quote_text, "s", "o", 1, 1), search)
    if match is not None:
        assert 1 <= match.paragraph <= len(search.source.paragraphs)
    quotes.explain(Quote(quote_text, "s", "o", 1, 1), search, {"s": search})


# -- the linker ---------------------------------------------------------------------------
NAMES = {"Iran": "iran", "Russia": "russia", "Russian Federation": "russia", "Abbas Araghchi": "aa",
         "JCPOA": "jcpoa", "Base Org": "base-org"}


class _Resolver:
    def resolve(self, text):
        return self.target(NAMES[text]) if text in NAMES else None

    def suggest(self, text):
        return []

    def target(self, entity_id):
        return Target(entity_id, f"actors/{entity_id}.md", "", entity_id.title())

    def has_anchor(self, target):
        return False


LINK = re.compile(r"\[((?:[^\[\]]|\\.)*?)\]\(\.\./actors/[a-z-]+\.md\)|\[((?:[^\[\]])*?)\]\([a-z-]+\.md\)")
PROSE_ALPHABET = st.sampled_from(["Iran", "Russia", "Russian Federation", "Abbas Araghchi", "JCPOA",
                                  "Base Org", " ", " ", "\n", "\n\n", "the ", "Iranian", "`", "```\n",
                                  "# ", "    ", "- ", "> ", "*", "_", ".", ",", "(", ")", "x", "IranX"])
prose = st.lists(PROSE_ALPHABET, max_size=40).map("".join)


def _linker():
    return ProseLinker("topics/t.md", "t", _Resolver(), MentionMatcher(dict(NAMES)), untrusted=False)


def _strip_links(text: str) -> str:
    return re.sub(r"\[([^\[\]]*)\]\((?:\.\./)?actors/[a-z-]+\.md\)", r"\1", text)


@SETTINGS
@given(prose)
def test_autolink_never_changes_the_visible_text(text):
    out = _linker().process(text, 1).markdown
    assert _strip_links(out) == text


@SETTINGS
@given(prose)
def test_untrusted_autolink_only_escapes(text):
    """In brief prose, the only other changes are the escapes of '<' and '{'."""
    linker = ProseLinker("topics/t.md", "t", _Resolver(), MentionMatcher(dict(NAMES)), untrusted=True)
    out = linker.process(text, 1).markdown
    assert html.unescape(_strip_links(out).replace("&#123;", "{")) == html.unescape(text)


def _protected_regions(text: str) -> list[str]:
    """Lines that are headings or inside fenced code, and inline code spans."""
    out, fence = [], None
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        if fence:
            out.append(line)
            if stripped.startswith(fence):
                fence = None
            continue
        if re.match(r"^ {0,3}(```|~~~)", line):
            fence = stripped[:3]
            out.append(line)
        elif re.match(r"^ {0,3}#{1,6}(\s|$)", line):
            out.append(line)
    return out


@SETTINGS
@given(prose)
def test_no_link_in_code_or_headings(text):
    out = _linker().process(text, 1).markdown
    for line in _protected_regions(out):
        assert "](" not in line or "](" in line and line in text.split("\n"), line
    for code in re.findall(r"(`+)(.+?)\1", out):
        if "\n" not in code[1]:
            assert code[1] in text


@SETTINGS
@given(st.lists(st.sampled_from(list(NAMES)), min_size=1, max_size=6), st.text(max_size=30))
def test_mention_matcher_spans_are_names(names, filler):
    text = filler.join(names)
    for start, end, target in MentionMatcher(dict(NAMES)).find(text):
        assert NAMES[text[start:end]] == target


# -- relative links -------------------------------------------------------------------------
_page = st.lists(st.sampled_from(["actors", "topics", "a", "b"]), max_size=3).map(
    lambda folders: "/".join(folders + ["page.md"]))


@SETTINGS
@given(_page, _page, st.sampled_from(["page.md", "other.md"]))
def test_relative_links_lead_to_their_page(from_page, to_folder_page, name):
    to_page = posixpath.join(posixpath.dirname(to_folder_page), name)
    link = relative(from_page, to_page)
    if from_page == to_page:
        assert link == ""
    else:
        assert posixpath.normpath(posixpath.join(posixpath.dirname(from_page), link)) == to_page
        assert not link.startswith("/")


# -- build-level invariants on the shipped site ---------------------------------------------
@pytest.fixture(scope="module")
def shipped(shipped_build):
    site = shipped_build[0]
    from briefing import pipeline
    built = pipeline.build(REPO, {})
    assert not built.problems, built.problems.report()
    return site, built


def test_every_valid_brief_yields_exactly_one_page(shipped):
    site, built = shipped
    briefs = sorted(p.relative_to(REPO / "briefs").with_suffix("").as_posix()
                    for p in (REPO / "briefs").rglob("*.md"))
    pages = sorted(p.relative_to(site).with_suffix("").as_posix()
                   for kind in ("actors", "agreements", "topics")
                   for p in (site / kind).glob("*.html") if p.stem != "index")
    assert pages == briefs
    generated = [p.path for p in built.pages]
    assert len(generated) == len(set(generated))


def test_every_quote_is_on_its_page_and_anchored_on_its_source(shipped):
    site, built = shipped
    missing = []
    for entity in built.index.briefing.entities():
        if entity.kind == "source":
            continue
        page = (site / f"{entity.kind}s" / f"{entity.id}.html").read_text(encoding="utf-8")
        for quote in entity.quotes:
            if f'id="{quote.anchor}"' not in page:
                missing.append(f"{entity.path}: quote {quote.id} has no #{quote.anchor}")
            if html.escape(quote.match.exact, quote=True) not in page:
                missing.append(f"{entity.path}: quote {quote.id} text not on its page")
            source = (site / "sources" / f"{quote.source}.html").read_text(encoding="utf-8")
            if f'id="{quote.cited_anchor}"' not in source:
                missing.append(f"{entity.path}: quote {quote.id} not anchored on {quote.source}")
            if f'id="p{quote.match.paragraph}"' not in source:
                missing.append(f"{entity.path}: paragraph p{quote.match.paragraph} missing")
    assert not missing, "\n".join(missing[:30])

