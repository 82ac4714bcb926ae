"""Reflections that add meaning: the feeling, the value under a goal, both sides of a choice. Built from a
reading's parts and the templates in prompts/reflections.yaml, in natural grammar, never quoting a run of the
person's words and never flipping their pronouns sentence by sentence. The coach's renderer and the transcript
reviewer's suggestions use the same builder."""

from __future__ import annotations

import re
import zlib
from dataclasses import replace
from functools import cache

import yaml

from assistant.prompts import PROMPT_DIR
from assistant.reading import cues
from assistant.reading.answers import named_goal
from assistant.reading.reader import Reading
from assistant.reading.spans import tidy
from assistant.reading.weighing import weigh
from assistant.text import content_words, second_person, sentences

MAX_GIST_WORDS = 5
COPY_RUN = 6  # a run this long of the person's words is a quotation, not a reflection
_OPENERS = re.compile(
    r"^(?:because|'?cause|cos|since|as|so that|so|and|but|that|to|of|about|like|just|really|"
    r"(?:i|we)(?: really| actually| just| honestly)?(?: would|'d| do| kind of| sort of)? (?:love|like|enjoy|care about|care|want(?: to)?|"
    r"need(?: to)?|think|feel|believe(?: in)?|am|'m|hope(?: to)?|wish(?: to)?|aim(?: to)?|plan(?: to)?|know)|"
    r"i'?m|i am|i'?d|i'?ve|i have|i just|i|we|it'?s(?: about| that)?|it is(?: about)?|that'?s|this is|there'?s|what i (?:want|love|care about) is|"
    # "spend my remaining years bringing on the juniors": what the years are for is the gist
    r"spend(?:ing)? (?:my|our|the)? ?(?:\w+ )?(?:years|time|days|weeks|evenings|weekends|career)(?= \w+ing\b)|"
    r"it (?:connects|relates|links|ties) (?:back )?to|it'?s (?:connected|linked|tied) to|because of|for the sake of|"
    r"(?:it|this|that) (?:really )?(?:matters|is important|'s important)(?: to me)?|"
    r"the (?:reason|thing) is(?: that)?|to be honest|honestly|i guess|i think|i suppose|basically|really)\s+", re.I)
# Where a phrase may be cut short and still read whole: before a conjunction or a preposition, never inside a
# noun phrase ("the one people bring" would leave a verb hanging).
_BOUNDARY = {"and", "but", "because", "so", "when", "which", "who", "that", "with", "for", "in", "at", "on", "by",
             "or", "if", "as", "than", "while", "where", "before", "after", "without", "within", "to"}
_DANGLING = _BOUNDARY | {"the", "a", "an", "my", "your", "their", "our", "to", "of", "is", "are", "was", "be", "i", "you", "rather"}
# "properly" and "really" end a goal only after a comma ("run the reviews, properly"); without one they belong
# to the phrase ("people being treated properly").
_TRAILING = re.compile(r"(?:,?\s+(?:my way|one day|someday|eventually|for real|at last|if i can|if possible|ideally)|"
                       r",\s*(?:properly|really|end to end))+[.!]?$", re.I)
_SUPPORT = re.compile(r"\b(?:my|our) (?:\w+ ){0,3}?(?:friends?|family|partner|wife|husband|mentor|manager|boss|professor|"
                      r"teacher|colleagues?|team|parents?|mum|mom|dad|sister|brother)\b.{0,40}\b(?:help|helps|support|supports|"
                      r"answers?|backs? me|cheers? me|is there|are there|listens?)\b", re.I)
_NEEDS_ITS_CLAUSE = {"person", "one", "ones", "people", "someone", "somebody", "kind", "type", "sort", "place", "thing", "guy",
                     "woman", "man", "role", "job"}
_DEADLINE = re.compile(r"\b(?:by|until|deadline|no later than|has to be|needs to be|must be)\b", re.I)
_FILLERS = {"really", "actually", "just", "truly", "very", "honestly", "basically"}
_HEDGE = re.compile(r"\b(?:kind|sort) of\s+", re.I)  # "kind of" is filler; "of" alone is not ("tired of paying")
# A reason that opens on how the person is ("tired of paying someone else") reads as a subject only with "being".
_STATES = {"tired", "sick", "fed", "frustrated", "bored", "proud", "happy", "excited", "keen", "ready", "worried",
           "scared", "afraid", "desperate", "stuck", "curious", "passionate", "free", "independent", "done", "good"}

# A goal is usually a verb phrase ("lead one project"); in a reflection it reads as "leading one project".
_NOUN_START = {"what", "how", "where", "when", "who", "whether", "which", "the", "a", "an", "my", "our", "your", "more", "less", "some", "better", "fewer", "one", "two", "three",
               "being", "having", "getting", "a", "time", "work", "enough", "no"}
