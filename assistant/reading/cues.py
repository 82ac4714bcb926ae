"""Rule cues: the precise first layer of reading a message. Each names what it found in the person's words;
the fitted heads (reader.py) and the safety neighbours (risk_neighbours.py) read what these miss."""

from __future__ import annotations

import re

from assistant.dates import DATE_TOO  # noqa: F401  (read here with the other cues; dates.py needs it too)
from assistant.numbers import counted

from assistant.reading.risk import risk_rule

_I = re.IGNORECASE

# --- risk: see risk.py, whose patterns name the kind of risk they read ----------------------------------------
class _Risk:
    """The risk patterns behind the same .search() as every other cue; only a match that decides alone counts."""

    def search(self, text: str):
        found = risk_rule(text)
        return found if found and found[2] == "reply" else None


CRISIS = _Risk()

INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any )?(the )?(previous|prior|above|earlier|your) (instructions|rules|prompts?)|"
    r"\bsystem prompt\b|\byou are now\b|\bact as\b|\bjailbreak\b|\bdeveloper mode\b|\bnew instructions\b", _I)

# "thanks, that's all for today. bye": the person is closing the conversation, not asking for more.
FAREWELL = re.compile(r"\b(?:bye|goodbye|good night|see you|see ya|talk (?:soon|later)|gotta go|got to go|signing off|"
                      r"that'?s (?:all|it|enough) for (?:today|now|tonight)|done for (?:today|now|tonight))\b", _I)

THANKS = re.compile(r"\b(?:thanks|thank you|thank u|thx|cheers|much appreciated)\b", _I)

FORGET = re.compile(r"\bforget (?:what i (?:said|told you|wrote)|everything i said|that i said|that)(?: about| regarding)?\s*"
                    r"(?P<topic>[^.!?\n]*)", _I)

# --- what the person asks for --------------------------------------------------------------------------------
ASKS_ADVICE = re.compile(
    r"\b(just )?tell me what (to do|i should|my goal should|to aim|to choose|to pick)|what should i (do|aim|choose|pick|focus|go for)|"
    r"what (would|do) you (recommend|suggest|advise|do)|any (advice|tips|suggestions|ideas)\b|give me (some |the )?(advice|tips|ideas|options|answer)|"
    r"can you (just )?(suggest|recommend|advise|tell me)|what'?s the (best|right) (way|thing|option|path|career|move|choice)|"
    r"pick (one|a goal|for me)|(set|choose) (a|my) goal for me|choose for me|decide for me|you decide|you pick|"
    r"just (give me|tell me) the answer|what do you think i should|which (one )?should i|where should i (start|begin)|"
    r"what would you do (in my|if you were)|what do people (usually|normally) do|"
    # "How can I make my manager take me seriously?": how to, asked of the coach
    r"how (can|do|should) i (make|get|deal with|handle|convince|persuade|approach|tell|ask|stop)\b[^.!?]*\?|"
    # asking how others go about it is asking for options: "what are some ways people fit writing in?"
    r"what are (some|a few|the|good|other) (good |other |common )?(ways|options|ideas|approaches)|"
    r"\b(are there (any |some )?|any )(good |other )?ways (to|of|people)\b|how do (other )?people (usually |normally |tend to )?\w+|"
    r"what (do|did|have) (other )?people (usually |normally )?(do|try|tried|done)\b", _I)
# Asking for options (not for the answer) is itself the permission: "what are some ways people fit it in?"
OPTIONS_ASKED = re.compile(
    r"\b(give me|share|list|show me|suggest|are there|any|got any|what are) (some |a few |any |the |other |good |common )*"
    r"(options|ideas|ways|approaches|examples|tips)\b|how do (other )?people (usually |normally |tend to )?\w+|"
    r"what (do|did|have) (other )?people (usually |normally )?(do|try|tried|done)\b", _I)
PERMISSION = re.compile(
    r"\b(i'?d (like|love|welcome|appreciate) (some |a few )?(ideas|options|suggestions|advice|input)|"
    r"(yes|yeah|sure|ok(ay)?|go on|go ahead)[,.!]* (please )?(share|tell me|give me|let'?s hear|i'?d like)\b.*"
    r"(ideas|options|suggestions|advice|them|some)|share (some |your |a few )?(ideas|options|suggestions)|"
    r"still want (some )?(ideas|options|advice)|(happy|open) to hear (some |your )?(ideas|options|suggestions))", _I)
SKIP_AHEAD = re.compile(
    r"\b(let'?s|can we|could we|i want to|i'?d like to) (just )?(set|write|draft|make|define|nail down|get to|jump to|move on to) "
    r"(the|a|my|our) (goal|plan)|\bskip (this|the questions|ahead|the (deep|big) questions)|\bi (already )?know (exactly )?what "
    r"(my goal is|i want)|\bstop asking\b|\bjust (help me )?(write|draft|set|plan) (it|the goal|my goal|this)|\bcut to the chase\b", _I)
CHANGE_MIND = re.compile(
    r"\b(changed my mind|on second thought|second thoughts|not sure that'?s (it|what i want)|i don'?t want that any ?more|"
    r"scratch that|forget (the|that|about the) \w+|actually,? (no|i'?d rather|i don'?t|scrap)|scrap (that|the)|"
    r"rather (do|focus on|go for)|not (the|my) (goal|point) any ?more)\b", _I)
QUESTION_TO_WAYMARK = re.compile(
    r"\b(are you (a|an|real|human|a bot|ai|a therapist)|who are you|what are you|how does (this|it|waymark) work|"
    r"who (can|will|gets to) (see|read)|is (this|it|my data|this chat|this conversation|what i write) (private|confidential|stored|saved|safe)|"
    r"why do you (ask|keep asking)|what (happens|do you do) (to|with) (my|what i)|do you (store|keep|save|remember)|what is waymark|"
    r"who made you|(can|does|will|do|could) my (manager|boss|mentor|company|employer|hr|team|line manager) (see|read|get|find out))\b", _I)
# "Thank you so much. I will speak with my manager on monday": thanks and agreement around a step are not steps.
COURTESY = re.compile(r"^\W*(?:thanks?|thank you|thx|cheers|ok(?:ay)?|yes|yeah|yep|sure|great|perfect|lovely|brilliant|"
                      r"sounds? (?:good|great|right)|that'?s (?:about |all )?(?:right|it|fine|good|great)|thats (?:about )?right)"
                      r"\b[\w ,'!]{0,25}[.!]*$", _I)
