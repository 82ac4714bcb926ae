"""Labelled training messages composed from parts, to widen the hand-written training set: goals said many ways
(their own, someone else's, a duty), measures, dates, steps, reasons, feasibility, feelings, requests and
asides, joined one to three at a time, with the slips people make (lower case, typos, dropped articles). Every
part and frame is written for Waymark; the labels are exact because the parts are known.

    .venv/bin/python -m evals.understanding.generate   # writes evals/understanding/train-generated.jsonl

Deterministic (seeded). Never used for the test half, which is written apart.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).with_name("train-generated.jsonl")
COUNT = 1600
SEED = 20261124

GOALS = [  # verb phrases, a goal someone might hold
    "lead a project end to end", "become a charge nurse", "run my own bakery", "pass the CPA exam",
    "publish two papers", "speak at a conference", "get promoted to senior engineer", "move into UX research",
    "finish my master's degree", "start a small landscaping business", "train as a paramedic", "learn to manage a team",
    "get my electrician's licence", "write a children's book", "become a head of department", "open a physio clinic",
    "switch into data analysis", "get better at presenting to the board", "build a portfolio of illustration work",
    "go part time and study", "become the go-to person for accessibility", "mentor two juniors", "qualify as a teacher",
    "take over the family shop", "get a job in renewable energy", "stop working weekends", "run the night shift",
    "set up a peer support group at work", "become a chartered accountant", "get into product management",
    "lead the migration to the new system", "earn a place on the leadership programme", "teach at the university",
    "work abroad", "become a freelance translator", "host my own podcast", "get back into nursing",
    "be trusted with my own clients", "design a building that lasts", "train my successor in the workshop",
    "learn Spanish well enough for meetings", "run a half marathon", "be calmer before presentations",
    "become a school governor", "manage my own budget", "get a pay rise", "apply for the head chef job",
    "launch a small online shop", "finish the data course", "be the person people bring hard problems to",
]
WHO = ["my manager", "my boss", "my director", "my parents", "my dad", "my mum", "my partner", "my wife",
       "my husband", "HR", "the company", "my supervisor", "my team lead", "my professor", "my mentor", "everyone"]
OWN = ["I want to {g}.", "what I actually want is to {g}", "honestly the dream is to {g}", "{G}.", "I'd love to {g}.",
       "the plan is to {g}", "I've decided to {g}.", "i wanna {g}", "My goal is to {g}.", "I keep thinking about {ing}.",
       "ideally I'd {g}", "something like {ing}", "I'd really like to {g}", "what I'd love is to {g}",
       "my aim is to {g}", "I'm aiming to {g}", "I hope to {g}", "the goal for me is to {g}", "I'm going for it: {g}.",
       "{Ing}, that's what I want.", "deep down I'd like to {g}", "I'm determined to {g}", "I guess I want to {g}"]
OTHER = ["{who} wants me to {g}.", "{Who} keeps saying I should {g}.", "{who} set me a target to {g}.",
         "{Who} thinks I should {g}.", "{who} expects me to {g}", "{Who} told me to {g}.", "{who} would like me to {g}",
         "{Who} is pushing me to {g}."]
DUTY = ["I have to {g}.", "I'm supposed to {g}.", "I need to {g}.", "I should really {g}.", "I've got to {g}"]
MEASURES = ["I'd know because the team would stop escalating to me", "success would be three paying clients",
            "I'd know when I can present without notes", "two papers accepted", "the board signs off the plan",
            "I'll have the certificate", "at least five interviews", "a score of 7 on the exam",
            "when people ask for me by name", "ten regular customers a month", "I'd be running the meeting on my own",
            "the project ships and the client renews", "I'd have a signed offer", "my rating goes up a level",
            "I'd see it in fewer complaints from the ward", "finishing a 10k without stopping",
            "when my manager stops checking my emails", "a portfolio with six pieces", "the pass letter in my hand",
            "the rota done in a day instead of a week"]
WHEN = ["by June", "within a year", "before my review in March", "in six months", "by the end of the quarter",
        "next spring", "by Christmas", "in three months", "before I turn 40", "by the end of next year", "this year",
        "within 18 months", "by September", "before the summer", "in about two years", "by my next appraisal"]
ACTIONS = ["I'll email Priya on Monday", "book the course this week", "ask my manager for a stretch project",
           "I'm going to talk to HR tomorrow", "sign up for the evening class", "message three people on LinkedIn",
           "my first step is to update my CV", "block two hours every Wednesday", "I'll shadow a senior nurse next month",
           "call the university about the programme", "draft the first chapter by Sunday", "ask Sam for feedback",
           "I'll practise the talk with my partner", "apply for two roles this week", "set up a meeting with my mentor"]
REASONS = ["because I love untangling messy problems", "it matters to me because my dad never got the chance",
           "so that my kids see me doing work I love", "because I care about patients getting home sooner",
           "it would give me freedom to choose my projects", "because I'm tired of being invisible",
           "I care about fairness and this lets me act on it", "it's the part of the job that lights me up",
           "because I want to prove to myself I can", "so I can spend more time with my family",
           "because I want to be trusted with the hard stuff", "it connects to helping people plan better"]
FEASIBLE = ["I already do most of the reporting", "it's doable, the company pays for it", "I have Fridays free",
            "my manager will support it", "I've done something similar before", "realistically I can give it three hours a week",
            "the course is online so it fits around shifts", "I have the skills, just not the confidence yet",
            "my team would back me", "it would stretch me but it's within reach"]
FEELINGS = ["I'm nervous about it", "honestly I feel stuck", "I'm excited and scared at the same time",
            "I feel like a fraud sometimes", "it's a lot and I'm tired", "I'm frustrated with how things are",
            "I'm proud of how far I've come", "I feel a bit lost", "I'm worried I'm too old for this",
            "I'm torn about it", "it makes me anxious", "I'm fed up of being overlooked"]
ASKS = ["What should I do?", "Just tell me what to aim for.", "What would you do in my place?",
        "Can you pick one for me?", "What's the best path for someone like me?", "Any advice?",
        "Which one should I choose?", "Give me the answer, please.", "What do people usually do in my spot?",
        "Can you just decide for me?"]
PERMISSION = ["yes, share a few ideas", "go on, I'd welcome some options", "sure, tell me the options",
              "I'd like some suggestions", "happy to hear your ideas"]
SKIP = ["can we skip the questions and write the goal?", "let's just set the goal", "stop asking and help me write it",
        "I already know what I want, let's write it down", "can we get to the plan?"]
CHANGE = ["actually, scrap that", "on second thought, not that", "I've changed my mind about it",
          "forget what I said before", "no wait, that's not it"]
ASIDES = ["did you see the match last night?", "the weather is awful today", "brb, kettle", "my cat just walked on the keyboard",
          "what's your favourite film?", "I need to pick up my son soon"]
ABOUT = ["who can see what I write here?", "are you a real person?", "how does this work?", "is this stored anywhere?",
         "why do you keep asking questions?", "can my manager see this?"]
UNSURE = ["I don't know", "no idea really", "not sure", "idk", "hard to say", "I haven't thought about it"]
AGREE = ["yes", "yep, that's it", "that's right", "sounds good", "exactly", "yes, that's mine", "ok"]
CONNECT = [", ", ". ", " and ", " but ", " - ", "; ", ". Also ", ". And honestly "]


def ing(phrase: str) -> str:
    from assistant.reading.reflect import gerund

    first, _, rest = phrase.partition(" ")
    return f"{gerund(first)} {rest}".strip()


def noisy(text: str, rng: random.Random) -> str:
    """The slips people make: lower case, no full stop, a typo, dropped articles (English as a second language)."""
    roll = rng.random()
    if roll < 0.25:
        text = text.lower().rstrip(".")
    elif roll < 0.35:
        i = rng.randrange(max(len(text) - 3, 1))
        if text[i].isalpha() and text[i + 1].isalpha():
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    elif roll < 0.45:
        text = re.sub(r"\b(the|a|an) ", "", text, count=2)
    return text


def one(rng: random.Random) -> dict:
    row = {"intents": set(), "goal": "", "goal_by": "", "measure": "", "timeframe": "", "action": "", "reason": "",
           "feasibility": ""}
    parts: list[str] = []
    kinds = rng.sample(["goal", "measure", "when", "action", "reason", "feasible", "feeling", "ask", "aside"],
                       k=rng.choice([1, 1, 2, 2, 3]))
    if "goal" in kinds:
        g = rng.choice(GOALS)
        style = rng.random()
        if style < 0.55:
            frame = rng.choice(OWN)
            text = frame.format(g=g, G=g[0].upper() + g[1:], ing=ing(g), Ing=ing(g)[0].upper() + ing(g)[1:])
            row["intents"].add("goal_own")
            row["goal"] = ing(g) if "{ing}" in frame.lower() else g
            row["goal_by"] = "me"
        elif style < 0.85:
            who = rng.choice(WHO)
            text = rng.choice(OTHER).format(who=who, Who=who[0].upper() + who[1:], g=g)
            row["intents"].add("goal_other")
            row["goal"], row["goal_by"] = g, who
            if rng.random() < 0.4:  # the person's own version beside it
                own = rng.choice([x for x in GOALS if x != g])
                text += rng.choice([" But honestly I'd rather ", " What I actually want is to ", " Part of me wants to "]) + own
                row["intents"].add("goal_own")
                row["goal"], row["goal_by"] = own, "me"
        else:
            text = rng.choice(DUTY).format(g=g)
            row["intents"].add("goal_duty")
            row["goal"], row["goal_by"] = g, "me"
        parts.append(text)
    for kind, pool, slot, intent in (("measure", MEASURES, "measure", "measure"), ("when", WHEN, "timeframe", "timeframe"),
                                     ("action", ACTIONS, "action", "action"), ("reason", REASONS, "reason", "reason"),
                                     ("feasible", FEASIBLE, "feasibility", "feasibility")):
        if kind in kinds:
            words = rng.choice(pool)
            parts.append(words)
            row["intents"].add(intent)
            row[slot] = words
    if "feeling" in kinds:
        parts.append(rng.choice(FEELINGS))
        row["intents"].add("feeling")
    if "ask" in kinds:
        pick = rng.random()
        pool, intents = ((ASKS, {"asks_advice"}) if pick < 0.4 else (PERMISSION, {"permission", "agree"}) if pick < 0.5 else
                         (SKIP, {"skip_ahead"}) if pick < 0.65 else (CHANGE, {"change_mind"}) if pick < 0.8 else
                         (UNSURE, {"unsure"}) if pick < 0.9 else (AGREE, {"agree"}))
        parts.append(rng.choice(pool))
        row["intents"] |= intents
        if pool is PERMISSION and rng.random() < 0.5:
            row["intents"].discard("agree")
    if "aside" in kinds:
        pool, intent = (ASIDES, "off_topic") if rng.random() < 0.5 else (ABOUT, "question_to_waymark")
        parts.append(rng.choice(pool))
        row["intents"].add(intent)
    rng.shuffle(parts) if "goal" not in kinds else None
    text = parts[0]
    for p in parts[1:]:
        text = text.rstrip(".") + rng.choice(CONNECT) + p
    text = noisy(text, rng)
    out = {"text": text, "intents": sorted(row["intents"])}
    for slot in ("goal", "goal_by", "measure", "timeframe", "action", "reason", "feasibility"):
        value = row[slot]
        at = text.lower().find(value.lower()) if value else -1
        out[slot] = value if slot == "goal_by" else (text[at: at + len(value)] if at >= 0 else "")
    return out


def main() -> None:
    rng = random.Random(SEED)
    rows, seen = [], set()
    while len(rows) < COUNT:
        r = one(rng)
        if r["text"] not in seen:
            seen.add(r["text"])
            rows.append(r)
    OUT.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    print(f"wrote {len(rows)} messages to {OUT}")


if __name__ == "__main__":
    main()
