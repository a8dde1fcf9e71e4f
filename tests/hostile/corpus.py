"""The hostile corpus, as data: every case is a set of files laid over the base project.

A case expects one of three endings:
  * "error": the build stops with a clear error at each `Expect(path, line)`;
  * "safe":  the build succeeds and, in the browser, no injected script runs;
  * "either": a clear error naming one of the case's files, or a safe build.
Every XSS payload sets `window.__pwned` to a number unique to the file it is in (or calls
alert with it), so a script that runs names the case that let it through.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from .project import Symlink, brief, glossary, line_of, source_meta, BASE_GLOSSARY_TERMS


@dataclass(frozen=True)
class Expect:
    path: str
    line: int | None = None  # None: any line of the file
    lines: tuple[int, int] | None = None  # an inclusive range instead of one line

    def matches(self, path: str, line: int) -> bool:
        if path != self.path:
            return False
        if self.line is not None:
            return line == self.line
        if self.lines is not None:
            return self.lines[0] <= line <= self.lines[1]
        return True

    def __str__(self) -> str:
        where = self.line if self.line is not None else (
            f"{self.lines[0]}-{self.lines[1]}" if self.lines else "*")
        return f"{self.path}:{where}"


@dataclass
class Case:
    name: str
    group: str  # cases of one group are built together
    files: dict[str, object]
    expect: str  # "error" | "safe" | "either"
    errors: list[Expect] = field(default_factory=list)
    placements: int = 1  # how many hostile values the case puts in fields
    markers: dict[int, str] = field(default_factory=dict)  # __pwned value -> where


_counter = itertools.count(1000)


def js() -> tuple[int, str]:
    n = next(_counter)
    return n, f"window.__pwned={n}"


# --- XSS payloads, in the spirit of the OWASP filter-evasion cheat sheet ----------------------
# {JS} is replaced by `window.__pwned=<n>`; {N} by the number alone.
PAYLOADS = [
    "<script>{JS}</script>",
    "<img src=x onerror={JS}>",
    '<img src="x" onerror="{JS}">',
    "<svg onload={JS}>",
    "<svg/onload={JS}>",
    '"><script>{JS}</script>',
    "'><img src=x onerror={JS}>",
    "</title><script>{JS}</script>",
    "</textarea><script>{JS}</script>",
    "</style><script>{JS}</script>",
    "</script><script>{JS}</script>",
    "javascript:{JS}",
    "jav&#x61;script:{JS}",
    "&#106;avascript:{JS}",
    "vbscript:msgbox({N})",
    "data:text/html,<script>{JS}</script>",
    '" onmouseover="{JS}" autofocus onfocus="{JS}" x="',
    "' onmouseover='{JS}' x='",
    '<a href="javascript:{JS}">click</a>',
    "[click](javascript:{JS})",
    "<!-- --><script>{JS}</script>",
    "`<script>{JS}</script>`",
    "{onclick={JS}}",
    '<iframe src="javascript:{JS}"></iframe>',
    "<details open ontoggle={JS}>",
    "<body onload={JS}>",
    "<input autofocus onfocus={JS}>",
    "<scr<script>ipt>{JS}</scr</script>ipt>",
    "<IMG SRC=JaVaScRiPt:{JS}>",
    "&lt;script&gt;{JS}&lt;/script&gt;",
    "\\u003cscript\\u003e{JS}\\u003c/script\\u003e",
    "<img src=x onerror=alert({N})>",
    "<math><mtext></p><img src=x onerror={JS}></mtext></math>",
    "{% raw %}{{ 7*7 }}<script>{JS}</script>",
]


def fill(template: str, markers: dict[int, str], where: str) -> str:
    n, code = js()
    markers[n] = where
    return template.replace("{JS}", code).replace("{N}", str(n))


def xss_cases() -> list[Case]:
    """Per payload: a source, an actor, an agreement, a topic, a glossary term and prose."""
    cases = []
    terms = []
    for i, template in enumerate(PAYLOADS):
        markers: dict[int, str] = {}
        P = lambda where: fill(template, markers, f"payload {i} ({template[:30]!r}) in {where}")
        sid, aid, gid, tid = f"xss-src-{i}", f"xss-actor-{i}", f"xss-agr-{i}", f"xss-topic-{i}"
        quoted = P("source text / quote")
        text = (f"Heading {i} {P('source heading')}\n"
                f"Paragraph of source {i} mentions Base State and {P('source paragraph')} here.\n"
                f"{quoted}\n")
        files = {
            f"seeds/{sid}.txt": text,
            f"seeds/{sid}.yaml": source_meta(
                text, title=f"Title {i} {P('source title')}", publisher=P("publisher"),
                author=P("author"), republished_from=P("republished_from"), language=P("language"),
                url=f"https://example.org/xss-{i}?q=%22%3E%3Cscript%3E",
                reliability={"grade": "C", "rationale": P("rationale")}, notes=P("notes"),
                aliases=[f"Source alias {i} {P('source alias')}"], headings=[1]),
            f"briefs/actors/{aid}.md": brief({
                "name": f"Actor {i} {P('actor name')}", "summary": f"Summary {P('actor summary')}",
                "aliases": [f"Alias {i} {P('actor alias')}"],
                "abbreviation": f"Abbr {i} {P('abbreviation')}",
                "tags": [f"tag {i} {P('actor tag')}"], "type": "person", "country": "base-state",
                "roles": [{"title": f"Role {P('role title')}", "of": "base-org"}],
                "quotes": [{"id": "q", "text": quoted, "source": sid, "speaker": "base-person",
                            "note": f"Note {P('quote note')}", "credibility": 3}],
            }, f"Works with [[base-org]] and [[{gid}]].\n"),
            f"briefs/agreements/{gid}.md": brief({
                "name": f"Agreement {i} {P('agreement name')}",
                "summary": P("agreement summary"), "type": "treaty", "status": "signed",
                "signed": "2025-03", "parties": ["base-state", aid], "mediators": ["base-org"],
                "location": P("location"), "provisions": [P("provision"), f"Second {P('provision 2')}"],
                "tags": [P("agreement tag")],
            }, f"Discussed in [[{tid}]].\n"),
            f"briefs/topics/{tid}.md": brief({
                "name": f"Topic {i} {P('topic name')}", "summary": P("topic summary"),
                "status": "emerging", "tags": [f"t{i} {P('topic tag')}"],
                "actors": [{"id": aid, "role": P("topic actor role")}, "base-state"],
                "agreements": [gid],
                "quotes": [{"id": "tq", "text": quoted, "source": sid, "note": P("topic quote note")}],
                "judgments": [{"text": f"A deal is unlikely: {P('judgment')}", "likelihood": "unlikely",
                               "confidence": "high", "quotes": ["tq"]}],
                "events": [{"date": f"2025-06-{i % 28 + 1:02d}", "text": P("event text"),
                            "actors": [aid], "quote": "tq"}],
            }, f"About [[{gid}]] and [[{aid}]].\n\n[[quote:tq]]\n"),
        }
        # Wikilink labels and code: either rejected (raw HTML is refused even in brief code)
        # or built inert.
        cm: dict[int, str] = {}
        C = lambda where: fill(template, cm, f"payload {i} ({template[:30]!r}) in {where}")
        label = C("wikilink label") if not set("[]|") & set(template) else "plain label"
        code = C("code span") if "`" not in template else "no code"
        code_case = Case(f"xss-code-{i}", "safe", {f"briefs/actors/xss-code-{i}.md": brief(
            {"name": f"Code holder {i}", "summary": "Prose forms that must stay inert.",
             "type": "organization"},
            f"Link [[base-org|{label}]] and code `{code}` here.\n\n"
            f"    {C('indented code')}\n\n"
            f"```text\n{C('fenced code')}\n```\n\n"
            f"~~~\n{C('tilde fence')}\n~~~\n")}, "either", placements=len(cm), markers=cm)
        terms.append({"term": f"Term {i} {P('glossary term')}", "definition": P("definition"),
                      "aliases": [f"Gloss alias {i} {P('glossary alias')}"], "see": [tid]})
        cases.append(Case(f"xss-fields-{i}", "safe", files, "safe", placements=len(markers),
                          markers=markers))
        cases.append(code_case)
        # The same payload in plain prose: a clear error, or escaped.
        pm: dict[int, str] = {}
        Q = lambda where: fill(template, pm, f"payload {i} ({template[:30]!r}) in {where}")
        cases.append(Case(f"xss-prose-{i}", "safe", {f"briefs/actors/xss-prose-{i}.md": brief(
            {"name": f"Prose holder {i}", "summary": "Payload in plain prose.", "type": "group"},
            f"Plain {Q('prose text')} text.\n\n- item {Q('list item')}\n\n"
            f"| a | b |\n|---|---|\n| {Q('table cell')} | x |\n\n## Heading {Q('heading')}\n\n"
            f"> quoted {Q('blockquote')}\n")}, "either", placements=len(pm), markers=pm))
    cases.append(Case("xss-glossary", "safe", {}, "safe", placements=len(terms) * 3))
    cases[-1].files["__glossary_terms__"] = terms  # merged into the safe build's glossary
    return cases


# --- Prose that might slip past the prose rules: a clear error, or inert -----------------
def probe_cases() -> list[Case]:
    probes = {
        "backslash-backtick": "Text \\`<img src=x onerror={JS}>` end.",
        "link-text-html": "See [<img src=x onerror={JS}>](#p1) here.",
        "ref-link-text-html": "See [<svg onload={JS}>][r] here.\n\n[r]: #top",
        "link-title-html": 'See [x](#p1 "<img src=x onerror={JS}>") here.',
        "fragment-breaks-attribute": 'See [x](#"onmouseover="{JS}") here.',
        "fence-bad-info-string": "Text.\n\n``` not a fence {\n<script>{JS}</script>\n```\n",
        "fence-unclosed": "Text.\n\n```\n<img src=x onerror={JS}>\n",
        "fence-closed-by-info-line": "Text.\n\n```\n<script>{JS}</script>\n```js\n\nAfter.\n",
        "fence-in-blockquote": "> ```\n> <script>{JS}</script>\n> ```\n",
        "indented-after-list": "- item\n\n    <script>{JS}</script>\n",
        "tab-indented-code": "Text.\n\n\t<script>{JS}</script>\n",
        "html-tag-split-over-lines": "Text <svg\nonload={JS}> end.",
        "wikilink-code-label": "See [[base-org|`<img src=x onerror={JS}>`]].",
        "wikilink-html-target": "See [[<img src=x onerror={JS}>]].",
        "entity-encoded-tag": "Text &lt;img src=x onerror={JS}&gt; and &#60;script&#62;{JS}&#60;/script&#62;.",
        "abbr-definition": "The ABC is here.\n\n*[ABC]: \" onmouseover=\"{JS}",
        "footnote": "Text[^1].\n\n[^1]: note {onclick={JS}}",
        "attr-list": "Paragraph {: onclick=\"{JS}\" }\n\n## Heading { onclick={JS} }",
        "private-use-quote-mark": "Text \ue000q\ue000 <b\ue000>{JS}.",
        "admonition-title": '!!! note "Title &lt;script&gt;{JS}"\n    Body.',
        "details-title": '??? note "x\\" onclick=\\"{JS}"\n    Body.',
        "html-comment-in-code": "Code `<!--` then <img src=x onerror={JS}> and `-->`.",
        "double-backtick-code": "``<img src=x onerror={JS}>` `` end",
        "nested-brackets-link": "[a [b](#x) <img src=x onerror={JS}>](#p1)",
    }
    cases = []
    for n, (name, template) in enumerate(probes.items()):
        markers: dict[int, str] = {}
        body = fill(template, markers, f"probe {name}")
        cases.append(Case(f"probe-{name}", "safe", {f"briefs/actors/probe-{n}.md": brief(
            {"name": f"Probe {n}", "summary": f"Probe {name}.", "type": "organization"}, body)},
            "either", markers=markers))
    return cases


def _country_case() -> Case:
    """A state's name reaches other pages as the facet tag 'Country: <name>'."""
    markers: dict[int, str] = {}
    name = fill("State <img src=x onerror={JS}>", markers, "state name shown as a country facet tag")
    return Case("country-name-in-facet-tag", "safe", {
        "briefs/actors/xss-state.md": brief({"name": name, "summary": "A state.", "type": "state"}),
        "briefs/actors/xss-citizen.md": brief({"name": "Citizen", "summary": "A person.",
                                               "type": "person", "country": "xss-state"})},
        "safe", markers=markers)