# A sentence that is not the person's plan for their own goal: a duty done for someone else ("As for my manager's
# list: I'll do the kiosk training because the girls need it"), or a fallback ("If it does not happen by then, I
# will apply outside").
NOT_THEIR_PLAN = re.compile(
    r"^\W*(?:(?:but|and|so)\s+)?(?:as for (?:my |his |her |their )?[\w ]{0,25}?(?:'s|s') (?:list|goals?|wish(?:es)?|plans?|ideas?|"
    r"suggestions?|targets?)\b|as for (?:his|her|their) (?:list|goals?|wish(?:es)?|plans?|ideas?|suggestions?|targets?)\b|"
    r"if (?:it|that|this) (?:does not|doesn'?t|do not|don'?t|did not|didn'?t|won'?t|will not) (?:happen|work(?: out)?|come through|"
    r"go through|pan out)\b|if (?:i|they|we) (?:don'?t|do not|didn'?t|did not|won'?t|can'?t) get (?:it|in|the)\b|falls? through\b)|"
    r"\bbecause (?:somebody|someone|one|they) (?:must|has to|have to)\b|"
    # "at some point I'll have to tell my supervisor, which I'm avoiding": what is hard, not yet a step
    r"\b(?:at some point|one day|eventually|sooner or later) i'?(?:ll| will) have to\b", _I)
STEP_PREAMBLE = re.compile(r"^(?:(?:and\s+)?then\s+|(?:(?:maybe|also|and|so|ok|oh)\s+)*(?:(?:can you |could you |please )?add (?:that )?|let'?s say |lets say |my plan\s*(?:is)?\s*:?\s*|(?:my |the )?(?:first|next) (?:steps?|things?)\b(?: i (?:suppose|guess|think|reckon))?(?: (?:is|are|would be|will be|i'?ll do (?:is|are)|i will do (?:is|are)))?\s*:?\s*(?:to\s+)?))",
                           _I)
# "the networking stuff is mine": which part of a goal is theirs.
MINE = re.compile(r"\b(?:is|are|feels?|that'?s|thats|it'?s|its) (?:all |really |actually )?mine\b|(?<!n't )(?<!nt )(?<!not )(?<!never )\bfeels? like (?:it'?s )?mine\b(?![^.!?]*\?)|"
                  r"^\W*(?:yes|yeah|yep|ok)?\W*(?:it'?s|its|this is|that'?s|thats) (?:really |definitely )?for me\b", _I)
# "The MBA is his road, it is not my destination": whose path it is, not what makes a goal within reach.
WHOSE_PATH = re.compile(r"\b(?:is|was|'s) (?:his|her|their|(?:my )?(?:dad|father|mum|mom|mother|parents|uncle|aunt|boss|manager)'?s?) "
                        r"(?:road|path|dream|plan|idea|goal|wish|thing)\b|\bnot my (?:destination|road|path|dream|goal|thing|idea)\b", _I)
# "company set it. its in my review": the goal under discussion came from someone else, said after it was named.
SET_BY = re.compile(
    r"\b(?P<who>(?:the |my |our )?(?:company|work|employer|manager|boss|line manager|hr|director|school|uni|parents?|mum|mom|dad|"
    r"partner|teacher|supervisor))\s+(?:set|chose|picked|gave me|wants?|decided on|put) (?:it|that|this)\b|"
    r"\b(?:it'?s|its|it is) in my (?:review|appraisal|objectives|pdp|development plan|performance plan)\b|"
    r"\bnot my (?:idea|choice)\b", _I)
UNSURE = re.compile(
    r"^\W*(i )?(honestly |really |just )?(don'?t|dont|do not) know\b|\bnot (really )?sure\b|\bno idea\b|\bidk\b|\bno clue\b|"
    r"\bdunno\b|\bhaven'?t (a clue|thought about it)|\bcan'?t (say|tell)\b|\bhard to say\b", _I)
AGREE = re.compile(
    r"^\W*(yes|yeah|yep|yup|yes please|sure|ok(ay)?|right|exactly|correct|agreed|definitely|absolutely|sounds (good|right|about right)|"
    r"that'?s (it|right|mine|correct|fine)|it is|it'?s (all )?mine|(all )?mine|looks (good|right)|perfect|great|fine)\b[\w ,'’]{0,30}[.!]*\W*$", _I)

GREETING = re.compile(r"^\W*(hi|hello|hey|hiya|good (morning|afternoon|evening)|i'?m back|back again|morning)\b", _I)

# --- goals, in the person's words ------------------------------------------------------------------------------
OTHER_PEOPLE = (
    r"(?P<who>(?:my |our |the )?(?:(?:clinic|ward|team|area|department|practice|project|product|engineering|shift|site|"
    r"regional|senior|new|old|head|store|branch|shop|ops|operations|warehouse|floor|general|duty|line|area|sales|night|day) )?(?:manager|boss|gaffer|guv'?nor|foreman|supervisor|line manager|team lead|lead|director|ceo|company|employer|"
    r"organi[sz]ation|hr|parents?|mum|mom|dad|father|mother|family|partner|wife|husband|girlfriend|boyfriend|spouse|"
    r"daughter|son|kids|children|sister|brother|friends?|"
    r"teacher|mentor|coach|professor|advisor|supervisor|everyone|people|they|"
    r"(?:he|she)(?= (?:really )?(?:sees me|pictures me|imagines me|has me down|wants me|expects me|keeps on at me|insists)\b)|"
    # someone named: "sandra wants me to sell the licence", "Priya keeps on at me to apply"
    r"\b(?!(?:i|it|that|this|what|which|who|nobody|noone|one|no|everything|nothing|something|anything|just|still|now|also|really|"
    r"here|even|only|always|actually|everybody|everyone|somebody|someone|anybody|anyone|clearly|obviously|apparently)\b)[a-z][a-z'-]{2,20}"
    r"(?= (?:really |still |just |now )?(?:wants|wanted|expects|expected|keeps on at|insists|pushes|is pushing) me\b)))")
