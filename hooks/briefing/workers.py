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

import multiprocessing
import os
from pathlib import Path

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
    pool = _pool(len(slices) - 1)
    if pool is None:
        found = validate_files(root, paths, rules)
        meanwhile()
        return found
    with pool:
        pending = [pool.apply_async(validate_files, (root, hand, rules)) for hand in slices[1:]]
        found = validate_files(root, slices[0], rules)
        meanwhile()
        for result in pending:
            found += result.get()
    order = {rel: i for i, rel in enumerate(paths)}
    return sorted(found, key=lambda entry: order[entry[0]])


# What round-2 workers inherit through fork (never pickled): the index and the hands.
_FORKED: tuple[Index, list] | None = None


def relate_and_link_parallel(index: Index, linked, jobs: int = 1) -> None:
    """Relate every entity and link every brief's prose (wikilinks only, as `check` does),
    over up to `jobs` processes. The problems and the facts later stages need (cited
    paragraphs, quotation counts, citation evidence) come back; linked prose does not, so
    this serves `check`, never a build."""
    global _FORKED
    hands = _slices(index.entities(), jobs)
    _FORKED = index, hands
    try:
        pool = _pool(len(hands) - 1)
        if pool is None:
            _merge(index, linked, _hand(index, index.entities()))
            return
        with pool:
            pending = [pool.apply_async(_forked_hand, (i,)) for i in range(1, len(hands))]
            _merge(index, linked, _hand(index, hands[0]))
            for result in pending:
                _merge(index, linked, result.get())
    finally:
        _FORKED = None


def _hand(index: Index, entities: list) -> tuple:
    before = len(index.problems.items)
    linked = wikilinks_only()
    for entity in entities:
        relate(index, entity)
        if entity.kind != "source" and not entity.stub:
            link_entity(index, linked, entity)
    found = index.problems.items[before:]
    del index.problems.items[before:]
    cited = {source: set(paragraphs) for source, paragraphs in index.cited_paragraphs.items()}
    quotations = {path: len(q) for path, q in linked.quotations.items()}
    return found, cited, linked.evidence, quotations


def _forked_hand(hand: int) -> tuple:
    index, hands = _FORKED
    index.cited_paragraphs.clear()  # only this hand's
    return _hand(index, hands[hand])


def _merge(index: Index, linked, facts: tuple) -> None:
    found, cited, evidence, quotations = facts
    index.problems.items.extend(found)
    for source, paragraphs in cited.items():
        index.cited_paragraphs[source] |= paragraphs
    linked.evidence.extend(evidence)
    for path, count in quotations.items():
        linked.counted[path] = linked.counted.get(path, 0) + count


def _pool(workers: int):
    """A pool of `workers` forked processes, or None to do the work here: when no worker
    is needed, or the system refuses (no fork on Windows, no semaphores in some
    sandboxes)."""
    if workers < 1:
        return None
    try:
        return multiprocessing.get_context("fork").Pool(workers)
    except (ValueError, OSError):
        return None


def _slices(paths: list, jobs: int) -> list[list]:
    if "fork" not in multiprocessing.get_all_start_methods():
        jobs = 1  # Windows: no fork, and spawning would re-import everything
    jobs = max(1, min(jobs, len(paths) // MIN_BRIEFS_PER_JOB))
    return [paths[i::jobs] for i in range(jobs)]