# --- Relations that form cycles, look-alike names, odd encodings that are allowed ----------
def safe_oddities() -> list[Case]:
    cases = [
        Case("cycle-roles", "safe", {
            "briefs/actors/cyc-a.md": brief({"name": "Cycle A", "summary": "A.", "type": "person",
                                             "roles": [{"title": "Head", "of": "cyc-b"}]}, "[[cyc-b]]\n"),
            "briefs/actors/cyc-b.md": brief({"name": "Cycle B", "summary": "B.", "type": "organization",
                                             "roles": [{"title": "Owner", "of": "cyc-a"}]}, "[[cyc-a]]\n"),
        }, "either"),
        Case("cycle-self", "safe", {
            "briefs/actors/cyc-self.md": brief(
                {"name": "Cycle Self", "summary": "Its own country and role.", "type": "state",
                 "country": "cyc-self", "roles": [{"title": "Self", "of": "cyc-self"}]},
                "Links to itself: [[cyc-self]] and [[Cycle Self]].\n")}, "either"),
        Case("cycle-topic-agreement", "safe", {
            "briefs/topics/cyc-topic.md": brief(
                {"name": "Cycle Topic", "summary": "T.", "status": "ongoing",
                 "agreements": ["cyc-accord"], "actors": ["cyc-party"]}, "See [[cyc-accord]].\n"),
            "briefs/agreements/cyc-accord.md": brief(
                {"name": "Cycle Accord", "summary": "G.", "type": "other", "status": "proposed",
                 "parties": ["cyc-party"], "mediators": ["cyc-party"]},
                "Discussed in [[cyc-topic]], which discusses [[cyc-accord]].\n"),
            "briefs/actors/cyc-party.md": brief(
                {"name": "Cycle Party", "summary": "P.", "type": "state"},
                "Party to [[cyc-accord]], in [[cyc-topic]].\n"),
        }, "either"),
        _country_case(),
        Case("homoglyph-cyrillic-a", "safe", {"briefs/actors/homoglyph.md": brief(
            {"name": "B\u0430se State", "summary": "Cyrillic a in the name of another entity.",
             "type": "state", "aliases": ["Base Org\u200b"]})}, "either"),
        Case("bidi-override-name", "safe", {"briefs/actors/bidi.md": brief(
            {"name": "Bidi \u202egnp.exe\u202c name", "summary": "RLO in a name.", "type": "group"})},
            "either"),
        Case("utf8-bom", "safe", {"briefs/actors/with-bom.md": b"\xef\xbb\xbf" + brief(
            {"name": "With BOM", "summary": "A UTF-8 BOM.", "type": "group"}, "Body.\n").encode()},
            "safe"),
        Case("crlf-endings", "safe", {"briefs/actors/crlf.md": brief(
            {"name": "CRLF endings", "summary": "Windows line endings.", "type": "group"},
            "Body [[base-org]].\n").replace("\n", "\r\n")}, "safe"),
        Case("cr-endings", "safe", {"briefs/actors/cr-only.md": brief(
            {"name": "CR endings", "summary": "Old Mac line endings.", "type": "group"},
            "Body.\n").replace("\n", "\r")}, "safe"),
        # Names starting with '.' are ignored by design (editor swap files, .gitkeep).
        Case("hidden-dotfile-ignored", "safe", {"briefs/actors/.hidden.md": "not a brief <script>"},
             "safe"),
        Case("dot-traversal-names-ignored", "safe", {
            "briefs/actors/..%2f.md": "---\nname: [broken\n---\n<script>x</script>",
            "briefs/actors/..%2f..%2fetc%2fpasswd.md": "<script>x</script>",
            "seeds/..%2fevil.txt": "x", "briefs/..hidden/evil.md": "x"}, "safe"),
    ]
    return cases


