"""Words no one uses lightly: the precise first layer of the safety recogniser. Each pattern names the kind of
risk it reads (suicidal thoughts, a plan, goodbyes, self-harm, abuse, danger at home or work, harm to others).
The neighbours (risk_neighbours.py) read what these miss; these never wait for them."""

from __future__ import annotations

import re

_I = re.IGNORECASE
ME = r"(?:me|my ?self)"
CLOSE = (r"(?:he|she|they|my (?:husband|husbnd|husban|hubby|other half|wife|partner|partnr|boyfriend|boyfreind|bf|girlfriend|gf|ex|fianc[eé]e?|dad|father|mum|mom|mother|"
         r"stepdad|stepfather|stepmum|stepmother|brother|sister|uncle|aunt|cousin|son|daughter|family|parents?|in-laws?|"
         r"boss|manager|supervisor|colleague|co-?worker|foreman|director|landlord|flatmate|housemate))")
HARM_VERBS = (r"(?:hits?|hitting|beats?|beating|beat|slaps?|slapped|kicks?|kicked|punch(?:es|ed)?|chok(?:es|ed)|"
              r"strangl(?:es|ed)|push(?:es|ed)(?! me (?:to|towards|for|on)\b)(?! me into \w+ing\b)|shov(?:es|ed)|grabb?(?:s|ed)|pinn?(?:ed|s)|throws? things|threw things|"
              r"locks? me|locked me|touch(?:es|ed) me|rap(?:es|ed)|forc(?:es|ed) me|hurts? me|hurt me|threaten(?:s|ed)? me(?! with (?:a |an |the )?(?:written |final |formal )?(?:warning|disciplinary|sack|dismissal|review|pip\b|hr\b|performance)))")

# Being away for an ordinary reason ("I won't be around next month, I'm on parental leave"), or leaving for a new
# job ("said my goodbyes to the lads, last day before I start the office job"), is not a goodbye.
AWAY = (r"(?!.{0,50}\b(?:leave|holiday|vacation|trip|conference|course|off work|sabbatical|maternity|paternity|parental|"
        r"new job|new role|moving|relocat\w*|travel\w*|secondment|placement|in the (?:new|next) job|last day|leaving do|"
        r"another school|new school|(?:start|starting) (?:the|my|a) (?:new |office )?(?:job|role))\b)")

# "I don't want to wake up tomorrow. 5am shift again": not waking up for an ordinary reason named right after.
EARLY = r"(?!.{0,30}\b(?:shift|alarm|\d ?am\b|early start|before noon|before (?:\d|ten|nine|eleven)))"