# A goal runs to the end of its clause: "I want to X and I'd like to Y" holds two goals.
GOAL = (r"(?P<goal>[^.!?\n]{3,160}?)(?=\s*,?\s+(?:and|but|because|so|although|though|cause|since)\s+(?:i|i'?d|i'?m|my|also|it)\b|"
        r"\s*,?\s+because\b|\s*,\s*(?:there'?s|theres)\b|\s*,?\s+(?:that'?s|thats) (?:the (?:honest )?truth|for sure|the dream|the plan|what i want)\b|"
        r"\s*,?\s+(?:tbh|to be honest|if i'?m honest|lol|lmao|haha)\b|"
        # voice typing, unpunctuated: "be a dentist again ... with my own name on the door not to hold the suction"
        r"(?<!\blearn)(?<!\btry)(?<!\bhow)(?<!\bwhen)(?<!\bwhere)(?<!\bknow)\s+not to\b|"
        # unpunctuated, then put another way: "be operations manager for the site or one like it not an office job"
        r"\s+or (?:one|something|somewhere|anything) like (?:it|that)\b|\s+(?:more|something) like (?=\w+ing (?:the|a|an|my|our|his|her)\b)|\s+i (?:know|guess) (?:this|it) (?:is|will)\b|\s*,\s*part of me\b|\s*,\s*(?:it|it'?s|which|that'?s|this|so|as|since|then i|then we)\b|"
        # a run-on's next clause starts at a comma and a new subject: "... hand them over to Kayleigh who's my senior
        # girl now, I'd like that done by the end of August, she's brilliant with cuts"
        r"\s*,\s*(?:i'?d|i'?ll|i'?m|i|she'?s|he'?s|they'?re|she|he|they|we)\s+(?!think\b|guess\b|suppose\b|mean\b|reckon\b)(?=\S)|[.!?\n;]|$)")
OTHER_GOAL = re.compile(
    OTHER_PEOPLE + r" (?:really |still |just |now |also |keeps? |kept |has |have )?(?:decided(?: that)? i'?m going to|decided(?: that)? i (?:should|will|must)|wants?|wanted|expects?|expected|told|tells|asked|asks|needs?(?= me\b)|insists?|"
    r"pushes|pushed|pushing|sees? me(?= (?:going|doing|becoming|as|in)\b)|pictures? me|imagines? me|has me down for|thinks? i (?:should|shud|shld)|say(?:s|ing)? i (?:should|need|have to|must)|said i (?:should|need|have to|must)|would like|set|put(?! me on(?:to)?\b)|gave me|suggested|"
    r"keeps? saying i should|is pushing me|are pushing me|(?:(?<=keeps )|(?<=keep ))(?:saying|telling me|on at me)(?= (?:to )?(?:do|go|get|apply|become|take|try|study|train|find|ask|move|look|retrain)\b))"
    r"(?! you\b)(?: me)?(?: to| that i should| i)?\s+" + GOAL, _I)  # "they want you to have the cert": a requirement
