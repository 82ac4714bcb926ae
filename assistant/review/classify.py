"""Labels for helper utterances: the fitted heads (assistant/reading/utterance.py) plus explainable rules."""

from __future__ import annotations

import re

import numpy as np

from assistant.reading import directive as guard_rules
from assistant.reading.utterance import _sigmoid, fitted, probabilities, thresholds

LABELS = ["open_question", "closed_question", "simple_reflection", "complex_reflection", "affirmation", "information",
          "advice", "advice_with_permission", "goal_imposition", "seeking_collaboration", "emphasizing_autonomy", "other"]

AFFIRM = re.compile(r"\b(well done|good (job|for you|point)|great (job|work|idea|question)|that'?s (great|impressive|a real strength|brave)|"
                    r"you'?ve (worked|done) (so )?(hard|well)|i admire|you (did|handled) (it|that) well|impressive|thank you for sharing)\b", re.I)
AUTONOMY = re.compile(r"\b(it'?s (up to you|your (choice|decision|call))|you('re| are) the (expert|best judge)|you (decide|choose)|"
                      r"whatever you decide|only you can|your call)\b", re.I)
COLLAB = re.compile(r"\b(would it be (ok|okay|alright)|is it (ok|okay) if|may i|can i (share|offer|suggest)|would you like (me|to)|"
                    r"what do you think (about|of)|shall we|together|how would you like to)\b", re.I)
PERMISSION_GIVEN = re.compile(r"\b(yes|sure|ok(ay)?|please|go ahead)\b", re.I)
OPTION_WORDS = re.compile(r"\b(some people|one option|another option|options|you (could|might)|if you (like|want|wish))\b", re.I)


def label_utterances(texts: list[str], previous: list[str], permission: list[bool]) -> list[list[str]]:
    """Labels per helper utterance. `permission`: the person asked for or agreed to input just before."""
    probs = probabilities(texts, previous)
    cut = thresholds()
    out = []
    for i, text in enumerate(texts):
        on = {lab for lab in cut if probs[lab][i] >= cut[lab]}
        labels: set[str] = set()
        is_question = text.rstrip().endswith("?")
        if "open_question" in on or "closed_question" in on or is_question:
            if is_question or probs["open_question"][i] + probs["closed_question"][i] > 1:
                labels.add("open_question" if probs["open_question"][i] >= probs["closed_question"][i] else "closed_question")
        hits = guard_rules.rule_hits(text)
        if not is_question and not hits and ({"simple_reflection", "complex_reflection"} & on):
            labels.add("complex_reflection" if probs["complex_reflection"][i] >= probs["simple_reflection"][i] else "simple_reflection")
        if any(guard_rules.is_goal_imposition(h) for h in hits):
            labels.add("goal_imposition")
        advice_like = "advice" in on or any(not guard_rules.is_goal_imposition(h) for h in hits) or "options" in on
        if advice_like:
            if permission[i] or OPTION_WORDS.search(text):
                labels.add("advice_with_permission")
            else:
                labels.add("advice")
        if "information" in on and not advice_like:
            labels.add("information")
        if AFFIRM.search(text):
            labels.add("affirmation")
        if AUTONOMY.search(text):
            labels.add("emphasizing_autonomy")
        if COLLAB.search(text) or "negotiation" in on:
            labels.add("seeking_collaboration")
        out.append(sorted(labels) or ["other"])
    return out


def directiveness(label_lists: list[list[str]]) -> float:
    """In [0, 1], higher = more directive: the fitted transcript model over shares of predicted AnnoMI labels."""
    m = fitted()["directiveness"]
    if not label_lists:
        return 0.0
    share = {lab: 0.0 for lab in m["labels"]}
    mapping = {"advice": "advice", "advice_with_permission": "options", "information": "information",
               "seeking_collaboration": "negotiation", "open_question": "open_question",
               "closed_question": "closed_question", "simple_reflection": "simple_reflection",
               "complex_reflection": "complex_reflection"}
    for labels in label_lists:
        for lab in labels:
            if lab in mapping:
                share[mapping[lab]] += 1 / len(label_lists)
    z = float(np.dot([share[lab] for lab in m["labels"]], m["coef"]) + m["intercept"])
    return round(float(_sigmoid(np.array(z))), 3)
