"""A YAML loader for untrusted input that remembers the line of every value.

It walks PyYAML's (libyaml's, where available) event stream and builds plain dicts,
lists and scalars itself, so that:
  * anchors and aliases are rejected (no "billion laughs"),
  * only the standard tags are accepted (no custom or Python tags),
  * nesting depth and the number of values are bounded,
  * duplicate keys are an error instead of silently taking the last one,
  * every value's line is known, for `path:line` messages.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events

try:  # libyaml is ~10x faster; the pure-Python parser gives the same events. Only the
    # parser: a loader would also build a constructor and a resolver for every file.
    from yaml.cyaml import CParser as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 16
MAX_VALUES = 20_000
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_SCALAR_TAGS = {"!", *_STANDARD_TAGS}  # "!" is the non-specific tag of a quoted scalar
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

Path = tuple  # a path of keys and indexes into the document, e.g. ("roles", 0, "of")


class YamlError(Exception):
    def __init__(self, message: str, line: int, hint: str = "", col: int = 1):
        super().__init__(message)
        self.message, self.line, self.hint, self.col = message, line, hint, col


@dataclass
class YamlDoc:
    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    first_line: int = 1
    cols: dict[Path, int] = field(default_factory=dict)  # where each value starts
    key_cols: dict[Path, int] = field(default_factory=dict)  # where each mapping key starts

    def _known(self, path: tuple) -> tuple:
        while path and path not in self.lines:
            path = path[:-1]
        return path

    def line(self, *path) -> int:
        """The line of the value at `path`, or of its nearest ancestor we know."""
        known = self._known(tuple(path))
        return self.lines[known] if known else self.first_line

    def col(self, *path, key: bool = False) -> int:
        known = self._known(tuple(path))
        return (self.key_cols if key else self.cols).get(known, 1) if known else 1


# Plain words YAML 1.1 resolves to something other than text (booleans and null).
_SPECIAL_WORDS = {"yes", "no", "y", "n", "true", "false", "on", "off", "null", "~", "<<", "="}


def _plain_text(event: events.ScalarEvent) -> bool:
    """True when the scalar can only be text, without running the YAML resolver."""
    if event.tag is not None:
        return False
    if event.style:  # quoted or block scalars are always text
        return True
    value = event.value
    return bool(value) and value[0].isalpha() and value.lower() not in _SPECIAL_WORDS


def _check_tag(tag: str | None, line: int, allowed) -> None:
    if tag and tag not in allowed:
        raise YamlError(f"the tag '{tag}' is not allowed", line,
                        "remove the tag; briefs use plain YAML values only")


def _scalar(event: events.ScalarEvent, line: int) -> Any:
    _check_tag(event.tag, line, _SCALAR_TAGS)
    tag = event.tag if event.tag not in (None, "!") else _resolver.resolve(
        yaml.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:timestamp":
        return event.value  # dates are parsed by our own partial-date rules
    if tag in ("tag:yaml.org,2002:str", "!"):
        return event.value
    node = yaml.ScalarNode(tag, event.value)
    try:
        return _constructor.construct_object(node)
    except Exception:  # e.g. an explicit !!int on a word
        raise YamlError(f"'{event.value}' is not a valid {tag.rsplit(':', 1)[-1]}", line)


class _Frame:
    """An open mapping or sequence: its container, its path and, in a mapping, the key
    waiting for its value."""

    __slots__ = ("container", "path", "key", "key_path", "line", "is_list")

    def __init__(self, container, path: Path, line: int):
        self.container, self.path, self.key, self.line = container, path, None, line
        self.key_path: Path = ()  # the path of the waiting key's value
        self.is_list = isinstance(container, list)


_NO_ANCHORS = "anchors (&) and aliases (*) are not allowed"
_NO_ANCHORS_HINT = "write the value out in full"


def _build(loader, offset: int) -> YamlDoc:
    """The document from the loader's events. One flat loop with local names: this runs
    once per YAML event (about 100 per brief), so it is the hot path of `check`."""
    lines: dict[Path, int] = {}
    cols: dict[Path, int] = {}
    doc = YamlDoc(None, lines, offset + 1, cols)
    key_cols = doc.key_cols
    stack: list[_Frame] = []
    count, done = 0, False
    get_event = loader.get_event
    while (event := get_event()) is not None:  # None after the stream's end
        kind = type(event)
        line = event.start_mark.line + 1 + offset
        if kind is _SCALAR or kind is _MAP_START or kind is _SEQ_START:
            if event.anchor:
                raise YamlError(_NO_ANCHORS, line, _NO_ANCHORS_HINT)
            count += 1
            if count > MAX_VALUES:
                raise YamlError(f"more than {MAX_VALUES} values", line, "split the file")
            if done:
                raise YamlError("only one YAML document is allowed", line)
            col = event.start_mark.column + 1
            if kind is _SCALAR:
                value = event.value if _plain_text(event) else _scalar(event, line)
            else:
                _open(stack, event, kind, line)
                continue
        elif kind is _MAP_END or kind is _SEQ_END:
            frame = stack.pop()
            value, line, col = frame.container, frame.line, 1
        elif kind is _ALIAS:
            raise YamlError(_NO_ANCHORS, line, _NO_ANCHORS_HINT)
        elif kind is _DOC_START and done:
            raise YamlError("only one YAML document is allowed", line)
        else:
            continue
        if not stack:
            doc.value, done = value, True
        else:
            _place(stack[-1], value, line, lines, col, cols, key_cols)
    return doc


_SCALAR, _ALIAS = events.ScalarEvent, events.AliasEvent
_MAP_START, _MAP_END = events.MappingStartEvent, events.MappingEndEvent
_SEQ_START, _SEQ_END = events.SequenceStartEvent, events.SequenceEndEvent
_DOC_START = events.DocumentStartEvent


def _open(stack: list[_Frame], event, kind, line: int) -> None:
    """Push a new mapping or sequence, after the checks on its tag and depth."""
    _check_tag(event.tag, line, _STANDARD_TAGS)
    if len(stack) >= MAX_DEPTH:
        raise YamlError(f"values are nested more than {MAX_DEPTH} levels deep", line,
                        "flatten the structure")
    if stack:
        parent = stack[-1]
        path = parent.path + (len(parent.container),) if parent.is_list else parent.key_path
    else:
        path = ()
    stack.append(_Frame({} if kind is _MAP_START else [], path, line))


def _place(frame: _Frame, value: Any, line: int, lines: dict[Path, int], col: int,
           cols: dict[Path, int], key_cols: dict[Path, int]) -> None:
    """Put a finished value into its container: a list item, a mapping key or its value."""
    if frame.is_list:
        path = frame.path + (len(frame.container),)
        lines[path] = line
        cols[path] = col
        frame.container.append(value)
    elif frame.key is None:  # this value is a key
        if not isinstance(value, (str, int, float, bool)):
            raise YamlError("a key must be a plain word", line)
        key = str(value)
        if key in frame.container:
            raise YamlError(f"the key '{key}' appears twice", line,
                            f"keep one '{key}' and delete the other", col)
        frame.key = key
        frame.key_path = path = frame.path + (key,)
        lines[path] = line
        cols[path] = col
        key_cols[path] = col
    else:
        frame.container[frame.key] = value
        if col > 1 or not isinstance(value, (dict, list)):
            cols[frame.key_path] = col
        frame.key = None


# libyaml's messages, in words a contributor can act on: (part of the problem, message, hint).
_EXPLAINED = (
    ("tab character", "a tab character: YAML indentation must use spaces", "replace the tab with spaces"),
    ("found character '\\t'", "a tab character: YAML indentation must use spaces",
     "replace the tab with spaces"),
    ("expected ',' or ']'", "a [list] that is never closed",
     "close it with ']', or put a value that starts with '[' in quotes"),
    ("expected ',' or '}'", "a {mapping} that is never closed",
     "close it with '}', or put a value that starts with '{' in quotes"),
    ("mapping values are not allowed", "a ':' where YAML does not expect one",
     "put a value that contains ': ' in quotes, or check the indentation of this line"),
    ("expected <block end>", "this line is indented differently from the lines before it",
     "indent it like the other fields at its level"),
    ("could not find expected ':'", "a line that is not 'field: value'",
     "add the ':' after the field name, or join the line to the one before"),
    ("end of stream", "a quoted value that is never closed",
     "close the quotation mark that opens on this line"),
    ("did not find expected key", "this line does not fit the list or mapping around it",
     "check its indentation and the '-' that starts each list entry"),
    ("did not find expected '-' indicator", "a list entry that does not start with '-'",
     "start each list entry with '- '"),
)


def _where(err: yaml.MarkedYAMLError):
    """The mark where the mistake is: for a value that is never closed, where it opens."""
    unclosed = ("end of stream", "expected ',' or")  # a value or a [list] opened and never closed
    if err.context_mark is not None and any(u in (err.problem or "") for u in unclosed):
        return err.context_mark
    return err.problem_mark or err.context_mark


def _syntax_error(err: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlError:
    """The mistake in a contributor's words, at the line that holds it. Runs on the error
    path only, so it may read the text again."""
    mark = _where(err)
    row, col = (mark.line, mark.column) if mark else (0, 0)
    lines = text.split("\n")
    opened = _runaway_quote(lines, row)
    if opened is not None:
        at, start, quote = opened
        return YamlError("YAML syntax error: a quoted value that is not closed on its line",
                         at + 1 + line_offset,
                         f"close the {quote} that opens here: YAML reads everything up to the "
                         f"next {quote}, on line {row + 1 + line_offset}, as this one value",
                         start + 1)
    early = _closed_early(lines[row]) if row < len(lines) else None
    if early is not None:
        end, quote = early
        return YamlError("YAML syntax error: a quoted value that ends before its line does",
                         row + 1 + line_offset, _CLOSED_EARLY_HINTS[quote], end + 1)
    message, hint = _explain(err, lines[row] if row < len(lines) else "", col,
                             lines[row - 1] if 0 < row <= len(lines) else "")
    return YamlError(message, row + 1 + line_offset, hint, col + 1)


# A value that starts with a quotation mark: after a key ('text: "…'), a list's dash, or both.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)*(?:[\w-]+:\s+)?(?:-\s+)*(["'])""")
_KEY_LINE = re.compile(r"^(\s*)([\w-]+):(\s|$)")
_LOOKBACK = 3  # the quoted values not closed on their line that may have run on to the error


