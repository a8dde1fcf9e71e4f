"""Fixtures shared by the tests; the helpers themselves live in helpers.py."""
import pytest

from helpers import Project, build_shipped, starter


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture
def corpus(project) -> Project:
    return starter(project)


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory):
    """The shipped site, built once per test run: (site folder, build output)."""
    site = tmp_path_factory.mktemp("shipped")
    proc = build_shipped(site)
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    assert "Traceback" not in proc.stderr
    return site, proc.stdout + proc.stderr
