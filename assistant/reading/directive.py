"""Phrases that tell a person what to do, what their goal is, or what to think of their goals. Cheap enough to
run on every sentence of every reply; the guard and the transcript reviewer both use them."""

from __future__ import annotations

import re

# Each pattern: (reason, regex). Matched case-insensitively against one reply.
DIRECTIVE = [
    ("directive: 'you should/must/need to'", r"\byou (really )?(should|must|need to|have to|ought to|'ve got to|gotta)\b"),
    ("directive: 'why don't you'", r"\bwhy (don't|dont|not) you\b"),
    ("directive: recommendation", r"\b(i|we) (would |'d )?(strongly )?(recommend|suggest|advise|urge)\b"),
    ("directive: 'my advice'", r"\bmy (advice|recommendation|suggestion)\b"),
    ("directive: 'the best thing'", r"\bthe (best|right|only) (thing|way|option|approach|move) (is|would be|for you)\b"),
    ("directive: 'it's important that you'", r"\bit'?s (important|essential|crucial|vital) (that you|for you to|to)\b"),
    ("directive: imperative opening", r"(^|[.!?]\s+)(make sure|be sure|remember to|don't forget|try to|start by|focus on|stop|avoid|consider|go and)\b"),
    ("directive: 'you will need'", r"\byou('ll| will) (need|have) to\b"),
    ("directive: 'what you need is'", r"\bwhat you (need|should do|must do) (is|now)\b"),
    ("directive: 'if I were you'", r"\bif i were you\b"),
]

GOAL_IMPOSITION = [
    ("goal imposition: 'your goal is/should be'", r"\byour (goal|objective|aim|target|priority) (should|must|needs to|has to|will|is going to|is to|is)\b"),
    ("goal imposition: 'you should aim'", r"\byou (should|must|need to) (aim|target|set|pursue|work towards?)\b"),
    ("goal imposition: 'set a goal to'", r"\b(set|make|choose) (a|the|this) (goal|target) (to|of)\b"),
    ("goal imposition: 'the goal for you'", r"\bthe (goal|target|objective) for you\b"),
    ("goal imposition: 'I've set'", r"\bi('ve| have) (set|chosen|picked|decided) (your|a|the) (goal|target)\b"),
    ("goal imposition: 'you want to' asserted", r"\bwhat you (really|truly) want is\b"),
]

# Judging the person's goals for them: whether they are realistic, ambitious enough, or truly theirs is the
# person's to say. Reported words ("your manager thinks it's unrealistic") are not judgements.
JUDGEMENT = [
    ("goal judgement: ownership", r"\b(not|isn'?t|aren'?t|never) (entirely|really|truly|fully|quite|completely|even) (yours|your own)\b"),
    ("goal judgement: ownership", r"\b(it'?s|this is|that'?s|they'?re|these are) (clearly |obviously )?(not|n't) (yours|your own|your goal)\b"),
    ("goal judgement: ownership", r"\b(someone|somebody) else'?s goal,? not yours\b"),
    ("goal judgement: size", r"\b(too|overly|very|quite|rather|a bit|far too|way too) (ambitious|big|vague|easy|small|modest|unrealistic)\b"),
    # "much" only as "too much": "thank you very much" judges nothing
    ("goal judgement: size", r"\b(?<!thank you )(?<!thanks )(too|far too|way too|a bit too) much\b"),
    ("goal judgement: realism", r"\b(unrealistic|not realistic|unachievable|impossible|out of (your )?reach|a pipe dream|naive)\b"),
    ("goal judgement: quality", r"\b(your|these|those|this|that) goals? (is|are|seems?|sounds?|looks?) (wrong|bad|weak|unclear|vague|poor|not (good|right|smart|realistic|enough))\b"),
    ("goal judgement: quality", r"\b(a|an) (bad|poor|wrong|unrealistic|weak|silly|naive) (goal|idea|plan|choice)\b"),
]

# Offering options once advice was asked for, or with permission, is allowed; these soften the rules.
OPTION_MARKERS = re.compile(
    r"\b(one option|some options|a few options|some people|others have|you (might|could|may)|if it helps|"
    r"which (of these|one)|would any|one possibility|an idea)\b",
    re.I,
)

_compiled = [(reason, re.compile(rx, re.I)) for reason, rx in DIRECTIVE + GOAL_IMPOSITION + JUDGEMENT]
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# "your manager says you should" reports someone else's words back; it does not tell the person anything.
_REPORTED = re.compile(r"\b(say|says|said|saying|think|thinks|thought|told|tell|tells|feel|feels|felt|believe|believes|"
                       r"expect|expects|want|wants|wanted|insist|insists|keep hearing|heard|calls?|called|finds?|found)( that)?"
                       r"(\s+(it|this|that|they|he|she|the goal|your goal)('s|'re|’s| is| are| was| were| sounds?| seems?)?)?\s*$", re.I)


def rule_hits(text: str) -> list[str]:
    """Reasons this text directs or imposes; the person's own words, quoted or reported, do not count."""
    text = _QUOTED.sub(" ", text)
    hits = []
    for reason, rx in _compiled:
        for m in rx.finditer(text):
            if not _REPORTED.search(text[max(0, m.start() - 40):m.start()]):
                hits.append(reason)
                break
    return hits


def is_goal_imposition(reason: str) -> bool:
    """Telling someone what their goal is, or judging it for them: never allowed, even when advice was asked for."""
    return reason.startswith(("goal imposition", "goal judgement"))


def offers_options(text: str) -> bool:
    return bool(OPTION_MARKERS.search(text))
