"""The command line: `briefing init | check | new | import-source | schemas | serve | pdf`.

Commands that work on a briefing find it from any folder inside it (see `settings`), and
refuse a folder that is not one. Exit codes: 0 clean, 1 problems found (or a command
refused), 2 usage error (including a folder that is not a briefing).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

from . import __version__, scaffold
from .schemas import write_schemas
from .settings import NotABriefing, find_root
from .workers import default_jobs


def documents(root: Path) -> dict[str, tuple[str, str]]:
    """The hand-written Markdown pages in docs/, as the build reads them."""
    docs = {}
    for path in sorted((root / "docs").rglob("*.md")):
        rel = path.relative_to(root / "docs").as_posix()
        docs[rel] = (path.read_text(encoding="utf-8-sig"), f"docs/{rel}")
    return docs


def cmd_check(args) -> int:
    from .pipeline import Session
    start = time.perf_counter()
    # check builds ~100 objects per brief and keeps them until it exits, so with the
    # default thresholds the cycle collector rescans them again and again for nothing
    # (10% of the run at 3,000 briefs). It still runs, just far less often.
    gc.set_threshold(100_000, 50, 50)
    run = Session(args.root).run(documents(args.root), render=False, jobs=args.jobs)
    problems = run.problems
    if problems:
        print(problems.report(args.format))
    elif args.format == "json":
        print("[]")
    elapsed = time.perf_counter() - start
    if args.format == "human":
        errors, warnings = len(problems.errors()), len(problems.warnings())
        strict = " (strict: warnings fail)" if run.settings.strict and warnings else ""
        print(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}{strict}; {run.summary()} "
              f"checked in {elapsed:.2f}s", file=sys.stderr)
    code = 1 if run.failed else 0
    if args.whole_process:
        _leave(code)  # while `run` is still alive: freeing it is the cost skipped
    return code


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' * (number != 1)}"


def _refused(err: Exception) -> int:
    print(f"error: {err}", file=sys.stderr)
    return 1


def cmd_new(args) -> int:
    try:
        path = scaffold.new_brief(args.root, args.kind, args.name, brief_id=args.id)
    except scaffold.ScaffoldError as err:
        return _refused(err)
    print(path.relative_to(args.root).as_posix())
    return 0


def cmd_import(args) -> int:
    label = args.label
    if label is None and sys.stdin.isatty():
        label = input("Short label for citations (e.g. 'Gazette' shows as 'Gazette ¶4'): ").strip() or None
    try:
        written = scaffold.import_source(args.root, Path(args.file), args.id, args.title,
                                         label, args.publisher)
    except scaffold.ScaffoldError as err:
        return _refused(err)
    for path in written:
        print(path.relative_to(args.root).as_posix())
    return 0


def cmd_schemas(args) -> int:
    count = write_schemas(args.root / "schemas")
    print(f"wrote {count} schemas to schemas/")
    return 0


def cmd_init(args) -> int:
    from .project import InitError, init
    try:
        written = init(Path(args.dir), args.title, example=args.example)
    except InitError as err:
        return _refused(err)
    print(f"created {args.dir} ({len(written)} files). Next:\n  cd {args.dir} && make site && make test")
    return 0


def cmd_serve(args) -> int:
    try:
        import mkdocs_preview  # the engine: MkDocs, only for this command
    except ImportError as err:  # pragma: no cover - installed with the package
        return _refused(f"the live preview needs MkDocs: {err}")
    return mkdocs_preview.serve(str(args.root / "mkdocs.yml"), args.dev_addr, args.open)


def cmd_pdf(args) -> int:
    from .pdf import PdfError, write_pdf
    try:
        out = write_pdf(Path(args.site))
    except PdfError as err:
        return _refused(err)
    print(out.as_posix())
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not '{text}'")
    return int(text)


def _root_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("--root", type=Path, default=default, metavar="DIR",
                        help="the briefing's folder, or any folder inside it (default: the "
                             "current folder)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description="Check, preview and scaffold a research "
                                "briefing: briefs and sources in, a cross-linked static site out.")
    p.add_argument("--version", action="version", version=f"briefing {__version__}")
    _root_option(p, None)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    here = argparse.SUPPRESS  # the subcommand's --root, when given, wins over the global one

    c = sub.add_parser("check", help="validate briefs, sources, references and quotes",
                       description="Everything the build checks, without building: fields, "
                       "references, links, quotes and quotations against their sources, and the "
                       "content rules of briefing.yml.")
    c.add_argument("--format", choices=("human", "github", "json"), default="human",
                   help="human: readable (default); github: GitHub Actions annotations on each "
                        "line; json: a list of problems for tools")
    c.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N",
                   help="processes that read the briefs (default: one per core; only large "
                        "briefings use more than one)")
    c.set_defaults(run=cmd_check)

    n = sub.add_parser("new", help="write a new brief with every field explained",
                       description="Write briefs/<kind>s/<id>.md: required fields filled with "
                       "placeholders that `check` refuses until you replace them, the rest "
                       "commented out with their meaning.")
    n.add_argument("kind", choices=("actor", "agreement", "topic"), help="the kind of brief")
    n.add_argument("name", help='the display name, e.g. "Ana Costa"')
    n.add_argument("--id", help="the id (file name), when it cannot be made from the name")
    n.set_defaults(run=cmd_new)

    i = sub.add_parser("import-source", help="copy an article into seeds/ with its metadata stub",
                       description="Copy a plain-text article into seeds/<id>.txt byte for byte, "
                       "and write seeds/<id>.yaml with its sha256; unknown metadata stays null.")
    i.add_argument("file", help="the article, as plain UTF-8 text")
    i.add_argument("--id", required=True, help="the source's id, e.g. harbour-gazette-2024-03")
    i.add_argument("--title", required=True, help="the article's own title; a title you "
                   "supply goes in [square brackets]")
    i.add_argument("--label", help="the short name citations show, e.g. 'Gazette' for 'Gazette ¶4' "
                   "(asked for when not given)")
    i.add_argument("--publisher", help="the outlet, when the article says it")
    i.set_defaults(run=cmd_import)

    s = sub.add_parser("schemas", help="write the JSON Schemas to schemas/",
                       description="Write the JSON Schemas of every file format to schemas/, for "
                       "editors; run it after upgrading the generator.")
    s.set_defaults(run=cmd_schemas)

    v = sub.add_parser("serve", help="live preview, rebuilt on every save",
                       description="Serve the site on http://127.0.0.1:8000/, re-rendering only "
                       "what an edit touches; while the briefing has problems, every page lists them.")
    v.add_argument("--dev-addr", metavar="HOST:PORT", help="where to serve (default: mkdocs.yml's "
                   "dev_addr, 127.0.0.1:8000)")
    v.add_argument("--open", action="store_true", help="open the site in a browser")
    v.set_defaults(run=cmd_serve)

    d = sub.add_parser("pdf", help="turn the built site's print edition into briefing.pdf",
                       description="Write SITE/briefing.pdf from SITE/print.html with WeasyPrint, "
                       "offline, with a linked table of contents and page numbers.")
    d.add_argument("site", nargs="?", default="site", help="the built site's folder (default: site)")
    d.set_defaults(run=cmd_pdf, needs_root=False)

    t = sub.add_parser("init", help="start a new briefing in an empty folder",
                       description="Create a briefing that builds and passes its tests at once: "
                       "mkdocs.yml, briefing.yml, Makefile, pinned requirements, docs/index.md, "
                       "empty briefs/ and seeds/, CONTRIBUTING, CI and Pages workflows, schemas.")
    t.add_argument("dir", help="the new briefing's folder (must be empty or not exist)")
    t.add_argument("--title", required=True, help='the briefing\'s title, e.g. "Arctic shipping"')
    t.add_argument("--example", action="store_true", help="add a tiny sample: one source and three "
                   "briefs, so every page type shows")
    t.set_defaults(run=cmd_init, needs_root=False)

    for command in (c, n, i, s, v):
        _root_option(command, here)
        command.set_defaults(needs_root=True)
    return p


def main(argv: list[str] | None = None, *, whole_process: bool = False) -> int:
    """Run one command. `whole_process`: this call is the process (the `briefing` script,
    `python -m briefing`), so a command that ends holding a large heap may leave at once."""
    args = parser().parse_args(argv)  # exits 2 on a usage error
    if getattr(args, "needs_root", False):
        try:
            args.root = find_root(args.root or Path.cwd())
        except NotABriefing as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    args.whole_process = whole_process
    return args.run(args)


def console() -> int:
    """The entry point of the `briefing` script and of `python -m briefing`."""
    try:
        return main(whole_process=True)
    except BrokenPipeError:  # `briefing check | head`: the reader left before the end
        # As the Python docs advise: point stdout at nothing, so that the interpreter's
        # own last flush does not fail again with a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _leave(code: int) -> None:
    """Exit without freeing the heap. `check` ends holding every brief's model, about a
    hundred objects a brief; freeing them one by one, then tearing the interpreter down,
    took 0.3-0.6 s of a 3,000-brief check, more than registering the index, and the
    system takes the memory back at once anyway (mypy ends the same way). Only the output
    needs flushing: a flush that fails makes a clean run exit 1."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe or a full disk: the output is lost, say so
        code = code or 1
    os._exit(code)