OWN_GOAL = re.compile(
    r"\b(?:(?:my|the) (?:real |actual |own |main |big )?(?:goal|aim|plan|idea|dream) (?:is|would be)(?: still)?(?:\s*:)?(?: to)?"
    # "the goal is in my own words now", "the plan is fine": about the goal, not one
    r"(?!\s+(?:in (?:my|your|our|his|her|their) own words|mine|not|still(?! to\b)|clear|written|there|here|done|set|ok|okay|fine|"
    r"good|right|the same)\b)|"
    # "Goal is: get promoted to senior stylist by June", said as a heading
    r"(?:^|(?<=[.!?] ))\W*goal(?: is)?\s*:(?: to)?|"
    # "I already know my goal: pass the AWS Solutions Architect Associate exam by 31 March"
    r"(?:my|the) (?:real |actual |own |main |big )?(?:goal|aim|target|objective)\s*:(?: to)?|"
    # "I have a clear goal and I want help turning it into a weekly plan: run the half marathon on May 2"
    r"\b(?:have|got) (?:a|my|one) (?:clear |real |big |main |concrete |specific )?(?:goal|aim|target)\b[^.!?:\n]{0,70}:(?: to)?|i (?:really |actually |truly |do |still |just )?want to|i (?:just |really )?wanna|i'?d (?:really |honestly )?(?:like|love) to|"
    r"i would (?:really )?(?:like|love) to|i hope to|i wish i could|i'?m aiming (?:to|for)|i aim to|i plan to|i'?m planning to|"
    r"i dream of|my dream is(?: to)?|the dream (?:would be|is)(?: to)?|i'?m hoping to|"
    r"what i (?:actually |actualy |really |truly )?want (?:really |actually |truly )?is(?: to)?|what i'?d (?:really |actually )?(?:love|like|enjoy|want) is(?: to)?|"
    r"i'?ve decided (?:to|i'?m going to)|i'?m going for|(?:something|somewhere) like(?= becoming)|ideally i'?d|ideally i would|"
    r"the goal for me is(?: to)?|(?<!what )i keep thinking about(?! is\b)|i reckon i could(?! (?:do|manage|handle|cope|make|be|lose|get|fail|end up|never|go under|fall)\b)|i'?d (?:honestly |really |much )?rather(?! not\b)(?!\s+\w+(?:\s+\w+)?\s+than\b)|(?:is|sounds like|feels like) the (?:one|route|way|path) for me\s*:|"
    # "I've decided I want the charge nurse role", "I just want the promotion": a thing wanted is a goal
    r"i (?:really |just |actually |still )?want(?= (?:the|a|an|my own) (?!(?:people|kids|children|residents|patients|students|pupils|team|staff|customers|clients|others|family|girls|boys|lads)\b(?:\s+[\w']+){0,4}\s+to\s+(?:be|feel|see|know|have|get)\b)(?!(?:minute|second|sec|moment|word|chat|break|answer|straight answer|clue|refund|reply|response|"
    r"opinion|recommendation|list)\b)(?!(?:\w+ ){1,3}to\b)(?![^.!?]*\bfrom you\b))|"
    # "Thinking about going for head of year", "I'm looking at moving into practice nursing"
    r"(?:(?:i'?m|i am|i'?ve been|been) |(?:^|(?<=[.!?] ))\W*)(?:thinking (?:about|of)|looking (?:at|into))(?= (?:going for|becoming|"
    r"moving|applying|retraining|switching|starting|setting up|opening|training|taking on|getting into|going back)\b(?! me\b))|"
    # "Want to take on an apprentice next year", "Part of me wants to get back into project work"
    r"(?:^|(?<=[.!?;] ))\W*(?:really |just )?(?:want|wanna) to(?![^.!?]*\?)|(?:^|(?<=[.!?;] ))\W*(?:i )?(?:really |just |kinda )?wanna(?! to\b)(?=\s+[a-z]{2,})(?![^.!?]*\?)|(?<!no )part of me (?:really )?wants to|(?<!no )part of me would (?:very much |really |quite )?like to|"
    r"i'?m(?= (?:re)?training (?:as|to be(?:come)?)\b)|"
    # a choice made out loud, then the goal: "ok thats it then. get on the paramedic apprenticeship by next september",
    # "So, if I'm writing it down properly: twenty interviews ..."
    r"(?:that'?s|thats) it(?: then)?[.,!]?(?=\s+(?:get(?! me\b)|become|apply|go for|pass|run|land|start|open|train|move|finish)\b)|"
    r"(?:if i'?m )?writing it down properly\s*:|(?:^|(?<=[.!?] ))\W*(?:so,? )?(?:maybe|perhaps|something like)\s*:|i'?d (?:kill|give anything) for (?:a (?:shot|chance|go) at|the chance to)|i want to be|my aim is(?: to)?|i'?m determined to|"
    r"i'?m set on|i really want|i'?d love|i'?d want to|"
    # a goal said in passing, as a promise to themselves: "I keep saying I'll finally start running the walks"
    r"i keep (?:saying|telling myself) i'?ll(?: finally| actually)?|"
    # "The version of next year I keep daydreaming about is one where I'm working as a policy analyst"
    r"i (?:keep |'?ve been |am |'?m )?(?:daydream(?:ing)?|dream(?:ing)?) (?:about|of)(?: is)?(?: one where i'?m| being| becoming)?(?= \w+ing\b| being\b| a\b| an\b)|i keep meaning to|i'?ve always meant to|i'?ve been meaning to|"
    # English as a second language: "I am wanting to become", "I would like become", "my objective is"
    r"i (?:am|'m) wanting to|i would like become|i (?:would|'?d) (?:like|love)(?=\s+\w+ing\b)|(?<!when )(?<!if )(?<!do )(?<!did )i want(?=\s+(?:become|becoming|pass|get|improve|learn|make|start|find|"
    r"open|be|move|work|change|go|lead|run|build|finish|speak|write|save)\b)|i like to become|my (?:wish|objective|target) is(?: to)?|"
    r"for me the goal is(?: to)?|"
    # options being weighed are goals in the making: "I've considered moving into QA or doing a masters"
    r"i'?ve (?:been )?(?:considered|considering|(?:thinking|thought)(?: for (?:a while|ages|a long time|months|years)| a lot)? about)(?!\s+(?:why|how|what|whether|if|it|this|that)\b)|"
    # "Other option is standing for branch secretary": one of the options they are weighing
    r"(?:^|(?<=[.!?] ))\W*(?:the |my )?(?:other|another|second|third|last) option(?: for me)? (?:is|would be)(?: to)?(?= \w+ing\b| to\b)|"
    # "I've also wondered about mediation, actually": an option of their own, said tentatively
    r"i'?ve (?:also |often |sometimes )?(?:wondered|been wondering) about(?! (?:how|whether|if|what|why|that|it|this)\b)|"
    # subjectless, as a typed aside: "been thinkin about evening classes at the college" (not about a person or "it")
    r"(?:^|(?<=[.!?] ))\W*(?:ive |i'?ve )?been (?:thinkin'?g?|thinking|wondering) (?:about|of)(?= (?:\w+ing\b|(?:an?|the|some) (?:\w+ )?"
    r"(?:course|job|role|career|classes|degree|move|business|apprenticeship|qualification|post|position)s?\b|evening classes|night classes)"
    r"(?! (?:how|about)\b))|i'?m (?:considering|tempted by)|"
    # a direction offered tentatively, at the start of a message: "Maybe something like events, or ..."
    r"^\W*(?:maybe|perhaps|probably|i guess)?,?\s*something (?:like|in)(?! that\b| this\b| it\b))\s+" + GOAL, _I)
DUTY_GOAL = re.compile(
    r"\b(?:i (?:need|have|ought|got) to|i should(?: really)?(?! (?:very much )?(?:like|love)\b)|i'?m supposed to|i must|i'?ve got to|i'?m meant to|i'?m expected to)\s+"
    # "I need to figure out what comes next" is the question they came with, not a goal someone gave them
    r"(?!(?:figure|work|sort|find) out\b|think (?:about|through)\b|decide\b|choose\b|make up my mind\b)"
    + GOAL, _I)

# --- SMARTY parts --------------------------------------------------------------------------------------------
NUMBER = r"(?<!the )(?<!that )(?<!this )(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|a couple|a few|a dozen)"
MEASURE = re.compile(
    r"\b((?:i|we)'?d know (?:[\w']+ ){0,4}?(?:because|when|if|by)|(?:i|we)'?ll know|(?:i|we) (?:will|would) know|how (?:i|we)'?d know|you'?d see|the sign would be|"
    # "For know I am ready I think: I lead the shift ...", "to know I'm ready": how they would tell, in other words
    r"(?:for|to) know (?:that )?i(?:'?m| am) (?:ready|there|done)|i know i(?:'?m| am|'?ll be| will be) (?:ready|there) (?:when|if|once)|"
    r"success(?: for me| to me)?(?: first step)? (?:would be|is|looks like|means)|success\s*[=:]\s*|"
    r"(?:i'?d|i would|i will|i'?ll|i) (?:consider|call|count) it a success (?:if|when|once)|"
    # "measure wise i wud say pass the level 3 and ...": the label, typed as said
    r"(?:^|(?<=[.!?] ))\W*(?:the )?measure[- ]?wise,?(?: i(?:'?d| wud| would) say)?|"
    # "if i could pass the first exam by christmas that would mean i can actually do this": the sign they'd look for
    r"if i (?:could |can |managed to |did )?\w+[^.!?]{3,80}?,? (?:that|it|then that|then i'?d know) (?:would|will|'d|'ll) (?:mean|show|prove|tell me)|(?:an?|the|my|one) [\w' -]{3,60}? (?:will|would|'ll|'d) (?:also )?count as (?:a )?(?:success|win|done)|(?:the|my) (?:measure|marker|sign of success) (?:would be|is|will be|could be)|"
    r"(?:that'?s|that is|this is|so that is|so that'?s) my (?:number|measure|marker)\s*:|measured? (?:by|it by|as)|at least " + NUMBER + r"|"
    + NUMBER + r" (?:clients|talks|people|sessions|articles|posts|courses|modules|projects|interviews|applications|"
    r"hours|pages|chapters|km|miles|kilos|kg|books|customers|sales|presentations|papers|workshops|meetings|shifts|students)|"
    r"\d+ ?(?:%|percent|per cent)|pass(?:ing)? (?:the|my) (?:exam|test|certification|course)|a score of|"
    r"(?:when|once|if) (?:the|my) (?:team|manager|boss|others|colleagues|people|clients) (?:stop|start|come|ask|say|tell|trust|rely)|"
    r"^\W*(?:when|once|if) i (?:have|get|got|am|can|could|see|pass|finish|hold|reach|land|run|lead|stop|no longer))\b", _I)
