"""The fixture site of the browser, HTML-validity and PDF tests, built once per test session.

It is the rich fixture briefing of tests/sites.py (fictional sources in tests/fixtures/, the
briefs written there), configured as a briefing's mkdocs.yml usually is: Material's light /
dark palette toggle and its "back to top" button on top of what sites.py sets, and an edit
URL (as CI sets BRIEFING_EDIT_URL), so that the edit button is on the pages too. Nothing of
the shipped briefing (briefs/, seeds/ at the repository's root) is read.

Import it as `browser.fixture_site` everywhere (tests/ is on sys.path, tests/browser is a
namespace package): one module, so one build per session.
"""
from __future__ import annotations

from pathlib import Path

from helpers import Project
from sites import EDITABLE_YML, build, rich

EDIT_URL = "https://example.org/repo/edit/main/{path}"
PALETTE = """  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
"""

_cache: dict[str, object] = {}


def mkdocs_yml() -> str:
    yml = EDITABLE_YML
    assert "  font: false\n" in yml and "content.tooltips," in yml, "tests/sites.py changed its mkdocs.yml"
    yml = yml.replace("  font: false\n", "  font: false\n" + PALETTE, 1)
    return yml.replace("content.tooltips,", "navigation.top, content.tooltips,", 1)


def project(tmp_path_factory) -> Project:
    """The fixture project (built: its site is `site(tmp_path_factory)`)."""
    site(tmp_path_factory)
    return _cache["project"]  # type: ignore[return-value]


def site(tmp_path_factory) -> Path:
    """The fixture briefing built with `mkdocs build --strict`, once per session."""
    if "site" not in _cache:
        base = tmp_path_factory.mktemp("fixture-site")
        built_project = rich(Project(base / "project"))
        built_project.write("mkdocs.yml", mkdocs_yml())
        result = build(built_project, "--strict", site=base / "site", BRIEFING_EDIT_URL=EDIT_URL)
        assert result.returncode == 0, f"the fixture site did not build:\n{result.output[-4000:]}"
        assert "Traceback" not in result.output, result.output[-4000:]
        assert (result.site / "index.html").is_file(), "the build wrote no index.html"
        _cache["project"], _cache["site"] = built_project, result.site
    return _cache["site"]  # type: ignore[return-value]
