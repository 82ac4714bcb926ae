"""Review a mentoring or coaching transcript: who the helper is, what each helper turn does, and whose goals emerged."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.dates import parse_when
from assistant.reading import Reading, read_many
from assistant.reading.spans import goal_mentions
from assistant.review.alternatives import alternative
from assistant.review.classify import directiveness, label_utterances
from assistant.review.parse import Turn, TranscriptError
from assistant.text import content_words, overlap

HELPER_NAMES = re.compile(r"\b(therapist|mentor|coach|counsell?or|interviewer|trainer|helper|advis[eo]r|facilitator|"
                          r"clinician|practitioner|manager|supervisor|tutor)\b", re.I)
PERSON_NAMES = re.compile(r"\b(client|mentee|coachee|patient|student|participant|person)\b", re.I)
HELPER_GOAL = re.compile(r"\b(?:your (?:goal|target|aim|objective) (?:is|should be|will be|needs to be) (?:to )?|i want you to |"
                         r"you (?:should|need to|must) (?:aim|set a goal|target) (?:to |for )?|you could aim to |"
                         r"let'?s set (?:a|the|your) goal (?:to|of) )(?P<goal>[^.!?\n]{3,120})", re.I)
MITI = {"reflection_to_question": (1.0, 2.0), "complex_reflection_pct": (40.0, 50.0)}
BATCH = 128


@dataclass
class Utterance:
    index: int
    speaker: str
    role: str
    text: str
    line: int
    labels: list[str]

    @property
    def imposing(self) -> bool:
        return "advice" in self.labels or "goal_imposition" in self.labels

    def as_dict(self) -> dict:
        return {"index": self.index, "speaker": self.speaker, "role": self.role, "text": self.text,
                "labels": self.labels, "imposing": self.imposing}


def detect_helper(turns: list[Turn], helper: str | None) -> tuple[str, str]:
    """The helper's name, and how it was decided."""
    speakers = list(dict.fromkeys(t.speaker for t in turns))
    if helper:
        match = next((s for s in speakers if s.lower() == helper.lower()), None)
        if match is None:
            raise TranscriptError(f"--helper {helper!r} is not a speaker here; speakers are {', '.join(speakers)}")
        return match, "named with --helper"
    named = [s for s in speakers if HELPER_NAMES.search(s)]
    if len(named) == 1:
        return named[0], f"the speaker label '{named[0]}' names a helping role"
    others = [s for s in speakers if not PERSON_NAMES.search(s)]
    candidates = others if len(others) == 1 else speakers
    if len(candidates) == 1:
        return candidates[0], "the other speaker is labelled as the person being helped"

    def question_share(s: str) -> float:
        mine = [t for t in turns if t.speaker == s]
        return sum("?" in t.text for t in mine) / max(len(mine), 1)

    best = max(speakers, key=question_share)
    return best, f"'{best}' asks the most questions ({question_share(best):.0%} of their turns)"


def _goals(utts: list[Utterance]) -> list[dict]:
    """Each goal discussed, who first said it (helper or person), and which SMARTY criteria its words meet."""
    found: list[dict] = []
    for u in utts:
        texts = ([(words, whose) for words, whose, _ in goal_mentions(u.text)] if u.role == "person"
                 else [(m["goal"].strip(), "helper") for m in HELPER_GOAL.finditer(u.text)])
        for text, whose in texts:
            if len(content_words(text)) < 2:
                continue
            same = next((g for g in found if overlap(text, g["goal"]) >= 0.5 or overlap(g["goal"], text) >= 0.5), None)
            if same:
                same["mentions"].append(u.index)
                continue
            found.append({"goal": text, "first_said_by": u.role, "whose": whose if u.role == "person" else "helper",
                          "first_index": u.index, "mentions": [u.index], "person_words_share": None})
    person_text = " ".join(u.text for u in utts if u.role == "person")
    for g in found:
        g["person_words_share"] = round(overlap(g["goal"], person_text), 2)
        g["smarty"] = {
            "specific": len(content_words(g["goal"])) >= 3,
            "measurable": bool(re.search(r"\b(\d+|once|twice|times|per|every|percent|%)\b", g["goal"], re.I)),
            "time_bound": parse_when(g["goal"]) is not None,
            "yours": g["first_said_by"] == "person" and g["whose"] != "someone_else",
        }
        g["meets_smarty"] = all(g["smarty"].values())
    return found


# A helper's reply to a risk moment should name human help; this is what a trainer looks for.
SIGNPOST = re.compile(r"\b(988|116 ?123|911|999|112|emergency|crisis (line|service)|samaritans|hotline|helpline|doctor|gp\b|"
                      r"someone you trust|are you safe|keep(ing)? (yourself )?safe|safety plan|professional help|counsell?or)\b", re.I)


