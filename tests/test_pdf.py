"""`briefing pdf SITE` (hooks/briefing/pdf.py, WeasyPrint) on the fixture site: a PDF whose
text (poppler's pdftotext) holds every topic and actor of the fixture, made without one
network request, also when the print edition points at other hosts.

The command runs as a reader runs it (.venv/bin/briefing, a subprocess) on a copy of the
fixture site (it writes briefing.pdf and links it from downloads.html). A sitecustomize
module on its PYTHONPATH makes every socket connection and name lookup fail and records
it, and records what WeasyPrint logs. Skipped on a developer's machine without WeasyPrint
or pdftotext; a failure when CI is set.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from browser import fixture_site
from helpers import skip_or_fail

GUARD = textwrap.dedent('''
    """Test guard: no network; WeasyPrint's log recorded (tests/test_pdf.py)."""
    import json, logging, os, socket

    _NET = os.environ["BRIEFING_TEST_NET_LOG"]
    _LOG = os.environ["BRIEFING_TEST_PDF_LOG"]

    def _record(path, entry):
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\\n")

    def _refuse(name):
        def refuse(*args, **kwargs):
            _record(_NET, {"call": name, "args": repr(args[1:] if name.startswith("socket.") else args)[:300]})
            raise OSError(f"network access refused by the test ({name})")
        return refuse

    socket.socket.connect = _refuse("socket.connect")
    socket.socket.connect_ex = _refuse("socket.connect_ex")
    socket.socket.sendto = _refuse("socket.sendto")
    socket.create_connection = _refuse("create_connection")
    socket.getaddrinfo = _refuse("getaddrinfo")
    socket.gethostbyname = _refuse("gethostbyname")

    class _Keep(logging.Handler):
        def emit(self, record):
            _record(_LOG, {"level": record.levelname, "message": record.getMessage()})

    _logger = logging.getLogger("weasyprint")
    _logger.setLevel(logging.WARNING)
    _logger.addHandler(_Keep())
