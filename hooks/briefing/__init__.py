"""The briefing generator's core: load → validate → index → link → render → emit.

It imports nothing from MkDocs; `mkdocs_briefing` (next to this package) is the thin
adapter that runs it inside a MkDocs build.
"""
__version__ = "0.2.0"
