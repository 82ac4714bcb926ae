"""What the person weighs when they ask themselves whether the goal is within reach: what they have going for them
and what stands in the way, each named in a few of their own words, so a reflection can hold both sides ("So
you've got Maxine and a dining room empty most afternoons going for you, and the staffing cover in the way.")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text import second_person, sentences

MAX_WORDS = 5
MAX_EACH = 2

_CLAUSE = re.compile(r"\s*;\s*|\s+but\s+|\s+and\s+(?=[A-Z][a-z]+\b)|,\s*(?:and|so|which)\s+|\s+so\s+(?=(?:the|my|it|this|i)\b)|"
                     r"\s+and\s+(?=(?:it|its|it's|the|i|we|there|theres|there's|my)\b)|,\s+(?=(?:i|we|my|the|it'?s|its)\b)", re.I)
_DET = r"(?:the|my|our|a|an|his|her|their)"
_SUBJECT = rf"(?P<x>(?:{_DET}\s+)?(?:[\w'-]+\s+){{0,3}}?[\w'-]+)"

# What stands in the way, and the words that name it
_AGAINST = [
    # "i got a 3 in maths gcse and every uni course wants a 4"
    re.compile(r"\bgot (?:an? |only )?(?:\d|[a-g][*+]?|low|poor|bad)\b(?: grade)? in (?P<x>(?:my |the )?\w+(?: gcse| a-?level| exam| test)?)", re.I),
    # "the exam fee is a problem", "it's the staffing cover that's the real question", "the places are few"
    re.compile(rf"(?:^|\b(?:so|and|but|because)\s+|^\W*(?:also\W+)?)(?:it'?s\s+)?{_SUBJECT}\s+(?:is|are|'s|that'?s)\s+(?:still\s+|very\s+|a\s+bit\s+|really\s+)?"
               r"(?:a |the )?(?:problem|issue|worry|hard(?:est)? (?:one|part|bit)|real question|big question|expensive|too expensive|"
               r"few|a mess|the catch)\b", re.I),
    # "what makes it hard is mainly time", "problem is the fees", "the hard part is the software"
    re.compile(r"\b(?:what makes it hard|what'?s stopping me|(?:the )?(?:main |only |big )?(?:problem|catch|issue)|(?:the )?hard(?:est)? (?:part|bit|thing))"
               r"\s+(?:is|are)\s+(?:mainly |mostly |just |that )?(?!not\b|over\b|done\b|behind me\b)(?P<x>[^,;.!?]+)", re.I),
    # "the fees are about 12 million naira", "it costs ..."
    re.compile(r"\b(?P<x>(?:the )?(?:fees?|costs?|price))\s+(?:is|are|would be|will be)\s+(?:about |around |over |nearly |almost )?"
               r"(?:too |very |really |a lot|huge|steep|high|\d|£|\$|€|[\w-]+ (?:thousand|million|grand|k)\b)", re.I),
    # "I am not technical in the slightest": the side of it they doubt
    re.compile(r"\bi(?:'?m| am) not (?:very |at all |really )?(?P<adj>technical|confident|academic|organi[sz]ed|sporty|musical|creative)\b", re.I),
    # "we're down to three staff"
    re.compile(r"\b(?P<down>down to (?:\w+ ){0,2}(?:staff|people|hours|days))\b", re.I),
    # "i pay half the rent with my girlfriend"
    re.compile(r"\bpay (?:half |most |all )?(?:of )?(?P<x>(?:the|my|our) (?:rent|mortgage|bills))\b", re.I),
    # "no car", "no time", "no money"
    re.compile(r"(?:^|\b(?:got|have|there'?s|and)\s+)(?P<x>no (?:car|time|money|savings|degree|experience|licence|license))\b", re.I),
]
# What they have going for them
_FOR = [
    # "I've still got my AAT level 3 from before", "I have the council project as a concrete example"
    re.compile(r"\bi(?:'ve| have)? (?:still |already )?(?:got|have) (?!(?:a lot|lots|two kids|three kids|kids|a mortgage|a bad|debt|no)\b)"
               r"(?P<x>(?:my|the|a|an|some|two|three) (?![^,;.!?]*\b(?:debt|mortgage|loan|bad back|injury|problem|kids|children)\b)[^,;.!?]+?)(?=\s+(?:as|from|which|that|and|so|but|for|because)\b|[,;.!?]|$)", re.I),
    # "My company might pay for the course if I ask", "the director is backing me"
    re.compile(r"\b(?P<x>(?:my|the|our) (?:company|employer|manager|boss|director|union|school|college|council|family|partner|"
               r"wife|husband|team))\s+(?:might|would|will|could|is willing to|is going to|is|are)\s+(?:happy to\s+)?"
               r"(?:pay|cover|fund|back|backing|support|supporting|behind)\b", re.I),
    # "my English is now IELTS seven"
    re.compile(r"\b(?P<x>my (?:english|french|spanish|german|maths|math|writing|driving|portfolio|cv|savings|health|back|diary|work|"
               r"schedule|time|experience|record|reference|references)) (?:is|are) (?:now|already|good|strong|fine|ok|okay)\b", re.I),
    # "passed maths n english", "I passed my driving test"
    re.compile(r"\b(?:i )?passed (?P<passed>(?!(?:this|it|that|them|away|on|out)\b)[^,;.!?]+?)(?=\s+(?:as|from|which|that|so|but|last|in|because)\b|[,;.!?]|$)", re.I),
    # "I can write clearly for non-specialists", "can cycle to town"
    re.compile(r"(?:^|\bi |\band )can (?P<can>(?!i\b|do\b|be\b|ask\b|try\b|see\b|only\b|not\b|never\b|barely\b|probably\b|still\b|just\b|my\b|you\b|we\b|they\b|\w+ly\b)\w+(?: [^,;.!?]+?)?)(?=\s+(?:which|but|so|because|its|it'?s)\b|[,;.!?]|$)", re.I),
    # "Maxine's actually said before she'd welcome help", "Ruth said she'd happily be a referee"
    re.compile(r"(?:^|[,.]\s*|\b(?:and|the \w+ i worked with,)\s+)(?P<name>(?!I\b|It\b|The\b|This\b|That\b)[A-Z][a-z]+)(?:'s| has)?(?: actually| already)? said(?: before)? (?:she|he|they)'?d\b(?! (?:never|not|rather|hate)\b)"),
    # "my mate gary teaches plumbing there": someone on the inside
    re.compile(r"\bmy (?:mate|friend|pal|cousin|brother|sister|uncle|aunt|auntie|neighbour|neighbor|old boss|ex-?colleague)\s+"
               r"(?P<insider>(?!(?:who|that|still|also|just|now|already|used|and|is|was|there)\b)[a-z]+)\s+(?:already\s+)?"
               r"(?:teaches|works|lectures|is a \w+|runs)\b", re.I),
    # "college is 10 min from mine": close by
    re.compile(r"\b(?P<near>(?:the |my |our )?(?!it\b|this\b|that\b|there\b)[a-z'-]+)\s+(?:is|'s)\s+(?:only |just )?(?:[1-9]|1\d|20|ten|five|fifteen|twenty) ?"
               r"(?:min|mins|minutes)\s+(?:from|away|walk)\b", re.I),
    # "the dining room is empty between two and four", "flour and butter are cheap"
    re.compile(rf"{_SUBJECT}\s+(?:is|are)\s+(?:usually |often |mostly )?(?P<how>empty|cheap|free|sound|fine)\b(?<!account is empty)(?<!accounts are empty)(?<!fridge is empty)", re.I),
]


@dataclass(frozen=True)
class Weighing:
    going_for: tuple[str, ...] = ()
    in_the_way: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.going_for or self.in_the_way)


def weigh(text: str) -> Weighing:
    """The few things on each side, in order, each a short phrase in the person's words ("" when none reads whole)."""
    going_for: list[str] = []
    in_the_way: list[str] = []
    for sentence in sentences(text):
        for clause in _CLAUSE.split(sentence):
            clause = clause.strip(" ,.")
            if clause.endswith("?"):
                continue  # "Can my manager stop me?": a question, not a side of it
            against = _against(clause)
            if against is not None:  # a clause that names a difficulty is never also what helps
                if against:
                    in_the_way.append(against)
            elif support := _for(clause):
                going_for.append(support)
    return Weighing(tuple(dict.fromkeys(going_for))[:MAX_EACH], tuple(dict.fromkeys(in_the_way))[:MAX_EACH])


