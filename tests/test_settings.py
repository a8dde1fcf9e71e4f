"""briefing.yml and finding the project: a folder that is not a briefing is refused."""
from pathlib import Path

import pytest

from briefing import __version__
from briefing.settings import NotABriefing, find_root
from helpers import RULES_OFF


def settings_problems(project, text: str) -> list[str]:
    project.write("briefing.yml", text)
    return [m for m in project.messages() if m.startswith("briefing.yml")]


def test_the_root_is_found_from_any_subfolder(project):
    assert find_root(project.root / "briefs" / "actors") == project.root.resolve()


def test_a_folder_that_is_not_a_briefing_is_refused(tmp_path):
    with pytest.raises(NotABriefing, match="is not in a briefing: no briefing.yml here or in any folder above"):
        find_root(tmp_path)
    with pytest.raises(NotABriefing, match="does not exist"):
        find_root(tmp_path / "nowhere")


def test_an_unknown_rule_suggests_the_right_one(project):
    assert settings_problems(project, "rules:\n  uncited-paragraphs: warning\n") == ["briefing.yml:2: unknown field 'uncited-paragraphs' (did you mean "
                              "'uncited-paragraph', 'source-paragraph-uncited'?)"]


def test_yaml_off_means_off(project):
    project.write("briefing.yml", "rules:\n" + "".join(f"  {rule}: off\n" for rule in RULES_OFF))
    project.actor("lumen", "Lumen")
    assert project.messages() == []


def test_a_generator_older_than_required_is_named(project):
    assert settings_problems(project, 'requires: ">=99.0"\n') == [(f"briefing.yml:1: this briefing needs briefing >=99.0, but the installed "
                              f"generator is {__version__} (upgrade it: raise the pin in requirements.txt, "
                              "then `make site` (see CONTRIBUTING.md, \"Upgrading the generator\"))")]


def test_a_requirement_must_be_a_minimum_version(project):
    assert settings_problems(project, 'requires: "0.2"\n') == [(f"briefing.yml:1: 'requires' is '0.2'; expected a minimum version like "
                              f"'>=0.2.0' (write requires: \">={__version__}\")")]


def test_strict_must_be_true_or_false(project):
    assert settings_problems(project, "strict: sometimes\n") == [
        "briefing.yml:1: 'strict' must be true or false, not 'sometimes'"]
