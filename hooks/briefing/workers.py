"""The `check` command on every core: two rounds of forked workers.

1. Reading, parsing and validating a brief needs nothing from any other brief, so the
   brief files are dealt out like cards (topics, the longest briefs, sort last and would
   otherwise all land on one worker). The validated entities come back and are put in
   file order.
2. Once the registries exist (`index.register`), verifying an entity's quotes, checking
   its references and linking its prose need nothing from any other entity either. The
   workers inherit the index through fork and send back only their problems.

This process always plays the first hand itself. The problems are exactly those of the
serial path (tests compare them). Only `check` uses this: the MkDocs build stays serial,
because `mkdocs serve` runs threads and forking beside threads is unsafe.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from pathlib import Path

from .index import Index, relate
from .linking import link_entity, wikilinks_only
from .load import find, load, load_briefs
from .model import Briefing, Entity
from .problems import Problem, Problems
from .validate import validate, validate_briefs

# Below this many briefs per worker, starting a process and sending its results back
# costs more than the work it takes over.
MIN_BRIEFS_PER_JOB = 400


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def load_and_validate(root: Path, problems: Problems, jobs: int = 1) -> Briefing:
    """`validate(load(root))`, with the briefs spread over up to `jobs` processes."""
    layout = find(root, problems)
    slices = _slices(layout.briefs, jobs)
    pool = _pool(len(slices) - 1)
    if pool is None:
        return validate(load(root, problems, layout), problems)
    with pool:
        pending = [pool.apply_async(_validated, (root, paths)) for paths in slices[1:]]
        entities, found = _validated(root, slices[0])
        rest = load(root, problems, replace(layout, briefs=[]))  # sources and glossary
        for result in pending:
            more_entities, more_found = result.get()
            entities += more_entities
            found += more_found
    entities.sort(key=lambda entity: entity.path)  # the order of layout.briefs
    problems.items.extend(found)
    return validate(rest, problems, entities)


def _validated(root: Path, paths: list[str]) -> tuple[list[Entity], list[Problem]]:
    problems = Problems()
    return validate_briefs(load_briefs(root, paths, problems), problems), problems.items


# What round-2 workers inherit through fork (never pickled): the index and the hands.
_FORKED: tuple[Index, list[list[Entity]]] | None = None


def relate_and_link(index: Index, jobs: int = 1) -> None:
    """Relate every entity and link every brief's prose (wikilinks only, as `check` does),
    over up to `jobs` processes. Only the problems are kept; the backlinks and linked prose
    of the other processes are thrown away, so this serves `check`, never a build."""
    global _FORKED
    hands = _slices(index.entities(), jobs)
    _FORKED = index, hands  # set before the pool forks, so every worker starts with it
    try:
        pool = _pool(len(hands) - 1)
        if pool is None:
            _relate_and_link(index, index.entities())
            return
        with pool:
            pending = [pool.apply_async(_forked_hand, (i,)) for i in range(1, len(hands))]
            _relate_and_link(index, hands[0])
            found = [problem for result in pending for problem in result.get()]
    finally:
        _FORKED = None
    index.problems.items.extend(found)


def _relate_and_link(index: Index, entities: list[Entity]) -> None:
    linked = wikilinks_only()
    for entity in entities:
        relate(index, entity)
        if entity.kind != "source":
            link_entity(index, linked, entity)


def _forked_hand(hand: int) -> list[Problem]:
    index, hands = _FORKED
    before = len(index.problems.items)
    _relate_and_link(index, hands[hand])
    return index.problems.items[before:]


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