IMPERATIVE_STEP = (r"(?:^\s*(?:[-*]|\d+[.)])?\s*|[,;\n]\s*(?:and\s+)?(?:[-*]|\d+[.)])?\s*|\bthen\s+)(?:also\s+)?(?:ask|email|call|ring|phone|book|sign up|volunteer|write|read|enrol|enroll|"
                   r"register|schedule|talk to|meet|practi[sc]e|apply|finish|send|set up|join|buy|find|research|contact|"
                   r"update|block|list|message|text|shadow|reach out|submit|pick|choose|review|prepare|plan|start(?! dates?\b)|"
                   # "drop it into spoke cycles sat morning", "check halfords site tmrw", "do a cv tonight"
                   r"drop(?! me\b)|check|visit|print|post(?!-)|fill in|look up|do(?= (?:a|an|the|my|some|one|two|three)\b))\b")
ACTION = re.compile(
    IMPERATIVE_STEP + r"|\b((?:i'?ll|i will)(?! have (?:a lot|lots|no|more|less|plenty|time)\b)"
    # "I will be grateful for your assistance", "I'll tell you a thing that happened": manners and telling, not steps
    r"(?! (?:be (?:grateful|glad|happy|thankful)\b|tell you\b|admit\b|explain(?: (?:it|this|that))?(?: to you)?\s*(?:[.:,;!?]|$)|"
    r"say (?:this|that|it)\s*(?:[.:,;!?]|$)|be (?:honest|brief|quick)(?: with you)?\s*(?:[.:,;!?]|$)))|i'?m going to|i am going to|gonna|(?:i )?(?:gotta|i'?ve got to) (?:tell|ask|call|ring|email|talk to|speak to|book|send|write to)(?! you\b)|my (?:first|next) step|(?<!success for me )first step (?:is|would be|will be)|"
    r"next step|step one|first thing (?:i (?:suppose|guess|think|reckon) )?is|i can start by|i'?ll start (?:by|with)|i'?m starting|i'?ve (?:already |just )?(?:booked|signed up|emailed|enrolled|enroled|applied|registered|started)|"
    r"(?:this|next) week i|tomorrow i|on monday i|i (?:plan|(?:also )?intend) to (?:email|call|ask|book|sign|enrol|enroll|talk|meet|write|set|speak|read|visit|tell))\b|"
    # English as a second language often plans in the present: "maybe I ask planning manager if I can sit with them",
    # "my plan: I speak with planning manager before 15 January, and I ask for 2 days per month shadowing"
    r"\b(?:maybe|then|first|and|plan:?)\s+" + r"(?=i )" + r"(?:" + r"i (?:ask|speak|talk|email|call|write|send|book|sign up|apply|register|enrol|"
    r"enroll|meet|visit|join|tell|contact|message)\b(?! (?:my ?self|you)\b))", _I)
# the same, opening a piece of a list whose other piece is a step: "..., and I ask for 2 days per month shadowing"
# ("monday on my day off i write the menu": the day may come first)
PRESENT_STEP = re.compile(r"^\W*(?:(?:and|then|so)\s+)*(?:(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)"
                          r"[^.;]{0,35}?,?\s+)?i (?:ask|speak|talk|email|call|write|send|book|sign up|apply|register|enrol|enroll|meet|visit|go to|"
                          r"join|tell|contact|message)\b(?! (?:my ?self|you)\b)", _I)
REASON = re.compile(
    r"\b(because|'?cause|cos|so that|it matters|matters to me|important to me|which (?:in [\w' ]{2,20} )?is (?:very |so |really )?important|i care (?:about|a lot)|it would (?:give|mean)|"
    r"means a lot|that'?s why|the reason is|i love|i believe in|it connects to|it'?s about(?! (?:\d|a |an |one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|half|the same|average))|"
    # who they want it for: "i want the kids to see me doing something i actually chose"
    r"i(?: want|'?d like| would like) (?:(?:my |the |our )?(?:kids|children|son|daughter|family|parents|mum|mom|dad|partner)|him|her|them)"
    r" to (?:see|know|be proud)|"
    r"it'?s (?:all |really |mostly )?for (?:the|my|our) (?!(?:next|last|first) )\w+|"
    # what the goal brings, said after it: "become senior carer, it is more responsibility and more money"
    r"(?<=, )it (?:is|'s|would be|will be|means|would mean|will mean|gives?|would give) (?:more|better|a better|less|real) \w+)\b", _I)
# Unasked and without a reason phrase, the reason head must be this sure before its clause is taken as why the goal
# matters: "I'd need to spend actual time in a classroom, not just read about it" (0.54) is what it would take.
REASON_HUNCH = 0.7
FEASIBILITY = re.compile(
    r"\b(i (?:have |'ve )?already(?! know (?:my goal|my target|the goal|what i want|exactly what))(?! (?:been|tried|failed|lost)\b)|i can do (?:one|two|three|\d+) (?:a|each|every|per)\b|doable|(?:i (?:think|know) )?i can do (?:it|this|that)\b(?! (?:if|when|once|by|before|in|on|at)\b)|within reach|realistic|i have (?:the )?(?:time|support|budget|skills|experience)|i can manage|achievable|"
    r"feasible|i'?ve done (?:it|this|something like)|my (?:manager|boss|team|employer) (?:will|would|is willing to) (?:pay|support|cover|fund)|"
    # typed as said: "i think i cud do that by the end of june", "the company pays for the level 3"
    r"i (?:could|cud|coud|can) (?:do|manage) (?:it|this|that)\b(?! (?:if|when|once|before)\b)|"
    r"(?:the |my |our )?(?:company|work|employer|trust|firm|council|school|union) (?:pays?|will pay|would pay|funds?|covers?) (?:for )?(?:the|my|it|this|that|a)\b|"
    r"it'?s within|i'?ve got the|enough time|(?:done|did|covered|run) (?:it|this|that|the job)(?: \w+){0,3} before|"
    r"i'?ve (?:already )?(?:done|covered) (?:it|this|that|the job)|on the plus side|in my favou?r|going for me|what makes it (?:possible|doable))\b", _I)

