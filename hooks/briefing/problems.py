"""Problems found in the briefing: every stage reports into one `Problems` list.

A problem is a contributor's mistake, never a crash: it names the file, the line and the
field, says what was expected and, where it can, how to fix it.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str
    hint: str = ""
    field: str = ""
    col: int = 1

    def human(self) -> str:
        head = f"{self.path}:{self.line}:{self.col}: error: {self.message}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head

    def short(self) -> str:
        """The `path:line: message (hint)` form the build prints."""
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def github(self) -> str:
        # GitHub workflow commands: newlines and % must be escaped in the message.
        text = self.message + (f" Hint: {self.hint}" if self.hint else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={path},line={max(self.line, 1)},col={self.col}::{text}"


@dataclass
class Problems:
    """Collects problems from every stage, so one run reports all of them."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str, hint: str = "", field: str = "") -> None:
        self.items.append(Problem(path, line, message, hint, field))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        """By file and line; problems on one line keep the order they were found in."""
        unique = list(dict.fromkeys(self.items))
        return sorted(unique, key=lambda p: (p.path, p.line))

    def report(self, fmt: str = "human") -> str:
        items = self.sorted()
        if fmt == "json":
            return json.dumps([asdict(p) for p in items], ensure_ascii=False, indent=2)
        if fmt == "github":
            return "\n".join(p.github() for p in items)
        return "\n".join(p.human() for p in items)


def did_you_mean(word: str, choices, limit: int = 3) -> str:
    """A 'did you mean' hint naming up to `limit` close choices, or ''."""
    lowered = {str(c).lower(): str(c) for c in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=limit, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + ", ".join(f"'{lowered[c]}'" for c in close) + "?"
