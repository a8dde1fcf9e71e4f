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

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events

try:  # libyaml is ~10x faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
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
    def __init__(self, message: str, line: int, hint: str = ""):
        super().__init__(message)
        self.message, self.line, self.hint = message, line, hint


@dataclass
class YamlDoc:
    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, *path) -> int:
        """The line of the value at `path`, or of its nearest ancestor we know."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


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

    __slots__ = ("container", "path", "key", "line", "is_list")

    def __init__(self, container, path: Path, line: int):
        self.container, self.path, self.key, self.line = container, path, None, line
        self.is_list = isinstance(container, list)


_NO_ANCHORS = "anchors (&) and aliases (*) are not allowed"
_NO_ANCHORS_HINT = "write the value out in full"


def _build(loader, offset: int) -> YamlDoc:
    """The document from the loader's events. One flat loop with local names: this runs
    once per YAML event (about 100 per brief), so it is the hot path of `check`."""
    lines: dict[Path, int] = {}
    doc = YamlDoc(None, lines, offset + 1)
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
            if kind is _SCALAR:
                value = event.value if _plain_text(event) else _scalar(event, line)
            else:
                _open(stack, event, kind, line)
                continue
        elif kind is _MAP_END or kind is _SEQ_END:
            frame = stack.pop()
            value, line = frame.container, frame.line
        elif kind is _ALIAS:
            raise YamlError(_NO_ANCHORS, line, _NO_ANCHORS_HINT)
        elif kind is _DOC_START and done:
            raise YamlError("only one YAML document is allowed", line)
        else:
            continue
        if not stack:
            doc.value, done = value, True
        else:
            _place(stack[-1], value, line, lines)
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
        path = parent.path + ((len(parent.container),) if parent.is_list else (parent.key,))
    else:
        path = ()
    stack.append(_Frame({} if kind is _MAP_START else [], path, line))


def _place(frame: _Frame, value: Any, line: int, lines: dict[Path, int]) -> None:
    """Put a finished value into its container: a list item, a mapping key or its value."""
    if frame.is_list:
        lines[frame.path + (len(frame.container),)] = line
        frame.container.append(value)
    elif frame.key is None:  # this value is a key
        if not isinstance(value, (str, int, float, bool)):
            raise YamlError("a key must be a plain word", line)
        key = str(value)
        if key in frame.container:
            raise YamlError(f"the key '{key}' appears twice", line,
                            f"keep one '{key}' and delete the other")
        frame.key = key
        lines[frame.path + (key,)] = line
    else:
        frame.container[frame.key] = value
        frame.key = None


def load_yaml(text: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document; raises YamlError with a 1-based line."""
    loader = _Loader(text)
    try:
        return _build(loader, line_offset)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise YamlError(f"YAML syntax error: {err.problem or err.context}", line,
                        "check the indentation and quoting on this line and the one before") from None
    except yaml.YAMLError as err:  # e.g. a reader error on a control character
        raise YamlError(f"YAML error: {err}", line_offset + 1) from None
    except RecursionError:
        raise YamlError("values are nested too deeply", line_offset + 1) from None
    finally:
        loader.dispose()
