"""Reading the dates people write ("by June", "in three weeks", "next Friday") into calendar dates."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# as people type them: "on my day off wednesdy", "thurs"; never "sat", "sun" or "mon", which are words too
WEEKDAY_SPELLINGS = {**WEEKDAYS, "tues": 1, "tuesdy": 1, "weds": 2, "wednesdy": 2, "wensday": 2, "wednsday": 2,
                     "wedensday": 2, "thurs": 3, "thur": 3, "thursdy": 3, "fridy": 4}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple of": 2, "few": 3}
UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "fortnight": 14, "month": 30, "mth": 30, "year": 365, "yr": 365}

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_IN = re.compile(r"\b(?:in|within|over the next|say|make it|make that|let it be)\s+(?:the next\s+)?(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                 r"eleven|twelve|couple of|few)\s+(day|week|wk|fortnight|month|mth|year|yr)s?\b", re.I)  # "in 2 wks"
# "18 months" as the whole answer (or the words kept from "say 18 month"): a span from today.
_BARE = re.compile(r"^\W*(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few)\s+"
                   r"(day|week|fortnight|month|year)s?\W*$", re.I)
_MONTH_DAY = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I)
# "on the first of March", "the twentieth of January": a day said in words
ORDINAL_WORDS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
ORDINAL_WORDS |= {f"twenty-{w}": 20 + n for w, n in list(ORDINAL_WORDS.items())[:9]} | {"thirtieth": 30, "thirty-first": 31}
_DAY_WORD = "|".join(w.replace("-", "[- ]?") for w in sorted(ORDINAL_WORDS, key=len, reverse=True))  # "twenty first", voice-typed
_DAY_MONTH = re.compile(r"\b(\d{1,2}(?=(?:st|nd|rd|th)?\s)|(?:" + _DAY_WORD + r")(?=\s+of\s))(?:st|nd|rd|th)?\s+(?:of\s+)?("
                        + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# "by june", "till july", and "september then" (a month settled on, said as the correction it is)
_MONTH = re.compile(r"\b(?:(?:by|in|before|until|till|til|from|end of|the end of|during|for the|in time for the|ready for the)\s+"
                    r"(?:the end of\s+)?(?:next\s+|this\s+)?|(?=(?!may\b)(?:" + _MONTH_NAMES + r")\s+then\b))(" + _MONTH_NAMES + r")\b(?:\s+(\d{4}))?", re.I)
# "the 5th graders", "my 2nd attempt": an ordinal that counts something else, not a day of the month
_NOT_A_DAY = (r"(?!\s+(?:of\s+)?(?:century|time|floor|person|place|anniversary|birthday|grade(?:r?s)?|years?|year group|form|class|"
              r"round|attempt|go|tr(?:y|ies)|draft|module|chapter|book|edition)\b)")
# "on the 20th", and "thurs 17th": a weekday, even shortened, says the number is a day of the month
_ORDINAL_DAY = re.compile(r"\b(?:(?:on |by |before )?the |(?:tues?|weds|wednesday|thu(?:rs?)?|thursday|fri|friday|"
                          r"saturday|sunday|monday|tuesday)\.?,?\s+(?:the\s+)?)(\d{1,2})(?:st|nd|rd|th)\b" + _NOT_A_DAY, re.I)
_WEEKDAY = re.compile(r"\b(?:by|on|next|this|before)?\s*(" + "|".join(sorted(WEEKDAY_SPELLINGS, key=len, reverse=True)) + r")\b", re.I)
_RELATIVE = {
    # "that's all for today" closes a conversation; it names no date.
    re.compile(r"(?<!all for )(?<!enough for )(?<!it for )(?<!that for )\btoday\b", re.I): 0, re.compile(r"\b(?:tomorrow|tmrw|tmw|2moro)\b", re.I): 1,
    re.compile(r"\b(?:tonight|this (?:evening|afternoon))\b", re.I): 0,
    re.compile(r"\bnext week\b", re.I): 7, re.compile(r"\bnext month\b", re.I): 30,
    re.compile(r"\b(?:end of|by the end of) (?:the|this) week\b", re.I): None,
    re.compile(r"\b(?:end of|by the end of) (?:the|this) month\b", re.I): None,
    re.compile(r"\b(?:end of|by the end of) (?:the|this) year\b", re.I): None,
    re.compile(r"\bnext year\b", re.I): 365, re.compile(r"\bnext quarter\b", re.I): 90,
    re.compile(r"\b(?:this|the|over the|at the) weekend\b", re.I): None,  # "draft it this weekend": by its Sunday
    re.compile(r"\bnext weekend\b", re.I): None,
    re.compile(r"\bthis week\b", re.I): None,  # "book the hall this week": by its Friday (beside another date, the other: find_when)
}


# A season or holiday named as a deadline means its end ("by summer": the end of August).
SEASONS = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30), "winter": (2, 28),
           "christmas": (12, 25), "xmas": (12, 25), "easter": (4, 15), "new year": (1, 1)}
_SEASON = re.compile(r"\b(?:by|in|before|until|over|during|this|next|the end of|end of|around)\s+(?:the\s+)?(?:end of\s+)?"
                     r"(?:next\s+|this\s+|the\s+)?(" + "|".join(SEASONS) + r")(?:\s+holidays?)?\b", re.I)


# A season of a named year: "spring 2028", "summer next year", "spring the year after" (the year after next).
_SEASON_OF_YEAR = re.compile(r"\b(" + "|".join(k for k in SEASONS if k in ("spring", "summer", "autumn", "fall", "winter")) +
                             r")\s+(?:of\s+)?(20\d\d|next year|the year after(?: next)?)\b", re.I)
# A month of a named year: "by October next year", "in March 2028" (before "next year" alone is read as a year away).
_MONTH_OF_YEAR = re.compile(r"(?<!\d )(?<!\d\d )(?<!\d[a-z][a-z] )(?<!\d\d[a-z][a-z] )(?<!of )\b(" +
                            "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?:of\s+)?(20\d\d|next year)\b", re.I)
# "the middle of January", "mid-March", "early May", "late Feb": a part of a month, the next time it comes
_PART_OF_MONTH = re.compile(r"\b(?:(?:the )?(?P<part>middle|start|beginning) of|(?P<short>mid|early|late)-?\s?)\s*(?P<month>" +
                            "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b(?:\s+(?P<year>20\d\d|next year))?"
                            # "I'm working late may be till 9": the verb, not the month
                            r"(?<!may)(?<!May)|\b(?:(?:the )?(?P<part2>middle|start|beginning) of|(?P<short2>mid|early|late)-?\s?)\s*may\b"
                            r"(?!\s+(?:be|have|not|i|we|you|he|she|they|need|want|go|take|get|do)\b)(?:\s+(?P<year2>20\d\d|next year))?", re.I)
_PART_DAY = {"middle": 15, "mid": 15, "start": 7, "beginning": 7, "early": 7}
# A correction said by the person: "make that", "let it be", "actually, say"; not "my wife would say" or "make that call"
CORRECTED_TO = re.compile(r"(?<!would )(?<!will )(?<!she )(?<!he )(?<!they )\b(?:make (?:it|that)(?: the)?|let it be|let'?s (?:say|make it)|"
                          r"change (?:it|that) to|move it to|push it (?:back )?to|(?:actually|no|sorry|ok),? (?:say|make it))\b|"
                          r"(?=\b(?!may\b)(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+then\b)", re.I)  # not "I may then"
# "next year is too far away", "January is too soon": a date they are setting aside
DATE_TOO = re.compile(r"\b(?:is|'s|seems|feels|sounds|was)\s+(?:way |a bit |much |far |probably )?too\s+"
                      r"(?:long|soon|short|far|far away|late|early|tight|quick)\b", re.I)
_RESTATED = re.compile(r"\s*,?\s*(?:that is|that's|i\.e\.?|meaning|in other words)\b,?\s*", re.I)
_END_OF_NEXT_YEAR = re.compile(r"\b(?:the )?end of next year\b", re.I)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def spoken(iso: str) -> str:
    """A date as a person says it, with the calendar form after it: "Monday the 21st of December (2026-12-21)"."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    suffix = "th" if 10 <= day.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{calendar.day_name[day.weekday()]} the {day.day}{suffix} of {calendar.month_name[day.month]} ({iso})"


