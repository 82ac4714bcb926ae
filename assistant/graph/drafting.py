"""Drafting from understanding: each SMARTY part comes from the words that say it, whenever the person said
them. A part nobody has given stays open; an answer that says nothing about a part never fills it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from assistant.dates import CORRECTED_TO, MONTHS, MOVED_TO, find_when, instead, parse_when, timeframe_words
from assistant.graph.goalwords import goal_kind
from assistant.numbers import counted, number_change, phrase_change, renumbered
from assistant.graph.state import Draft
from assistant.reading import Reading
from assistant.reading.cues import (ASKED_OUTRIGHT, TAG_QUESTION, BURDEN, CHANGE_MIND, DATE_TOO, FEASIBILITY, MAKES_ROOM, MATTERS_LABEL, MEASURE, MINE, NO_ROOM, PRESSURE,
                                    REASON, REASON_HUNCH, SELF_ASKED_MEASURE, counts_things_done)
from assistant.reading.spans import tidy
from assistant.text import clip_words, content_words, overlap, sentences

# "what are some ways people fit it in?": a question of theirs is never an answer to be filed as a part
ASKING = re.compile(r"^\W*(what|how|which|where|who|why|when|can|could|should|would|will|is|are|do|does|did)\b[^?]*\?\W*$", re.I)

PARTS = ("specific", "measurable", "achievable", "relevant", "time_bound")
ASK_ORDER = ("measurable", "time_bound", "achievable", "relevant")  # the order open parts are asked for
SLOT_OF = {"measure": "measurable", "timeframe": "time_bound", "feasibility": "achievable", "reason": "relevant"}
PART_WORDS = 40


_SOONER = re.compile(r"\b(?:too far|sooner|earlier|bring it forward|quicker)\b", re.I)
# A run-on's clauses: at a comma before a new subject, or at "and also", "so it's", "which is"
_RUN_ON_CLAUSE = re.compile(r",\s+(?=(?:and |but |so )?(?:i|i'?m|i'?d|i'?ve|she|he|they|we|it'?s|that'?s|you|the|my|what|well|if|though|although)\b)|"
                            r"\s+(?=and also\b|so it'?s\b|so that'?s\b|which is\b|if i'?m honest\b)", re.I)
_PART_LABEL = re.compile(r"^\W*(?:what makes it (?:doable|possible|realistic|hard)|what'?s in the way|the reason)(?: i (?:suppose|guess|think))?"
                         r"(?: is| would be)?\s+|^\W*it matters (?:because|cause|'cause|cos|coz)\s+", re.I)
CLAUSE_WORDS = 18  # past this many words, a part keeps its first clauses only: the draft is read, not skimmed


def first_clauses(words: str, part: str = "") -> str:
    """ "What makes it doable I suppose is Kayleigh wants it, she asked me last year ..., and the clients like her":
    the clauses that carry it, in their words, up to about 18 words. For why it matters, the clause that says what
    they want ("..., but I'd like a bit of me that's mine again"), wherever it comes."""
    if len(words.split()) <= CLAUSE_WORDS:
        return words
    words = _PART_LABEL.sub("", words)
    clauses = [c.strip(" ,") for c in _RUN_ON_CLAUSE.split(words) if c.strip(" ,")]
    wanted = [c for c in clauses if part == "relevant" and _WANTS.search(c)]
    if wanted and wanted[-1] != clauses[0]:
        want = re.sub(r"^(?:(?:and|but|so|also)\s+)+", "", wanted[-1], flags=re.I)
        both = f"{clauses[0]} … {want}"  # the setting, then the want: "my mum never got the chance … I want to do it for her"
        return both if len(both.split()) <= PART_WORDS else want
    kept: list[str] = []
    for clause in clauses:
        if kept and len(" ".join(kept + [clause]).split()) > CLAUSE_WORDS:
            break
        kept.append(clause)
    return ", ".join(kept)


_WANTS = re.compile(r"\bi(?:'d| would| should)? (?:really |just )?(?:like|love|want)\b|\bmatters?\b|\bimportant\b", re.I)


def dated(words: str, today: date) -> str:
    """Their date words, with the date they mean: "within a year (2027-11-24)"."""
    # "september", the month they settled on, alone: the end of that month, as "by september" would be
    found = find_when(words, today) or (find_when(f"by {words}", today) if MONTH_ALONE.fullmatch(words.strip()) else None)
    return f"{words} ({found[0].isoformat()})" if found else words


def undated(part: str) -> str:
    """The person's date words in a time-bound part: "by March (2027-03-31)" -> "by March"."""
    return re.sub(r" \(\d{4}-\d{2}-\d{2}\)$", "", part)


