"""The keyword-list baseline for directive talk: the yardstick the fitted reviewer has to beat."""

from __future__ import annotations

import re

DIRECTIVE_PHRASES = re.compile(
    r"\b(you should|you need to|you must|you have to|you ought to|why don't you|why not|i recommend|i suggest|"
    r"i'd suggest|my advice|you'd better|try to|make sure|it's important that you|i want you to)\b", re.I)


def keyword_advice(text: str) -> bool:
    return bool(DIRECTIVE_PHRASES.search(text))