def _runaway_quote(lines: list[str], row: int) -> tuple[int, int, str] | None:
    """The line, column and mark of a quoted value, opened on an earlier line and not
    closed there, that YAML read on until `row`: the real mistake behind the error there."""
    tried = 0
    for at in range(min(row, len(lines)) - 1, -1, -1):
        found = _QUOTED_VALUE.match(lines[at])
        if found is None or _closing(lines, at, found.end(), found.group(1), at + 1) is not None:
            continue
        if _closing(lines, at, found.end(), found.group(1), row + 1) == row:
            return at, found.start(1), found.group(1)
        tried += 1
        if tried == _LOOKBACK:
            return None
    return None


def _closing(lines: list[str], at: int, start: int, quote: str, stop: int) -> int | None:
    """The line (before `stop`) where the value quoted from `lines[at][start:]` closes."""
    for row in range(at, min(stop, len(lines))):
        if _close_col(lines[row], start if row == at else 0, quote) is not None:
            return row
    return None


def _close_col(line: str, i: int, quote: str) -> int | None:
    """The column of the mark that closes a value quoted with `quote`, read from `i`."""
    while i < len(line):
        char = line[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":  # '' is a quote mark inside
                i += 2
                continue
            return i
        i += 1
    return None


_CLOSED_EARLY_HINTS = {
    '"': 'a " inside the value ends it there: put the whole value in single quotes (\'…\'), '
         'write the inner marks as \\", or use curly quotation marks (“…”)',
    "'": "an apostrophe or ' inside the value ends it there: write it twice (''), or put the "
         'whole value in double quotes ("…")',
}


def _closed_early(line: str) -> tuple[int, str] | None:
    """The column and mark of a quoted value that closes before its line ends, with more
    than a comment after it (`summary: "He said "no" twice."`): what YAML then stops at."""
    found = _QUOTED_VALUE.match(line)
    if found is None:
        return None
    end = _close_col(line, found.end(), found.group(1))
    if end is None:
        return None
    rest = line[end + 1:].strip()
    return (end, found.group(1)) if rest and not rest.startswith(("#", ",", "]", "}")) else None


def _explain(err: yaml.MarkedYAMLError, line: str = "", col: int = 0, before: str = "") -> tuple[str, str]:
    problem = f"{err.context or ''} {err.problem or ''}"
    if "cannot start any token" in problem and line[col:col + 1] == "\t":
        return ("YAML syntax error: a tab character: YAML indentation must use spaces",
                "replace the tab with spaces")
    if "cannot start any token" in problem and line[col:col + 1]:
        char = line[col]
        return (f"YAML syntax error: a value cannot start with '{char}'",
                f"put the value in quotes: \"{char}…\"")
    key, above = _KEY_LINE.match(line), _KEY_LINE.match(before.replace("-", " ", 1))
    misplaced = "expected '-' indicator" in problem or "did not find expected key" in problem
    if key and above and misplaced and len(key.group(1)) != len(above.group(1)):
        return (f"YAML syntax error: '{key.group(2)}:' is indented by {len(key.group(1))} spaces, "
                f"but the field above it by {len(above.group(1))}",
                f"line up '{key.group(2)}:' with the field above it")
    for needle, message, hint in _EXPLAINED:
        if needle in problem:
            return f"YAML syntax error: {message}", hint
    return (f"YAML syntax error: {err.problem or err.context}",
            "check the indentation and quoting on this line and the one before")


def load_yaml(text: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document; raises YamlError with a 1-based line."""
    try:
        loader = _Loader(text)  # the pure-Python reader checks the characters here, libyaml as it reads
    except (yaml.reader.ReaderError, UnicodeEncodeError):
        raise _unreadable(text, line_offset) from None
    try:
        return _build(loader, line_offset)
    except (yaml.reader.ReaderError, UnicodeEncodeError):  # libyaml reads as it parses
        raise _unreadable(text, line_offset) from None
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, text, line_offset) from None
    except yaml.YAMLError as err:  # its first line: the rest is PyYAML's position in the text
        first = str(err).split("\n", 1)[0]
        raise YamlError(f"YAML error: {first}", line_offset + 1) from None
    except RecursionError:
        raise YamlError("values are nested too deeply", line_offset + 1) from None
    finally:
        loader.dispose()


# The characters YAML refuses to read (PyYAML's Reader.NON_PRINTABLE, and the surrogates
# libyaml cannot encode). The reader's own error names only an offset, in bytes for libyaml,
# so the character is found again here, on the error path only.
_UNREADABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _unreadable(text: str, line_offset: int) -> YamlError:
    found = _UNREADABLE.search(text)
    if found is None:  # not expected: the reader refused a character YAML allows
        return YamlError("YAML error: a character YAML cannot read", line_offset + 1)
    at, char = found.start(), found.group()
    what = "control character" if unicodedata.category(char) == "Cc" else "character"
    return YamlError(f"the {what} U+{ord(char):04X} is not allowed in YAML",
                     line_offset + 1 + text.count("\n", 0, at),
                     "delete it: most editors do not show it", at - text.rfind("\n", 0, at))
