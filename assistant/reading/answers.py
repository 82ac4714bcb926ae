"""What an answer to the coach's last question is, read from its words: a request to plan or to save, a check-in
date, a list of steps or news that is not one, their own way after options, or a goal named in a short phrase."""

from __future__ import annotations

import re

from assistant.reading.reader import Reading
from assistant.text import content_words

REJECT = re.compile(r"^\W*(reject(ed)?|no\b|nope|not mine|set it aside|scrap|drop it|it doesn'?t feel|it isn'?t|that'?s not)", re.I)
# The unmistakable ways to set a draft aside, whatever else the message says ("no" and "scrap" may open a correction)
SET_ASIDE = re.compile(r"^\W*(?:reject(?:ed)?|not mine|set it aside|drop it|it doesn'?t feel|it isn'?t|that'?s not)", re.I)

PLAN_HELP = re.compile(r"\b(?:help me (?:plan|break|map|work out how|get started|start)|plan (?:it|this) out|(?:make|build) a plan|"
                       r"where (?:to|do i|should i) start|how (?:do|should|can) i (?:start|get there|go about it|plan))\b", re.I)
# "so what do I do first?", "what i do first?": with a goal in hand, a request for ideas for the first step
FIRST_ASKED = re.compile(r"\bwhat (?:(?:do|should|would|can|could) )?i (?:do|start with|tackle) first\b|"
                         r"\bwhat(?:'?s| is| would be) (?:the|my|a good) (?:first|next) step\b|\bwhat comes first\b", re.I)
CHECK_IN = re.compile(r"\bcheck[- ]?in\b|\bchecking[- ]in\b|\bcheck back\b|\bcatch up\b|\bcheck (?:with|on) me\b", re.I)
# a check-in asked of Waymark ("can u check in w me on 16 july?"), not one they plan with someone ("catch up with Priya")
ASKS_CHECK_IN = re.compile(r"\bcheck(?:[- ]?in)? (?:with|on|w) me\b|\bcheck(?:ing)?[- ]?in\b[^.!?\n]*\?|\b(?:could|can|shall) (?:we|you|u) check[- ]?in\b|"
                           r"\bcheck(?:ing)?[- ]in (?:on|around|at|in|by|for) (?:the )?\w|\b(?:could|can|shall) (?:we|you|u) (?:check|review|look at) (?:my |our |the )?progress\b", re.I)
STEPS_LABEL = re.compile(r"^\W*(?:(?:right|ok(?:ay)?|so|well)\W+)*(?:my )?(?:(?:first )?(?:steps?|actions?)|first things?)\s*"
                         r"(?:(?:would be|are|is)?\s*:|,?\s*then\s*[.:!]|\.(?=\s+[A-Za-z]))\s*", re.I)  # "Steps. Tuesday I'll ..."
# "weekday evenings are hard", "i'm wiped after standup": how things are, not something they will do
NOT_A_STEP = re.compile(r"^\W*(?:it|its|it'?s|that|this(?! (?:week|weekend|month|morning|afternoon|evening|year)\b)|there|theres|"
                        r"they|we|he|she|i'?m|im|i am)\b|"
                        r"^\W*the\b.{0,60}\b(?:one|idea|option)\W*$|"  # "the talking to someone who does it one": a pick
                        r"^(?!.*\b(?:will|'ll|going to|gonna)\b)(?:\S+\s+){0,3}?(?:is|are|was|were|am|feel|feels)\b", re.I)
SAVE = re.compile(r"\bsave (?:it|this|that|the goal)\b|\bsave\W*$", re.I)
# Their own way, said after the options: "I'd rather block Tuesday evenings", "I'll pair each with a buddy"
OWN_PLAN = re.compile(r"\b(?:i'?ll|i will|i'?d (?:rather|prefer|do|go)|i could|i can|i'?m going to|i would|my plan|my way|"
                      r"what i'?d do|i(?:'d| would)? (?:probably )?(?:just )?(?:start|block|book|pair|ask|set|use|try))\b", re.I)

# Around a goal named in a short phrase: "maybe teaching first aid", "the revision guide i guess"
HEDGES = re.compile(r"^\W*(?:maybe|probably|perhaps|i guess|i think|i suppose|the one about|definitely|ok(?:ay)?|well|tbh|honestly|to be honest)\b\W*|"
                    r"\W*\b(?:i guess|i think|i suppose|probably|maybe|tbh|honestly)\W*$", re.I)
NOT_A_GOAL = re.compile(r"\b(?:not sure|no idea|don'?t know|dunno|nothing|none|same|what do you mean|someone else'?s)\b|\?", re.I)


# "my friends from church help me a lot": a sentence about how things are, not a goal's name
CLAUSE = re.compile(r"\b(?:is|are|was|were|am|has|have|had|do|does|did|help|helps|helped|say|says|said|make|makes|get|gets|"
                    r"think|thinks|feel|feels|want|wants|like|likes|love|loves|need|needs|keep|keeps|can|could|will|would)\b", re.I)


def terse_goal(text: str) -> str:
    """The first sentence of an answer to "how would you say it in your own words?", when it is a short phrase:
    "the revision guide i guess. head of year feels like someone elses goal" -> "the revision guide"."""
    text = re.sub(r"^\W*(?:h+m+|u+m+|e+r+m*|a+h+|oh|well)\s*[.!,]+\s+", "", text.strip(), flags=re.I)  # "Hm. Training, I think."
    first = re.split(r"(?<=[.!?;])\s+|\n", text, maxsplit=1)[0]
    for _ in range(3):
        first = HEDGES.sub("", first).strip(" .,;:!")
    if NOT_A_GOAL.search(first) or not 1 <= len(first.split()) <= 8 or not content_words(first) or STEPS_LABEL.match(text) \
            or re.match(r"(?:i|i'm|im|i've|it|it's|its|that|that's|this|they|we|he|she|yes|no)\b", first, re.I) \
            or CLAUSE.search(first):
        # a sentence about themselves or the situation is read by the reader, not taken whole as a goal
        return ""
    return first


def unanswerable(r: Reading, text: str) -> bool:
    """Nothing to take up as a step after options: a question, a refusal, a doubt, a new goal."""
    return bool(r.has("asks_advice", "question_to_waymark", "unsure", "permission", "distress", "off_topic") or r.any_goal
                or REJECT.search(text) or re.match(r"^\W*(none|neither|not really|nothing)\b", text, re.I))
# "my goal is ...", "the main goal is ...": the person names which of their wants is the goal
# "my goal is a master ... before that i want finish 3 courses": the other want leads to the named goal
ON_THE_WAY = re.compile(r"\b(?:before that|first|to get there|for that|on the way|to do that|as a step)\b", re.I)
THE_GOAL_IS = re.compile(r"\b(?:my|the) (?:main |real |actual |big |one )?goal (?:is|would be|'s)\b(?:\s+to\b)?\s*", re.I)


def named_goal(text: str, goals: tuple[str, ...]) -> str:
    """Of several wants in a message, the one the person names as the goal ("my goal is X ... before that i want
    Y": X; the first, when the words after "my goal is" were read differently); "" when none is named so."""
    if len(goals) < 2 or not (named := THE_GOAL_IS.search(text)):
        return ""
    after = text[named.end():].lower()
    return next((g for g in goals if after.startswith(g.lower()[:20])), goals[0])
