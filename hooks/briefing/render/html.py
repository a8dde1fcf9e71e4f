"""Safe HTML building blocks: every brief value goes through `esc` before it lands."""
from __future__ import annotations

import html
import json
from functools import lru_cache

from ..formats import KIND_LABELS
from ..prose import md_text, relative



def esc(text) -> str:
    return html.escape(str(text), quote=True)


def href(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative .html URL for raw HTML (MkDocs rewrites only Markdown links)."""
    if from_page != to_page:  # the URL then depends only on the folder: cache by folder
        return _folder_href(from_page.rpartition("/")[0], to_page, anchor)
    path = relative(from_page, to_page)
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    elif not path:
        path = to_page.rsplit("/", 1)[-1][:-3] + ".html" if not anchor else ""
    return esc(path + (f"#{anchor}" if anchor else ""))


@lru_cache(maxsize=65536)
def _folder_href(folder: str, to_page: str, anchor: str) -> str:
    here = f"{folder}/\0.md" if folder else "\0.md"  # a name no page has
    path = relative(here, to_page)
    return esc(path[:-3] + ".html" + (f"#{anchor}" if anchor else ""))


def a(from_page: str, to_page: str, text: str, anchor: str = "", title: str = "") -> str:
    if from_page == to_page:
        return _link(href(from_page, to_page, anchor), text, title)
    return _folder_link(from_page.rpartition("/")[0], to_page, text, anchor, title)


@lru_cache(maxsize=65536)
def _folder_link(folder: str, to_page: str, text: str, anchor: str, title: str) -> str:
    """Links repeat across the pages of one folder (names in fact boxes, backlinks)."""
    return _link(_folder_href(folder, to_page, anchor), text, title)


def _link(url: str, text: str, title: str) -> str:
    tip = f' title="{esc(title)}"' if title else ""
    return f'<a href="{url}"{tip}>{esc(text)}</a>'


def clear_caches() -> None:
    """Free the link caches once a build has rendered its pages."""
    _folder_href.cache_clear()
    _folder_link.cache_clear()
    relative.cache_clear()
    md_text.cache_clear()


def badge(kind: str, label: str | None = None) -> str:
    return f'<span class="bf-badge bf-badge--{esc(kind)}">{esc(label or KIND_LABELS.get(kind, kind))}</span>'


def unknown() -> str:
    return '<span class="bf-muted">unknown</span>'


def block(lines: list[str]) -> str:
    """Raw HTML as one Markdown block: no blank lines inside, blank lines around."""
    return "\n" + "\n".join(line for line in lines if line) + "\n"


def front_matter(title: str, extra: dict | None = None) -> str:
    """YAML front matter for MkDocs; JSON strings are valid YAML and escape everything.

    Themes print `page.title` unescaped into <title> and the header, so the title is
    HTML-escaped here, once.
    """
    lines = ["---", f"title: {json.dumps(esc(title), ensure_ascii=False)}"]
    for key, value in (extra or {}).items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""])