def parse_when(text: str, today: date | None = None) -> date | None:
    """The first date the text names, in the future relative to `today`; None when it names none."""
    found = find_when(text, today)
    return found[0] if found else None


def find_when(text: str, today: date | None = None) -> tuple[date, str] | None:
    """(date, the words that named it), or None. Of several dates, the one named first: "I'll sit the exam next week
    and apply in March 2028" is next week; "two year is too long, say 18 month, our sister retires in summer next
    year" is 18 months (the later date is their reason)."""
    today = today or date.today()
    if m := _ISO.search(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])), m[0]
        except ValueError:
            return None
    found = [(m.start(), m.end(), rank, when, words) for rank, (m, when, words) in enumerate(_candidates(text, today))]
    # "I'm slammed this week but want the promotion by the end of this year": this week is mostly how things are now
    found = [f for f in found if f[4].lower() != "this week"] or found
    if not found:
        return None
    # "make that the jan 2028 intake", "so let it be 12 months": the date a correction names, right after it, is the one
    # they mean now (the last correction, if there are several)
    every = found
    for cue in reversed(list(CORRECTED_TO.finditer(text))):
        if after := [f for f in found if cue.start() <= f[0] <= cue.end() + 12]:
            found = after
            break
    start, end = min(found)[:2]
    # "let it be 12 months, that is by the January 2028 promotions": a date restated more exactly (with a day or a
    # year) is the one they mean; "by March, that's next year for me" is not more exact
    if (again := _RESTATED.match(text, end)) and (exact := [f for f in every if again.end() <= f[0] <= again.end() + 12
                                                            and re.search(r"\d", f[4])]):
        found, (start, end) = every, min(exact)[:2]
    # Matches that overlap the first name one date ("check in feb 1": "in feb" and "feb 1"); the more precise pattern,
    # earlier in the order of precedence, reads it.
    _, _, _, when, words = min((f for f in found if f[0] < end and start < f[1]), key=lambda f: f[2])
    # "on saturday 28th march": the weekday is said with the date that follows it, which is the day they mean
    if _WEEKDAY.fullmatch(words.strip()):
        joined = [f for f in found if end <= f[0] <= end + 6 and not re.sub(r"(?i)\bthe\b", "", text[end:f[0]]).strip(" ,")
                  and re.search(r"\d", f[4])]  # "Saturday the 19th of December"
        if joined:
            return joined[0][3], text[start:joined[0][1]]
    return when, words


