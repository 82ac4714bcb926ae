"""Prompts are files next to this module; code fills their named {slots}."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PROMPT_DIR = Path(__file__).parent


@cache
def _template(name: str) -> str:
    return (PROMPT_DIR / f"{name}.md").read_text(encoding="utf-8").strip()


def load_prompt(name: str, **slots: object) -> str:
    """The prompt `name`, with every {slot} filled; a missing slot is a KeyError, not a silent gap."""
    return _template(name).format(**slots)
