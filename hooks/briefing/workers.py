"""Load and validate the briefs on every core, for the `check` command.

Reading, parsing and validating a brief needs nothing from any other brief, so the brief
files are dealt out like cards (topics, the longest briefs, sort last and would otherwise
all land on one worker): forked workers take all hands but the first, this process takes
the first, and the results are put back in file order. The briefing and the problems are
exactly those of the serial path (a test compares them).

Only `check` uses this. The MkDocs build stays serial: `mkdocs serve` runs threads, and
forking beside threads is unsafe.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from pathlib import Path

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
    if len(slices) < 2:
        return validate(load(root, problems, layout), problems)
    context = multiprocessing.get_context("fork")
    with context.Pool(len(slices) - 1) as pool:
        pending = [pool.apply_async(_validated, (root, paths)) for paths in slices[1:]]
        entities, found = _validated(root, slices[0])
        for result in pending:
            more_entities, more_found = result.get()
            entities += more_entities
            found += more_found
    entities.sort(key=lambda entity: entity.path)  # the order of layout.briefs
    problems.items.extend(found)
    rest = load(root, problems, replace(layout, briefs=[]))  # sources and glossary
    return validate(rest, problems, entities)


def _validated(root: Path, paths: list[str]) -> tuple[list[Entity], list[Problem]]:
    problems = Problems()
    return validate_briefs(load_briefs(root, paths, problems), problems), problems.items


def _slices(paths: list[str], jobs: int) -> list[list[str]]:
    if "fork" not in multiprocessing.get_all_start_methods():
        jobs = 1  # Windows: no fork, and spawning would re-import everything
    jobs = max(1, min(jobs, len(paths) // MIN_BRIEFS_PER_JOB))
    return [paths[i::jobs] for i in range(jobs)]
