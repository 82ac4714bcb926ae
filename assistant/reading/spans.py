"""Which words say what: the goal, who it came from, the measure, the date, the actions, why it matters and
why it is within reach, each as the person's own words. Rules find the span when they can; otherwise the clause
the fitted reader scores highest for that part."""

from __future__ import annotations

import re

from assistant.dates import WEEKDAYS, timeframe_words
from assistant.reading import cues

MAX_CLAUSES = 12
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE = re.compile(r"\s*;\s*|,?\s+(?=(?:but|because|cause|so that|although|though|and i|and my|and then|whereas)\b)", re.I)


def clauses(text: str) -> list[str]:
    """Sentences, split again where a new thought starts ("..., but what I want is ..."), at most MAX_CLAUSES."""
    out = []
    for sentence in _SENTENCE.split(text.strip()):
        out += [c.strip(" ,") for c in _CLAUSE.split(sentence) if c and len(c.strip(" ,")) > 1]
    return out[:MAX_CLAUSES] or [text.strip() or "."]


_LEAD = re.compile(r"^(?:honestly|really|actually|well|so|and|but|i guess|i think|i suppose|maybe|ideally|basically|"
                   r"hmm+|um+|like|ok(?:ay)?|yeah|yes|no|to be honest|tbh|something like|somewhere like|i mean|say(?= \w))\b[\s,]*", re.I)
_TRAIL = re.compile(r"(?:,?\s+(?:i guess|i think|i suppose|maybe|probably|i reckon|or something|or whatever|or anything|or so|"
                    r"for (?:ages|years|months|a while|so long)))*[\s,;:.!?-]*$", re.I)  # "sort my portfolio for ages"
_CUT = re.compile(r"\s+\b(?:but|because|although|though|so that|and i|and my|cause|since)\b.*$|"
                  # "I'd rather be home for tea than earn more"; "getting onto day shifts would change everything"
                  r"\s+than (?:earn|be|do|have|stay|keep|go|work|get|make)\b.*$|\s+would (?:change|make|mean|be|help)\b.*$|"
                  r",\s*(?:actually|really|i suppose|i guess|i think)\s*$", re.I)  # "mediation, actually"
_TO = re.compile(r"^(?:to|is to|is|be able to)\s+", re.I)


def tidy(span: str) -> str:
    """The span without fillers in front ("honestly, ...") or punctuation behind."""
    span = span.strip()
    for _ in range(4):
        stripped = _LEAD.sub("", span)
        if stripped == span:
            break
        span = stripped
    return _TRAIL.sub("", span)


# "I'm not sure I want to manage anyone": the doubt comes before the want, so what follows is not their goal.
_DOUBTED = re.compile(r"\b(?:not sure|unsure|don'?t know|no idea|not certain|don'?t think|doubt)(?: (?:if|whether|that))?\s*$", re.I)


# "going back to study something": a direction, not yet a goal to draft; what it is comes next
# "study something"; "what I'm hoping to get from this": about this conversation, not a goal
_VAGUE = re.compile(r"(?<!\bor )\b(?:something|anything|stuff|whatever)\W*$|^\W*(?:get|gain|take|learn) (?:out of |from )?"
                    r"(?:this|it|here|you|these chats?)\W*$", re.I)


def goal_span(text: str) -> str:
    """The person's own goal in their words, or "" when no rule finds one."""
    found = [m for m in cues.OWN_GOAL.finditer(text) if len(m["goal"].split()) >= 2 and not _DOUBTED.search(text[: m.start()])
             and not _VAGUE.search(_CUT.sub("", m["goal"]))]
    if not found:
        drift = cues.DRIFT.search(text)
        if drift:
            return tidy(drift["goal"])
        plain = cues.PLAIN_GOAL.search(text)
        if plain and len(text.split()) <= 14 and timeframe_words(text):
            return tidy(_CUT.sub("", plain["goal"]))
        return ""
    said = _rather(found[-1])
    if _OPEN_CLAUSE.search(said) and text[found[-1].end("goal"):].lstrip().startswith(","):
        # "I want to make sure that if I get the job, I can still do the school run": the comma closes the "if",
        # not the goal
        said += re.split(r"[.;!?\n]", text[found[-1].end("goal"):], maxsplit=1)[0]
    goal = tidy(_TO.sub("", _CUT.sub("", said)))  # the last one: "X, but what I want is Y"
    if _THE_SAME.fullmatch(goal):
        return _what_they_do(text[: found[-1].start()])
    if re.search(r"\bbeen\b", found[-1][0][: found[-1].start("goal") - found[-1].start()], re.I):
        goal = _HOW_LONG.sub("", goal)  # "I've been thinking about mediation for about a year": how long, not the goal
    if (points := _POINTS_BACK_TO.search(goal)) and (things := list(_A_THING.finditer(text[: found[-1].start()]))):
        goal = goal[: points.start("it")] + things[-1][0]  # "the next intake starts in September, so I want to get a place on that"
    return goal