# --- Cases that must end in a clear error --------------------------------------------------
def _err(name: str, group: str, path: str, content, line=None, lines=None, extra=None) -> Case:
    errors = [Expect(path, line, lines)] + list(extra or [])
    return Case(name, group, {path: content}, "error", errors)


FM = "---\nname: {name}\nsummary: x\ntype: state\n{extra}---\n\nBody.\n"


def yaml_cases() -> list[Case]:
    g, out = "yaml", []
    p = "briefs/actors/yaml-{}.md"
    out.append(_err("yaml-unclosed-flow", g, p.format("unclosed"),
                    "---\nname: [unclosed\nsummary: x\ntype: state\n---\n", lines=(2, 5)))
    out.append(_err("yaml-tab-indent", g, p.format("tab"),
                    "---\nname: x\nsummary:\n\t- y\ntype: state\n---\n", lines=(2, 5)))
    laughs = ("---\nname: lol\nsummary: x\ntype: state\n"
              "tags: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
              + "".join(f"x{k}: &{chr(98 + k)} [" + ",".join([f"*{chr(97 + k)}"] * 9) + "]\n"
                        for k in range(8)) + "---\n")
    out.append(_err("yaml-billion-laughs", g, p.format("laughs"), laughs, line_of(laughs, "&a")))
    deep = FM.format(name="deep", extra="tags: " + "[" * 200 + "]" * 200 + "\n")
    out.append(_err("yaml-deep-flow", g, p.format("deep"), deep, line_of(deep, "tags:")))
    deeper = FM.format(name="deeper", extra="tags: " + "[" * 100_000 + "]" * 100_000 + "\n")
    out.append(_err("yaml-very-deep-flow", g, p.format("deeper"), deeper, line_of(deeper, "tags:")))
    block_deep = FM.format(name="blockdeep", extra="".join("  " * k + "a:\n" for k in range(40)) + "  " * 40 + "b: 1\n")
    out.append(_err("yaml-deep-block", g, p.format("blockdeep"), block_deep, lines=(5, 46)))
    marker = "/tmp/briefing-hostile-pwned"
    pytag = FM.format(name="x", extra=f"tags: !!python/object/apply:os.system [\"touch {marker}\"]\n")
    out.append(_err("yaml-python-tag", g, p.format("pytag"), pytag, line_of(pytag, "!!python")))
    pyname = FM.format(name="!!python/name:os.system", extra="")
    out.append(_err("yaml-python-name-tag", g, p.format("pyname"), pyname, 2))
    binary = FM.format(name="!!binary aGVsbG8=", extra="")
    out.append(_err("yaml-binary-tag", g, p.format("binary"), binary, 2))
    custom = FM.format(name="!custom x", extra="")
    out.append(_err("yaml-custom-tag", g, p.format("custom"), custom, 2))
    dup = "---\nname: a\nsummary: x\ntype: state\nname: b\n---\n"
    out.append(_err("yaml-duplicate-key", g, p.format("dupkey"), dup, 5))
    multi = "---\nname: a\nsummary: x\ntype: state\n--- \nname: b\n---\n"
    out.append(_err("yaml-two-documents", g, p.format("multidoc"), multi, lines=(2, 6)))
    out.append(_err("yaml-not-mapping", g, p.format("list"), "---\n- a\n- b\n---\n", 2))
    out.append(_err("yaml-scalar", g, p.format("scalar"), "---\njust text\n---\n", 2))
    out.append(_err("yaml-empty", g, p.format("empty"), "---\n---\nBody.\n", 2))
    out.append(_err("yaml-no-front-matter", g, p.format("nofm"), "name: x\n\nBody <script>x</script>\n", 1))
    out.append(_err("yaml-unterminated", g, p.format("unterminated"), "---\nname: x\nsummary: y\ntype: state\n", 1))
    out.append(_err("yaml-empty-file", g, p.format("emptyfile"), "", 1))
    many = FM.format(name="many", extra="tags: [" + ",".join(f"t{k}" for k in range(25_000)) + "]\n")
    out.append(_err("yaml-too-many-values", g, p.format("many"), many, line_of(many, "tags:")))
    cplx = "---\nname: x\nsummary: y\ntype: state\n? [a, b]\n: c\n---\n"
    out.append(_err("yaml-complex-key", g, p.format("complexkey"), cplx, 5))
    mapkey = "---\nname: x\nsummary: y\ntype: state\n{a: 1}: c\n---\n"
    out.append(_err("yaml-mapping-key", g, p.format("mapkey"), mapkey, 5))
    nullkey = "---\nname: x\nsummary: y\ntype: state\n~: c\n---\n"
    out.append(_err("yaml-null-key", g, p.format("nullkey"), nullkey, 5))
    cr = "---\rname: [a\rsummary: y\rtype: state\r---\r"
    out.append(_err("yaml-error-cr-endings", g, p.format("crerror"), cr, lines=(2, 5)))
    big = "---\nname: Huge\nsummary: x\ntype: state\n---\n" + ("A" * 99 + "\n") * 100_000
    out.append(_err("huge-10mb-brief", g, p.format("huge"), big, 0))
    ctrl = "---\nname: x\nsummary: \"a\x07b\"\ntype: state\n---\n"
    out.append(_err("yaml-control-char", g, p.format("ctrl"), ctrl, lines=(1, 5)))
    return out


