"""Measure the build: our hooks (a) against plain MkDocs on the same final Markdown (b),
and `python -m briefing check` alone, on every core (c) and on one (c1, `--jobs 1`), each
in its own subprocess.

Wall time is taken around the child; peak RSS comes from `os.wait4`, which returns the
resource usage of that one child (RUSAGE_CHILDREN would give the maximum over all
children so far, which cannot be split per build). Builds a and b alternate pair by pair,
so that drift of the machine hits both alike.
"""
from __future__ import annotations

import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import corpus, incremental

REPO = corpus.REPO
DEFAULT_SIZES = (300, 1000, 3000)
FULL_SIZES = (300, 1000, 3000, 5000)
TARGETS = {
    "time_ratio": 1.10,  # a/b at the reference size (3,000, else the largest)
    "scaling": 10.5,  # a(3000)/a(300), else largest/smallest
    "check_seconds": 2.0,  # check at the reference size
    "rss_ratio": 1.2,  # RSS a/b at the reference size
    "incremental_ratio": 0.1,  # preview edit / full rebuild at 1,000
    "incremental_seconds": 1.0,  # preview edit at 1,000 ("about 1 s or less")
    "incremental_scaling": 2.0,  # preview edit at 3,000 / at 1,000
    "incremental_rss_growth": 1.05,  # serve's peak RSS after many edits / after one round
}
INCREMENTAL_SIZES = (1000, 3000)


@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system CPU seconds of the child: robust when the machine is busy
    rss_mb: float
    code: int


@dataclass
class SizeResult:
    briefs: int
    sources: int = 0
    pages: int = 0
    a: list[Run] = field(default_factory=list)
    b: list[Run] = field(default_factory=list)
    c: list[Run] = field(default_factory=list)
    c1: list[Run] = field(default_factory=list)

    def med(self, which: str, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in getattr(self, which))

    def ratio(self, attr: str) -> float:
        return statistics.median(getattr(x, attr) / getattr(y, attr) for x, y in zip(self.a, self.b))

    def summary(self) -> dict:
        a_s, b_s, c_s = self.med("a", "seconds"), self.med("b", "seconds"), self.med("c", "seconds")
        return {"briefs": self.briefs, "sources": self.sources, "pages": self.pages,
                "a_seconds": a_s, "b_seconds": b_s, "c_seconds": c_s,
                "a_cpu": self.med("a", "cpu"), "b_cpu": self.med("b", "cpu"), "c_cpu": self.med("c", "cpu"),
                "cpu_ratio": self.ratio("cpu"),
                "pages_per_second_a": self.pages / a_s, "pages_per_second_b": self.pages / b_s,
                "a_rss_mb": self.med("a", "rss_mb"), "b_rss_mb": self.med("b", "rss_mb"),
                "c_rss_mb": self.med("c", "rss_mb"),
                "c1_seconds": self.med("c1", "seconds"), "c1_cpu": self.med("c1", "cpu"),
                "time_ratio": self.ratio("seconds"), "rss_ratio": self.ratio("rss_mb"),
                "runs": {k: [asdict(r) for r in getattr(self, k)] for k in ("a", "b", "c", "c1")}}


def env_for(root: Path) -> dict:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the generator is installed in this venv
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               SOURCE_DATE_EPOCH=env.get("SOURCE_DATE_EPOCH", "0"))
    env.pop("BRIEFING_EDIT_URL", None)
    return env


def timed(cmd: list[str], cwd: Path, log: Path) -> Run:
    """Run `cmd` in a child; its wall time and its own peak RSS (os.wait4)."""
    with open(log, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env_for(cwd), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_kb = usage.ru_maxrss  # kilobytes on Linux
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd} (exit {proc.returncode}):\n{tail}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, rss_kb / 1024, proc.returncode)


def build_cmd(site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]


CHECK_CMD = [sys.executable, "-m", "briefing", "check"]

