"""Everything Waymark holds about one person, as JSON and Markdown."""

from __future__ import annotations

from assistant.goals.export import to_markdown as goals_markdown


def bundle(owner: str, facts: list[dict], goals: list[dict], conversations: dict[str, list[dict]]) -> dict:
    return {"person": owner, "profile": facts, "goals": goals, "conversations": conversations}


def to_markdown(data: dict) -> str:
    lines = [f"# Everything Waymark holds about {data['person']}", "", "## What I remember", ""]
    lines += [f"- ({f['field']}) {f['text']} — from your words “{f['source_words'][:120]}” on {f['at'][:10]}"
              for f in data["profile"]] or ["Nothing."]
    lines += ["", goals_markdown(data["person"], data["goals"]).replace("# Goals of", "## Goals of"), "## Conversations", ""]
    for thread, history in data["conversations"].items():
        lines += [f"### {thread}", ""] + [f"- **{m['role']}**: {m['content']}" for m in history] + [""]
    return "\n".join(lines) + "\n"
