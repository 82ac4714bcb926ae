"""What every command group shares: failing with a clear message, and saying on stderr what takes time."""

from __future__ import annotations

import sys


def fail(message: str, code: int = 2) -> int:
    print(f"waymark: {message}", file=sys.stderr)
    return code


def loading(what: str, quiet: bool = False) -> None:
    """A progress line on stderr before seconds of model loading, so a first run does not look stuck."""
    if not quiet:
        print(f"Loading {what} (about a minute the first time, seconds after that)...", file=sys.stderr, flush=True)