def _candidates(text: str, today: date):
    """Every date the text names, each with its match, in the order of precedence for dates that start together."""
    if m := _SEASON_OF_YEAR.search(text):
        month, day = SEASONS[m[1].lower()]
        year = int(m[2]) if m[2].isdigit() else today.year + (1 if m[2].lower() == "next year" else 2)
        yield m, date(year, month, day), m[0]
    if m := _PART_OF_MONTH.search(text):
        month = MONTHS[(m["month"] or "may").lower()]
        part = (m["part"] or m["short"] or m["part2"] or m["short2"]).lower()
        named = m["year"] or m["year2"]
        year = (int(named) if named.isdigit() else today.year + 1) if named else today.year
        when = _month_end(year, month) if part == "late" else date(year, month, _PART_DAY[part])
        if when <= today and not named:  # the next time that part of the month comes
            when = _month_end(year + 1, month) if part == "late" else date(year + 1, month, _PART_DAY[part])
        yield m, when, m[0]
    m = _MONTH_OF_YEAR.search(text)
    if m and m[1].lower() == "may" and not re.search(r"\b(?:by|in|before|until|from|of|end of|next|this)\s*$", text[:m.start()], re.I):
        m = None  # "people may next year get promoted": the verb, not the month
    if m:
        year = int(m[2]) if m[2].isdigit() else today.year + 1
        yield m, _month_end(year, MONTHS[m[1].lower()]), m[0]
    if m := _END_OF_NEXT_YEAR.search(text):
        yield m, date(today.year + 1, 12, 31), m[0]
    for rx, days in _RELATIVE.items():
        if m := rx.search(text):
            if days is not None:
                yield m, today + timedelta(days=days), m[0]
            elif "weekend" in rx.pattern:
                sunday = today + timedelta(days=(6 - today.weekday()) % 7)  # said on a Sunday: today
                yield m, sunday + timedelta(days=7 if "next" in rx.pattern else 0), m[0]
            elif "week" in rx.pattern:
                yield m, today + timedelta(days=(4 - today.weekday()) % 7 or 7), m[0]
            elif "month" in rx.pattern:
                yield m, _month_end(today.year, today.month), m[0]
            else:
                yield m, date(today.year, 12, 31), m[0]
    if m := _IN.search(text) or _BARE.search(text):
        n = NUMBERS.get(m[1].lower()) if not m[1].isdigit() else int(m[1])
        yield m, today + timedelta(days=(n or 1) * UNIT_DAYS[m[2].lower()]), re.sub(r"^(?:say|make it|make that|let it be)\s+", "", m[0], flags=re.I)
    for rx, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        if m := rx.search(text):
            said_day = m[day_group].lower()
            said_day = re.sub(r"^(twenty|thirty)[- ]?", r"\1-", said_day)
            month, day = MONTHS[m[month_group].lower()], ORDINAL_WORDS.get(said_day) or int(said_day)
            try:
                when = date(today.year, month, day)
            except ValueError:
                continue
            if when < today:  # next year's; 29 February falls back to the 28th when next year has none
                when = date(today.year + 1, month, day if (month, day) != (2, 29) or calendar.isleap(today.year + 1) else 28)
            yield m, when, m[0]
    # "check in on the 20th": the next 20th, this month or the next
    if not _MONTH_DAY.search(text) and not _DAY_MONTH.search(text) and (m := _ORDINAL_DAY.search(text)):
        day, year, month = int(m[1]), today.year, today.month
        for _ in range(3):
            try:
                if (when := date(year, month, day)) > today:
                    yield m, when, m[0]
                    break
            except ValueError:
                pass
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for m in _MONTH.finditer(text):  # every one: the later may be the correction ("till july. september then")
        month = MONTHS[m[1].lower()]
        year = int(m[2]) if m[2] else today.year
        when = _month_end(year, month)
        yield m, (when if when >= today else _month_end(year + 1, month)), m[0]
    if m := _SEASON.search(text):
        month, day = SEASONS[m[1].lower()]
        when = date(today.year, month, day)
        if after := re.match(r"\s+next year\b", text[m.end():], re.I):  # "by Christmas next year"
            yield m, date(today.year + 1, month, day), m[0] + after[0]
        else:
            yield m, (when if when >= today else date(today.year + 1, month, day)), m[0]
    # "selling at the Saturday market": a weekday after "the" names a thing, not a day
    if (m := _WEEKDAY.search(text)) and not re.search(r"\b(?:the|a|our|my|their)\s+$", text[:m.start(1)], re.I):
        ahead = (WEEKDAY_SPELLINGS[m[1].lower()] - today.weekday()) % 7 or 7
        yield m, today + timedelta(days=ahead), m[0].strip()
    elif m := _SHORT_DAY.search(text):  # "sat morning", "on fri": short, so only with a word that makes it a day
        ahead = (_SHORT_DAYS[(m[1] or m[2]).lower()] - today.weekday()) % 7 or 7
        yield m, today + timedelta(days=ahead), m[0].strip()


