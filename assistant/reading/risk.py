"""Words no one uses lightly: the precise first layer of the safety recogniser. Each pattern names the kind of
risk it reads (suicidal thoughts, a plan, goodbyes, self-harm, abuse, danger at home or work, harm to others).
The fitted recogniser (reader.json, evals/reading_fit.py) reads what these miss; these never wait for it."""

from __future__ import annotations

import re

_I = re.IGNORECASE
ME = r"(?:me|my ?self)"
CLOSE = (r"(?:he|she|they|my (?:husband|wife|partner|boyfriend|girlfriend|ex|fianc[eé]e?|dad|father|mum|mom|mother|"
         r"stepdad|stepfather|stepmum|stepmother|brother|sister|uncle|aunt|cousin|son|daughter|family|parents?|in-laws?|"
         r"boss|manager|supervisor|colleague|co-?worker|foreman|director|landlord|flatmate|housemate))")
HARM_VERBS = (r"(?:hits?|hitting|beats?|beating|beat|slaps?|slapped|kicks?|kicked|punch(?:es|ed)?|chok(?:es|ed)|"
              r"strangl(?:es|ed)|push(?:es|ed)|shov(?:es|ed)|grabb?(?:s|ed)|pinn?(?:ed|s)|throws? things|threw things|"
              r"locks? me|locked me|touch(?:es|ed) me|rap(?:es|ed)|forc(?:es|ed) me|hurts? me|hurt me|threaten(?:s|ed)? me)")

# Being away for an ordinary reason ("I won't be around next month, I'm on parental leave") is not a goodbye.
AWAY = (r"(?!.{0,50}\b(?:leave|holiday|vacation|trip|conference|course|off work|sabbatical|maternity|paternity|parental|"
        r"new job|new role|moving|relocat\w*|travel\w*|secondment|placement|in the (?:new|next) job)\b)")