# Runs in a child: writes what the plugin hands MkDocs as plain files of a project without
# the plugin (b): every page's final Markdown (raw HTML inline, as any Markdown engine
# would take it), the data files, the package's assets and theme overrides, and the
# expanded navigation. Plain MkDocs then renders exactly the pages the plugin renders.
DUMP = r"""
import json, shutil, sys
from pathlib import Path
from mkdocs.config import load_config
import mkdocs_briefing as plugin
from briefing.cli import documents
from briefing.emit import data_files
from briefing.pipeline import Session
root, out = Path(sys.argv[1]), Path(sys.argv[2])
run = Session(root).run(documents(root))
if run.failed:
    print("\n".join(p.short() for p in run.problems.sorted())); sys.exit(1)
docs = out / "docs"
for page in run.pages.values():
    path = docs / page.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.markdown + page.footer, encoding="utf-8")
titles = {s.path: plugin._title(s.path) for s in run.plan.pages if s.kind not in ("entity", "mentions")}
from briefing.render.view import SiteInfo
config = load_config(str(root / "mkdocs.yml"))
site = SiteInfo(config.site_name, config.site_url or "", "")
for rel, content in data_files(run.index, run.linked, site, titles).items():
    (docs / rel).parent.mkdir(parents=True, exist_ok=True)
    (docs / rel).write_bytes(content)
for rel in (*plugin.ASSETS, *plugin.SCRIPTS, *plugin.STATIC):
    (docs / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(plugin._package(rel), docs / rel)
shutil.copytree(plugin._package("theme"), out / "overrides", dirs_exist_ok=True)
plugin._expand_nav(config, run)
settings = {"INHERIT": "base.yml", "plugins": [], "nav": config.nav,
            "theme": {"name": "material", "custom_dir": "overrides"},
            "extra_css": list(plugin.ASSETS), "extra_javascript": list(plugin.SCRIPTS)}
(out / "mkdocs.yml").write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
print(len(run.pages), len(run.briefing.sources))
"""


def without_plugins(config: str) -> str:
    """mkdocs.yml without its top-level `plugins:` and `nav:` blocks (the baseline's own
    mkdocs.yml inherits the rest and sets both)."""
    out, skipping = [], False
    for line in config.split("\n"):
        if re.match(r"^(plugins|nav)\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t", "-")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


def make_baseline(hooked: Path, plain: Path) -> tuple[int, int]:
    plain.mkdir(parents=True)
    shutil.copytree(hooked / "docs", plain / "docs")
    config = (hooked / "mkdocs.yml").read_text(encoding="utf-8")
    (plain / "base.yml").write_text(without_plugins(config), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", DUMP, str(hooked), str(plain)], cwd=hooked,
                          env=env_for(hooked), capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"dumping the final Markdown failed:\n{proc.stdout}\n{proc.stderr}")
    pages, sources = map(int, proc.stdout.split()[-2:])
    return pages, sources


def measure_size(briefs: int, pairs: int, work: Path, say) -> SizeResult:
    hooked, plain = work / f"hooked-{briefs}", work / f"plain-{briefs}"
    for d in (hooked, plain):
        shutil.rmtree(d, ignore_errors=True)
    corpus.generate(hooked, briefs)
    result = SizeResult(briefs)
    result.pages, result.sources = make_baseline(hooked, plain)
    say(f"[{briefs}] corpus: {result.pages} pages, {result.sources} sources")
    site = work / "site"
    for i in range(pairs):
        for which, root in (("a", hooked), ("b", plain)):
            shutil.rmtree(site, ignore_errors=True)
            run = timed(build_cmd(site), root, work / f"{which}-{briefs}-{i}.log")
            getattr(result, which).append(run)
            say(f"[{briefs}] pair {i + 1}/{pairs} {which}: {run.seconds:.2f} s wall, "
                f"{run.cpu:.2f} s CPU, {run.rss_mb:.0f} MB")
        shutil.rmtree(site, ignore_errors=True)
        for which, cmd in (("c", CHECK_CMD), ("c1", CHECK_CMD + ["--jobs", "1"])):
            run = timed(cmd, hooked, work / f"{which}-{briefs}-{i}.log")
            getattr(result, which).append(run)
            say(f"[{briefs}] pair {i + 1}/{pairs} {which}: {run.seconds:.2f} s wall, {run.cpu:.2f} s CPU")
    if not os.environ.get("BENCH_KEEP"):
        shutil.rmtree(plain, ignore_errors=True)
        shutil.rmtree(hooked, ignore_errors=True)
    return result