_HOW_LONG = re.compile(r"\s+for (?:about |nearly |almost |over |the past |the last )?(?:a|an|one|two|three|four|five|six|\d+|a couple of|a few)"
                       r" (?:years?|months?|weeks?)(?: now)?$", re.I)
_POINTS_BACK_TO = re.compile(r"\b(?:on|onto|into|in|for|to|at)\s+(?P<it>that|it|this|them|those)\W*$", re.I)
_A_THING = re.compile(r"\b(?:the|a|an|their|that) (?:[\w-]+ ){0,2}(?:intake|course|programme|program|scheme|training|route|role|job|team|"
                      r"post|position|apprenticeship|degree|exam|qualification|certificate|diploma|placement|service|rota|panel|club|group)\b", re.I)


_OPEN_CLAUSE = re.compile(r"\b(?:if|when|once|where|by the time|until|so that|as soon as)\b[^,]*$|\bwhere$|,\s*\w+$", re.I)
# "My friend Cerys volunteers with a community mediation service and I've thought about doing the same": the goal
# is what the other person does
_THE_SAME = re.compile(r"\W*(?:do(?:ing)? )?(?:the same(?: thing)?|that too|likewise|it too)\W*", re.I)
_THEY_DO = re.compile(r"\b(?:[A-Z][\w'-]+|he|she|they|(?i:my|our|his|her) [a-z]+)\s+(?:also |already )?(?P<verb>(?!says\b|thinks\b|reckons\b|said\b)[a-z]+s)\s+"
                      r"(?P<rest>[^,.;!?]{3,60}?)\s*(?:,?\s*and\b[^,.;!?]*)?\W*$")
_IRREGULAR = {"is": "be", "has": "have", "does": "do", "goes": "go"}


def _base(verb: str) -> str:
    """volunteers -> volunteer, teaches -> teach, studies -> study, manages -> manage, is -> be."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("shes", "ches", "xes", "zes", "sses", "oes")):
        return verb[:-2]
    return verb[:-1]


def _what_they_do(before: str) -> str:
    """ "... Cerys volunteers with a community mediation service and I've thought about" -> "volunteer with a
    community mediation service"; "" when no one is doing anything there."""
    m = _THEY_DO.search(before)
    return f"{_base(m['verb'])} {m['rest'].strip()}" if m else ""


def _rather(m: re.Match) -> str:
    """The goal a cue found; after "I'd rather", what comes before "than": "I'd rather build up than crash"."""
    if re.search(r"\brather\b", m[0][: m.start("goal") - m.start()], re.I):
        return re.split(r"\s+than\b", m["goal"], maxsplit=1)[0]
    return m["goal"]


# "my mentor said I should use this before our session": why they are here, not a goal anyone holds for them.
ABOUT_WAYMARK = re.compile(r"\s*(?:(?:use|try|come to|talk to|chat (?:to|with)|open|do) (?:this|you|it|waymark|the (?:app|tool|bot|chat))|"
                           r"it (?:might|would|could|may) help (?:to|me to) (?:think|talk|try|use|chat))\b", re.I)  # "a friend suggested it might help to think out loud"


def other_goal_span(text: str) -> tuple[str, str]:
    """(a goal someone else holds for them, who) or ("", "")."""
    m = cues.OTHER_GOAL.search(text)
    if not m or len(m["goal"].split()) < 2 or ABOUT_WAYMARK.match(m["goal"]):
        return "", ""
    return tidy(_CUT.sub("", m["goal"])), m["who"].strip().lower()


def duty_goal_span(text: str) -> str:
    """ "I have to ...": a goal whose ownership is unclear; never the inside of someone else's ("she says I should")."""
    other = cues.OTHER_GOAL.search(text)
    for m in cues.DUTY_GOAL.finditer(text):
        if other and other.start() <= m.start() < other.end():
            continue
        if len(m["goal"].split()) >= 2:
            return tidy(_CUT.sub("", m["goal"]))
    return ""


def timeframe_span(text: str) -> str:
    return timeframe_words(text)


