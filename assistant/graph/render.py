"""The one place replies are written: a Move, its facts and the reflections become sentences, from the fixed
texts in prompts/. Where did a sentence come from? From here, and from a file named in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.dates import spoken
from assistant.graph.moves import Kind, Move
from assistant.graph.state import Draft
from assistant.prompts import load_prompt
from assistant.safety import Resources

PART_LABELS = {"specific": "Specific", "measurable": "Measurable", "achievable": "Achievable", "relevant": "Relevant",
               "time_bound": "Time-bound"}


@dataclass
class Reply:
    parts: list[str] = field(default_factory=list)  # paragraphs, in order
    reflections: list[str] = field(default_factory=list)  # which of them reflect the person

    @property
    def text(self) -> str:
        return "\n\n".join(p for p in self.parts if p)


def draft_block(draft: Draft) -> str:
    open_ = load_prompt("draft_open")
    block = load_prompt("draft", statement=draft.get("statement") or open_, yours=draft.get("yours") or load_prompt("draft_yours"),
                        **{k: draft.get(k) or open_ for k in PART_LABELS})
    return block + (f"\n{steps_line(draft)}" if draft.get("actions") else "")


def steps_line(draft: Draft) -> str:
    return f"- **First steps:** {'; '.join(draft['actions'])}"


def part_lines(draft: Draft, added: list[str]) -> str:
    """The parts just added or changed, one line each, as the draft shows them."""
    lines = [f"- **Goal:** {draft['statement']}"] if "statement" in added and draft.get("statement") else []
    lines += [f"- **{PART_LABELS[p]}:** {draft[p]}" for p in added if p in PART_LABELS and draft.get(p)]
    if "actions" in added and draft.get("actions"):
        lines.append(steps_line(draft))
    return "\n".join(dict.fromkeys(lines))


def added_lines(draft: Draft, added: list[str]) -> str:
    lines = part_lines(draft, added)
    return load_prompt("draft_added", lines=lines) if lines else ""


def _step_lines(actions: list[dict]) -> str:
    return "\n".join(f"- {a['text']} (by {a['due']})" for a in actions)


def _added_step_lines(facts: dict) -> str:
    """The steps this move added, as the store keeps them (with their dates)."""
    added = [t for t, _ in facts["actions"]]
    return _step_lines([a for a in facts.get("saved_actions", []) if a["text"] in added])


def render(move: Move, *, reflections: list[str], notice: str | None = None, injection: bool = False,
           options: list[str] = (), resources: Resources | None = None) -> Reply:
    reply = Reply()
    facts = move.facts
    kind = move.kind

    if kind == Kind.NOTICE:
        reply.parts.append(notice or "")
        return reply
    if kind == Kind.SAFETY_CHECK:
        reply.parts.append(load_prompt("safety_check", short=resources.short))
        return reply
    if kind == Kind.SAFETY:
        lines = "\n".join(f"- **{name}:** {how}" for name, how in resources.lines)
        reply.parts.append(load_prompt("safety", emergency=resources.emergency, lines=lines))
        return reply

    if facts.get("greeting_goal"):
        reply.parts.append(load_prompt("welcome_back", goal=facts["greeting_goal"]))
    if injection:
        reply.parts.append(load_prompt("injection"))
    else:
        if (move.info.reflects or facts.get("reflect")) and reflections:
            reply.reflections = list(reflections)
            reply.parts.append(" ".join(reflections))
        if facts.get("changed"):  # an edit: the parts they changed, in their words, after what they meant by it
            reply.parts.append(load_prompt("draft_changed", lines=part_lines(facts["draft"], facts["changed"])))
    if facts.get("check_in_noted") and kind in (Kind.DRAFT_ASK, Kind.EXAMINE, Kind.PRESENT_DRAFT):
        reply.parts.append(load_prompt("checkin_noted", check_in=spoken(facts["check_in_noted"])))  # "check in sun 9 feb?"
    if facts.get("picked"):  # one of the options just listed, which is in their draft now as a step of theirs
        reply.parts.append(load_prompt("option_own_way") if facts["picked"] == "your own way" else
                           load_prompt("option_picked", option=facts["picked"][:1].upper() + facts["picked"][1:]))

    if kind == Kind.AFTER_SAFETY:  # the person leads: a warm line, help named once more, a question that varies
        lines = load_prompt("after_safety", short=resources.short).splitlines()
        reply.parts.append(lines[facts.get("step", 0) % len(lines)])
    elif kind == Kind.ASIDE:
        reply.parts.append(load_prompt("aside_about" if facts.get("topic") == "about" else "aside_off_topic"))
    elif kind == Kind.FORGET:
        reply.parts.append(load_prompt("forgotten", topic=facts["topic"], count=facts.get("count", 0)))
    elif kind == Kind.CONNECT:
        reply.parts.append(load_prompt("connect", goals="; ".join(facts.get("goals", []))))
    elif kind == Kind.INVITE_GOAL and facts.get("draft") and facts.get("added"):
        reply.parts.append(added_lines(facts["draft"], facts["added"]))  # given before any goal: kept for it
    elif kind == Kind.ADVICE_OFFER:
        reply.parts.append(load_prompt("advice_offer"))
    elif kind == Kind.OPTIONS and facts.get("again"):
        reply.parts.append(load_prompt("options_again"))
    elif kind == Kind.OPTIONS:
        reply.parts.append(load_prompt("options", options="\n".join(f"- {o}" for o in options)))
    elif kind in (Kind.DRAFT_ASK, Kind.EXAMINE):
        if facts.get("insist"):
            reply.parts.append(load_prompt("insist", skipped="some of the questions about where this goal came from"))
        draft = facts.get("draft") or {}
        if draft and facts.get("show_draft"):
            reply.parts.append(draft_block(draft))
        elif draft and facts.get("added"):
            reply.parts.append(added_lines(draft, facts["added"]))
    elif kind == Kind.PRESENT_DRAFT and facts.get("unchanged"):
        if facts.get("already"):
            reply.parts.append(load_prompt("draft_already", lines=part_lines(facts["draft"], facts["already"])))
        reply.parts.append(load_prompt("draft_unchanged"))
    elif kind == Kind.PRESENT_DRAFT:
        draft = facts["draft"]
        # the kind is a field of the draft like the others, not a verdict on it
        reply.parts.append(draft_block(draft) + "\n" + load_prompt("draft_complete", kind=draft.get("kind", "developmental")))
        reply.parts.append(load_prompt("draft_question"))
    elif kind == Kind.ACTIONS_ASK:
        reply.parts.append(_accepted(facts))
        if facts.get("steps"):
            reply.parts.append(load_prompt("actions_more", steps=steps_line({"actions": facts["steps"]})))
    elif kind == Kind.ACTIONS_RETRY and facts.get("added"):
        reply.parts.append(added_lines(facts["draft"], facts["added"]))
    elif kind == Kind.ACTIONS_RETRY and facts.get("check_in_noted"):
        reply.parts.append(load_prompt("checkin_noted", check_in=spoken(facts["check_in_noted"])))
    elif kind == Kind.ACTIONS_RETRY:
        reply.parts.append(load_prompt("actions_retry", count=facts.get("count", 0)))
    elif kind == Kind.SAVE_GOAL:
        if facts.get("save_error"):
            reply.parts.append(load_prompt("save_failed", error=facts["save_error"]))
        else:
            listing = _step_lines(facts["saved_actions"])
            reply.parts.append(_accepted(facts) if facts.get("accepted_now") else "")
            reply.parts.append(load_prompt("saved_their_check_in" if facts.get("check_in_theirs") else "saved",
                                           actions=listing, check_in=spoken(facts["next_check_in"])))
    elif kind == Kind.SET_CHECK_IN:
        reply.parts.append(load_prompt("save_failed", error=facts["save_error"]) if facts.get("save_error")
                           else load_prompt("checkin_set", check_in=spoken(facts["next_check_in"])))
        if facts.get("actions") and not facts.get("save_error"):
            reply.parts.append(load_prompt("steps_added", actions=_added_step_lines(facts)))
        if facts.get("farewell") and not facts.get("save_error"):
            reply.parts.append(load_prompt("farewell"))
    elif kind == Kind.ADD_STEPS:
        reply.parts.append(load_prompt("save_failed", error=facts["save_error"]) if facts.get("save_error")
                           else load_prompt("steps_added", actions=_added_step_lines(facts)))
    elif kind == Kind.REVISE_SAVED:
        reply.parts.append(load_prompt("save_failed", error=facts["save_error"]) if facts.get("save_error") else
                           load_prompt("revised_saved", lines=part_lines(facts["draft"], facts["added"])))
    elif kind == Kind.ALREADY_SAVED:
        reply.parts.append(load_prompt("farewell") if facts.get("farewell") else load_prompt("already_saved"))
    elif kind == Kind.REJECTED:
        reply.parts.append(load_prompt("rejected"))
    elif kind == Kind.CHECKIN_OPEN:
        reply.parts.append(load_prompt("checkin_open", statement=facts["statement"]))
    elif kind == Kind.CHECKIN_ASK and facts.get("milestone"):
        reply.parts.append(load_prompt("milestone"))
    elif kind == Kind.SAVE_CHECK_IN:
        reply.parts.append(load_prompt("save_failed", error=facts["save_error"]) if facts.get("save_error") else
                           load_prompt("checkin_saved", progress=facts["progress"], next_check_in=spoken(facts["next_check_in"]),
                                       revised=load_prompt("checkin_revised") if facts.get("revised") else ""))

    question = move.question or facts.get("question_text") or ""
    if kind == Kind.OPTIONS:
        question = load_prompt("options_question")
    if question:
        reply.parts.append(question)
    reply.parts = [p for p in reply.parts if p]
    return reply


def _accepted(facts: dict) -> str:
    """The yes, heard: with the goal in the words they just gave it, when they gave new ones."""
    words = facts.get("accepted_words")
    return load_prompt("accepted_words", words=words.strip()) if words else load_prompt("accepted")
