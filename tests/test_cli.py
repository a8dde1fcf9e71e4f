"""The command line, `python -m briefing …`, as a contributor and CI use it.

Every test builds a small project in a temp folder (mkdocs.yml, hooks/ and docs/ copied
from this repository, a tiny briefs/ and the two real seeds) and runs the CLI there in a
subprocess, exactly as `make check` does: exit codes, the three output formats, the
scaffolds, import-source, quote verification end to end, and the JSON Schemas (generated
from hooks/briefing/formats.py, the one description of every format).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HOOKS = REPO / "hooks"
sys.path.insert(0, str(HOOKS))

from briefing.load import split_front_matter  # noqa: E402
from briefing.yamlsafe import load_yaml  # noqa: E402
from helpers import copy_skeleton  # noqa: E402

SEEDS = ("nghean-russia-unexpected-role", "russia-mediator-analysis")
HUMAN = re.compile(r"^(?P<path>[^\s:][^:\n]*):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")
GITHUB = re.compile(r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+)::(?P<text>.+)$")

RUSSIA = """\
---
# yaml-language-server: $schema=../../schemas/actor.schema.json
name: Russia
summary: "A state; both sources argue a Russian perspective."
updated: 2025-07-01
type: state
quotes:
  - id: officials-confirmed
    text: "Russian officials confirmed that an agreement was reached for Russia to act as a mediator but did not disclose additional details."
    source: russia-mediator-analysis
    credibility: 3
---

