"""Labels for helper utterances: the fitted heads (assistant/reading/utterance.py) plus explainable rules."""

from __future__ import annotations

import re

import numpy as np

from assistant.reading import directive as guard_rules
from assistant.reading.utterance import _sigmoid, feature_matrix, fitted, probabilities, thresholds
from assistant.review import advice
from assistant.review.context import context_features

LABELS = ["open_question", "closed_question", "simple_reflection", "complex_reflection", "affirmation", "information",
          "advice", "possible_advice", "advice_with_permission", "goal_imposition", "seeking_collaboration", "emphasizing_autonomy", "other"]

AFFIRM = re.compile(r"\b(well done|good (job|for you|point)|great (job|work|idea|question)|that'?s (great|impressive|a real strength|brave)|"
                    r"you'?ve (worked|done) (so )?(hard|well)|i admire|you (did|handled) (it|that) well|impressive|thank you for sharing)\b", re.I)
AUTONOMY = re.compile(r"\b(it'?s (up to you|your (choice|decision|call))|you('re| are) the (expert|best judge)|you (decide|choose)|"
                      r"whatever you decide|only you can|your call)\b", re.I)
COLLAB = re.compile(r"\b(would it be (ok|okay|alright)|is it (ok|okay) if|may i|can i (share|offer|suggest)|would you like (me|to)|"
                    r"what do you think (about|of)|shall we|together|how would you like to)\b", re.I)
PERMISSION_GIVEN = re.compile(r"\b(yes|sure|ok(ay)?|please|go ahead)\b", re.I)
# Input framed as a choice among several. "Some people" or "you could" alone is not enough: "you're not drinking
# as much as some people out there" offers nothing, and a trainer reads "with permission" as a strength.
OPTION_WORDS = re.compile(r"\b(one option|another option|(some|a few|several|other|two|three) (options|choices|ideas)|"
                          r"options (are|would be|include)|up to you which|whichever (one|you))\b", re.I)


TWO_SIDED = re.compile(r"\bon (the )?one hand\b.*\bon the other\b|\bpart of you\b.*\b(and|but) (another )?part\b", re.I | re.S)


def label_utterances(texts: list[str], previous: list[str], permission: list[bool],
                     previous_helper: list[str] | None = None) -> list[list[str]]:
    """Labels per helper utterance. `permission`: the person asked for or agreed to input just before;
    `previous_helper`: the helper's own turn before this one (did they ask permission?)."""
    previous_helper = previous_helper or [""] * len(texts)
    X = feature_matrix(texts, previous)
    probs = probabilities(texts, previous, X)
    ctx = np.array([context_features(t, p, h) for t, p, h in zip(texts, previous, previous_helper)]).reshape(len(texts), -1)
    return decide(texts, probs, advice.scores(X, ctx), thresholds(), advice.thresholds(), permission)


def decide(texts: list[str], probs: dict[str, np.ndarray], advice_p: np.ndarray, cut: dict[str, float],
           advice_cut: tuple[float, float], permission: list[bool]) -> list[list[str]]:
    """The labels from the heads' probabilities and the rules (evals/review/fit.py validates this same function on
    out-of-fold probabilities). Advice is a finding only at or above the precise threshold; between the two it is
    "possible_advice", which the report shows apart, never as a finding."""
    finding, possible = advice_cut
    out = []
    for i, text in enumerate(texts):
        on = {lab for lab in cut if probs[lab][i] >= cut[lab]}
        labels: set[str] = set()
        is_question = text.rstrip().endswith("?")
        reflect_p = max(probs["simple_reflection"][i], probs["complex_reflection"][i])
        question_p = max(probs["open_question"][i], probs["closed_question"][i])
        # "So on one hand you like the taste, but on the other ...?": a reflection that ends in a question mark
        reflective = bool(TWO_SIDED.search(text)) or (bool({"simple_reflection", "complex_reflection"} & on) and reflect_p > question_p)
        hits = guard_rules.rule_hits(text)
        if ("open_question" in on or "closed_question" in on or is_question) and not reflective:
            if is_question or probs["open_question"][i] + probs["closed_question"][i] > 1:
                labels.add("open_question" if probs["open_question"][i] >= probs["closed_question"][i] else "closed_question")
        if TWO_SIDED.search(text):
            labels.add("complex_reflection")
        elif (reflective or not is_question) and not hits and ({"simple_reflection", "complex_reflection"} & on):
            labels.add("complex_reflection" if probs["complex_reflection"][i] >= probs["simple_reflection"][i] else "simple_reflection")
        if any(guard_rules.is_goal_imposition(h) for h in hits):
            labels.add("goal_imposition")
        offered = permission[i] or bool(OPTION_WORDS.search(text)) or bool(COLLAB.search(text))
        if advice_p[i] >= possible or "options" in on or any(not guard_rules.is_goal_imposition(h) for h in hits):
            if offered:
                labels.add("advice_with_permission")
            elif advice_p[i] >= finding:  # a "you should" rule alone, or with a middling score, measured less precise
                labels.add("advice")
            else:
                labels.add("possible_advice")
        if "information" in on and not labels & {"advice", "possible_advice", "advice_with_permission"}:
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
    # "possible_advice" counts as advice here: the directiveness weights were fitted on advice predicted at a
    # best-F1 threshold, which is where "possibly" begins, not at the precise threshold of a finding.
    mapping = {"advice": "advice", "possible_advice": "advice", "advice_with_permission": "options", "information": "information",
               "seeking_collaboration": "negotiation", "open_question": "open_question",
               "closed_question": "closed_question", "simple_reflection": "simple_reflection",
               "complex_reflection": "complex_reflection"}
    for labels in label_lists:
        for lab in labels:
            if lab in mapping:
                share[mapping[lab]] += 1 / len(label_lists)
    z = float(np.dot([share[lab] for lab in m["labels"]], m["coef"]) + m["intercept"])
    return round(float(_sigmoid(np.array(z))), 3)
