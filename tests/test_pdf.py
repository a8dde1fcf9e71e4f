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


def make_pdf(tmp_path_factory, name: str, head: str = "", body: str = "") -> dict:
    """`briefing pdf` on a copy of the fixture site, `head` and `body` added to its print.html."""
    cli, pdftotext = _tools()
    work = tmp_path_factory.mktemp(f"pdf-{name}")
    site = work / "site"
    shutil.copytree(fixture_site.site(tmp_path_factory), site)
    if head or body:
        edition = site / "print.html"
        text = edition.read_text(encoding="utf-8")
        text = text.replace("</head>", head + "</head>", 1).replace("<main>", "<main>" + body, 1)
        edition.write_text(text, encoding="utf-8")
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
    return make_pdf(tmp_path_factory, "hostile", head=HOSTILE)


def test_pdf_asks_no_other_host_even_when_the_edition_does(hostile):
    """Remote stylesheets, imports, fonts and images, and a file outside the site, put into
    the print edition: not one socket opens."""
    assert hostile["network"] == [], f"WeasyPrint went to the network: {hostile['network']}"
    assert "outside the site" in hostile["proc"].stdout + hostile["proc"].stderr + str(hostile["log"]), (
        "the fetcher was never asked for the remote files: the test proves nothing")


# WeasyPrint 70 (the pinned version, requirements-dev.txt and the template's
# requirements-pdf.txt) takes a URLFetcher object, not a function: with a function, a refused
# URL made weasyprint.urls.fetch read `url_fetcher._fail_on_errors` and the whole command died
# (AttributeError), and `weasyprint.urls.default_url_fetcher`, gone in 70, failed every file
# of the site itself. pdf.py's fetcher subclasses URLFetcher: each refused address is logged
# and skipped, and the PDF is made.
def test_pdf_refuses_other_hosts_and_carries_on(hostile):
    assert hostile["proc"].returncode == 0, hostile["proc"].stderr[-2000:]
    assert hostile["pdf"].is_file()
    said = "\n".join(r["message"] for r in hostile["log"])
    not_refused = [url for url in REMOTE if url not in said]
    assert not not_refused, f"not refused (or never asked for): {not_refused}\nlog:\n{said}"
    # And the reader is told (WeasyPrint's own log has no handler).
    assert "outside the site" in hostile["proc"].stderr, hostile["proc"].stderr


LOCAL = '<link rel="stylesheet" href="assets/stylesheets/search.css">'
ELSEWHERE = '<img src="https://example.invalid/pixel.png" alt="">'
NOWHERE = '<p><a href="#no-such-id">a link to nothing</a></p>'


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> dict:
    return make_pdf(tmp_path_factory, "local", head=LOCAL, body=ELSEWHERE + NOWHERE)


def test_pdf_fetches_the_sites_own_files(local):
    """A stylesheet of the site is fetched, a remote image beside it refused, no socket opened."""
    proc = local["proc"]
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert local["pdf"].read_bytes().startswith(b"%PDF-")
    assert local["network"] == [], local["network"]
    said = [r["message"] for r in local["log"]]
    assert not [m for m in said if "search.css" in m], f"the site's own stylesheet was not loaded: {said}"
    assert [m for m in said if "https://example.invalid/pixel.png" in m and "outside the site" in m], said
    assert "https://example.invalid/pixel.png" in proc.stderr, proc.stderr


def test_pdf_reports_links_without_a_target(local):
    """`briefing pdf` counts the in-page links WeasyPrint finds no anchor for, on stderr."""
    assert [r for r in local["log"] if r["message"].startswith("No anchor #no-such-id")], local["log"]
    assert "1 link has no target in the PDF" in local["proc"].stderr, local["proc"].stderr


def test_the_fetcher_keeps_to_the_site(tmp_path):
    """Which file: URLs count as inside the site (no WeasyPrint needed)."""
    from briefing.pdf import inside
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (tmp_path / "site-other").mkdir()
    root = site.resolve().as_uri()
    assert inside(site, root + "/assets/x.css?v=1#top") == root + "/assets/x.css"
    assert inside(site, "file://localhost" + root[len("file://"):] + "/print.html") == root + "/print.html"
    for url in (root + "/../site-other/x.css", (tmp_path / "site-other").resolve().as_uri() + "/x.css",
                "file://example.invalid" + root[len("file://"):] + "/x.css", "file:///etc/hostname",
                "https://example.invalid/x.css", "http://localhost/x.css", "ftp://example.invalid/x"):
        assert inside(site, url) is None, url


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


# A quotation's citation links to its source paragraph with a text fragment,
# "sources/harbour-gazette.html#p3:~:text=no%20plans…". The edition's in-page link must be
# the id alone ("#pg-sources-harbour-gazette--p3"): WeasyPrint takes a whole fragment for the
# id, so a kept ":~:text=" made every quotation's link dead in the PDF ("No anchor …").
def test_pdf_internal_links_have_their_anchor(made):
    dead = [r["message"] for r in made["log"] if r["message"].startswith("No anchor")]
    assert not dead, "\n".join(dead)
    assert "no target" not in made["proc"].stderr, made["proc"].stderr


# `.md-visually-hidden` in print-edition.css: WeasyPrint ignores the comma-less legacy
# `clip: rect(0 0 0 0)` ("Ignored … invalid value"); `rect(0, 0, 0, 0)` is read by both.
def test_weasyprint_understands_the_print_stylesheet(made):
    ignored = [r["message"] for r in made["log"] if r["message"].startswith("Ignored")]
    assert not ignored, ignored