ASKS_INPUT = re.compile(r"\b(what should i|any advice|tell me what|suggest)", re.I)
AGREES = re.compile(r"\s*(yes|sure|ok|okay|please|go ahead)", re.I)
OFFERS = re.compile(r"\b(would it be (ok|okay|alright)|may i|can i (share|suggest|offer)|would you like (some|me to))\b", re.I)


def helper_context(turns: list[tuple[str, str]]) -> tuple[list[str], list[str], list[bool]]:
    """For each helper turn in (role, text) order: the person's last turn, the helper's own last turn, and whether
    the person had asked for input or agreed to it when offered."""
    previous, previous_helper, permission = [], [], []
    last_person = last_helper = ""
    asked = False
    for role, text in turns:
        if role == "person":
            last_person = text
            asked = (asked and bool(AGREES.match(text))) or bool(ASKS_INPUT.search(text))
        else:
            previous.append(last_person)
            previous_helper.append(last_helper)
            permission.append(asked)
            last_helper = text
            asked = bool(OFFERS.search(text))
    return previous, previous_helper, permission


def review(turns: Iterable[Turn], *, helper: str | None = None,
           progress: Callable[[int, int], None] | None = None) -> dict:
    turns = list(turns)
    helper_name, how = detect_helper(turns, helper)
    utts = [Utterance(i, t.speaker, "helper" if t.speaker == helper_name else "person", t.text, t.line, [])
            for i, t in enumerate(turns)]
    helper_idx = [u.index for u in utts if u.role == "helper"]
    previous, previous_helper, permission = helper_context([(u.role, u.text) for u in utts])
    for start in range(0, len(helper_idx), BATCH):
        batch = helper_idx[start:start + BATCH]
        labels = label_utterances([utts[i].text for i in batch], previous[start:start + BATCH],
                                  permission[start:start + BATCH], previous_helper[start:start + BATCH])
        for i, lab in zip(batch, labels):
            utts[i].labels = lab
        if progress:
            progress(min(start + BATCH, len(helper_idx)), len(helper_idx))
    return summarise(utts, helper_name, how)


def summarise(utts: list[Utterance], helper_name: str, how: str) -> dict:
    helpers = [u for u in utts if u.role == "helper"]
    count = lambda lab: sum(lab in u.labels for u in helpers)  # noqa: E731
    questions = count("open_question") + count("closed_question")
    reflections = count("simple_reflection") + count("complex_reflection")
    words = lambda us: sum(len(u.text.split()) for u in us)  # noqa: E731
    metrics = {
        "directiveness": directiveness([u.labels for u in helpers]),
        "helper_talk_share": round(words(helpers) / max(words(utts), 1), 3),
        "reflection_to_question": round(reflections / questions, 2) if questions else None,
        "open_question_pct": round(100 * count("open_question") / questions, 1) if questions else None,
        "complex_reflection_pct": round(100 * count("complex_reflection") / reflections, 1) if reflections else None,
        "advice_without_permission": count("advice"),
        "goal_impositions": count("goal_imposition"),
    }
    standing = {}
    for key, (fair, good) in MITI.items():
        value = metrics[key]
        standing[key] = ("not enough data" if value is None else
                         "good" if value >= good else "fair" if value >= fair else "below fair")
    people = [u for u in utts if u.role == "person"]
    readings = dict(zip((u.index for u in people), read_many([u.text for u in people]))) if people else {}
    last_person: dict[int, Reading | None] = {}
    seen = None
    for u in utts:
        last_person[u.index] = seen
        if u.role == "person":
            seen = readings[u.index]
    flagged = [{"index": u.index, "text": u.text, "labels": u.labels, "suggestion": alternative(u.text, u.labels, last_person[u.index])}
               for u in helpers if u.imposing]
    # Below the precise threshold: worth a look, never a finding (a trainer reads a finding as a claim).
    possibly = [{"index": u.index, "text": u.text, "labels": u.labels} for u in helpers
                if "possible_advice" in u.labels and not u.imposing]
    # Asking permission and emphasising autonomy are strengths, as MI codes them, beside complex reflections.
    strengths = [{"index": u.index, "text": u.text, "labels": u.labels} for u in helpers if not u.imposing and
                 ({"complex_reflection", "emphasizing_autonomy", "seeking_collaboration", "advice_with_permission",
                   "affirmation"} & set(u.labels))][:6]
    risks = []
    for u in people:
        if readings[u.index].risk.level != "high":
            continue
        reply = next((h for h in helpers if h.index > u.index), None)
        risks.append({"index": u.index, "text": u.text, "why": readings[u.index].risk.why,
                      "helper_reply_index": reply.index if reply else None,
                      "helper_responded": bool(reply and SIGNPOST.search(reply.text))})
    metrics["risk_moments"] = len(risks)
    metrics["risk_moments_answered"] = sum(r["helper_responded"] for r in risks)
    return {"helper": helper_name, "helper_detection": how, "utterances": [u.as_dict() for u in utts],
            "metrics": metrics, "miti": standing, "goals": _goals(utts), "flagged": flagged, "strengths": strengths,
            "possibly": possibly, "risks": risks}
