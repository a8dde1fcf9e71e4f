"""The command line, `briefing …`, as a contributor and CI use it: exit codes, the three
output formats, finding the project, the scaffolds, import-source and the JSON Schemas."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__
from briefing.load import split_front_matter
from briefing.yamlsafe import load_yaml
from helpers import FIXTURES, REPO, engine_env

HUMAN = re.compile(r"^(?P<path>[^\s:][^:\n]*):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>.+)$")
GITHUB = re.compile(r"^::(?P<severity>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+)::(?P<text>.+)$")


def run(cwd: Path, *args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, env=env or engine_env(),
                          capture_output=True, text=True, timeout=300, input=stdin)


def test_check_exits_0_on_a_clean_project(corpus):
    done = run(corpus.root, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert re.fullmatch(r"0 errors, 0 warnings; 6 briefs, 2 sources, 3 quotes, 0 inline quotations, "
                        r"8 glossary entries checked in \d+\.\d\ds\n", done.stderr)


def test_check_exits_1_when_there_are_problems(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria")
    done = run(corpus.root, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == ["briefs/actors/lumen.md:6:1: error: unknown field 'contry'",
                                        "    hint: did you mean 'country'?"]


def test_warnings_do_not_fail_unless_strict(corpus):
    corpus.settings({"brief-undated": "warning"})
    done = run(corpus.root, "check")
    assert done.returncode == 0 and HUMAN.match(done.stdout.splitlines()[0]).group("severity") == "warning"
    assert done.stdout.splitlines()[0].endswith("[brief-undated]")
    corpus.settings({"brief-undated": "warning"}, strict=True)
    done = run(corpus.root, "check")
    assert done.returncode == 1 and "(strict: warnings fail)" in done.stderr


def test_usage_errors_exit_2(corpus):
    for args in (["nope"], ["check", "--format", "xml"], ["new", "actor"], ["check", "--jobs", "0"]):
        assert run(corpus.root, *args).returncode == 2


def test_jobs_must_be_a_positive_number(corpus):
    done = run(corpus.root, "check", "--jobs", "two")
    assert "argument --jobs: expected a whole number of at least 1, not 'two'" in done.stderr


def test_a_folder_that_is_not_a_briefing_is_refused(tmp_path):
    done = run(tmp_path, "check")
    assert done.returncode == 2
    assert done.stderr == (f"error: {tmp_path.resolve()} is not in a briefing: no briefing.yml here or in any "
                           "folder above (start one with `briefing init DIR --title \"…\"`)\n")
    done = run(tmp_path, "check", "--root", "/nonexistent")
    assert done.returncode == 2 and done.stderr == "error: /nonexistent does not exist\n"


def test_check_finds_the_project_from_a_subfolder(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria")
    done = run(corpus.root / "briefs" / "actors", "check")
    assert done.returncode == 1 and done.stdout.startswith("briefs/actors/lumen.md:6:1:")


def test_root_works_before_and_after_the_subcommand(corpus, tmp_path):
    for args in (["--root", str(corpus.root), "check"], ["check", "--root", str(corpus.root)]):
        assert run(tmp_path, *args).returncode == 0


def test_version():
    done = run(REPO, "--version")
    assert done.stdout == f"briefing {__version__}\n"


def test_every_command_and_option_has_a_description():
    import argparse

    from briefing.cli import parser
    top = parser()
    (commands,) = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == {"check", "new", "import-source", "schemas", "serve", "pdf", "init"}
    for name, command in commands.choices.items():
        assert command.description, name
        for action in command._actions:
            assert action.help, (name, action.dest)
    assert "usage: briefing" in run(REPO, "check", "--help").stdout


def test_human_format(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria\nroles: nope")
    lines = run(corpus.root, "check").stdout.splitlines()
    errors = [HUMAN.match(line) for line in lines if not line.startswith("    hint:")]
    assert all(errors) and len(errors) == 2


def test_github_format(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria")
    (line,) = run(corpus.root, "check", "--format", "github").stdout.splitlines()
    match = GITHUB.match(line)
    assert match and match["file"] == "briefs/actors/lumen.md" and match["line"] == "6"
    assert match["text"] == "unknown field 'contry' Hint: did you mean 'country'?"


def test_github_format_escapes_percent(corpus):
    corpus.actor("lumen", "Lumen", "contry%: x")
    assert "%25" in run(corpus.root, "check", "--format", "github").stdout


def test_json_format(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria")
    (problem,) = json.loads(run(corpus.root, "check", "--format", "json").stdout)
    assert problem == {"path": "briefs/actors/lumen.md", "line": 6, "col": 1, "message": "unknown field 'contry'",
                       "hint": "did you mean 'country'?", "field": "contry", "severity": "error", "rule": None}


def test_a_problem_with_the_whole_file_has_no_line(corpus):
    corpus.write("briefs/actors/stray.txt", "x")
    human = run(corpus.root, "check").stdout
    assert human.startswith("briefs/actors/stray.txt: error: this file is not a brief"), human
    (problem,) = json.loads(run(corpus.root, "check", "--format", "json").stdout)
    assert problem["line"] is None and problem["field"] is None and problem["rule"] is None


def test_json_format_clean_is_an_empty_list(corpus):
    assert run(corpus.root, "check", "--format", "json").stdout == "[]\n"


def _buffered() -> dict[str, str]:
    """The environment without PYTHONUNBUFFERED, which some CI machines set: a user's
    `briefing` writes to a pipe through a buffer."""
    env = engine_env()
    env.pop("PYTHONUNBUFFERED", None)
    return env


def _many_problems(corpus, count: int = 200) -> None:
    for n in range(count):
        corpus.actor(f"lumen-{n}", f"Lumen {n}", "contry: ostria")


def test_a_long_report_reaches_a_pipe_whole(corpus):
    # `check` leaves without tearing the interpreter down; what it printed is flushed first.
    _many_problems(corpus)
    done = run(corpus.root, "check", "--format", "json", env=_buffered())
    assert done.returncode == 1
    assert len(json.loads(done.stdout)) == 200 and done.stdout.endswith("]\n")
    done = run(corpus.root, "check", env=_buffered())
    assert len(done.stdout.splitlines()) == 400 and done.stdout.endswith("\n")  # each error, its hint
    assert done.stderr.startswith("200 errors, 0 warnings;")


def test_a_short_report_reaches_a_pipe_whole(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria")
    done = run(corpus.root, "check", env=_buffered())
    assert done.stdout == "briefs/actors/lumen.md:6:1: error: unknown field 'contry'\n    hint: did you mean 'country'?\n"


def test_a_reader_that_leaves_early_gets_no_traceback(corpus):
    _many_problems(corpus)  # more than the output buffer holds, so `print` meets the closed pipe
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "check"], cwd=corpus.root, env=_buffered(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # `briefing check | head -0`
    stderr = proc.stderr.read()
    assert proc.wait(timeout=300) == 1
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr


# -- new ---------------------------------------------------------------------------------

def test_new_writes_a_scaffold_that_check_refuses_until_its_placeholders_are_replaced(corpus):
    done = run(corpus.root, "new", "actor", "Rashid Meredov")
    assert done.returncode == 0 and done.stdout == "briefs/actors/rashid-meredov.md\n"
    path = corpus.root / "briefs/actors/rashid-meredov.md"
    text = path.read_text()
    assert text.splitlines()[1] == "# yaml-language-server: $schema=../../schemas/actor.schema.json"
    messages = [m for m in corpus.messages() if "rashid-meredov" in m]
    assert len(messages) == 2 and all("placeholder" in m for m in messages)
    path.write_text(text.replace("One or two sentences.", "Turkmen foreign minister.")
                    .replace("Write the analysis here.", "The analysis."))
    assert [m for m in corpus.messages() if "rashid-meredov" in m] == []


def test_new_from_a_subfolder_writes_into_the_project(corpus):
    done = run(corpus.root / "briefs", "new", "topic", "Winter timetable")
    assert done.stdout == "briefs/topics/winter-timetable.md\n"
    assert (corpus.root / "briefs/topics/winter-timetable.md").is_file()
    assert not (corpus.root / "briefs/briefs").exists()


def test_new_refuses_an_id_that_is_taken_in_any_kind(corpus):
    done = run(corpus.root, "new", "topic", "Ilse Brandt")
    assert done.returncode == 1
    assert done.stderr == ("error: the id 'ilse-brandt' is already used by briefs/actors/ilse-brandt.md; give "
                           "another with --id\n")
    done = run(corpus.root, "new", "topic", "Gazette", "--id", "harbour-gazette")
    assert done.stderr == ("error: the id 'harbour-gazette' is already used by seeds/harbour-gazette.yaml; "
                           "give another with --id\n")


def test_new_refuses_a_name_that_is_taken(corpus):
    done = run(corpus.root, "new", "actor", "Northline", "--id", "northline-2")
    assert done.returncode == 1
    assert done.stderr == ("error: the name 'Northline' is already used by 'northline' "
                           "(briefs/actors/northline.md); link to it with [[Northline]], or choose another name\n")


def test_new_rejects_a_name_without_an_id(corpus):
    done = run(corpus.root, "new", "actor", "Сергей")
    assert done.returncode == 1
    assert done.stderr == ("error: cannot make an id from 'Сергей'; give one with --id (lowercase letters, "
                           "digits, hyphens)\n")


def test_new_refuses_to_overwrite(corpus):
    run(corpus.root, "new", "actor", "Rashid Meredov")
    done = run(corpus.root, "new", "actor", "Rashid Meredov")
    assert done.returncode == 1 and done.stderr == "error: briefs/actors/rashid-meredov.md already exists\n"


# -- import-source -----------------------------------------------------------------------

def article(tmp_path: Path, text: str | bytes = "A short article.\n\nIts second paragraph.\n") -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_import_source_copies_byte_for_byte_and_pins_sha256(corpus, tmp_path):
    src = article(tmp_path, "Caf\u00e9 article\r\n\r\nSecond.\r\n")
    done = run(corpus.root, "import-source", str(src), "--id", "cafe", "--title", "Café", "--label", "Café")
    assert done.returncode == 0 and done.stdout == "seeds/cafe.txt\nseeds/cafe.yaml\n"
    assert (corpus.root / "seeds/cafe.txt").read_bytes() == src.read_bytes()
    meta = (corpus.root / "seeds/cafe.yaml").read_text()
    assert f"sha256: {hashlib.sha256(src.read_bytes()).hexdigest()}" in meta
    assert 'label: "Café"' in meta and "publisher: null" in meta


def test_import_source_needs_a_label(corpus, tmp_path):
    done = run(corpus.root, "import-source", str(article(tmp_path)), "--id", "x", "--title", "X", stdin="")
    assert done.returncode == 1
    assert done.stderr == ("error: give the source a short --label for citations, e.g. --label \"Gazette\" "
                           "(shown as 'Gazette ¶4')\n")


@pytest.mark.parametrize("text, message", [
    ("<html><body><p>An article</p></body></html>", "is HTML, not the article's plain text; save the article "
     "as plain text (select it in the browser, copy, paste into a text file)"),
    ("   \n", "is empty"),
    (b"\xff\xfe bad", "is not UTF-8 text; convert it first"),
])
def test_import_source_refuses_what_is_not_an_article(corpus, tmp_path, text, message):
    src = article(tmp_path, text)
    done = run(corpus.root, "import-source", str(src), "--id", "x", "--title", "X", "--label", "X")
    assert done.returncode == 1 and done.stderr == f"error: {src} {message}\n"


def test_import_source_refuses_a_taken_id_and_never_overwrites(corpus, tmp_path):
    src = article(tmp_path)
    done = run(corpus.root, "import-source", str(src), "--id", "ilse-brandt", "--title", "X", "--label", "X")
    assert done.stderr == ("error: the id 'ilse-brandt' is already used by briefs/actors/ilse-brandt.md; "
                           "give another with --id\n")
    done = run(corpus.root, "import-source", str(src), "--id", "harbour-gazette", "--title", "X", "--label", "X")
    assert done.stderr == ("error: seeds/harbour-gazette.txt already exists; a source is never overwritten\n")


def test_import_then_quote_passes_check(corpus, tmp_path):
    src = article(tmp_path, "Ministers met in Lumen.\n\nThe talks were open and constructive.\n")
    run(corpus.root, "import-source", str(src), "--id", "lumen-report", "--title", "Lumen talks", "--label", "Report")
    corpus.actor("lumen", "Lumen", 'quotes:\n  - text: "open and constructive"\n    source: lumen-report',
                 body="The talks were \"open and constructive\" ([[lumen-report#p2]]).\n")
    done = run(corpus.root, "check")
    assert done.returncode == 0, done.stdout


# -- schemas -----------------------------------------------------------------------------

def test_committed_schemas_are_generated(tmp_path):
    from briefing.schemas import write_schemas
    write_schemas(tmp_path)
    for path in sorted(tmp_path.iterdir()):
        committed = REPO / "schemas" / path.name
        assert committed.read_text() == path.read_text(), f"{committed} is stale: run `briefing schemas`"


def _validator(kind: str):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def test_schemas_accept_a_valid_corpus_and_a_fresh_scaffold(corpus):
    run(corpus.root, "new", "agreement", "Winter timetable")
    for path in sorted((corpus.root / "briefs").glob("*/*.md")):
        yaml_text, _, _ = split_front_matter(path.read_text())
        errors = list(_validator(path.parent.name[:-1]).iter_errors(load_yaml(yaml_text).value))
        assert not errors, (path, errors)
    for path in sorted((corpus.root / "seeds").glob("*.yaml")):
        assert not list(_validator("source").iter_errors(load_yaml(path.read_text()).value)), path


@pytest.mark.parametrize("front", ["name: X\nsummary: s.\ntype: persn", "name: X\nsummary: s.\ntype: person\nbogus: 1",
                                   "name: X\ntype: person"])
def test_schema_and_validator_reject_the_same_mistakes(corpus, front):
    corpus.brief("actor", "x", front)
    assert corpus.messages()
    assert list(_validator("actor").iter_errors(load_yaml(front).value))
