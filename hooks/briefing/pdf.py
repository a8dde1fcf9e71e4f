"""`briefing pdf SITE`: the print edition (SITE/print.html) as SITE/briefing.pdf.

WeasyPrint lays it out offline: a fetcher that refuses every address but the site's own
files, the system's fonts, no browser. The print edition's stylesheet gives the pages, the
page numbers and the contents' page numbers (`target-counter`); WeasyPrint makes the PDF's
outline from the headings, so the table of contents is linked both ways. Then the site's
downloads page links to the PDF.
"""
from __future__ import annotations

from pathlib import Path

from .printed import PAGE
from .render.downloads import PDF_END, PDF_LINK, PDF_MARK

PDF = "briefing.pdf"


class PdfError(Exception):
    """Why no PDF could be made; the message says what to do."""


def _fetcher(site: Path):
    root = site.resolve().as_uri()

    def fetch(url: str, *args, **kwargs):
        if not url.startswith(root):
            raise PdfError(f"the print edition asks for {url}, outside the site: nothing is fetched")
        from weasyprint.urls import default_url_fetcher
        return default_url_fetcher(url, *args, **kwargs)
    return fetch


def write_pdf(site: Path) -> Path:
    edition = site / PAGE
    if not edition.is_file():
        raise PdfError(f"{edition} does not exist: build the site first (`make site`)")
    try:
        from weasyprint import HTML
    except ImportError as err:
        raise PdfError(f"the PDF needs WeasyPrint ({err}): `make pdf` installs it from "
                       "requirements-pdf.txt, or `pip install 'briefing[pdf]'`") from None
    out = site / PDF
    HTML(filename=str(edition), url_fetcher=_fetcher(site)).write_pdf(str(out))
    _link_from_downloads(site)
    return out


def _link_from_downloads(site: Path) -> None:
    """The downloads page says the PDF is not built; now it is, link it."""
    page = site / "downloads.html"
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    start, end = text.find(PDF_MARK), text.find(PDF_END)
    if 0 <= start < end:
        text = text[:start] + PDF_LINK + text[end + len(PDF_END):]
        page.write_text(text, encoding="utf-8")
