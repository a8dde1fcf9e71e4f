"""Raw HTML blocks kept out of the Markdown engine, and put back into its output.

Most of a generated page is HTML the renderers built already (fact boxes, lists of
connections, mentions, the glossary's definitions, the graphs). A Markdown engine cannot
change a raw HTML block, but it still parses every one: Python-Markdown reads the whole
page with `html.parser`, and MkDocs reads it again to collect the ids links may point at.
On large briefings that was most of the build's time.

So each raw HTML block (a line that opens a block-level tag, after a blank line, up to
the next blank line: the form `html.block` writes) is replaced by a one-line placeholder
paragraph, and the engine's HTML gets the block back verbatim (`fill`). Anything else
(prose, headings, tables in Markdown, fenced code) goes to the engine as before, so the
page's HTML is the same; a test converts every page both ways and compares them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE = "\ue002", "\ue003"  # private-use characters: brief text cannot hold them
BLOCK_TAGS = frozenset(
    "address article aside blockquote details dialog div dl fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul".split())
_START = re.compile(r"<([a-z][a-z0-9]*)[\s>/]")
_FENCE = re.compile(r"^\s*(```|~~~)", re.M)
_PLACED = re.compile(f"<p>{OPEN}(\\d+){CLOSE}</p>")
_LAST = re.compile(_PLACED.pattern + r"\Z")
_ID = re.compile(r'\sid="([^"]+)"')
_SPLIT = re.compile(r"(\n(?:[ \t]*\n)+)")


@dataclass(frozen=True)
class Stashed:
    markdown: str  # with a placeholder paragraph for each block
    blocks: tuple[str, ...]
    anchors: frozenset[str]  # the ids the blocks define (links may point at them)


def stash(markdown: str) -> Stashed:
    chunks = _SPLIT.split(markdown)
    blocks: list[str] = []
    fenced = False
    for i in range(0, len(chunks), 2):  # odd items are the blank lines between chunks
        chunk = chunks[i]
        if not fenced and _is_block(chunk):
            body = chunk.rstrip()
            chunks[i] = f"{OPEN}{len(blocks)}{CLOSE}" + chunk[len(body):]
            blocks.append(body)
        elif len(_FENCE.findall(chunk)) % 2:
            fenced = not fenced
    anchors = frozenset(anchor for block in blocks for anchor in _ID.findall(block))
    return Stashed("".join(chunks), tuple(blocks), anchors)


def _is_block(chunk: str) -> bool:
    found = _START.match(chunk)
    return found is not None and found.group(1) in BLOCK_TAGS


def fill(html: str, blocks: tuple[str, ...]) -> str:
    """The engine's HTML with each placeholder paragraph replaced by its block."""
    if not blocks:
        return html
    placed = _PLACED.findall(html)
    if placed != [str(n) for n in range(len(blocks))]:  # a bug, never a brief's doing
        raise ValueError(f"{len(blocks)} raw HTML blocks, but the engine's HTML places {len(placed)}")
    # Python-Markdown ends a raw block with a blank line, except at the end of the page.
    filled = _PLACED.sub(lambda m: blocks[int(m.group(1))] + "\n", html)
    return filled[:-1] if _LAST.search(html) else filled