def type_cases() -> list[Case]:
    g, out = "types", []
    base = {"name": "T", "summary": "x", "type": "state"}
    specs = [  # (name, file kind, fields overriding the base, field name whose line fails)
        ("name-list", "actors", {"name": ["a", "b"]}, "name"),
        ("name-bool", "actors", {"name": True}, "name"),
        ("name-null", "actors", {"name": None}, "name"),
        ("summary-mapping", "actors", {"summary": {"a": 1}}, "summary"),
        ("summary-too-long", "actors", {"summary": "x" * 20_001}, "summary"),
        ("aliases-string", "actors", {"aliases": "one"}, "aliases"),
        ("aliases-nested", "actors", {"aliases": [["a"]]}, "aliases"),
        ("type-number", "actors", {"type": 5}, "type"),
        ("type-unknown", "actors", {"type": "<script>x</script>"}, "type"),
        ("quotes-string", "actors", {"quotes": "x"}, "quotes"),
        ("quotes-missing-fields", "actors", {"quotes": [{"note": "n"}]}, "quotes"),
        ("credibility-word", "actors", {"quotes": [{"text": "we remain calm", "source": "base-source",
                                                    "credibility": "high"}]}, "quotes"),
        ("credibility-huge", "actors", {"quotes": [{"text": "we remain calm", "source": "base-source",
                                                    "credibility": 10 ** 30}]}, "quotes"),
        ("updated-word", "actors", {"updated": "yesterday"}, "updated"),
        ("updated-feb-30", "actors", {"updated": "2025-02-30"}, "updated"),
        ("updated-year-99999", "actors", {"updated": "99999-01-01"}, "updated"),
        ("tags-nested", "actors", {"tags": [["nested"]]}, "tags"),
        ("roles-missing-of", "actors", {"roles": [{"title": "X"}]}, "roles"),
        ("roles-not-list", "actors", {"roles": {"title": "X", "of": "base-org"}}, "roles"),
        ("country-not-state", "actors", {"country": "base-org"}, "country"),
        ("country-is-topic", "actors", {"country": "base-topic"}, "country"),
        ("unknown-field", "actors", {"nmae": "typo"}, "nmae"),
        ("field-is-html", "actors", {"<script>x</script>": "y"}, "<script>x</script>"),
        ("parties-wrong-kind", "agreements", {"type": "treaty", "status": "signed",
                                              "parties": ["base-topic"]}, "parties"),
        ("status-unknown", "agreements", {"type": "treaty", "status": "maybe"}, "status"),
        ("events-bad-date", "topics", {"status": "ongoing",
                                       "events": [{"date": "June", "text": "x"}]}, "events"),
        ("judgment-bad-likelihood", "topics", {"status": "ongoing", "judgments": [
            {"text": "x", "likelihood": "probable", "confidence": "low"}]}, "judgments"),
        ("judgment-unknown-quote", "topics", {"status": "ongoing", "judgments": [
            {"text": "x", "likelihood": "likely", "confidence": "low", "quotes": ["nope"]}]}, "judgments"),
        ("quote-not-in-source", "actors", {"quotes": [{"text": "words nobody wrote <script>",
                                                       "source": "base-source"}]}, "quotes"),
        ("quote-across-paragraphs", "actors", {"quotes": [{
            "text": "signed the Base Accord in January. The second paragraph",
            "source": "base-source"}]}, "quotes"),
        ("duplicate-quote-ids", "actors", {"quotes": [
            {"id": "a", "text": "we remain calm", "source": "base-source"},
            {"id": "a", "text": "open to talks", "source": "base-source"}]}, "quotes"),
    ]
    out = []
    for name, folder, override, field_name in specs:
        fields = dict(base)
        if folder != "actors":
            fields.pop("type")
        fields.update(override)
        path = f"briefs/{folder}/type-{name}.md"
        text = brief(fields, "Body.\n")
        line = line_of(text, f"{field_name}:")
        out.append(_err(f"type-{name}", g, path, text, line))
    return out


