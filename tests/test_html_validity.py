"""The fixture site's HTML is valid: the Nu HTML Checker (vnu.jar, from node_modules/vnu-jar)
finds no error in any page, but the few that Material's own templates make and a known false
positive of older checkers (ALLOWED, each matched by message and element, so that the same
mistake in our own markup still fails).

One run of the checker (a JVM start) takes the whole site and a canary page: a copy of one
page with those mistakes made in our markup, which must be reported. Skipped on a
developer's machine without Java or node_modules/vnu-jar; a failure when CI is set.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import fixture_site
from helpers import REPO, skip_or_fail

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (why, message, element): an error is allowed when its message matches `message` and the
# element the checker points at (its start tag, from the extract) matches `element`.
ALLOWED = [
    # Material's base.html: the hidden checkboxes that open the drawer and the search carry
    # autocomplete="off" (so that a restored page does not come back with them checked),
    # which HTML allows only on text-like inputs.
    ("Material base.html: autocomplete on its toggle checkboxes",
     re.compile(r"^Attribute “autocomplete” is only allowed when the input type is “color”, .*“week”\.$"),
     re.compile(r'^<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
                r'id="__(drawer|search)" autocomplete="off">$')),
    # Material's partials/nav-item.html writes tabindex="{{ tabindex }}", empty when the
    # section has an index page (navigation.indexes): an empty tabindex is not an integer.
    ("Material nav-item.html: tabindex=\"\" on a section's toggle label",
     re.compile(r"^Bad value “” for attribute “tabindex” on element “label”: The empty string is not a "
                r"valid integer\.$"),
     re.compile(r'^<label class="md-nav__link(?: md-nav__link--active)? ?" for="__nav_[\d_]+" '
                r'id="__nav_[\d_]+_label" tabindex="">$')),
    # A false positive of older checkers: role on an inline <svg> (ARIA in HTML allows any
    # role there; our graphs are role="group", labelled by their <title> and <desc>).
    ("checker false positive: role on <svg>",
     re.compile(r"^(Bad value “[a-z-]+” for attribute “role” on element “svg”\.|"
                r"Attribute “role” not allowed on element “svg” at this point\.)$"),
     re.compile(r'^<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="[\d. ]+" role="group" '
                r'aria-labelledby="[^"]+" class="bf-graph-svg">$')),
]

# Our markup making the same mistakes: none of it may pass as Material's.
CANARY = [
    '<input class="bf-toggle" type="checkbox" id="bf-canary-1" autocomplete="off">',
    '<label class="bf-canary" for="bf-canary-1" tabindex="">Canary</label>',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="group" class="bf-other"><title>x</title></svg>',
    '<p id="b0">a second id b0 on the page</p>',
]


def _element(message: dict) -> str:
    extract = message.get("extract") or ""
    start = message.get("hiliteStart")
    length = message.get("hiliteLength")
    return extract[start:start + length] if start is not None and length else extract


def allowed(message: dict) -> str | None:
    """Why an error is allowed, or None."""
    element = _element(message)
    for why, text, markup in ALLOWED:
        if text.match(message.get("message", "")) and markup.match(element):
            return why
    return None


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict:
    java = shutil.which("java")
    if not java:
        skip_or_fail("java is not installed (the Nu HTML Checker needs it)")
    if not VNU.is_file():
        skip_or_fail(f"{VNU.relative_to(REPO)} is missing: run `npm ci` in {REPO}")
    site = fixture_site.site(tmp_path_factory)
    canary_dir = tmp_path_factory.mktemp("vnu-canary")
    page = (site / "actors" / "ilse-brandt.html").read_text(encoding="utf-8")
    assert "</article>" in page
    (canary_dir / "canary.html").write_text(page.replace("</article>", "\n".join(CANARY) + "</article>", 1),
                                            encoding="utf-8")
    proc = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--stdout",
                           "--exit-zero-always", str(site), str(canary_dir)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    by_file: dict[str, list[dict]] = {}
    for message in report["messages"]:
        url = message.get("url", "")
        path = Path(url.removeprefix("file:")) if url.startswith("file:") else Path(url)
        by_file.setdefault(path.as_posix(), []).append(message)
    pages = sorted(p for p in site.rglob("*.html"))
    return {"site": site, "canary": (canary_dir / "canary.html").as_posix(), "messages": by_file,
            "pages": pages, "report": report}


def _errors(messages: list[dict]) -> list[dict]:
    # "error" and "non-document-error" (a file the checker could not read); warnings and
    # info are not errors.
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


def test_the_checker_read_every_page(checked):
    assert len(checked["pages"]) > 40
    unreadable = [m for ms in checked["messages"].values() for m in ms if m.get("type") == "non-document-error"]
    assert not unreadable, unreadable


def test_no_html_error_but_materials(checked):
    site = checked["site"].as_posix()
    problems, excused = [], {}
    for path, messages in sorted(checked["messages"].items()):
        if not path.startswith(site):
            continue
        for m in _errors(messages):
            why = allowed(m)
            if why:
                excused[why] = excused.get(why, 0) + 1
            else:
                problems.append(f"{path[len(site) + 1:]}:{m.get('lastLine')}: {m['message']}\n"
                                f"    {_element(m)[:300]}")
    print("allowed errors:", excused)
    assert not problems, f"{len(problems)} HTML error(s):\n" + "\n".join(problems)


def test_our_markup_making_materials_mistakes_fails(checked):
    """The canary page: the allowed mistakes, made by our markup, are all reported."""
    messages = _errors(checked["messages"].get(checked["canary"], []))
    unexcused = [m for m in messages if not allowed(m)]
    said = " | ".join(f"{m['message']} {_element(m)}" for m in unexcused)
    assert "autocomplete" in said and "bf-toggle" in said, said
    assert "tabindex" in said and "bf-canary" in said, said
    assert "Duplicate ID “b0”" in said, said


def test_allowances_are_narrow():
    material = {"message": "Bad value “” for attribute “tabindex” on element “label”: The empty string is "
                           "not a valid integer.",
                "extract": '<label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex="">',
                "hiliteStart": 0, "hiliteLength": 75}
    assert allowed(material)
    ours = {**material, "extract": '<label class="bf-x" for="__nav_3" id="__nav_3_label" tabindex="">'}
    assert not allowed(ours)
    other = {**material, "message": "Duplicate ID “__nav_3_label”."}
    assert not allowed(other)
    svg = {"message": "Bad value “group” for attribute “role” on element “svg”.",
           "extract": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400" role="group" '
                      'aria-labelledby="g-a-t g-a-d" class="bf-graph-svg">', "hiliteStart": 0, "hiliteLength": 500}
    assert allowed(svg)
    assert not allowed({**svg, "message": "Bad value “group” for attribute “role” on element “div”."})