_SHORT_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_SHORT_DAY = re.compile(r"\b(?:(?:on|this|next|by)\s+(mon|tue|wed|thu|fri|sat|sun)\b|(mon|tue|wed|thu|fri|sat|sun)\s+(?:morning|afternoon|evening|night|am|pm)\b)", re.I)


# Time words that name a deadline or a span but not always a calendar date ("before I turn 40", "this term",
# "end of Q3", "asap"): a timeframe to the reader, dated where a date can be worked out.
_SPAN = re.compile(
    r"\b(?:(?:by|before|until|end of|the end of|by the end of)\s+(?:the\s+)?(?:end of\s+)?(?:the\s+)?(?:next\s+|this\s+|my\s+|our\s+)?"
    r"(?:quarter|term|semester|year|financial year|school year|academic year|month|week|summer|appraisal|review|interview|"
    r"reviews|training contract|contract|probation|deadline|holidays|q[1-4])|"
    r"(?:this|next)\s+(?:year|quarter|term|semester|month|week|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")|"
    r"(?:by|end of|in)\s+q[1-4]|\bq[1-4]\b|(?:by|in|before)\s+20\d\d|"
    r"(?:before|by the time)\s+(?:i(?:'m| am)?|i turn|my \w+ (?:retires|starts|leaves|finishes))\s*(?:turn\s+)?\d{2}|"
    r"before i turn \d{2}|by the time i(?:'m| am)? \d{2}|before i'?m \d{2}|by (?:age )?\d{2}\b(?! (?:people|clients|hours))|"
    r"by the time (?:my|the|i) [^,.]{3,40}|"
    r"(?:within|in|over|say|make it|make that|let it be)\s+(?:the\s+)?(?:next\s+)?(?:about\s+|around\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|eighteen|couple of|few)\s+(?:days?|wks?|weeks?|months?|mths?|years?|yrs?)|within the year|"
    r"(?:\d+|two|three|four|five|six|eight|ten|eighteen)\s+(?:weeks|months|years)(?:,? give or take| or so)|"
    r"^\W*(?:\d+|two|three|four|five|six|eight|ten|eighteen)\s+(?:weeks|months|years)\W*$|"
    r"asap|as soon as possible|tonight|this (?:afternoon|morning|evening)|tmrw|tomorrow|"
    r"(?:by|on|before) the \d{1,2}(?:st|nd|rd|th)\b" + _NOT_A_DAY + r"|the \d{1,2}(?:st|nd|rd|th)\b" + _NOT_A_DAY + ")", re.I)
