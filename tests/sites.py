"""A richer fixture briefing for the site-level tests (render, links, integrity, engines).

`rich(project)` is the starter corpus (helpers.starter) plus what those tests look at:
an abbreviation on an entity and in the glossary, a third source written here (whose text
uses both abbreviations), a proposed agreement with a year-only date, tags, a speaker
quoted in another brief, dated, partial and undated events (with date notes), and one
entity mentioned on more than twelve pages, so that it gets its mentions page. Every
fact the tests pin is in this file.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys

from helpers import GAZETTE, MKDOCS_YML, Built, Project, engine_env, starter

NOTES = "harbour-notes"
NOTES_TEXT = (
    "Harbour notes\n"
    "The VHC asked Northline for a RoRo ferry before the summer.\n"
    "\n"
    "Councillors said the VHC would publish the winter timetable in the autumn.\n"
    "Northline said nothing about fares.\n"
)
GLOSSARY = """terms:
  - term: Roll-on/roll-off ferry
    abbreviation: RoRo
    aliases: [drive-on ferry]
    definition: A ferry that vehicles drive onto, used by the VHC.
    see: [northline]
  - term: Winter timetable
    definition: The sailings from October to March.
"""
FANS = 13  # briefs that mention Northline, on top of the starter's: more than MENTIONS_SHOWN


def notes_source(project: Project) -> None:
    data = NOTES_TEXT.encode()
    project.write(f"seeds/{NOTES}.txt", data)
    project.write(f"seeds/{NOTES}.yaml", "\n".join([
        'title: "Harbour notes, spring 2024"', 'label: "Notes"', 'publisher: "Valmora harbour office"',
        "author: null", "published: 2024-04", "language: en", "url: https://example.org/harbour-notes",
        f"sha256: {hashlib.sha256(data).hexdigest()}", "reliability:", "  grade: B",
        '  rationale: "Minutes kept by the harbour office."', "boilerplate: []", "headings: [1]", ""]))


# As the shipped configuration: an edit button when BRIEFING_EDIT_URL is set (CI sets it),
# and no "Made with Material" link in the footer (the site links no other host).
EDITABLE_YML = MKDOCS_YML.replace(
    "strict: true\n", "strict: true\nedit_uri_template: !ENV [BRIEFING_EDIT_URL, null]\n"
).replace("content.tooltips]", "content.tooltips,\n             content.action.edit]"
).replace("plugins:\n", "extra:\n  generator: false\nplugins:\n")


def rich(project: Project) -> Project:
    starter(project)
    project.write("mkdocs.yml", EDITABLE_YML)
    notes_source(project)
    project.write("briefs/glossary.yaml", GLOSSARY)
    project.actor("valmora-council", "Valmora harbour council",
                  "aliases: [harbour council]\nabbreviation: VHC\ntags: [harbour, local government]",
                  body=f"The VHC runs the harbour ([[{NOTES}#p1]]).\n", type_="organization")
    project.actor("ostria", "Ostria", "aliases: [Ostrian state]\ntags: [harbour]",
                  body="Ostria is the state around the harbour; the VHC is part of it.\n")
    project.actor("jonas-hale", "Jonas Hale", """
        country: ostria
        roles:
          - title: Councillor of the VHC
            of: valmora-council
            from: 2020
        """, body=f"Hale voted against the agreement ([[{GAZETTE}#p4]]).\n", type_="person")
    project.brief("agreement", "winter-timetable", """
        name: Winter timetable agreement
        summary: A proposed timetable for the winter sailings of the VHC.
        type: draft-resolution
        status: proposed
        proposed: 2025
        date_note: The year comes from the notes, which give no month.
        parties: [valmora-council]
        tags: [harbour]
        """, f"Proposed by the council ([[{NOTES}#p2]]).\n")
    project.brief("topic", "fares", """
        name: The fares question
        summary: Whether Northline raises fares before the election.
        status: emerging
        updated: 2025-06-30
        actors: [northline, valmora-council]
        quotes:
          - id: no-rise
            text: "no plans to raise fares"
            source: harbour-gazette
            speaker: northline
          - id: patient
            text: "patient, firm and fair"
            source: harbour-gazette
          - id: winter-notes
            text: "would publish the winter timetable in the autumn"
            source: harbour-notes
          - id: summer-only
            text: "the ferry will run daily only in summer"
            source: harbour-gazette
        judgments:
          - text: Fares are unlikely to rise before the election.
            likelihood: unlikely
            confidence: low
            quotes: [no-rise]
        events:
          - date: 2024-03-03
            text: The agreement is signed.
            actors: [valmora-council, northline]
          - date: 2025
            text: The winter timetable is due.
          - date: 2024-03-15
            text: Northline speaks about fares.
            actors: [northline]
            quote: no-rise
          - text: Critics doubt the winter service.
            quote: summer-only
          - text: The council praises the company.
            date_note: The article gives no date for the remark.
            quote: patient
          - text: The council promises the winter timetable.
            quote: winter-notes
          - text: Northline says nothing about fares.
        """, f"## Outlook\n\nNorthline has \"no plans to raise fares\" ([[{GAZETTE}#p3]]).\n\n"
        f"[[quote:no-rise]]\n")
    project.actor("aron-weiss", "Aron Weiss", "country: ostria", type_="person", body=f"""
        Aron Weiss runs Northline for the Northline Ferry Company board ([[{GAZETTE}#p3]]).

        Northline is his company; Ostria taxes it, and Ostria watches it ([[{GAZETTE}#p5]]).
        """)
    project.actor("petra-lind", "Petra Lind", type_="person", body=f"""
        Lind wrote about [[Ilse Brandt]], the [[Ostrian state]], [[valmora-council|the council]],
        [[northline]] and the [[RoRo]] ([[{GAZETTE}#p2]], [[{GAZETTE}#p2|the Gazette]]).
        """)
    for n in range(FANS):
        project.actor(f"fan-{n:02}", f"Ferry user {n:02}", type_="group",
                      body=f"Ferry user {n:02} travels with Northline every week ([[{GAZETTE}#p1]]).\n")
    project.write("docs/index.md", HOME)
    return project


HOME = """# Test briefing

The briefing follows [[ferry]], [[Northline|the operator]] and the VHC.

## Key judgments

<!-- briefing:key-judgments -->

## Topics

<!-- briefing:topics -->

## Actors

<!-- briefing:actors -->

## Agreements

<!-- briefing:agreements -->

## Sources

<!-- briefing:sources -->

<!-- briefing:counts -->

<!-- briefing:last-reviewed -->
"""


def build(project: Project, *args: str, site=None, **env: str) -> Built:
    """`mkdocs build` like Project.build, but `env` is set last: helpers.engine_env drops
    BRIEFING_EDIT_URL even when a test passes it (Project.build(env=…) cannot set it)."""
    site = site or project.root / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *args],
                          cwd=project.root, env={**engine_env(), **env}, capture_output=True,
                          text=True, timeout=600)
    return Built(proc.returncode, proc.stdout + proc.stderr, site)
