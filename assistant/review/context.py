"""What the moment around a helper turn says about advice: did the person just ask for it, did the helper ask
permission first, does the turn itself ask permission or tell the person what to do. Experts code advice by these,
not by the words alone (the reviewer's advice head is fitted over them with the turn's embedding)."""

from __future__ import annotations

import re

ASKED = re.compile(r"\b(what should i|what do you (think|suggest|recommend)|any (advice|tips|ideas)|how (do|can|should) i|"
                   r"what can i do|do you think i should|should i|tell me what|what would you do)\b", re.I)
PERMISSION = re.compile(r"\b(would it be (ok|okay|alright|all right)|is it (ok|okay|alright) if|may i|can i (share|offer|suggest|tell)|"
                        r"would you like (me|some|to hear)|do you mind if|if you('d| would) like|would you be interested)\b", re.I)
DIRECTIVE = re.compile(r"\b(you should|you need to|you must|you have to|you ought|you'?ve got to|why don'?t you|"
                       r"i (would )?(recommend|suggest|advise)|my advice|try to|make sure|i want you to|you might want to|"
                       r"you could try|it would be (good|best|wise)|it'?s (important|best|better) (to|that|for you)|"
                       r"i'?d (like you to|encourage you)|consider)\b", re.I)
IMPERATIVE = re.compile(r"(^|[.!?]\s+)(try|make sure|don'?t|do not|stop|start|go|take|cut|avoid|remember|keep|get|call|use|"
                        r"think about)\b", re.I)
NAMES = ["person_asked", "person_asked_question", "helper_asked_permission_before", "asks_permission", "directive",
         "imperative", "directives"]


def context_features(text: str, previous_person: str, previous_helper: str) -> list[float]:
    return [float(bool(ASKED.search(previous_person))), float(previous_person.strip().endswith("?")),
            float(bool(PERMISSION.search(previous_helper))), float(bool(PERMISSION.search(text))),
            float(bool(DIRECTIVE.search(text))), float(bool(IMPERATIVE.search(text))), len(DIRECTIVE.findall(text)) / 3]