LEAD = re.compile(r"(by|before|in|within|until|for)\s", re.I)


def redated(words: str, old: str, new: str, today: date) -> str:
    """Their goal in their words, with the date they gave replaced by the one they moved it to: "pass the exam by
    March" -> "pass the exam by the end of June". Words without the old date are left as they are."""
    found = find_when(words, today)
    at = words.lower().find(old.lower()) if old and found and found[1].lower() == old.lower() else -1
    if at < 0:  # the old date is not the one their goal's words give
        return words
    if (lead := LEAD.match(old)) and not LEAD.match(new):
        new = f"{lead[1]} {new}"
    return words[:at] + new + words[at + len(old):]


def start(goal_words: str, turn: int, today: date) -> Draft:
    """A draft whose statement is the person's own statement of the goal; a date inside it is the time-bound part."""
    words = clip_words(tidy(goal_words), PART_WORDS)
    draft: Draft = {"statement": words, "specific": words, "said_at": {"specific": turn}}
    if found := find_when(words, today):
        draft["time_bound"] = dated(found[1], today)
        draft["said_at"]["time_bound"] = turn
    if how_many := counted(words):  # "ten short articles": how much is said with the goal; not asked again
        draft["measurable"] = how_many
        draft["said_at"]["measurable"] = turn
    return draft


def restate(draft: Draft, goal_words: str, turn: int, today: date) -> Draft:
    """The person said the goal again, their way: their new words replace the old, other parts stay."""
    fresh = start(goal_words, turn, today)
    return {**draft, **{k: v for k, v in fresh.items() if k != "said_at"},
            "said_at": {**draft.get("said_at", {}), **fresh["said_at"]}}


# "could I ask you to change "supervising" to "mentoring"?": one word of theirs for another, wherever it stands
SWAP = re.compile(r"\b(?:change|swap|replace|switch)\s+[\"'“‘]?(?P<old>[\w' -]{2,40}?)[\"'”’]?\s+"
                  r"(?:to|for|with|into)\s+[\"'“‘]?(?P<new>[\w' -]{2,40}?)[\"'”’]?(?=\s*(?:[.,;?!]|$|\s+(?:please|instead)\b))", re.I)
_NOT_SWAPPED = {"it", "this", "that", "the date", "the deadline", "the goal", "the measure", "the wording", "my mind"}
WORDED = ("statement", "specific", "measurable", "achievable", "relevant")  # the date is re-read, not re-worded


def swapped(draft: Draft, text: str) -> Draft | None:
    """The draft with the words they asked to change changed, in every part that holds them; None when they asked
    for no such change, or the words are not in the draft."""
    m = SWAP.search(text)
    if not m or not content_words(m["old"]) or re.search(r"\d", m["old"]) or m["old"].strip().lower() in _NOT_SWAPPED:
        return None  # "change it to June", "change 10 to 15": a date or a number is re-read, not swapped word for word
    old = re.compile(r"\b" + re.escape(m["old"].strip()) + r"\b", re.I)
    out = {**draft, **{p: old.sub(m["new"].strip(), draft[p]) for p in WORDED if isinstance(draft.get(p), str) and old.search(draft[p])}}
    return out if out != draft else None


def revised(draft: Draft, r: Reading, turn: int, today: date) -> Draft:
    """The draft on the table after a message about it: their goal said again replaces its words, and only what the
    reading finds changes a part (said outright, with the draft shown); anything else leaves it as it is."""
    if r.goal and (not draft.get("statement") or overlap(r.goal, draft["statement"]) >= RESTATED
                   or CHANGE_MIND.search(r.text[:60]) or HEADED.match(r.text[:max(r.text.find(r.goal), 0)])
                   or PINNED.match(r.text)):
        # said again ("teaching 2 nights a week at the college"), or changed outright ("scratch that, I want ..."); a
        # want said beside the draft ("By Thursday I want a one-page summary drafted") is not the goal's new words
        draft = restate(draft, r.goal, turn, today)
    return absorb(draft, r, turn, today, keep_given=True)[0]