KINDS: dict[str, list[str]] = {
    "passive_suicidal": [
        r"\bif i die,? i die\b|\b(?:better|happier) off with (?:the )?(?:life )?insurance\b|\binsurance (?:money|payout) than (?:with )?me\b",
        r"\bhoping (?:it'?s|it is|this is|tonight is) the last (?:time|night|day)\b|\bgo to (?:bed|sleep) hoping (?:i|it'?s|this is) (?:don'?t|won'?t|the last)\b",
        r"\b(?:don'?t|do not|dont) expect to (?:still )?be (?:alive|here|around)\b",
        r"\bto die is better\b|\bbetter (?:for me )?(?:to|if i) die\b|\bstop my life\b|\bdone[\s.,!]+with (?:life|living)\b",
        r"\bwant (?:it all|everything|all of it|all this|all of this) to (?:just )?end\b",
        r"\b(?:don'?t|do not|dont|no longer|not) (?:really )?(?:want|wish|care|wanting)(?: to)? (?:live|be alive|exist|be here|wake up|go on|keep going|continue living|be around)\b" + EARLY,
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
        r"\b(?:relief|easier|better) (?:not to|to not|if i (?:just )?didn'?t|if i (?:just )?did not) (?:exist|be here|wake up|live|be alive)\b",
        r"\b(?:i'?m|i am|feel like|i feel like)(?: just)? a burden (?:to|on) (?:everyone|everybody|my family|them|people|my kids)\b",
        r"\b(?:no|stopped seeing a|can'?t see a|don'?t see a|don'?t have a) future for myself\b",
        r"\b(?:want|wish|need) (?:it all|everything|all of it|it) to stop(?:,|\.)? ?(?:permanently|for good|forever)\b",
        r"\b(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)(?: if i (?:was|were|went|died|disappeared))?\b",
        r"\b(?:stop|end) living\b|\bwant to stop existing\b|\b(?:rather|better off) (?:be )?dead\b|\bwant(?:ed)? to die\b|\bwish i (?:was|were) dead\b",
        r"\bcan'?t (?:see myself|imagine myself) (?:making it|being alive|being here|living)\b",
        r"\b(?:don'?t|do not) see the point (?:of|in) (?:anything|living|being alive|going on|it all)\b",
        r"\bhop(?:e|ing)(?: that)? i (?:just )?(?:won'?t|don'?t|will not|never) wake up\b",
        r"\b(?:not sure|don'?t know if|unsure if|wonder if) i (?:want|wanna) to (?:be|stay) (?:around|here|alive)\b",
        r"\bpoint (?:of|in) me (?:being here|being alive|existing|living|carrying on)\b|\bpoint of me\b",
        r"\bpoint (?:of|in) (?:still )?being (?:around|here|alive)\b" + AWAY,
        r"\breason(?:s)? to (?:keep|carry on|go on) (?:living|going|being here)\b|\breason to live\b",
        r"\bstop existing\b|\bif i (?:just |simply )?(?:stopped existing|ceased to exist)\b|\b(?:wish|want) (?:i could )?(?:to )?(?:just )?(?:not exist|cease to exist)\b",
        r"\b(?:a |just a )?(?:weight|burden|drain) (?:on|to) (?:everyone|everybody|my family|them|people|my kids)\b",
        r"\b(?:stopped|stop|don'?t) car(?:ing|e) (?:if|whether) i (?:live|die|make it|wake up)\b",
        r"\b(?:life|living|nothing) (?:feels|is) (?:not )?worth (?:it|living)\b(?!.{0,20}\b(?:job|work|course|degree|project)\b)",
        r"\bdon'?t want to be around\b" + AWAY,
        r"\b(?:be|be so much|feel) (?:relieved|happier|better off|fine|freer) if i (?:was|were|wasn'?t|weren'?t) (?:gone|here|around|alive)\b",
        r"\ba better life without me\b|\bbetter without me\b",
    ],
    "active_suicidal": [
        r"\b(?:no way out|nothing left) (?:but|except|other than|apart from) (?:ending it|ending things|dying|death|to end it)\b",
        r"\b(?:thought|thinking|think|thoughts) (?:about|of) jumping\b|\bknow which (?:bridge|building|roof|cliff)\b|^\W*i know which bridge\b",
        r"\bkill(?:ing)? my ?self\b", r"\btak(?:e|ing) my (?:own )?life\b", r"\bend(?:ing)? (?:it all|my life|my own life|everything)\b",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:ending it|ending things|ending my life|dying|suicide|killing myself|not being here)\b",
        r"\bend(?:ing)? it (?:soon|tonight|now|for good|most nights|all)\b|\bgonna end it\b|\bgoing to end it\b",
        r"\bhow to end (?:it|things|my life|everything)\b|\bend(?:ed|ing|s)? (?:it|things) for good\b",
        r"\b(?:feel(?:ing)?|felt|i'?m|i am|been|have|having|had) (?:so |really |very |quite )?suicidal\b|\bsuicidal (?:thoughts|feelings|ideation)\b",
        r"\bcommit(?:ting)? suicide\b|\battempt(?:ed|ing)? suicide\b|\bsuicide (?:attempt|note|plan)\b|\bthinking (?:about|of) suicide\b",
        r"\bthinking to (?:finish|end) (?:it|my life)\b|\bfinish (?:it|my life) (?:all|forever|for good)\b",
        r"\bdriv(?:e|ing) (?:my car )?(?:into|off) (?:a wall|a tree|a bridge|traffic|the road)\b",
        r"\b(?:jump(?:ing)?|step(?:ping)?) (?:off|from|in front of) (?:a |the )?(?:bridge|building|roof|platform|train|bus|cliff)\b",
        r"\bin front of a (?:train|bus|lorry|truck|car)\b",
        # "working out how I'd take myself out of the picture for good"
        r"\btak(?:e|ing) (?:my ?self|me) out of (?:the picture|the equation|it all|everyone'?s way) (?:for good|permanently|for ever|forever|altogether)\b",
    ],
    "plan_intent": [
        r"\b(?:a|the) plan and the means\b|\bthe means to do it\b",
        # "I've had the shotgun out of the cabinet twice this week and left it in the truck. I know which field."
        r"\b(?:had|got|taken|took|keep|kept|keeping) (?:the|my|dad'?s|his) (?:shot ?gun|gun|rifle|pistol) (?:out of the (?:cabinet|safe)|loaded)\b",
        r"\bknow (?:exactly )?which (?:barn|tree|beam)\b",
        # "I've got what I need in the drawer. I won't be needing that portfolio review after all."
        r"\b(?:got|have|bought|put) (?:what|everything|all) i need (?:in|under|hidden in) (?:the|my) (?:drawer|cupboard|wardrobe|car|garage|shed|"
        r"bag|glovebox|bathroom|bedside)\b.{0,80}\bwon'?t (?:be )?need(?:ing)?\b" + AWAY,
        r"^(?!.*\bwash)(?=.*\b(?:got|bought|sorted|ready)\b).*\b(?:car|exhaust)\b.{0,25}\b(?:hose|hosepipe|pipe)\b"
        r"(?!.{0,30}\b(?:garden|plants?|lawn|patio|allotment|greenhouse)\b)",
        r"\b(?:prescriptions?|pills|tablets|meds|medication) instead of taking (?:them|it)\b",
        r"\bwon'?t be (?:there|here|around)\b.{0,25}\bfor anything\b",
        r"\b(?:sav(?:ed|ing)|stockpil\w+|collect(?:ed|ing)|hoard(?:ed|ing)|have enough|got enough|kept|keep)(?: up)? (?:my |the |all my |enough )?(?:pills|tablets|meds|medication|painkillers)\b",
        r"\b(?:pills|tablets|meds|medication) (?:saved|stashed|to do it)\b|\b(?:medication|pills|tablets) saved to\b",
        r"\btak(?:e|ing) (?:all|many|lots of|a lot of|loads of|every one of) (?:the |my )?(?:pills|tablets|meds)\b",
        r"\bhow many (?:pills|tablets) (?:it would take|to take|would do it)\b|\boverdos\w*\b",
        r"\b(?:bought|got|have|found) (?:a|the) rope\b|\b(?:stood|standing|stand) (?:on|at) the edge\b",
        r"\b(?:a |the )?plan (?:for )?(?:how )?to (?:do it|end it|kill myself|die)\b|\bresearch(?:ed|ing)? ways to (?:do it|die|end it)\b",
        r"\bways to (?:do it|end it|die|kill myself)\b|\bworked out (?:the time|when|how) i'?d go\b|\bpicked a date to\b",
        r"\b(?:look(?:ing|ed)?(?: up)?|search(?:ed|ing)?(?: for)?|read(?:ing)? (?:up )?(?:on|about)|googl(?:ed|ing)) how to (?:do it|end it|die|kill myself)\b",
        r"\b(?:got|have|had|keep|kept) (?:the|my|some) (?:pills|tablets|meds|rope|knife|blades?) (?:ready|saved|hidden|close)\b",
        r"\b(?:stockpil\w+|hoard\w+|sav\w+ up) (?:my |some |all my )?(?:\w+ )?(?:tablets|pills|meds|medication|painkillers)\b",
        r"\b(?:how and when|when and how|where and when) i'?d do it\b|\bknow (?:exactly )?(?:how|where|when) i'?(?:d|ll|would|will) do it\b",
        r"\bfinish(?:ing)? my (?:own )?life\b|\bend(?:ing)? (?:my|it) (?:life|all) (?:soon|this week|tonight)\b",
        r"\b(?:decided|deciding) i'?m done with (?:everything|it all|life)\b|\bworked out how\b(?!.{0,30}\b(?:job|work|system|spreadsheet|report)\b)",
    ],
    "goodbye": [
        r"\b(?:written|wrote|writing|left) (?:notes|letters) for (?:everyone|everybody|all of them|my family|the people)\b",
        r"\bthis is my (?:last|final) message\b" + AWAY + r"",
        r"\bnothing (?:left|more) to sort\b|\bgave (?:away )?my (?:dog|cat|pets?)\b" + AWAY + r"",
        r"\b(?:goodbye|farewell) (?:letters?|notes?)\b(?!.{0,25}\b(?:students|colleagues|team|clients|customers|class|pupils)\b)" + AWAY,
        r"\b(?:wrote|written|writing|left|leaving) (?:a |some )?(?:letters?|notes?) (?:to|for) .{0,40}(?:just in case|for after|when i'?m gone|in the drawer|where (?:she|he|they)'?ll find)\b",
        r"\bgiv(?:ing|en|e)(?: away)? (?:my |all my )?(?:things|stuff|belongings|possessions)(?: away)?\b(?!.{0,20}\b(?:new job|move|moving|charity shop|declutter))",
        r"\bgave away my (?:\w+ )?(?:and my )?\w+.{0,30}\bwon'?t need\b" + AWAY + r"|\bwon'?t need (?:them|it|these|those) (?:any ?more|where i'?m going)\b" + AWAY,
        r"\b(?:sorted|sorting|written|wrote|made) (?:out )?my will\b|\b(?:affairs|things) in order\b(?! (?:at|for) work\b)",
        r"\blook after my (?:dog|cat|kids|children|son|daughter|pets?) if anything happens\b",
        r"\byou won'?t hear from me again\b|\b(?:said|saying) my goodbyes\b" + AWAY + r"|\bfor after i'?m gone\b",
        r"\b(?:tidying|sorting) (?:things|everything) (?:up )?for after\b|\bright time to go\b",
        r"\b(?:the )?last time (?:we'?ll|we will|you'?ll|you will|i'?ll|i will) (?:talk|speak|hear from me|see me)\b",
        r"\bproper (?:bye|goodbye)\b|\bsaid (?:bye|goodbye) to everyone\b.{0,30}\b(?:proper|for good|forever|last)\b",
        r"\bwrote (?:my |a )?goodbye\b(?!.{0,15}\b(?:email|card|speech)\b)",
        r"\bthis (?:will be|is going to be|'?ll be) my (?:last|final) (?:check-?in|session|chat|conversation|time here)\b"
        r"(?!.{0,80}\b(?:be back|back in|back after|return|exams?|until|till)\b)" + AWAY,
        r"\b(?:tidy|tidying|sort|sorting) (?:up|things up|everything up|things out) before i go\b" + AWAY,
        r"\bpasswords (?:and|with) (?:my|the) will\b|\b(?:my|the) will (?:is|are) in the\b",
    ],
    "self_harm": [
        r"\bslash(?:es|ed|ing)? (?:my ?self|my (?:arms?|wrists?|legs?|skin|thighs?))\b",
        r"\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|hit|hitting|punish|punishing|scratch(?:ed|ing)?|starv(?:e|ing)) (?:" + ME +
        r"|my (?:arms?|wrists?|legs?|skin|thighs?|stomach))\b(?!\s+(?:shaving|on (?:a|the|some)|while|cooking|by accident|accidentally|some slack|slack|back|down|of\b|off\b|short\b|out\b(?! of)|a bit with|with (?:the )?(?:budget|diet|gym)))",
        r"\b(?:been|started|start|stopped|keep|still) cutting(?: again)?\b(?! (?:my ?self )?(?:off|back|down|short)\b)(?! out\b(?! of))(?! (?:costs?|hours?|corners|ties|sugar|carbs|caffeine|the budget|the costs?|classes)\b)|\bself[- ]?harm\w*\b|\bmarks on my (?:skin|arms?|legs?)\b",
        r"\buntil (?:it|they) bleeds?\b|\bburn my (?:arm|hand|skin) with\b|\bburned myself\b|\bon purpose\b.{0,20}\b(?:hurt|burn|cut)",
        r"\b(?:hit|bang|hitting|banging) my head (?:against|on)\b",
        # "I hold my hand on the hob until I can't stand it"
        r"(?<!accidentally )\b(?:hold|held|holding|press|pressed|pressing|put|putting|keep|kept) my (?:hand|palm|arm|fingers?|wrist|skin) "
        r"(?:on|over|against|under) (?:the |a )?(?:hob|stove|flame|iron|hot plate|kettle|hot tap)\b"
        r"(?!.{0,30}\b(?:by accident|accidentally|by mistake)\b)",
        r"\bmake myself (?:sick|throw up|bleed)\b|\bas (?:a )?punishment\b.{0,30}\b(?:myself|me)\b|\bpunish(?:ing)? myself\b(?! (?:a bit )?with (?:the )?(?:budget|diet|gym|revision|training))",
    ],
    "abuse": [
        r"\bforc(?:es|ed|ing) (?:himself|herself|themselves) on me\b|\bgrop(?:es|ed|ing) me\b",
        r"\bthreaten(?:s|ed|ing)? to (?:break|smash) (?:my|your)\b",
        r"\b(?:make sure|see to it|see that) (?:that )?i (?:have|had|get|got) an accident\b",
        r"\btake the kids\b.{0,40}\bif i (?:ever )?leave\b|\bif i (?:ever )?(?:try to )?leave (?:him|her)\b(?! (?:team|department|group|company|firm|job))",
        r"\b" + CLOSE + r" (?:\w+ ){0,3}" + HARM_VERBS + r"\b",
        r"\bthreaten(?:s|ed|ing)? (?:to )?(?:hit|hurt|kill|beat|burn|stab|shoot)\b",
        r"\b(?:'ll|will|would|going to|gonna) (?:kill|hurt|beat|hit|stab) (?:me|my (?:kids|children|son|daughter|family))\b",
        r"\b(?:kill|hurt) me if i\b|\bmake me regret it\b|\bmake sure i regret it\b|\b(?:he|she|they)(?:'d|'ll| would| will)? ['\x22\u2018]?make me pay\b(?! for\b)|\bgrabb(?:ing|ed|s) (?:me by )?my (?:arm|wrist|neck|throat|hair)\b|\bburn the house down\b|\bwith a knife\b|\bi have bruises\b|\bbruises (?:on|from)\b",
        r"\b(?:takes|took|controls?|keeps?) (?:all )?my (?:wages|money|salary|pay|phone|passport)\b|\bwon'?t let me (?:see|leave|go out|talk to)\b",
        r"\bfollowed me home\b|\bcorners? me\b|\bcomes into my (?:room|bed) at night\b|\bpinned me\b|\bgrabbed me\b",
        r"\b(?:being|been|was) (?:abused|assaulted|raped|beaten)\b|\babusive (?:partner|relationship|husband|wife|boyfriend|girlfriend|parents?|father|mother)\b",
        r"\bpunish with violence\b|\bno one will believe me\b|\bnobody would believe me\b",
        r"\b(?:controls?|checks?|takes?) (?:my |all my )?(?:bank card|cards|money|wages|phone)\b|\bchecks who i (?:text|call|see|talk to)\b",
        r"\bstep ?(?:dad|father|mum|mom|mother)\b.{0,20}\b(?:hits|beats|hurts|threatens|touches)\b",
        # a threat reported in their words: "said next time hell break my arm", "next time it wont be the wall"
        r"\b(?:he|she|they)(?:'?ll| will|'d| would)? (?:break|smash) my (?:arm|arms|legs?|face|neck|jaw|nose|fingers|hand)\b|"
        r"\bnext time it (?:won'?t|wont|will not) be the (?:wall|door|table|window)\b|"
        r"\b(?:punched|hit|kicked|smashed|slammed) (?:the|a) (?:wall|door|table) (?:right )?(?:next to|beside|by|an inch from) my (?:head|face)\b|"
        r"\b(?:drop|throw) (?:something|stuff|a \w+) (?:on|at) me\b.{0,80}\bif i (?:report|tell|grass|say)\b|"
        r"\bif i (?:report|tell|grass)\b.{0,80}\b(?:drop|throw) (?:something|stuff|a \w+) (?:on|at) me\b|"
        r"\bknows where i live\b|\b(?:said|says) (?:he|she|they)'?(?:ll| will| would)? (?:find|get) me\b",
        r"\bthrew (?:a|the|an|his|her|things?|stuff)\b.{0,20}\bat me\b|\bgrabb(?:ing|ed|s) me\b|\bbeaten up by " + CLOSE + r"|\bbeat me up\b",
        r"\bsexually (?:assaulted|harassed|abused)\b|\bassaulted me\b|\bhave me (?:beaten|hurt|killed|attacked)\b",
        r"\b(?:hurt|harm|take) my (?:kids|children|son|daughter|family) if\b|\bwhat (?:he|she|they)'?(?:ll| will| would)? do to me\b",
        r"\bdon'?t have to (?:go|be) (?:back )?home (?:to|with) (?:him|her|them)\b",
    ],
    "unsafe": [
        r"\bnot safe (?:at|in) (?:my|our) (?:place|house|flat|apartment|home)\b|\bnot safe at mine\b",
        r"\b(?:said|says) (?:he|she|they)'?d (?:get|find|hurt) me\b",
        r"\b(?:not|don'?t feel|never feel|no longer feel) safe (?:at home|at work|going home|in my (?:home|house|flat)|with (?:him|her|them))\b",
        r"\b(?:is|isn'?t|is not) (?:not )?safe for me\b|\bnot safe for me and my\b",
        r"\b(?:scared|afraid|frightened|terrified) (?:to go home|to be at home|of going home|for my life|to go back to (?:work|the site|the office))\b",
        r"\b(?:scared|afraid|frightened) (?:of )?what (?:he|she|they)'?(?:ll| will) do\b|\b(?:afraid|scared) (?:he|she|they)'?(?:ll| will) hurt me\b",
        r"\bsafer than (?:going )?home\b|\bso i don'?t have to (?:be|go) (?:at )?home with (?:him|her|them)\b",
        r"\b(?:waiting|wait) for me (?:after|outside)\b.{0,40}\b(?:shift|work|shop|office)\b|\bi'?d have an accident\b",
        r"\b(?:husband|partner|wife|boyfriend|dad|father) is dangerous\b|\bdangerous (?:husband|partner|man) at home\b",
        r"\b(?:frightened|scared|afraid|terrified) of what (?:he|she|they|my \w+) (?:will|'ll|might|would) do\b",
        r"\b(?:scared|afraid|frightened) to be (?:at )?home\b",
    ],
    "harm_others": [
        r"\b(?:think|thinking|thought|picture|picturing|imagine|imagining)(?: about)? (?:hurting|killing|harming|doing something to) (?:him|her|them|my \w+|the \w+|someone|somebody)\b",
        r"\b(?:hurt|kill|harm) (?:my |the )?(?:manager|boss|colleague|supervisor|husband|wife) (?:really )?badly\b",
        r"\b(?:picture|picturing|imagine|imagining|thinking about|think about|fantasi[sz]ing about) (?:pushing|shoving|stabbing|hitting|"
        r"strangling|running over) (?:him|her|them|my \w+|the \w+)\b(?! (?:to|into) (?:apply|go|do|try|take)\b)",
        r"\btiming when (?:he|she|they) (?:takes|is|goes|leaves|uses)\b.{0,30}\balone\b",
        # "driving past the HR director's house at night, thinking about making him pay in a way he won't walk away from"
        r"\bmak(?:e|ing) (?:him|her|them) pay\b(?! (?:what|for|back|up|the|it)\b).{0,30}\b(?:won'?t|will not|never|wouldn'?t) (?:walks?|gets?) away\b",
        r"\b(?:driv(?:e|ing)|drove|walk(?:ing|ed)?|sit(?:ting)?|sat|park(?:ing|ed)?) (?:past |outside |by )(?:his|her|their|(?:the|my) [\w' ]{2,25}'s) (?:house|home|flat)\b"
        r".{0,20}\bat night\b.{0,30}\b(?:thinking|think|planning|imagining|waiting)\b",
        r"\bwant to (?:really )?(?:hurt|harm|kill) (?:him|her|them|the (?:guy|man|woman|person)|my (?:boss|manager|colleague))\b",
        r"\b(?:seriously|badly) (?:hurt|hurting|harm|harming|injur\w+) (?:someone|somebody|him|her|them)\b.{0,80}\b(?:in mind|not joking|mean it)\b",
    ],
}
# Everyday figures built on the same words: "my boss will kill me if it's late", "it would kill me to miss it",
# "nobody would notice if I left the team".
FIGURES = re.compile(r"\b(?:boss|manager|supervisor|teacher|lecturer|tutor|head chef|coach|editor|client|team lead)\b[^.!?]{0,40}?"
                     r"\bkill me if i(?: miss| forget| don'?t (?:finish|hit|meet|send|get)|'m late| am late| mess up| break| lose)\b"
                     r"(?= (?:another |the |a |my |this |that |it\b|again\b))(?=.{0,30}\b(?:targets?|deadlines?|meetings?|reports?|figures|"
                     r"numbers|sales?|orders?|shifts?|trains?|it|again)\b)|(?<!said he)(?<!said she)(?<!says he)(?<!says she)(?<!threatened he)\b(?:will|'ll|'d|would|gonna|going to) kill me (?:if|when)\b(?<!said he'll kill me if)|"
                     r"\bwould kill me to\b|\bkill(?:ing|ed)? myself (?:laughing|with laugh)|"
                     r"\bnotice if i left (?:the|my) (?:team|job|company|role|department|firm)\b|"
                     r"\bif i (?:vanished|disappeared|went missing) from (?:the|my) (?:rota|team|office|meetings?|schedule|group|chat|payroll|project)\b", _I)