def source_cases() -> list[Case]:
    g, out = "sources", []
    text = "A paragraph of the source.\n"
    bad = {
        "url-javascript": {"url": "javascript:alert(1)"},
        "url-data": {"url": "data:text/html,<script>alert(1)</script>"},
        "url-quote-break": {"url": "https://example.org/\"><script>alert(1)</script>"},
        "url-protocol-relative": {"url": "//evil.example/x"},
        "grade-unknown": {"reliability": {"grade": "Z", "rationale": "x"}},
        "title-list": {"title": ["a"]},
        "published-bad": {"published": "2025-13"},
        "boilerplate-out-of-range": {"boilerplate": [99]},
        "headings-bad": {"headings": ["../../etc/passwd"]},
    }
    for name, fields in bad.items():
        meta = source_meta(text, **fields)
        key = next(iter(fields))
        out.append(Case(f"source-{name}", g, {f"seeds/src-{name}.txt": text,
                                               f"seeds/src-{name}.yaml": meta}, "error",
                        [Expect(f"seeds/src-{name}.yaml", line_of(meta, f"{key}:"))]))
    meta = source_meta("different text\n")
    out.append(Case("source-sha256-mismatch", g, {"seeds/src-sha.txt": text, "seeds/src-sha.yaml": meta},
                    "error", [Expect("seeds/src-sha.yaml", line_of(meta, "sha256:"))]))
    out.append(_err("source-missing-meta", g, "seeds/src-nometa.txt", text, 0))
    out.append(_err("source-missing-text", g, "seeds/src-notext.yaml", source_meta(text), 1))
    out.append(_err("source-meta-not-mapping", g, "seeds/src-list.yaml", "- a\n", 1,
                    extra=[]))
    out[-1].files["seeds/src-list.txt"] = text
    out.append(_err("source-stray-file", g, "seeds/notes.md", "# notes\n", 0))
    return out