The second source reports that Russia agreed to mediate ([[russia-mediator-analysis#p2]]):

[[quote:officials-confirmed]]
"""

HOME = "# Test briefing\n\nA tiny project for the CLI tests. See [[russia]].\n"


# -- helpers ----------------------------------------------------------------------------

def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(HOOKS), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A valid project: the real config, hooks and docs assets; one brief; the two seeds."""
    root = tmp_path / "project"
    copy_skeleton(root, HOME)
    (root / "seeds").mkdir()
    for sid in SEEDS:
        for ext in (".txt", ".yaml"):
            shutil.copyfile(REPO / "seeds" / f"{sid}{ext}", root / "seeds" / f"{sid}{ext}")
    write(root / "briefs" / "actors" / "russia.md", RUSSIA)
    return root


def human_problems(stdout: str) -> list[dict]:
    """Parse `path:line:col: error: message` lines, each optionally followed by a hint line."""
    problems: list[dict] = []
    for line in stdout.splitlines():
        if match := HUMAN.match(line):
            problems.append({**match.groupdict(), "hint": ""})
        elif line.startswith("    hint: ") and problems:
            problems[-1]["hint"] = line[len("    hint: "):]
        elif line.strip():
            raise AssertionError(f"unexpected line in human output: {line!r}")
    return problems


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def replace_body(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    yaml_text, _, _ = split_front_matter(text)
    path.write_text(f"---\n{yaml_text}---\n\n{body}", encoding="utf-8")


def add_quotes(path: Path, quotes_yaml: str) -> None:
    """Append a `quotes:` block at the end of the front matter."""
    text = path.read_text(encoding="utf-8")
    yaml_text, body, _ = split_front_matter(text)
    path.write_text(f"---\n{yaml_text}{quotes_yaml}---\n{body}", encoding="utf-8")


# -- exit codes -------------------------------------------------------------------------

def test_check_exits_0_on_a_clean_project(project):
    result = run(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("0 problems; 1 brief, 2 sources, 1 quote checked")


def test_check_exits_1_when_there_are_problems(project):
    brief = project / "briefs" / "actors" / "russia.md"
    brief.write_text(brief.read_text(encoding="utf-8").replace("type: state", "type: stat"),
                     encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 1
    assert "1 problem;" in result.stderr


@pytest.mark.parametrize("args", [
    (),  # no subcommand
    ("frobnicate",),  # unknown subcommand
    ("check", "--format", "xml"),  # bad --format
    ("check", "--colour"),  # unknown option
    ("new", "person", "Some Name"),  # unknown kind
    ("new", "actor"),  # missing name
    ("import-source", "article.txt", "--title", "T"),  # missing --id
])
def test_usage_errors_exit_2(project, args):
    result = run(project, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "usage: briefing" in result.stderr


def test_dotfiles_are_ignored(project):
    write(project / "briefs" / "actors" / ".gitkeep", "")
    write(project / "briefs" / ".notes.md", "scratch")
    write(project / "seeds" / ".DS_Store", "\x00binary")
    assert run(project, "check").returncode == 0


def test_a_stray_file_is_a_problem(project):
    write(project / "briefs" / "actors" / "notes.txt", "scratch")
    result = run(project, "check")
    assert result.returncode == 1
    assert "briefs/actors/notes.txt:0:1: error: this file is not a brief" in result.stdout


# -- output formats ---------------------------------------------------------------------

@pytest.fixture
def mistake(project) -> tuple[Path, int]:
    """A known mistake: a misspelt `type` on a known line."""
    brief = project / "briefs" / "actors" / "russia.md"
    brief.write_text(brief.read_text(encoding="utf-8").replace("type: state", "type: stat"),
                     encoding="utf-8")
    return project, line_of(brief, "type: stat")


def test_human_format(mistake):
    project, line = mistake
    result = run(project, "check")  # human is the default
    assert run(project, "check", "--format", "human").stdout == result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == (f"briefs/actors/russia.md:{line}:1: error: 'type' is 'stat'; expected one "
                        "of: person, state, organization, media, group")
    assert lines[1] == "    hint: did you mean 'state'?"
    assert human_problems(result.stdout) == [{
        "path": "briefs/actors/russia.md", "line": str(line), "col": "1",
        "message": "'type' is 'stat'; expected one of: person, state, organization, media, group",
        "hint": "did you mean 'state'?"}]
    # The summary goes to stderr, so stdout is only problems.
    assert re.match(r"^1 problem; 1 brief, 2 sources, 1 quote checked in \d+\.\d\ds$",
                    result.stderr.strip())


def test_github_format(mistake):
    project, line = mistake
    result = run(project, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    match = GITHUB.match(lines[0])
    assert match, lines[0]
    assert match["file"] == "briefs/actors/russia.md"
    assert int(match["line"]) == line
    assert match["text"].startswith("'type' is 'stat'; expected one of:")
    assert match["text"].endswith(" Hint: did you mean 'state'?")


def test_github_format_escapes_percent(project):
    brief = project / "briefs" / "actors" / "russia.md"
    replace_body(brief, "Up [[100%]].\n\n[[quote:officials-confirmed]]\n")
    out = run(project, "check", "--format", "github").stdout
    assert out.splitlines() == [
        f"::error file=briefs/actors/russia.md,line={line_of(brief, 'Up [[100%]]')},col=1::"
        "unresolved reference [[100%25]] Hint: use an id, a name or an alias of an actor, "
        "agreement, topic, source or glossary term"]


def test_json_format(mistake):
    project, line = mistake
    result = run(project, "check", "--format", "json")
    assert result.returncode == 1
    assert result.stderr == ""
    problems = json.loads(result.stdout)
    assert isinstance(problems, list) and len(problems) == 1
    problem = problems[0]
    assert {"path", "line", "message", "hint"} <= set(problem)
    assert problem["path"] == "briefs/actors/russia.md"
    assert problem["line"] == line
    assert problem["message"].startswith("'type' is 'stat'")
    assert problem["hint"] == "did you mean 'state'?"


def test_json_format_clean_is_an_empty_list(project):
    result = run(project, "check", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_every_problem_of_one_run_is_reported(project):
    brief = project / "briefs" / "actors" / "russia.md"
    text = brief.read_text(encoding="utf-8").replace("type: state", "type: stat\ncolour: red")
    brief.write_text(text + "\nSee [[atlantis]].\n", encoding="utf-8")
    problems = json.loads(run(project, "check", "--format", "json").stdout)
    messages = [p["message"] for p in problems]
    assert any(m.startswith("'type' is 'stat'") for m in messages)
    assert "unknown field 'colour'" in messages
    assert "unresolved reference [[atlantis]]" in messages


# -- untrusted prose --------------------------------------------------------------------

@pytest.mark.parametrize("prose, message", [
    ("Some <b>bold</b> words.", "raw HTML is not allowed in brief prose: '<b>'"),
    ("<script>alert(1)</script>", "raw HTML is not allowed in brief prose: '<script>'"),
    ("A [site](https://example.com).", "links in brief prose must be wikilinks, not 'https://example.com'"),
    ("An ![image](x.png).", "images are not allowed in brief prose"),
    ("A [[nowhere]] link.", "unresolved reference [[nowhere]]"),
    ("A [[russia-mediator-analysis#p999]] cite.",
     "[[russia-mediator-analysis#p999]]: 'russia-mediator-analysis' has no anchor '#p999'"),
    ("[[quote:missing]]", "[[quote:missing]] names no quote of this brief"),
])
def test_untrusted_prose_is_rejected(project, prose, message):
    brief = project / "briefs" / "actors" / "russia.md"
    replace_body(brief, f"First line.\n\n{prose}\n")
    result = run(project, "check", "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert message in [p["message"] for p in problems], problems
    assert all(p["line"] == line_of(brief, prose) for p in problems if p["message"] == message)


@pytest.mark.parametrize("prose", [
    "See [[russia-mediator-analysis]], [[russia-mediator-analysis|the analysis]] and [[Russia]].",
    "The analysis argues this ([[russia-mediator-analysis#p2]]).",
    "Less than: 2 < 3, braces {: .class } and a `x < y` span are fine.",
    '!!! info "Background (not from the sources)"\n    Background goes here.',
])
def test_allowed_prose_passes(project, prose):
    replace_body(project / "briefs" / "actors" / "russia.md", f"{prose}\n\n[[quote:officials-confirmed]]\n")
    result = run(project, "check")
    assert result.returncode == 0, result.stdout


# -- new: scaffolds ---------------------------------------------------------------------

def test_new_actor_writes_the_scaffold(project):
    result = run(project, "new", "actor", "Some Name")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "briefs/actors/some-name.md"
    path = project / "briefs" / "actors" / "some-name.md"
    text = path.read_text(encoding="utf-8")
    # The schema comment sits inside the front matter, so YAML editors pick it up.
    assert text.startswith("---\n# yaml-language-server: $schema=../../schemas/actor.schema.json\n")
    assert (REPO / "briefs" / "actors" / "../../schemas/actor.schema.json").resolve().is_file()
    fields = load_yaml(split_front_matter(text)[0]).value
    assert fields["name"] == "Some Name"
    assert fields["type"] == "person"
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", fields["updated"])


@pytest.mark.parametrize("kind", ["actor", "agreement", "topic"])
def test_new_refuses_to_overwrite(project, kind):
    assert run(project, "new", kind, "Twice").returncode == 0
    path = project / "briefs" / f"{kind}s" / "twice.md"
    before = path.read_bytes()
    result = run(project, "new", kind, "Twice")
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: briefs/{kind}s/twice.md already exists"
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["!!!", "Сергей Лавров"])
def test_new_rejects_a_name_without_an_id(project, name):
    result = run(project, "new", "actor", name)
    assert result.returncode == 1
    assert sorted(p.name for p in (project / "briefs" / "actors").iterdir()) == ["russia.md"]
    assert result.stderr.startswith(f"error: cannot make an id from {name!r}")


@pytest.mark.parametrize("kind", ["actor", "agreement", "topic"])
def test_fresh_scaffold_front_matter_is_valid(project, kind):
    """Whatever `check` says about a fresh scaffold, it is never about the front matter."""
    run(project, "new", kind, "Fresh Brief")
    path = project / "briefs" / f"{kind}s" / "fresh-brief.md"
    body_line = split_front_matter(path.read_text(encoding="utf-8"))[2]
    problems = json.loads(run(project, "check", "--format", "json").stdout)
    assert [p for p in problems if p["line"] < body_line] == []


@pytest.mark.parametrize("kind", ["actor", "agreement", "topic"])
def test_fresh_scaffold_passes_check(project, kind):
    """A new brief is valid as scaffolded: no placeholder that `check` would reject."""
    run(project, "new", kind, "Fresh Brief")
    result = run(project, "check")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("kind", ["actor", "agreement", "topic"])
def test_scaffold_with_a_quote_passes_check(project, kind):
    run(project, "new", kind, "Fresh Brief")
    path = project / "briefs" / f"{kind}s" / "fresh-brief.md"
    add_quotes(path, "quotes:\n"
                     "  - id: confirmed\n"
                     '    text: "Russian officials confirmed that an agreement was reached"\n'
                     "    source: russia-mediator-analysis\n"
                     "    speaker: russia\n"
                     "    credibility: 3\n")
    replace_body(path, "The analysis reports an agreement ([[russia-mediator-analysis#p2]]):\n\n"
                       "[[quote:confirmed]]\n")
    result = run(project, "check")
    assert result.returncode == 0, result.stdout


# -- import-source ----------------------------------------------------------------------

ARTICLE = ("\ufeffHeadline of the piece\r\n"
           "\r\n"
           "The minister said the talks were \u201cstrategic, not ceremonial\u201d and would go on.  \r\n"
           "A second paragraph \u2014 with a dash, and trailing spaces.   \r\n"
           "Third paragraph: Moscow\u2019s view, in short.\r\n").encode("utf-8")


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "download" / "article.txt"
    path.parent.mkdir()
    path.write_bytes(ARTICLE)
    return path


def test_import_source_copies_byte_for_byte_and_pins_sha256(project, article):
    result = run(project, "import-source", str(article), "--id", "test-article",
                 "--title", "[Untitled: a test article]", "--publisher", "Acme News")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["seeds/test-article.txt", "seeds/test-article.yaml"]
    assert (project / "seeds" / "test-article.txt").read_bytes() == ARTICLE
    meta = load_yaml((project / "seeds" / "test-article.yaml").read_text(encoding="utf-8")).value
    assert meta["sha256"] == hashlib.sha256(ARTICLE).hexdigest()
    assert meta["title"] == "[Untitled: a test article]"
    assert meta["publisher"] == "Acme News"
    # Unknown stays unknown: the stub never invents an author or a date.
    assert meta["author"] is None and meta["published"] is None and meta["url"] is None
    assert run(project, "check").returncode == 0


def test_import_source_without_publisher_leaves_it_null(project, article):
    run(project, "import-source", str(article), "--id", "test-article", "--title", "T")
    meta = load_yaml((project / "seeds" / "test-article.yaml").read_text(encoding="utf-8")).value
    assert meta["publisher"] is None


def test_import_source_refuses_to_overwrite(project, article):
    assert run(project, "import-source", str(article), "--id", "test-article", "--title", "T").returncode == 0
    before = {p.name: p.read_bytes() for p in (project / "seeds").glob("test-article.*")}
    article.write_bytes(b"A different version of the article.\n")
    result = run(project, "import-source", str(article), "--id", "test-article", "--title", "T2")
    assert result.returncode == 1
    assert result.stderr.strip() == ("error: seeds/test-article.txt already exists; "
                                     "a source is never overwritten")
    assert {p.name: p.read_bytes() for p in (project / "seeds").glob("test-article.*")} == before


def test_import_source_refuses_an_existing_metadata_file(project, article):
    write(project / "seeds" / "test-article.yaml", "title: kept\n")
    result = run(project, "import-source", str(article), "--id", "test-article", "--title", "T")
    assert result.returncode == 1
    assert "seeds/test-article.yaml already exists" in result.stderr
    assert not (project / "seeds" / "test-article.txt").exists()


def test_import_source_rejects_a_bad_id(project, article):
    result = run(project, "import-source", str(article), "--id", "Test Article", "--title", "T")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: --id 'Test Article' is not a valid id; try 'test-article'"
    assert not list((project / "seeds").glob("test*"))


def test_import_source_rejects_non_utf8(project, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9 society\n".encode("latin-1"))
    result = run(project, "import-source", str(latin), "--id", "latin", "--title", "T")
    assert result.returncode == 1
    assert "is not UTF-8 text; convert it first" in result.stderr
    assert not list((project / "seeds").glob("latin*"))


def test_an_edited_source_fails_its_sha256(project, article):
    run(project, "import-source", str(article), "--id", "test-article", "--title", "T")
    text = project / "seeds" / "test-article.txt"
    text.write_bytes(ARTICLE.replace(b"minister", b"Minister"))
    problems = json.loads(run(project, "check", "--format", "json").stdout)
    assert [p["path"] for p in problems] == ["seeds/test-article.yaml"]
    assert problems[0]["message"].startswith(
        "the source text was changed: seeds/test-article.txt no longer matches its sha256")


# -- end to end: import a source, quote it ------------------------------------------------

QUOTE_BLOCK = """\
quotes:
  - id: strategic
    text: "{text}"
    source: test-article
    credibility: 3
"""


@pytest.fixture
def quoting(project, article) -> Path:
    """import-source, then new actor, then a quote and a citation of the new source."""
    assert run(project, "import-source", str(article), "--id", "test-article", "--title", "T").returncode == 0
    assert run(project, "new", "actor", "The Minister").returncode == 0
    brief = project / "briefs" / "actors" / "the-minister.md"
    replace_body(brief, "The article reports the minister's view ([[test-article#p2]]):\n\n"
                        "[[quote:strategic]]\n")
    return brief


@pytest.mark.parametrize("text", [
    # curly quotes in the source, straight here; ... elides within the paragraph
    r"the talks were \"strategic, not ceremonial\" and would go on.",
    r"the talks were \"strategic, not ceremonial\" ... go on",
    r"the talks were \u201cstrategic, not ceremonial\u201d \u2026 go on",
    # whitespace collapsed, dashes equal
    r"A second   paragraph - with a dash",
    r"Moscow's view",
])
def test_import_then_quote_passes(project, quoting, text):
    add_quotes(quoting, QUOTE_BLOCK.format(text=text))
    result = run(project, "check")
    assert result.returncode == 0, result.stdout
    assert "2 quotes checked" in result.stderr


def test_a_misquote_fails_naming_the_closest_passage(project, quoting):
    add_quotes(quoting, QUOTE_BLOCK.format(text=r"the talks were \"strategic, not ceremonious\""))
    result = run(project, "check")
    assert result.returncode == 1
    [problem] = human_problems(result.stdout)
    assert problem["path"] == "briefs/actors/the-minister.md"
    assert int(problem["line"]) == line_of(quoting, "not ceremonious")
    assert problem["message"].startswith(
        "the quote \"the talks were \"strategic, not ceremonious\"\" is not in source 'test-article'; "
        "the closest passage (paragraph 2) reads: \"")
    assert "strategic, not ceremonial" in problem["message"]
    assert problem["hint"].startswith("copy the words exactly as the source has them")


def test_quotes_are_case_sensitive(project, quoting):
    add_quotes(quoting, QUOTE_BLOCK.format(text="The Talks Were"))
    assert run(project, "check").returncode == 1


def test_an_elision_cannot_cross_paragraphs(project, quoting):
    add_quotes(quoting, QUOTE_BLOCK.format(text="would go on. ... A second paragraph"))
    result = run(project, "check", "--format", "json")
    assert result.returncode == 1
    [problem] = json.loads(result.stdout)
    assert "runs across a paragraph break" in problem["message"]


def test_a_quote_from_the_wrong_source_names_the_right_one(project, quoting):
    add_quotes(quoting, QUOTE_BLOCK.format(
        text="Russian officials confirmed that an agreement was reached"))
    [problem] = json.loads(run(project, "check", "--format", "json").stdout)
    assert "it is in source 'russia-mediator-analysis'" in problem["message"]
    assert problem["hint"] == "set 'source: russia-mediator-analysis'"


# -- schemas: one source of truth --------------------------------------------------------

def test_committed_schemas_are_generated(tmp_path):
    """schemas/ is exactly what `python -m briefing schemas` writes from formats.py."""
    root = tmp_path / "gen"
    root.mkdir()
    result = run(root, "--root", str(root), "schemas")
    assert result.returncode == 0, result.stderr
    generated = {p.name: p.read_text(encoding="utf-8") for p in (root / "schemas").iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").iterdir()}
    assert sorted(committed) == sorted(generated)
    stale = [name for name in generated if generated[name] != committed[name]]
    assert not stale, f"schemas/ is out of date ({stale}); run `python -m briefing schemas`"


def _schema(kind: str) -> dict:
    return json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _validator(kind: str):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _front_matter(path: Path):
    # Our loader keeps dates as the strings they were written as; yaml.safe_load would
    # turn them into datetime.date objects, which no JSON Schema string type accepts.
    return load_yaml(split_front_matter(path.read_text(encoding="utf-8-sig"))[0]).value


SHIPPED = sorted((REPO / "briefs").glob("*/*.md"))
KIND_OF = {"actors": "actor", "agreements": "agreement", "topics": "topic"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schemas_accept_the_shipped_briefs(path):
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
              for e in _validator(KIND_OF[path.parent.name]).iter_errors(_front_matter(path))]
    assert not errors


def test_schemas_accept_the_shipped_sources_and_glossary():
    validator = _validator("source")
    for meta in sorted((REPO / "seeds").glob("*.yaml")):
        value = load_yaml(meta.read_text(encoding="utf-8")).value
        assert not list(validator.iter_errors(value)), meta.name
    glossary = REPO / "briefs" / "glossary.yaml"
    if glossary.exists():
        value = load_yaml(glossary.read_text(encoding="utf-8")).value
        assert not list(_validator("glossary").iter_errors(value))


def test_there_are_shipped_briefs_to_validate():
    assert len(SHIPPED) >= 3
    assert {p.parent.name for p in SHIPPED} == set(KIND_OF)


@pytest.mark.parametrize("kind", ["actor", "agreement", "topic"])
def test_schemas_accept_a_fresh_scaffold(project, kind):
    run(project, "new", kind, "Fresh Brief")
    value = _front_matter(project / "briefs" / f"{kind}s" / "fresh-brief.md")
    assert not list(_validator(kind).iter_errors(value))


@pytest.mark.parametrize("change, field", [
    ("type: state", "type: stat"),
    ("updated: 2025-07-01", "updated: 2025-07"),
    ("name: Russia", "name: Russia\ncolour: red"),
    ("    credibility: 3", "    credibility: 7"),
])
def test_schema_and_validator_reject_the_same_mistakes(project, change, field):
    brief = project / "briefs" / "actors" / "russia.md"
    brief.write_text(brief.read_text(encoding="utf-8").replace(change, field), encoding="utf-8")
    assert run(project, "check").returncode == 1
    assert list(_validator("actor").iter_errors(_front_matter(brief)))


def test_new_takes_an_explicit_id_for_names_without_latin_letters(project):
    result = run(project, "new", "actor", "Сергей Лавров", "--id", "sergey-lavrov-ru")
    assert result.returncode == 0, result.stderr
    text = (project / "briefs" / "actors" / "sergey-lavrov-ru.md").read_text(encoding="utf-8")
    assert 'name: "Сергей Лавров"' in text


def test_new_without_id_explains_how_to_give_one(project):
    result = run(project, "new", "actor", "Сергей Лавров")
    assert result.returncode == 1
    assert result.stderr == ("error: cannot make an id from 'Сергей Лавров'; give one with --id "
                             "(lowercase letters, digits, hyphens)\n")


def test_import_source_bad_id_offers_a_suggestion_only_when_there_is_one(project, tmp_path):
    article = write(tmp_path / "a.txt", "Text.\n")
    assert run(project, "import-source", str(article), "--id", "!!!", "--title", "T").stderr == \
        "error: --id '!!!' is not a valid id\n"
    assert run(project, "import-source", str(article), "--id", "My Article", "--title", "T").stderr == \
        "error: --id 'My Article' is not a valid id; try 'my-article'\n"


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_check_jobs_must_be_a_positive_number(project, value):
    result = run(project, "check", "--jobs", value)
    assert result.returncode == 2
    assert (f"argument --jobs: expected a whole number of at least 1, not '{value}'"
            in result.stderr)


def test_check_accepts_jobs(project):
    result = run(project, "check", "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