MONTH_ALONE = re.compile(r"(?:" + "|".join(MONTHS) + r")(?: then)?", re.I)
# "If I try to pin it down, I'd like to ...": the goal said again, more precisely
PINNED = re.compile(r"^\W*(?:if i (?:try to |were to )?pin it down|to pin it down|pinning it down|(?:more )?concretely|"
                    r"in other words|put (?:it )?(?:simply|another way)|to be (?:more )?(?:specific|precise))\b", re.I)
DEADLINE = re.compile(r"^\W*(?:by|before|within|until|till|no later than|(?:the )?end of|(?:in|over) the next|in (?:\d+|a|an|one|two|"
                      r"three|four|five|six|eight|ten|twelve|eighteen|a couple of|a few) (?:weeks?|months?|years?)|"
                      r"(?:next|this) (?:year|summer|spring|autumn|fall|winter|month|term)|\w+ 20\d\d)\b", re.I)
# "So maybe: part-time bookkeeping ...": a goal said after a short heading is the draft's new wording
HEADED = re.compile(r"^[^.!?:]{0,25}:\s*$")
RESTATED = 0.3  # share of a new goal's words already in the draft's goal for it to be the goal said again
SAID_OUTRIGHT = {"measurable": MEASURE, "achievable": FEASIBILITY, "relevant": REASON}


def date_for_goal(text: str, goal: str, today: date) -> str:
    """ "For the coaching thing Breda wants an answer by the 12th of January ... The farm course, I think the next
    intake is in September": of several dated sentences, the date of the one that talks about their goal (its
    words), or "" when no one sentence does."""
    dated_sentences = [(x, w) for x in sentences(text) if (w := timeframe_words(x, today))]
    if len(dated_sentences) < 2 or not goal or timeframe_words(text, today) != dated_sentences[0][1]:
        return ""  # (a date they corrected or moved to is read from the whole message, by the rules that know how)
    first = dated_sentences[0][1]
    if re.match(r"(?:by|before|until|till|no later than)\b", first, re.I) \
            or re.search(r"\b(?:by|before|until|till|no later than)\s+(?:the\s+)?" + re.escape(first), dated_sentences[0][0], re.I):
        return ""  # "I'd like it done by March. The course itself starts in January": the deadline they gave
    about = [(x, w) for x, w in dated_sentences if overlap(goal, x) >= 0.3]
    return about[0][1] if len(about) == 1 else ""


def said_outright(part: str, text: str) -> bool:
    """Words that say which part this is: "I'd know because ...", "it's doable since ...", "it matters because
    ...", or the coach's own question said first ("how would i know it worked? if i sell all 12 seats ...",
    "why it matters. i want to know ...")."""
    if part not in SAID_OUTRIGHT:
        return False
    return (bool(SAID_OUTRIGHT[part].search(text)) or (part == "measurable" and bool(SELF_ASKED_MEASURE.match(text)))
            or (part == "relevant" and bool(MATTERS_LABEL.match(text))))
# A message read as a feeling fills the part just asked for only if that part's head gives it at least this much:
# "pretty sure my qualifications are out of date", said when asked what reaching the goal would give them, is a worry.
WORRY_FLOOR = 0.2
UNLABELLED_FLOOR = 0.05  # below this, the asked part's head sees nothing of it in an answer with no cue
MEASURE_HUNCH = 0.5  # the measure head's probability above which an unlabelled answer is filed as the open measure


