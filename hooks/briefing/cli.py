"""The command line: `python -m briefing check|new|import-source|schemas`.

Exit codes: 0 clean, 1 problems found, 2 usage error.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

from . import scaffold
from .pipeline import find_problems
from .schemas import KINDS, export_schema_json, schema_json
from .workers import default_jobs


def _documents(root: Path) -> dict[str, tuple[str, str]]:
    docs = {}
    for path in sorted((root / "docs").rglob("*.md")):
        rel = path.relative_to(root / "docs").as_posix()
        docs[rel] = (path.read_text(encoding="utf-8-sig"), f"docs/{rel}")
    return docs


def cmd_check(args) -> int:
    start = time.perf_counter()
    # check builds ~100 objects per brief and keeps them until it exits, so with the
    # default thresholds the cycle collector rescans them again and again for nothing
    # (10% of the run at 3,000 briefs). It still runs, just far less often.
    gc.set_threshold(100_000, 50, 50)
    problems, b = find_problems(args.root, _documents(args.root), jobs=args.jobs)
    if problems:
        print(problems.report(args.format))
    elif args.format == "json":
        print("[]")
    elapsed = time.perf_counter() - start
    if args.format == "human":
        summary = (f"{_count(b.brief_count(), 'brief')}, {_count(len(b.sources), 'source')}, "
                   f"{_count(b.quote_count(), 'quote')} checked in {elapsed:.2f}s")
        print(f"{_count(len(problems), 'problem')}; {summary}", file=sys.stderr)
    return 1 if problems else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def cmd_new(args) -> int:
    try:
        path = scaffold.new_brief(args.root, args.kind, args.name, brief_id=args.id)
    except scaffold.ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(path.relative_to(args.root).as_posix())
    return 0


def cmd_import(args) -> int:
    try:
        written = scaffold.import_source(args.root, Path(args.file), args.id, args.title, args.publisher)
    except scaffold.ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for path in written:
        print(path.relative_to(args.root).as_posix())
    return 0


def cmd_schemas(args) -> int:
    out = args.root / "schemas"
    out.mkdir(exist_ok=True)
    for kind in KINDS:
        (out / f"{kind}.schema.json").write_text(schema_json(kind), encoding="utf-8")
    (out / "briefing.schema.json").write_text(export_schema_json(), encoding="utf-8")
    print(f"wrote {len(KINDS) + 1} schemas to {out.relative_to(args.root).as_posix()}/")
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not '{text}'")
    return int(text)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description="Check and scaffold briefing files.")
    p.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate briefs, sources, references and quotes")
    c.add_argument("--format", choices=("human", "github", "json"), default="human")
    c.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N",
                   help="processes that read the briefs (default: one per core; "
                        "large briefings only)")
    c.set_defaults(run=cmd_check)
    n = sub.add_parser("new", help="write a new brief with every field commented")
    n.add_argument("kind", choices=("actor", "agreement", "topic"))
    n.add_argument("name", help='the display name, e.g. "Sergey Lavrov"')
    n.add_argument("--id", help="the id (file name) when it cannot be made from the name")
    n.set_defaults(run=cmd_new)
    i = sub.add_parser("import-source", help="copy an article into seeds/ with a metadata stub")
    i.add_argument("file")
    i.add_argument("--id", required=True)
    i.add_argument("--title", required=True)
    i.add_argument("--publisher")
    i.set_defaults(run=cmd_import)
    s = sub.add_parser("schemas", help="write the JSON Schemas to schemas/")
    s.set_defaults(run=cmd_schemas)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # exits 2 on a usage error
    args.root = args.root.resolve()
    return args.run(args)