# "How would I know it had worked? I think if each of them could run a shift ...": the coach's question, asked of
# themselves, then answered
# "So that is my number: six chapters in his inbox by 30 April": the measure, said with its label
MEASURE_LABEL = re.compile(r"\b(?:that'?s|that is|this is) my (?:number|measure|marker)\s*:\s*", re.I)
# "Is it realistic? I did the sums ...": the coach's question about what is within reach, said to themselves, then answered
SELF_ASKED_FEASIBLE = re.compile(r"^\W*(?:(?:is|is it|is this|is that|would it be|will it be)\s+(?:even\s+|actually\s+|really\s+)?"
                                 r"(?:realistic|doable|achievable|feasible|possible|within reach)|"
                                 # "can i do it? boats sound ... so its doable"
                                 r"(?:can|could) i (?:actually |really )?(?:do|manage|pull off|afford) (?:it|this|that))\s*\?", re.I)
# (second-language English may keep the statement's order: "How I will know it is done?")
SELF_ASKED_MEASURE = re.compile(r"^\W*how(?:'d|\s+(?:would|will|'d))\s+(?:i|we)\s+(?:know|measure)\b[^?]*\?|"
                                r"^\W*how\s+(?:i|we)\s+(?:would|will|'d|'ll|can)\s+(?:know|measure|see)\b[^?]*\?|"
                                # "how il know: a 4 or above in the june resit": the question said as a label
                                r"^\W*how\s+(?:i'?ll|il|ill|i will|i'?d|i would|i can)\s+(?:know|tell|measure)\s*:(?!\s*(?:no idea|not sure|dunno|idk)\b)|"
                                # typed without its question mark: "how would i know. boat coded, certificate up ..."
                                r"^\W*how\s+(?:would|will|'d|d)\s+(?:i|we)\s+know\s*\.(?!\.)", re.I)

# "We've got a mortgage and two kids": what weighs on the choice, said as such. Unasked, it is not why the goal is
# within reach; "the kids are at school now, so I could do evenings" says what makes room, and is.
BURDEN = re.compile(r"\b(?:mortgage|kids|children|bills|rent|debts?|loans?|childcare|caring for|carer|no time|no money|"
                    r"can'?t afford|full[- ]time job|two jobs)\b", _I)
MAKES_ROOM = re.compile(r"\b(?:can|could|able|manage|already|free|doable|realistic|enough|spare|saved|savings|support\w*|flexible|paid off|"
                        r"(?<!need )(?<!needs )help\w*|use|so i)\b", _I)
# "What might make it difficult is that the unit is short-staffed": what stands in the way, neither how they would
# know they had got there nor what makes it within reach
IN_THE_WAY = re.compile(r"\b(?:what (?:might|could|would|will) (?:make it|make this|be) (?:hard|difficult|tricky|tough)|"
                        r"(?:the )?(?:hard|difficult|tricky|tough) (?:bit|part|thing)s? (?:is|are|will be|would be)|"
                        r"what (?:might|could|would) (?:get in the way|stop me|hold me back)|"
                        r"the (?:problem|catch|obstacle|snag) (?:is|would be)|what worries me)\b", _I)
NO_ROOM = re.compile(r"\b(?:(?<!\bi )no|not|can'?t|cannot|barely|hardly|never|don'?t|isn'?t|aren'?t)\b", _I)

# "I need the level 3 diploma first": a step on the way, not the goal restated.
PREREQUISITE = re.compile(r"\b(?:i )?(?:need|have|must|'ve got) (?:to (?:get|do|pass|finish|complete|take) )?(?:the |a |my |some )?"
                          r"[\w' -]{2,40}? first\b", _I)

# "I keep drifting back to teaching": a pull of their own, even in one word.
DRIFT = re.compile(r"\bi keep (?:drifting|coming|going|getting drawn|being drawn|gravitating|circling) back (?:to|towards?)\s+"
                   r"(?P<goal>[^.!?,;\n]{3,80})", _I)

# "Lead one real project end to end by June, my way.": a goal said as a plain statement with its date.
PLAIN_GOAL = re.compile(r"^\W*(?!.*\bthen\b)(?=(?:lead|run|become|pass|build|launch|publish|land|be|get|finish|complete|earn|gain|learn|hit|reach|qualify|switch) )" + GOAL, _I)

# --- feelings -------------------------------------------------------------------------------------------------
FEELING_WORDS = {
    "anxious": r"anxious|anxiety|nervous|worried|worry|on edge|uneasy|stomach (?:just )?(?:dropped|sank|turned|churned)|heart sank|sinking feeling|dread(?:ing|ed)?",
    "scared": r"scared|(?:feels?|felt|it'?s|is|so|sounds|the|but|and|bit) scary|afraid|terrified|frightened|fear|(?:scares|frightens|terrifies) me",
    "stuck": r"stuck|trapped|going nowhere|in a rut|stagnat\w*|(?:been|am|i'?m|keep) drifting(?! back)",
    # "too much" as a load ("it's all too much"), not "at home too much"
    "overwhelmed": r"overwhelmed|swamped|drowning|(?:it'?s|it is|this is|that'?s|all|just) too much|too much (?:on|to (?:do|handle|carry))|snowed under",
    "exhausted": r"exhausted|drained|draining|burn(?:ed|t)? ?out|worn out|knackered|so tired|tiring|exhausting",
    "unsure of yourself": r"not good enough|imposter|impostor|fraud|useless|doubt\w*|can'?t do (?:it|this)|not (?:smart|clever|capable) enough",
    "frustrated": r"frustrat\w*|fed up|annoyed|irritated|sick of|tired of",
    # "down" only as a mood ("feeling down", "I'm down"): "errors go down", "someone falls down" are no feeling
    "low": r"low(?!-?(?:pay|paid)\b)(?! (?:pay|paid|wages?|salary|income|rent|cost|budget|level|season|tide|energy bills))|(?:feel\w*|felt|i'?m|i am|been|so|pretty|bit) down|sad|miserable|gutted|disappointed|deflated|hopeless",
    "hurt": r"hurt|let down|overlooked|passed over|ignored|unappreciated",
    "excited": r"excited|(?:feels?|felt|it'?s|so|sounds) exciting|thrilled|can'?t wait|buzzing|eager|pumped",
    "proud": r"proud",
    "hopeful": r"hopeful|optimistic",
    "torn": r"torn|conflicted|mixed feelings|in two minds|on the fence",
    # "no money lost", "lost the contract": a loss, not feeling lost
    "lost": r"\b(?:i'?m|i am|im|feel(?:ing)?|felt|so|a bit|bit|totally|completely|quite|really|kind of|kinda) lost\b|lost my (?:way|bearings)|adrift|directionless|no direction",
    "angry": r"angry|furious|livid|resent\w*",
    "guilty": r"guilty|guilt|ashamed|embarrass\w*",
    "obliged": r"owe (?:them|him|her|it to \w+|my \w+)|indebted|obliged to|obligated|duty to them",
}
_FEELINGS = [(name, re.compile(rf"\b(?:{rx})\b", _I)) for name, rx in FEELING_WORDS.items()]
# "killing me", "dying to": figures of speech name a feeling, never a risk.
FIGURES_OF_SPEECH = re.compile(r"\b(killing me|dying to|dead (tired|end|on my feet)|to die for|could (kill|murder) (for )?a|"
                               r"kill for|bored to death|scared to death|deadline)\b", _I)