''')

# What the print edition may ask for that lies elsewhere: WeasyPrint must fetch none of it.
HOSTILE = """
<link rel="stylesheet" href="https://example.invalid/remote.css">
<style>@import url("http://example.invalid/imported.css");
@font-face { font-family: Remote; src: url("https://example.invalid/font.woff2"); }
body { background-image: url("https://example.invalid/background.png"); }</style>
<img src="https://example.invalid/pixel.png" alt="">
<img src="//example.invalid/protocol-relative.png" alt="">
<img src="file:///etc/hostname" alt="">
"""
REMOTE = ["https://example.invalid/remote.css", "http://example.invalid/imported.css",
          "https://example.invalid/font.woff2", "https://example.invalid/background.png",
          "https://example.invalid/pixel.png", "example.invalid/protocol-relative.png",
          "file:///etc/hostname"]


def _tools() -> tuple[list[str], str]:
    try:
        import weasyprint  # noqa: F401
    except ImportError as err:
        skip_or_fail(f"WeasyPrint is not installed ({err}): pip install -r requirements-dev.txt")
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        skip_or_fail("pdftotext is not installed (apt-get install poppler-utils)")
    cli = Path(sys.executable).parent / "briefing"
    return ([str(cli)] if cli.is_file() else [sys.executable, "-m", "briefing"]), pdftotext


def _read_log(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.is_file() else []


def make_pdf(tmp_path_factory, name: str, hostile: bool = False) -> dict:
    cli, pdftotext = _tools()
    work = tmp_path_factory.mktemp(f"pdf-{name}")
    site = work / "site"
    shutil.copytree(fixture_site.site(tmp_path_factory), site)
    if hostile:
        edition = site / "print.html"
        text = edition.read_text(encoding="utf-8")
        edition.write_text(text.replace("</head>", HOSTILE + "</head>", 1), encoding="utf-8")
    guard = work / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    net, log = work / "network.jsonl", work / "weasyprint.jsonl"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), *filter(None, [os.environ.get("PYTHONPATH")])]),
           "BRIEFING_TEST_NET_LOG": str(net), "BRIEFING_TEST_PDF_LOG": str(log)}
    proc = subprocess.run([*cli, "pdf", str(site)], cwd=work, env=env, capture_output=True, text=True,
                          timeout=600)
    pdf = site / "briefing.pdf"
    text = ""
    if pdf.is_file():
        text = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              timeout=300, check=True).stdout
    return {"proc": proc, "site": site, "pdf": pdf, "text": " ".join(text.split()),
            "network": _read_log(net), "log": _read_log(log), "guarded": (guard / "sitecustomize.py")}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    return make_pdf(tmp_path_factory, "plain")


def _names(kind: str, tmp_path_factory) -> list[str]:
    """The names of the fixture's briefs of a kind, from the fixture project's own files."""
    root = fixture_site.project(tmp_path_factory).root / "briefs" / f"{kind}s"
    names = []
    for path in sorted(root.glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        names.append(yaml.safe_load(front)["name"])
    return names


def test_pdf_is_written(made):
    proc = made["proc"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert Path(proc.stdout.strip().splitlines()[-1]) == made["pdf"], proc.stdout
    assert made["pdf"].read_bytes().startswith(b"%PDF-")
    # The downloads page now links it.
    assert 'href="briefing.pdf"' in (made["site"] / "downloads.html").read_text(encoding="utf-8")


def test_pdf_has_every_topic_and_actor(made, tmp_path_factory):
    topics, actors = _names("topic", tmp_path_factory), _names("actor", tmp_path_factory)
    assert len(topics) == 2 and len(actors) == 20, (topics, actors)
    missing = [name for name in topics + actors if name not in made["text"]]
    assert not missing, f"not in the PDF's text: {missing}"
    assert "Valmora ferry agreement" in made["text"] and "Roll-on/roll-off ferry" in made["text"]


def test_pdf_makes_no_network_request(made):
    assert made["proc"].returncode == 0
    assert made["network"] == [], f"the PDF build tried the network: {made['network']}"
    refused = [r for r in made["log"] if "outside the site" in r["message"]]
    assert refused == [], f"the print edition asks for files outside the site: {refused}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    return make_pdf(tmp_path_factory, "hostile", hostile=True)


def test_pdf_asks_no_other_host_even_when_the_edition_does(hostile):
    """Remote stylesheets, imports, fonts and images, and a file outside the site, put into
    the print edition: not one socket opens."""
    assert hostile["network"] == [], f"WeasyPrint went to the network: {hostile['network']}"
    assert "outside the site" in hostile["proc"].stdout + hostile["proc"].stderr + str(hostile["log"]), (
        "the fetcher was never asked for the remote files: the test proves nothing")


# BUG (hooks/briefing/pdf.py:22-31, `_fetcher`): WeasyPrint 70 (the pinned version,
# requirements-dev.txt and the template's requirements-pdf.txt) takes a URLFetcher object,
# not a function: when the function raises (as it must for a URL outside the site),
# weasyprint.urls.fetch reads `url_fetcher._fail_on_errors` and the whole command dies with
# "AttributeError: 'function' object has no attribute '_fail_on_errors'" instead of
# skipping that resource; and `weasyprint.urls.default_url_fetcher`, which it calls for
# the site's own files, no longer exists, so even a file inside the site fails the same way.
# The PDF is made today only because print.html inlines its stylesheet and has no image.
# Reproduce: add <img src="https://example.invalid/x.png"> (or <link rel="stylesheet"
# href="assets/stylesheets/briefing.css">) to site/print.html, run `briefing pdf site`.
@pytest.mark.xfail(strict=True, reason="BUG hooks/briefing/pdf.py:22-31: the function url_fetcher "
                   "breaks under WeasyPrint 70: a refused URL crashes `briefing pdf` (AttributeError)")
def test_pdf_refuses_other_hosts_and_carries_on(hostile):
    assert hostile["proc"].returncode == 0, hostile["proc"].stderr[-2000:]
    assert hostile["pdf"].is_file()
    said = "\n".join(r["message"] for r in hostile["log"])
    not_refused = [url for url in REMOTE if url not in said]
    assert not not_refused, f"not refused (or never asked for): {not_refused}\nlog:\n{said}"


@pytest.mark.xfail(strict=True, reason="BUG hooks/briefing/pdf.py:29: weasyprint.urls.default_url_fetcher "
                   "is gone in WeasyPrint 70, so no file of the site itself can be fetched")
def test_pdf_fetches_the_sites_own_files(tmp_path_factory):
    cli, _ = _tools()
    work = tmp_path_factory.mktemp("pdf-local")
    site = work / "site"
    shutil.copytree(fixture_site.site(tmp_path_factory), site)
    edition = site / "print.html"
    edition.write_text(edition.read_text(encoding="utf-8").replace(
        "</head>", '<link rel="stylesheet" href="assets/stylesheets/search.css"></head>', 1), encoding="utf-8")
    proc = subprocess.run([*cli, "pdf", str(site)], cwd=work, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_the_guard_works(tmp_path):
    """The sitecustomize guard does refuse a connection (so an empty log means something)."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    net = tmp_path / "net.jsonl"
    env = {**os.environ, "PYTHONPATH": str(guard), "BRIEFING_TEST_NET_LOG": str(net),
           "BRIEFING_TEST_PDF_LOG": str(tmp_path / "log.jsonl")}
    code = "import urllib.request\ntry:\n urllib.request.urlopen('http://example.invalid/', timeout=5)\nexcept OSError:\n pass\n"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert _read_log(net), "the guard recorded no attempt"


# BUG (hooks/briefing/printed.py:104-110, `link` in `_rewrite`): a quotation's citation
# links to its source paragraph with a text fragment, "sources/harbour-gazette.html#p3:~:text=
# no%20plans…"; the edition keeps the directive in the in-page link,
# "#pg-sources-harbour-gazette--p3:~:text=…". A browser reads that as the id plus a text
# directive, but WeasyPrint takes the whole fragment for the id, so every quotation's link
# is dead in the PDF ("No anchor #pg-sources-harbour-gazette--p3:~:text=no plans to raise
# fares for internal URI reference", logged but not shown: `briefing pdf` prints nothing).
@pytest.mark.xfail(strict=True, reason="BUG hooks/briefing/printed.py:104-110: quotation links keep "
                   ":~:text= in the print edition's in-page anchors, dead in the PDF")
def test_pdf_internal_links_have_their_anchor(made):
    dead = [r["message"] for r in made["log"] if r["message"].startswith("No anchor")]
    assert not dead, "\n".join(dead)


# BUG (hooks/briefing/assets/stylesheets/print-edition.css:38): `.md-visually-hidden` uses
# `clip: rect(0 0 0 0)`, the comma-less legacy form, which WeasyPrint ignores ("Ignored
# `clip: rect(0 0 0 0)` at 38:86, invalid value"): in the PDF that text is not clipped.
# `rect(0, 0, 0, 0)` (or clip-path: inset(50%)) is read by both.
@pytest.mark.xfail(strict=True, reason="BUG print-edition.css:38: WeasyPrint ignores the comma-less "
                   "`clip: rect(0 0 0 0)`")
def test_weasyprint_understands_the_print_stylesheet(made):
    ignored = [r["message"] for r in made["log"] if r["message"].startswith("Ignored")]
    assert not ignored, ignored
