"""The tags page: every free tag, with the briefs that carry it."""
from __future__ import annotations

from ..slugs import slugify
from .blocks import entity_link
from .html import block, esc, front_matter
from .view import View


def tags_page(view: View) -> str:
    tagged: dict[str, list] = {}
    for entity in view.everything():
        for tag in entity.tags:
            tagged.setdefault(tag, []).append(entity)
    parts = [front_matter("Tags"), "# Tags", "",
             "The free tags of the briefs, A–Z. Types, statuses and grades are the groups of "
             "each section instead (Actors › People, Agreements › Signed, …)."]
    if not tagged:
        return "\n".join(parts + ["", "No brief has a tag yet."])
    for tag in sorted(tagged, key=str.casefold):
        members = sorted(tagged[tag], key=lambda e: e.name.lower())
        # A link is kept between runs while the name it shows is the same (`View.part`).
        links = ", ".join(view.part("link:" + e.id, lambda i=e.id: entity_link(view, "tags.md", i))
                          for e in members)
        parts.append(block([f'<h2 id="tag-{esc(slugify(tag) or "x")}">{esc(tag)}</h2>',
                            f'<p class="bf-tagged">{links}</p>']))
    return "\n".join(parts)