def measure_incremental(briefs: int, full: float, work: Path, say) -> dict:
    """The live preview on a fresh corpus of `briefs`, beside a full rebuild `full` (s)."""
    root = work / f"serve-{briefs}"
    shutil.rmtree(root, ignore_errors=True)
    corpus.generate(root, briefs)
    rounds = int(os.environ.get("BENCH_INCREMENTAL_ROUNDS", "3"))
    memory = int(os.environ.get("BENCH_RSS_EDITS", "200")) if briefs == min(incremental_sizes()) else 0
    result = incremental.measure(root, briefs, rounds, memory, work, say).summary()
    result["full_rebuild_seconds"] = full
    result["ratio"] = result["median_seconds"] / full
    if not os.environ.get("BENCH_KEEP"):
        shutil.rmtree(root, ignore_errors=True)
    return result


def incremental_sizes() -> list[int]:
    text = os.environ.get("BENCH_INCREMENTAL_SIZES")
    if text is None:
        return list(INCREMENTAL_SIZES)
    return [int(s) for s in re.split(r"[,\s]+", text.strip()) if s and s != "0"]


def full_rebuild(briefs: int, results: list[SizeResult], work: Path) -> float:
    """A full build's wall time at `briefs`: from this run's pairs, or one build now."""
    for result in results:
        if result.briefs == briefs:
            return result.med("a", "seconds")
    root = work / f"full-{briefs}"
    corpus.generate(root, briefs)
    seconds = timed(build_cmd(work / "site"), root, work / f"full-{briefs}.log").seconds
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(work / "site", ignore_errors=True)
    return seconds


def evaluate_incremental(rows: list[dict]) -> list[dict]:
    if not rows:
        return []
    by_size = {r["briefs"]: r for r in rows}
    small = by_size.get(1000) or rows[0]
    big = by_size.get(3000) or rows[-1]
    checks = [("incremental/full", f"at {small['briefs']}", small["ratio"], TARGETS["incremental_ratio"]),
              ("incremental seconds", f"at {small['briefs']}, median over edit kinds",
               small["median_seconds"], TARGETS["incremental_seconds"])]
    if big is not small:
        checks.append(("incremental scaling", f"{big['briefs']} vs {small['briefs']}",
                       big["median_seconds"] / small["median_seconds"], TARGETS["incremental_scaling"]))
    if small.get("rss_growth"):
        checks.append(("serve RSS growth", f"at {small['briefs']}, after {small['edits_for_rss']} edits",
                       small["rss_growth"], TARGETS["incremental_rss_growth"]))
    return [{"target": name, "where": where, "value": round(value, 3), "limit": limit,
             "status": "PASS" if value <= limit else "MISS"} for name, where, value, limit in checks]


def incremental_table(rows: list[dict]) -> str:
    kinds = list(rows[0]["kinds"]) if rows else []
    lines = ["| edit | " + " | ".join(f"{r['briefs']:,}: s (CPU s)" for r in rows) + " |",
             "|---|" + "---:|" * len(rows)]
    for kind in kinds:
        cells = [f"{r['kinds'][kind]['median_seconds']:.2f} ({r['kinds'][kind]['median_cpu']:.2f})"
                 for r in rows]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines.append("| **median over kinds** | " + " | ".join(
        f"**{r['median_seconds']:.2f}** ({r['median_cpu']:.2f})" for r in rows) + " |")
    lines.append("| full rebuild | " + " | ".join(f"{r['full_rebuild_seconds']:.2f}" for r in rows) + " |")
    lines.append("| ratio | " + " | ".join(f"{r['ratio']:.3f}" for r in rows) + " |")
    lines.append("| first build of serve | " + " | ".join(f"{r['first_build_seconds']:.1f}" for r in rows) + " |")
    return "\n".join(lines)


