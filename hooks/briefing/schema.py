"""The one description of every file format: it validates briefs and emits JSON Schemas.

Each field is a `Field` with a `Type`. A type checks a YAML value, reports problems at the
value's line and returns the cleaned value (or INVALID). The same objects produce the JSON
Schemas in `schemas/`, so editors, the validator and the docs can never disagree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .dates import DateError, PartialDate
from .model import Reference
from .problems import Problems, did_you_mean
from .slugs import slugify
from .yamlsafe import YamlDoc

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = SLUG.pattern
INVALID = object()
MAX_TEXT = 20_000  # characters in one YAML string; prose belongs in the Markdown body


@dataclass
class Context:
    """Where a value sits: the file, its parsed YAML and the path of the value."""

    path: str
    doc: YamlDoc
    problems: Problems
    # The ids the file names (`Ref`), by (the path of the field or list holding it, the id).
    references: dict[tuple, Reference] = field(default_factory=dict)

    def error(self, where: tuple, message: str, hint: str = "", rule: str = "", key: bool = False) -> None:
        """Report at the value's line and column (`key`: at its field name's)."""
        name = ".".join(str(p) for p in where if not isinstance(p, int)) or "front matter"
        self.problems.add(self.path, self.doc.line(*where), message, hint, field=name,
                          col=self.doc.col(*where, key=key), rule=rule)


def _label(where: tuple) -> str:
    out = ""
    for part in where:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return f"'{out}'" if out else "the front matter"


class Type:
    def check(self, value: Any, where: tuple, ctx: Context) -> Any:
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError


@dataclass
class Text(Type):
    single_line: bool = True
    nonempty: bool = True

    def check(self, value, where, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # a bare number is fine as text (e.g. a title "1701")
        if not isinstance(value, str):
            ctx.error(where, f"{_label(where)} must be text, not {_kind(value)}",
                      "put the value in quotes")
            return INVALID
        value = value.strip()
        if self.nonempty and not value:
            ctx.error(where, f"{_label(where)} is empty", "write a value or delete the field")
            return INVALID
        if len(value) > MAX_TEXT:
            ctx.error(where, f"{_label(where)} is longer than {MAX_TEXT} characters",
                      "move long text into the Markdown body")
            return INVALID
        if self.single_line and "\n" in value:
            ctx.error(where, f"{_label(where)} must be a single line", "join the lines")
            return INVALID
        return value

    def schema(self):
        return {"type": ["string", "number"] if self.single_line else "string", "minLength": 1}


@dataclass
class Slug(Type):
    def check(self, value, where, ctx):
        if not isinstance(value, str) or not SLUG.match(value):
            slug = slugify(value) if isinstance(value, str) else ""
            ctx.error(where, f"{_label(where)} must be an id like 'ana-costa' "
                      f"(lowercase letters, digits and single hyphens), not {_show(value)}",
                      f"write '{slug}'" if slug else "")
            return INVALID
        return value

    def schema(self):
        return {"type": "string", "pattern": SLUG_PATTERN}


@dataclass
class RecordedId(Slug):
    """An id whose place is kept (`Context.references`), so that a later stage that finds
    it wrong reports it at the id itself, with the entry's number."""

    def check(self, value, where, ctx):
        cleaned = super().check(value, where, ctx)
        if cleaned is not INVALID:  # a list's entries by the list's path: the id is unique there
            holder = where[:-1] if where and isinstance(where[-1], int) else where
            name = ".".join(str(p) for p in where if not isinstance(p, int))
            ctx.references.setdefault((holder, cleaned), Reference(
                cleaned, name, _label(where), ctx.doc.line(*where), ctx.doc.col(*where)))
        return cleaned


@dataclass
class QuoteId(RecordedId):
    """The id of a quote of the same brief."""


@dataclass
class Ref(RecordedId):
    """An id of another entity; whether it exists is checked once everything is loaded."""

    kinds: tuple[str, ...] = ("actor",)
    actor_type: str | None = None  # e.g. 'state' for `country`

    def schema(self):
        target = self.actor_type or " or ".join(self.kinds)
        return {**super().schema(), "description": f"the id of a {target}"}


@dataclass
class Enum(Type):
    values: tuple[str, ...] = ()
    accept: tuple[tuple, ...] = ()  # (value, meaning) pairs, e.g. YAML's `off` (false) for 'off'

    def check(self, value, where, ctx):
        for given, meaning in self.accept:
            if value is given:
                return meaning
        if value not in self.values:
            hint = did_you_mean(str(value), self.values) or "use one of the listed values"
            ctx.error(where, f"{_label(where)} is {_show(value)}; expected one of: "
                      + ", ".join(self.values), hint)
            return INVALID
        return value

    def schema(self):
        return {"enum": list(self.values) + [given for given, _ in self.accept]}


@dataclass
class Date(Type):
    full: bool = False

    def check(self, value, where, ctx):
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str):
            ctx.error(where, f"{_label(where)} must be a date like 2025-06-13, not {_kind(value)}")
            return INVALID
        try:
            date = PartialDate.parse(text)
        except DateError as err:
            ctx.error(where, f"{_label(where)}: {err}")
            return INVALID
        if self.full and not date.day:
            ctx.error(where, f"{_label(where)} must be a full date (YYYY-MM-DD), not '{text}'")
            return INVALID
        return date

    def schema(self):
        pattern = r"^\d{4}-\d{2}-\d{2}$" if self.full else r"^\d{4}(-\d{2}(-\d{2})?)?$"
        return {"type": ["string", "integer"] if not self.full else "string", "pattern": pattern}


