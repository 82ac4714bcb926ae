"""The `waymark` command: how scripts, evals and benchmarks drive the product without a browser. Each command
group lives in its own module; every subcommand takes its options before or after its positional arguments."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from assistant.cli import chat, library, mentor, people
from assistant.cli.common import fail
from assistant.services import Services
from assistant.settings import get_settings

GROUPS = (chat, library, people, mentor)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(prog="waymark", description="Waymark: goal-setting in mentoring, in your own words.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress (never message content)")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.add_parsers(sub)
    return parser, sub.choices


def parse(argv: list[str]) -> argparse.Namespace:
    """argparse takes `memory forget 3 --user ana` but not `memory forget --user ana 3`; each subcommand's arguments
    are parsed intermixed, so both orders work. Options before the command (-v) are the top level's."""
    parser, commands = build_parser()
    at = next((i for i, a in enumerate(argv) if a in commands), None)
    if at is None:
        return parser.parse_args(argv)  # no command: argparse says what is missing, or prints the help
    top = argparse.ArgumentParser(prog="waymark", add_help=False)
    top.add_argument("-v", "--verbose", action="store_true")
    head = top.parse_args(argv[:at])
    args = commands[argv[at]].parse_intermixed_args(argv[at + 1:])
    args.command, args.verbose = argv[at], head.verbose
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if problem := people.missing_argument(args):
        return fail(problem)
    result = args.run(args, Services(get_settings()))
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


if __name__ == "__main__":
    sys.exit(main())
