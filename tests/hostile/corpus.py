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
    says: str | None = None  # a part of the message, when the case pins it

    def matches(self, path: str, line: int, message: str = "") -> bool:
        if path != self.path:
            return False
        if self.says is not None and self.says not in message:
            return False
        if self.line is not None:
            return line == self.line
        if self.lines is not None:
            return self.lines[0] <= line <= self.lines[1]
        return True

    def __str__(self) -> str:
        where = self.line if self.line is not None else (
            f"{self.lines[0]}-{self.lines[1]}" if self.lines else "*")
        return f"{self.path}:{where}" + (f" ({self.says!r})" if self.says else "")


@dataclass
class Case:
    name: str
    group: str  # cases of one group are built together
    files: dict[str, object]
    expect: str  # "error" | "safe" | "either"
    errors: list[Expect] = field(default_factory=list)
    placements: int = 1  # how many hostile values the case puts in fields
    markers: dict[int, str] = field(default_factory=dict)  # __pwned value -> where
    seconds: float | None = None  # a time budget: the case is also run alone, and timed
    bug: str = ""  # a known bug in the generator: built alone, expected to fail until fixed


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


QUOTE_MARKS = set("\"'\u2018\u2019\u201c\u201d")


def xss_cases() -> list[Case]:
    """Per payload, each in cases of its own so that one clear rejection does not hide the rest:

    * names: every field a reader sees that is not checked for quotations (names, aliases,
      abbreviations, tags, a source's title, publisher, author, language), which must build;
    * texts: the fields whose quotations are verified (summaries, notes, role titles,
      provisions, location, judgments, events, a topic actor's role, a source's notes and
      rationale): a payload with a quotation mark ends in a clear error at its file, any
      other builds;
    * the source text (refused when it is HTML), wikilink labels and code, and plain prose.
    """
    cases = []
    terms = []
    for i, template in enumerate(PAYLOADS):
        quoting = bool(QUOTE_MARKS & set(template))
        where = lambda kind: f"payload {i} ({template[:30]!r}) in {kind}"

        # -- names: never checked for quotations; must build.
        nm: dict[int, str] = {}
        N = lambda kind: fill(template, nm, where(kind))
        sid, aid, gid, tid = f"xss-src-{i}", f"xss-actor-{i}", f"xss-agr-{i}", f"xss-topic-{i}"
        plain_text = (f"Heading {i}\nParagraph of source {i} mentions Base State here.\n"
                      f"Quoted words of source {i}.\n")
        names = {
            f"seeds/{sid}.txt": plain_text,
            f"seeds/{sid}.yaml": source_meta(
                plain_text, title=f"Title {i} {N('source title')}", label=f"Src {i} {N('source label')}",
                publisher=N("publisher"), author=N("author"), republished_from=N("republished_from"),
                language=N("language"), url=f"https://example.org/xss-{i}?q=%22%3E%3Cscript%3E",
                aliases=[f"Source alias {i} {N('source alias')}"], headings=[1]),
            f"briefs/actors/{aid}.md": brief({
                "name": f"Actor {i} {N('actor name')}", "summary": f"Summary of actor {i}.",
                "aliases": [f"Alias {i} {N('actor alias')}"],
                "abbreviation": f"Abbr {i} {N('abbreviation')}",
                "tags": [f"tag {i} {N('actor tag')}"], "type": "person", "country": "base-state",
                "roles": [{"title": "Envoy", "of": "base-org"}],
                "quotes": [{"id": "q", "text": f"Quoted words of source {i}", "source": sid,
                            "credibility": 3}],
            }, f"Works with [[base-org]] and [[{gid}|the agreement]] ([[{sid}#p1|¶1]]).\n\n[[quote:q]]\n"),
            f"briefs/agreements/{gid}.md": brief({
                "name": f"Agreement {i} {N('agreement name')}", "summary": f"Agreement {i}.",
                "type": "treaty", "status": "signed", "signed": "2025-03",
                "parties": ["base-state", aid], "mediators": ["base-org"], "tags": [N("agreement tag")],
            }, f"Discussed in [[{tid}|the topic]].\n"),
            f"briefs/topics/{tid}.md": brief({
                "name": f"Topic {i} {N('topic name')}", "summary": f"Topic {i}.",
                "status": "emerging", "tags": [f"t{i} {N('topic tag')}"],
                "actors": [{"id": aid, "role": "lead"}, "base-state"], "agreements": [gid],
                "quotes": [{"id": "tq", "text": f"Quoted words of source {i}", "source": sid}],
                "judgments": [{"text": "A deal is unlikely.", "likelihood": "unlikely",
                               "confidence": "high", "quotes": ["tq"]}],
                "events": [{"date": f"2025-06-{i % 28 + 1:02d}", "text": f"Event {i}.",
                            "actors": [aid], "quote": "tq"}],
            }, f"About [[{gid}|the agreement]] and [[{aid}|the actor]].\n\n[[quote:tq]]\n"),
        }
        cases.append(Case(f"xss-names-{i}", "safe", names, "safe", placements=len(nm), markers=nm))
        terms.append({"term": f"Term {i} {N('glossary term')}",
                      "aliases": [f"Gloss alias {i} {N('glossary alias')}"],
                      "definition": f"Definition {i}." if quoting else f"Definition {N('definition')}",
                      "see": ["base-topic"]})

        # -- texts: verified for quotations; a quotation mark is a clear error at its file.
        for kind, rel, make in (
                ("actor", f"briefs/actors/xss-texts-actor-{i}.md", lambda T: brief({
                    "name": f"Texts actor {i}", "summary": f"Summary {T('actor summary')}",
                    "type": "person", "roles": [{"title": f"Role {T('role title')}", "of": "base-org"}],
                    "quotes": [{"id": "q", "text": "we remain calm", "source": "base-source",
                                "note": f"Note {T('quote note')}"}]}, "[[quote:q]]\n")),
                ("agreement", f"briefs/agreements/xss-texts-agr-{i}.md", lambda T: brief({
                    "name": f"Texts agreement {i}", "summary": T("agreement summary"),
                    "type": "treaty", "status": "signed", "parties": ["base-state"],
                    "location": T("location"), "date_note": T("date note"),
                    "provisions": [T("provision"), f"Second {T('provision 2')}"]}, "Body.\n")),
                ("topic", f"briefs/topics/xss-texts-topic-{i}.md", lambda T: brief({
                    "name": f"Texts topic {i}", "summary": T("topic summary"), "status": "emerging",
                    "actors": [{"id": "base-state", "role": T("topic actor role")}],
                    "quotes": [{"id": "tq", "text": "Base State signed the Base Accord",
                                "source": "base-source", "note": T("topic quote note")}],
                    "judgments": [{"text": f"A deal is unlikely: {T('judgment')}", "likelihood": "unlikely",
                                   "confidence": "high", "quotes": ["tq"]}],
                    "events": [{"text": T("event text"), "date_note": T("event date note"), "quote": "tq"}],
                }, "[[quote:tq]]\n")),
        ):
            tm: dict[int, str] = {}
            T = lambda field, tm=tm, kind=kind: fill(template, tm, where(f"{kind} {field}"))
            cases.append(Case(f"xss-texts-{kind}-{i}", "safe", {rel: make(T)},
                              "either" if quoting else "safe", placements=len(tm), markers=tm))
        sm: dict[int, str] = {}
        S = lambda field: fill(template, sm, where(field))
        notes_id = f"xss-notes-{i}"
        cases.append(Case(f"xss-texts-source-{i}", "safe", {
            f"seeds/{notes_id}.txt": plain_text,
            f"seeds/{notes_id}.yaml": source_meta(
                plain_text, title=f"Notes source {i}", label=f"Notes {i}", notes=S("source notes"),
                reliability={"grade": "C", "rationale": S("rationale")}, headings=[1])},
            "either" if quoting else "safe", placements=len(sm), markers=sm))

        # -- the source text itself: refused when it reads as HTML, else escaped.
        xm: dict[int, str] = {}
        X = lambda field: fill(template, xm, where(field))
        text = (f"Heading {i} {X('source heading')}\n"
                f"Paragraph of source {i} mentions Base State and {X('source paragraph')} here.\n")
        text_id = f"xss-text-{i}"
        cases.append(Case(f"xss-source-text-{i}", "safe", {
            f"seeds/{text_id}.txt": text,
            f"seeds/{text_id}.yaml": source_meta(text, title=f"Text source {i}", label=f"Text {i}",
                                                 headings=[1])}, "either", placements=len(xm), markers=xm))

        # Wikilink labels and code: either rejected (raw HTML is refused even in brief code)
        # or built inert.
        cm: dict[int, str] = {}
        C = lambda kind: fill(template, cm, where(kind))
        label = C("wikilink label") if not set("[]|") & set(template) else "plain label"
        code = C("code span") if "`" not in template else "no code"
        cases.append(Case(f"xss-code-{i}", "safe", {f"briefs/actors/xss-code-{i}.md": brief(
            {"name": f"Code holder {i}", "summary": "Prose forms that must stay inert.",
             "type": "organization"},
            f"Link [[base-org|{label}]] and code `{code}` here.\n\n"
            f"    {C('indented code')}\n\n"
            f"```text\n{C('fenced code')}\n```\n\n"
            f"~~~\n{C('tilde fence')}\n~~~\n")}, "either", placements=len(cm), markers=cm))
        # The same payload in plain prose: a clear error, or escaped.
        pm: dict[int, str] = {}
        Q = lambda kind: fill(template, pm, where(kind))
        cases.append(Case(f"xss-prose-{i}", "safe", {f"briefs/actors/xss-prose-{i}.md": brief(
            {"name": f"Prose holder {i}", "summary": "Payload in plain prose.", "type": "group"},
            f"Plain {Q('prose text')} text.\n\n- item {Q('list item')}\n\n"
            f"| a | b |\n|---|---|\n| {Q('table cell')} | x |\n\n## Heading {Q('heading')}\n\n"
            f"> quoted {Q('blockquote')}\n")}, "either", placements=len(pm), markers=pm))
    glossary_markers = {n: w for c in cases if c.name.startswith("xss-names-") for n, w in c.markers.items()
                        if "glossary" in w or "definition" in w}
    cases.append(Case("xss-glossary", "safe", {"__glossary_terms__": terms}, "safe",
                      placements=len(glossary_markers), markers=glossary_markers))
    for case in cases:  # the glossary's payloads are the glossary case's, not the names case's
        if case.name.startswith("xss-names-"):
            case.markers = {n: w for n, w in case.markers.items() if n not in glossary_markers}
            case.placements = len(case.markers)
    return cases


