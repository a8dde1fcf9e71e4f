"""Stage 1, load: find every file under briefs/ and seeds/ and read it safely.

Reading is where untrusted bytes become text: size limits, UTF-8 only (a BOM is
tolerated), CRLF and CR line endings folded to LF, no symlinks, and no file that the
contract does not name. Nothing here knows about fields; that is `validate`.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .model import FOLDERS, GLOSSARY_PATH as GLOSSARY
from .problems import Problems
from .schema import SLUG
from .slugs import slugify
from .yamlsafe import YamlDoc, YamlError, load_yaml

READMES = ("briefs/README.md", "seeds/README.md")  # notes for contributors, never published
MAX_BRIEF_BYTES = 1_000_000
MAX_SOURCE_BYTES = 5_000_000


@dataclass
class RawBrief:
    path: str  # relative to the project root
    kind: str | None  # None for a brief in the wrong folder (read as a stub)
    id: str
    doc: YamlDoc | None  # None when the front matter could not be read: a stub
    body: str = ""
    body_line: int = 1
    names: list[str] = field(default_factory=list)  # what could be read of name and aliases
    front: int = 0  # a hash of the front matter's text: what other pages show of the brief


@dataclass
class RawSource:
    id: str
    meta_path: str
    text_path: str
    doc: YamlDoc | None  # None when the metadata could not be read: a stub
    text: str = ""  # decoded, line endings folded
    sha256: str = ""  # of the bytes on disk


@dataclass
class RawCorpus:
    briefs: list[RawBrief]
    sources: list[RawSource]
    glossary: YamlDoc | None


# Private-use characters the pipeline marks its own text with (linking.QUOTE_MARK,
# render.stash): brief text must not be able to forge them.
RESERVED = re.compile("[\ue000-\ue005]")
RESERVED_LEAD = "\ue000".encode()[:2]  # U+E000 to U+E005 are EE 80 80 to EE 80 85


READ_CHUNK = 1 << 16


def _read_bytes(path: str, limit: int) -> tuple[bytes, int]:
    """The file's bytes and its size; no more than `limit` (and a chunk) is read from a
    huge file. One open and no stat for every file of every check. Plain reads, not
    `open().read(limit + 1)`: that allocates the whole limit (a megabyte) for each file,
    which took most of the time spent reading the briefs."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks, read = [], 0
        while read <= limit and (chunk := os.read(fd, READ_CHUNK)):
            chunks.append(chunk)
            read += len(chunk)
        size = os.fstat(fd).st_size if read > limit else read
    finally:
        os.close(fd)
    return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), size


def read_text(root: Path, rel: str, limit: int, problems: Problems) -> tuple[str, bytes] | None:
    """Decode a file as UTF-8 text; report and return None when it is not."""
    raw, size = _read_bytes(os.path.join(root, rel), limit)
    if size > limit:
        problems.add(rel, 0, f"the file is {size:,} bytes; the limit is {limit:,}",
                     "split it into smaller files")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.add(rel, line, f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x} "
                     f"at offset {err.start})", "save the file as UTF-8")
        return None
    if "\x00" in text:
        problems.add(rel, text[: text.index("\x00")].count("\n") + 1,
                     "the file contains a NUL character", "save it as plain UTF-8 text")
        return None
    # Their UTF-8 starts with these two bytes, which a fast substring search rules out in
    # almost every file before the regular expression looks at the text.
    reserved = RESERVED.search(text) if RESERVED_LEAD in raw else None
    if reserved:
        problems.add(rel, text[: reserved.start()].count("\n") + 1, f"the file contains the character "
                     f"U+{ord(reserved.group()):04X}, which the generator reserves for its own use",
                     "delete it: it is a private-use character, invisible in most editors")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n"), raw


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(yaml, body, body_line) for a `---` front matter block, else None."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        elif text.startswith("---\n---"):
            end = 3
        else:
            return None
    yaml_text = text[4 : end + 1]
    body = text[end + 5 :]
    return yaml_text, body, yaml_text.count("\n") + 3


_INDENTED_FIELD = re.compile(r"^( +)([A-Za-z_][\w-]*):(\s|$)")


