"""Read one message: the rules, then fitted heads over the local sentence encoder (thresholds chosen by
cross-validation on the training halves, evals/reading_fit.py), then the spans that say each thing. The graph,
the guard and the reviewer all read through here."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field

import numpy as np

from assistant.dates import SELF_CORRECTED
from assistant.text import sentences
from assistant.reading import cues, risk_neighbours, spans, tagger
from assistant.reading.features import featurize_with_clauses
from assistant.reading.heads import load_heads, probabilities
from assistant.reading.risk import risk_rule

log = logging.getLogger(__name__)

INTENTS = ("goal_own", "goal_other", "goal_duty", "measure", "timeframe", "action", "reason", "feasibility",
           "asks_advice", "permission", "skip_ahead", "change_mind", "feeling", "distress", "off_topic",
           "question_to_waymark", "unsure", "agree")
SLOT_INTENTS = ("measure", "timeframe", "action", "reason", "feasibility")
# What a message says about a goal: an aside is off-topic only when it outweighs all of these
SUBSTANCE = ("goal_own", "goal_other", "goal_duty", "measure", "action", "reason", "feasibility")
# When the last question asked for one of these, a weaker reading of it counts: "3 talks" answers "how would you know?".
EXPECTING_DISCOUNT = 0.75
# A goal read by the classifier alone, with no phrase that plainly states one, must be this sure unless the last
# question asked for a goal: people describe their jobs and their options in the same words as their goals. Without
# this bar the goal head's cross-validated F1 is higher (0.837 against 0.747), but in `waymark eval` 7 of 41
# conversations then drafted "I just started my first job as an apprentice electrician" and the like as goals.
UNSTATED_GOAL = 0.95
# The same for someone else's goal said without a phrase that says so ("my boss wants me to ..."): at the head's own
# threshold (0.23), replays of blind scripts examined "i've got a 6 year old" and "I haven't told anyone at work" as
# goals someone else set; asking "how much of this goal is yours?" about no goal at all loses the person.
UNSTATED_OTHER = 0.6
# A goal said with a phrase that states one ("I've considered ...", "my goal is ...") needs less of the head: at its
# fitted threshold (0.54) the refit of 2026-12-03 stopped reading "I've considered moving teams or asking for a raise"
# (0.37) as goals, which the flow then walked past.
SAID_GOAL = 0.3
# about this conversation, not a goal: "I want to say that ...", "I'd like to add that I work nights"; "I want to ask
# for a pay rise" and "I want to explain my research better" are goals
SPEECH_ACT = re.compile(r"(?:say (?:that|something|thanks|thank you|hi|hello)|add (?:that|something)|(?:correct|change|fix) (?:something|that|this|it)(?=\s*(?:[.!,;]|$))|tell you|ask you|"
                        r"ask (?:a|one|something|a few)\b|mention|point out|be honest|be clear|thank|"
                        r"know (?:how this|what this|how you|who (?:can|will)|if this|whether this))\b", re.I)
# "What would I want, if it were up to me? Well. ...", "the question comes: "when are you starting your MBA?"": a
# question they ask themselves and answer, or one someone else asked them, asks nothing of Waymark
_SELF_QUESTION = re.compile(r"^\W*(?:so |well,? |and |but )?(?:what (?:would|do|did) i (?:really |actually |truly )?(?:want|enjoy|like|love|care about|need)|"
                            r"what i (?:really |actually )?(?:enjoy|want|like|love)(?: most)?|what (?:would|does|will) (?:it|this) give me|"
                            r"why (?:do|would|does) (?:i|it|this) (?:want|care|matter)|"
                            # "... and now I'm thinking, do I even want that?": asked of themselves
                            r"(?:[^?]*\b(?:thinking|wondering|asking myself),?\s+)?(?:do|did|would) i (?:even |really |actually |honestly )?(?:want|like) (?:that|this|it)(?=\W*\?$))[^?]*\?$", re.I)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_QUESTION = re.compile(r"[^.!?]*\?")


_NOT_WANTED = re.compile(r"^\W*(?:(?:honestly|to be honest|no|nah|well)\W+)?(?:i )?(?:really |honestly )?(?:don'?t|dont|do not|never)"
                         r"(?: (?:think|really|actually|even|much)){0,2} (?:i )?(?:want|fancy)\b", re.I)


def _asks_nothing(text: str) -> bool:
    if "?" not in text:
        return False
    body = _QUOTED.sub(" ", text)
    questions = [q.strip() for q in _QUESTION.findall(body)]
    answer = body[body.rfind("?") + 1:] if questions else body
    if cues.ASKS_ADVICE.search(body):
        return False
    # "it's Breda's goal, not mine for me, if that makes sense?": a tag asks for nothing, wherever it falls
    asking = [q for q in questions if not (cues.TAG_QUESTION.search(q) and not cues.ASKED_OUTRIGHT.match(q))]
    return all(_SELF_QUESTION.match(q) for q in asking) and (not asking or len(answer.split()) >= 6)


_INTRODUCTION = re.compile(r"\W*(?:my name is|my name'?s|i'?m called|i am called|call me)\b", re.I)
_FIRST_MOVE = re.compile(r"(?:start|begin|kick off) (?:with (?:(?:mr|mrs|ms|dr|miss)\.? )?(?-i:[A-Z])|by (?:asking|emailing|calling|ringing|"
                         r"talking|booking|messaging|texting|writing))(?!.*\bthen\b)", re.I)
HEADS = "reader"  # reader.json: one head per intent


@dataclass(frozen=True)
class Risk:
    level: str  # "none"; "possible": a gentle check on safety; "high": the safety reply
    score: float  # the recogniser's probability; 1.0 when a rule decided
    why: str  # "rule: ..." or "recogniser" or ""


@dataclass(frozen=True)
class Reading:
    text: str
    intents: tuple[str, ...]  # what the message does, in INTENTS order
    scores: dict[str, float] = field(default_factory=dict)  # the fitted heads' probabilities, for the record
    goal: str = ""  # the person's own goal, in their words (the last one, when they name several)
    goals: tuple[str, ...] = ()  # every goal of their own the message names, in order
    other_goal: str = ""  # a goal someone else holds for them, in the person's words
    other_by: str = ""  # who that goal came from, in the person's words ("my director")
    duty_goal: str = ""  # "I have to ...": whose it is, unclear
    measure: str = ""
    timeframe: str = ""
    actions: tuple[str, ...] = ()
    reason: str = ""
    feasibility: str = ""
    feelings: tuple[str, ...] = ()
    risk: Risk = Risk("none", 0.0, "")
    stage: str | None = None
    horizons: tuple[str, ...] = ()
    injection: bool = False
    forget_topic: str | None = None

    def has(self, *intents: str) -> bool:
        return any(i in self.intents for i in intents)

    @property
    def any_goal(self) -> str:
        return self.goal or self.other_goal or self.duty_goal

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Reading":
        fields = {**data, "risk": Risk(**data["risk"]) if isinstance(data.get("risk"), dict) else data.get("risk", Risk("none", 0.0, ""))}
        for name in ("intents", "actions", "feelings", "horizons", "goals"):
            fields[name] = tuple(fields.get(name) or ())
        return cls(**fields)


def _risk(text: str, p: float) -> Risk:
    """The rules first; then the neighbours' score p against the thresholds evals/safety/fit.py chose."""
    cut = risk_neighbours.settings()
    if found := risk_rule(text):
        kind, words, verdict = found
        if verdict == "reply":
            return Risk("high", 1.0, f"rule ({kind}): '{words}'")
        if verdict == "check":
            p = max(p, cut["low"])  # "lol I want to die": at least a gentle check
    if p >= cut["threshold"]:
        return Risk("high", round(p, 3), "recogniser")
    if p >= cut["low"]:
        return Risk("possible", round(p, 3), "recogniser, below its confident threshold")
    return Risk("none", round(p, 3), "")


