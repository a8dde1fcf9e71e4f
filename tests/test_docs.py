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


EXAMPLE = REPO / "hooks/briefing/templates/example"


def _word(name: str) -> str:
    """`name` as a whole word or slug: 'courier-ferry-deal' is not in 'kestrel-courier-ferry-deal'."""
    return rf"(?<![\w-]){re.escape(name)}(?![\w-])"


def _shipped_names() -> set[str]:
    """The ids and names of the shipped briefing's briefs and sources. A brief or a source
    that the generator's own example names too (the example briefing `init` writes, and the
    commands and YAML of the guide's worked example) is the example's: a contributor who
    follows the worked example ('Elin Varga', `courier-ferry-deal`) has not made the core
    name the showcase."""
    guide = (TEMPLATES / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = "\n".join([p.read_text(encoding="utf-8") for p in EXAMPLE.rglob("*") if p.is_file()]
                        + re.findall(r"^```.*?^```", guide, re.M | re.S))
    in_example = lambda names: any(re.search(_word(n), example, re.I) for n in names)
    names = set()
    for path in (REPO / "briefs").rglob("*.md"):
        found = re.search(r'^name: "?([^"\n]+)"?$', path.read_text(encoding="utf-8"), re.M)
        own = {path.stem} | ({found.group(1).strip()} if found else set())
        if not in_example(own):
            names |= own
    names |= {path.stem for path in (REPO / "seeds").glob("*.yaml") if not in_example([path.stem])}
    return {n for n in names if len(n) >= 4}


def test_the_core_names_nothing_of_the_shipped_briefing():
    """Principle: the generator is for any briefing; the showcase is content, not code."""
    names = _shipped_names()
    assert len(names) > 20
    pattern = re.compile("|".join(_word(n) for n in sorted(names, key=len, reverse=True)), re.I)
    found = []
    for path in sorted((REPO / "hooks").rglob("*")):
        if path.suffix not in (".py", ".js", ".css", ".html", ".md", ".yml", ".yaml", ".txt") \
                or "vendor" in path.parts or "__pycache__" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for hit in pattern.finditer(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {hit.group()}")
    assert not found, "\n".join(found[:40])