def absorb(draft: Draft, r: Reading, turn: int, today: date, expecting: str | None = None,
           goal_is_theirs: bool = True, no_goal_yet: bool = False, keep_given: bool = False) -> tuple[Draft, list[str]]:
    """Every part this message says goes into the draft; returns the draft and the parts it added or changed.

    `goal_is_theirs`: False while the goal under discussion is someone else's; its measure and date are theirs, not
    the person's, so only why it matters and what is within reach are kept for the person's own version.
    A part already given is replaced only by words that say it outright ("it connects to ...", "I'd know
    because ..."), a change of mind, or an answer to the question that asked for it: a side remark the heads read
    as a reason does not overwrite the reason they gave. `keep_given`: with the draft on the table, even an answer
    to the last question needs such words.
    `expecting`: the part the last question asked for. A message that names no part but answers it with words of
    substance fills it only for the parts whose answers have no reliable cue (why it matters, why it is within
    reach), and the measure when it answers "how would you know?" in three or more words of substance; an agreement,
    a doubt or a question fills nothing.
    """
    out: Draft = {**draft, "said_at": dict(draft.get("said_at", {}))}
    added: list[str] = []
    if not r.has("change_mind") and (goal_date := date_for_goal(r.text, draft.get("statement", ""), today)) \
            and goal_date != r.timeframe:
        r = replace(r, timeframe=goal_date)
    said = {"measurable": r.measure, "time_bound": r.timeframe, "achievable": r.feasibility, "relevant": r.reason}
    answered = bool(expecting and said.get(expecting))

    def put(part: str, words: str) -> None:
        if part != "time_bound" and any(words.strip(" ?.") and words.strip(" ?.") in x and x.rstrip().endswith("?")
                                        and ASKED_OUTRIGHT.match(x) and not TAG_QUESTION.search(x) for x in sentences(r.text)):
            return  # "is this plan too much for one person with shift work?": a question to answer, not a part
        words = re.sub(r"^\W*\d+[.)]\s+", "", LABEL.sub("", words))  # "3) Every Sunday, one full practice test": no list mark
        if part != "relevant":  # "5 hours a week, because I want to ...": the reason is not part of the measure
            words = re.split(r",\s+because\b", words, maxsplit=1)[0]  # "I'd know because ..." is the measure itself
        words = clip_words(tidy(words) if part == "measurable" else first_clauses(tidy(words), part), PART_WORDS)
        if answered and part != expecting and out.get(part) and not said_outright(part, r.text) \
                and not (part == "time_bound" and r.has("change_mind")):
            # answering the question asked; a side reading does not overwrite a part already given (a date they
            # correct, "actually no make that the jan 2028 intake", is no side reading)
            return
        if (keep_given or part != expecting) and out.get(part) and part in SAID_OUTRIGHT \
                and not said_outright(part, r.text) and not (r.has("change_mind") and not r.timeframe):
            return  # "scrap March, say June, and I'll let this round of promotions go": the date moved, not the measure
        if keep_given and part == "relevant" and out.get(part) and (r.measure or r.feasibility or r.actions) \
                and not (MATTERS_LABEL.match(r.text) or REASON_LABEL.search(r.text)):
            return  # "I've been working out what finished looks like, because ... has been a fog": why they did that
        if part != "time_bound" and part != expecting and out.get(part) and r.has("change_mind") and r.timeframe \
                and not said_outright(part, r.text) and not overlap(words, out[part]):
            # (unless it says the same part again: "make it 8 new clients by the end of September instead")
            return  # "So I say 1 year, not 6 months. The course is only two times in a year": the date moved, not this
        if words and out.get(part) != words:
            out[part] = words
            out["said_at"][part] = turn
            added.append(part)

    # "10 is too many, make it 6": the number changes in their measure and their goal's words, nothing else does,
    # and the sentence itself is not filed as a part.
    renumbering = number_change(r.text) if goal_is_theirs else None
    if renumbering:
        for part in ("measurable", "statement", "specific"):
            if out.get(part) and (fixed := renumbered(out[part], *renumbering)) != out[part]:
                out[part] = fixed
                out["said_at"][part] = turn
                if part != "specific":
                    added.append(part)
        if not added:
            renumbering = None  # no number of theirs to change: read the message as usual
    if not renumbering and goal_is_theirs and (swap := phrase_change(r.text)):
        # "not three days ... I meant three mornings": their words, with what the number counts swapped
        for part in ("measurable", "statement", "specific"):
            if out.get(part) and (fixed := re.sub(re.escape(swap[0]), swap[1], out[part], flags=re.I)) != out[part]:
                out[part] = fixed
                out["said_at"][part] = turn
                if part != "specific":
                    added.append(part)
        renumbering = swap if added else None  # like a new number, it is the whole of what the message says
    action_text = " ".join(r.actions)
    # Unasked (with or without a goal yet), a measure is filed only when it is said as one: "I'd know because ...",
    # "at least 5 full days", "finish 3 courses", their own "how would I know? ...". The measure head alone also
    # likes a liking ("I liked the group projects more than the exams") and things they know ("I know Excel little
    # bit"): neither is how they would know they got there.
    said_as_one = (bool(MEASURE.search(r.text)) or bool(SELF_ASKED_MEASURE.match(r.text))
                   or counts_things_done(r.measure))
    described = any(r.measure in x and THERE_IS.match(x) for x in sentences(r.text))  # "there is planning team, 4 people"
    # "It does feel like mine ... the ward manager would rather I picked up more shifts": whose it is, not a measure
    whose = bool(MINE.search(r.text)) and not said_as_one
    if r.measure and goal_is_theirs and (expecting == "measurable" or said_as_one) and not described and not whose \
            and (MEASURE.search(r.text) or not (only_past(r.text) or only_past(r.measure))):
        put("measurable", r.measure)
    # "enrol this week" dates a step, not the goal; "I've booked a call for next Tuesday" does not move its deadline
    # "make it three starters, not two. another one starts next week": a new number, and a date that is not theirs
    moved = not renumbering
    # "so aim to have applied everywhere by 15 july, offer by end of august": the deadline said again, last, beside
    # a milestone on the way to it, stays the deadline ("not 18 months ... let it be 12 months" moves it)
    kept = re.sub(rf"^{LEAD.pattern}", "", undated(out.get("time_bound", "")), flags=re.I).strip().lower()
    # ("Can we say June? July is too tight" and "Make it June. September is too far off" move it)
    if kept and r.timeframe and len(kept) >= 4 and kept not in r.timeframe.lower() and not DATE_TOO.search(r.text) \
            and not MOVED_TO.search(r.text) and not CORRECTED_TO.search(r.text) \
            and not re.search(rf"\b{re.escape(kept)}\s+(?:is|feels|seems|sounds|'s)\b", r.text.lower()):
        last_kept = max((m.start() for m in re.finditer(rf"\b{re.escape(kept)}\b", r.text.lower())), default=-1)
        before_kept = r.text.lower()[max(0, last_kept - 30):last_kept]
        if last_kept > r.text.lower().rfind(r.timeframe.lower()) >= 0 \
                and not re.search(r"\b(?:not|instead of|rather than|than)\s+(?:\S+\s+){0,3}$", before_kept):
            moved = False  # ("3 clients by September, not 5 by June": the old one, turned down)
    # "head of year by the end of this month ... and a revision guide of my own": the date goes with the other goal
    if r.other_goal and r.goal and r.timeframe and not any(r.timeframe in s and r.goal[:30] in s for s in sentences(r.text)):
        moved = False
    # "start with Mrs Dodds, so the first one before Easter": with a deadline in hand, the date of a first one is a step's
    if out.get("time_bound") and r.timeframe and any(
            r.timeframe in x and FIRST_ONE.search(x.split(r.timeframe)[0]) for x in sentences(r.text)) \
            and not (r.has("change_mind") or CORRECTED_TO.search(r.text) or MOVED_TO.search(r.text)):
        moved = False
    # "six chapters in his inbox by 30 April": with a deadline in hand, a date inside the measure is the measure's
    in_measure = bool(out.get("time_bound") and r.measure and r.timeframe and r.timeframe in r.measure
                      and not r.has("change_mind") and not MOVED_TO.search(r.text))
    said_in = next((x for x in sentences(r.text) if r.timeframe and r.timeframe in x), "")
    if no_goal_yet and r.timeframe and not DEADLINE.match(r.timeframe) \
            and not re.search(r"\b(?:by|before|no later than)\s+(?:the\s+)?(?:end of\s+)?(?:my \w+ (?:birthday|anniversary),?\s*(?:which is|that'?s)?\s*)?$",
                              said_in.split(r.timeframe)[0], re.I):
        # ("I'd like that in place by my 60th birthday, which is 14 September 2027": a deadline all the same)
        moved = False  # "fieldwork in February is its own kind of character building", said before any goal: background
    # "our hotel will open the position next year", "if the practice score is over 750 in September": with their
    # deadline in hand, a date said of something else moves it only when they say it moves, or give it as a
    # deadline ("by June"; "In three months is fine", a date said on its own)
    moved_instead = bool(instead(r.text, today))
    signalled = bool(r.has("change_mind") or MOVED_TO.search(r.text) or CORRECTED_TO.search(r.text) or moved_instead)
    said_in_alone = any(x.strip().lower().startswith(r.timeframe.lower()) or len(x.split()) <= 6
                        for x in sentences(r.text) if r.timeframe and r.timeframe.lower() in x.lower())
    as_deadline = bool((DEADLINE.match(r.timeframe or "") and said_in_alone) or re.search(
        rf"\b(?:by|before|until|till|no later than|deadline(?: is)?)\s+(?:the\s+)?{re.escape(r.timeframe or '')}", r.text, re.I))
    if out.get("time_bound") and expecting != "time_bound" and not signalled and not as_deadline:
        moved = False
    if r.timeframe and goal_is_theirs and moved and not in_measure and (r.timeframe not in action_text or moved_instead) \
            and not (r.has("action") and out.get("time_bound") and not ((r.has("change_mind") and CORRECTED_TO.search(r.text)) or moved_instead)):
        before = out.get("time_bound", "")
        # a date moved is read near the one it replaces: "December 14 instead" of the end of November next year is
        # next year's December 14, not the one ten days away
        near = re.search(r"\((\d{4}-\d{2}-\d{2})\)$", before)
        reference = today
        if near and re.search(r"\d", r.timeframe) and not re.search(r"\b20\d\d\b", r.timeframe) \
                and (first := parse_when(r.timeframe, today)) and (first - today).days <= 45 \
                and (date.fromisoformat(near[1]) - first).days > 183 and not _SOONER.search(r.text):
            # only a day of a month ("December 14"), landing within weeks of today when their deadline is most of a
            # year off; "make it March instead" or "in three months" means what it says
            reference = first + timedelta(days=1)
        put("time_bound", dated(r.timeframe, reference))
        # only a date they moved ("let's make it June", "actually ... instead"): "done in a day", said of the
        # measure, changes no words of their goal
        if before and out["time_bound"] != before and (r.has("change_mind") or MOVED_TO.search(r.text) or moved_instead):
            for part in ("statement", "specific", "measurable"):  # "pass it by March", then "make it the end of June"
                if out.get(part):
                    out[part] = redated(out[part], undated(before), r.timeframe, reference)
    # The same for what is within reach: "12 hour shifts driving vans", said before any goal, describes a job.
    # "I'm not sure anyone would read it" answers "what would stretch you?", but unasked it is a doubt, not a part;
    # so is a load they carry ("we've got a mortgage and two kids")
    room = bool(MAKES_ROOM.search(r.feasibility or "")) and not NO_ROOM.search(r.feasibility or "")
    doubt = expecting != "achievable" and bool(DOUBT.search(r.feasibility or "") or (BURDEN.search(r.feasibility or "") and not room))
    # Unasked, it is said as such ("I already ...", "it's doable") or says what makes room ("I could use annual
    # leave for it"); "I mostly need help planning it" is not why the goal is within reach.
    if r.feasibility and not doubt and (expecting == "achievable" or FEASIBILITY.search(r.text)
                                        or (not no_goal_yet and room)):
        put("achievable", r.feasibility)
    # And why it matters: "I'd like people to trust my work", said while exploring, is a value, not yet a part.
    # "... which I'm dreading slightly because she's very pro-SQE": why someone else is as they are, not why the
    # goal matters to them
    about_others = bool(re.match(r"\W*(?:because|'?cause|cos|since|as)?\s*(?:she|he|they)(?:'s|'re| is| are| was| were)\b", r.reason or "", re.I)
                        and not re.search(r"\b(?:i|i'm|i'd|i've|me|my)\b", r.reason or "", re.I))
    if r.reason and not about_others and (expecting == "relevant" or said_outright("relevant", r.text)
                                          or (not no_goal_yet and r.scores.get("reason", 1.0) >= REASON_HUNCH)):
        put("relevant", r.reason)
    if r.actions:
        before = out.get("actions", [])
        # "So I will take the test on December 14 instead": the goal's date moved, which is no step
        steps = [a for a in r.actions if not ("time_bound" in added and r.timeframe and r.timeframe in a)]
        out["actions"] = list(dict.fromkeys([*before, *steps]))
        if out["actions"] != before:
            added.append("actions")
    # A message read as giving a date (even one the parser cannot place) or changing their mind answers no other
    # question: "actually october is too soon, let's say spring" is not what makes the goal within reach.
    quiet = (bool(renumbering) or r.has("agree", "unsure", "question_to_waymark", "asks_advice", "off_topic", "distress", "timeframe", "change_mind")
             or r.any_goal or added
             or bool(PRESSURE.search(r.text))  # "it feels like I should": others' pull, not why it matters to them
             or bool(MINE.search(r.text))  # "the networking stuff is mine": which part is theirs, not a measure
             or all(ASKING.match(s) for s in sentences(r.text)))
    # Only the parts whose answers carry no reliable cue take an unlabelled answer: a goal is said in so many words,
    # and filing any next message under it is how a draft fills with the wrong parts.
    head = {"achievable": "feasibility", "relevant": "reason", "measurable": "measure"}.get(expecting or "")
    worry = head and r.has("feeling") and r.scores.get(head, 0.0) < WORRY_FLOOR  # a worry that does not answer
    # "sorry my english not perfect", said after "how would you know?", answers nothing: the part's own head must
    # see at least a trace of it
    # "The project ships and the team says it went well", said when asked what is within reach: it reads as a
    # measure, and the measure is still open, so that is where it goes.
    looks_like_measure = not out.get("measurable") and r.scores.get("measure", 0.0) >= MEASURE_HUNCH
    aside = bool(head) and r.scores.get(head, 1.0) < UNLABELLED_FLOOR and not looks_like_measure
    quiet = quiet or aside
    if expecting in ("achievable", "relevant") and not quiet and not worry and len(content_words(r.text)) >= 2:
        put("measurable" if looks_like_measure and goal_is_theirs else expecting, r.text)
    elif expecting == "measurable" and goal_is_theirs and not quiet and len(content_words(r.text)) >= 3 and not only_past(r.text) \
            and not (r.has("feeling") and r.scores.get("measure", 0.0) < MEASURE_HUNCH) \
            and not (r.feasibility and r.scores.get("feasibility", 0.0) > r.scores.get("measure", 0.0)):
        # "run the site alone for a week", said when asked how they would know: a measure needs no cue words when
        # it answers that question and says nothing else. Shorter answers ("mine", "done it") are not filed, nor is
        # a feeling the measure head doubts ("pretty sure my qualifications are out of date" is a worry), nor what
        # makes it doable ("college is 10 min from mine and my mate teaches there").
        put("measurable", r.text)
    return out, added


