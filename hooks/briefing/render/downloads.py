"""The downloads page: the briefing to take along (print edition, PDF, feed) and as data."""
from __future__ import annotations

from .html import block, front_matter
from .view import View

PDF_MARK, PDF_END = "<!-- bf-pdf -->", "<!-- /bf-pdf -->"
PDF_HOW = "<code>make pdf</code> adds it"
PDF_LINK = ('<a href="briefing.pdf">PDF</a>: the print edition with a linked table of contents '
            "and page numbers")


def downloads_page(view: View) -> str:
    site = view.site_info()
    return "\n".join([front_matter("Downloads"), "# Downloads", "",
                      f"*{site.title}* to read offline, print, follow or reuse.", block([
        '<ul class="bf-downloads">',
        '<li><a href="print.html">Print edition</a>: the whole briefing on one page, in '
        "reading order (bottom line, key judgments, topics, actors, agreements, sources, "
        "glossary), with every quote's source and paragraph. Print it, or save it as a PDF "
        "from the browser.</li>",
        # `briefing pdf` makes this a link once it has written briefing.pdf (see pdf.py).
        f'<li>{PDF_MARK}PDF: not built with this copy of the site ({PDF_HOW}).{PDF_END}</li>',
        '<li><a href="feed.xml">Atom feed</a>: one entry per brief, newest review first, for a '
        "feed reader.</li>",
        '<li><a href="briefing.json">briefing.json</a>: every entity, relation, term and quote, '
        "with W3C Web Annotation selectors into the source texts, described by "
        '<a href="briefing.schema.json">briefing.schema.json</a>.</li>',
        "</ul>"])])
