"""Listening: whether what the person offers is taken up, whether anything they gave is asked for again,
whether replies parrot them, and how soon a concrete goal of their own becomes a draft.

Each scenario marks the turns that state a goal, a measure, a timeframe or an action (`statements`), and the
turn at which the person's own goal is concrete (`concrete_goal_turn`). A parrot passes uptake but fails
parroting; a questionnaire passes parroting but fails uptake and re-asking; only listening passes all of them.
"""

from __future__ import annotations

import re
import statistics

from assistant.reading.reflect import copied_run
from assistant.text import content_words, sentences
from evals.scorers.premature import DRAFTING
from evals.transcript import Run

# Questions that ask for each kind of statement; a reply asking one after it was given re-asks.
ASKS_FOR = {
    "goal": re.compile(r"\b(what would you like to (work toward|achieve|aim for)|what (is|would be) your goal|"
                       r"what do you want to (achieve|work on)|what goal)\b", re.I),
    "measure": re.compile(r"\b(how (would|will|could|do) you (know|measure|tell)|how (would|will) you know you|"
                          r"what would you see or be able to count|how will you measure|how would you measure)\b", re.I),
    "timeframe": re.compile(r"\b(by when|what'?s your (deadline|timeline|timeframe)|when would you like to (get there|reach|achieve)|"
                            r"what timeframe|how long (do you|would you) (give|want))\b", re.I),
    "action": re.compile(r"\b(which first steps|what (are|would be) your first steps?|what will you do first)\b", re.I),
    "reason": re.compile(r"\b(why (does|would) (it|this) matter|how does this connect with what matters|"
                         r"what would reaching this goal give you)\b", re.I),
    "feasibility": re.compile(r"\b(what makes this within your reach|what would (it take|stretch you)|how (doable|realistic) is)\b", re.I),
}
# Lines of a drafted goal, and a saved goal's first steps: the person's words placed into their goal, which is the
# point, not parroting.
DRAFT_LINE = re.compile(r"^\s*(\*\*goal:?\*\*|- \*\*[\w -]+:\*\*|added to your draft|in your draft now|here is the draft|- .*\(by \d{4}-\d{2}-\d{2}\)$)",
                        re.I)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text)} | set(re.findall(r"\b\d+\b", text))


def _questions(reply: str) -> list[str]:
    return [s for s in sentences(reply) if s.rstrip().endswith("?")]


def _prose(reply: str) -> str:
    """The reply without the lines of a drafted goal."""
    return "\n".join(line for line in reply.splitlines() if not DRAFT_LINE.match(line))


def taken_up(reply: str, statement: dict) -> bool:
    """The reply refers to what was stated (its substance, by its key words) and does not ask for it again."""
    if any(ASKS_FOR[statement["kind"]].search(q) for q in _questions(reply)):
        return False
    return bool(_stems(statement["words"]) & _stems(reply))


def uptake(run: Run) -> dict:
    marks = run.scenario.get("statements") or []
    taken = [taken_up(run.turns[m["turn"] - 1].assistant, m) for m in marks if m["turn"] <= len(run.turns)]
    return {"statements": len(taken), "taken_up": sum(taken)}


def re_asks(run: Run) -> dict:
    """Replies that ask for a kind of statement the person had already made, over replies after the first one."""
    given: set[str] = set()
    marks = run.scenario.get("statements") or []
    asked_again, replies = [], 0
    for n, turn in enumerate(run.turns, start=1):
        given |= {m["kind"] for m in marks if m["turn"] <= n}
        if not given:
            continue
        replies += 1
        hits = [k for k in given if any(ASKS_FOR[k].search(q) for q in _questions(turn.assistant))]
        if hits:
            asked_again.append((n, hits))
    return {"replies": replies, "re_asking": asked_again}


def parroting(run: Run) -> list[int]:
    """Turns whose reply (drafted-goal lines aside) copies six or more consecutive words of the person's message."""
    return [n for n, t in enumerate(run.turns, start=1) if copied_run(_prose(t.assistant), t.user)]


SAVED = re.compile(r"^Saved, with these first steps:", re.M)


def turns_to_draft(run: Run) -> int | None:
    """Turns from the person's concrete goal of their own to the first reply that shows a draft, or saves it (a
    draft accepted with its steps, as when steps answer a draft shown before); None if never."""
    start = run.scenario.get("concrete_goal_turn")
    if not start:
        return None
    for n in range(start, len(run.turns) + 1):
        if DRAFTING.search(run.turns[n - 1].assistant) or SAVED.search(run.turns[n - 1].assistant):
            return n - start
    return -1  # never drafted within the scenario


def median_turns_to_draft(values: list[int]) -> float | None:
    """Median over scenarios with a concrete goal; a goal never drafted counts as the longest possible wait."""
    if not values:
        return None
    middle = statistics.median([v if v >= 0 else float("inf") for v in values])
    return None if middle == float("inf") else middle