def long_source_text_case() -> Case:
    """The HTML check reads a source's first 5,000 characters: markup after them is escaped."""
    markers: dict[int, str] = {}
    late = fill("<script>{JS}</script><img src=x onerror={JS}>", markers, "source text after 5,000 characters")
    text = "Long source.\n" + "".join(f"Filler paragraph {n} of the long source text.\n" for n in range(150)) \
        + f"The last paragraph {late} ends here.\n"
    return Case("source-html-after-5000-characters", "safe", {
        "seeds/long-text.txt": text,
        "seeds/long-text.yaml": source_meta(text, title="Long text", label="Long", headings=[1])},
        "either", markers=markers)


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
        # A reference definition that nothing uses renders nothing; one that is used is a
        # link, which brief prose refuses.
        "unused-ref-definition": "Text.\n\n[r]: javascript:{JS}",
        "unused-ref-definition-angle": "Text.\n\n[r]: <javascript:{JS}>",
        "unused-ref-definition-next-line": "Text.\n\n[r]:\n    javascript:{JS}",
        "unused-ref-definition-entity": "Text.\n\n   [r]: jav&#x61;script:{JS}",
        "used-ref-definition": "See [x][r].\n\n[r]: javascript:{JS}",
        "admonition-title-img": '!!! note "<img src=x onerror={JS}>"\n    Body.',
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
        # Zero-width characters are not folded away: an alias that looks like another
        # entity's name is a name of its own (a clear error would do too).
        Case("zero-width-alias", "safe", {"briefs/actors/zero-width.md": brief(
            {"name": "Zero width", "summary": "A zero-width space in an alias.",
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
def _err(name: str, group: str, path: str, content, line=None, lines=None, extra=None,
         says: str | None = None) -> Case:
    errors = [Expect(path, line, lines, says)] + list(extra or [])
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
    out.append(_err("yaml-control-char", g, p.format("ctrl"), ctrl, 3))
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
    out.append(_err("homoglyph-cyrillic-a", g, "briefs/actors/homoglyph.md",
                    mk("B\u0430se State"), 2, says="the name or alias 'B\u0430se State' is also used by"))
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
    out.append(_err("file-in-subfolder-hint", g, "briefs/actors/sub/q-evil.md", "---\nname: E\n---\n", 0,
                    says="this file is not a brief, so it would not be published (it is in "
                         "briefs/actors/sub/, and subfolders of the brief folders are not read: "
                         "move it to briefs/actors/q-evil.md)"))
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
        "# Heading <script>{JS}</script>",
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


RAW_HTML = "raw HTML is not allowed in brief prose: '<"
NOT_WIKI = "links in brief prose must be wikilinks, not '"


def opener_cases() -> list[Case]:
    """Every text Markdown renders is prose: an admonition's or a collapsible block's title,
    a 'fence' that superfences does not close, a link nested deeper than the tokenizer
    reads, a reference definition, a list line that goes on a paragraph, a table cell."""
    g, out = "prose", []
    bodies = [  # (name, body, the needle on the error's line, what the error says)
        ("admonition-title-0", '!!! note "<script>{JS}</script>"\n    Body.', "!!!", RAW_HTML),
        ("admonition-title-1", '??? note "<script>{JS}</script>"\n    Body.', "???", RAW_HTML),
        ("admonition-title-2", "!!! note \"<img src='x' onerror='{JS}'>\"\n    Body.", "!!!", RAW_HTML),
        ("details-open-title", "???+ note \"<img src='x' onerror='{JS}'>\"\n    Body.", "???+", RAW_HTML),
        ("admonition-not-an-opener", "!!! <svg onload='{JS}'>\n    Body.", "!!!", RAW_HTML),
        ("admonition-title-link", '!!! note "[x](javascript:{JS})"\n    Body.', "!!!", NOT_WIKI),
        ("heading-without-space", "#Heading <img src='x' onerror='{JS}'>", "#Heading", RAW_HTML),
        ("dashes-then-html", "---<img src='x' onerror='{JS}'>", "---", RAW_HTML),
        ("fence-never-closed", "```\n[x](javascript:{JS})", "[x]", NOT_WIKI),
        ("fence-closed-longer", "```\n[x](javascript:{JS})\n````", "[x]", NOT_WIKI),
        ("fence-with-options", '``` linenums="1"\n[x](javascript:{JS})\n```', "```",
         "a code fence in brief prose may name its language only"),
        ("nested-brackets-link", "See [a [b [c] ] d](javascript:{JS}) here.", "See", NOT_WIKI),
        ("nested-parens-link", "See [a](javascript:alert(({N}))) here.", "See", NOT_WIKI),
        ("reference-definition", "See [r].\n\n[r]: javascript:{JS}", "[r]:", NOT_WIKI),
        ("list-line-goes-on-paragraph", "Lead `\n- a `[x](javascript:{JS})` b", "- a", NOT_WIKI),
        ("table-cell-code", "| h | i |\n|---|---|\n| a `` | [x](javascript:{JS}) | ` b |", "| a",
         "links are not allowed in brief prose, not even in code"),
    ]
    for name, template, needle, says in bodies:
        markers: dict[int, str] = {}
        path, text = _quoting(name, fill(template, markers, f"opener {name}"))
        out.append(Case(name, g, {path: text}, "error",
                        [Expect(path, line_of(text, needle, start=8), says=says)], markers=markers))
    return out


def quoted_name_case() -> Case:
    """A name with quotation marks, linked by id: the marks are not the linking page's."""
    return Case("quoted-name-linked-by-id", "safe", {
        "briefs/actors/q-zed.md": brief({"name": 'Tomas "Zed" Reyes', "summary": "A minister.", "type": "person"}),
        "briefs/actors/q-links-zed.md": brief({"name": "Links Zed", "summary": "x", "type": "group"},
                                              "Intro line.\n\nIt met [[q-zed]] ([[base-source#p1]]).\n")},
        "safe")


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
    expects = [Expect(path, line_of(text, needle), says=says) for needle, says in (
        ("Bad see", "'terms[2].see[1]' must be an id like 'ana-costa'"),
        ("Missing see", "the term 'Missing see' has 'see: no-such-id', but no entity has that id"),
        ("Def list", "'terms[4].definition' must be text, not a list"),
        ("BASE TERM", "the name or alias 'BASE TERM' is also used by 'Base Term'"),
        ("Base Org", "the name or alias 'Base Org' is also used by 'base-org'"),
        ("No definition", "missing required field 'definition' in 'terms[7]'"),
        ("unknown", "unknown field 'unknown'"))]
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


# --- The quotation scanner: every phrase in quotation marks is verified -------------------
QUOTE_SOURCE = "quote-src"
LONG_PASSAGE = " ".join(f"word{n} of the long passage" for n in range(1000))  # ~27,000 characters
QUOTE_SOURCE_TEXT = (
    "Quotation source\n"
    "The minister said \"we call it 'the accord' and mean it\" on Monday.\n"
    "Analysts call it Base State's view of the accord, and the talks go on.\n"
    f"{LONG_PASSAGE}.\n"
)
LONG_QUOTE = LONG_PASSAGE[:5000].rsplit(" ", 1)[0]  # 5,000 characters of the source, verbatim
INVENTED = " ".join(f"invented{n} words nobody wrote" for n in range(200))[:5000].rsplit(" ", 1)[0]


def _quoting(name: str, body: str, **fields) -> tuple[str, str]:
    path = f"briefs/actors/q-{name}.md"
    return path, brief({"name": f"Quoting {name}", "summary": f"Quotations: {name}.", "type": "group",
                        **fields}, "Intro line.\n\n" + body + "\n\nOutro.\n")


def quotation_cases() -> list[Case]:
    g, out = "quotations", []
    source = {f"seeds/{QUOTE_SOURCE}.txt": QUOTE_SOURCE_TEXT,
              f"seeds/{QUOTE_SOURCE}.yaml": source_meta(QUOTE_SOURCE_TEXT, title="Quotation source",
                                                        label="Quotes", headings=[1])}
    never = "this quotation mark is never closed"
    errors = [  # (name, body, [(needle on the error's line, what the message says)])
        ("unbalanced-open", 'It was "never closed, said the minister.', [('"never closed', never)]),
        ("unbalanced-close", 'It was never opened" said nobody.', [('opened"', never)]),
        ("unbalanced-in-list", '- one "item\n- two', [('"item', never)]),
        ("across-paragraphs", '"we remain calm\n\nand open to talks"', [('"we remain', never), ('talks"', never)]),
        ("across-lines-misquoted", 'They were "we remain calm\nand closed to talks" then.',
         [('"we remain', 'the quotation "we remain calm and closed to talks" is not in any source')]),
        ("nested-misquote", "She said \"he called it 'a gift' twice\" today ([[base-source#p2]]).",
         [("a gift", "the quotation \"he called it 'a gift' twice\" is not in any source")]),
        ("british-with-apostrophe-misquote", "They call it 'Ostria's view' now.",
         [("Ostria", "the quotation \"Ostria's view\" is not in any source")]),
        ("curly-misquote", "They said \u201cwe remain furious\u201d ([[base-source#p2]]).",
         [("furious", "the quotation \"we remain furious\" is not in any source")]),
        ("invented-5000-characters", f'It reads "{INVENTED}" ([[base-source#p2]]).',
         [("It reads", f"the quotation \"{INVENTED[:159]}\u2026\" is not in any source")]),
    ]
    for name, body, expected in errors:
        path, text = _quoting(name, body)
        expects = [Expect(path, line_of(text, needle, start=8), says=says) for needle, says in expected]
        out.append(Case(f"quotes-{name}", g, {path: text}, "error", expects))
    # Quotation marks in YAML fields a reader sees: verified like prose.
    field_cases = {
        "summary": ({"summary": 'She said "nobody wrote this".'}, "summary:"),
        "quote-note": ({"quotes": [{"text": "we remain calm", "source": "base-source",
                                    "note": 'Later "nobody wrote this".'}]}, "quotes:"),
        "role-title": ({"roles": [{"title": 'The "harbour king"', "of": "base-org"}]}, "roles:"),
    }
    for name, (fields, needle) in field_cases.items():
        path = f"briefs/actors/q-field-{name}.md"
        text = brief({"name": f"Field {name}", "summary": "x", "type": "person", **fields})
        out.append(Case(f"quotes-in-{name}", g, {path: text}, "error", [Expect(
            path, line_of(text, needle), says="(quote the source's exact words, or rephrase without quotation marks)")]))
    topic = brief({"name": "Field topic", "summary": "x", "status": "ongoing",
                   "judgments": [{"text": 'It is "a permanent loss".', "likelihood": "likely", "confidence": "low"}],
                   "events": [{"date": "2025", "text": 'The council called it "a bargain".'}]})
    path = "briefs/topics/q-field-topic.md"
    out.append(Case("quotes-in-judgment-and-event", g, {path: topic}, "error", [
        Expect(path, line_of(topic, "judgments:"), says='the quotation "a permanent loss" is not in any source'),
        Expect(path, line_of(topic, "events:"), says='the quotation "a bargain" is not in any source')]))
    agreement = brief({"name": "Field agreement", "summary": "x", "type": "other", "status": "signed",
                       "provisions": ['Northline pays "no rent at all".'], "date_note": 'It says "soon".'})
    path = "briefs/agreements/q-field-agreement.md"
    out.append(Case("quotes-in-provision-and-date-note", g, {path: agreement}, "error", [
        Expect(path, line_of(agreement, "provisions:"), says='the quotation "no rent at all"'),
        Expect(path, line_of(agreement, "date_note:"), says='the quotation "soon"')]))
    terms = [dict(t) for t in BASE_GLOSSARY_TERMS] + [
        {"term": "Pier", "definition": 'The "new pier" of the harbour.'},
        {"term": "Quay", "definition": 'A "wharf never closed.'}]
    text = glossary(terms)
    out.append(Case("quotes-in-glossary-definition", "glossary-quotes", {"__glossary__": text}, "error", [
        Expect("briefs/glossary.yaml", line_of(text, "Pier"), says='the quotation "new pier" is not in any source'),
        Expect("briefs/glossary.yaml", line_of(text, "Quay"), says=never)]))
    src_text = "A source with a quoted note.\n"
    meta = source_meta(src_text, title="Noted", label="Noted", notes='The paper calls it "a scandal".')
    out.append(Case("quotes-in-source-notes", g, {"seeds/q-noted.txt": src_text, "seeds/q-noted.yaml": meta},
                    "error", [Expect("seeds/q-noted.yaml", line_of(meta, "notes:"),
                                     says='the quotation "a scandal" is not in any source')]))

    # Quotations that are verified, or that are not quotations at all: a safe site.
    safe = {
        "nested-verified": "The minister said \"we call it 'the accord' and mean it\" ([[quote-src#p1]]).",
        "british-with-apostrophe": "They call it 'Base State's view' ([[quote-src#p2]]).",
        "across-lines-verified": 'They said "we remain calm\nand open to talks" ([[base-source#p2]]).',
        "in-wikilink-label": 'See [[base-org|"the org"]] and [[base-org|\u201cit\u201d]].',
        "in-code-span": 'Code `"not a quote"` and ``"also \' not"`` here.',
        "in-fence": 'Text.\n\n```\nsay "not a quote\n```\n\n~~~\n\u201cnor this\n~~~',
        "apostrophe-runs": "It was '''' and '' and ''''''' and rock 'n' roll, the '90s, the sources' view.",
        "apostrophes-in-words": "Base State's and Base Org\u2019s view, 'tis said, o'clock.",
        "ellipsis-start": 'They said "... we remain calm" ([[base-source#p2]]).',
        "ellipsis-end": 'They said "open to talks ..." ([[base-source#p2]]).',
        "ellipsis-alone": 'They said "..." and "\u2026" and \u201c...\u201d.',
        "ellipsis-middle": 'They said "we remain calm \u2026 open to talks" ([[base-source#p2]]).',
        "ellipsis-drops-words": 'They were "we remain ... to talks" ([[base-source#p2]]).',
        "title-form": 'The [[title:Base "Accord" plan]] and [[title:"]] and [[title:\u2018x\u2019]] and '
                      "[[title:'single']].",
        "title-form-in-quotation": 'They said "we remain calm" of [[title:the "calm" doctrine]] ([[base-source#p2]]).',
        "empty-quotes": 'Empty "" and \u201c\u201d and "   " here.',
        "long-verbatim-quote": f'It reads "{LONG_QUOTE}" ([[quote-src#p3]]).',
    }
    out.append(Case("quotes-source", "safe", source, "safe"))
    for name, body in safe.items():
        path, text = _quoting(name, body)
        out.append(Case(f"quotes-{name}", "safe", {path: text}, "either"))
    # Many marks in one paragraph: the scanner is linear, the check finishes in seconds.
    heavy = {
        "10000-double-marks": '"' * 10_000,
        "10000-apostrophes": "'" * 10_000,
        "5000-short-quotations": '"we" ' * 5_000,
        "10000-mixed-marks": "".join("\"'\u201c\u201d\u2018\u2019 x"[n % 8] for n in range(10_000)),
        "10000-unclosed-singles-then-doubles": "'a " * 5_000 + '"" ' * 2_500,
        "80000-unclosed-singles-then-doubles": "'a " * 40_000 + '"" ' * 20_000,
    }
    for name, body in heavy.items():
        path, text = _quoting(name, body)
        out.append(Case(f"quotes-{name}", "safe", {path: text}, "either", seconds=10.0))
    return out


def bug_cases() -> list[Case]:
    """Known bugs: each case states the ending the generator should reach, and is built on
    its own (test_hostile.test_known_bug, a strict xfail) until the bug is fixed."""
    return []  # none open: a fixed bug's case moves to the group it belongs to


# What each error case's message says (its first expected error), as the generator words it
# now: a case fails when the error at its line is some other one.
SAYS = {
    "yaml-unclosed-flow": "YAML syntax error: a [list] that is never closed",
    "yaml-tab-indent": "YAML syntax error: a tab character: YAML indentation must use spaces",
    "yaml-billion-laughs": "anchors (&) and aliases (*) are not allowed",
    "yaml-deep-flow": "values are nested more than 16 levels deep",
    "yaml-very-deep-flow": "values are nested more than 16 levels deep",
    "yaml-deep-block": "values are nested more than 16 levels deep",
    "yaml-python-tag": "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    "yaml-python-name-tag": "the tag 'tag:yaml.org,2002:python/name:os.system' is not allowed",
    "yaml-binary-tag": "the tag 'tag:yaml.org,2002:binary' is not allowed",
    "yaml-custom-tag": "the tag '!custom' is not allowed",
    "yaml-duplicate-key": "the key 'name' appears twice",
    "yaml-two-documents": "only one YAML document is allowed",
    "yaml-not-mapping": "the front matter (name: …, summary: …) must be a mapping of fields",
    "yaml-scalar": "the front matter (name: …, summary: …) must be a mapping of fields",
    "yaml-empty": "the front matter (name: …, summary: …) must be a mapping of fields",
    "yaml-no-front-matter": "the brief has no front matter",
    "yaml-unterminated": "the front matter is never closed",
    "yaml-empty-file": "the brief has no front matter",
    "yaml-too-many-values": "more than 20000 values",
    "yaml-complex-key": "a key must be a plain word",
    "yaml-mapping-key": "a key must be a plain word",
    "yaml-null-key": "a key must be a plain word",
    "yaml-error-cr-endings": "YAML syntax error: a [list] that is never closed",
    "huge-10mb-brief": "the file is 10,000,042 bytes; the limit is 1,000,000",
    "yaml-control-char": ("the control character U+0007 is not allowed in YAML "
                          "(delete it: most editors do not show it)"),
    "type-name-list": "'name' must be text, not a list",
    "type-name-bool": "'name' must be text, not true/false",
    "type-name-null": "missing required field 'name'",
    "type-summary-mapping": "'summary' must be text, not a mapping",
    "type-summary-too-long": "'summary' is longer than 20000 characters",
    "type-aliases-string": "'aliases' must be a list, not text",
    "type-aliases-nested": "'aliases[1]' must be text, not a list",
    "type-type-number": "'type' is 5; expected one of: person, state, organization, media, group",
    "type-type-unknown": "'type' is '<script>x</script>'; expected one of",
    "type-quotes-string": "'quotes' must be a list, not text",
    "type-quotes-missing-fields": "missing required field 'text' in 'quotes[1]'",
    "type-credibility-word": "'quotes[1].credibility' must be a whole number from 1 to 6, not 'high'",
    "type-credibility-huge": "'quotes[1].credibility' must be a whole number from 1 to 6",
    "type-updated-word": "'updated': 'yesterday' is not a date",
    "type-updated-feb-30": "'updated': '2025-02-30' is not a real date: February 2025 has 28 days",
    "type-updated-year-99999": "'updated': '99999-01-01' is not a date",
    "type-tags-nested": "'tags[1]' must be text, not a list",
    "type-roles-missing-of": "missing required field 'of' in 'roles[1]'",
    "type-roles-not-list": "'roles' must be a list, not a mapping",
    "type-country-not-state": "'country' must name a state, but 'base-org' is an organization",
    "type-country-is-topic": "'country' must name a state, but 'base-topic' is a topic",
    "type-unknown-field": "unknown field 'nmae' (did you mean 'name'?)",
    "type-field-is-html": "unknown field '<script>x</script>'",
    "type-parties-wrong-kind": "'parties[1]' must name an actor, but 'base-topic' is a topic",
    "type-status-unknown": "'status' is 'maybe'; expected one of",
    "type-events-bad-date": "'events[1].date': 'June' is not a date",
    "type-judgment-bad-likelihood": "'judgments[1].likelihood' is 'probable'; expected one of",
    "type-judgment-unknown-quote": "the judgment cites quote 'nope', which is not in this brief's 'quotes'",
    "type-quote-not-in-source": "the quote \"words nobody wrote <script>\" is not in source 'base-source'",
    "type-quote-across-paragraphs": "runs across a paragraph break in source 'base-source'",
    "type-duplicate-quote-ids": "the quote id 'a' is used twice in this brief",
    "source-url-javascript": "'url' must be an http:// or https:// address, not 'javascript:alert(1)'",
    "source-url-data": "'url' must be an http:// or https:// address, not 'data:",
    "source-url-quote-break": "'url' must be an http:// or https:// address",
    "source-url-protocol-relative": "'url' must be an http:// or https:// address, not '//evil.example/x'",
    "source-grade-unknown": "'reliability.grade' is 'Z'; expected one of: A, B, C, D, E, F",
    "source-title-list": "'title' must be text, not a list",
    "source-published-bad": "'published': '2025-13' has no month 13",
    "source-boilerplate-out-of-range": "'boilerplate' names line 99, but the text has 1 lines",
    "source-headings-bad": "'headings[1]' must be a line number or a range",
    "source-sha256-mismatch": "the source text was changed: seeds/src-sha.txt no longer matches its sha256",
    "source-missing-meta": "the source 'src-nometa' has no metadata file",
    "source-missing-text": "missing seed file: seeds/src-notext.txt does not exist",
    "source-meta-not-mapping": "the metadata (title: …, sha256: …) must be a mapping of fields",
    "source-stray-file": "this file is not a source, so nothing uses it",
    "nul-byte": "the file contains a NUL character",
    "duplicate-id-across-kinds": "duplicate id 'dup-one': briefs/actors/dup-one.md uses it too",
    "source-id-equals-brief-id": "duplicate id 'base-state': briefs/actors/base-state.md uses it too",
    "alias-equals-other-name": "the name or alias 'base org' is also used by 'base-org'",
    "alias-duplicate-in-file": "'aliases' lists 'FOO BAR' twice",
    "abbreviation-equals-name-fullwidth": "is also used by 'base-org'",
    "traversal-body-wikilink-anchor": "[[base-source#../../etc/passwd]]: 'base-source' has no anchor",
    "traversal-body-wikilink-anchor-p0": "[[base-source#p0]]: 'base-source' has no anchor '#p0'",
    "traversal-body-quote-placement": "[[quote:../../etc/passwd]] names no quote of this brief",
    "glossary-billion-laughs": "anchors (&) and aliases (*) are not allowed",
    "glossary-not-utf8": "the file is not UTF-8 text (byte 0xe9",
    "glossary-not-mapping": "the glossary (terms: …) must be a mapping of fields",
}


def _says(case: Case) -> str | None:
    """The message of cases that come in series, by what they hold."""
    name = case.name
    if name in SAYS:
        return SAYS[name]
    if name.startswith("name-collision-"):
        return "is also used by 'base-state' (briefs/actors/base-state.md)"
    if name in ("latin1-byte", "latin1-in-front-matter", "utf16-with-bom", "surrogate-cesu8",
                "overlong-lt", "truncated-utf8", "source-text-not-utf8"):
        return "the file is not UTF-8 text (byte 0x"
    if name.startswith("id-") or name.startswith("file-name") and "%2f" in name or "%00" in name \
            or name == "file-name briefs/actors/a..\\..\\evil.md":
        return "is not a valid id (rename it to '"
    if name.startswith("file-name briefs/"):
        return "this file is not a brief, so it would not be published"
    if name.startswith("file-name seeds/"):
        return "this file is not a source, so nothing uses it"
    if name.startswith("symlink-"):
        return "symbolic links are not allowed in briefs/ or seeds/"
    if name.startswith("traversal-body-wikilink"):
        return "unresolved reference [["
    if name.startswith("traversal-body-link"):
        return "links in brief prose must be wikilinks, not '"
    if name.startswith("traversal-"):
        return "must be an id like 'ana-costa' (lowercase letters, digits and single hyphens), not '"
    if name.startswith("prose-"):
        body = name[len("prose-"):]
        if body.startswith("!["):
            return "images are not allowed in brief prose"
        if body.startswith(">"):
            return "block quotes are not allowed in brief prose"
        if body.startswith("[x]") or body.startswith("<javascript") or body.startswith("<https"):
            return "links in brief prose must be wikilinks, not '"
        if "[[quote:" in body:
            return "[[quote:nonexistent]] must be alone on its line"
        if "[[no-such-entity" in body:
            return "unresolved reference [[no-such-entity]]"
        return "raw HTML is not allowed in brief prose: '<"
    return None


def pin_messages(cases: list[Case]) -> list[Case]:
    for case in cases:
        if case.expect == "error" and case.errors and case.errors[0].says is None:
            says = _says(case)
            if says:
                case.errors[0] = Expect(case.errors[0].path, case.errors[0].line, case.errors[0].lines, says)
    return cases


def all_cases() -> list[Case]:
    return pin_messages(xss_cases() + [long_source_text_case()] + probe_cases() + safe_oddities()
                        + yaml_cases() + type_cases() + source_cases() + encoding_cases() + id_cases()
                        + traversal_cases() + prose_error_cases() + opener_cases() + [quoted_name_case()]
                        + glossary_cases() + quotation_cases()
                        + bug_cases())
