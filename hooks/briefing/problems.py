"""Problems found in the briefing: every stage reports into one `Problems` list.

A problem is a contributor's mistake, never a crash: it names the file, the line, the
column and the field, says what was expected and, where it can, how to fix it.

Most problems are errors. Content standards are named rules (`RULES`), each set to error,
warning or off in briefing.yml; with `strict: true` there, warnings fail too.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "off")

# name -> (default severity, what it checks). The project's briefing.yml overrides them.
RULES: dict[str, tuple[str, str]] = {
    "uncited-paragraph": ("warning", "every prose paragraph of a brief cites a source paragraph "
                          "([[source#pN]]) or quotes a source"),
    "quotation-source-not-cited": ("warning", "an inline quotation comes from a source its "
                                   "paragraph cites"),
    "brief-without-quote": ("warning", "every brief has at least one verified quote"),
    "brief-undated": ("warning", "every brief says when it was last reviewed ('updated')"),
    "source-paragraph-uncited": ("warning", "every paragraph of every source is cited from "
                                 "prose ([[source#pN]])"),
    "source-ungraded": ("warning", "every source has a reliability grade"),
    "topic-judgments": ("warning", "every topic has two to five key judgments, each citing a quote"),
    "citation-shift": ("warning", "the #pN citations of a source are not shifted by one "
                       "paragraph (a line missing from, or added to, 'boilerplate')"),
    "placeholder-text": ("error", "no scaffold placeholder text is left in a brief"),
}


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    col: int
    message: str
    hint: str = ""
    field: str = ""
    severity: str = "error"
    rule: str = ""

    def _rule(self) -> str:
        return f" [{self.rule}]" if self.rule else ""

    def where(self, col: bool = True) -> str:
        """`path:line:col`, or the bare path for a problem with the whole file: a line 0
        would send an editor's jump-to-error nowhere."""
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.col}" if col else f"{self.path}:{self.line}"

    def human(self) -> str:
        head = f"{self.where(True)}: {self.severity}: {self.message}{self._rule()}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head

    def short(self) -> str:
        """One line, `path:line: message (hint)`: the compact form messages are pinned
        in (the tests), where the column and the rule would only add noise."""
        text = f"{self.where(False)}: {'warning: ' if self.severity == 'warning' else ''}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def record(self) -> dict:
        """The `--format json` object. What a problem does not have is null, not an empty
        string: `line` for the whole file, `hint`, `field` and `rule`."""
        record = asdict(self)
        for key in ("hint", "field", "rule"):
            record[key] = record[key] or None
        record["line"] = self.line or None
        return record

    def github(self) -> str:
        # GitHub workflow commands: newlines and % must be escaped in the message.
        text = self.message + self._rule() + (f" Hint: {self.hint}" if self.hint else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{self.severity} file={path},line={max(self.line, 1)},col={self.col}::{text}"


@dataclass
class Problems:
    """Collects problems from every stage, so one run reports all of them."""

    items: list[Problem] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # rule -> severity, from briefing.yml

    def add(self, path: str, line: int, message: str, hint: str = "", field: str = "",
            col: int = 1, rule: str = "") -> None:
        severity = "error"
        if rule:
            severity = self.rules.get(rule, RULES[rule][0])
            if severity == "off":
                return
        self.items.append(Problem(path, line, max(col, 1), message, hint, field, severity, rule))

    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def failed(self, strict: bool) -> bool:
        """Whether these problems stop the build: any error, or any warning when strict."""
        return bool(self.errors() or (strict and self.warnings()))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        """By file, line and column; problems at one place keep the order they were found in."""
        unique = list(dict.fromkeys(self.items))
        return sorted(unique, key=lambda p: (p.path, p.line, p.col))

    def report(self, fmt: str = "human") -> str:
        items = self.sorted()
        if fmt == "json":
            return json.dumps([p.record() for p in items], ensure_ascii=False, indent=2)
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