# --- career stage and horizons -----------------------------------------------------------------------------------
EARLY = re.compile(r"\b(student|graduat\w+|intern(ship)?|first (job|role|year)|junior|entry[- ]level|just (started|joined)|"
                   r"new to (the|this|my)|early (in|career)|apprentice\w*)\b", _I)
MID = re.compile(r"\b(senior|mid[- ]career|team lead|manager of|managing|(5|6|7|8|9|ten|1\d|eight|nine|fifteen) years|"
                 r"promotion|career change|changing careers|middle manager)\b", _I)
LATE = re.compile(r"\b(retire\w*|late career|later career|last (few )?years (of|before)|legacy|(2\d|3\d|twenty|thirty) years|"
                  r"winding down|end of my career|succession|pass on)\b", _I)
HORIZON_CUES = {
    "identity": re.compile(r"\b(who i am|i am (a|an)|become|the kind of|person i|i see myself|my role|as a person|strengths?|"
                           r"what gets in (the|my) way|holds? me back)\b", _I),
    "values": re.compile(r"\b(care about|matters? to me|important to me|value|values|meaningful|because i|believe in|passion\w*|love)\b", _I),
    "support": re.compile(r"\b(support\w*|mentor\w*|network|colleagues?|friends?|my partner|family|help(s|ed)? me|on my own|alone|resources)\b", _I),
    "contribution": re.compile(r"\b(contribut\w+|difference|impact|legacy|give back|others|achieve|look back|satisf\w+|status quo|community)\b", _I),
}

RULES = {  # intent -> its precise cue, also a feature for the fitted classifier
    "goal_own": OWN_GOAL, "goal_other": OTHER_GOAL, "goal_duty": DUTY_GOAL, "measure": MEASURE, "action": ACTION,
    "reason": REASON, "feasibility": FEASIBILITY, "asks_advice": ASKS_ADVICE, "permission": PERMISSION,
    "skip_ahead": SKIP_AHEAD, "change_mind": CHANGE_MIND, "question_to_waymark": QUESTION_TO_WAYMARK, "unsure": UNSURE,
    "agree": AGREE, "distress": CRISIS,
}


# "this job is killing me": the figure names how the work wears them down.
WORN_DOWN = re.compile(r"\b(?:job|work|shifts?|commute|hours|rota) (?:is|are) killing me\b", _I)


# "my dad was an accountant for 40 years and he was miserable": someone else's feeling, told as their story
_SOMEONE_ELSE = re.compile(r"^\W*(?:(?:and|but|so|because|cos)\s+)?(?:he|she|they|(?:my|our|his|her) (?:\w+ ){0,2}?"
                           r"(?:dad|father|mum|mom|mother|parents?|brother|sister|partner|wife|husband|son|daughter|kids?|"
                           r"boss|manager|friend|colleague|coworker|team)s?)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:i|me|i'?m|im|i'?ve|myself)\b", re.I)
_CLAUSES = re.compile(r"[.;!?\n]+|,?\s+(?=(?:and|but|so)\s+(?:he|she|they|i|my|our)\b)", re.I)


# "i dont want to be stuck on a ward": a state they mean to avoid, not how they feel now
_UNWANTED = re.compile(r"\b(?:don'?t|dont|do not|never|wouldn'?t) (?:want|wanna|like) to (?:be|feel|get|end up)\b"
                       r"(?!(?:\s+\w+)?\s+(?:like this|like that|any ?more)\b)"
                       r"(?:(?!\b(?:because|and|but|so|cos)\b)[^.,;!?])*", _I)


# "Mediation experience wouldn't hurt": no harm in it, not a hurt
_NO_HARM = re.compile(r"\b(?:wouldn'?t|won'?t|doesn'?t|does not|would not|will not|can'?t|couldn'?t|never) hurt\b", _I)


def feelings(text: str) -> list[str]:
    """Names of the feelings the person's words express, in the order of the lexicon. A clause about someone
    else with no word of the person in it ("he was miserable for most of it") is their story, not their feeling;
    "my boss makes me anxious" keeps the person's feeling."""
    own = " . ".join(c for c in _CLAUSES.split(text) if c and not (_SOMEONE_ELSE.match(c) and not _FIRST_PERSON.search(c)))
    plain = _UNWANTED.sub(" ", _NO_HARM.sub(" ", FIGURES_OF_SPEECH.sub(" ", own)))
    return [name for name, rx in _FEELINGS if rx.search(plain) or (name == "exhausted" and WORN_DOWN.search(text))]


def career_stage(text: str) -> str | None:
    for stage, rx in (("late", LATE), ("early", EARLY), ("mid", MID)):
        if rx.search(text):
            return stage
    return None


def horizons(text: str) -> list[str]:
    return [h for h, rx in HORIZON_CUES.items() if rx.search(text)]