def encoding_cases() -> list[Case]:
    g, out = "encoding", []
    head = b"---\nname: Enc\nsummary: x\n"
    out.append(_err("latin1-byte", g, "briefs/actors/enc-latin1.md",
                    head + b"type: state\n---\n\nCaf\xe9 au lait.\n", 7))
    out.append(_err("latin1-in-front-matter", g, "briefs/actors/enc-latin1-fm.md",
                    b"---\nname: Caf\xe9\nsummary: x\ntype: state\n---\n", 2))
    out.append(_err("utf16-with-bom", g, "briefs/actors/enc-utf16.md",
                    "---\nname: x\nsummary: y\ntype: state\n---\n".encode("utf-16"), 1))
    out.append(_err("nul-byte", g, "briefs/actors/enc-nul.md",
                    head + b"type: state\n\x00\n---\n", 5))
    out.append(_err("surrogate-cesu8", g, "briefs/actors/enc-surrogate.md",
                    head + b"type: state\n---\n\nx \xed\xa0\x80 y\n", 7))
    out.append(_err("overlong-lt", g, "briefs/actors/enc-overlong.md",
                    head + b"type: state\n---\n\n\xc0\xbcscript\xc0\xbe\n", 7))
    out.append(_err("truncated-utf8", g, "briefs/actors/enc-truncated.md",
                    head + b"type: state\n---\n\nend \xe2\x82", 7))
    bad_txt = b"Fine line.\nBad \xff line.\n"
    out.append(Case("source-text-not-utf8", g, {"seeds/enc-src.txt": bad_txt,
                                                 "seeds/enc-src.yaml": source_meta(bad_txt)},
                    "error", [Expect("seeds/enc-src.txt", 2)]))
    return out


def id_cases() -> list[Case]:
    g, out = "ids", []
    mk = lambda name, **kw: brief({"name": name, "summary": "x", "type": "state", **kw})
    dup = brief({"name": "Dup topic", "summary": "x", "status": "ongoing"})
    out.append(Case("duplicate-id-across-kinds", g, {"briefs/actors/dup-one.md": mk("Dup actor"),
                                                     "briefs/topics/dup-one.md": dup}, "error",
                    [Expect("briefs/topics/dup-one.md", 1)]))
    text = "Source text.\n"
    out.append(Case("source-id-equals-brief-id", g, {"seeds/base-state.txt": text,
                                                     "seeds/base-state.yaml": source_meta(text)},
                    "error", [Expect("seeds/base-state.yaml", 1)]))
    for name, value in [("upper", "BASE STATE"), ("spacing", "Base   State"),
                        ("fullwidth", "\uff22\uff41\uff53\uff45 \uff33\uff54\uff41\uff54\uff45"),
                        ("nbsp", "Base\u00a0State"), ("lowercase", "base state")]:
        text_ = mk(value)
        out.append(_err(f"name-collision-{name}", g, f"briefs/actors/coll-{name}.md", text_, 2))
    alias = mk("Alias owner", aliases=["base org"])
    out.append(_err("alias-equals-other-name", g, "briefs/actors/coll-alias.md", alias,
                    line_of(alias, "aliases:")))
    alias2 = mk("Alias twice", aliases=["Foo Bar", "FOO BAR"])
    out.append(_err("alias-duplicate-in-file", g, "briefs/actors/coll-alias2.md", alias2,
                    line_of(alias2, "aliases:")))
    abbr = mk("Abbr owner", abbreviation="\uff22\uff41\uff53\uff45 \uff2f\uff52\uff47")
    out.append(_err("abbreviation-equals-name-fullwidth", g, "briefs/actors/coll-abbr.md",
                    abbr, line_of(abbr, "abbreviation:")))
    for name, fname in [("cyrillic-filename", "b\u0430se-state"), ("fullwidth-filename", "\uff42\uff41\uff53\uff45"),
                        ("uppercase-filename", "Base-State"), ("space-filename", "base state"),
                        ("underscore-filename", "base_state")]:
        out.append(_err(f"id-{name}", g, f"briefs/actors/{fname}.md", mk(f"File {name}"), 0))
    return out