KINDS: dict[str, list[str]] = {
    "passive_suicidal": [
        r"\b(?:don'?t|do not|dont|no longer|not) (?:really )?(?:want|wish|care|wanting)(?: to)? (?:live|be alive|exist|be here|wake up|go on|keep going|continue living|be around)\b",
        r"\bnot (?:want|wanting) (?:to )?(?:continue|keep) living\b",
        r"\b(?:wish|wishing|hope|hoping)(?: that)? i (?:could )?(?:just )?(?:go to sleep and )?(?:not|never|wouldn'?t|didn'?t) wake up\b",
        r"\b(?:not|never) wake up (?:again|tomorrow)\b",
        r"\b(?:don'?t|do not|dont|wouldn'?t) (?:care|mind) if i (?:woke up|wake up|die|died|lived|made it|didn'?t wake up)\b",
        r"\bif a (?:bus|car|train|truck) hit me\b",
        r"\btired of (?:existing|living|being alive|life itself|being here)\b",
        r"\b(?:better|happier|freer|lighter|easier|fine|better off)(?: off)? (?:without me|if i (?:wasn'?t|weren'?t|was not|were not|am not) (?:here|around|alive|in it)|"
        r"if i (?:was|were) gone|if i (?:just )?(?:disappeared|went away|died|vanished))\b",
        r"\bworld would be (?:\w+ )?(?:better|lighter|easier) without me\b",
        r"\b(?:no|any) (?:point|reason|sense) (?:in |to )?(?:living|being alive|going on|to live|go on|keep going)\b",
        r"\bwhat'?s the point (?:of|in) (?:me|living|being alive|going on|it all|any of it\b.{0,12}\bof me)\b",
        r"\blife (?:is|'s|has) (?:not|no longer|never) (?:worth|been worth)(?: it| living)?\b|\blife'?s not worth\b|\blife has no (?:sense|meaning|point)\b",
        r"\b(?:won'?t|will not|don'?t plan on|not planning on|not going to) be(?:ing)? (?:around|here|alive)(?: (?:much longer|for long|by|next|anymore|any more|after))?\b" + AWAY,
        r"\bnot (?:be|being) (?:here|around)(?: next \w+| much longer| by| at all| anymore| any more)\b" + AWAY,
        r"\b(?:disappear(?:ing)?|go(?:ing)? away|vanish(?:ing)?) (?:for good|forever|permanently|for ever)\b",
        r"\b(?:relief|easier|better) (?:not to|to not|if i didn'?t|if i did not) (?:exist|be here|wake up|live|be alive)\b",
        r"\b(?:i'?m|i am|feel like|i feel like)(?: just)? a burden (?:to|on) (?:everyone|everybody|my family|them|people|my kids)\b",
        r"\b(?:no|stopped seeing a|can'?t see a|don'?t see a|don'?t have a) future for myself\b",
        r"\b(?:want|wish|need) (?:it all|everything|all of it|it) to stop(?:,|\.)? ?(?:permanently|for good|forever)\b",
        r"\b(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)(?: if i (?:was|were|went|died|disappeared))?\b",
        r"\b(?:stop|end) living\b|\bwant to stop existing\b|\b(?:rather|better off) (?:be )?dead\b|\bwant(?:ed)? to die\b|\bwish i (?:was|were) dead\b",
        r"\bcan'?t (?:see myself|imagine myself) (?:making it|being alive|being here|living)\b",
        r"\b(?:don'?t|do not) see the point (?:of|in) (?:anything|living|being alive|going on|it all)\b",
    ],
    "active_suicidal": [
        r"\bkill(?:ing)? my ?self\b", r"\btak(?:e|ing) my (?:own )?life\b", r"\bend(?:ing)? (?:it all|my life|my own life|everything)\b",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:ending it|ending things|ending my life|dying|suicide|killing myself|not being here)\b",
        r"\bend(?:ing)? it (?:soon|tonight|now|for good|most nights|all)\b|\bgonna end it\b|\bgoing to end it\b",
        r"\bhow to end (?:it|things|my life|everything)\b",
        r"\b(?:feel(?:ing)?|felt|i'?m|i am|been|have|having|had) (?:so |really |very |quite )?suicidal\b|\bsuicidal (?:thoughts|feelings|ideation)\b",
        r"\bcommit(?:ting)? suicide\b|\battempt(?:ed|ing)? suicide\b|\bsuicide (?:attempt|note|plan)\b|\bthinking (?:about|of) suicide\b",
        r"\bthinking to (?:finish|end) (?:it|my life)\b|\bfinish (?:it|my life) (?:all|forever|for good)\b",
        r"\bdriv(?:e|ing) (?:my car )?(?:into|off) (?:a wall|a tree|a bridge|traffic|the road)\b",
        r"\b(?:jump(?:ing)?|step(?:ping)?) (?:off|from|in front of) (?:a |the )?(?:bridge|building|roof|platform|train|bus|cliff)\b",
        r"\bin front of a (?:train|bus|lorry|truck|car)\b",
    ],
    "plan_intent": [
        r"\b(?:sav(?:ed|ing)|stockpil\w+|collect(?:ed|ing)|hoard(?:ed|ing)|have enough|got enough|kept|keep)(?: up)? (?:my |the |all my |enough )?(?:pills|tablets|meds|medication|painkillers)\b",
        r"\b(?:pills|tablets|meds|medication) (?:saved|stashed|to do it)\b|\b(?:medication|pills|tablets) saved to\b",
        r"\btak(?:e|ing) (?:all|many|lots of|a lot of|loads of|every one of) (?:the |my )?(?:pills|tablets|meds)\b",
        r"\bhow many (?:pills|tablets) (?:it would take|to take|would do it)\b|\boverdos\w*\b",
        r"\b(?:bought|got|have|found) (?:a|the) rope\b|\b(?:stood|standing|stand) (?:on|at) the edge\b",
        r"\b(?:a |the )?plan (?:for )?(?:how )?to (?:do it|end it|kill myself|die)\b|\bresearch(?:ed|ing)? ways to (?:do it|die|end it)\b",
        r"\bways to (?:do it|end it|die|kill myself)\b|\bworked out (?:the time|when|how) i'?d go\b|\bpicked a date to\b",
    ],
    "goodbye": [
        r"\b(?:goodbye|farewell) (?:letters?|notes?)\b",
        r"\b(?:wrote|written|writing|left|leaving) (?:a |some )?(?:letters?|notes?) (?:to|for) .{0,40}(?:just in case|for after|when i'?m gone|in the drawer|where (?:she|he|they)'?ll find)\b",
        r"\bgiv(?:ing|en|e)(?: away)? (?:my |all my )?(?:things|stuff|belongings|possessions)(?: away)?\b(?!.{0,20}\b(?:new job|move|moving|charity shop|declutter))",
        r"\bgave away my (?:\w+ )?(?:and my )?\w+.{0,30}\bwon'?t need\b" + AWAY + r"|\bwon'?t need (?:them|it|these|those) (?:any ?more|where i'?m going)\b" + AWAY,
        r"\b(?:sorted|sorting|written|wrote|made) (?:out )?my will\b|\b(?:affairs|things) in order\b",
        r"\blook after my (?:dog|cat|kids|children|son|daughter|pets?) if anything happens\b",
        r"\byou won'?t hear from me again\b|\bsaid my goodbyes\b|\bsaying my goodbyes\b|\bfor after i'?m gone\b",
        r"\b(?:tidying|sorting) (?:things|everything) (?:up )?for after\b|\bright time to go\b",
    ],
    "self_harm": [
        r"\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|hit|hitting|punish|punishing|scratch(?:ed|ing)?|starv(?:e|ing)) (?:" + ME +
        r"|my (?:arms?|wrists?|legs?|skin|thighs?|stomach))\b",
        r"\b(?:been|started|start|stopped|keep|still) cutting(?: again)?\b|\bself[- ]?harm\w*\b|\bmarks on my (?:skin|arms?|legs?)\b",
        r"\buntil (?:it|they) bleeds?\b|\bburn my (?:arm|hand|skin) with\b",
    ],
    "abuse": [
        r"\b" + CLOSE + r" (?:\w+ ){0,3}" + HARM_VERBS + r"\b",
        r"\bthreaten(?:s|ed|ing)? (?:to )?(?:hit|hurt|kill|beat|burn|stab|shoot)\b",
        r"\b(?:'ll|will|would|going to|gonna) (?:kill|hurt|beat|hit|stab) (?:me|my (?:kids|children|son|daughter|family))\b",
        r"\b(?:kill|hurt) me if i\b|\bmake me regret it\b|\bburn the house down\b|\bwith a knife\b|\bi have bruises\b|\bbruises (?:on|from)\b",
        r"\b(?:takes|took|controls?|keeps?) (?:all )?my (?:wages|money|salary|pay|phone|passport)\b|\bwon'?t let me (?:see|leave|go out|talk to)\b",
        r"\bfollowed me home\b|\bcorners? me\b|\bcomes into my (?:room|bed) at night\b|\bpinned me\b|\bgrabbed me\b",
        r"\b(?:being|been|was) (?:abused|assaulted|raped|beaten)\b|\babusive (?:partner|relationship|husband|wife|boyfriend|girlfriend|parents?|father|mother)\b",
        r"\bpunish with violence\b|\bno one will believe me\b|\bnobody would believe me\b",
    ],
    "unsafe": [
        r"\b(?:not|don'?t feel|never feel|no longer feel) safe (?:at home|at work|going home|in my (?:home|house|flat)|with (?:him|her|them))\b",
        r"\b(?:is|isn'?t|is not) (?:not )?safe for me\b|\bnot safe for me and my\b",
        r"\b(?:scared|afraid|frightened|terrified) (?:to go home|to be at home|of going home|for my life|to go back to (?:work|the site|the office))\b",
        r"\b(?:scared|afraid|frightened) (?:of )?what (?:he|she|they)'?(?:ll| will) do\b|\b(?:afraid|scared) (?:he|she|they)'?(?:ll| will) hurt me\b",
        r"\bsafer than (?:going )?home\b|\bso i don'?t have to (?:be|go) (?:at )?home with (?:him|her|them)\b",
        r"\b(?:waiting|wait) for me (?:after|outside)\b.{0,40}\b(?:shift|work|shop|office)\b|\bi'?d have an accident\b",
        r"\b(?:husband|partner|wife|boyfriend|dad|father) is dangerous\b|\bdangerous (?:husband|partner|man) at home\b",
    ],
    "harm_others": [
        r"\b(?:think|thinking|thought|picture|picturing|imagine|imagining)(?: about)? (?:hurting|killing|harming|doing something to) (?:him|her|them|my \w+|the \w+|someone|somebody)\b",
        r"\b(?:hurt|kill|harm) (?:my |the )?(?:manager|boss|colleague|supervisor|husband|wife) (?:really )?badly\b",
    ],
}
# The same words in a joke or about someone else's work are not a disclosure; they drop from "the safety reply"
# to "a gentle check" (the fitted recogniser still reads the message as a whole).
JOKING = re.compile(r"\b(?:lol|lmao|haha+|jk|just kidding|joking)\b|😂|🤣", _I)
PROFESSIONAL = re.compile(r"\bsuicide (?:prevention|awareness|training|helpline|line|statistics|rates)\b|\b(?:crisis|helpline) "
                          r"(?:line )?volunteer\b|\b(?:domestic abuse|violence) (?:services|charity|charities|support work)\b|"
                          r"\b(?:help|helping|support|supporting) (?:women|people|victims|survivors) (?:leave|who)\b", _I)

_compiled = [(kind, re.compile(rx, _I)) for kind, rxs in KINDS.items() for rx in rxs]


def risk_rule(text: str) -> tuple[str, str, bool] | None:
    """(kind, the words matched, whether the rule decides alone) for the first pattern that matches, or None."""
    for kind, rx in _compiled:
        if m := rx.search(text):
            guarded = bool(JOKING.search(text) or PROFESSIONAL.search(text))
            return kind, m[0], not guarded
    return None