# Goodbyes and tidy affairs beside leaving work ("notice is in ... said my goodbyes on Slack", "affairs in order before
# handing over the practice"): the neighbours read the whole message.
LEAVING_WORK = re.compile(r"\b(?:notice is in|handed in my notice|handing (?:over|my|the)|hand(?:ing)? ?over|on (?:slack|teams)|"
                          r"leaving (?:the|my|this) (?:job|company|practice|firm|team|school)|retir\w+|the practice|successor|"
                          r"my last day|leaving (?:do|party|card|drinks))\b", _I)
# "I don't want to be here anymore, I mean in this company": the person has said which "here" they mean.
ABOUT_WORK = re.compile(r"\b(?:i mean|meaning|as in|i meant)\b.{0,15}\b(?:company|job|team|role|office|department|firm|"
                        r"place|course|career|industry|city)\b", _I)
NOT_JOKING = re.compile(r"\b(?:not|n't|never)\s+(?:\w+\s+)?(?:joking|kidding)\b", _I)
JOKING = re.compile(r"\b(?:lol|lmao|haha+|jk|just kidding|joking)\b|😂|🤣", _I)
PROFESSIONAL = re.compile(r"\bsuicide (?:prevention|awareness|training|helpline|line|statistics|rates)\b|\b(?:crisis|helpline) "
                          r"(?:line )?volunteer\b|\b(?:domestic abuse|violence) (?:services|charity|charities|support work)\b|"
                          r"\b(?:help|helping|support|supporting) (?:women|people|victims|survivors) (?:leave|who)\b", _I)
