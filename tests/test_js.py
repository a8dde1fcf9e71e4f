"""The JavaScript unit tests (tests/js/, Node's built-in runner) as part of the Python suite.

`node --test tests/js/` checks the search ranking of assets/javascripts/search.js under
Node, with no DOM. Skipped on a developer's machine without Node (18 or later); a failure
when CI is set.
"""
from __future__ import annotations

import re
import shutil
import subprocess

from helpers import REPO, skip_or_fail

JS_TESTS = REPO / "tests" / "js"


def _node() -> str:
    node = shutil.which("node")
    if not node:
        skip_or_fail("node is not installed (the JavaScript tests need Node 18 or later)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    major = int(re.match(r"v(\d+)", version).group(1)) if re.match(r"v(\d+)", version) else 0
    if major < 18:
        skip_or_fail(f"node {version} has no built-in test runner (Node 18 or later)")
    return node


def test_node_unit_tests_pass():
    node = _node()
    files = sorted(JS_TESTS.glob("*.test.mjs"))
    assert files, f"no *.test.mjs in {JS_TESTS}"
    proc = subprocess.run([node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True,
                          timeout=600)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"`node --test tests/js/` failed (exit {proc.returncode}):\n{output[-6000:]}"
    counts = {k: int(v) for k, v in re.findall(r"^# (tests|pass|fail|cancelled) (\d+)$", output, re.M)}
    assert counts.get("tests", 0) > 0, f"node ran no test:\n{output[-3000:]}"
    assert counts.get("fail") == 0 and counts.get("cancelled", 0) == 0, output[-3000:]
    assert counts.get("pass") == counts["tests"], counts
    # Every test file ran: each defines tests, so each shows up in the runner's report.
    declared = sum(len(re.findall(r"^test\(", f.read_text(encoding="utf-8"), re.M)) for f in files)
    assert counts["tests"] >= declared, f"{declared} tests declared in {len(files)} file(s), {counts} ran"