def in_their_plan(text: str, span: str) -> bool:
    """Whether the span lies outside every sentence that is a duty for someone else or a fallback."""
    return not any(span in s for s in _SENTENCE_SPLIT.split(text) if s and cues.NOT_THEIR_PLAN.search(s))


def reason_span(text: str) -> str:
    """From the word that gives a reason to the end of its sentence: "because I love untangling systems"."""
    m = next((m for m in cues.REASON.finditer(text) if not _denied(text, m.start())), None)
    if not m:
        return ""
    rest = re.split(r"(?<=[.!?])\s|\n", text[m.start():], maxsplit=1)[0]
    if _POINTS_BACK.match(rest):
        # "hes still here cos of them": the because points back at what came before; its sentence says it
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), text.rfind("! ", 0, m.start()))
        rest = text[start + 1:m.start()] + rest
    return tidy(re.sub(r"^(i (?:love|like|enjoy)) is\b", r"\1", rest, flags=re.I))  # "what I love is teaching"


_POINTS_BACK = re.compile(r"^\W*(?:because|'?cause|cos|coz|since) (?:of )?(?:them|it|that|this|him|her|those)\W*$", re.I)


def _denied(text: str, at: int) -> bool:
    """ "I don't want to drift back into something because it's the easy option": a because under a denial is the
    reason they refuse, not theirs."""
    sentence = re.split(r"[.!?,;\n]", text[:at])[-1]
    return bool(re.match(r"(?:because|'?cause|cos)\b", text[at:], re.I)) and bool(
        re.search(r"\b(?:don'?t|dont|do not|not|never|won'?t|wont)\b", sentence, re.I))


def to_sentence_end(text: str, rx: re.Pattern) -> str:
    """From where a cue starts to the end of its sentence: "I'd know because the other teams would come to me"."""
    m = rx.search(text)
    if not m:
        return ""
    span = re.split(r"(?<=[.!?])\s|\n", text[m.start():], maxsplit=1)[0]
    # voice typing runs sentences together: "success for me is to pass the part one I think the sitting is in August"
    words = span.split()
    if len(words) > 12 and (cut := _RUN_ON.search(" ".join(words[4:]))):
        span = " ".join(words[:4]) + " " + " ".join(words[4:])[:cut.start()]
    return tidy(span)


_RUN_ON = re.compile(r"(?<!\bwhen)(?<!\band)(?<!\bas)(?<!\bwhere)\s+(?:so\s+)?i (?:think|guess|am not sure|check now)\b", re.I)


def clause_with(text: str, rx: re.Pattern) -> str:
    """The clause (sentence part) in which a cue occurs."""
    return next((tidy(c) for c in clauses(text) if rx.search(c)), "")


def clauses_with(text: str, rx: re.Pattern, most: int = 2) -> str:
    """The first clause with a cue and, from a later sentence, one more that has it too ("I have already 5 projects
    ... I can do one each month working on weekends"): one part said in two places."""
    found: list[str] = []
    for sentence in _SENTENCE_SPLIT.split(text):
        if len(found) < most and (c := clause_with(sentence or "", rx)):
            found.append(c)
    return "; ".join(found)


def goal_mentions(text: str) -> list[tuple[str, str, str]]:
    """Every goal a message names by the rules alone, as (words, whose, by): fast enough for whole transcripts.
    `whose` is "theirs", "someone_else" or "unclear"."""
    out = []
    other, who = other_goal_span(text)
    if other:
        out.append((other, "someone_else", who))
    for m in cues.OWN_GOAL.finditer(text):
        words = tidy(_TO.sub("", _CUT.sub("", _rather(m))))
        # "moving into QA or doing a masters": two options, each a goal in the making
        for option in re.split(r",?\s+or\s+(?=\w+ing\b|to\b)", words):
            if len(option.split()) >= 2:
                out.append((tidy(option), "theirs", "me"))
    if duty := duty_goal_span(text):
        out.append((duty, "unclear", "me"))
    unique = {}
    for words, whose, by in out:
        unique.setdefault(words.lower(), (words, whose, by))
    return list(unique.values())


# Steps are split at lines, sentences and list marks, then within a sentence at commas and "then"
_SENTENCE_SPLIT = re.compile(r"\n+|;|(?<=[a-z][.!?])(?<!\bMrs\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)\s+(?=[A-Za-z])|"
                             r"\s*\d+[.)]\s+|\s*[-•*]\s+", re.I)
