"""The briefing core: framework-free stages load → validate → index → link → render.

MkDocs (or ProperDocs) only calls `pipeline.build` through hooks/mkdocs_briefing.py.
"""