@dataclass
class Bool(Type):
    def check(self, value, where, ctx):
        if not isinstance(value, bool):
            ctx.error(where, f"{_label(where)} must be true or false, not {_show(value)}")
            return INVALID
        return value

    def schema(self):
        return {"type": "boolean"}


@dataclass
class Int(Type):
    low: int = 0
    high: int = 0
    hint: str = ""  # what the numbers mean

    def check(self, value, where, ctx):
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            hint = self.hint
            if isinstance(value, str) and value.strip().isdigit():
                hint = f"write the number without quotation marks: {where[-1]}: {value.strip()}"
            ctx.error(where, f"{_label(where)} must be a whole number from {self.low} to "
                      f"{self.high}, not {_show(value)}", hint)
            return INVALID
        return value

    def schema(self):
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


@dataclass
class Url(Type):
    def check(self, value, where, ctx):
        if not isinstance(value, str) or not re.match(r"^https?://[^\s<>\"']+$", value):
            ctx.error(where, f"{_label(where)} must be an http:// or https:// address, "
                      f"not {_show(value)}")
            return INVALID
        return value

    def schema(self):
        return {"type": "string", "pattern": r"^https?://[^\s<>\"']+$"}


@dataclass
class Nullable(Type):
    """A value that may be `null`: unknown metadata stays unknown."""

    inner: Type = None

    def check(self, value, where, ctx):
        return None if value is None else self.inner.check(value, where, ctx)

    def schema(self):
        return {"anyOf": [self.inner.schema(), {"type": "null"}]}


@dataclass
class ListOf(Type):
    item: Type = None
    unique: bool = False

    def check(self, value, where, ctx):
        if not isinstance(value, list):
            ctx.error(where, f"{_label(where)} must be a list, not {_kind(value)}",
                      "write each entry on its own line starting with '- '")
            return INVALID
        out, seen = [], set()
        for i, entry in enumerate(value):
            cleaned = self.item.check(entry, where + (i,), ctx)
            if cleaned is INVALID:
                continue
            key = str(cleaned).lower() if isinstance(cleaned, str) else id(cleaned)
            if self.unique and key in seen:
                ctx.error(where + (i,), f"{_label(where)} lists {_show(cleaned)} twice",
                          "delete the repeated entry")
                continue
            seen.add(key)
            out.append(cleaned)
        return out

    def schema(self):
        return {"type": "array", "items": self.item.schema(), **({"uniqueItems": True} if self.unique else {})}


@dataclass
class Field:
    name: str
    type: Type
    required: bool = False
    doc: str = ""
    example: str = ""  # what the scaffold writes for this field


@dataclass
class Record(Type):
    """A mapping with known fields; unknown fields are errors with a 'did you mean'."""

    fields: tuple[Field, ...] = ()
    title: str = ""

    @cached_property  # check() runs for every mapping of every brief
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def check(self, value, where, ctx):
        if not isinstance(value, dict):
            names = ", ".join(f.name for f in self.fields if f.required)
            ctx.error(where, f"{_label(where)} must be a mapping of fields ({names} …), "
                      f"not {_kind(value)}")
            return INVALID
        known, out, ok = self.by_name, {}, True
        for key, entry in value.items():
            spec = known.get(key)
            if spec is None:
                hint = did_you_mean(key, known) or "allowed fields: " + ", ".join(known)
                ctx.error(where + (key,), f"unknown field '{key}'", hint, key=True)
                ok = False
                continue
            cleaned = spec.type.check(entry, where + (key,), ctx)
            ok &= cleaned is not INVALID
            out[key] = None if cleaned is INVALID else cleaned
        for spec in self.fields:
            if spec.required and value.get(spec.name) is None:
                where_text = f" in {_label(where)}" if where else ""
                ctx.error(where, f"missing required field '{spec.name}'{where_text}",
                          f"add '{spec.name}: …' ({spec.doc})" if spec.doc else "")
                ok = False
        return out if ok else {**out, "__invalid__": True}

    def schema(self):
        props = {}
        for f in self.fields:
            prop = f.type.schema()
            if f.doc:
                prop = {**prop, "description": f.doc}
            props[f.name] = prop
        out = {"type": "object", "properties": props, "additionalProperties": False}
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        if self.title:
            out["title"] = self.title
        return out


@dataclass
class OneOf(Type):
    """Either form, chosen by the value's shape: e.g. an id, or {id, role}."""

    plain: Type = None
    mapping: Record = None

    def check(self, value, where, ctx):
        return (self.mapping if isinstance(value, dict) else self.plain).check(value, where, ctx)

    def schema(self):
        return {"anyOf": [self.plain.schema(), self.mapping.schema()]}


@dataclass
class LineSpec(Type):
    """A line number (12) or an inclusive range ('59-67') of a source text."""

    def check(self, value, where, ctx):
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return (value, value)
        match = re.match(r"^(\d+)-(\d+)$", str(value)) if isinstance(value, str) else None
        if match and 1 <= int(match[1]) <= int(match[2]):
            return (int(match[1]), int(match[2]))
        ctx.error(where, f"{_label(where)} must be a line number or a range like '59-67', "
                  f"not {_show(value)}")
        return INVALID

    def schema(self):
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^\d+-\d+$"}]}


def _kind(value) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "empty"}.get(type(value), "a value")


def _show(value) -> str:
    if isinstance(value, str):
        return f"'{value[:60]}'"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return _kind(value)