_NOT_A_DEADLINE = re.compile(r"\bevery\s+(?:" + "|".join(WEEKDAYS) + r")|\b(?:" + "|".join(WEEKDAYS) + r") of (?:every|each) (?:month|week)\b|\b(?:ago|last (?:year|week|month))\b|"
                             r"(?<!first )(?<!next )(?<!this )\b(?:" + "|".join(WEEKDAYS) + r")\s+(?!(?:morning|afternoon|evening|night|to|and|or|at|for|the|with|so|i|we|then|"
                             r"if|by|before|after|next|week|is|would|will|(?:in|of) (?:" + "|".join(MONTHS) + r")|" + "|".join(MONTHS) + r")\b)[a-z]+s?\b(?<!day)", re.I)
# A time said of what has happened ("I've given my books away this week") is not a deadline for anything.
_PAST = re.compile(r"\b(?:been|was|were|did|had|gave|given|went|finished|started|joined|graduated|worked|spent|left)\b", re.I)
# "everything I have written tonight": told of, within its own clause (not "my manager said senior role in March")
_TOLD = re.compile(r"\b(?:written|wrote|thought|talked)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|'ll|going to|gonna|want|wanna|plan|hope|aim|by|before|until|next|need|have to|would|'d)\b", re.I)


def _anniversary(text: str, words: str) -> bool:
    """ "city bus driver, 20 years this spring": how long they will have been at it, not a deadline."""
    at = text.find(words)
    return at >= 0 and bool(re.search(r"(?<!in )(?<!within )\b(?:\d+|ten|fifteen|twenty|thirty|forty) (?:years?|yrs)\s*$", text[:at], re.I))


def _set_aside(text: str, words: str) -> bool:
    """Whether these date words are judged too far, too soon, too long right where they are said."""
    at = text.find(words)
    return at >= 0 and bool(re.match(r"\s*" + DATE_TOO.pattern.removeprefix(r"\b"), text[at + len(words):], re.I))


def _in_the_past(text: str, words: str) -> bool:
    """Whether the clause holding these date words tells of something done, not something to do."""
    for clause in re.split(r"[.!?;]|,|\band\b|\bbut\b", text):
        if words.strip() and words.strip() in clause:
            return bool(_PAST.search(clause) or _TOLD.search(clause)) and not _FUTURE.search(clause)
    return False


MOVED_TO = re.compile(r"\b(?:let'?s (?:say|make it|go (?:for|with))|say|make it|push(?:ed)? it (?:back )?to|"
                      r"move(?:d)? it to|change(?:d)? it to|(?:got|been|was|is|has been|have been) (?:moved|pushed back|pushed|changed|rescheduled) to|"
                      r"(?:moved|pushed back|rescheduled) to|"
                      # "the campaign finishes on 20 April, so 15 of May is more realistic"
                      r"so(?=\s[^,.;!?]{3,30}? (?:is|would be|sounds|seems) (?:(?:much |a lot )?more (?:realistic|doable|achievable|sensible)|"
                      r"(?:a )?(?:safer|better) (?:bet|date|deadline|target))\b))\s", re.I)