_PREPOSITIONS = {"on", "in", "at", "onto", "with", "off", "out", "up", "over", "under", "for", "about", "back", "away"}
_POSSESSIVE = {"my": "your", "mine": "yours", "myself": "yourself", "our": "your", "me": "you", "i": "you",
               "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "am": "are"}


@cache
def templates() -> dict:
    return yaml.safe_load((PROMPT_DIR / "reflections.yaml").read_text(encoding="utf-8"))


def gerund(verb: str) -> str:
    """lead -> leading, run -> running, make -> making, be -> being."""
    v = verb.lower()
    if v.endswith("s") and not v.endswith(("ss", "us", "is")):
        return verb  # "events", "projects": a plural noun, not a verb to turn into "eventsing"
    if v in ("be", "see", "flee", "agree"):
        return v + "ing"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + "ing"
    if len(v) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bcdfgklmnprstvz]", v):
        return v + v[-1] + "ing"
    return v + "ing"


def _strongest_liking(text: str) -> re.Match | None:
    """ "I like the people side a bit but mostly I love digging into production issues": the love, not the bit."""
    found, at = [], 0
    while m := cues.LIKES.search(text, at):
        found.append(m)
        at = m.start() + 1
    loved = [m for m in found if re.search(r"\blove\b", m.group(0), re.I)]
    return (loved or found or [None])[-1]


def _about_others(reason: str) -> bool:
    """ "She make many sacrifice so I can come study here": what someone else did or wants, not why it matters to them."""
    return bool(reason) and reason.split()[0].lower() in {"she", "he", "they", "her", "his", "their"}


_CAPITALISED_STARTS = {"She", "He", "They", "We", "It", "My", "Our", "Their", "His", "Her", "The", "A", "An", "This", "That"}


_PHRASAL = re.compile(r"^\w+ing (?:on|up|in|out|off|over|back|down)\b")


# "mediation for about a year" is a thing already: no "mediationing"
_NOUN_ENDING = re.compile(r"^(?!(?:audition|mention|question|position|function|commission|station|caution|motion|section|ration|"
                          r"vision|pension|partition|petition|proposition|condition|sanction)$)\w+(?:tion|sion|ness|ity|ship|ism|ogy|ics|hood|dom)s?$", re.I)


def gist(span: str, max_words: int = MAX_GIST_WORDS, *, as_noun: bool = False) -> str:
    """A few of the person's own words that carry the span's meaning, or "" when no short phrase reads whole:
    "because I love untangling messy data systems" -> "untangling messy data systems". With `as_noun`, a verb
    phrase becomes a gerund ("lead one project" -> "leading one project") so it can stand as a subject."""
    text = tidy(span)
    for _ in range(5):
        stripped = _OPENERS.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = _TRAILING.sub("", _HEDGE.sub("", text))
    words = [w for w in text.split() if w.lower().strip(",.") not in _FILLERS]
    if len(words) > max_words:
        cut = max_words
        while cut >= 2 and (words[cut].lower().strip(",.") not in _BOUNDARY and not words[cut - 1].endswith(",")
                            or _PHRASAL.match(" ".join(words[cut - 1:cut + 1]).lower())):
            cut -= 1  # "bringing | on the juniors" is not a boundary: the particle belongs to its verb
        if cut < 2:
            return ""
        words = words[:cut]
    while words and words[-1].lower().strip(",.") in _DANGLING:
        words.pop()
    if words and words[-1].lower().strip(",.") in _NEEDS_ITS_CLAUSE:
        return ""  # "becoming the person" says nothing without "who runs our incident reviews"
    if len(content_words(" ".join(words))) < 2:
        return ""  # "being the one": too little of what they said to carry its meaning
    if as_noun and len(words) > 1 and words[0].lower() == "be" and words[1].lower().endswith("ing"):
        words = words[1:]  # "be aiming for head chef" -> "aiming for head chef", not "being aiming"
    if as_noun and words[0].lower() in _PREPOSITIONS:
        words = ["being", *words]  # "on forklift shifts" -> "being on forklift shifts", not "onning"
    if as_noun and words[0].lower() not in _NOUN_START and not words[0].lower().endswith("ing") \
            and "'" not in words[0] and words[0].lower() not in _POSSESSIVE and not _NOUN_ENDING.search(words[0].strip(",.")):
        words[0] = gerund(words[0].strip(",."))
    if words[0] in _CAPITALISED_STARTS:
        words[0] = words[0].lower()  # "She make many sacrifice" sits mid-sentence in a reflection
    out = " ".join(_POSSESSIVE.get(w.lower(), w) for w in words)
    return out.strip(" ,.;:!?\"'“”")


