"""JSON Schemas: one per file format (from `formats`) and one for the data export."""
from __future__ import annotations

import json

from .formats import FORMATS, json_schema

KINDS = tuple(FORMATS)


def write_schemas(folder) -> int:
    """Every file format's schema, and the export's, into `folder`; the number written."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        (folder / f"{kind}.schema.json").write_text(schema_json(kind), encoding="utf-8")
    (folder / "briefing.schema.json").write_text(export_schema_json(), encoding="utf-8")
    return len(KINDS) + 1


def schema_json(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _target() -> dict:
    """A W3C Web Annotation target: the source text and two selectors into it."""
    return {"type": "object", "required": ["source", "selector", "parts"], "additionalProperties": False,
            "properties": {
                "source": {"type": "string", "description": "the source text, seeds/<id>.txt"},
                "selector": {"type": "array", "minItems": 2, "maxItems": 2, "prefixItems": [
                    {"type": "object", "required": ["type", "exact", "prefix", "suffix"],
                     "additionalProperties": False,
                     "properties": {"type": {"const": "TextQuoteSelector"}, "exact": {"type": "string"},
                                    "prefix": {"type": "string"}, "suffix": {"type": "string"}}},
                    {"type": "object", "required": ["type", "start", "end"], "additionalProperties": False,
                     "properties": {"type": {"const": "TextPositionSelector"},
                                    "start": {"type": "integer", "minimum": 0},
                                    "end": {"type": "integer", "minimum": 0}}}]},
                "parts": {"type": "array", "items": {"type": "array", "minItems": 2, "maxItems": 2,
                                                     "items": {"type": "integer", "minimum": 0}},
                          "description": "code-point offsets of each part of an elided quote"}}}


def export_schema() -> dict:
    nullable = lambda t: {"type": [t, "null"]}
    strings = {"type": "array", "items": {"type": "string"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "briefing.schema.json",
        "title": "Briefing data export (site/briefing.json)",
        "description": "Positions count code points in seeds/<id>.txt, decoded as UTF-8 with LF line endings.",
        "type": "object",
        "required": ["version", "entities", "relations", "terms", "quotes", "quotations"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 2},
            "entities": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "kind", "name", "summary", "page", "file"],
                "properties": {
                    "id": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                    "kind": {"enum": ["actor", "agreement", "topic", "source"]},
                    "name": {"type": "string"}, "summary": {"type": "string"},
                    "aliases": strings, "tags": strings, "abbreviation": nullable("string"),
                    "updated": nullable("string"), "page": {"type": "string"}, "file": {"type": "string"},
                }}},
            "relations": {"type": "array", "items": {
                "type": "object", "required": ["type", "subject", "object"],
                "additionalProperties": False,
                "properties": {"type": {"type": "string"}, "subject": {"type": "string"},
                               "object": {"type": "string"}, "detail": nullable("string")}}},
            "terms": {"type": "array", "items": {
                "type": "object", "required": ["term", "definition"],
                "properties": {"term": {"type": "string"}, "definition": {"type": "string"},
                               "abbreviation": nullable("string"), "aliases": strings, "see": strings}}},
            "quotes": {"type": "array", "items": {
                "type": "object",
                "required": ["brief", "id", "text", "exact", "source", "paragraph", "spans", "target"],
                "additionalProperties": False,
                "properties": {
                    "brief": {"type": "string"}, "id": {"type": "string"}, "text": {"type": "string"},
                    "exact": {"type": "string"}, "source": {"type": "string"},
                    "paragraph": {"type": "integer", "minimum": 1},
                    "spans": {"type": "array", "items": {"type": "array", "minItems": 2, "maxItems": 2,
                                                         "items": {"type": "integer", "minimum": 0}}},
                    "speaker": nullable("string"), "note": nullable("string"),
                    "credibility": {"type": ["integer", "null"], "minimum": 1, "maximum": 6},
                    "target": _target()}}},
            "quotations": {"type": "array", "description": "words in quotation marks in brief text",
                           "items": {
                "type": "object",
                "required": ["file", "line", "text", "exact", "source", "paragraph", "target"],
                "additionalProperties": False,
                "properties": {
                    "file": {"type": "string"}, "line": {"type": "integer", "minimum": 1},
                    "text": {"type": "string"}, "exact": {"type": "string"}, "source": {"type": "string"},
                    "paragraph": {"type": "integer", "minimum": 1}, "target": _target()}}},
        },
    }


def export_schema_json() -> str:
    return json.dumps(export_schema(), indent=2, sort_keys=True) + "\n"
