"""The generator's tests for every briefing (`briefing.testing`), collected here by pytest."""
from briefing.testing import *  # noqa: F401,F403