def sizes_from_env() -> list[int]:
    if os.environ.get("BENCH_SIZES"):
        return [int(s) for s in re.split(r"[,\s]+", os.environ["BENCH_SIZES"].strip()) if s]
    return list(FULL_SIZES if os.environ.get("BENCH_FULL") == "1" else DEFAULT_SIZES)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for dist in ("mkdocs", "mkdocs-material"):
        try:
            from importlib.metadata import version
            versions[dist] = version(dist)
        except Exception:  # noqa: BLE001
            versions[dist] = "unknown"
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": ram,
            "python": platform.python_version(), **versions}


def evaluate(summaries: list[dict]) -> list[dict]:
    """The targets, each PASS or MISS (never an assertion)."""
    by_size = {s["briefs"]: s for s in summaries}
    ref = by_size.get(3000) or summaries[-1]
    small = by_size.get(300) or summaries[0]
    big = by_size.get(3000) or summaries[-1]
    scaling = big["a_seconds"] / small["a_seconds"]
    rows = [
        ("time a/b", f"at {ref['briefs']}, wall", ref["time_ratio"], TARGETS["time_ratio"]),
        ("time a/b", f"at {ref['briefs']}, CPU", ref["cpu_ratio"], TARGETS["time_ratio"]),
        ("scaling a", f"a({big['briefs']})/a({small['briefs']}), wall", scaling, TARGETS["scaling"]),
        ("scaling a", f"a({big['briefs']})/a({small['briefs']}), CPU",
         big["a_cpu"] / small["a_cpu"], TARGETS["scaling"]),
        # check's CPU time adds up its processes, so it is no duration; the one-core run
        # is shown against the same limit, for comparison.
        ("check seconds", f"at {ref['briefs']}, wall", ref["c_seconds"], TARGETS["check_seconds"]),
        ("check seconds", f"at {ref['briefs']}, one core (--jobs 1), wall", ref["c1_seconds"],
         TARGETS["check_seconds"]),
        ("RSS a/b", f"at {ref['briefs']}", ref["rss_ratio"], TARGETS["rss_ratio"]),
    ]
    out = []
    for name, where, value, limit in rows:
        ok = value < limit if name == "check seconds" else value <= limit
        out.append({"target": name, "where": where, "value": round(value, 3), "limit": limit,
                    "status": "PASS" if ok else "MISS"})
    return out


def table(summaries: list[dict], targets: list[dict]) -> str:
    head = ("| briefs | pages | a s | b s | c s | c1 s | a CPU s | b CPU s | c CPU s | pages/s a "
            "| pages/s b | RSS a MB | RSS b MB | a/b wall | a/b CPU | a/b RSS |")
    lines = [head, "|" + "|".join(["---:"] * 16) + "|"]
    for s in summaries:
        lines.append(f"| {s['briefs']:,} | {s['pages']:,} | {s['a_seconds']:.2f} | {s['b_seconds']:.2f} "
                     f"| {s['c_seconds']:.2f} | {s['c1_seconds']:.2f} | {s['a_cpu']:.2f} | {s['b_cpu']:.2f} | {s['c_cpu']:.2f} "
                     f"| {s['pages_per_second_a']:.0f} | {s['pages_per_second_b']:.0f} "
                     f"| {s['a_rss_mb']:.0f} | {s['b_rss_mb']:.0f} | {s['time_ratio']:.3f} "
                     f"| {s['cpu_ratio']:.3f} | {s['rss_ratio']:.3f} |")
    lines.append("")
    lines.append("| target | where | measured | limit | status |")
    lines.append("|---|---|---:|---:|---|")
    for t in targets:
        op = "<" if t["target"] == "check seconds" else "≤"
        lines.append(f"| {t['target']} | {t['where']} | {t['value']:.3f} | {op} {t['limit']} | {t['status']} |")
    return "\n".join(lines)