# After a safety reply the person leads; this is them asking to go back to their goals.
RETURN_TO_GOALS = re.compile(
    r"\b((go|get|come) back to (my|the|our) (goal|plan|career|conversation)|(continue|carry on) with (my|the) (goal|plan)|"
    r"can we (go back|continue|carry on|get back)|let'?s (go back|continue|carry on|get back|talk about my (goal|career))|"
    r"i'?m (ok|okay|fine|safe) now,? (let'?s|can we)|back to (the )?goals?)\b", _I)

# Distance from a goal or a path: "I don't care much about managing people", "not interested in the course",
# "the rota and the ordering, not so much".
# "I like the analysis side": what draws them, said as a liking, not as something to reach.
PAST_SELF = re.compile(r"\W*(?:i|we)\s+(?:was|were|used to|'?ve been|have been|had been|worked|spent)\b", _I)
LIKES = re.compile(r"\b(?:i|we) (?:really |also |just |actually |actualy |truly )?(?:like|love|enjoy)\s+(?!to\b|it\b|that\b|this\b|the idea\b)(?:is\s+)?(.+)", re.I)
DISTANCE = re.compile(r"\b(?:i )?(?:really |honestly )?(?:don'?t|dont|do not|never) (?:really |much |actually )?"
                      r"(?:care (?:much |that much )?(?:about|for)|want(?: to)?|like|enjoy|fancy)\s+(?P<what>[^.!?;\n]{3,60})|"
                      r"\bnot (?:really |that |very )?(?:interested in|into|bothered about|keen on)\s+(?P<what2>[^.!?;\n]{3,60})|"
                      r"\b(?:it'?s|that'?s) not (?:for me|my thing|me)\b|"
                      # "i get why but thats her plan not mine"
                      r"\b(?:it'?s|its|that'?s|thats) (?:his|her|their|your|(?:my )?\w+'?s) (?:plan|idea|dream|goal|thing|wish)\b,? (?:and )?not mine\b|"
                      r"(?:^|[.!?;]\s*)(?P<what3>[^.!?;\n]{3,80}?),\s*not so much\s*(?=[.!?;]|$)", _I)

# A date set from outside rather than chosen: "it has to be by September, that's when the round closes".
FIXED_DATE = re.compile(r"\b(?:has to be|(?<!if i )(?<!when i )have to|needs? to be|must be|deadline|closes|is due|due by|no later than|"
                        r"that'?s when|,\s*when (?:the|my|our) [^,.!?]{2,40} (?:comes? up|opens|closes|runs? out|expires))\b", _I)

# The pull of other people, not a part of a goal: "everyone on my team has it so it feels like I should".
# "everyone seems to assume I'll apply for it": what others expect them to do, not a step of theirs
EXPECTED_OF_ME = re.compile(r"\b(?:assumes?|assuming|expects?|expecting|takes? it for granted)\s+(?:that\s+)?i'?ll\b", _I)
PRESSURE = re.compile(r"\b(?:(?:it )?feels? like i should|i feel (?:like )?i should|i'?m supposed to|i (?:guess|suppose) i should|"
                      r"everyone (?:else )?(?:on my team |i know |around me )?(?:has|does|is doing|seems to)|expected of me|"
                      r"(?:people|they) expect me to)\b", _I)

# "my flatmate says I'm the one who makes things happen": how someone sees them, not a goal they hold for them
DESCRIBED = re.compile(r"\b(?:says?|said|thinks?|thought|reckons?|tells? me|told me)\s+(?:that\s+)?i(?:'m| am|'ve| have| was|"
                       r" always| never| just| only| keep| don'?t| do)\b"
                       r"(?![^.!?]*\b(?:should|need|must|have to|has to|ought|supposed)\b)", re.I)
PART_OF_ME = re.compile(r"\bpart of me\b", re.I)
JOB_NOW = re.compile(r"^\W*(?:hi\W+)?(?:so\s+)?(?:i|we)\s*(?:'m|am|work|worked|'ve been|have been)\s+(?:as|at|in|for|a|an)\b", re.I)
# A count of things done: "finish 3 courses", "make 2 projects" (not "we've got two kids")
DONE_COUNT = re.compile(r"\b(?:finish|finished|complete|completed|make|made|do|done|write|written|publish|run|pass|passed|read|"
                        r"build|built|apply|applied|sell|sold|lead|led|take|taken|attend|attended|hit|reach|deliver|"
                        r"teach|train|interview|send|sign|ship)\w*\W+(?:\w+\W+){0,2}$", re.I)


def counts_things_done(words: str) -> bool:
    """ "finish 3 online courses and make 2 projects": a count with a verb of doing just before it, which is how
    someone would know they got there (the reader, the drafter and the planner all ask this)."""
    n = counted(words)
    return bool(n) and bool(DONE_COUNT.search(words.split(n)[0][-40:]))
MATTERS_LABEL = re.compile(r"\W*(?:(?:why |how )?it matters(?: to me)?(?:,? i think,)?(?: is that| is)?|why (?:this|it) (?:is|'s) (?:so )?important(?: (?:to|for) me)?|"
                           # "Why? Because actually I only do social media posts ...": the question, then its answer
                           r"why(?: does (?:it|this) matter| is (?:it|this) important)?(?=\s*\?\s*(?:because|'?cause|cos|well|i (?:think|suppose|guess)|honestly)\b)|"
                           # "Why: I turn 53 in June ...", "Reasons: ...": a heading, then why
                           r"(?:why|reasons?|my reasons?|the why)(?=\s*:))"
                           r"\s*(?:\.\.\.|…|:|-|\?|,)?\s*", re.I)

# "..., if that makes sense?", "..., you know?": a statement with a question tag, not a question
TAG_QUESTION = re.compile(r"(?:^|[,;:]\s*|\s-+\s*|\b(?:and|but|so)\s+)(?:if (?:that|this|it) makes (?:any )?sense|(?:does|do) (?:that|this|it) make (?:any )?sense|"
                          r"(?:if |do |d'?)?you know what i mean|you know|right|like|ha|lol|sure|isn'?t it|is it)\W*\?$", re.I)

# "Can you help me plan the steps, if that makes sense?", "How do you think, is this plan too much ...?": a question
# in its own right from its first words, whatever tag ends it
ASKED_OUTRIGHT = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|well|also),?\s+)?(?:can|could|would|should|will|do|does|did|is|are|am|was|"
                            r"what|how|why|where|when|which|who|any|have|has)\b", re.I)