# "Better to say end of April. No, wait, ... 15 of May": what they said after correcting themselves
SELF_CORRECTED = re.compile(r"\b(?:no,? wait|wait,? no|actually,? no(?!\s*(?:one|body|longer|more|matter|way|idea)\b)|no,? actually|scratch that)\b[,.!]?\s*", re.I)
# "I told you the review was the 12th of January, it's the 19th": what they said before, then what is right
TOLD_WRONG = re.compile(r"(?<!like )(?<!as )\bi (?:told you|said|think i said)\b[^.!?]{0,60}?,\s*(?:but\s+)?(?:it's|it’s|it is)\s+(?:actually\s+|really\s+)?(?=\S)", re.I)
_THATS_THE_ONE = re.compile(r"(?:^|[.!?]\s+)(?P<pick>(?:\S+\s+){0,3}\S+)[.!]\s+(?:that'?s|thats) (?:the one|the date|my date)\b", re.I)
_CLAUSE_END = re.compile(r"[,.;!?]|\b(?:because|when|as)\b", re.I)


_INSTEAD = re.compile(r"(?P<said>[^.;!?]*?)\s*,?\s*\binstead\b(?!\s+of\b)", re.I)
_CLAUSE_BREAK = re.compile(r",|\b(?:so|but|and)\b", re.I)


def instead(text: str, today: date | None = None) -> str:
    """ "November is closed, so I'll sit it on December 14 instead": the date words said with "instead" (the last
    clause before it), or "" ("instead of emailing them" moves nothing)."""
    for m in _INSTEAD.finditer(text):
        if said := timeframe_words(_CLAUSE_BREAK.split(m["said"])[-1], today):
            return said
    return ""


def moved_to(text: str, today: date | None = None) -> str:
    """ "the end of May is tight, let's say by the end of July": the date words they moved to, not the ones they left;
    "" when they moved to none."""
    moved = MOVED_TO.search(text)
    if not moved:
        return ""
    said = _CLAUSE_END.split(text[moved.end():])[0]
    # "let's make it May": a month alone, said as the date they moved to
    return timeframe_words(said, today) or (timeframe_words(f"in {said.strip()}", today) if len(said.split()) <= 3 else "")


def timeframe_words(text: str, today: date | None = None) -> str:
    """The words that give a deadline or a span for a goal or a step, or "" (not "every Wednesday", not "ago")."""
    if _PAST.search(text) and not _FUTURE.search(text):
        return ""
    fixes = list(SELF_CORRECTED.finditer(text))
    if fixes and (corrected := timeframe_words(text[fixes[-1].end():], today)):
        return corrected
    if (told := TOLD_WRONG.search(text)) and find_when(told[0], today) \
            and (right := timeframe_words(_CLAUSE_END.split(text[told.end():])[0], today)):
        return right
    # "Actually, not March. Daughter's getting married in April ... September intake. That's the one."
    if (chosen := _THATS_THE_ONE.search(text)) and (picked := timeframe_words(chosen["pick"], today)
                                                    or timeframe_words(f"in {chosen['pick']}", today)):
        return picked  # "September intake" alone is no date; chosen as the one, it is
    if later := moved_to(text, today):
        return later
    # "November test application is already closed. So I will take the test on December 14 instead": the date said
    # with "instead"
    if moved_instead := instead(text, today):
        return moved_instead
    found = find_when(text, today)
    while found and (_in_the_past(text, found[1]) or _set_aside(text, found[1]) or _anniversary(text, found[1])):
        # "I finished my degree in June ...": June is behind them; "next year is too far away ... by the end of March"
        text = text.replace(found[1], " ", 1)
        found = find_when(text, today)
    if found and not _NOT_A_DEADLINE.search(text):
        return found[1].strip()
    m = _SPAN.search(text)
    return m[0].strip() if m else ""


def time_bound_from(text: str, today: date | None = None) -> str:
    """The person's own date words with the date they mean: 'by June (2027-06-30)'; '' when there are none."""
    found = find_when(text, today)
    return f"{found[1].strip()} ({found[0].isoformat()})" if found else ""