FIRST_ONE = re.compile(r"\b(?:the |my )?first (?:one|of (?:them|those|these)|step|session|interview|meeting|recording|"
                       r"class|visit|call)\b", re.I)
REASON_LABEL = re.compile(r"\b(?:the|my) (?:real |main )?reason (?:is|would be|being)\b", re.I)
# "the measure would be: both signed off": the label is theirs to say, not a part of the measure
LABEL = re.compile(r"^\W*(?:so\s+)?(?:(?:the|my) (?:measure|marker|sign of success|reason|deadline|number|target)\s+(?:would be|is|will be|could be)|"
                   r"success(?: for me| to me)?(?: first step)? (?:would be|is|means)(?: to)?|success\s*[=:]|"
                   r"(?:the )?measure[- ]?wise,?(?: i(?:'?d| wud| would) say)?|"
                   r"(?:i'?d|i would|i will|i'?ll|i) (?:consider|call|count) it a success (?:if|when|once)|"
                   r"(?:that'?s|that is|this is) my (?:number|measure|marker|target))\s*:?\s*", re.I)
DOUBT = re.compile(r"\b(?:not sure|unsure|doubt|worried|i worry|afraid|scared|don'?t think|can'?t|cannot|no one|nobody|not enough)\b", re.I)
PAST = re.compile(r"\b(?:started|was|were|had|has never|have never|never (?:even )?\w+ed|did|didn'?t|ago|yesterday|last (?:week|month|year|time))\b", re.I)
THERE_IS = re.compile(r"^\W*(?:(?:in|at|on) (?:our|my|the) \w+,?\s+)?there(?:'s|\s+(?:is|are|were|was))\b", re.I)
AHEAD = re.compile(r"\b(?:will|would|'d|'ll|when|once|if|by|until|able to|can)\b", re.I)


def only_past(text: str) -> bool:
    """ "they started monday. one of them has never held a scanner": how things were, not how they would know."""
    return bool(PAST.search(text)) and not AHEAD.search(text)


def open_parts(draft: Draft) -> list[str]:
    return [p for p in ASK_ORDER if not draft.get(p)]


def is_concrete(draft: Draft) -> bool:
    """Enough to show as a draft: what, and at least how much or by when."""
    return bool(draft.get("statement")) and bool(draft.get("measurable") or draft.get("time_bound"))


def finish(draft: Draft) -> Draft:
    return {**draft, "kind": goal_kind(draft.get("statement", ""))}
