"""`check` on every core: two rounds of forked workers, inside the one route (`pipeline`).

1. Reading, parsing and validating a brief needs nothing from any other brief, so the
   brief files are dealt out like cards (topics, the longest briefs, sort last and would
   otherwise all land on one worker). The validated entities come back and are put in
   file order.
2. Once the registries exist (`index.register`), verifying an entity's quotes, checking
   its references and linking its prose need nothing from any other entity either. The
   workers inherit the index through fork and send back what later stages need: their
   problems, the source paragraphs cited and the quotation facts.

This process always plays the first hand itself. The problems are exactly those of the
serial route (tests compare them). The build and the live preview stay serial: `mkdocs
serve` runs threads, and forking beside threads is unsafe.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
from pathlib import Path
from typing import Callable

from .index import Index, relate
from .linking import link_entity, wikilinks_only

# Below this many briefs per worker, starting a process and sending its results back
# costs more than the work it takes over.
MIN_BRIEFS_PER_JOB = 400


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def validate_parallel(root: Path, paths: list[str], rules: dict, jobs: int = 1,
                      meanwhile=lambda: None) -> list[tuple]:
    """`store.validate_files` over up to `jobs` processes, in the order of `paths`;
    `meanwhile()` runs here while the workers finish (the sources and the glossary)."""
    from .store import validate_files
    slices = _slices(paths, jobs)
    with _Workers(validate_files, [(root, hand, rules) for hand in slices[1:]]) as workers:
        found = validate_files(root, slices[0], rules)
        meanwhile()
        for result in workers.results():
            found += result
    if len(slices) == 1:
        return found
    order = {rel: i for i, rel in enumerate(paths)}
    return sorted(found, key=lambda entry: order[entry[0]])


def relate_and_link_parallel(index: Index, linked, jobs: int = 1) -> None:
    """Relate every entity and link every brief's prose (wikilinks only, as `check` does),
    over up to `jobs` processes. The problems and the facts later stages need (cited
    paragraphs, quotation counts, citation evidence) come back; linked prose does not, so
    this serves `check`, never a build. The workers inherit the index through fork."""
    hands = _slices(index.entities(), jobs)
    with _Workers(_worker_hand, [(index, hand) for hand in hands[1:]]) as workers:
        _merge(index, linked, _hand(index, hands[0]))
        for result in workers.results():
            _merge(index, linked, result)


def _hand(index: Index, entities: list) -> tuple:
    before = len(index.problems.items)
    linked = wikilinks_only()
    for entity in entities:  # every entity related, then every brief linked, as the serial
        relate(index, entity)  # route does: each stage's data stays in the caches (8% faster)
    for entity in entities:
        if entity.kind != "source" and not entity.stub:
            link_entity(index, linked, entity)
    found = index.problems.items[before:]
    del index.problems.items[before:]
    cited = {source: set(paragraphs) for source, paragraphs in index.cited_paragraphs.items()}
    quotations = {path: len(q) for path, q in linked.quotations.items()}
    return found, cited, linked.evidence, quotations


def _worker_hand(index: Index, entities: list) -> tuple:
    index.cited_paragraphs.clear()  # only this hand's (the worker's copy of the index)
    return _hand(index, entities)


def _merge(index: Index, linked, facts: tuple) -> None:
    found, cited, evidence, quotations = facts
    index.problems.items.extend(found)
    for source, paragraphs in cited.items():
        index.cited_paragraphs[source] |= paragraphs
    linked.evidence.extend(evidence)
    for path, count in quotations.items():
        linked.counted[path] = linked.counted.get(path, 0) + count


class _Workers:
    """`work(*args)` for each args in forked children, while this process plays its own
    hand. A bare fork and a pipe per child, not a multiprocessing pool: a pool's feeder and
    result threads would take this process's GIL while it works, and its semaphores are
    missing in some sandboxes. The children inherit everything through fork, so only
    their results are pickled. A hand whose child could not start, or did not answer
    (killed, out of memory, a bug), is played here instead: never lost, and a bug raises
    here with its own traceback."""

    def __init__(self, work: Callable, hands: list[tuple]):
        self.work = work
        self.children = [(args, _fork(work, args)) for args in hands]

    def results(self):
        for args, child in self.children:
            found = child.result() if child is not None else None
            yield found if found is not None else self.work(*args)

    def __enter__(self) -> "_Workers":
        return self

    def __exit__(self, *exc) -> None:
        for _, child in self.children:
            if child is not None:
                child.close()


def _fork(work: Callable, args: tuple) -> "_Child | None":
    """A child running `work(*args)`, or None where the system cannot fork."""
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except (AttributeError, OSError):  # no fork (Windows), or no process left
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:
        os.close(read_fd)
        _answer(write_fd, work, args)  # never returns
    os.close(write_fd)
    return _Child(pid, read_fd)


def _answer(fd: int, work: Callable, args: tuple) -> None:
    """In the child: the pickled result up the pipe, then exit without running anything
    of the parent's (no atexit handlers, no flush of buffers inherited from it)."""
    code = 1
    try:
        gc.freeze()  # the inherited objects: collections here need not touch (copy) them
        payload = pickle.dumps(work(*args), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
        code = 0
    finally:
        os._exit(code)


class _Child:
    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd

    def result(self):
        """The child's result, or None when it failed."""
        with os.fdopen(self.fd, "rb") as pipe:
            self.fd = -1
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if os.waitstatus_to_exitcode(status) != 0 or not payload:
            return None
        return pickle.loads(payload)

    def close(self) -> None:
        """Reap a child whose result was never asked for (this process raised first)."""
        if self.fd >= 0:
            os.close(self.fd)  # its write then fails, and it exits
        if self.pid:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)


def _slices(paths: list, jobs: int) -> list[list]:
    if not hasattr(os, "fork"):
        jobs = 1  # Windows: no fork, and spawning would re-import everything
    jobs = max(1, min(jobs, len(paths) // MIN_BRIEFS_PER_JOB))
    return [paths[i::jobs] for i in range(jobs)]