def _best_clause(pieces: list[str], clause_p: dict[str, np.ndarray], intent: str, avoid: str = "") -> str:
    """The clause the intent's head likes best; with `avoid`, the best that does not overlap those words (one
    clause says one part: "Say at least 5 full days of classroom experience. I could use annual leave for it" has
    its measure in the first clause and what makes it within reach in the second)."""
    if intent not in clause_p or not len(pieces):
        return ""
    for i in np.argsort(-clause_p[intent]):
        piece = spans.tidy(pieces[int(i)])
        if not avoid or not (piece in avoid or avoid in piece):
            return piece
    return ""


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip(" .:-,?…"), maxsplit=1)[0]


# "I passed 4 exams in my first year": a count of things already done is what they have, not how they'd know
_DONE_ALREADY = re.compile(r"\b(?:passed|led|finished|completed|did|made|wrote|ran|built|sold|delivered|taught|trained|attended|"
                           r"(?:have|'ve) (?:done|had)|last (?:year|month|week|term))\b", re.I)
_HAVE_ALREADY = re.compile(r"\b(?:i (?:have|'ve) already(?: got)?|i already (?:have|'ve got|got))\s*$", re.I)
_BUT_STILL = re.compile(r"(?:^|(?<=[.!?] ))but (?P<why>(?:my|i|i'?ve|i have|i'?m|i am) [^.!?]{8,120})", re.I)
_LOAD = re.compile(r"\b(?:not sure|unsure|doubt|worr\w*|afraid|scared|can'?t|cannot|too (?:much|many|long|soon)|hours a week|"
                   r"busy|no time|is too|are too)\b", re.I)


