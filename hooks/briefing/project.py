"""`briefing init`: a new briefing that builds and passes its tests at once.

The files come from the package (`templates/project/`, and `templates/example/` for
`--example`), with a few placeholders filled in by plain substitution, no template engine:

* `{{title}}`: the briefing's title, for Markdown: words it has in quotation marks are
  written `[[title:…]]`, so the build does not take them for a quotation;
* `{{title_yaml}}`: the same title as a YAML double-quoted string;
* `{{version}}`: this generator's version (briefing.yml's `requires`);
* `{{requirement}}`: how the new briefing's requirements.txt pins this generator
  (`generator_requirement`).

The example's files are copied byte for byte: its source text is pinned by its sha256.
The JSON Schemas go to schemas/ (`schemas.write_schemas`). No `git init`: the author
decides where the briefing's history lives.
"""
from __future__ import annotations

import json
import re
import shutil
from importlib import metadata, resources
from pathlib import Path

from . import __version__
from .quotations import scan
from .schemas import write_schemas

PROJECT = "templates/project"
EXAMPLE = "templates/example"
_PLACEHOLDER = re.compile(r"\{\{(title|title_yaml|version|requirement)\}\}")
_SKIPPED = {"__pycache__", ".DS_Store"}


class InitError(Exception):
    """A refused `init`: the message says why and what to do instead."""


def init(folder: Path, title: str, example: bool = False) -> list[Path]:
    """Write a new briefing into `folder` (missing or empty); the files written, in order."""
    folder = Path(folder)
    title = _checked_title(title)
    _check_folder(folder)
    values = {"title": _markdown_title(title), "title_yaml": json.dumps(title, ensure_ascii=False),
              "version": __version__, "requirement": generator_requirement()}
    files = {rel: (source, True) for rel, source in _tree(PROJECT)}
    if example:
        files.update({rel: (source, False) for rel, source in _tree(EXAMPLE)})
    if not files:  # pragma: no cover - a broken installation
        raise InitError("the generator's templates are missing from its installation; reinstall it")
    created = not folder.exists()
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for rel in sorted(files):
            source, fill = files[rel]
            data = source.read_bytes()
            if fill:
                text = data.decode("utf-8")
                data = _PLACEHOLDER.sub(lambda m: values[m.group(1)], text).encode("utf-8")
            target = folder.joinpath(*rel.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
        schemas = folder / "schemas"
        write_schemas(schemas)
        written += sorted(p for p in schemas.iterdir() if p.is_file())
    except OSError as err:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise InitError(f"could not write the briefing into {folder}: {err}") from None
    return written


def _checked_title(title) -> str:
    if not isinstance(title, str) or not title.strip():
        raise InitError('the title is empty; give the briefing a title, e.g. --title "Arctic shipping"')
    title = " ".join(title.split()) if "\n" not in title and "\r" not in title else None
    if title is None:
        raise InitError("the title must be one line")
    if scan(title).unclosed:
        raise InitError("the title has a quotation mark that is never closed; close it or remove it")
    return title


def _markdown_title(title: str) -> str:
    """The title for the home page's heading: a title is not a quotation, so words in
    quotation marks become the `[[title:…]]` form, which shows them in quotation marks."""
    out, pos = [], 0
    for span in scan(title).spans:
        inner = title[span.inner[0]:span.inner[1]].replace("[", "(").replace("]", ")")
        out += [title[pos:span.start], f"[[title:{inner}]]"]
        pos = span.end
    return "".join(out + [title[pos:]])


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        return
    if not folder.is_dir():
        raise InitError(f"{folder} exists and is not a folder; choose a new folder")
    if any(folder.iterdir()):
        raise InitError(f"{folder} exists and is not empty; choose a new folder (or an empty one), "
                        "so that nothing of yours is overwritten")


def _tree(where: str) -> list[tuple[str, object]]:
    """(path relative to `where`, resource) of every file under the package folder `where`."""
    root = resources.files("briefing").joinpath(where)
    if not root.is_dir():
        return []
    found = []

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name in _SKIPPED or child.name.endswith(".pyc"):
                continue
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, rel + "/")
            else:
                found.append((rel, child))
    walk(root, "")
    return found


def generator_requirement() -> str:
    """The requirements-file line that installs this very generator again (PEP 610).

    A VCS install gives `briefing @ git+URL@COMMIT`, a local folder (editable or not)
    `briefing @ file:///abs/path`, an archive `briefing @ URL`, and an install from an
    index (or anything unknown) `briefing==VERSION`.
    """
    pinned = f"briefing=={__version__}"
    try:
        dist = metadata.distribution("briefing")
        raw = dist.read_text("direct_url.json")
    except (metadata.PackageNotFoundError, OSError):
        return pinned
    if not raw:
        return pinned
    try:
        info = json.loads(raw)
    except ValueError:
        return pinned
    url = info.get("url") if isinstance(info, dict) else None
    if not isinstance(url, str) or not url.strip():
        return pinned
    url = url.strip()
    subdirectory = info.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if isinstance(subdirectory, str) and subdirectory else ""
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict):
        kind = vcs.get("vcs") or "git"
        revision = vcs.get("commit_id") or vcs.get("requested_revision")
        prefix = "" if url.startswith(f"{kind}+") else f"{kind}+"
        return f"briefing @ {prefix}{url}{'@' + revision if revision else ''}{fragment}"
    if isinstance(info.get("dir_info"), dict):
        return f"briefing @ {url}{fragment}"
    if isinstance(info.get("archive_info"), dict):
        return f"briefing @ {url}{fragment}"
    return pinned
