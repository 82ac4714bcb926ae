"""Scrubbing a conversation's state of what the person asked to forget."""

from __future__ import annotations

from assistant.memory.profile import summary_from
from assistant.text import content_words

FORGOTTEN = "[forgotten at your request]"


def mentions(text: str, topics: list[str]) -> bool:
    words = set(content_words(text))
    return any(set(content_words(t)) & words for t in topics)


def scrub_values(values: dict, topics: list[str], remaining_facts: list[dict]) -> dict:
    """A copy of a thread's state with the messages on the topic replaced, and the profile rebuilt."""
    out = dict(values)
    # Replies that reflected those words go too: a reflection is the person's words given back.
    out["history"] = [({**m, "content": FORGOTTEN} if mentions(m["content"], topics) else m)
                      for m in values.get("history", [])]
    if values.get("reply") and mentions(values["reply"], topics):
        out["reply"] = FORGOTTEN
    if values.get("user_text") and mentions(values["user_text"], topics):
        out["user_text"] = FORGOTTEN
    out["profile"] = {field: [f for f in facts if not mentions(f["text"], topics)]
                      for field, facts in (values.get("profile") or {}).items()}
    out["summary"] = summary_from(remaining_facts)
    out["goals_mentioned"] = [g for g in values.get("goals_mentioned", []) if not mentions(g["text"], topics)]
    return out
