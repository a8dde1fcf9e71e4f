"""Stages 1 and 2 for a session: every file loaded and validated once, until it changes.

Each brief, source and the glossary is keyed by the size and modification time of its
files. A run loads and validates only the files whose key changed (`check` on a cold
start: all of them, spread over every core by `workers`), and keeps each file's problems
with it, so an unchanged file reports the same problems without being read again.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .load import Layout, load_brief, load_glossary, load_source, source_ids
from .model import GLOSSARY_PATH, Briefing, Entity, GlossaryTerm, Source
from .problems import Problem, Problems
from .validate import validate_brief, validate_glossary, validate_source


@dataclass
class Entry:
    key: tuple
    value: object  # an Entity, a Source (or a stub), or a list of GlossaryTerm
    problems: list[Problem] = field(default_factory=list)
    front: int = 0  # a hash of what other pages show of it


def _stat(root: Path, rel: str) -> tuple:
    try:
        st = os.stat(os.path.join(root, rel))  # not Path's `/`: every file, every run
    except OSError:
        return (rel, None)
    return (rel, st.st_mtime_ns, st.st_size, st.st_ino)


@dataclass
class FileStore:
    root: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)
    read_again: list[str] = field(default_factory=list)  # the files the last call loaded

    def briefing(self, layout: Layout, problems: Problems, jobs: int = 1) -> Briefing:
        if problems.rules != self.rules:  # a problem's severity comes from the rules
            self.entries.clear()
            self.rules = dict(problems.rules)
        wanted: dict[str, tuple] = {}
        for rel in layout.briefs:
            wanted[rel] = _stat(self.root, rel)
        names = set(layout.seeds)
        sids = source_ids(layout.seeds, problems)
        for sid in sids:
            wanted[f"seeds/{sid}.yaml"] = (_stat(self.root, f"seeds/{sid}.yaml"),
                                           _stat(self.root, f"seeds/{sid}.txt"))
        if layout.glossary:
            wanted[GLOSSARY_PATH] = _stat(self.root, GLOSSARY_PATH)
        stale = [rel for rel, key in wanted.items()
                 if rel not in self.entries or self.entries[rel].key != key]
        self._load(stale, wanted, names, problems.rules, jobs)
        self.read_again = stale
        for gone in self.entries.keys() - wanted.keys():
            del self.entries[gone]
        return self._assemble(wanted, problems)

    def _load(self, stale: list[str], wanted: dict, names: set[str], rules, jobs: int) -> None:
        briefs = [rel for rel in stale if rel.startswith("briefs/") and rel != GLOSSARY_PATH]
        from .workers import validate_parallel
        listed = set(briefs)
        rest = [rel for rel in stale if rel not in listed]
        found = validate_parallel(self.root, briefs, rules, jobs,
                                  meanwhile=lambda: self._load_rest(rest, wanted, names, rules))
        for rel, entity, problems, front in found:
            self.entries[rel] = Entry(wanted[rel], entity, problems, front)

    def _load_rest(self, stale: list[str], wanted: dict, names: set[str], rules) -> None:
        """The sources and the glossary."""
        for rel in stale:
            if rel.startswith("seeds/"):
                sid = rel[len("seeds/"):-len(".yaml")]
                problems = Problems(rules=rules)
                source = validate_source(load_source(self.root, sid, names, problems), problems)
                self.entries[rel] = Entry(wanted[rel], source, problems.items, hash(wanted[rel]))
            elif rel == GLOSSARY_PATH:
                problems = Problems(rules=rules)
                doc = load_glossary(self.root, problems)
                terms = validate_glossary(doc, problems, GLOSSARY_PATH) if doc else []
                self.entries[rel] = Entry(wanted[rel], terms, problems.items, hash(wanted[rel]))

    def _assemble(self, wanted: dict, problems: Problems) -> Briefing:
        briefing = Briefing()
        for rel in wanted:
            entry = self.entries[rel]
            problems.items.extend(entry.problems)
            value = entry.value
            if rel == GLOSSARY_PATH:
                briefing.glossary = value
            elif isinstance(value, Entity) and value.kind == "source":
                briefing.sources.append(value)
            elif value is not None:
                bucket = "stray" if value.kind is None else f"{value.kind}s"
                getattr(briefing, bucket).append(value)
        return briefing

    def front(self, path: str) -> int:
        """The hash of a file's front matter (or of a source's files): a page's `face:` key."""
        entry = self.entries.get(path)
        return entry.front if entry else 0


def validate_files(root: Path, paths: list[str], rules: dict) -> list[tuple]:
    """(path, entity, problems, front hash) for each brief: load and validate, one by one."""
    out = []
    for rel in paths:
        problems = Problems(rules=rules)
        raw = load_brief(root, rel, problems)
        entity = validate_brief(raw, problems) if raw is not None else None
        out.append((rel, entity, problems.items, raw.front if raw is not None else 0))
    return out
