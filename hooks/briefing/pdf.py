"""`briefing pdf SITE`: the print edition (SITE/print.html) as SITE/briefing.pdf.

WeasyPrint lays it out offline: a fetcher that refuses every address but the site's own
files (and data: URLs), the system's fonts, no browser. The print edition's stylesheet
gives the pages, the page numbers and the contents' page numbers (`target-counter`);
WeasyPrint makes the PDF's outline from the headings, so the table of contents is linked
both ways. Then the site's downloads page links to the PDF.

What WeasyPrint would otherwise keep to itself (its logger has no handler) is summed up on
stderr: the addresses refused, and the in-page links left without a target.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .printed import PAGE
from .render.downloads import PDF_END, PDF_LINK, PDF_MARK

PDF = "briefing.pdf"
OUTSIDE = "outside the site"
NO_ANCHOR = "No anchor"


class PdfError(Exception):
    """Why no PDF could be made; the message says what to do."""


def inside(site: Path, url: str) -> str | None:
    """The file: URL to fetch for `url` if it names a file inside `site`, else None
    (another scheme, another host, or a path that leads out of the site)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() != "file" or parts.netloc.lower() not in ("", "localhost"):
        return None
    try:
        path = Path(url2pathname(unquote(parts.path))).resolve()
    except (OSError, ValueError):
        return None
    root = site.resolve()
    if path != root and root not in path.parents:
        return None
    # No host (a host makes urllib look names up), no query or fragment.
    return "file://" + parts.path


def _fetcher(site: Path, refused: list[str]):
    """A WeasyPrint URLFetcher (WeasyPrint >= 70 takes an object, not a function) that
    fetches data: URLs and the site's own files and refuses everything else. A refusal
    raises, which WeasyPrint turns into a skipped resource, and is logged on WeasyPrint's
    logger with the address."""
    from weasyprint.logger import LOGGER
    from weasyprint.urls import URLFetcher

    class SiteFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)

        def fetch(self, url, headers=None):
            if url[:5].lower() == "data:":
                return super().fetch(url, headers)
            local = inside(site, url)
            if local is None:
                refused.append(url)
                LOGGER.warning("Refused %s: %s, nothing is fetched", url, OUTSIDE)
                raise ValueError(f"the print edition asks for {url}, {OUTSIDE}: nothing is fetched")
            return super().fetch(local, headers)

    return SiteFetcher()


class _Tally(logging.Handler):
    """The in-page links WeasyPrint finds no target for."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.dead: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # pragma: no cover - a malformed record is not ours to fix
            return
        if message.startswith(NO_ANCHOR):
            self.dead.append(message)


def write_pdf(site: Path) -> Path:
    edition = site / PAGE
    if not edition.is_file():
        raise PdfError(f"{edition} does not exist: build the site first (`make site`)")
    try:
        from weasyprint import HTML
        from weasyprint.logger import LOGGER
    except ImportError as err:
        raise PdfError(f"the PDF needs WeasyPrint ({err}): `make pdf` installs it from "
                       "requirements-pdf.txt, or `pip install 'briefing[pdf]'`") from None
    out = site / PDF
    refused: list[str] = []
    tally = _Tally()
    LOGGER.addHandler(tally)
    try:
        HTML(filename=str(edition), url_fetcher=_fetcher(site, refused)).write_pdf(str(out))
    finally:
        LOGGER.removeHandler(tally)
    _report(refused, tally.dead)
    _link_from_downloads(site)
    return out


def _report(refused: list[str], dead: list[str]) -> None:
    if refused:
        shown = ", ".join(dict.fromkeys(refused))
        print(f"warning: the print edition asks for {_count(len(refused), 'address', 'addresses')} "
              f"{OUTSIDE}, left out of the PDF (nothing is fetched): {shown}", file=sys.stderr)
    if dead:
        more = f" and {len(dead) - 1} more" if len(dead) > 1 else ""
        print(f"warning: {_count(len(dead), 'link has', 'links have')} no target in the PDF "
              f"(WeasyPrint: {dead[0]}{more})", file=sys.stderr)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


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
