"""Fixtures shared by the tests; the helpers themselves live in helpers.py."""
import pytest

from helpers import Project, starter


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture
def corpus(project) -> Project:
    return starter(project)