def _room_said(words: str) -> bool:
    """Whether words say what makes a goal doable, with no doubt, load or question in them."""
    return "?" not in words and not (_LOAD.search(words) or cues.NO_ROOM.search(words) or cues.BURDEN.search(words)
                                     or cues.IN_THE_WAY.search(words) or cues.DATE_TOO.search(words))


_VERDICT = re.compile(r"^\W*(?:(?:so|ok|okay|yes|then|in that case),?\s+)*(?:(?:i (?:believe|think|reckon|feel|guess)\s+)?"
                      r"(?:it|this|that)(?:'s| is| would be| will be|s)\s+(?:definitely |probably |quite |very |fairly )?"
                      r"(?:within reach|doable|realistic|achievable|feasible|possible)|"
                      # "Is it realistic? I think so. The local mediation service runs a course ...": the answer, then why
                      r"i (?:believe|think|reckon|guess) so|i'?d say so|yes|probably|definitely)\W*$", re.I)
_HERE_BECAUSE = re.compile(r"\b(?:i'?m|i am) (?:here|using this|trying this|on here|doing this)\s*$|"
                           r"\bi (?:came|signed up|joined|started this|downloaded (?:this|the app))\s*$|"
                           # "I need help to plan it, please, because I am very bad with organisation": why they ask
                           r"\b(?:need|want|would like|could use) (?:some |a bit of |your )?help(?: (?:to|with) [\w' ]{1,30}?)?,?"
                           r"(?: please)?,?\s*$", re.I)
_WARNED = re.compile(r"\b(?:says?|said|tells? me|told me)\s+(?:that\s+)?(?:do not|don'?t|not to|never)\b", re.I)
_WANTS = re.compile(r"\bi (?:really |just )?(?:want|'d like|would like|should like|don'?t want|do not want|need)\b", re.I)


def _mid_line(words: str) -> str:
    """A sentence that goes on a line after another: "There is also my husband" -> "there is also my husband"."""
    first = words.split(" ", 1)[0]
    return words[0].lower() + words[1:] if first.lower() in _OPENING_WORDS and first[0].isupper() else words


_OPENING_WORDS = {"there", "also", "and", "but", "it", "this", "that", "my", "so", "plus", "then", "the", "because", "as"}


# a second reason is kept only when it is another thing they want, not a "don't want" or a "need" beside it
_WANTED_MORE = re.compile(r"\bi(?:'d| would| should) (?:very much |really |also )?like\b|\bi (?:really |also |just )?want\b(?! to (?:do|be) (?:that|it)\b)", re.I)


def _why_answer(after_label: str, pieces: list[str], clause_p: dict[str, np.ndarray]) -> str:
    """What follows their own "why it matters": the sentence that says what they want ("I don't want to be 60 and
    still wondering", after a story about their dad), else the clause the reason head likes best."""
    wanted = [s for s in re.split(r"(?<=[.!?])\s+", after_label.strip(" .:-,?…")) if _WANTS.search(s)]
    # "... I should like to pass that on before I go. There is also my husband ... I would like to have some of the
    # week with him": two reasons, both theirs
    wanted = wanted[:1] + [w for w in wanted[1:2] if _WANTED_MORE.search(w)]
    return "; ".join(_mid_line(w.strip(" .")) if i else w.strip(" .") for i, w in enumerate(wanted)) if wanted else (_first_sentence(cues.MATTERS_LABEL.sub("", _best_clause(pieces, clause_p, "reason"), count=1))
                                     or _first_sentence(after_label))


def read_many(texts: list[str], expecting: list[str | None] | None = None) -> list[Reading]:
    """Readings for several messages in one pass of the encoder (the fit scripts and the reviewer use this)."""
    expecting = expecting or [None] * len(texts)
    X, pieces, clause_rows = featurize_with_clauses(texts)
    heads = load_heads(HEADS)
    P = probabilities(heads, X) | {"crisis": risk_neighbours.scores(texts)}
    return [_reading(t, {k: float(v[i]) for k, v in P.items()}, pieces[i], probabilities(heads, clause_rows[i]), expecting[i])
            for i, t in enumerate(texts)]