def out_dir() -> Path:
    return Path(os.environ.get("BENCH_OUT") or REPO / "bench-results")


def run_bench() -> int:
    sizes = sizes_from_env()
    pairs = int(os.environ.get("BENCH_PAIRS", "3"))
    say = lambda msg: print(msg, file=sys.stderr, flush=True)
    say(f"bench: sizes {sizes}, {pairs} pair(s) each")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(os.environ.get("BENCH_WORK") or tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = [measure_size(n, pairs, work, say) for n in sizes]
        served = [measure_incremental(n, full_rebuild(n, results, work), work, say)
                  for n in incremental_sizes()]
    summaries = [r.summary() for r in results]
    targets = evaluate(summaries) + evaluate_incremental(served)
    print(table(summaries, targets))
    if served:
        print("\nLive preview: from saving a file to the rebuilt page being served (median of "
              "each kind's runs; CPU is the serve process's)\n")
        print(incremental_table(served))
    big, small = summaries[-1], summaries[0]
    print(f"\nscaling: a({big['briefs']})/a({small['briefs']}) = "
          f"{big['a_seconds'] / small['a_seconds']:.2f} wall, {big['a_cpu'] / small['a_cpu']:.2f} CPU, "
          f"for {big['pages'] / small['pages']:.2f}x the pages (b: "
          f"{big['b_seconds'] / small['b_seconds']:.2f} wall, {big['b_cpu'] / small['b_cpu']:.2f} CPU)")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
          "(wall times are only comparable on an idle machine; CPU times are steadier)")
    out = out_dir()
    out.mkdir(parents=True, exist_ok=True)
    data = {"machine": machine(), "pairs": pairs, "sizes": summaries, "targets": targets,
            "incremental": served,
            "load_average_end": os.getloadavg(),
            "scaling": {"from": small["briefs"], "to": big["briefs"],
                        "a": big["a_seconds"] / small["a_seconds"],
                        "a_cpu": big["a_cpu"] / small["a_cpu"], "b_cpu": big["b_cpu"] / small["b_cpu"],
                        "b": big["b_seconds"] / small["b_seconds"],
                        "pages": big["pages"] / small["pages"]}}
    (out / "bench.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out / 'bench.json'}")
    return 0


def run_profile(briefs: int = 3000, top: int = 25) -> int:
    import pstats
    say = lambda msg: print(msg, file=sys.stderr, flush=True)
    out = out_dir()
    out.mkdir(parents=True, exist_ok=True)
    prof = out / f"profile-{briefs}.prof"
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        root = Path(tmp) / f"hooked-{briefs}"
        corpus.generate(root, briefs)
        say(f"profile: building {briefs} briefs under cProfile")
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build",
               "--site-dir", str(Path(tmp) / "site")]
        run = timed(cmd, root, Path(tmp) / "profile.log")
        say(f"profile: {run.seconds:.1f} s under the profiler, {run.rss_mb:.0f} MB")
        hooks_dir = re.escape(str(root / "hooks"))
        for title, key, restrict in (
                ("overall, by cumulative time", "cumulative", ()),
                ("overall, by own time", "tottime", ()),
                ("hooks/ only, by cumulative time", "cumulative", (hooks_dir,)),
                ("hooks/ only, by own time", "tottime", (hooks_dir,))):
            print(f"\n=== {title} (top {top}) ===")
            buffer = io.StringIO()
            stats = pstats.Stats(str(prof), stream=buffer)
            stats.sort_stats(key).print_stats(*restrict, top)
            text = buffer.getvalue().replace(str(root) + "/", "").replace(sys.prefix + "/", "")
            print("\n".join(line for line in text.split("\n")[7:]).strip("\n"))
    print(f"profile data: {prof} (open with `python -m pstats`)")
    return 0
