"""Safe HTML building blocks: every brief value goes through `esc` before it lands."""
from __future__ import annotations

import html
from urllib.parse import quote

from ..prose import relative

KIND_LABELS = {"actor": "Actor", "agreement": "Agreement", "topic": "Topic",
               "source": "Source", "term": "Term"}


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def href(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative .html URL for raw HTML (MkDocs rewrites only Markdown links)."""
    path = relative(from_page, to_page)
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    elif not path:
        path = to_page.rsplit("/", 1)[-1][:-3] + ".html" if not anchor else ""
    return esc(path + (f"#{anchor}" if anchor else ""))


def a(from_page: str, to_page: str, text: str, anchor: str = "", title: str = "") -> str:
    tip = f' title="{esc(title)}"' if title else ""
    return f'<a href="{href(from_page, to_page, anchor)}"{tip}>{esc(text)}</a>'


def badge(kind: str, label: str | None = None) -> str:
    return f'<span class="bf-badge bf-badge--{esc(kind)}">{esc(label or KIND_LABELS.get(kind, kind))}</span>'


def unknown() -> str:
    return '<span class="bf-muted">unknown</span>'


def text_fragment(text: str) -> str:
    """A Text Fragment directive for the passage: `:~:text=start[,end]`."""
    words = text.split()
    enc = lambda s: quote(s, safe="").replace("-", "%2D")
    if len(words) <= 8:
        return ":~:text=" + enc(" ".join(words))
    return ":~:text=" + enc(" ".join(words[:4])) + "," + enc(" ".join(words[-4:]))


def block(lines: list[str]) -> str:
    """Raw HTML as one Markdown block: no blank lines inside, blank lines around."""
    return "\n" + "\n".join(line for line in lines if line) + "\n"