_NOT_THE_MEASURE = re.compile(r"\b(?:is|'s|are) (?:only|just) the (?:start|beginning|first step)\b|\b(?:isn'?t|is not|wouldn'?t be) enough\b|"
                              r"\bdoesn'?t count\b", re.I)
_THAT_WOULD_DO = re.compile(r",?\s*(?:that'?d|that would|that will|that'?ll|that'?s)\s+(?:be it|do (?:me|it))(?: for me)?\W*$", re.I)


def read(text: str, expecting: str | None = None) -> Reading:
    return read_many([text], [expecting])[0]


# The parts the reader takes from the span tagger; the measure, the date and the steps stay with the rules.
TAGGED_PARTS = ("goal", "reason", "feasibility")


def _reading(text: str, p: dict[str, float], pieces: list[str], clause_p: dict[str, np.ndarray],
             expecting: str | None) -> Reading:
    cut = load_heads(HEADS)
    on: set[str] = set()
    for intent in INTENTS:
        if intent == "distress":
            continue
        rule = cues.RULES.get(intent)
        rule_hit = bool(rule.search(text)) if rule is not None else False
        if intent == "timeframe":
            rule_hit = bool(spans.timeframe_span(text))
        if intent == "feeling":
            rule_hit = bool(cues.feelings(text))
        threshold = cut[intent].threshold * (EXPECTING_DISCOUNT if expecting == intent else 1.0)
        if p[intent] >= threshold or (rule_hit and cut[intent].rule_decides):
            on.add(intent)
    risk = _risk(text, p["crisis"])
    if risk.level == "high":
        on.add("distress")

    if on & {"asks_advice", "question_to_waymark"} and _asks_nothing(text):
        on -= {"asks_advice", "question_to_waymark"}
    if "off_topic" in on and p["off_topic"] < max(p[i] for i in SUBSTANCE):
        # "it is a big deal i know ... my stomach just dropped": talk about their goal that wanders, not an aside
        on.discard("off_topic")
    labelled = cues.MATTERS_LABEL.match(text)
    answers_why = bool(labelled and labelled.end() and len(text[labelled.end():].split()) >= 3
                       and labelled.group(0).strip(" .…").lower().startswith("why"))
    if answers_why:
        # "why it matters. i want to know if the food in my head is any good": the coach's question said as a
        # label, then answered; what they want there is why, not a new goal
        on -= {"goal_own", "goal_other", "goal_duty", "measure", "feasibility"}
        on.add("reason")
    if cues.GREETING.search(text) and len(text.split()) <= 3:
        on -= {*SLOT_INTENTS, "goal_own", "goal_other", "goal_duty"}  # "hello" opens a conversation; it is no goal
    other, who = spans.other_goal_span(text)
    if other and _WARNED.search(other):
        other, who = "", ""  # "My wife says do not promise too much": a caution, not a goal someone set for them
        on.discard("goal_other")
    if (m := cues.OTHER_GOAL.search(text)) and spans.ABOUT_WAYMARK.match(m["goal"]):
        on -= {"goal_other", "action"}  # "my mentor said I should use this": why they came, not a goal or a step
    goal = spans.goal_span(text)
    if goal and cues.OWN_GOAL.search(text) and p["goal_own"] >= SAID_GOAL and not answers_why:
        on.add("goal_own")  # "I've considered moving teams or asking for a raise": a goal phrase, and the head half agrees
    if goal and _FIRST_MOVE.match(goal):
        goal = ""  # "I'd like to start with Mrs Dodds while she's still sharp": where to begin, a step, not the goal
        on.discard("goal_own")
    if goal and SPEECH_ACT.match(goal):
        goal = ""  # "I want to say that ...", "I'd like to add that I work nights": about this conversation, not a goal
        on.discard("goal_own")
    if goal and (cues.DRIFT.search(text) or cues.PLAIN_GOAL.search(text)) and not cues.OWN_GOAL.search(text):
        on.add("goal_own")  # "not sure it's what I want. I keep drifting back to teaching": the doubt is about theirs
    duty = spans.duty_goal_span(text)
    words = len(text.split())
    terse = words <= 4  # "promotion", "ops manager": too short to be a story about their job
    plain = words <= 14 and p["goal_own"] >= UNSTATED_GOAL  # "Lead the rebuild of our booking system, end to end."
    if "goal_own" in on and not goal and (cues.UNSURE.search(text) or cues.PREREQUISITE.search(text)
                                          or not (terse or plain or expecting == "goal_own")):
        on.discard("goal_own")  # "I have no idea what I want from my career" is not a goal
    if "goal_own" in on and not goal and _NOT_WANTED.search(text) and not cues.OWN_GOAL.search(text):
        on.discard("goal_own")  # "I don't think I want it. I've watched three team leaders burn out": a no, and why
    found_by_tagger: dict[str, str] = {}

    def tagged(part: str) -> str:
        """The words the span tagger reads as this part, tidied: run only when no rule found them."""
        if not found_by_tagger:
            found_by_tagger.update({k: spans.tidy(v.span) for k, v in tagger.tag_all(text, TAGGED_PARTS).items()})
        return found_by_tagger[part]

    if "goal_own" in on and not goal:
        # the words the span tagger reads as the goal ("wanna save up for a motorbike"), else the clause that reads
        # most like one
        goal = found if (found := tagged("goal")) and found not in other else _best_clause(pieces, clause_p, "goal_own")
        if cues.PAST_SELF.match(goal):
            goal = ""  # "i was an accountant before, ...": who they were, even in answer to what they'd work toward
            on.discard("goal_own")
        elif cues.DISTANCE.search(goal) or _NOT_WANTED.search(goal):
            goal = ""  # "I don't think I want it": what they turn down, even asked what they'd work toward
            on.discard("goal_own")
        elif cues.LIKES.search(goal) and expecting != "goal_own":
            goal = ""  # the clause that reads most like a goal is a liking: "I like the analysis side"
            on.discard("goal_own")
        if other and (other in goal or goal in text[: text.find(other) + len(other)]):
            goal = ""  # the clause that reads most like a goal is someone else's: "My boss wants me to ..."
            on.discard("goal_own")
    if "goal_other" in on and cues.DESCRIBED.search(text) and not cues.OTHER_GOAL.search(text):
        on.discard("goal_other")
        other = ""
    if "goal_other" in on and not other and (p["goal_other"] < UNSTATED_OTHER or cues.PART_OF_ME.search(text)):
        on.discard("goal_other")  # "part of me wants the promotion": their own ambivalence, not someone else's goal
    if "goal_other" in on and not other and "goal_own" not in on:
        other, who = _best_clause(pieces, clause_p, "goal_other"), "someone else"
        if _WARNED.search(other):
            other, who = "", ""
            on.discard("goal_other")
    if goal and "goal_own" not in on:
        goal = ""  # a rule match the reader does not believe ("I want to say thanks") is not a goal
    if other and "goal_other" not in on:
        other = ""
    if duty and "goal_duty" not in on:
        duty = ""
    if "goal_duty" in on and not duty and cues.OTHER_GOAL.search(text):
        on.discard("goal_duty")  # "she says I should ..." is her goal for them, not a duty of theirs

    def slot(intent: str, rule_span: str, avoid: str = "") -> str:
        if intent not in on:
            return ""
        # not the measure: "get the teaching award done and be teaching 2 evenings a week" is one measure in two
        # halves, and the tagger keeps one (it found the measure a little better than the clause on the training
        # folds, and the other parts much better)
        if rule_span:
            return rule_span
        found = tagged(intent) if intent in TAGGED_PARTS else ""
        if found and avoid and (found in avoid or avoid in found):
            found = ""
        return found or _best_clause(pieces, clause_p, intent, avoid)

    if cues.PRESSURE.search(text):
        on -= {"measure", "feasibility"}  # "everyone has it so it feels like I should": a pull from outside, not a part
    asked = None if cues.PRESSURE.search(text) else cues.SELF_ASKED_MEASURE.match(text)
    if asked and (len(text[asked.end():].split()) < 4 or cues.UNSURE.search(text[asked.end():])):
        asked = None  # "how would i know? no idea": the question stands, unanswered
    if asked:
        # "How would I know it had worked? I think if each of them could run a shift ..., that would be it": the
        # coach's question, said to themselves, then answered
        on -= {"asks_advice", "question_to_waymark"}
        on.add("measure")
    # the answer after their own question, whole: "How I will know it is done? I think when I have the certificate ..."
    measure_rule = "" if asked else spans.to_sentence_end(text, cues.MEASURE)
    if labelled_measure := cues.MEASURE_LABEL.search(text):
        measure_rule = _first_sentence(text[labelled_measure.end():])
        on.add("measure")
    if asked:
        answer = re.split(r"(?<=[.!?])\s+", text[asked.end():].strip())
        # "Sure being enrolled is only the start. I suppose if by the end of next year I'm the one ...": what would
        # not be enough, then what would
        answer = [x for x in answer if not _NOT_THE_MEASURE.search(x)] or answer
        measure_rule = spans.tidy(answer[0])
        measure_rule = re.sub(r"^(?:i think|i guess|i suppose|maybe|probably)\s+", "", measure_rule, flags=re.I)
        measure_rule = _THAT_WOULD_DO.sub("", measure_rule)
    if goal and spans.goal_span(text) and not measure_rule:
        on.discard("measure")  # a message that plainly states a goal names its measure in so many words, or not at all
    measure = slot("measure", measure_rule)
    if measure and not measure_rule and goal and goal in measure:
        measure = ""  # "i reckon i could take 8 passengers out on wildlife trips": the goal's own clause, not its measure
        on.discard("measure")
    if measure and cues.UNSURE.search(measure):
        measure = ""  # "how i'd know - no idea really": the question they cannot answer yet, not a measure
        on.discard("measure")
    if measure and (at := text.find(measure)) > 0 and _HAVE_ALREADY.search(re.split(r"[.!?\n]", text[:at])[-1]):
        measure = ""  # "I have already 5 projects, 3 from university": what they have, not how they'd know they got there
        on.discard("measure")
    if measure and not measure_rule and cues.FEASIBILITY.search(measure) and not cues.MEASURE.search(measure):
        measure = ""  # "I also have a deputy ... which would make it doable": what makes it within reach, said so
        on.discard("measure")
    if measure and not measure_rule and cues.IN_THE_WAY.search(measure):
        measure = ""  # "What might make it difficult is that the unit is short-staffed": in the way, not the measure
        on.discard("measure")
    if measure and _INTRODUCTION.match(measure):
        measure = ""  # "My name is Chinedu": who is talking, not how they would know
        on.discard("measure")
    when = spans.timeframe_span(text) if "timeframe" in on else ""
    if measure and not measure_rule and when and when in measure and cues.FIXED_DATE.search(measure) \
            and not re.search(cues.NUMBER, measure.replace(when, ""), re.I):
        measure = ""  # "It has to be by September, that's when the round closes": a date, not a measure of done
        on.discard("measure")
    # after their own "why it matters", the clause the reason head likes best: the story before it is context
    reason = _why_answer(text[labelled.end():], pieces, clause_p) if answers_why \
        else slot("reason", spans.reason_span(text))
    if reason and cues.MATTERS_LABEL.fullmatch(reason) and (rest := cues.MATTERS_LABEL.split(text, 1)[-1].strip()):
        reason = rest  # "Why it matters... my dad was an accountant for 40 years": the label opens the reason
    reason = reason.lstrip(" .,;:-…")  # "Forgot to say why it matters. I had a rough first year ...": no stray full stop
    if reason and goal and reason in goal:
        reason = ""  # "be out on the road first on scene when it matters": "it matters" is part of the goal's words
        on.discard("reason")
    if reason and goal and goal in reason and not cues.REASON.search(reason):
        reason = ""  # "I want to learn to wire a whole house on my own": the goal, not why it matters
        on.discard("reason")
    if reason and when and when in reason and not cues.REASON.search(reason):
        reason = ""  # "So I say 1 year, not 6 months": the date they moved, not why it matters
        on.discard("reason")
    if reason and cues.MEASURE_LABEL.search(reason):
        reason = ""  # "that is my number: six chapters ...": the measure, labelled
        on.discard("reason")
    if reason and _HERE_BECAUSE.search(text[:max(text.find(reason), 0)]):
        reason = ""  # "I suppose I'm here because the end is coming into view": why they came, not why a goal matters
        on.discard("reason")
    if reason and not spans.in_their_plan(text, reason):
        reason = ""  # "I'll do the kiosk training because the girls need it": why they do a duty, not why the goal matters
        on.discard("reason")
    if reason and cues.JOB_NOW.match(reason):
        reason = ""  # "i work as a line cook at a busy italian place": who they are at work, not why a goal matters
        on.discard("reason")
    if reason and measure and reason in measure:
        if measure_rule:  # "I'd know because ...": the because explains the measure
            reason = ""
            on.discard("reason")
        else:  # "Because the clients trust ...": a reason the measure head also liked is a reason
            measure = ""
            on.discard("measure")

    feasible_asked = cues.SELF_ASKED_FEASIBLE.match(text)
    if feasible_asked and len(text[feasible_asked.end():].split()) >= 4 and "?" not in text[feasible_asked.end():] \
            and not cues.UNSURE.search(text[feasible_asked.end():]):
        # "Is it realistic? I did the sums ... so I have the mornings": their own question, then their answer (not
        # "Is it realistic? What do you think?", nor "Is it realistic? I honestly don't know")
        on -= {"asks_advice", "question_to_waymark"}
        on.add("feasibility")
        if not measure_rule:
            measure = ""  # "I did the sums on the back of a seminar handout": how they know it's doable, not the measure
            on.discard("measure")
        feasibility = slot("feasibility", spans.clause_with(text[feasible_asked.end():], cues.FEASIBILITY),
                           avoid=text[:feasible_asked.end()].strip())
    else:
        feasibility = slot("feasibility", spans.clause_with(text, cues.FEASIBILITY), avoid=measure_rule)
    if "feasibility" in on and (turn := _BUT_STILL.search(text)) and (not feasibility or cues.NO_ROOM.search(feasibility)) \
            and _room_said(turn["why"]):
        # "My English is not perfect ... But my work is good, my director said me this": the doubt, then what
        # makes it within reach
        feasibility = spans.tidy(turn["why"])
    verdict = feasibility if feasibility and _VERDICT.match(feasibility) else \
        next((s for s in re.split(r"(?<=[.!?])\s+", text) if _VERDICT.match(s)), "") \
        if "feasibility" in on and (feasible_asked or not feasibility) else ""
    if verdict and text.find(verdict) >= 0:
        # "In that case I believe it is within reach. The trust does have a flexible retirement policy ...": the
        # verdict, then why; the why is what the draft needs
        after = re.split(r"(?<=[.!?])\s+", text[text.find(verdict) + len(verdict):].strip(" .,;"), maxsplit=1)[0]
        if len(after.split()) >= 4 and _room_said(after) and (cues.FEASIBILITY.search(after) or cues.MAKES_ROOM.search(after)
                                                              or re.match(r"\W*(?:the|my|our|i|i'?ve|we)\b", after, re.I)):
            feasibility = spans.tidy(after)
    if measure and not measure_rule and feasibility and (measure in feasibility or feasibility in measure):
        # One clause, one part: "I've done smaller ones and I'm backed, so it's within reach" is feasibility;
        # the part the heads believe more keeps it.
        if p["feasibility"] >= p["measure"]:
            measure = ""
            on.discard("measure")
        else:
            feasibility = ""
            on.discard("feasibility")
    if not measure and not cues.PRESSURE.search(text):
        # "before that i want finish 3 online courses and make 2 projects": a count of things they mean to do is
        # how they'd know, not why it is within reach, whatever the heads made of it
        counted = [c for c in ([feasibility] if feasibility else []) + (pieces if "goal_own" in on else [])
                   if cues.counts_things_done(c) and not cues.FEASIBILITY.search(c) and not cues.PAST_SELF.match(c)
                   and not _DONE_ALREADY.search(c)]
        if counted:
            measure = counted[0]
            on.add("measure")
            if feasibility and (feasibility in measure or measure in feasibility):
                feasibility = ""
                on.discard("feasibility")
    if when and (cues.DATE_TOO.search(text) or SELF_CORRECTED.search(text)):
        on.add("change_mind")  # "two year is too long, I want say 18 month": the date is changing ...
        if feasibility and (cues.DATE_TOO.search(feasibility) or when in feasibility):
            feasibility = ""  # ... which is not what makes the goal within reach ("so 15 of May is more realistic")
            on.discard("feasibility")
    if feasibility and asked and feasibility in text[:asked.end()]:
        feasibility = ""  # "How I will know it is done?": their question, not what makes it doable
        on.discard("feasibility")
    if feasibility and measure_rule and feasibility in measure_rule:
        feasibility = ""  # "I'd know it worked if ...": a measure said in so many words is not also what's within reach
        on.discard("feasibility")
    if feasibility and goal and goal in feasibility:
        feasibility = ""  # "So I'd like to mentor both of them properly ...": the goal, not what makes it doable
        on.discard("feasibility")
    if feasibility and cues.LIKES.search(feasibility) and not cues.FEASIBILITY.search(feasibility):
        feasibility = ""  # "the only bit of the week i actually enjoy is showing the apprentice": what they love
        on.discard("feasibility")
    if feasibility and other and other[:30] in feasibility:
        feasibility = ""  # "she sees me going straight into a postdoc": someone else's goal, not what is within reach
        on.discard("feasibility")
    if feasibility and cues.REASON.search(feasibility) and not cues.FEASIBILITY.search(feasibility):
        # "a certificate with my name, which in my house is important": why it matters, said with a "can"
        if not reason:
            reason = feasibility
            on.add("reason")
        feasibility = ""
        on.discard("feasibility")
    if feasibility and cues.WHOSE_PATH.search(feasibility):
        feasibility = ""  # "The MBA is his road, it is not my destination": whose path, not what is within reach
        on.discard("feasibility")
    if reason and feasibility and not cues.REASON.search(reason) \
            and any(reason in s and feasibility in s for s in sentences(text)):
        reason = ""  # "only so many hours, we're down to three staff and I'm on the desk all day": one constraint
        on.discard("reason")
    if reason and any(reason in s and (cues.ASKS_ADVICE.search(s) or cues.OPTIONS_ASKED.search(s)) for s in sentences(text)):
        reason = ""  # "give me some options, because in my company there is no clear path": why they ask
        on.discard("reason")
    if feasibility and re.search(r"\bdo (?:it|this|that)$", feasibility, re.I) and (why := re.search(re.escape(feasibility) + r"\W*((?:because|cos|since)\b.*)", text, re.I)):
        # "I think I can do it because the knowledge is the same": why it is within reach, not why it matters
        feasibility = f"{feasibility} {_first_clause(why.group(1))}"
        if reason and why.group(1).startswith(reason[:25]):
            reason = ""
            on.discard("reason")
    steps = spans.action_spans(text) if "action" in on else []
    unlisted = re.compile(r"^\W*\d{1,2}[.)]\s+")  # "3) Every Sunday, one full practice test": a list's mark is no word of theirs
    measure, feasibility, reason = (unlisted.sub("", x) if x else x for x in (measure, feasibility, reason))
    if reason and not cues.REASON.search(reason) and any(reason in s for s in steps):
        reason = ""  # "then monday i write the menu and cost it out properly": part of a step, not why it matters
        on.discard("reason")
    if measure and any(measure in s for s in steps) and not cues.MEASURE_LABEL.search(text) \
            and not re.search(r"\bknow\b|\bsuccess\b", measure, re.I):
        measure = ""  # "I will make a timetable two hours every morning": the step's own count, not how they'd know
        on.discard("measure")
    if feasibility and any(feasibility in s for s in steps) and not cues.FEASIBILITY.search(feasibility):
        feasibility = ""  # "ask the guy there if they take apprentices": a step, not what makes it doable
        on.discard("feasibility")
    if feasibility and (more := spans.clauses_with(text, cues.FEASIBILITY).split("; ")[1:]) and _room_said(more[0]) \
            and more[0] not in feasibility and not (goal and goal in more[0]) and not (measure and measure in more[0]) \
            and not (when and when in more[0]) and not any(more[0] in s for s in steps):
        # "I have already 5 projects ... I can do one each month working on weekends": one part said in two places
        feasibility = f"{feasibility}; {more[0]}"
    forget = cues.FORGET.search(text)
    return Reading(
        text=text,
        intents=tuple(i for i in INTENTS if i in on),
        scores={k: round(v, 3) for k, v in p.items()},
        goal=goal, goals=tuple(w for w, whose, _ in spans.goal_mentions(text) if whose == "theirs") if goal else (),
        other_goal=other, other_by=who if other else "", duty_goal=duty,
        measure=measure,
        timeframe=when,  # a date is words a date parser reads
        # Steps are the ones the person lists; a whole message is taken as one only when steps were asked for.
        actions=tuple(steps or ([a for a in [slot("action", "")] if a] if expecting == "action" else []))
        if "action" in on else (),
        reason=reason,
        feasibility=feasibility,
        feelings=tuple(cues.feelings(text)) if "feeling" in on else (),
        risk=risk,
        stage=cues.career_stage(text),
        horizons=tuple(cues.horizons(text)),
        injection=bool(cues.INJECTION.search(text)),
        forget_topic=(forget["topic"].strip() or text) if forget else None,
    )


def _first_clause(text: str) -> str:
    """ "because the knowledge is the same only the guidelines are different ...": up to where the next thought starts."""
    return re.split(r",|;|[.!?](?:\s|$)|\s+(?:only|and|but|so|the second|which)\s+", text, maxsplit=1)[0].strip()