def _mapping(rel: str, text: str, problems: Problems, what: str, fields: str,
             line_offset: int = 0) -> YamlDoc | None:
    """Parse YAML that must be a mapping of fields; report and return None otherwise.
    `what` names the YAML, `fields` its first fields, for the hint."""
    try:
        doc = load_yaml(text, line_offset=line_offset)
    except YamlError as err:
        message, hint, col = err.message, err.hint, err.col
        lines = text.split("\n")
        at = err.line - line_offset - 1
        indented = _INDENTED_FIELD.match(lines[at]) if 0 <= at < len(lines) else None
        if indented and "':'" in message:  # `  type: state` under a plain field
            spaces = len(indented.group(1))
            message = (f"'{indented.group(2)}:' is indented by {spaces} space{'s' * (spaces != 1)}, "
                       "so YAML reads it as part of the field above")
            hint, col = f"start '{indented.group(2)}:' at the beginning of the line", 1
        problems.add(rel, err.line, message, hint, col=col)
        return None
    if not isinstance(doc.value, dict):
        problems.add(rel, line_offset + 1, f"the {what} ({fields}) must be a mapping of fields",
                     f"put the fields between the two '---' lines, one a line ({fields}); "
                     "`briefing new` writes a brief with every field" if line_offset
                     else f"write the fields one a line ({fields})")
        return None
    return doc


def _walk(root: Path, top: str, problems: Problems) -> list[str]:
    """Every regular file under root/top, relative; symlinks are reported, never followed."""
    found: list[str] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(root / folder), key=lambda e: e.name)
        except FileNotFoundError:
            continue
        for entry in entries:
            rel = f"{folder}/{entry.name}"
            if entry.name.startswith(".") or rel in READMES:
                continue  # .gitkeep, editor swap files, the folders' READMEs: documented as ignored
            if entry.is_symlink():
                problems.add(rel, 0, "symbolic links are not allowed in briefs/ or seeds/",
                             "replace the link with the file itself")
            elif entry.is_dir(follow_symlinks=False):
                stack.append(rel)
            else:
                found.append(rel)
    return sorted(found)


def _rename_hint(stem: str, ext: str, why: str = "") -> str:
    slug = slugify(stem)
    if not slug:  # nothing of the name survives as an id, e.g. '___' or a non-Latin name
        return f"rename it to an id of lowercase letters, digits and hyphens, e.g. 'ana-costa{ext}'"
    return f"rename it to '{slug}{ext}'{why}"


_NAME_LINE = re.compile(r"^(name|aliases|abbreviation):[ \t]*(.+?)[ \t]*$", re.M)


def lenient_names(yaml_text: str) -> list[str]:
    """The name and aliases of a front matter that YAML could not read, as far as a plain
    look at its lines can tell: a broken brief still answers to them."""
    names = []
    for key, value in _NAME_LINE.findall(yaml_text):
        values = value.strip("[]").split(",") if key == "aliases" else [value]
        names += [v.strip().strip("\"'").strip() for v in values]
    return [n for n in names if n and len(n) <= 200]


def _move_hint(parts: list[str]) -> str:
    """Where a .md file outside the three brief folders must go, naming the folder it is in."""
    folder = "/".join(parts[:-1]) + "/"
    if len(parts) > 3 and parts[1] in FOLDERS:  # e.g. briefs/actors/sub/x.md: too deep
        return (f"it is in {folder}, and subfolders of the brief folders are not read: "
                f"move it to briefs/{parts[1]}/{parts[-1]}")
    return (f"it is in {folder}: move it into briefs/actors/, briefs/agreements/ or "
            "briefs/topics/; the glossary is briefs/glossary.yaml")


def _brief(root: Path, rel: str, problems: Problems) -> RawBrief | None:
    parts = rel.split("/")
    kind = FOLDERS.get(parts[1]) if len(parts) == 3 else None
    stem, ext = os.path.splitext(parts[-1])
    if kind is None or ext != ".md":
        problems.add(rel, 0, "this file is not a brief, so it would not be published",
                     _move_hint(parts) if ext == ".md" else
                     "briefs are briefs/actors/<id>.md, briefs/agreements/<id>.md or "
                     "briefs/topics/<id>.md; the glossary is briefs/glossary.yaml")
        # A brief in the wrong folder still holds its id: links to it are not errors too.
        return RawBrief(rel, None, stem, None) if ext == ".md" and SLUG.match(stem) else None
    if not SLUG.match(stem):
        problems.add(rel, 0, f"the file name '{stem}' is not a valid id",
                     _rename_hint(stem, ".md", " (lowercase letters, digits, hyphens)"))
        return None
    read = read_text(root, rel, MAX_BRIEF_BYTES, problems)
    if read is None:
        return RawBrief(rel, kind, stem, None)
    parts_ = split_front_matter(read[0])
    if parts_ is None:
        if read[0].startswith("---\n"):
            problems.add(rel, 1, "the front matter is never closed",
                         "add a '---' line after the last field, before the prose")
        else:
            problems.add(rel, 1, "the brief has no front matter",
                         "start the file with a '---' line, the YAML fields, then another '---' line")
        return RawBrief(rel, kind, stem, None, names=lenient_names(read[0][:20_000]))
    yaml_text, body, body_line = parts_
    doc = _mapping(rel, yaml_text, problems, "front matter", "name: …, summary: …", line_offset=1)
    if doc is None:
        return RawBrief(rel, kind, stem, None, body, body_line, lenient_names(yaml_text))
    return RawBrief(rel, kind, stem, doc, body, body_line, front=hash(yaml_text))


