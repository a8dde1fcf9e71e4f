"""The benchmark (`make bench`): its corpus is deterministic and clean, and a smoke run of the
smallest size, one pair, no timing checks, writes its table and bench.json.

The generator is installed (editable) in the venv, so the benchmark's children find it
without PYTHONPATH; `python -m bench` runs from the repository, where the package `bench`
lives.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import engine_env

REPO = Path(__file__).resolve().parents[1]


def test_bench_smoke(tmp_path):
    env = {**engine_env(), "BENCH_SIZES": "50", "BENCH_PAIRS": "1", "BENCH_OUT": str(tmp_path),
           "BENCH_WORK": str(tmp_path / "work"), "BENCH_INCREMENTAL_SIZES": "50",
           "BENCH_INCREMENTAL_ROUNDS": "1", "BENCH_RSS_EDITS": "20"}
    env.pop("BENCH_FULL", None)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([sys.executable, "-m", "bench"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
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
    (served,) = data["incremental"]
    assert served["briefs"] == 50 and served["ratio"] > 0
    assert set(served["kinds"]) == {"a summary", "a name or alias", "a new brief", "a deleted brief",
                                    "a new quote", "a seed's metadata", "a seed's text (checksum fails)",
                                    "an error, then its fix", "a burst of three saves"}
    assert served["edits_for_rss"] >= 20 and served["rss_growth"] > 0
    assert "Live preview: from saving a file" in proc.stdout


def test_corpus_is_deterministic_and_clean(tmp_path):
    from bench import corpus
    from briefing.cli import documents
    from briefing.pipeline import Session

    first, second = tmp_path / "one", tmp_path / "two"
    counts = corpus.generate(first, 40)
    corpus.generate(second, 40)
    assert counts["briefs"] == 40
    files = sorted(p.relative_to(first) for p in (first / "briefs").rglob("*") if p.is_file())
    files += sorted(p.relative_to(first) for p in (first / "seeds").rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    run = Session(first).run(documents(first), render=False)
    assert len(run.problems) == 0, run.problems.report("human")
    assert not run.failed
    assert run.briefing.brief_count() == 40
    assert sum(len(e.quotes) for e in run.index.entities() if e.kind != "source") == 5 * 40
    assert all(q.match is not None for e in run.index.entities() for q in e.quotes)
    assert 40 < run.linked.quotation_count() <= 2 * 40  # up to two inline quotations per brief


def test_corpus_builds_with_the_plugin(tmp_path):
    """The hooked build (a) of the benchmark: the corpus builds with `plugins: [briefing]`."""
    from bench import corpus
    root = tmp_path / "corpus"
    corpus.generate(root, 40)
    assert "- briefing" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    env = engine_env()
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "briefing: 40 briefs" in proc.stderr
    assert (tmp_path / "site" / "index.html").is_file()
