"""MkDocs hooks: a thin adapter from MkDocs events to the framework-free `briefing` core.

on_files runs the whole pipeline once (load, validate, index, link, render) and adds
every page as a generated file, so nothing is written into docs/. Every problem is
reported together and the build stops without a traceback. The module keeps no state
between builds except what on_config resets, so `mkdocs serve` rebuilds stay correct.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, os.path.dirname(__file__))  # the core lives next to this file
from briefing import pipeline  # noqa: E402
from briefing.export import export_json  # noqa: E402
from briefing.schemas import export_schema_json  # noqa: E402

log = logging.getLogger("mkdocs.hooks.briefing")
_state: dict = {}


def on_config(config, **kwargs):
    _state.clear()
    _state["root"] = Path(config.config_file_path).resolve().parent
    return config


def _documents(files: Files) -> dict[str, tuple[str, str]]:
    """Hand-written Markdown pages in docs/, to be linked like the briefs."""
    docs = {}
    for file in files.documentation_pages():
        if file.generated_by is None:
            docs[file.src_uri] = (file.content_string, f"docs/{file.src_uri}")
    return docs


def on_files(files: Files, config, **kwargs):
    site = pipeline.build(_state["root"], _documents(files))
    if site.problems:
        count = len(site.problems)
        report = "\n".join(p.short() for p in site.problems.sorted())
        raise PluginError(f"the briefing has {count} problem{'s' * (count != 1)}:\n{report}")
    # Keep only what later events need: the linked docs pages. The pages themselves now
    # live in the generated files, so the rest of the model can be freed.
    _state["documents"] = site.documents
    _state["generated"] = {page.path for page in site.pages}
    for page in site.pages:
        file = File.generated(config, page.path, content=page.markdown)
        file.edit_uri = page.edit_path
        files.append(file)
    for file in files.documentation_pages():
        if file.generated_by is None:
            file.edit_uri = f"docs/{file.src_uri}"
    # The data export and its schema are generated files too, so links to them validate.
    # As UTF-8 bytes: half the memory of a str with non-ASCII text, and written as is.
    files.append(File.generated(config, "briefing.json", content=export_json(site.index).encode()))
    files.append(File.generated(config, "briefing.schema.json", content=export_schema_json()))
    counts = ", ".join(f"{v} {k}" for k, v in site.counts().items())
    log.info(f"briefing: {counts}")
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page.file.src_uri in _state["generated"]:
        # MkDocs has read the page into page.markdown; a plain docs/ file is not kept in
        # memory after that, so neither is ours (otherwise memory would hold it twice).
        page.file.content_string = ""
        return markdown
    return _state["documents"].get(page.file.src_uri, markdown)