def copied_run(reply: str, source: str, run: int = COPY_RUN) -> bool:
    """Whether the reply repeats `run` or more consecutive words of the source."""
    def toks(s: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", s.lower().replace("’", "'"))

    src = toks(source)
    grams = {tuple(src[i:i + run]) for i in range(len(src) - run + 1)}
    out = toks(reply)
    return any(tuple(out[i:i + run]) in grams for i in range(len(out) - run + 1))


def _pick(situation: str, seed: str, gist_words: str | None = None, avoid: frozenset[str] = frozenset()) -> str:
    """A variant for this message; for situations that quote a short phrase, one without it when none reads whole.
    A variant in `avoid` (said in the reply before) gives way to the next one: the same sentence twice running
    sounds like a machine."""
    options = templates()[situation]
    if isinstance(options, dict):
        options = options["with"] if gist_words else options["without"]
    start = zlib.crc32(seed.encode()) % len(options)
    turned = [options[(start + i) % len(options)] for i in range(len(options))]
    return next((o for o in turned if not _said_before(o, avoid)), turned[0])


_NOT_WITHIN = re.compile(r"\b(?:can'?t|cannot|not enough|no time|too (?:much|expensive|hard|far)|afford|fees?|costs?|"
                         r"worried|afraid|scared|not sure|don'?t think|no way)\b", re.I)


def _said_before(template: str, said: frozenset[str]) -> bool:
    """Whether a sentence said before is this template filled in: "So this started with your partner, ..." is
    "So this started with {who}, ..." whoever the partner was."""
    pattern = re.compile(re.sub(r"\\\{\w+\\\}", ".+?", re.escape(template)), re.I)
    return any(pattern.fullmatch(s) for s in said)


def _possessive(who: str) -> str:
    if pronoun := {"she": "her", "her": "her", "he": "his", "him": "his", "they": "their"}.get(who.lower()):
        return pronoun  # "her hopes", not "she's hopes"
    return who + "'" if who.endswith("s") else who + "'s"


def _fill(template: str, **slots: str) -> str:
    if "who" in slots:
        slots["whose"] = _possessive(slots["who"])
    text = template.format(**{k: v for k, v in slots.items()}, **{k.capitalize(): (v[:1].upper() + v[1:] if v else v)
                                                                  for k, v in slots.items()})
    return re.sub(r"\s+", " ", text).strip()


def _owner(whose: str) -> str:
    """Who a possessive typed without care names: "sandra's" -> "sandra", "my dads" -> "my dad"; "my boss" and
    "chris" keep their s."""
    if whose.endswith("'s"):
        return whose[:-2]
    return whose[:-1] if re.search(r"(?:dad|mum|mom|wife|husband|partner|sister|brother)s$", whose) else whose


def _who(by: str) -> str:
    by = by.strip().lower()
    if by in ("", "me", "someone else", "they", "people", "everyone"):
        return "other people" if by in ("they", "people", "everyone") else "someone else"
    if by in ("hr", "he", "she"):
        return {"hr": "HR", "he": "him", "she": "her"}[by]  # "started with her", "her hopes"
    if re.match(r"(?:my|our|the) ", by):
        return re.sub(r"^(?:my|our|the) ", "your ", by)
    # "gaffer keeps on at me": a role said bare is still theirs ("your gaffer"); anything else stays as said
    if _ROLE.fullmatch(by):
        return f"your {by}"
    # "sandra wants me to ...": a name, said back as one
    return by.capitalize() if re.fullmatch(r"[a-z][a-z'-]+", by) and by not in _NOT_NAMES else by


_ROLE = re.compile(r"(?:\w+ )?(?:manager|boss|gaffer|guv'?nor|foreman|supervisor|team lead|lead|director|employer|"
                   r"parents?|mum|mom|dad|father|mother|family|partner|wife|husband|girlfriend|boyfriend|sister|brother|"
                   r"daughter|son|kids|children|friends?|teacher|mentor|coach|professor|advisor)")
_NOT_NAMES = {"company", "organisation", "organization", "ceo", "him", "her", "them", "somebody", "someone"}
# "i get why but thats her plan not mine": whose plan it is, said plainly
# "i want her to see me do it": who it is for, and what they would see
_FOR_THEM = re.compile(r"\bi(?: want|'?d like| would like) (?P<who>(?:my |our )?(?:kids|children|son|daughter|family|parents|mum|mom|dad|"
                       r"partner)|him|her|them) to (?P<what>see|know|be proud)\b(?P<rest>(?: [\w']+){0,9})(?=\s*(?:[.!?,;]|$))", re.I)
# "I suppose I want the people I cook for to be known, not just fed": what they want for others, whole
_WANT_FOR_OTHERS = re.compile(r"\bi(?: (?!dont\b|don'?t\b|never\b|do not\b)\w+)?(?: want|'d like| would like)\s+(?P<rest>(?:the|my|our|people|them|everyone)\b"
                              r"(?:\s+[\w']+){0,5}?\s+to\s+(?:be|feel|see|know|have|get)\b(?:\s+[\w']+){0,5})", re.I)
# "ok apprenticeship sounds best. get paid n learn": their pick, said as one
_SOUNDS_BEST = re.compile(r"^\W*(?:(?:ok(?:ay)?|right|yeah|yes|so|hmm+)\W+)*(?!(?:nothing|none|neither|which|what|the timing|the draft)\b)(?P<what>(?:the |an? |my )?[\w'-]+(?: [\w'-]+){0,3}?) "
                          r"(?:sounds|seems|feels|looks) (?:the )?(?:best|right(?: for me)?|most like me|like me)\b(?![^.!?]*\?)", re.I)
# "i wanna show dad i can do my own thing without him bailing me out"
_SHOW_THEM = re.compile(r"\bi(?: want to| wanna|'d like to| would like to) show (?P<who>(?:my |our )?(?:kids|children|son|daughter|family|"
                        r"parents|mum|mom|dad|partner|husband|wife)|him|her|them)(?: that)?(?P<rest>(?: [\w']+){2,12})(?=\s*(?:[.!?,;]|$))", re.I)
_NOT_MINE = re.compile(r"\b(?:it'?s|its|that'?s|thats) (?P<whose>his|her|their|(?:my )?[\w']+) (?P<what>plan|idea|dream|goal|thing|wish)\b,? "
                       r"(?:and )?not mine\b", re.I)


_HEADLESS = re.compile(r"^(?!(?:\w+ness|\w+ss|\w+us|\w+is|news|always|perhaps|sometimes|yes|this|his|its)\b)\w+s (?:me|you|us|them|him|her|it|a|an|the|my|your|our|their|this|that)\b", re.I)
# "listening you can move", cut from "listening I can move to after work": a clause, not a thing that matters
_SUBJECT_MODAL = re.compile(r"\b(?:i|you|we|they|he|she|it) (?:can|could|will|would|should|must|might|may)\b", re.I)
_QUANTITY = re.compile(r"\d+\w*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|"
                       r"seventy|eighty|ninety|hundred|thousand|million|pounds?|quid|euros?|dollars?|grand|years?|months?|weeks?|days?|hours?", re.I)


def reflections(r: Reading, *, other_by: str = "", earlier_goal: str = "", goal_is_why: bool = False,
                goal_in_hand: bool = True, limit: int = 2, avoid: tuple[str, ...] = ()) -> list[str]:
    """Up to `limit` reflections of this message, the most telling first. `other_by`: who a goal already under
    discussion came from, when it was someone else's; `earlier_goal`: the goal this message moves away from;
    `goal_is_why`: the message answers "what would it give you?", so a goal-like phrase in it is the value under
    the goal already in hand; `goal_in_hand`: whether any goal is under discussion (a date with none is not a
    deadline to reflect: "before our session on Thursday")."""
    seed = r.text
    said_before = frozenset(avoid)

    def pick(situation: str, gist_words: str | None = None) -> str:
        return _pick(situation, seed, gist_words, said_before)

    because = ""
    if len(r.goals) == 2 and goal_as_reason(r.text, r.goals[1]):
        because = gist(r.goals[1], as_noun=True)  # "move into the platform team" -> "moving into the platform team"
        r = replace(r, goals=(r.goals[0],), goal=r.goals[0], reason=r.reason or r.goals[1])
    if named := named_goal(r.text, r.goals):  # "my goal is X ... before that i want Y": X is the goal they named
        r = replace(r, goals=(named,), goal=named)
    liked = _strongest_liking(r.text)
    # only words a rule found as what someone wants for them are quoted, or taken as a pull beside their own goal;
    # the clause the classifier liked best ("thinks entirely in spreadsheets, suggested") is no goal to say back
    stated_other = any(m["goal"] in r.other_goal for m in cues.OTHER_GOAL.finditer(r.text)) if r.other_goal else False
    if goal_is_why and r.goal and not r.reason:
        r = replace(r, reason=r.goal, goal="", goals=())
    out: list[str] = []
    # Only a goal the person plainly stated is quoted; one the classifier inferred is reflected without its words.
    plain_goal = r.goals[0] if len(r.goals) == 1 else r.goal  # "events, or running projects for a charity": the plain one
    goal = gist(plain_goal, MAX_GIST_WORDS + 1, as_noun=True) if r.goal and r.goals else ""  # the gerund is never copied
    if not goal and r.goal and (len(r.text.split()) <= 3 or len(r.goal.split()) == 1):
        goal = r.goal.strip(" .!")  # "promotion": a terse answer is all words that matter
    elif not goal and r.goal and r.goals and len(r.goal.split()) <= 4 and r.goal.split()[0].lower() in _BASE_VERBS:
        first, _, rest = r.goal.strip(" .!").partition(" ")
        goal = second_person(f"{gerund(first)} {rest}".strip())  # "be a paramedic": short, and all of it matters
    said_why = bool(cues.REASON.search(r.text)) or r.scores.get("reason", 1.0) >= cues.REASON_HUNCH or not r.goal
    reason = because or (gist(r.reason) if r.reason and said_why else "")
    if reason and _FINITE.search(" ".join(reason.split()[1:])):
        # "patients leave", cut from "patients leave with a sheet ... and no idea why", says the wrong thing; and a
        # clause ("right now incidents feel chaotic") cannot stand where the templates want a thing that matters
        reason = ""
    if reason and ((not because and _CLAUSE_OPENING.match(reason)) or _restates(reason, plain_goal or r.goal)):
        # "went into law", "then you see friends retraining": a clause, not a thing that matters; and a "reason"
        # that only says the goal again ("be someone people trust ... because I want to be someone people trust")
        # adds nothing to reflect
        reason = ""
    if reason and (_HEADLESS.match(reason) or _SUBJECT_MODAL.search(reason)
                   or not [w for w in content_words(reason) if not _QUANTITY.fullmatch(w)]):
        # "gives you four years" (cut from "that gives me four years") has lost its subject; "fifty four" and
        # "three hundred pound" are amounts, not what makes it matter
        reason = ""
    if reason and re.match(r"(?:can'?t|cannot|cant|don'?t|dont|won'?t|wont|not)\b", reason, re.I):
        reason = ""  # "i cant not work, i pay half the rent": a constraint, not what makes it matter
    if reason and reason.split()[0].lower() in _STATES:
        reason = "being " + reason
    elif reason and (m := _WANT_FOR_OTHERS.search(r.reason)) and len(m["rest"].split()) <= 10:
        reason = "wanting " + second_person(m["rest"])  # "I want the people I cook for to be known" -> "wanting the ..."
    elif reason and re.search(r"\b(?:like|love|want)\s+(?:\S+\s+){1,2}to\b", r.reason, re.I) \
            and re.match(r"^(?:\S+\s){1,2}to\s", reason):
        reason = "wanting " + reason  # "I'd like people to trust my work" -> "wanting people to trust your work"
    elif reason and not because and reason.split()[0].lower() in _BASE_VERBS:
        reason = gist(r.reason, as_noun=True)  # "get my evenings back" -> "getting your evenings back": a thing
    if cues.MINE.search(r.text[:40]):  # "yeah its for me. ...": whose it is comes first, whatever else they add
        out.append(pick("mine"))
    elif sides := two_parts(r.text):
        out.append(_fill(pick("two_parts"), other=sides[0], gist=sides[1]))
    elif len(r.goals) >= 2:
        out.append(pick("several"))
    elif r.goal and (r.other_goal or other_by):
        out.append(_fill(pick("two_sided", goal), who=_who(r.other_by or other_by), gist=goal))
    elif r.goal and r.has("change_mind") and earlier_goal:
        out.append(_fill(pick("changed_mind", goal), gist=goal))
    elif r.other_goal and generic_goal(r.other_goal):  # "my daughter says I need a goal": a push, not a goal yet
        out.append(_fill(pick("pushed"), who=_who(r.other_by)))
    elif r.other_goal and goal_in_hand and not other_by and stated_other:
        # their own goal is on the table; "my mum keeps saying do nursing" is a pull beside it
        out.append(_fill(pick("beside_own"), who=_who(r.other_by)))
    elif r.other_goal and (other_by or not goal_in_hand):
        other = gist(r.other_goal, as_noun=True) if stated_other else ""
        if other and _FINITE.search(" ".join(other.split()[1:])):
            other = ""  # "your supervisor has already hinted": a clause cut short, not the goal; said without it
        out.append(_fill(pick("someone_elses", other), gist=other, who=_who(r.other_by)))
    elif r.duty_goal and not r.goal and not (goal_in_hand and len(r.duty_goal.split()) <= 5):
        # with their own goal in hand, "I have to ask them first" is a step on the way, not a duty laid on them
        duty = gist(r.duty_goal, as_noun=True)
        out.append(_fill(pick("duty", duty), gist=duty))
    elif (m := _SHOW_THEM.search(r.text)) and (not r.goal or r.goal.lower().startswith("show ")):
        who = m["who"].lower()
        who = _who(who) if who not in ("him", "her", "them") else who
        out.append(f"So part of this is about showing {who}{second_person(m['rest'])}.")
    elif r.goal and reason:
        out.append(_fill(pick("own_goal_with_reason", goal), gist=goal, other=reason))
    elif r.goal:
        out.append(_fill(pick("own_goal", goal), gist=goal))
    elif both := _less_more(r.text, liked):
        out.append(_fill(pick("less_more"), other=both[0], gist=both[1]))
    elif (m := _FOR_THEM.search(r.text)) and not r.goal:
        who = m["who"].lower()
        who = _who(who) if who not in ("him", "her", "them") else who
        ing = {"see": "seeing", "know": "knowing", "be proud": "being proud"}[m["what"].lower()]
        out.append(f"So part of this is about {who} {ing} {second_person(m['rest'].strip(' ,'))}".rstrip() + ".")
    elif m := _NOT_MINE.search(r.text):
        whose = m["whose"].lower()
        if whose in ("his", "her", "their") and other_by:
            whose = _possessive(_who(other_by))
        elif whose not in ("his", "her", "their"):
            whose = _possessive(_who(_owner(whose)))
        out.append(f"So it's {whose} {m['what'].lower()}, not yours.")
    elif r.reason and (m := _AVOID.search(r.reason)) and (what := gist(m["what"], as_noun=True)):
        out.append(_fill(pick("avoid", what), gist=what))  # "I don't want to be 60 and still wondering"
    elif r.reason and (m := _FIND_OUT.search(r.reason)) and len((what := second_person(m["what"].strip())).split()) <= 10:
        out.append(_fill(pick("find_out", what), gist=what))  # "i want to know if the food in my head is any good"
    elif r.reason and reason and not liked and not _about_others(reason):  # a liking ("I like puzzles") is reflected as one, below
        out.append(_fill(pick("reason", reason), gist=reason))

    feelings = templates()["feeling"]
    felt = [f for f in r.feelings if f in feelings]
    # "exciting but scary": a feeling that draws them set against one that holds them back is the pull both ways
    # ("I have been drifting ... he is kind but busy" is stuck, not torn)
    drawn = any(f in _DRAWN for f in felt)
    if "torn" in felt or (felt and _contrast(r.text) and (r.has("goal_own") or (drawn and (r.has("reason") or len(felt) >= 2)))):
        out.insert(0, feelings["torn"] if "torn" in felt else pick("ambivalent"))
    elif felt:
        out.insert(0, feelings[felt[0]])
    if r.has("asks_advice"):
        out.insert(0, pick("asks_advice"))
    if len(out) < limit and r.has("feasibility") and (sides := weigh(r.text)):
        # "The dining room is empty ... Maxine said she'd welcome help ... it's the staffing cover that's the real
        # question": both sides of whether it is within reach, beside the feeling, not the feeling alone
        for_them, against = (" and ".join(s) for s in (sides.going_for, sides.in_the_way))
        situation = "weighing" if for_them and against else "going_for" if for_them else "obstacle"
        out.append(_fill(pick(situation, for_them or against), gist=for_them or against, other=against))
    if not out and (m := _MISS.search(r.text)) and (what := second_person(m["what"].strip())) and len(what.split()) <= 6:
        rather = second_person(m["not"].strip()) if m["not"] and len(m["not"].split()) <= 5 else ""
        out.append(f"So it's {what} you miss{', not ' + rather if rather else ''}.")
    if not out and (m := _SOUNDS_BEST.match(r.text)) and len(content_words(m["what"])) >= 1:
        out.append(f"So {second_person(m['what'].strip())} is the way that fits you best.")  # "ok apprenticeship sounds best"
    if not out and (m := _OBSTACLE.search(r.text)) and (what := _obstacle(m["what"])):
        out.append(_fill(pick("obstacle", what), gist=second_person(what)))
    if not out and _DECLINED.search(r.text):
        out.append(pick("declined"))
    if not out and cues.PRESSURE.search(r.text):
        out.append(pick("pressure"))
    if not out and liked and (what := gist(re.split(r"[.!?;]|\s+but\s+", liked.group(1))[0])):
        out.append(_fill(pick("likes"), gist=what))
    if not out and _SUPPORT.search(r.text):
        out.append(pick("support"))
    if not out:
        # "within reach" only when they said so in words that do ("I already ...", "it's doable"), and not beside a
        # cost or a doubt: the head alone also hears "the fees are 12 million naira" and "the MBA is his road"
        within = bool(r.feasibility) and bool(cues.FEASIBILITY.search(r.text)) and not _NOT_WITHIN.search(r.feasibility)
        situations = [("unsure", r.has("unsure")), ("feasibility", within),
                      ("measure", bool(r.measure)), ("action", bool(r.actions)),
                      ("timeframe", bool(r.timeframe) and (goal_in_hand or r.any_goal or bool(_DEADLINE.search(r.text))))]
        if r.timeframe and r.has("change_mind"):  # "So I say 1 year, not 6 months": the move is the news
            situations.insert(0, situations.pop())
        for situation, present in situations:
            if present:
                when = r.timeframe[:1].lower() + r.timeframe[1:] if r.timeframe else ""
                # fixed only if the sentence that gives the date says so: "maybe start before the summer? i have to
                # ask them first" is a tentative date and a step
                dated_in = next((x for x in sentences(r.text) if r.timeframe.lower() in x.lower()), r.text)
                if situation == "timeframe" and cues.FIXED_DATE.search(dated_in):
                    situation = "timeframe_fixed"  # "actually it has to be September, that's when funding closes"
                elif situation == "timeframe" and r.has("change_mind"):
                    situation = "timeframe_moved"
                out.append(_fill(pick(situation), when=when))
                break
    if not out and r.reason and (cues.REASON.search(r.text) or r.scores.get("reason", 1.0) >= cues.REASON_HUNCH) \
            and not liked and not _about_others(r.reason):
        # a reason whose words do not make a gist: said without them, and only when nothing more telling was said
        out.append(pick("reason"))
    kept = [s for s in dict.fromkeys(out) if s and not copied_run(s, r.text)]
    return kept[:limit]


# "i want to know if the food in my head is any good when its mine": why it matters, said as something to find out
_FIND_OUT = re.compile(r"\b(?:know|find out|see|test|prove to myself) (?:if|whether) (?P<what>[^.;!?,]+?)(?=\s+(?:when|because|or not)\b|[.;!?,]|$)", re.I)

_DECLINED = re.compile(r"\b(?:not my (?:road|path|thing|goal|dream|plan|calling)|thank(?:s| you),? but no\b|"
                       r"(?:tell|told) (?:them|him|her|my \w+) (?:no|i'?m not)\b|(?:it'?s|that'?s|this is) not (?:for me|me)\b(?! to)|"
                       r"(?:going to |gonna |will |'ll |i )(?:say|saying) no to (?:it|that|them|him|her|the)\b)(?![^.!?]*\bregret)"
                       # "it is not my goal it is a step": kept, as a step on the way
                       r"(?![^.!?]*\b(?:(?:it'?s|it is|its) (?:just |only )?a (?:step(?! too far| back)|means|stepping stone)|a means to)\b)", re.I)

_DRAWN = {"excited", "proud", "hopeful"}

# "I don't want to be 60 and still wondering": why it matters, said as what they want to avoid
_AVOID = re.compile(r"\bi (?:really |just )?(?:don'?t|dont|do not|never) want to (?P<what>[^.;!?]+)", re.I)

# "whats stopping me is money mostly": what stands in the way, said as such
_OBSTACLE = re.compile(r"\b(?:(?:what'?s|whats|what is|the (?:main |big |only )?thing)\s+(?:really\s+)?(?:stopping|holding|blocking)\s+"
                       r"me(?:\s+back)?|(?:the )?hard(?:est)? (?:part|bit|thing)|what makes it hard)\s+(?:is|are|=)\s+(?:mainly |mostly |just )?"
                       r"(?P<what>[^.;!?]+)", re.I)  # "hard part is the paperwork side"
_LOOSE_END = re.compile(r"(?:,?\s+(?:mostly|really|tbh|honestly|i guess|i think|to be honest|if i'?m honest))+\s*$", re.I)


def _obstacle(said: str) -> str:
    said = _LOOSE_END.sub("", said.strip())
    what = gist(said) or (said if len(said.split()) <= 4 else "")  # "money": all the words that matter
    return what if len(what.split()) <= 5 else ""


_WANTS = r"(?:just |really |also |kind of |always |still )?(?:(?:has|have|'s) (?:always )?wanted|wants?|would (?:very much |really |quite )?like|'?d (?:very much |really )?like|likes?|loves?|would rather|'?d rather)"
# Both sides, with a little between them ("Part of me wants the promotion, the money's good. We've got a mortgage.
# But part of me has wanted to teach maths for years.")
_PARTS = re.compile(
    rf"\bpart of me {_WANTS}\s+(?P<a>[^.;,!?]+)[.;,!?]?\s+(?:[^|]{{0,160}}?[.;,!?]\s+)??"
    rf"(?:(?:but|and|while|yet|though)\s+)?(?:then\s+)?(?:another |the other |a |other )?(?:part|bit|side)(?: of me)? "
    rf"{_WANTS}\s+(?P<b>[^.;!?]+)", re.I)


_CLAUSE_OPENING = re.compile(r"^(?:then|when|if|so|because|it|this|that|there|they|he|she|we|you|i|was|were|felt|got|left|had|did|made|went|knew|said|thought|"
                             r"seemed|kept|told|became|took|came|saw|is|are|am)\b", re.I)


_BASE_VERBS = {"be", "get", "make", "have", "do", "go", "lead", "run", "build", "help", "care", "keep", "learn", "become",
               "find", "give", "take", "stay", "earn", "teach", "show", "prove", "start", "stop", "move", "spend", "live",
               "support", "feel", "see", "look", "provide", "pay", "buy", "save", "own", "create", "grow", "bring"}


def _restates(reason: str, goal: str) -> bool:
    said = set(content_words(reason))
    return bool(goal) and bool(said) and len(said & set(content_words(goal))) >= 0.6 * len(said)


_FINITE = re.compile(r"\b(?:is|are|was|were|feel|feels|felt|get|gets|got|leave|leaves|left|have|has|had|do|does|did|"
                     r"make|makes|made|go|goes|went|know|knows|knew|say|says|said|think|thinks|seem|seems|keep|keeps)\b", re.I)
_MISS = re.compile(r"\bi (?:really |still |do )?miss (?P<what>(?:the |my |our |being |working |having )?[^.,;!?]{2,40}?)"
                   r"(?:,?\s+(?:but )?not (?P<not>(?:the |my |our )?[^.,;!?]{2,30}?))?(?=\s*(?:haha|lol)?\s*(?:[.,;!?]|$))", re.I)


GENERIC = frozenset("goal goals plan plans something anything direction purpose focus aim target hobby".split())


def generic_goal(words: str) -> bool:
    """ "a goal", "some kind of plan": a goal with nothing of its own in it."""
    return all(w in GENERIC for w in content_words(words))


def goal_as_reason(text: str, goal: str) -> bool:
    """ "..., because I want to move into the platform team": a goal-like phrase said as the reason for another."""
    return bool(re.search(r"\b(?:because|cause|so that|since|as)\s+(?:i\s+(?:really\s+)?(?:want|'?d like|would like|hope)"
                          r"(?:\s+to)?\s+)?" + re.escape(goal[:24]), text, re.I))


def two_parts(text: str) -> tuple[str, str] | None:
    """ "part of me wants the promotion ... but part of me just wants to stay in the classroom": both sides, in a
    few of their words, for a double-sided reflection; None when either side has no short phrase that reads whole."""
    if not (m := _PARTS.search(text)):
        return None
    sides = []
    for side in (m["a"], m["b"]):
        side = side.strip()
        bare = side[3:] if side.lower().startswith("to ") else side
        words = gist(bare, as_noun=True) or (bare if len(bare.split()) <= 4 else "")  # "the title" is whole already
        if not words:
            return None
        sides.append(second_person(words))
    return sides[0], sides[1]


def _less_more(text: str, liked: re.Match | None) -> tuple[str, str] | None:
    """Away from one thing, toward another ("I don't care much about managing people. I like the analysis side"):
    both, in the person's words, or None."""
    far = cues.DISTANCE.search(text)
    group = next((g for g in ("what", "what2", "what3") if far and far[g]), None)
    if not (far and liked and group) or (liked.start() < far.start() and group != "what3"):
        return None  # "I like X ... I don't want Y" is two things; "I like X. Y, not so much" is one turn away
    end = far.end(group) if liked.start() < far.start() else min(far.end(group), liked.start())
    away = re.sub(r"[\s,;]*(?:but|and|though)?[\s,;]*$", "", text[far.start(group):end])
    away = re.sub(r"^(?:to|doing) ", "", tidy(away).strip(" ,."))
    words = away.split()
    if len(words) > 4:
        away = gist(away, as_noun=True)
    elif words and words[0].lower() not in _NOUN_START and re.search(r"\b(?:want|like|enjoy|fancy)(?: to)?\s*$",
                                                                     text[:far.start(group)], re.I):
        away = " ".join([gerund(words[0]), *words[1:]])  # "don't want to manage my team" -> "managing your team"
    away = " ".join(_POSSESSIVE.get(w.lower(), w) for w in away.split())
    if group == "what3" and away[:1].isupper() and away.split()[0][1:].islower():
        away = away[0].lower() + away[1:]  # it opened their sentence: "Marking, not so much"
    what_draws = re.split(r"[.!?;]", liked.group(1))[0]
    short = tidy(what_draws).strip(" ,.!")
    toward = gist(what_draws) or (short if len(short.split()) <= 3 else "")
    return (away, toward) if away and toward else None


def _contrast(text: str) -> bool:
    return bool(re.search(r"\b(but|though|although|yet|at the same time|on the other hand)\b", text, re.I))
