"""The tests every briefing shares (`briefing.testing`), on the briefing this repository
ships: its check passes with no warning, its site builds, every link and anchor resolves and
nothing asks another host. They hold the shipped briefing to the generator's promises, never
to today's content."""
from briefing.testing import *  # noqa: F401,F403