# "... for the fee and I will join the study group ... and I will make a timetable": voice typing drops the commas
_COMMA_SPLIT = re.compile(r",\s*(?:and\s+)?(?=[a-z])|\s+and then\s+|\s+then\s+|\s+and\s+(?=i(?: will|'ll| am going to)\b)|"
                          # "monday i will ask sharon ... and this week i will rite one shift report"
                          r"\s+and\s+(?=(?:(?:this|next|on) \w+|tomorrow|tonight|today|then) i(?: will|'ll| am going to)\b)", re.I)


def step_pieces(text: str) -> list[str]:
    """The pieces of a list of steps, without the thanks and "maybe add that" around them (not yet tidied)."""
    return [cues.STEP_PREAMBLE.sub("", p) for p in _split_steps(_unlabelled(text)[0])
            if not cues.COURTESY.match(p) and not (_SOMEONE_ELSE.match(p) and not _MINE_TO_DO.search(p)) and not _WAIT_AND_SEE.match(p)]


# "we'll see how she takes it", "see how it goes": waiting on what happens, not something they will do
_WAIT_AND_SEE = re.compile(r"^\W*(?:and |so |then )?(?:we'?ll|we will|i'?ll|i will|let'?s)? ?see how (?:it|she|he|they|that|things)\b", re.I)
# "We'll go to the open day", "You'll laugh but I'll start by ...": a step of theirs, whoever else is in the sentence
_MINE_TO_DO = re.compile(r"\b(?:I|I'?ll|I'?m|I'?d|we|we'?ll)\b", re.I)
# "Ciarán will be delighted", "he's been on at me about it for ages", "Niamh hates weeknights": what someone else
# is or does, said between the steps; the person's steps are theirs to take ("Ring Dev", "Monday I'll email ...")
_SOMEONE_ELSE = re.compile(r"^\W*(?:and |but |so )?(?:(?:he|she|they|it|that|this|there)(?:'s|'ll|'d|'re)?|(?!(?:I|We|You|Plan|Then|And|So|But|Monday|Tuesday|Wednesday|"
                           r"Thursday|Friday|Saturday|Sunday|Tomorrow|Tonight|Today|Next|This|First|After|Before|Ask|Ring|Call|Email|Text|Book|Tell|See)\b)"
                           r"[A-Z][\w'-]+|[Mm]y (?:mum|mom|dad|wife|husband|partner|boss|manager|daughter|son|sister|brother))"
                           r"(?:'s|'ll| (?:will|is|was|has|had|would|said|says|thinks|reckons|hates|loves|likes|knows|been|keeps))\b(?! (?:me|us) (?:to|how)\b)")


def _unlabelled(text: str) -> tuple[str, bool]:
    """The text after a label that says steps follow ("The first step: ..."), and whether there was one."""
    labelled = _STEP_LABEL.match(text) or _STEPS_FROM_HERE.search(text)
    return (text[labelled.end():], True) if labelled else (text, False)


# "I shall treat it as a trial, then ... As for first steps, I will read the policy this weekend": what comes before
# the label is about the goal, not a step
_STEPS_FROM_HERE = re.compile(r"(?:^|(?<=[.!?]\s))\W*(?:as for|as to|regarding|for|on) (?:the |my )?(?:first|next) steps?\s*[,:]\s*", re.I)


def _split_steps(text: str) -> list[str]:
    """Pieces at the list's commas and sentence ends; a name or an aside after a comma stays with its step: "send a
    request to my manager, Mrs. Adeyemi, for a one-on-one meeting next week" is one step."""
    out: list[str] = []
    when: list[str] = []  # "on Monday, after my morning shift, I go to ...": a when said first stays with its step
    for sentence in _SENTENCE_SPLIT.split(text):
        pieces = [p.strip(" .,-") for p in _COMMA_SPLIT.split(sentence or "")]
        for i, p in enumerate(pieces):
            if not p:
                continue
            if _WHEN_ONLY.match(_AND_THEN.sub("", tidy(p))) or (_WHEN_CLAUSE.match(p) and p != pieces[-1]):
                when.append(p)  # "And on Saturday morning, before I lose my nerve, I'll go through ..."
            elif i and out and not when and _WHY.match(p):
                continue  # "..., because every application asks for one": why they do it, not a step
            elif i and out and not when and (_NAME_ONLY.fullmatch(p) or _CARRIES_ON.match(p) or _aside(p)) \
                    and not cues.ACTION.match(p) and not _STEP_VERB.match(p):
                out[-1] = f"{out[-1]}, {p}"  # within the sentence: "my manager, Mrs. Adeyemi, for a meeting"
            else:
                out.append(", ".join([*when, p]))
                when = []
    return out + when