HTML_TEXT = re.compile(r"^\s*(<!doctype|<html|<\?xml)|<(p|div|span|script|body|head)[\s>]", re.I)


def _source(root: Path, sid: str, names: set[str], problems: Problems) -> RawSource | None:
    """A source's text and metadata; a source that cannot be read is a stub (doc None), so
    the quotes of it are not reported too."""
    meta, txt = f"seeds/{sid}.yaml", f"seeds/{sid}.txt"
    stub = RawSource(sid, meta, txt, None)
    if meta not in names:
        problems.add(txt, 0, f"the source '{sid}' has no metadata file",
                     f"import it with `briefing import-source {txt} --id {sid} --title \"…\" "
                     "--label \"…\"`, or create the metadata file by hand")
        return stub
    if txt not in names:
        problems.add(meta, 1, f"missing seed file: {txt} does not exist",
                     "add the article text, or delete this metadata file")
        return stub
    read = read_text(root, txt, MAX_SOURCE_BYTES, problems)
    meta_read = read_text(root, meta, MAX_BRIEF_BYTES, problems)
    if read is None or meta_read is None:
        return stub
    if not read[0].strip():
        problems.add(txt, 0, "the source text is empty", "save the article's text in the file")
        return stub
    if HTML_TEXT.search(read[0][:5000]):
        problems.add(txt, 1, "the source text is HTML, not the article's plain text",
                     "save the article as plain text (in a browser: select the article, copy, "
                     "paste into a text file), then import that")
        return stub
    doc = _mapping(meta, meta_read[0], problems, "metadata", "title: …, sha256: …")
    if doc is None:
        return stub
    return RawSource(sid, meta, txt, doc, read[0], hashlib.sha256(read[1]).hexdigest())


def source_ids(files: list[str], problems: Problems) -> list[str]:
    """The ids of the sources in seeds/, in order; files that are not sources are reported."""
    ids: dict[str, None] = {}  # in order of first appearance
    for rel in files:
        stem, ext = os.path.splitext(rel[len("seeds/"):])
        if "/" in stem or ext not in (".txt", ".yaml"):
            problems.add(rel, 0, "this file is not a source, so nothing uses it",
                         "sources are seeds/<id>.txt (the article) and seeds/<id>.yaml (its metadata)")
        elif not SLUG.match(stem):
            problems.add(rel, 0, f"the file name '{stem}' is not a valid id",
                         _rename_hint(stem, ext))
        else:
            ids[stem] = None
    return list(ids)


def load_source(root: Path, sid: str, names: set[str], problems: Problems) -> RawSource:
    return _source(root, sid, names, problems)


def _sources(root: Path, files: list[str], problems: Problems) -> list[RawSource]:
    names = set(files)
    return [_source(root, sid, names, problems) for sid in source_ids(files, problems)]



def load_glossary(root: Path, problems: Problems) -> YamlDoc | None:
    return _glossary(root, problems)


def _glossary(root: Path, problems: Problems) -> YamlDoc | None:
    read = read_text(root, GLOSSARY, MAX_BRIEF_BYTES, problems)
    return _mapping(GLOSSARY, read[0], problems, "glossary", "terms: …") if read else None


@dataclass
class Layout:
    """The files found under briefs/ and seeds/, sorted: what `load` reads."""

    briefs: list[str]
    seeds: list[str]
    glossary: bool


def find(root: Path, problems: Problems) -> Layout:
    briefs = _walk(root, "briefs", problems)
    glossary = GLOSSARY in briefs
    return Layout([rel for rel in briefs if rel != GLOSSARY], _walk(root, "seeds", problems), glossary)


def load_brief(root: Path, rel: str, problems: Problems) -> RawBrief | None:
    return _brief(root, rel, problems)


def load_briefs(root: Path, paths: list[str], problems: Problems) -> list[RawBrief]:
    """The briefs at `paths`, in order. Each file stands alone, so any slice of the list
    can be loaded by itself (see `workers`)."""
    return [brief for rel in paths if (brief := _brief(root, rel, problems))]


def load(root: Path, problems: Problems, layout: Layout | None = None) -> RawCorpus:
    layout = layout or find(root, problems)
    return RawCorpus(load_briefs(root, layout.briefs, problems),
                     _sources(root, layout.seeds, problems),
                     _glossary(root, problems) if layout.glossary else None)
