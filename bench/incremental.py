"""The live preview at scale: from saving a file to the rebuilt page being served.

`briefing serve` runs in a child on a generated corpus. Each kind of edit the preview must
handle is made several times; an edit counts as served when the preview's status says a
new build is done and the page it touches, fetched over HTTP, shows the change (or, for an
edit that breaks a brief, the error page naming the file). The serve process's CPU time
per edit is read from /proc (steadier than wall time on a busy machine), and its peak RSS
after a warm-up is compared with its peak after many more edits.
"""
from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

STATUS = "/__briefing/status"
TIMEOUT = 600  # seconds for one edit to show; a slower preview is a failure, not a figure


@dataclass
class Edit:
    kind: str
    files: dict[Path, str | None]  # path -> new text (None: delete)
    page: str  # the site path to fetch
    expect: str  # text the served page must contain
    absent: str = ""  # text it must no longer contain


@dataclass
class Served:
    root: Path
    port: int
    proc: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: Path) -> float:
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        env.pop("BRIEFING_EDIT_URL", None)
        cmd = [str(Path(sys.executable).parent / "briefing"), "serve", "--dev-addr", f"127.0.0.1:{self.port}"]
        start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=subprocess.DEVNULL,
                                     stderr=open(log, "w"))
        while self.generation() < 1:
            if self.proc.poll() is not None:
                raise RuntimeError(f"briefing serve stopped:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        return time.perf_counter() - start

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)

    def generation(self) -> int:
        try:
            with urllib.request.urlopen(self.base + STATUS, timeout=30) as answer:
                return json.loads(answer.read())["generation"]
        except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout):
            return 0

    def fetch(self, page: str) -> str:
        try:
            with urllib.request.urlopen(f"{self.base}/{page}", timeout=60) as answer:
                return answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as err:
            return f"HTTP {err.code}"

    def cpu(self) -> float:
        """User + system seconds of the serve process so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def apply(self, edit: Edit) -> tuple[float, float]:
        """(wall seconds, CPU seconds) until the edit is served."""
        generation, cpu = self.generation(), self.cpu()
        start = time.perf_counter()
        for path, text in edit.files.items():
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")
        while True:
            if time.perf_counter() - start > TIMEOUT:
                raise RuntimeError(f"edit {edit.kind} not served after {TIMEOUT} s (see {self.log})")
            if self.generation() > generation:
                page = self.fetch(edit.page)
                if edit.expect in page and not (edit.absent and edit.absent in page):
                    return time.perf_counter() - start, self.cpu() - cpu
            time.sleep(0.02)


# -- the edits ----------------------------------------------------------------------------

def _set(text: str, key: str, value: str) -> str:
    return re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)


def _html(brief: Path) -> str:
    return f"{brief.parent.name}/{brief.stem}.html"


def edits(root: Path, n: int) -> list[Edit]:
    """The edit kinds of the incremental-preview issue, the n-th time round. Each kind's
    edits leave the briefing valid again (a rename is renamed back, an added quote removed);
    "an error, then its fix" counts the broken save (the error page) and the fixing one."""
    actors = sorted((root / "briefs/actors").glob("*.md"))
    seeds = sorted((root / "seeds").glob("*.yaml"))
    one, other, third = actors[(7 * n) % len(actors)], actors[(7 * n + 3) % len(actors)], actors[(7 * n + 5) % len(actors)]
    text = one.read_text(encoding="utf-8")
    name = re.search(r'^name: "?(.*?)"?$', text, re.M).group(1)
    mark = f"Edit {n}"
    renamed = _set(text, "name", f'"{name} {mark}"')
    spare = actors[(7 * n + 1) % len(actors)]
    spare_text = spare.read_text(encoding="utf-8")
    added = root / "briefs/actors" / f"bench-added-{n}.md"  # nothing links to it: deleting it is fine
    quoted = re.search(r'^    text: (".*")$', spare_text, re.M)
    seed = seeds[n % len(seeds)]
    seed_text = seed.read_text(encoding="utf-8")
    article = seed.with_suffix(".txt")
    article_text = article.read_text(encoding="utf-8")
    broken = text.replace("\nsummary: ", "\nsummary: [never closed ", 1)
    burst = {p: _set(p.read_text(encoding="utf-8"), "summary", f'"Burst {n} {p.stem}."') for p in (one, other, third)}
    out = [
        Edit("a summary", {other: _set(other.read_text(encoding="utf-8"), "summary", f'"Summary {mark}."')},
             _html(other), f"Summary {mark}."),
        Edit("a name or alias", {one: renamed}, _html(one), f"{name} {mark}"),
        Edit("a name or alias", {one: text}, _html(one), name, f"{name} {mark}"),
        Edit("a new brief", {added: _unnamed(spare_text, f"Added {mark}")}, _html(added), f"Added {mark}"),
        Edit("a deleted brief", {added: None}, _html(added), "HTTP 404"),
    ]
    if quoted:
        with_quote = spare_text.replace("\nquotes:\n", f"\nquotes:\n  - id: extra-{n}\n    text: {quoted.group(1)}\n"
                                        f"    source: {_source_of(spare_text, quoted)}\n", 1)
        out.append(Edit("a new quote", {spare: with_quote}, _html(spare), f"extra-{n}"))
        out.append(Edit("a new quote", {spare: spare_text}, _html(spare), "</article>", f"extra-{n}"))
    out += [
        Edit("a seed's metadata", {seed: _set(seed_text, "publisher", f'"Publisher {mark}"')},
             f"sources/{seed.stem}.html", f"Publisher {mark}"),
        Edit("a seed's metadata", {seed: seed_text}, f"sources/{seed.stem}.html", "</article>", f"Publisher {mark}"),
        Edit("a seed's text (checksum fails)", {article: article_text + f"\nAdded {mark}.\n"}, _html(one),
             f"seeds/{seed.stem}"),
        Edit("an error, then its fix", {article: article_text}, _html(one), "</article>"),
        Edit("an error, then its fix", {one: broken}, _html(one), f"briefs/actors/{one.name}"),
        Edit("an error, then its fix", {one: text}, _html(one), "</article>"),
        Edit("a burst of three saves", burst, _html(third), f"Burst {n} {third.stem}."),
    ]
    return out


def _unnamed(text: str, name: str) -> str:
    """A copy of a brief under a new name, without the names it had (its aliases and
    abbreviation), so that it collides with nothing."""
    text = re.sub(r"^abbreviation: .*\n", "", _set(text, "name", f'"{name}"'), count=1, flags=re.M)
    return _set(text, "aliases", "[]")


def _source_of(text: str, quoted: re.Match) -> str:
    return re.search(r"^    source: (\S+)$", text[quoted.end():], re.M).group(1)


# -- the measurement ------------------------------------------------------------------------

@dataclass
class Incremental:
    briefs: int
    first_seconds: float = 0.0
    by_kind: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    peak_warm_mb: float = 0.0
    peak_end_mb: float = 0.0
    edits_for_rss: int = 0

    def median(self, i: int = 0) -> float:
        return statistics.median(statistics.median(t[i] for t in times) for times in self.by_kind.values())

    def summary(self) -> dict:
        return {"briefs": self.briefs, "first_build_seconds": self.first_seconds,
                "median_seconds": self.median(0), "median_cpu": self.median(1),
                "kinds": {k: {"median_seconds": statistics.median(t[0] for t in v),
                              "median_cpu": statistics.median(t[1] for t in v), "runs": len(v)}
                          for k, v in self.by_kind.items()},
                "peak_rss_after_warmup_mb": self.peak_warm_mb, "peak_rss_end_mb": self.peak_end_mb,
                "edits_for_rss": self.edits_for_rss,
                "rss_growth": (self.peak_end_mb / self.peak_warm_mb) if self.peak_warm_mb else None}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(root: Path, briefs: int, rounds: int, rss_edits: int, work: Path, say) -> Incremental:
    served = Served(root, _free_port())
    result = Incremental(briefs)
    try:
        result.first_seconds = served.start(work / f"serve-{briefs}.log")
        say(f"[{briefs}] serve: first build {result.first_seconds:.1f} s")
        done = 0
        for n in range(rounds):
            for edit in edits(root, n):
                seconds, cpu = served.apply(edit)
                result.by_kind.setdefault(edit.kind, []).append((seconds, cpu))
                done += 1
                say(f"[{briefs}] edit {edit.kind}: {seconds:.2f} s wall, {cpu:.2f} s CPU")
            if n == 0:
                result.peak_warm_mb = served.peak_mb()
        n = rounds
        while done < rss_edits:  # more of the same, for the memory figure only
            for edit in edits(root, n):
                served.apply(edit)
                done += 1
            n += 1
        result.peak_end_mb, result.edits_for_rss = served.peak_mb(), done
        say(f"[{briefs}] serve: peak RSS {result.peak_warm_mb:.0f} MB after one round, "
            f"{result.peak_end_mb:.0f} MB after {done} edits")
    finally:
        served.stop()
    return result
