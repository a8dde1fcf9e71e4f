"""Scaffolding: new briefs with every field commented, and imported sources."""
from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from .formats import FORMATS, PLACEHOLDER_BODY
from .load import HTML_TEXT
from .schema import SLUG, Field, Record
from .slugs import slugify


class ScaffoldError(Exception):
    """A refused scaffold: the message says why and what to do instead."""


def _field_lines(field: Field) -> list[str]:
    doc = f"  # {field.doc}" if field.doc else ""
    if field.required:
        return [f"{field.name}: {field.example or '…'}{doc}"]
    if field.name == "quotes":
        return ["# quotes:" + doc,
                '#   - text: "words exactly as the source has them"',
                "#     source: source-id",
                "#     id: short-id",
                "#     speaker: actor-id",
                "#     credibility: 3"]
    return [f"# {field.name}:{doc}"]


def template(kind: str, name: str, today: str) -> str:
    record: Record = FORMATS[kind]
    lines = ["---", f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"]
    for field in record.fields:
        if field.name == "name":
            lines.append(f"name: {_yaml_string(name)}  # {field.doc}")
        elif field.name == "updated":
            lines.append(f"updated: {today}  # {field.doc}")
        else:
            lines += _field_lines(field)
    lines += ["---", "", f"{PLACEHOLDER_BODY} Link entities with double-bracket wikilinks and",
              "cite source paragraphs (see CONTRIBUTING.md). Attribute claims to their source.", ""]
    return "\n".join(lines)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _suggest(text: str) -> str:
    slug = slugify(text)
    return f"; try {slug!r}" if slug else ""


def _taken(root: Path, new_id: str, name: str | None = None) -> None:
    """Refuse an id or a name the briefing already uses, before writing anything."""
    from .index import name_key
    from .pipeline import registry
    index = registry(root)
    other = index.by_id.get(new_id)
    if other is not None:
        raise ScaffoldError(f"the id '{new_id}' is already used by {other.path}; "
                            "give another with --id")
    if name is not None:
        owner = index.by_name.get(name_key(name))
        if owner is not None:
            where = getattr(owner, "path", index.briefing.glossary_path)
            label = getattr(owner, "id", None) or owner.term
            raise ScaffoldError(f"the name '{name}' is already used by '{label}' ({where}); link to "
                                f"it with [[{name}]], or choose another name")


def new_brief(root: Path, kind: str, name: str, today: str | None = None,
              brief_id: str | None = None) -> Path:
    slug = brief_id or slugify(name)
    if not SLUG.match(slug):
        what = f"--id {brief_id!r} is not a valid id{_suggest(brief_id)}" if brief_id else \
            f"cannot make an id from {name!r}; give one with --id (lowercase letters, digits, hyphens)"
        raise ScaffoldError(what)
    path = root / "briefs" / f"{kind}s" / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} already exists")
    _taken(root, slug, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(kind, name, today or datetime.date.today().isoformat()), encoding="utf-8")
    return path


def _article_text(file: Path) -> bytes:
    """The article's bytes, if they are plain UTF-8 text with something in them."""
    if not file.is_file():
        raise ScaffoldError(f"{file} is not a file")
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScaffoldError(f"{file} is not UTF-8 text; convert it first") from None
    if not text.strip():
        raise ScaffoldError(f"{file} is empty")
    if HTML_TEXT.search(text[:5000]):
        raise ScaffoldError(f"{file} is HTML, not the article's plain text; save the article as "
                            "plain text (select it in the browser, copy, paste into a text file)")
    return raw


def import_source(root: Path, file: Path, source_id: str, title: str, label: str | None,
                  publisher: str | None = None) -> list[Path]:
    if not SLUG.match(source_id):
        raise ScaffoldError(f"--id {source_id!r} is not a valid id{_suggest(source_id)}")
    if not label or not label.strip():
        raise ScaffoldError("give the source a short --label for citations, e.g. --label \"Gazette\" "
                            "(shown as 'Gazette ¶4')")
    raw = _article_text(file)
    text_path, meta_path = root / "seeds" / f"{source_id}.txt", root / "seeds" / f"{source_id}.yaml"
    for path in (text_path, meta_path):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root).as_posix()} already exists; "
                                "a source is never overwritten")
    _taken(root, source_id)
    text_path.parent.mkdir(parents=True, exist_ok=True)
    text_path.write_bytes(raw)  # exactly the bytes that were checked
    meta_path.write_text("\n".join([
        "# yaml-language-server: $schema=../schemas/source.schema.json",
        f"title: {_yaml_string(title)}",
        f"label: {_yaml_string(label.strip())}  # the short name citations show: '{label.strip()} ¶4'",
        f"publisher: {_yaml_string(publisher) if publisher else 'null'}  # null when unknown",
        "author: null  # null when unknown: never invent an author",
        "published: null  # a partial date (2025, 2025-06); null when unknown",
        "republished_from: null",
        "url: null",
        "language: null",
        f"sha256: {hashlib.sha256(raw).hexdigest()}",
        "# reliability:\n#   grade: F  # Admiralty A–F\n#   rationale: \"one line\"",
        "boilerplate: []  # line numbers or ranges ('59-67') that are not article text",
        "headings: []  # line numbers of the article's subheadings",
        "notes: null", ""]), encoding="utf-8")
    return [text_path, meta_path]