def _aside(piece: str) -> bool:
    """ "And by Wednesday I'll have updated my CV, nine-year gap and all": a few words with no doer and no verb of
    a step, said after one, belong to it."""
    return (len(piece.split()) <= 5 and not re.search(r"\b(?:i|we|i'?ll|i'?m|i'?d)\b", piece, re.I)
            and not _STEP_VERB.search(piece) and not re.search(_DAY, piece, re.I) and not re.search(r"\d", piece))


_AND_THEN = re.compile(r"^(?:and|then|so)\s+", re.I)
_WHEN_CLAUSE = re.compile(r"^(?:(?:and|then|so)\s+)?(?:before|after|when|once|as soon as)\s+(?:i|we)\b", re.I)
_WHY = re.compile(r"^(?:because|'?cause|cos|since|so that|as (?:it|that|this|she|he|they|i)(?:'?d| would|'?s| is| was| will)\b)", re.I)
_STEP_VERB = re.compile(r"(?:ask|email|call|ring|book|text|message|write|read|update|apply|send|meet|buy|join|sign|register|enrol|"
                        r"find|look|check|talk|speak|visit|go|do|make|start|finish|print|post)\b", re.I)
_NAME_ONLY = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?")
_CARRIES_ON = re.compile(r"(?:for|to|with|about|that|which|who|not)\b|\w+ly$", re.I)


def action_spans(text: str) -> list[str]:
    """Each step the person lists, in their words: "email Priya on Monday, then book the course" -> two steps.
    A piece is a step when it reads as one before or after its preamble ("maybe I ask ..." is one, said in the
    present as second-language English often plans); "I ask for 2 days" is one beside another step."""
    # "The first step: on Monday, after my morning shift, I go to ...": a label says steps follow
    body, labelled = _unlabelled(text)
    found = list(_NUMBERED_ITEM.finditer(text))
    items = [tidy(m["item"].strip(" .;")) for m in found]
    in_order = [int(m["n"]) for m in found] == list(range(1, len(found) + 1))
    if len(items) >= 2 and in_order and (labelled or _STEPS_WORD.search(text)):
        # "I thought about steps already. 1) Every morning before work, listening practice 30 minutes. 2) ...": a
        # numbered list of steps is steps, however each is worded
        return [i for i in items if len(i.split()) >= 2]
    raw = _split_steps("\n".join(s for s in _SENTENCE_SPLIT.split(body) if s and not cues.NOT_THEIR_PLAN.search(s)
                                 # "everyone seems to assume I'll apply for it": others' expectation, not a step of theirs
                                 and not cues.EXPECTED_OF_ME.search(s)))
    pieces = [(p, tidy(cues.STEP_PREAMBLE.sub("", p))) for p in raw if not cues.COURTESY.match(p)]
    steps = [clean for p, clean in pieces if len(clean.split()) >= 2 and (cues.ACTION.search(clean) or cues.ACTION.search(p))]
    if not steps and not labelled:
        return []
    return [clean for p, clean in pieces
            if len(clean.split()) >= 2 and (cues.ACTION.search(clean) or cues.ACTION.search(p) or cues.PRESENT_STEP.match(clean))]


_NUMBERED_ITEM = re.compile(r"(?:^|(?<=\n)|(?<=[.!?:]\s))\s*\(?(?P<n>\d{1,2})[.)]\s+(?P<item>.+?)(?=\s+\(?\d{1,2}[.)]\s|\n|$)", re.S)
_STEPS_WORD = re.compile(r"\b(?:steps?|plan|actions?|to-?do|things i(?:'ll| will) do)\b", re.I)
_STEP_LABEL = re.compile(r"^\W*(?:the |my )?(?:(?:first|next) (?:steps?|things?)|steps|actions)\b[^:.]{0,60}:\s*", re.I)  # "The first step is small, and ...: "
_DAY = r"(?:" + "|".join(WEEKDAYS) + r"|tonight|tomorrow)"
# "on Monday", "after my morning shift", "on my day off": when the next step happens, said before it
_WHEN_ONLY = re.compile(r"^(?:(?:on |this |next )?" + _DAY + r"(?: (?:morning|afternoon|evening|night))?|"
                        r"(?:after|before) (?:my |the )?(?:\w+ )?(?:shift|work|class|lunch|meeting|school run)|on my day off)$", re.I)
