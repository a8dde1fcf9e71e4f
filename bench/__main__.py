"""`python -m bench [--profile [BRIEFS]]`: see bench/measure.py; `make bench` runs it."""
from __future__ import annotations

import argparse
import sys

from .measure import run_bench, run_profile


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench", description="Benchmark the briefing build.")
    p.add_argument("--profile", action="store_true",
                   help="profile one hooked build under cProfile instead of benchmarking")
    p.add_argument("--briefs", type=int, default=3000, help="size profiled by --profile (3000)")
    p.add_argument("--top", type=int, default=25, help="rows per profile listing (25)")
    args = p.parse_args(argv)
    if args.profile:
        return run_profile(args.briefs, args.top)
    return run_bench()


if __name__ == "__main__":
    sys.exit(main())