# The words as a subject of study, work or a story: "my dissertation is on self-harm", "overdose levels for the exam".
TOPIC = re.compile(r"\b(?:dissertation|thesis|research|module|essay|book|novel|film|movie|documentary|series|podcast|article|"
                   r"lecture) (?:is |was )?(?:on|about)\b|"
                   # "a talk about ...", not "I talk about my CV like it matters"
                   r"\b(?:a|an|the|my|our|this|his|her|their) (?!(?:i|we|you|they|he|she)\b)(?:\w+ )?(?:training|talk) (?:is |was )?(?:on|about)\b|\bthe (?:self-harm|suicide|abuse) (?:parts|scenes|chapters)\b|"
                   r"\boverdose (?:levels|limits|thresholds)\b|\bscreen(?:s|ing)? (?:\w+ )?for\b|"
                   r"\bsigns of (?:abuse|self-harm|suicid\w*|neglect)\b|\bsafeguarding\b", _I)

_compiled = [(kind, re.compile(rx, _I)) for kind, rxs in KINDS.items() for rx in rxs]


def risk_rule(text: str) -> tuple[str, str, str] | None:
    """(kind, the words matched, what the match alone decides) for the first pattern that matches, or None.

    "reply": the safety reply. "check": the words in a joke ("lol I want to die") get at least a gentle check on
    safety. "read": the words as a figure of speech, a subject of work or study, or about a job ("I mean this
    company"); the rule decides nothing and the neighbours read the message as a whole.
    """
    leaving = None  # "said my goodbyes on Slack" beside a notice handed in: read only if nothing else is
    for kind, rx in _compiled:
        if m := rx.search(text):
            if kind == "goodbye" and LEAVING_WORK.search(text):
                leaving = leaving or (kind, m[0], "read")
                continue
            if ABOUT_WORK.search(text) or PROFESSIONAL.search(text) or TOPIC.search(text) or FIGURES.search(text):
                return kind, m[0], "read"
            return kind, m[0], "check" if JOKING.search(text) and not NOT_JOKING.search(text) else "reply"
    return leaving
