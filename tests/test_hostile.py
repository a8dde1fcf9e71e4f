"""Hostile input: every case runs a real `mkdocs build` and ends in a clear error or a safe site.

Cases are data (tests/hostile/corpus.py). Error cases are built in batches, one build per
group, and every expected `path:line` (and, where a case pins it, its message) must be in the
output, with no traceback. Safe cases are built once, together; a case that may end either
way and is rejected is removed and the rest rebuilt. The safe site is then scanned (HTML) and
opened page by page in Chromium from file://: no injected script may run, and the site's own
search (assets/javascripts/search.js), typed into like a reader would, must show the payloads
as text and run none of them. Cases with a time budget are also checked alone, timed; cases
of known bugs are built alone and must fail (strict xfail) until the bug is fixed.

The counts are printed in the terminal summary and written to test-results/hostile-summary.json.
"""
from __future__ import annotations

import json
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import skip_or_fail
from hostile import checks, corpus
from hostile.project import REPO, BASE_GLOSSARY_TERMS, Build, glossary, make_project, mkdocs_build

CASES = corpus.all_cases()
GROUPS: dict[str, list[corpus.Case]] = defaultdict(list)
for _case in CASES:
    GROUPS[_case.group].append(_case)
ERROR_GROUPS = [g for g in GROUPS if g not in ("safe", "bug")]
BUGS = GROUPS["bug"]
TIMED = [c for c in CASES if c.seconds and not c.bug]
GLOSSARY = "briefs/glossary.yaml"
PWN_MARKER = Path("/tmp/briefing-hostile-pwned")  # the !!python/object/apply case would create it

# -- the summary ----------------------------------------------------------------------------
SUMMARY: dict = {"cases": len(CASES), "placements": sum(c.placements for c in CASES),
                 "outcomes": {}, "scripts_executed": 0, "pages_browsed": 0, "injected_markup": 0,
                 "bugs": []}


def _record(case: corpus.Case, outcome: str) -> None:
    SUMMARY["outcomes"][case.name] = outcome


def _totals() -> dict:
    outcomes = SUMMARY["outcomes"]
    return {"cases_defined": SUMMARY["cases"], "cases_tried": len(outcomes),
            "hostile_values_placed": SUMMARY["placements"],
            "errors": sum(o == "error" for o in outcomes.values()),
            "safe_builds": sum(o == "safe" for o in outcomes.values()),
            "failed": sum(o.startswith("FAILED") for o in outcomes.values()),
            "known_bugs": sum(o.startswith("BUG") for o in outcomes.values()),
            "scripts_executed": SUMMARY["scripts_executed"],
            "known_bug_scripts_executed": SUMMARY.get("known_bug_scripts_executed", 0),
            "injected_markup": SUMMARY["injected_markup"],
            "pages_browsed": SUMMARY["pages_browsed"]}