def traversal_cases() -> list[Case]:
    g, out = "traversal", []
    evil = "../../etc/passwd"
    actor = lambda **kw: {"name": "Trav", "summary": "x", "type": "person", **kw}
    specs = [
        ("country", "actors", actor(country=evil), "country"),
        ("roles-of", "actors", actor(roles=[{"title": "X", "of": evil}]), "roles"),
        ("quote-source", "actors", actor(quotes=[{"text": "x", "source": evil}]), "quotes"),
        ("quote-source-path", "actors", actor(quotes=[{"text": "x", "source": "seeds/base-source.txt"}]), "quotes"),
        ("quote-speaker", "actors", actor(quotes=[{"text": "we remain calm", "source": "base-source",
                                                   "speaker": evil}]), "quotes"),
        ("quote-id", "actors", actor(quotes=[{"id": evil, "text": "we remain calm", "source": "base-source"}]), "quotes"),
        ("parties", "agreements", {"name": "Trav", "summary": "x", "type": "treaty", "status": "signed",
                                   "parties": [evil]}, "parties"),
        ("mediators-absolute", "agreements", {"name": "Trav", "summary": "x", "type": "treaty",
                                              "status": "signed", "mediators": ["/etc/passwd"]}, "mediators"),
        ("topic-actor", "topics", {"name": "Trav", "summary": "x", "status": "ongoing", "actors": [evil]}, "actors"),
        ("topic-actor-id", "topics", {"name": "Trav", "summary": "x", "status": "ongoing",
                                      "actors": [{"id": evil}]}, "actors"),
        ("topic-agreements", "topics", {"name": "Trav", "summary": "x", "status": "ongoing",
                                        "agreements": ["..\\..\\windows"]}, "agreements"),
        ("event-actors", "topics", {"name": "Trav", "summary": "x", "status": "ongoing",
                                    "events": [{"date": "2025", "text": "x", "actors": [evil]}]}, "events"),
        ("event-quote", "topics", {"name": "Trav", "summary": "x", "status": "ongoing",
                                   "events": [{"date": "2025", "text": "x", "quote": evil}]}, "events"),
    ]
    for name, folder, fields, key in specs:
        path = f"briefs/{folder}/trav-{name}.md"
        text = brief(fields, "Body.\n")
        out.append(_err(f"traversal-{name}", g, path, text, line_of(text, f"{key}:")))
    bodies = {
        "wikilink": f"See [[{evil}]].",
        "wikilink-absolute": "See [[/etc/passwd]].",
        "wikilink-label": f"See [[{evil}|<img src=x onerror=alert(1)>]].",
        "wikilink-anchor": f"See [[base-source#{evil}]].",
        "wikilink-anchor-p0": "See [[base-source#p0]] and [[base-source#p99]].",
        "quote-placement": f"[[quote:{evil}]]",
        "link-relative-file": f"See [x]({evil}).",
        "link-file-url": "See [x](file:///etc/passwd).",
    }
    for name, body in bodies.items():
        path = f"briefs/actors/trav-body-{name}.md"
        text = brief({"name": f"Body {name}", "summary": "x", "type": "group"}, "Intro.\n\n" + body + "\n")
        out.append(_err(f"traversal-body-{name}", g, path, text, line_of(text, body.split("\n")[0])))
    files = {
        "briefs/actors/x..%2f.md": 0, "briefs/actors/x..%2f..%2fetc%2fpasswd.md": 0,
        "briefs/actors/a..\\..\\evil.md": 0, "briefs/actors/sub/evil.md": 0,
        "briefs/evil.md": 0, "briefs/actors/evil.markdown": 0, "seeds/x..%2fevil.txt": 0,
        "briefs/actors/evil.md.txt": 0, "briefs/actors/evil%00.md": 0,
        "seeds/sub/evil.txt": 0,
    }
    for path in files:
        out.append(_err(f"file-name {path}", g, path, brief({"name": f"F {path}", "summary": "x",
                                                               "type": "group"}), 0))
    out.append(_err("symlink-file", g, "briefs/actors/link-out.md", Symlink("/etc/passwd"), 0))
    out.append(_err("symlink-dir", g, "briefs/topics/linkdir", Symlink("/etc"), 0))
    out.append(_err("symlink-relative", g, "briefs/actors/link-up.md", Symlink("../../mkdocs.yml"), 0))
    out.append(_err("symlink-seed-text", g, "seeds/link-seed.txt", Symlink("/etc/hostname"), 0))
    out[-1].files["seeds/link-seed.yaml"] = source_meta("x\n")
    out.append(_err("symlink-glossary-folder", g, "briefs/agreements/loop", Symlink("."), 0))
    return out


