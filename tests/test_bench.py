"""Smoke test of the benchmark (`make bench`): the smallest size, one pair, no timing checks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_smoke(tmp_path):
    env = dict(os.environ, BENCH_SIZES="50", BENCH_PAIRS="1", BENCH_OUT=str(tmp_path),
               PYTHONPATH=os.pathsep.join([str(REPO / "hooks"), str(REPO)]),
               NO_MKDOCS_2_WARNING="1")
    env.pop("BENCH_FULL", None)
    proc = subprocess.run([sys.executable, "-m", "bench"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "| briefs | pages |" in proc.stdout
    assert "| 50 |" in proc.stdout
    for target in ("time a/b", "scaling a", "check seconds", "RSS a/b"):
        assert target in proc.stdout
    data = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    (size,) = data["sizes"]
    assert size["briefs"] == 50 and size["pages"] > 50
    assert [len(size["runs"][k]) for k in ("a", "b", "c", "c1")] == [1, 1, 1, 1]
    assert {t["status"] for t in data["targets"]} <= {"PASS", "MISS"}
    assert data["machine"]["nproc"] >= 1


def test_corpus_is_deterministic_and_clean(tmp_path):
    from bench import corpus
    from briefing.cli import _documents
    from briefing.pipeline import check

    first, second = tmp_path / "one", tmp_path / "two"
    counts = corpus.generate(first, 40)
    corpus.generate(second, 40)
    assert counts["briefs"] == 40
    files = sorted(p.relative_to(first) for p in (first / "briefs").rglob("*") if p.is_file())
    files += sorted(p.relative_to(first) for p in (first / "seeds").rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    problems, index, _ = check(first, _documents(first))
    assert not problems, problems.report("human")
    assert sum(len(e.quotes) for e in index.briefing.entities()) == 5 * 40
