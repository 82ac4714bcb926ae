"""Play a mentee's scripted turns through the self-coaching graph, as a person in the chat would."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import yaml

from assistant.coach import Coach, TurnResult


class ScriptError(ValueError):
    """A replay file that cannot be read as a list of mentee turns."""


def load_turns(path: Path) -> list[str]:
    """YAML (a list of turns, or a mapping with `turns:`) or plain text with one turn per line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScriptError(f"Cannot read {path}: {exc}") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.load(raw, Loader=yaml.BaseLoader)  # every turn stays text: "yes", "no", "3" as typed
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" at line {mark.line + 1}" if mark else ""
            raise ScriptError(f"{path} is not valid YAML{line}: {getattr(exc, 'problem', exc)}") from exc
        turns = data.get("turns") if isinstance(data, dict) else data
        if not isinstance(turns, list):
            raise ScriptError(f"{path}: expected a list of turns, or a mapping with a 'turns' list")
        out = []
        for i, t in enumerate(turns, start=1):
            text = t.get("user") if isinstance(t, dict) else t
            if not isinstance(text, str):
                raise ScriptError(f"{path}: turn {i} is not text")
            out.append(text)
    else:
        out = [line for line in raw.splitlines() if line.strip()]
    if not out:
        raise ScriptError(f"{path} holds no turns")
    return out


async def replay(coach: Coach, turns: list[str], *, user: str, thread_id: str | None = None) -> tuple[list[TurnResult], list[dict]]:
    thread_id = thread_id or f"replay-{uuid.uuid4().hex[:12]}"
    results = [await coach.turn(thread_id, user, text) for text in turns]
    return results, coach.deps.goals.list_goals(user)


def render(results: list[TurnResult], goals: list[dict], *, as_json: bool) -> str:
    if as_json:
        lines = [json.dumps(r.contract(), ensure_ascii=False) for r in results]
        lines.append(json.dumps({"goals": goals}, ensure_ascii=False))
        return "\n".join(lines)
    out = []
    for r in results:
        out.append(f"mentee: {r.user}")
        flag = f"  [guard: {r.imposition['action']}; caught {', '.join(r.imposition['caught'])}]" if r.imposition["caught"] else ""
        out.append(f"waymark ({r.phase}/{r.move.get('kind')}){flag}:\n{r.assistant}\n")
    for g in goals:
        out.append(f"goal #{g['id']} ({g['kind']}): {g['statement']} — next check-in {g['next_check_in']}")
    return "\n".join(out)
