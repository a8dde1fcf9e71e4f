"""The documents that describe the generator agree with it: the contributors' guide of this
repository with the one `briefing init` writes, and both with the content rules, and the core
names nothing of the briefing this repository ships."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefing.problems import RULES

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "hooks/briefing/templates/project"
# Sections where this repository differs on purpose: it is the generator's own repository.
OWN_SECTIONS = {"Setup", "Upgrading the generator", "Changing the generator", "Pull requests"}


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {part.split("\n", 1)[0].strip(): part for part in parts}


def test_the_contributors_guide_matches_the_one_init_writes():
    ours = _sections((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    theirs = _sections((TEMPLATES / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    shared = set(theirs) - OWN_SECTIONS
    assert shared <= set(ours), sorted(shared - set(ours))
    different = [name for name in sorted(shared) if ours[name] != theirs[name]]
    assert not different, f"sections that drifted from the template: {different}"


def test_every_rule_is_in_the_settings_template_and_the_guide_with_its_default():
    settings = (TEMPLATES / "briefing.yml").read_text(encoding="utf-8").replace("{{version}}", "0")
    listed = yaml.safe_load(settings)["rules"]
    assert listed == {name: default for name, (default, _) in RULES.items()}
    guide = (TEMPLATES / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name, (default, _) in RULES.items():
        assert f"| `{name}` | {default} |" in guide, name


def test_the_repository_s_settings_name_only_known_rules():
    settings = yaml.safe_load((REPO / "briefing.yml").read_text(encoding="utf-8"))
    assert set(settings.get("rules", {})) <= set(RULES)


def _shipped_names() -> set[str]:
    """The ids and names of the shipped briefing's briefs and sources."""
    names = set()
    for path in (REPO / "briefs").rglob("*.md"):
        names.add(path.stem)
        found = re.search(r'^name: "?([^"\n]+)"?$', path.read_text(encoding="utf-8"), re.M)
        if found:
            names.add(found.group(1).strip())
    names |= {path.stem for path in (REPO / "seeds").glob("*.yaml")}
    return {n for n in names if len(n) >= 4}


def test_the_core_names_nothing_of_the_shipped_briefing():
    """Principle: the generator is for any briefing; the showcase is content, not code."""
    names = _shipped_names()
    assert len(names) > 20
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(names, key=len, reverse=True)),
                         re.I)
    found = []
    for path in sorted((REPO / "hooks").rglob("*")):
        if path.suffix not in (".py", ".js", ".css", ".html", ".md", ".yml", ".yaml", ".txt") \
                or "vendor" in path.parts or "__pycache__" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for hit in pattern.finditer(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {hit.group()}")
    assert not found, "\n".join(found[:40])