class _Reporter:
    def pytest_terminal_summary(self, terminalreporter):
        if not SUMMARY["outcomes"]:
            return
        totals = _totals()
        terminalreporter.section("hostile corpus")
        terminalreporter.write_line(", ".join(f"{k}={v}" for k, v in totals.items()))
        for name, outcome in sorted(SUMMARY["outcomes"].items()):
            if outcome.startswith("FAILED"):
                terminalreporter.write_line(f"  {name}: {outcome}")
        out = REPO / "test-results"
        out.mkdir(exist_ok=True)
        (out / "hostile-summary.json").write_text(json.dumps(
            {**totals, "outcomes": SUMMARY["outcomes"], "bugs": SUMMARY["bugs"]},
            indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _hostile_reporter(request):
    reporter = _Reporter()
    request.config.pluginmanager.register(reporter, "hostile-reporter")
    yield


# -- building ---------------------------------------------------------------------------------
def _owned(case: corpus.Case) -> set[str]:
    return {GLOSSARY if k.startswith("__glossary") else k for k in case.files}


def _project(dest: Path, cases: list[corpus.Case]) -> Path:
    files, glossary_text = {}, None
    terms = [dict(t) for t in BASE_GLOSSARY_TERMS]
    for case in cases:
        for rel, content in case.files.items():
            if rel == "__glossary__":
                glossary_text = content
            elif rel == "__glossary_terms__":
                terms += content
            else:
                files[rel] = content
    if glossary_text is None and len(terms) > len(BASE_GLOSSARY_TERMS):
        glossary_text = glossary(terms)
    return make_project(dest, files, glossary_text)


def _clean_abort(build: Build) -> list[str]:
    why = []
    if build.returncode == 0:
        why.append("the build succeeded")
    if "Traceback" in build.output:
        why.append("the output has a Traceback")
    if "Aborted with a BuildError!" not in build.output:
        why.append("no 'Aborted with a BuildError!'")
    return why


@pytest.mark.parametrize("group", ERROR_GROUPS)
def test_hostile_error_group(group, tmp_path):
    cases = GROUPS[group]
    PWN_MARKER.unlink(missing_ok=True)
    build = mkdocs_build(_project(tmp_path / "project", cases), tmp_path / "site")
    problems = build.problem_lines()
    failures = []
    for case in cases:
        missing = [str(e) for e in case.errors if not any(e.matches(p, n, m) for p, n, m in problems)]
        if missing:
            got = sorted({f"{p}:{n}: {m[:160]}" for p, n, m in problems
                          if p in {e.path for e in case.errors}})
            failures.append(f"{case.name}: expected an error at {', '.join(missing)}; "
                            f"the build reported {got or 'nothing for that file'}")
            _record(case, f"FAILED: no error at {', '.join(missing)}; got {got[:3]}")
        else:
            _record(case, "error")
    why = _clean_abort(build)
    if why:
        for case in cases:
            _record(case, "FAILED: " + "; ".join(why))
    assert not PWN_MARKER.exists(), "a YAML tag ran a shell command"
    assert not why, f"group {group}: " + "; ".join(why) + "\n" + build.output[-6000:]
    assert not failures, f"group {group}:\n" + "\n".join(failures)


@dataclass
class SafeBuild:
    build: Build
    cases: list[corpus.Case]  # in the site
    rejected: list[tuple[corpus.Case, list[str]]] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def safe_build(tmp_path_factory) -> SafeBuild:
    active = list(GROUPS["safe"])
    rejected, unexpected = [], []
    for attempt in range(5):
        root = tmp_path_factory.mktemp(f"hostile-safe-{attempt}")
        build = mkdocs_build(_project(root / "project", active), root / "site")
        if build.returncode == 0:
            break
        why = _clean_abort(build)
        if why:
            pytest.fail("the safe corpus did not end in a clean error: " + "; ".join(why)
                        + "\n" + build.output[-6000:], pytrace=False)
        problems = build.problem_lines()
        hit = []
        for case in active:
            own = [f"{p}:{n}: {m[:100]}" for p, n, m in problems if p in _owned(case)]
            if own:
                hit.append(case)
                rejected.append((case, own))
                if case.expect == "safe":
                    unexpected.append(f"{case.name}: " + " | ".join(own[:5]))
        stray = [f"{p}:{n}: {m}" for p, n, m in problems
                 if not any(p in _owned(c) for c in active)]
        if stray or not hit:
            pytest.fail("the safe corpus failed outside its cases:\n" + "\n".join(stray[:20])
                        + "\n" + build.output[-3000:], pytrace=False)
        active = [c for c in active if c not in hit]
    else:
        pytest.fail("the safe corpus never built", pytrace=False)
    for case, _ in rejected:
        _record(case, "error" if case.expect != "safe" else "FAILED: rejected, but it is valid")
    for case in active:
        _record(case, "safe")
    return SafeBuild(build, active, rejected, unexpected)


def test_safe_corpus_builds(safe_build):
    """Valid hostile values build; cases that may be rejected are rejected at their own file."""
    print(f"\nhostile safe build: {len(safe_build.cases)} cases in the site, "
          f"{len(safe_build.rejected)} rejected with a clear error:")
    for case, problems in safe_build.rejected:
        print(f"  rejected {case.name}: {problems[0]}")
    assert "Traceback" not in safe_build.build.output
    assert not safe_build.unexpected, "valid hostile values were rejected:\n" + "\n".join(safe_build.unexpected)


def test_every_safe_brief_has_a_page(safe_build):
    missing = []
    for case in safe_build.cases:
        for rel in case.files:
            parts = rel.split("/")
            if any(part.startswith(".") for part in parts):
                continue  # ignored by design
            if rel.startswith("briefs/") and len(parts) == 3 and rel.endswith(".md"):
                page = safe_build.build.site / parts[1] / (parts[2][:-3] + ".html")
                if not page.is_file():
                    missing.append(f"{rel} -> {page.relative_to(safe_build.build.site)}")
            elif rel.startswith("seeds/") and rel.endswith(".yaml"):
                page = safe_build.build.site / "sources" / (Path(rel).stem + ".html")
                if not page.is_file():
                    missing.append(f"{rel} -> sources/{page.name}")
    assert not missing, "briefs without a page:\n" + "\n".join(missing)


def _where(markers: set[int]) -> list[str]:
    names = {}
    for case in CASES:
        for n, where in case.markers.items():
            names[n] = f"{case.name}: {where}"
    return [names.get(n, f"marker {n}") for n in sorted(markers)]


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def test_no_injected_markup_in_html(safe_build):
    """No payload survives as an element, an event handler or a script URL in the HTML."""
    site = safe_build.build.site
    found = {}
    for path in _html_pages(site):
        bad = checks.injected_markup(path.read_text(encoding="utf-8"))
        if bad:
            found[path.relative_to(site).as_posix()] = bad
    SUMMARY["injected_markup"] = sum(map(len, found.values()))
    lines = []
    for page, bad in sorted(found.items()):
        markers = checks.markers_in(" ".join(bad))
        lines.append(f"{page}: {bad[:3]} <- {_where(markers)[:3]}")
    if found:
        SUMMARY["bugs"].append({"test": "injected markup in HTML", "pages": lines[:40]})
    assert not found, f"injected markup on {len(found)} pages:\n" + "\n".join(lines[:40])


SEARCHES = ["onerror", "script", "pwned", "Actor 7", "Alias 2", "Term 1", "Title 3", "Abbr 4"]


@pytest.fixture(scope="session")
def browser_report(safe_build):
    if not checks.CHROMIUM.exists():
        skip_or_fail(f"{checks.CHROMIUM} is missing")
    site = safe_build.build.site
    report = checks.browse(site, _html_pages(site), SEARCHES)
    SUMMARY["pages_browsed"] = report.pages
    SUMMARY["scripts_executed"] = sum(map(len, report.executed.values()))
    return report


def test_no_script_runs_in_the_browser(browser_report):
    print(f"\nhostile browser: {browser_report.pages} pages opened; searches: "
          + "; ".join(map(str, browser_report.searches)))
    lines = [f"{page}: {ran} <- {_where(checks.markers_in(' '.join(ran)))}"
             for page, ran in sorted(browser_report.executed.items())]
    ran = checks.markers_in(" ".join(x for v in browser_report.executed.values() for x in v))
    for case in CASES:
        hits = sorted({case.markers[n] for n in ran if n in case.markers})
        if hits:
            _record(case, "FAILED: script ran: " + "; ".join(hits)[:300])
    if lines:
        SUMMARY["bugs"].append({"test": "scripts executed in Chromium", "pages": lines[:40]})
    assert browser_report.pages > 100
    assert not lines, f"injected scripts ran on {len(lines)} pages:\n" + "\n".join(lines[:40])


def test_no_dangerous_live_dom(browser_report):
    lines = [f"{page}: {dom[:3]} <- {_where(checks.markers_in(' '.join(dom)))[:3]}"
             for page, dom in sorted(browser_report.dom.items())]
    assert not lines, "event handlers or script URLs in the live DOM:\n" + "\n".join(lines[:40])


def test_the_browser_made_no_network_request(browser_report):
    assert not browser_report.blocked, browser_report.blocked[:20]


def test_search_finds_the_payload_text(browser_report):
    """The site's search ran on the hostile site and found the payloads' entries."""
    found = {s.query: s for s in browser_report.searches if s.count}
    assert set(found) >= {"onerror", "script", "Actor 7", "Term 1"}, list(map(str, browser_report.searches))


def test_search_shows_the_payloads_as_text(browser_report):
    """Results are text: the payload's markup is shown, character for character, and the
    result list holds no element but its own links, spans and marks."""
    shown = [text for s in browser_report.searches for text in s.texts]
    assert any("<img src=x onerror=window.__pwned=" in text for text in shown), shown[:10]
    assert any("<script>window.__pwned=" in text for text in shown), shown[:10]
    extra = {s.query: s.tags - checks.RESULT_TAGS for s in browser_report.searches if s.tags - checks.RESULT_TAGS}
    assert not extra, f"elements in the search results that the results do not make: {extra}"


def test_search_runs_no_script(browser_report):
    ran = {label: what for label, what in browser_report.executed.items() if label.startswith("search ")}
    assert not ran, ran
    dom = {label: what for label, what in browser_report.dom.items() if label.startswith("search ")}
    assert not dom, dom


# -- time budgets -----------------------------------------------------------------------------
@pytest.mark.parametrize("case", TIMED, ids=[c.name for c in TIMED])
def test_heavy_case_finishes_in_seconds(case, tmp_path):
    """The whole route (load, check, link, render) on the base project and this one case."""
    from briefing.cli import documents
    from briefing.pipeline import Session
    root = _project(tmp_path / "project", [case])
    start = time.perf_counter()
    run = Session(root).run(documents(root), render=True)
    seconds = time.perf_counter() - start
    assert seconds < case.seconds, f"{case.name}: {seconds:.1f} s (budget {case.seconds} s)"
    stray = [p.short() for p in run.problems.sorted() if p.path not in _owned(case)]
    assert not stray, stray


# -- known bugs -------------------------------------------------------------------------------
def _bug_ending(case: corpus.Case, tmp_path) -> list[str]:
    """What is wrong with how this case ends; [] when it ends as it should."""
    root = _project(tmp_path / "project", [case])
    try:
        build = mkdocs_build(root, tmp_path / "site", timeout=int((case.seconds or 120) + 15))
    except subprocess.TimeoutExpired:
        return [f"the build did not finish in {(case.seconds or 120) + 15:.0f} s"]
    wrong = []
    if case.expect == "error":
        wrong += _clean_abort(build)
        problems = build.problem_lines()
        wrong += [f"no error at {e}" for e in case.errors
                  if not any(e.matches(p, n, m) for p, n, m in problems)]
    elif case.expect == "safe" and build.returncode != 0:
        wrong.append("the build failed: " + "; ".join(f"{p}:{n}: {m[:120]}" for p, n, m in build.problem_lines()[:3]))
    elif build.returncode != 0 and "Traceback" in build.output:
        wrong.append("the output has a Traceback")
    if build.returncode == 0 and case.markers:
        bad = [b for page in build.site.rglob("*.html") for b in checks.injected_markup(page.read_text("utf-8"))]
        wrong += [f"injected markup in the site: {bad[:3]}"] if bad else []
        pages = [build.site / rel.split("/", 1)[1].replace(".md", ".html") for rel in case.files
                 if rel.startswith("briefs/") and rel.endswith(".md")]
        if bad and checks.CHROMIUM.exists() and pages:
            report = checks.BrowserReport()
            checks._visit(build.site, [p for p in pages if p.is_file()], report)
            ran = [x for v in report.executed.values() for x in v]
            SUMMARY["known_bug_scripts_executed"] = SUMMARY.get("known_bug_scripts_executed", 0) + len(ran)
            wrong += [f"in Chromium: {ran}"] if ran else []
    return wrong


@pytest.mark.parametrize("case", BUGS, ids=[c.name for c in BUGS])
@pytest.mark.xfail(strict=True, reason="a known bug in the generator (see the case's `bug`)")
def test_known_bug(case, tmp_path):
    wrong = _bug_ending(case, tmp_path)
    _record(case, ("BUG: " + case.bug + " | " + "; ".join(wrong))[:600] if wrong else "error")
    if wrong:
        SUMMARY["bugs"].append({"case": case.name, "bug": case.bug, "ending": wrong})
    assert not wrong, f"{case.name}: {case.bug}: " + "; ".join(wrong)


def test_summary_counts(safe_build):
    totals = _totals()
    print("\nhostile corpus:", json.dumps(totals))
    if totals["cases_tried"] < len(CASES) - len(BUGS):
        pytest.skip("only part of the corpus ran (select the whole file for the counts)")
    assert totals["errors"] > 150 and totals["safe_builds"] > 150
