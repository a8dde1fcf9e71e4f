"""Link previews: what a link to a brief shows on hover and focus (name, kind, summary).

Pages are rendered with a mark where a preview goes (`mark`), and the engine adapter fills
the marks in the finished HTML (`fill`). A page therefore does not depend on the summaries
of the briefs it links to: when a summary changes, the live preview fills the marks of the
pages that link to it again, instead of rendering them again (`mkdocs_briefing`). A clean
build fills the same marks the same way, so both give the same files.
"""
from __future__ import annotations

import html
import re

from .formats import KIND_LABELS
from .model import Entity, Source

OPEN, CLOSE = "\ue004", "\ue005"  # private-use characters: brief text cannot hold them
LENGTH = 200  # characters of a summary in a preview
_MARK = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")


def mark(key: str) -> str:
    """Where the preview of `key` (an entity id, or 'term:<name key>') goes."""
    return f"{OPEN}{key}{CLOSE}"


def preview(entity: Entity) -> str:
    """Name, kind and summary, e.g. "Ana Costa (Actor, person): Mayor of …"."""
    kind = KIND_LABELS.get(entity.kind, entity.kind)
    detail = getattr(entity, "type", None) or ""
    name = entity.name
    head = f"{name} ({kind}{', ' + detail if detail else ''})"
    return f"{head}: {clipped(entity.summary)}" if entity.summary.strip() else head


def clipped(text: str, limit: int = LENGTH) -> str:
    """`text` on one line, cut at a whole word to at most `limit` characters with its '…'."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def previews(index, kept: dict | None = None) -> dict[str, str]:
    """Every preview of a run, by key (the entities that own their id, and the terms),
    each escaped for HTML once (an attribute value or text): a glossary of thousands holds
    a mark per entry, and every page that is written is filled. `kept` (the live preview's)
    maps each key to the entity or term its preview was made from and the preview: an
    unchanged brief keeps its object from run to run, and so its preview."""
    from .index import name_key
    kept = {} if kept is None else kept
    shown: dict[str, str] = {}
    owners = [(e.id, e) for e in index.entities() if not isinstance(e, Source) or not e.stub]
    owners += [("term:" + name_key(t.term), t) for t in index.briefing.glossary]
    for key, owner in owners:
        made = kept.get(key)
        if made is None or made[0] is not owner:
            text = preview(owner) if isinstance(owner, Entity) else \
                f"{owner.term} (term): {clipped(owner.definition)}"
            made = kept[key] = (owner, html.escape(text, quote=True))
        shown[key] = made[1]
    for gone in kept.keys() - shown.keys():
        del kept[gone]
    return shown


def fill(text: str, known: dict[str, str]) -> str:
    """`text` with each mark replaced by its preview from `previews` (already escaped)."""
    if OPEN not in text:
        return text
    parts = _MARK.split(text)  # text, key, text, key, …, text: no call per mark
    get = known.get
    parts[1::2] = [get(key, "") for key in parts[1::2]]
    return "".join(parts)


def keys_in(text: str) -> set[str]:
    return set(_MARK.findall(text)) if OPEN in text else set()
