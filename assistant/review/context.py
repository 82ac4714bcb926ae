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
# What separates suggesting from informing, which the embedding blurs: "you could", "there are other ways", "what
# has worked for a lot of folks", a sentence opening on a verb; and, against them, facts ("studies", "is a").
SUGGESTING = {
    "you_can": r"\byou (can|could|might|may)\b",
    "there_are_ways": r"\bthere('s| is| are) (some|other|a lot of|lots of)? ?(ways|things|options|activities|programs?|resources|groups?)\b",
    "i_would_consider": r"\b(i would|i'd) (say|consider|recommend|suggest)\b",
    "what_works": r"\b(what|something that) (works|worked|helps|has helped)\b",
    "other_people": r"\b(a lot of|some|many|most) (people|folks|patients|clients|parents)\b",
    "how_about": r"\bhow about\b",
    "lets": r"\blet'?s\b",
    "verb_first": r"(^|[.!?]\s+)(go|try|call|take|cut|avoid|stop|start|keep|join|read|make|get|think|use|put|drink|eat|walk)\b",
    "need_to": r"\b(need|needs) to\b",
    "modal_must": r"\b(should|must|have to|has to|got to|gotta)\b",
    "evidence": r"\b(studies|research|evidence|percent|per cent|statistics?)\b",
    "defines": r"\b(is|are|was|were) (a|an|the)\b",
    "a_resource": r"\b(medication|medicine|treatment|program|class|group|center|centre|app|patch|gum)\b",
    "if_you": r"\bif you\b",
    "when_you": r"\bwhen you\b",
    "i_want_you": r"\bi want you\b",
    "please": r"\bplease\b",
    "maybe": r"\bmaybe\b",
    "i_think": r"\bi think\b",
    "would_you_be_willing": r"\bwould you (be willing|consider|like)\b",
}
_suggesting = [re.compile(rx, re.I) for rx in SUGGESTING.values()]
NAMES = ["person_asked", "person_asked_question", "helper_asked_permission_before", "asks_permission", "directive",
         "imperative", "directives", *SUGGESTING]


def context_features(text: str, previous_person: str, previous_helper: str) -> list[float]:
    return [float(bool(ASKED.search(previous_person))), float(previous_person.strip().endswith("?")),
            float(bool(PERMISSION.search(previous_helper))), float(bool(PERMISSION.search(text))),
            float(bool(DIRECTIVE.search(text))), float(bool(IMPERATIVE.search(text))), len(DIRECTIVE.findall(text)) / 3,
            *(min(len(rx.findall(text)), 3) / 3 for rx in _suggesting)]