def prose_error_cases() -> list[Case]:
    g, out = "prose", []
    bodies = [
        "<script>{JS}</script>",
        "<img src=x onerror={JS}>",
        "<img/src=x/onerror={JS}>",
        "<img\tsrc=x onerror={JS}>",
        "<svg onload={JS}>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<iframe src=\"javascript:{JS}\"></iframe>",
        '<a href="javascript:{JS}">x</a>',
        "<details open ontoggle={JS}>",
        "</title><script>{JS}</script>",
        "<scr<script>ipt>{JS}</script>",
        '<meta http-equiv="refresh" content="0;url=javascript:{JS}">',
        '<base href="javascript:{JS}//">',
        "<style>@import 'x';</style>",
        "<!-- <script>{JS}</script> -->",
        "<!--",
        "[x](javascript:{JS})",
        "[x](JaVaScRiPt:{JS})",
        "[x](jav&#x61;script:{JS})",
        "[x](&#106;avascript:{JS})",
        "[x](jav&#x09;ascript:{JS})",
        "[x]( javascript:{JS} )",
        "[x](<javascript:{JS}>)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](//evil.example/x)",
        "[x](https://evil.example/)",
        "[x](mailto:a@example.org)",
        "<javascript:{JS}>",
        "<https://evil.example/>",
        "![x](x.png)",
        "![x](javascript:{JS})",
        "[r]: javascript:{JS}",
        "[r]: <javascript:{JS}>",
        "[r]:\n    javascript:{JS}",
        "   [r]: jav&#x61;script:{JS}",
        "# Heading <script>{JS}</script>",
        '!!! note "<img src=x onerror={JS}>"',
        "> quoted <script>{JS}</script>",
        "- item <img src=x onerror={JS}>",
        "| a <svg onload={JS}> | b |",
        "*[ABBR]: <script>{JS}</script>",
        "Text [[quote:nonexistent]] and\n\n[[quote:nonexistent]]",
        "Unresolved [[no-such-entity|label]].",
    ]
    for n, template in enumerate(bodies):
        markers: dict[int, str] = {}
        body = fill(template, markers, f"prose error {n}")
        path = f"briefs/actors/prose-err-{n}.md"
        text = brief({"name": f"Prose error {n}", "summary": "x", "type": "group"},
                     "Intro line.\n\n" + body + "\n\nOutro.\n")
        line = line_of(text, body.split("\n")[0], start=8)
        out.append(_err(f"prose-{template[:40]}", g, path, text, line))
        out[-1].markers = markers
    return out


def glossary_cases() -> list[Case]:
    out = []
    terms = [dict(t) for t in BASE_GLOSSARY_TERMS] + [
        {"term": "Bad see", "definition": "x", "see": ["../../etc/passwd"]},
        {"term": "Missing see", "definition": "x", "see": ["no-such-id"]},
        {"term": "Def list", "definition": ["a"]},
        {"term": "BASE TERM", "definition": "collides with Base Term"},
        {"term": "Base Org", "definition": "collides with an entity name"},
        {"term": "No definition"},
        {"term": "<script>x</script>", "definition": "x", "unknown": 1},
    ]
    text = glossary(terms)
    path = "briefs/glossary.yaml"
    expects = [Expect(path, line_of(text, needle)) for needle in
               ("Bad see", "Missing see", "Def list", "BASE TERM", "Base Org", "No definition", "unknown")]
    out.append(Case("glossary-fields", "glossary", {"__glossary__": text}, "error", expects))
    laughs = "terms:\n  - &a {term: a, definition: b}\n  - *a\n"
    out.append(Case("glossary-billion-laughs", "glossary-yaml", {"__glossary__": laughs}, "error",
                    [Expect(path, 2)]))
    out.append(Case("glossary-not-utf8", "glossary-bytes",
                    {"__glossary__": b"terms:\n  - term: Caf\xe9\n    definition: x\n"}, "error",
                    [Expect(path, 2)]))
    out.append(Case("glossary-not-mapping", "glossary-list", {"__glossary__": "- a\n- b\n"}, "error",
                    [Expect(path, 1)]))
    return out


def all_cases() -> list[Case]:
    return (xss_cases() + probe_cases() + safe_oddities() + yaml_cases() + type_cases()
            + source_cases() + encoding_cases() + id_cases() + traversal_cases()
            + prose_error_cases() + glossary_cases())