def _against(clause: str) -> str | None:
    """What the clause says is in the way; "" when it says so in words too long to name it by; None when it says
    nothing in the way."""
    for rx in _AGAINST:
        if m := rx.search(clause):
            if "adj" in m.groupdict() and m["adj"]:
                return f"the {m['adj'].lower()} side"
            if "down" in m.groupdict() and m["down"]:
                return "being " + m["down"].lower()
            x = m["x"].strip()
            if rx is _AGAINST[0] and not re.match(rf"{_DET}\b", x, re.I):
                x = "the " + x  # "got a 3 in maths gcse" -> "the maths gcse"
            if x.lower() in ("it", "this", "that", "which", "they", "there"):
                return "the cost" if re.search(r"expensive|cost", clause, re.I) else ""
            return _phrase(x)
    return None


def _for(clause: str) -> str:
    for rx in _FOR:
        if m := rx.search(clause):
            found = m.groupdict()
            if found.get("passed"):
                return _phrase("passing " + found["passed"])
            if found.get("can"):
                return _phrase(_gerund_of(found["can"]))
            if found.get("name"):
                return found["name"]
            if found.get("insider"):
                return found["insider"].capitalize()
            if found.get("near"):
                return _phrase(f"{found['near']} close by")
            if found.get("how"):
                subject = m["x"].strip()
                if subject.lower() in ("it", "this", "that", "which", "they", "there"):
                    return ""
                return _phrase(f"{subject} being {m['how'].lower()}")
            return _phrase(m["x"])
    return ""


def _gerund_of(words: str) -> str:
    from assistant.reading.reflect import gerund  # one conjugation for every reflection

    verb, _, rest = words.partition(" ")
    return f"{gerund(verb)} {rest}".strip()


def _phrase(words: str) -> str:
    """Their words, said back from Waymark's side ("my English" -> "your English"), or "" when too long to read
    as a short thing."""
    words = re.sub(r"^(?:honestly|also|and|so|but|mainly|mostly|just)\s+", "", words.strip(" ,.;:"), flags=re.I)
    out = second_person(words)
    if re.match(r"(?:The|My|Our|A|An)\b", out):
        out = out[0].lower() + out[1:]  # "The fees" sits mid-sentence
    return out if 0 < len(out.split()) <= MAX_WORDS else ""
