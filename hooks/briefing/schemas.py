"""JSON Schemas: one per file format (from `formats`) and one for the data export."""
from __future__ import annotations

import json

from .formats import FORMATS, json_schema

KINDS = tuple(FORMATS)


def schema_json(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def export_schema() -> dict:
    nullable = lambda t: {"type": [t, "null"]}
    strings = {"type": "array", "items": {"type": "string"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "briefing.schema.json",
        "title": "Briefing data export (site/briefing.json)",
        "type": "object",
        "required": ["version", "entities", "relations", "terms", "quotes"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
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
                "required": ["brief", "id", "text", "exact", "source", "paragraph", "spans"],
                "additionalProperties": False,
                "properties": {
                    "brief": {"type": "string"}, "id": {"type": "string"}, "text": {"type": "string"},
                    "exact": {"type": "string"}, "source": {"type": "string"},
                    "paragraph": {"type": "integer", "minimum": 1},
                    "spans": {"type": "array", "items": {"type": "array", "minItems": 2, "maxItems": 2,
                                                         "items": {"type": "integer", "minimum": 0}}},
                    "speaker": nullable("string"), "note": nullable("string"),
                    "credibility": {"type": ["integer", "null"], "minimum": 1, "maximum": 6}}}},
        },
    }


def export_schema_json() -> str:
    return json.dumps(export_schema(), indent=2, sort_keys=True) + "\n"
