"""Reading the person's words: intents, the goal and who it came from, the parts of a goal, risk, dates,
actions, and reflections that add meaning without quoting."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from assistant.dates import parse_when, timeframe_words
from assistant.graph.goalwords import goal_kind, parse_actions
from assistant.reading import read
from assistant.reading.reflect import copied_run, gist, reflections

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text,goal", [
    ("what I actually want is to be the one people bring the really hard problems to",
     "be the one people bring the really hard problems to"),
    ("something like becoming the go-to engineer for our data platform within a year",
     "becoming the go-to engineer for our data platform within a year"),
    ("I want to get promoted.", "get promoted"),
    ("i want pass forklift licence before christmas, then i can ask for more money", "pass forklift licence before christmas"),
])
def test_a_goal_is_heard_however_it_is_said(text, goal):
    r = read(text)
    assert "goal_own" in r.intents and r.goal == goal


def test_a_goal_set_by_someone_else_is_read_as_theirs_with_the_persons_own_beside_it():
    r = read("My manager wants me to get a PMP certification by June, but honestly I'd rather lead one real project.")
    assert r.other_goal == "get a PMP certification by June" and r.other_by == "my manager"
    assert r.goal == "lead one real project" and {"goal_other", "goal_own"} <= set(r.intents)


def test_a_measure_and_a_date_given_unasked_are_read_as_such():
    r = read("I'd know because the other teams would come to me first when the pipelines break, and by March.")
    assert "measure" in r.intents and r.measure.startswith("I'd know because the other teams")
    assert r.timeframe == "by March"


def test_steps_are_read_as_steps_and_their_dates_stay_with_them():
    r = read("Ask Ana for a coffee chat by Friday, volunteer for the next project next week")
    assert "action" in r.intents and len(r.actions) == 2


@pytest.mark.parametrize("text", [
    "some days I don't see the point of anything, even being alive",
    "I've been thinking everyone would be better off if I wasn't around",
    "I wrote goodbye letters last week",
    "I want to kill myself",
    "my partner hits me when I get home late",
    "Every time I miss a target I hold my hand on the hob until I can't stand it.",
])
def test_risk_to_life_or_safety_is_read_however_it_is_phrased(text):
    assert read(text).risk.level == "high"


@pytest.mark.parametrize("text", [
    # No rule names these; the nearest labelled examples do.
    "Put the spare key and a note for my brother in the kitchen drawer. He'll know what to do after Saturday.",
    "my flatmate doesn't know I've been collecting the sleeping tablets since march",
])
def test_risk_no_rule_names_is_read_by_its_neighbours(text):
    risk = read(text).risk
    assert risk.level != "none" and risk.why.startswith("recogniser")


def test_a_risk_said_in_one_sentence_of_a_long_career_message_is_read():
    from assistant.reading import risk_neighbours as neighbours

    text = ("I've got the interview for the site supervisor role on Tuesday and I've prepped my answers about safety. "
            "The other night I stood on the bridge on the way home for a long time. Can we go over the leadership question?")
    vector = np.asarray(neighbours.embed([text], model=neighbours.ENCODER), dtype=np.float32)
    whole = neighbours.neighbour_scores(vector, *neighbours.reference(), neighbours.settings()["k"])[0]
    assert whole < neighbours.settings()["low"]  # the message as a whole reads as a career message
    assert read(text).risk.level != "none"  # its worst sentence does not


def test_a_worrying_sentence_earns_the_gentle_check_at_exactly_its_threshold():
    from assistant.reading.risk_neighbours import with_sentences

    whole = np.asarray([0.2, 0.2], dtype=np.float32)  # the neighbours' scores come as float32
    best = with_sentences(whole, np.asarray([0.9, 0.1]), sentence_low=0.86, low=0.7272)
    assert float(best[0]) >= 0.7272 and float(best[1]) < 0.7272  # as reader.py compares them


@pytest.mark.parametrize("text", [
    "this deadline is killing me", "I'm dying to get into product", "I'd like to cut my hours",
    "I'm stuck in a dead-end job", "I'm ending my contract in March", "I need to cut myself some slack this month",
    "I don't want to wake up tomorrow, 5am shift again.",
    "Hi again.", "bye", "thanks, that's all for today", "see you next week",
])
def test_figures_of_speech_and_everyday_chat_raise_no_alarm(text):
    assert read(text).risk.level == "none"


def test_risk_words_in_a_joke_still_get_a_gentle_check():
    assert read("lol I want to die, this spreadsheet").risk.level != "none"


@pytest.mark.parametrize("text,intent", [
    ("Just tell me what my goal should be.", "asks_advice"),
    ("What's the best career path for me? Just give me the answer.", "asks_advice"),
    ("Let's skip the questions and write the goal down.", "skip_ahead"),
    ("Ignore that, actually I've changed my mind.", "change_mind"),
    ("who can read what I write here?", "question_to_waymark"),
    ("honestly no idea", "unsure"),
    ("yes, that's mine", "agree"),
])
def test_intents(text, intent):
    assert intent in read(text).intents


@pytest.mark.parametrize("text,moved_to", [
    ("Hmm, the end of May is tight, let's say by the end of July.", "by the end of July"),
    ("Before the summer, say by the end of May.", "by the end of May"),
    ("hmm wait, june is year end prep, nobody will turn up. can we say 31 july instead", "31 july"),
])
def test_a_date_moved_is_read_as_the_date_moved_to(text, moved_to):
    assert read(text).timeframe == moved_to


@pytest.mark.parametrize("text,goal", [
    ("somewhere in all that I keep saying I'll finally start running the local history walks for the town museum but "
     "it never happens lol", "start running the local history walks for the town museum"),
    ("if I'm honest what I'd actually want is to be the person people come to about the new expenses system",
     "be the person people come to about the new expenses system"),
    ("What I'd actually enjoy is selling at the Saturday market a couple of times a month.",
     "selling at the Saturday market a couple of times a month"),
    ("also random but I've been meaning to sort my portfolio for ages, it's literally still a site from 2017 haha",
     "sort my portfolio"),
])
def test_a_goal_said_as_a_promise_to_themselves_or_a_wish_is_their_goal(text, goal):
    assert read(text).goal == goal


def test_a_terse_answer_is_read_against_the_question_it_answers():
    assert "measure" in read("3 talks", expecting="measure").intents


@pytest.mark.parametrize("text,expected", [
    ("by June", date(2027, 6, 30)), ("in three weeks", date(2026, 12, 13)), ("next Friday", date(2026, 11, 27)),
    ("2027-01-15", date(2027, 1, 15)), ("by the end of the month", date(2026, 11, 30)), ("someday", None),
    ("can we finish it today?", TODAY), ("thanks, that's all for today. bye", None),
    ("by the end of next year", date(2027, 12, 31)), ("spring 2028", date(2028, 5, 31)),
    ("actually october is too soon, let's say spring the year after", date(2028, 5, 31)),
    ("probably by october next year, when the lease comes up", date(2027, 10, 31)), ("I may next year", date(2027, 11, 22)),
    ("book the hall this week", date(2026, 11, 27)),
    ("check in on the 20th? after my first full week", date(2026, 12, 20)), ("by the 30th", date(2026, 11, 30)),
    ("draft the first one this weekend", TODAY), ("over the weekend", TODAY), ("next weekend", date(2026, 11, 29)),
    ("by 15 March 2027", date(2027, 3, 15)), ("people may next year get promoted", date(2027, 11, 22)),
    ("I'm slammed this week but want the promotion by the end of this year", date(2026, 12, 31)),
    ("I'll sit the exam next week and apply in March 2028", date(2026, 11, 29)),
    ("by 30 June", date(2027, 6, 30)), ("31 july", date(2027, 7, 31)),  # next year's, to the day
    ("selling at the Saturday market a couple of times a month", None), ("I'll call her on Saturday", date(2026, 11, 28)),
])
def test_dates_people_write(text, expected):
    assert parse_when(text, TODAY) == expected


def test_actions_keep_the_persons_words_and_get_dates():
    actions = parse_actions("Ask Sam for feedback by Friday, sign up for the course next week and then book the exam", TODAY)
    assert [a for a, _ in actions] == ["Ask Sam for feedback by Friday", "sign up for the course next week", "book the exam"]
    assert actions[0][1] == date(2026, 11, 27) and all(d > TODAY for _, d in actions)


def test_goal_kinds():
    assert goal_kind("get a PMP certification") == "career"
    assert goal_kind("feel more confident when I speak") == "emotional"
    assert goal_kind("build a network of mentors") == "enabling"
    assert goal_kind("learn to paint") == "developmental"


def test_a_gist_is_a_few_of_their_words_that_read_whole():
    assert gist("because I love untangling messy data systems") == "untangling messy data systems"
    assert gist("lead one real project", as_noun=True) == "leading one real project"
    assert gist("be the one people bring the really hard problems to") == ""  # no short phrase reads whole


@pytest.mark.parametrize("text", [
    "what I actually want is to be the one people bring the really hard problems to, because I love untangling messy systems",
    "My manager wants me to get a PMP certification by June, but honestly I'd rather lead one real project",
    "Honestly I'm not sure. I guess I suppose I want to do something that matters to me and my family and my town.",
    "I feel like a fraud in every meeting and I don't know why I keep saying yes to everything",
])
def test_reflections_add_meaning_and_never_quote_or_flip_pronouns(text):
    said = reflections(read(text))
    assert said
    for s in said:
        assert not copied_run(s, text), s
        assert "You said" not in s and "you suppose" not in s and "you guess" not in s
        assert not s.rstrip().endswith("?")


def test_both_sides_are_named_when_a_goal_came_from_someone_else():
    [first, *_] = reflections(read("My manager wants me to get certified, but honestly I'd rather lead one real project"))
    assert "your manager" in first and "leading one real project" in first


def test_a_date_in_the_past_is_no_deadline_but_a_later_one_in_the_same_message_is():
    from assistant.dates import timeframe_words

    assert timeframe_words("I finished my degree in June and I have no idea what I want to do.") == ""
    assert timeframe_words("I started in March and want to be promoted by December") == "by December"


def test_reflections_name_what_people_like_and_never_make_a_plural_noun_a_verb():
    from assistant.reading.reflect import reflections

    liked = reflections(read("I like puzzles and explaining things to friends."))
    assert liked and "puzzles and explaining things" in liked[0]
    options = " ".join(reflections(read("Maybe something like events, or running projects for a charity.")))
    assert "running projects for a charity" in options and "eventsing" not in options


@pytest.mark.parametrize("text", ["hello", "hi again", "good morning", "hey there"])
def test_a_greeting_is_no_goal(text):
    r = read(text)
    assert r.goal == "" and not r.has("goal_own", "measure", "reason", "action")


def test_a_want_after_a_doubt_is_not_a_goal_and_a_love_is_a_reason():
    r = read("honestly I'm not sure I want to manage anyone. what I love is teaching the new starters")
    assert r.goal == "" and r.reason == "I love teaching the new starters"


def test_a_preference_keeps_what_they_want_not_what_they_would_give_up():
    assert read("dunno. I'd rather be home for the kids' tea than earn more").goal == "be home for the kids' tea"


def test_away_from_one_thing_and_toward_another_is_reflected_both_ways():
    [said] = reflections(read("tbh I don't care much about managing people. I like the analysis side, the QC data"))
    assert "managing people" in said and "the analysis side" in said


def test_a_liking_then_what_is_not_liked_is_reflected_both_ways():
    [said] = reflections(read("i like the cooking part. the rota and the shouting and the ordering, not so much"))
    assert "the rota and the shouting" in said and "the cooking part" in said


def test_not_so_much_for_a_reason_is_not_distance():
    said = " ".join(reflections(read("I love the team. I want to run the kitchen, not so much for the money.")))
    assert "not the" not in said and "so much as" not in said


def test_a_liking_is_not_a_goal():
    assert "goal_own" not in read("I like working with data more than people").intents


def test_what_someone_else_set_reads_as_a_noun_in_natural_grammar():
    assert gist("be aiming for head chef", as_noun=True) == "aiming for head chef"
    assert gist("on forklift shifts every week", as_noun=True) == "being on forklift shifts every week"


def test_being_given_a_shift_is_not_someone_elses_goal():
    r = read("i will know because i have the certificate and manager put me on forklift shift")
    assert not r.other_goal and "goal_other" not in r.intents


@pytest.mark.parametrize("text", ["My flatmate says I'm the one who makes things happen.",
                                  "my manager said i was good with the difficult clients",
                                  "shifts are mostly 2pm till midnight. i've got a 6 year old so mornings are school run",
                                  "Not really. I haven't told anyone at work about the teaching thing."])
def test_how_someone_sees_them_or_a_life_detail_is_not_a_goal_someone_holds_for_them(text):
    r = read(text)
    assert not r.other_goal and "goal_other" not in r.intents


def test_what_someone_says_they_should_do_is_still_their_goal_for_them():
    assert read("My manager says I should get my PMP by June.").other_goal


def test_a_reason_that_only_says_the_goal_again_is_not_reflected_as_its_reason():
    said = reflections(read("I want to get my evenings back because I want to get my evenings back for my kids"))[0]
    assert "rests on" not in said and "because it connects" not in said


def test_a_reason_said_as_a_clause_is_not_forced_into_a_thing():
    said = " ".join(reflections(read("I want to lead a team because it would mean more money")))
    assert "itting" not in said and "comes back to it" not in said


def test_what_stands_in_the_way_is_reflected_as_such():
    said = reflections(read("whats stopping me is money mostly. and time. and i dont even know how you get a pitch"))
    assert said and "money" in said[0] and "mostly" not in said[0]


def test_both_parts_are_heard_with_a_little_said_between_them():
    said = reflections(read("Part of me wants the promotion, the money's good and it's safe. We've got a mortgage. "
                            "But part of me has wanted to teach maths for years."))[0]
    assert "the promotion" in said and "teaching maths" in said


def test_where_they_work_is_not_why_a_goal_matters():
    assert not read("hi. so i work as a line cook at a busy italian place near the station, been there 4 years").reason


def test_others_pull_is_not_a_part_of_the_goal():
    r = read("Everyone on my team has it so it feels like I should.", "relevant")
    assert not r.measure and not r.feasibility
    assert "people around you" in reflections(r)[0] or "others expect" in reflections(r)[0]


def test_a_date_set_from_outside_is_a_date_not_a_measure():
    r = read("It has to be by September, that's when the funding round closes.")
    assert r.timeframe == "by September" and not r.measure
    assert "fixed" in reflections(r, goal_in_hand=False)[0] or "set from outside" in reflections(r, goal_in_hand=False)[0]
    kept = read("Like being able to run the client demo without my lead stepping in, by the end of March.")
    assert "client demo" in kept.measure and kept.timeframe == "by the end of March"  # a real measure with its date stays


def test_a_step_already_taken_is_a_step_and_one_clause_fills_one_part():
    assert read("I've already booked a call with the trust officer for next Tuesday.").actions
    r = read("I've written smaller bids before and the director is backing me, so yes it's within reach.")
    assert r.feasibility and not r.measure


def test_a_reason_that_says_how_they_are_keeps_its_grammar():
    said = " ".join(reflections(read("Because I'm tired of paying someone else to say what we do better than we can.")))
    assert "being tired of paying someone else" in said


def test_the_same_reflection_is_not_said_twice_running():
    r = read("I'd know because the seniors actually use it at the Monday huddle")
    first = reflections(r)
    assert first and reflections(r, avoid=tuple(first)) != first


def test_who_they_were_is_not_a_goal_even_when_a_goal_was_asked_for():
    r = read("i was an accountant before, management accounts mostly at a mid sized firm. i was good at it.",
             expecting="goal_own")
    assert not r.goal and not r.has("goal_own")


def test_a_reason_they_refuse_is_not_their_reason():
    r = read("i don't want to just drift back into something because it's the easy option. "
             "i want the kids to see me doing something i actually chose")
    assert "easy option" not in r.reason and "kids" in r.reason


def test_a_new_date_named_before_the_reason_for_it_is_the_date_and_the_old_one_is_not_feasibility():
    r = read("Actually two year is too long i think. I want say 18 month. Our sister retire in summer next year")
    assert r.timeframe == "18 month" and not r.feasibility and r.has("change_mind")
    assert parse_when("I'm slammed this week but want the promotion by the end of this year", TODAY) == date(2026, 12, 31)
    assert parse_when("check in feb 1", TODAY) == date(2027, 2, 1)  # "in feb" and "feb 1" name one date: the precise one
    assert parse_when(r.timeframe, TODAY) == parse_when("in 18 months", TODAY)  # the words kept still name the date


def test_thanks_and_agreement_around_a_step_are_not_steps():
    assert [a for a, _ in parse_actions("Thank you so much. I will speak with my manager on monday about the course")] == [
        "I will speak with my manager on monday about the course"]
    assert [a for a, _ in parse_actions("thats about right. maybe add that i'll find out about my membership")] == [
        "i'll find out about my membership"]


def test_what_someone_else_did_is_not_reflected_as_their_reason():
    r = read("Sometime I feel guilty becuase of my mother. She make many sacrifice so I can come study here")
    assert not any("sacrifice" in line for line in reflections(r))


@pytest.mark.parametrize("text, change", [
    ("10 is too many, make it 6.", ("10", "6")),
    ("hmm ten a month feels like a lot. maybe six", ("ten", "six")),
    ("let's say 6 sessions instead of 10", ("10", "6")),
    ("Make it 6 a month instead.", (None, "6")),
    ("10 is too many for me, I have 3 kids", None),  # a number said beside it is no new target
    ("I run 5 km three times a week", None),
    ("I did 3 last year and want 5 this year", None),
])
def test_a_changed_number_is_read_with_the_number_it_replaces(text, change):
    from assistant.numbers import number_change

    assert number_change(text) == change


def test_who_set_the_goal_keeps_their_role_whole():
    from assistant.reading import read

    r = read("hi. my clinic lead keeps saying I should do a masters, but I'm not sure that's me")
    assert (r.other_goal, r.other_by) == ("do a masters", "my clinic lead")
    assert read("my area manager wants me to get Lean certified").other_by == "my area manager"


LISTED = ["Some people keep a short diary of what they tried and how it went.",
          "Some people set aside a fixed hour in the week for learning and protect it like a meeting.",
          "Some people ask someone they trust to watch them once and tell them one thing to change."]


@pytest.mark.parametrize("said, index", [
    ("the fixed hour one. tuesday and thursday evenings", 1),
    ("i like the diary idea", 0),
    ("the second one", 1),
    ("option 3 sounds right", 2),
    ("the last one, with my colleague sam", 2),
    ("none of those really, I'd rather think about it more", None),
    ("it matters because patients leave with no idea why", None),
    ("I want to publish six articles by September", None),
])
def test_the_option_picked_is_read_by_position_or_by_its_own_words(said, index):
    from assistant.knowledge.options import picked

    assert picked(LISTED, said) == (LISTED[index] if index is not None else None)


def test_a_picked_option_becomes_a_step_with_what_they_added():
    from assistant.knowledge.options import as_step, called

    said = "the fixed hour one. tuesday and thursday evenings"
    assert as_step(LISTED[1], said) == "set aside a fixed hour in the week for learning: tuesday and thursday evenings"
    assert called(said) == "the fixed hour one" and called("the second one") == "the second one"


@pytest.mark.parametrize("said, reflected, not_said", [
    ("i like people. i miss the patients, not the night shifts haha", "the patients you miss, not the night shifts", ""),
    ("my daughter say i need a goal because i am at home too much. i dont know what i want really",
     "comes from your daughter", "a lot to carry"),  # "at home too much" is no load; "a goal" names no goal
    ("yes this is mine, not my daughter idea :)", "yours", ""),
    ("if they're trained right the errors go down anyway", "", "feeling low"),  # errors going down is no mood
])
def test_reflections_take_up_what_is_missed_who_pushes_and_whose_it_is(said, reflected, not_said):
    from assistant.reading.reflect import reflections

    out = " ".join(reflections(read(said)))
    assert reflected in out and (not not_said or not_said not in out)


def test_an_option_named_their_own_way_is_found_by_what_they_describe_and_their_words_are_the_step():
    from assistant.knowledge.options import as_step, picked

    listed = ["Some people pick one skill and practise it on a real task every week, rather than waiting for a course.",
              "Some people pair a newcomer with an experienced colleague for the first weeks, and check in with both.",
              "Some people try two or three short experiences, such as shadowing, a side project or volunteering."]
    said = ("i like the buddy one. pair each of them with one of my experienced pickers for the first few weeks and i "
            "check in with them at the end of every shift")
    assert picked(listed, said) == listed[1]
    assert as_step(listed[1], said).startswith("pair each of them with one of my experienced pickers")


def test_saying_whose_it_is_comes_first_whatever_else_the_message_adds():
    out = reflections(read("yeah its for me. if they're trained right the errors go down anyway so my manager gets "
                           "what he wants too"))
    assert "yours" in out[0] and not any("someone else's idea" in o for o in out)


def test_a_date_is_fixed_only_when_its_own_sentence_says_so():
    tentative = reflections(read("maybe start before the summer? i have to ask them first"), goal_in_hand=True)
    fixed = reflections(read("it has to be done by March, the funding closes then"), goal_in_hand=True)
    assert not any("fixed" in o for o in tentative) and any("fixed" in o for o in fixed)


def test_a_count_of_things_done_is_a_measure_not_what_makes_it_within_reach():
    r = read("my goal is a data science master. before that i want finish 3 online courses in python and make "
             "2 project for portfolio on github, until end of this summer")
    assert "3 online courses" in r.measure and not r.feasibility


def test_a_count_in_their_circumstances_is_not_a_measure():
    r = read("I don't know really. Part of me wants the promotion, the money's good and it's safe. We've got a mortgage "
             "and two kids. But part of me has wanted to teach maths for years.")
    assert "two kids" not in r.measure


def test_why_it_matters_as_a_label_opens_the_reason():
    r = read("Why it matters... my dad was an accountant for 40 years and he was miserable for most of it.")
    assert r.reason.startswith("my dad was an accountant")


def test_one_clause_says_one_part_and_someone_elses_feeling_is_not_theirs():
    from assistant.reading.cues import feelings

    r = read("Maybe volunteer in a school for a bit? Say at least 5 full days of classroom experience. I could use annual leave for it.")
    assert r.measure == "at least 5 full days of classroom experience" and r.feasibility == "I could use annual leave for it"
    assert feelings("my dad was an accountant for 40 years and he was miserable for most of it") == []
    assert feelings("I feel stuck and my manager is frustrated") == ["stuck"]
    assert feelings("my boss makes me anxious") == ["anxious"]


@pytest.mark.parametrize("text,steps", [
    ("ok my plan: I speak with planning manager before 15 January, and I ask for 2 days per month shadowing",
     ["I speak with planning manager before 15 January", "I ask for 2 days per month shadowing"]),
    ("maybe I ask planning manager if I can sit with them sometimes", ["I ask planning manager if I can sit with them sometimes"]),
])
def test_steps_planned_in_the_present_tense_are_steps(text, steps):
    assert list(read(text).actions) == steps


def test_their_own_measure_question_answered_is_a_measure_and_a_rather_not_is_no_goal():
    from assistant.reading.reflect import gist

    r = read("How would I know it had worked? I think if each of them could run a shift as nurse in charge without "
             "ringing me, that would be it.")
    assert r.measure.startswith("if each of them could run a shift") and "asks_advice" not in r.intents
    assert read("how would i know? no idea").measure == ""
    assert read("I'd rather not leave it to the last few months.").goal == ""
    assert gist("what I'll leave behind", as_noun=True) == "what you'll leave behind"
    assert read("My leaving date is July but I'll have a lot of annual leave to use up").actions == ()


def test_a_weekday_said_with_its_date_is_that_date_and_tonight_is_today():
    today = date(2026, 12, 3)
    assert parse_when("first one on saturday 28th march. gives me a few weeks", today) == date(2027, 3, 28)
    assert parse_when("on saturday march 28 i host it", today) == date(2027, 3, 28)
    assert parse_when("texting jo tonight to ask", today) == today
    assert timeframe_words("reading back over everything I have written tonight", today) == ""  # told, not planned
    assert parse_when("see you monday", today) == date(2026, 12, 7)


def test_their_own_why_and_is_it_realistic_are_answered_by_the_rest_of_the_message():
    r = read("why it matters. i want to know if the food in my head is any good when its mine. not hiding behind his name.")
    assert r.has("reason") and not r.goal and r.reason.startswith("i want to know if the food")
    r = read("Why this is important for me, I must tell you a story. My first week, nobody showed me anything. "
             "I want to be this person for the new ones, so nobody is alone like I was alone.")
    assert r.reason.startswith("I want to be this person") and not r.has("goal_duty")
    r = read("Is it realistic? I did the sums on the back of a seminar handout. I am only teaching one seminar this "
             "term, so I have the mornings.")
    assert "so I have the mornings" in r.feasibility and not r.has("asks_advice") and not r.measure
    r = read("There are six chapters. Two are drafted. So that is my number: six chapters in his inbox by 30 April.")
    assert r.measure == "six chapters in his inbox by 30 April" and not r.reason


def test_a_step_is_not_a_reason_and_talk_about_the_goal_is_not_an_aside():
    r = read("first step is texting jo tonight to ask about her flat. then monday on my day off i write the menu and "
             "cost it out properly")
    assert not r.reason  # "cos" is not in "cost"
    assert r.actions == ("texting jo tonight to ask about her flat", "monday on my day off i write the menu and cost it out properly")
    r = read("and it is a big deal i know. more money, a title, my name on the door sort of. but when he said it my "
             "stomach just dropped. felt like being handed someone elses plan with my name written on it")
    assert not r.has("off_topic") and "anxious" in r.feelings
    assert read("did you see the match last night? unreal").has("off_topic")
    assert not read("one supper club for 12, every seat sold, no money lost").feelings


def test_a_pull_both_ways_needs_a_feeling_that_draws_them():
    assert "part of you is holding back" in reflections(read("Moving teams feels exciting but scary."))[0]
    stuck = reflections(read("For months I have been drifting: opening the chapter files, closing them again. My "
                             "supervisor is kind but busy."))
    assert stuck and "holding back" not in stuck[0]  # drifting is being stuck, and "kind but busy" is no pull both ways


def test_the_evenings_rules_stay_narrow():
    # each of these went wrong under a first, broader version of a rule added for the blind scripts
    today = date(2026, 12, 3)
    assert timeframe_words("My manager said senior role in March.", today) == "in March"
    assert read("I want to change something about how my team runs meetings").goal
    assert not read("The target is unrealistic for someone at my level").measure
    assert not read("I want to get promoted to senior nurse; I passed 4 exams in my first year.").measure
    assert parse_actions("first steps are email my manager, then sign up for the course", today)[0][0] == "email my manager"
    assert parse_when("on monday next week I email my boss", today) == date(2026, 12, 7)
    assert not any("settled" in x for x in reflections(read("I said no to the promotion last year and now I regret it")))
    assert read("Is it realistic to become a manager in one year? What do you think, honestly?").has("asks_advice")
    r = read("It matters to me. I want to become a nurse by 2028")
    assert r.goal and r.timeframe  # "it matters" that does not answer "why" opens nothing


def test_goals_said_without_i_want_to():
    # from a blind set written for the reader: each was missed as a goal of theirs
    assert read("I've decided I want the charge nurse role. I'll put my application in this week.").goal == "the charge nurse role"
    assert read("Thinking about going for head of year. Kids trust me.").goal == "going for head of year"
    assert read("I'm a sparky, been self-employed 11 years. Want to take on an apprentice next year.").goal.startswith("take on an apprentice")
    assert read("Skip the questions please. Goal is: get promoted to senior stylist by June.").goal.startswith("get promoted to senior stylist")
    assert read("i want to be a paramedic thats the honest truth. been thinking it for ages").goal == "be a paramedic"
    # and what is not one
    assert not read("Yes, that is mine. It is the first time the goal is in my own words.").goal
    assert not read("I want a minute to think about it").goal
    assert not read("Fifteen, not twenty. And I'd like to start with Mrs Dodds while she's still sharp.").goal


def test_manners_and_telling_are_not_steps_and_a_step_keeps_its_names():
    assert not read("I was told this platform can help me. I will be grateful for your assistance.").actions
    assert not read("What would I want? Well. I'll tell you a thing that happened last month at the library.").actions
    steps = read("The first steps: tomorrow I will send a request to my manager, Mrs. Adeyemi, for a meeting next "
                 "week. And on Sunday I will tell my father, respectfully, that I am postponing the MBA.").actions
    assert steps[0] == "tomorrow I will send a request to my manager, Mrs. Adeyemi, for a meeting next week"
    assert len(steps) == 2 and "postponing the MBA" in steps[1]
    assert parse_actions("first thing is book the resit at the college. and ask darren on the crew")[0][0] == "book the resit at the college"


def test_questions_asked_of_themselves_or_quoted_ask_nothing_of_waymark():
    r = read("What would I want, if it were up to me? Well. Mrs Dodds has come in every Tuesday for thirty years.")
    assert not r.has("asks_advice") and not r.has("question_to_waymark")
    r = read('Every Sunday the question comes: "Chinedu, when are you starting your MBA?" The form sits on my laptop.')
    assert not r.has("asks_advice")
    assert read("What should I do? I have tried everything I can think of.").has("asks_advice")


def test_a_correction_names_the_date_they_mean_now():
    today = date(2026, 12, 3)
    assert parse_when("actually no make that the jan 2028 intake. the sept one closes in feb", today) == date(2028, 1, 31)
    # restated more exactly: the exact date is the one they mean
    assert parse_when("So let it be 12 months, that is by the January 2028 promotions.", today) == date(2028, 1, 31)
    assert parse_when("in 6 months, that is what I want", today) == parse_when("in 6 months", today)
    # not a correction of theirs: "my wife would say ...", "make that call"
    assert parse_when("I want to finish by June. My wife would say in a year, she always does.", today) == date(2027, 6, 30)
    assert parse_when("By September I want to be enrolled. I'll make that call to the college next Monday.", today) == date(2027, 9, 30)
    assert parse_when("mid January 2028", today) == date(2028, 1, 15)
    assert parse_when("I'm working late may be till 9 so next week is best", today) == date(2026, 12, 10)
    assert parse_when("I'll sit the exam next week and apply in March 2028", today) == date(2026, 12, 10)


def test_a_state_to_avoid_is_no_feeling_and_a_because_that_points_back_takes_its_sentence():
    assert "stuck" not in read("nursing is her idea. i dont want to be stuck on a ward, i want to be out on the road").feelings
    assert "stuck" in read("I feel stuck in this job").feelings
    assert "scared" in read("honestly this scares me a bit, im 24 and id be sat with 18 yr olds").feelings
    r = read("my grandad had a stroke and the crew that came were unreal, calm as anything. hes still here cos of them")
    assert r.reason == "hes still here cos of them"
    assert read("how il know: a 4 or above in the june resit, then an offer letter for jan").measure.startswith("a 4 or above")
    assert not read("Good day. My name is Chinedu and I test software in Lagos.").measure


def test_someone_elses_goal_beside_their_own_is_reflected_as_a_pull_not_as_the_goal():
    mum = read("my mum keeps saying do nursing insted, theres a bursary and its more stable")
    assert mum.other_goal.startswith("do nursing")
    said = reflections(mum, goal_in_hand=True)
    assert said and "mum" in said[0] and ("next to what you want" in said[0] or "beside your own" in said[0])
    # a clause the classifier guessed is never said back as someone's goal
    guessed = read("My area manager, who is a lovely young man but thinks entirely in spreadsheets, suggested at my "
                   "review that I set some goals for a graceful exit.")
    assert not any("thinks entirely" in x for x in reflections(guessed, goal_in_hand=False))


def test_a_vague_direction_and_a_want_for_others_are_not_goals_to_draft():
    assert not read("i was thinking about going back to study something but i left school at 16").goal
    assert not read("i want the kids to see me doing something i actually chose").goal
    assert read("I want the senior nurse post on my ward").goal == "the senior nurse post on my ward"
    r = read("I thought again about the time. My wife says do not promise too much. So I say 1 year, not 6 months.")
    assert r.timeframe == "1 year" and "1 year" not in r.reason
    today = date(2026, 12, 3)
    assert parse_when("Shall we say the middle of January for checking in?", today) == date(2027, 1, 15)
    assert parse_when("early March", today) == date(2027, 3, 7) and parse_when("late feb", today) == date(2027, 2, 28)
    steps = [t for t, _ in parse_actions("The first step: on Monday, after my morning shift, I go to the depot manager. "
                                         "Tonight I write it in my diary.", today)]
    assert steps == ["on Monday, after my morning shift, I go to the depot manager", "Tonight I write it in my diary"]


def test_the_new_phrasings_stay_narrow():
    # each of these went wrong under a first version of a rule added for the blind scripts (found in review)
    for text in ["My husband is thinking about moving to Leeds for his job", "They're looking at moving me onto nights",
                 "I stopped thinking about applying for promotion years ago", "No part of me wants to manage people",
                 "I just want a straight answer from you", "Want to know something funny? I like my job"]:
        assert not read(text).goal, text
    assert read("My goal is still to become a nurse").goal == "become a nurse"
    assert read("i want to be a nurse or something").goal == "be a nurse"
    assert read("I'd love to start with the NHS as a healthcare assistant").goal
    assert not read("my mum keeps saying I'm too old to retrain").other_goal
    assert read("How can I make my manager take me seriously? She ignores everything I put forward.").has("asks_advice")
    assert read("I'll explain my situation to HR next week.").actions
    assert read("I'll be honest with my boss about the hours this week.").actions
    assert {"scared", "exhausted"} <= set(read("I don't want to feel like this anymore because I'm exhausted and scared").feelings)
    assert "stuck" in read("I don't want to be stuck like this any more").feelings
    assert not read("how i'd know - no idea really, that's why I'm here").measure
    assert [t for t, _ in parse_actions("Email Sarah, Call Tom, Book Course")] == ["Email Sarah", "Call Tom", "Book Course"]
    assert [t for t, _ in parse_actions("I'll ring Pat this week. I'll book the resit.")] == ["I'll ring Pat this week", "I'll book the resit"]


def test_words_of_the_goal_and_a_constraint_are_not_reflected_as_why_it_matters():
    r = read("nah. nursing is her idea not mine. i want to be out on the road first on scene when it matters")
    assert r.goal.startswith("be out on the road") and r.reason != "it matters"
    said = reflections(read("its 3 yrs full time and i cant not work, i pay half the rent. honestly this scares me a bit"))
    assert said and not any("cant not work" in s for s in said)


def test_a_duty_for_someone_else_and_a_fallback_are_not_steps_or_reasons_of_the_goal():
    r = read("As for my manager's list: I'll do the kiosk training because the girls need it. I'll write some "
             "handover notes because somebody must. But that's duty. The recordings are the part that's mine.")
    assert not r.actions and not r.reason
    r = read("So let it be 12 months. If it does not happen inside my company by then, I will apply outside, and an "
             "offer letter for a QA Lead role will also count as success.")
    assert not r.actions and r.measure == "an offer letter for a QA Lead role will also count as success"
    r = read("I'll ring Pat this week, because they have a recorder. If I get a free afternoon I'll ask Mrs Dodds too.")
    assert r.actions[0] == "I'll ring Pat this week"  # a step with a condition of its own is still a step


def test_whose_path_a_constraint_and_why_they_ask_are_not_parts_of_the_goal():
    r = read("He wants me to be a manager; I also want to manage, but testers. The MBA is his road, it is not my destination.")
    assert "destination" not in r.feasibility
    r = read("Also there are only so many hours, we're down to three staff and I'm on the desk most of the day.")
    assert "desk" not in r.reason
    r = read("Kindly give me some options of how people move from tester to lead, because in my company there is no clear path.")
    assert not r.reason


@pytest.mark.parametrize("text,words,day", [
    ("no scratch that, gary said the course dont finish till july. september then, when the new intake starts",
     "september", date(2027, 9, 30)),
    ("check in thurs 17th?", "thurs 17th", date(2026, 12, 17)),
    ("check in in 2 wks", "in 2 wks", date(2026, 12, 18)),
    ("Could we check in on Saturday the 19th of December? Then I go home.", "on Saturday the 19th of December",
     date(2026, 12, 19)),
])
def test_dates_said_in_passing_shortened_or_settled_on(text, words, day):
    from assistant.dates import find_when

    assert find_when(text, date(2026, 12, 4)) == (day, words)


def test_goals_said_in_passing_as_a_daydream_or_a_heading_and_what_is_not_one():
    assert read("been thinkin about evening classes at the college, teaching level 2 electrical").goal \
        == "evening classes at the college, teaching level 2 electrical"
    assert read("The version of next year I keep daydreaming about is one where I'm working as a policy analyst.").goal \
        == "working as a policy analyst"
    assert read("So maybe: part-time bookkeeping, three mornings a week, by the end of March.").goal.startswith(
        "part-time bookkeeping, three mornings a week")
    assert read("I'd rather build up than crash.").goal == ""  # a way of going about it, weighed against another
    assert not read("I'm not sure what I'm hoping to get from this, but a friend suggested it might help.").goal
    assert not read("been thinking about my dad a lot this week").goal


def test_a_requirement_is_no_ones_goal_for_them_and_she_sees_me_is_hers():
    r = read("hard part is the paperwork side. they want you to have the teaching cert and i was never any good at essays")
    assert "goal_other" not in r.intents
    r = read("She has made it very clear that she sees me going straight into a postdoc in Bergen. She talks about it "
             "as though it's settled.")
    assert r.other_goal.startswith("going straight into a postdoc") and r.other_by == "she"
    assert "postdoc" not in r.feasibility


def test_why_stays_with_its_step_and_a_when_said_first_joins_the_next():
    from assistant.reading.spans import action_spans

    steps = action_spans("By Thursday I'll have a one-page summary drafted, because every application asks for one. "
                         "And on Saturday morning, before I lose my nerve, I'll make a shortlist of roles.")
    assert steps == ["By Thursday I'll have a one-page summary drafted",  # why they do it is not a step
                     "on Saturday morning, before I lose my nerve, I'll make a shortlist of roles"]


def test_the_hard_part_is_reflected_and_the_plus_side_is_what_is_within_reach():
    r = read("hard part is the paperwork side. they want you to have the teaching cert and i was never any good at essays")
    assert reflections(r) == ["So what stands in the way for now is the paperwork side."]
    assert read("on the plus side college is 10 min from mine and my mate teaches there").feasibility \
        == "on the plus side college is 10 min from mine"
    r = read("The certification is also something I can show my father, it has a certificate with my name, which in "
             "my house is important.")
    assert not r.feasibility and "important" in r.reason  # why it matters, said with a "can"


def test_what_a_number_counts_can_change_and_an_aside_stays_with_its_step():
    from assistant.graph.goalwords import parse_actions
    from assistant.numbers import phrase_change

    assert phrase_change("Wait, not three days. I said days but I meant three mornings, nine till half two.") \
        == ("three days", "three mornings")
    assert phrase_change("not three days, three days is right") is None
    steps = parse_actions("On Monday I'll knock on my neighbour's door. And by Wednesday I'll have updated my CV, "
                          "nine-year gap and all.", date(2026, 12, 4))
    assert [s for s, _ in steps] == ["On Monday I'll knock on my neighbour's door",
                                     "by Wednesday I'll have updated my CV, nine-year gap and all"]
    assert read("I'd rather build up than crash.").goals == ()


def test_the_new_narrow_rules_leave_ordinary_words_alone():
    from assistant.dates import find_when

    assert find_when("I want to finish my thesis by September and I may then apply for postdocs", date(2026, 12, 4))[1] \
        == "by September"
    assert find_when("I sat 2nd in the regional final", date(2026, 12, 4)) is None
    assert read("I want to get my HGV licence because I have to provide for my kids").reason \
        == "because I have to provide for my kids"
    assert read("If that isn't too much, I'll email Ruth on Tuesday").actions == ("I'll email Ruth on Tuesday",)
    assert not read("been thinking of the kids, they need me home more").goal
    assert not read("Right: I messed up the interview last week").goal


def test_a_hedged_first_step_and_a_sign_said_as_if_then_that_would_mean():
    r = read("first thing i suppose is ring the college and ask about enrolment. i could do it on my day off wednesdy")
    assert r.actions == ("ring the college and ask about enrolment",)
    r = read("the course starts in september. if i could pass the first exam by christmas that would mean i can "
             "actualy do this")
    assert r.measure.startswith("if i could pass the first exam by christmas") and "pass" not in r.feasibility


def test_why_they_came_is_not_why_a_goal_matters():
    r = read("The work is fine. I suppose I'm here because the end is coming into view and everyone has a plan for me.")
    assert not r.reason
    assert read("I want to lead the team because I love untangling systems").reason == "because I love untangling systems"


def test_the_gaffer_is_someone_elses_goal_too():
    r = read("gaffer keeps on at me to go for contracts manager. office job, more money. wife thinks i shud take it too")
    assert r.other_goal == "go for contracts manager" and r.other_by == "gaffer"


def test_who_a_goal_came_from_is_said_back_as_theirs_and_in_good_grammar():
    from assistant.reading.reflect import _possessive, _who

    assert [_who(x) for x in ("gaffer", "my boss", "she", "hr", "karen")] == ["your gaffer", "your boss", "her", "HR", "Karen"]
    assert _possessive(_who("she")) == "her" and _possessive(_who("gaffer")) == "your gaffer's"
    assert read("so say get the teaching award done and be teaching 2 evenings a week by june").measure.startswith("get the")


def test_what_the_crabber_and_the_assessor_said_is_read_as_they_meant_it():
    from assistant.graph.goalwords import parse_actions
    from assistant.reading.reflect import reflections

    r = read("i fish. sandra wants me to sell the licence and take the job going at the harbour office")
    assert r.other_by == "sandra" and r.other_goal.startswith("sell the licence")
    assert not read("nobody wants me to leave, it's fine").other_goal
    assert reflections(read("i get why but thats her plan not mine"), other_by="sandra") == ["So it's Sandra's plan, not yours."]
    assert reflections(read("thats my dads plan, not mine")) == ["So it's your dad's plan, not yours."]
    assert not read("what i keep thinking about is the tourists. every summer theyre on the quay").goal
    assert not read("I don't think I want it. I've watched three team leaders burn out.", expecting="goal_own").goal
    assert read("I've also wondered about mediation, actually. I sat in on a dispute once.").goal == "mediation"
    asked = read("how would i know. boat coded, certificate up in the wheelhouse, and 8 people paying me to see seals")
    assert asked.measure.startswith("boat coded") and not asked.has("asks_advice")
    own = read("can i do it? boats sound. the lad on the next mooring did both in one winter so its doable")
    assert own.has("feasibility") and not own.has("asks_advice")
    assert not read("There's a team leader role coming up and everyone seems to assume I'll apply for it.").actions
    steps = parse_actions("ring the coding office tomorrow and ask what the survey needs. look up the course.",
                          date(2026, 12, 4))
    assert steps[0][1] == steps[1][1] == date(2026, 12, 5)  # one errand, one day


def test_a_misspelt_weekday_is_still_a_day_and_who_it_is_for_is_said_back():
    from assistant.dates import find_when

    assert find_when("i could do it on my day off wednesdy", date(2026, 12, 4))[0] == date(2026, 12, 9)
    assert find_when("ring him weds", date(2026, 12, 4))[0] == date(2026, 12, 9)
    assert find_when("see what the sun does", date(2026, 12, 4)) is None  # "sat", "sun", "mon" stay words
    said = reflections(read("i keep telling her to work hard and i thought well why dont i. i want her to see me do it"),
                       goal_in_hand=False)
    assert said == ["So part of this is about her seeing you do it."]


def test_the_review_of_the_new_rules_keeps_them_narrow():
    from assistant.graph.goalwords import dated_steps

    for text, who in [("My manager just wants me to hit my targets", "my manager"),
                      ("sandra still wants me to sell the licence", "sandra"),
                      ("My boss also wants me to do the leadership course", "my boss")]:
        assert read(text).other_by == who, text  # an adverb is never the person
    assert not read("I reckon I could lose my job if the restructure goes ahead").goal  # a fear, not a goal
    assert reflections(read("thats my boss plan not mine")) == ["So it's your boss' plan, not yours."]
    assert reflections(read("its sandra's plan not mine")) == ["So it's Sandra's plan, not yours."]
    # steps from separate turns keep their own dates; only a step split at "and" after a when shares it
    assert dated_steps(["ask my manager on Monday", "book the course"], date(2026, 12, 4))[1][1] != date(2026, 12, 7)


def test_both_sides_of_within_reach_are_said_back_in_their_words():
    from assistant.reading.weighing import weigh

    sides = weigh("Practically it could work. The back room is empty most mornings and Priya said she'd cover the "
                  "till. It's the insurance that's the real question.")
    assert sides.going_for == ("the back room being empty", "Priya") and sides.in_the_way == ("the insurance",)
    r = read("I've still got my forklift licence from before, and I can drive to the depot. Problem is the course "
             "fees are a lot and I'm not confident with computers.")
    [said] = [x for x in reflections(r) if "going for you" in x or "your side" in x]
    assert "forklift licence" in said and "the computer" not in said and "the confident side" in said
    # a difficulty in too many words to name is still never taken for what helps
    assert weigh("problem is i got a D in science and every course wants a C").going_for == ()
    assert weigh("this deadline is killing me") == weigh("")


def test_voice_typed_run_ons_keep_their_goal_measure_and_steps_apart():
    r = read("What I want really is to open my own bakery in this town not to work nights in the factory I know it is a lot")
    assert r.goal == "open my own bakery in this town"
    r = read("So success for me is to get the hygiene certificate I think the course is in May so I want to finish it in May")
    assert r.measure == "success for me is to get the hygiene certificate"
    r = read("This week I will call the council about the licence and I will ask my cousin about the oven and I will "
             "make a list of costs two hours every evening")
    assert len(r.actions) == 3 and r.measure == ""
    assert read("success = three regular cafe orders, signed, start date in june").actions == ()


def test_a_pick_a_push_for_them_and_distance_are_reflected_by_meaning():
    assert reflections(read("ok the evening course sounds best. i can keep my job")) == \
        ["So the evening course is the way that fits you best."]
    assert reflections(read("idk really. i wanna show my mum i can finish something on my own")) == \
        ["So part of this is about showing your mum you can finish something on your own."]
    assert "low" not in read("low pay is fine for now, i live at home").feelings
    assert read("I think I can do it because the recipes are the same only the ovens are different").feasibility == \
        "I can do it because the recipes are the same"


def test_a_short_goal_is_named_and_a_preference_is_no_goal():
    assert "being a welder" in reflections(read("honestly i want to be a welder"))[0]
    r = read("I think the slow route is the one for me: two evening classes a week rather than a full-time course. "
             "I'd rather build up than burn out.")
    assert r.goals == ("two evening classes a week rather than a full-time course",)
    assert read("I'd rather build up than burn out.").goal == ""
    sides = reflections(read("problem is i got a 4 in english gcse and the course wants a 5, and i pay the mortgage"))
    assert any("the english gcse" in s for s in sides)


def test_what_is_not_on_their_side_never_is_and_a_negation_is_never_said_back_as_a_yes():
    from assistant.reading.weighing import weigh

    for burden in ["my dad passed away last year", "I've got a lot of debt", "I've got two kids and a mortgage",
                   "my bank account is empty", "Maxine said she'd never allow it", "I can never find the time",
                   "Can my manager stop me?", "the fees are covered by my employer", "the problem is not money"]:
        assert not weigh(burden).going_for, burden
    assert not weigh("the fees are covered by my employer").in_the_way
    assert "So this one is yours, whoever else had ideas about it." not in reflections(read("it doesnt feel like mine tbh"))
    assert read("I want to learn not to panic in meetings").goal == "learn not to panic in meetings"
    assert not read("Do employers care about age?").actions
    r = read("i dont want my kids to see me give up, so i want to finish the course")
    assert not any("wanting your kids" in s for s in reflections(r))
    assert parse_when("the twenty first of March", date(2026, 12, 4)) == date(2027, 3, 21)


def test_a_goal_with_a_colon_a_long_run_on_and_a_why_answered_with_because_are_heard():
    r = read("My goal is: finish a portfolio of 8 projects of branding and send to 10 international studios until 31 of "
             "March. I need help to plan it, please, because I am very bad with organisation.")
    assert r.goal.startswith("finish a portfolio of 8 projects") and r.reason == ""  # why they ask, not why it matters
    r = read("honestly i think what i want is to be opperations maneger for the site or one like it not an office job "
             "exactly more like running the hole shift patern and being on days insted of nights still on the floor a bit")
    assert r.goal == "be opperations maneger for the site"
    r = read("Why? Because actually I only do social media posts and banners, very repetitive, and I want to make real "
             "branding, logos, identity. Also I want to stay in Europe and a better job helps my visa.")
    assert r.has("reason") and not r.any_goal


def test_what_stands_in_the_way_and_what_they_already_have_are_not_measures():
    r = read("What might make it difficult is that the unit is short-staffed, and I have a rather strong sense of duty.")
    assert r.measure == ""
    r = read("I have already 5 projects, 3 from university and 2 personal. So I need to make 3 more.")
    assert r.measure == "" and r.feasibility.startswith("I have already 5 projects")
    r = read("In that case I believe it is within reach. The trust does have a flexible retirement policy, and a colleague "
             "did precisely this last year. I also have a deputy who is more than ready to take over, which would make it doable.")
    assert r.feasibility.startswith("The trust does have a flexible retirement policy") and r.measure == ""
    r = read("ok the company pays for the level 3 team leading thing and i think i cud do that by the end of june")
    assert r.has("feasibility")


def test_a_success_said_in_so_many_words_a_self_correction_and_a_british_should_like():
    r = read("I would consider it a success if I am working three days a week by the first of September, with at least "
             "two of those days given to supervising the juniors.")
    assert "working three days a week" in r.measure
    assert "pass the level 3" in read("measure wise i wud say pass the level 3 and apply for at least 2 opperations jobs").measure
    r = read("Better to say end of April. No, wait, the campaign finish only 20 of April, so 15 of May is more realistic.")
    assert r.timeframe == "15 of May" and r.feasibility == ""
    assert not read("I should like to have the conversation with my manager before the end of January.").has("goal_duty")


def test_steps_begin_after_their_label_and_a_because_as_aside_is_no_step():
    r = read("I shall treat it as a trial, then, and review it after six months. As for first steps, I will read the "
             "policy this weekend, and on Monday I will book a meeting with my manager. I also intend to speak to Priya "
             "privately before that meeting, as it would be unkind for her to hear it second-hand.")
    assert r.actions == ("I will read the policy this weekend", "on Monday I will book a meeting with my manager",
                         "I also intend to speak to Priya privately before that meeting")
    r = read("first steps monday i will ask sharon in HR about the corse and this week i will rite one shift report myself")
    assert len(r.actions) == 2


def test_both_parts_of_an_ambivalence_said_politely_are_reflected():
    sides = reflections(read("Part of me would very much like to spend my remaining years bringing on the junior "
                             "pharmacists; we have three new colleagues. Another part of me would like to hand in my "
                             "notice tomorrow and never set foot in a clean room again."))
    assert any("bringing on the junior pharmacists" in s and "handing in your notice" in s for s in sides), sides


def test_two_reasons_given_after_their_own_why_are_both_kept():
    r = read("Why does it matter? I suppose because I learned from a senior pharmacist who took the time with me, and I "
             "should like to pass that on before I go. There is also my husband, who retired last spring, and I would "
             "like to have some of the week with him while we are both well.")
    assert "pass that on before I go; there is also my husband" in r.reason and r.reason.endswith("both well")


def test_after_their_own_is_it_realistic_i_think_so_the_why_is_what_makes_it_doable():
    r = read("Is it realistic? I think so. The local mediation service runs a training course twice a year, and HR says "
             "part-time requests from over-55s are usually approved. Money would be tighter, but the mortgage is paid off.")
    assert r.feasibility.startswith("The local mediation service runs a training course")
    assert "usually approved" in r.feasibility
    # a bare verdict with nothing after it changes nothing, and a doubt after it is no reason
    assert "HR will agree" not in read("Is it realistic? I think so. I am not sure HR will agree, though.").feasibility


def test_a_date_judged_too_far_gives_way_to_the_one_they_set():
    today = date(2026, 12, 3)
    text = ("Thinking about it more, next year is too far away really. My leaving date is July but I'll have a lot of "
            "annual leave to use up. So I'd like to mentor both of them properly and have it done by the end of March.")
    assert timeframe_words(text, today) == "by the end of March"
    assert read(text).timeframe == "by the end of March"
    assert timeframe_words("by june, is that too soon?", today) == "by june"  # a question about it keeps it


def test_someone_on_the_inside_and_a_place_close_by_count_as_going_for_them():
    from assistant.reading.weighing import weigh

    sides = weigh("on the plus side college is 10 min from mine and my mate gary teaches plumbing there, says they are "
                  "short of staff")
    assert sides.going_for == ("college close by", "Gary") and not sides.in_the_way
    assert weigh("it is 10 minutes away").going_for == ()  # close to what, they did not say
    assert weigh("my friend who works at the college is helping").going_for == ()
    assert weigh("my brother still works there").going_for == ()
    assert weigh("the nearest test centre is 40 miles away").going_for == ()


def test_a_tag_question_or_one_asked_of_themselves_asks_nothing_of_waymark():
    r = read("She picked me because I'm good with the students, but if I'm being straight with you it's Breda's goal for "
             "the practice, not mine for me, if that makes sense? Like it solves her problem, not mine.")
    assert not r.has("asks_advice") and not r.has("question_to_waymark")
    r = read("My manager set me a goal at my review and I said grand, and now I'm sitting here a week later thinking, do I "
             "even want that? Sorry, that's a lot for a hello. I'm Aoife, a vet nurse.")
    assert not r.has("asks_advice")
    assert read("It's her goal, not mine. What would you do in my shoes?").has("asks_advice")
    # a question in its own right keeps its ask, whatever tag ends it
    assert read("Can you help me plan the steps, if that makes sense?").has("asks_advice", "question_to_waymark")
    assert read("Is it worth doing the course at my age, like? I am 52.").has("asks_advice", "question_to_waymark")
    assert read("Do I need it for the trainer post? My manager never mentioned it at all.").has("asks_advice", "question_to_waymark")


def test_a_date_they_said_wrongly_before_gives_way_to_the_right_one():
    today = date(2026, 12, 3)
    text = ("I want the farm course. Oh and sorry, I told you the review was the 12th of January, it's the 19th, I was "
            "looking at last year's diary, that's the state of me.")
    assert timeframe_words(text, today) == "the 19th"


def test_goals_weighed_in_passing_are_goals():
    assert read("I'm union rep at the depot as well. Been wondering about training the new drivers.").goal == "training the new drivers"
    assert read("Other option is standing for branch secretary. Or neither.").goal == "standing for branch secretary"


def test_a_steps_label_with_a_full_stop_is_no_goal_and_opens_the_steps():
    from assistant.reading.answers import STEPS_LABEL, terse_goal

    text = "Steps. Tuesday I'll get my licence check printed at the depot office."
    assert terse_goal(text) == "" and STEPS_LABEL.match(text)
    assert terse_goal("Hm. Training, I think. Branch is a lot of meetings.") == "Training"


def test_the_date_they_settle_on_is_the_one_they_say_is_the_one():
    today = date(2026, 12, 3)
    text = ("Actually, not March. Daughter's getting married in April and I'm not doing a six week course and a wedding "
            "speech at once. September intake. That's the one.")
    assert timeframe_words(text, today) == "in September"
    assert parse_when("I may intake", today) is None
    # "That's it" signs off; a month named in passing is no deadline; the first date of two is not the one settled on
    assert timeframe_words("I want to be a trainer by September. I'll ring the depot manager on Monday. That's it.",
                           today) == "by September"
    assert timeframe_words("The September intake is full, so I'll go for the January one", today) == "for the January"
    assert timeframe_words("I missed the March sitting, so I'm aiming for the June sitting", today) == "for the June"


def test_a_restated_or_corrected_date_is_taken_only_when_it_is_one():
    today = date(2026, 12, 3)
    assert timeframe_words("I want to be done by March, that's next year for me", today) == "by March"
    assert timeframe_words("by June, i.e. before the summer", today) == "by June"
    assert timeframe_words("Like I said, I want my HGV licence by June, it's next week I book the medical", today) == "by June"
    assert timeframe_words("Driving 20 years this spring and I want to be a trainer by September", today) == "by September"


def test_an_anniversary_is_no_deadline():
    today = date(2026, 12, 3)
    assert timeframe_words("Hello. Kwame. 52, city bus driver, 20 years this spring. My daughter says retire.", today) == ""
    assert timeframe_words("I want to be a trainer in 2 years", today) == "in 2 years"


def test_a_holiday_next_year_is_next_years():
    today = date(2026, 12, 4)
    assert parse_when("By Christmas next year, say.", today) == date(2027, 12, 25)
    assert parse_when("by christmas", today) == date(2026, 12, 25)


def test_a_why_label_leaves_no_stray_full_stop_on_the_reason():
    r = read("Forgot to say why it matters. I had a rough first year, nobody showed me anything. I'd like the new ones "
             "to get better than that.")
    assert r.reason[:1].isalpha(), r.reason


@pytest.mark.parametrize("text,part,words", [
    ("what I actually want is to run the night shift on my own ward by next summer", "goal", "run the night shift on my own ward"),
    ("I reckon if I had three regular clients paying me each month that would prove it works", "measure", "three regular clients"),
    ("honestly I'd love to get into set design, I've done the lighting for the am-dram lot for years", "goal", "set design"),
])
def test_the_span_tagger_finds_a_part_in_words_no_rule_was_written_for(text, part, words):
    from assistant.reading import tagger

    found = tagger.tag_all(text)
    assert words in found[part].span and found[part].sureness > 0.5
    assert not any(t.span for t in tagger.tag_all("did you watch the match last night").values())


def test_an_ordinal_that_counts_something_else_is_no_date_and_what_someone_else_needs_is_no_goal_for_them():
    text = ("I run the front office, but the part of my week I love is helping the 5th graders in the computer lab on "
            "Thursdays when their teacher needs a hand.")
    assert timeframe_words(text) == "" and timeframe_words("can we check in on the 5th?") == "on the 5th"
    assert timeframe_words("this is my 3rd attempt at the exam") == ""
    # (and only an ordinal: words after other dates say nothing about them)
    assert [timeframe_words(t) for t in ("on the 5th going forward", "by the 1st placement", "this year going forward",
                                         "in 6 months time", "by end of term time permitting")] == \
        ["on the 5th", "by the 1st", "this year", "in 6 months", "by end of term"]
    r = read(text)
    assert not r.other_goal and "goal_other" not in r.intents
    r = read("my manager needs me to get the AWS cert by June")
    assert r.other_goal.startswith("get the AWS cert") and r.other_by == "my manager"


def test_a_goal_after_its_own_heading_is_the_goal_and_a_why_heading_opens_the_reason():
    r = read("Hi. I have a clear goal and I want help turning it into a weekly plan: run the Mississauga half marathon "
             "on May 2 in under 2 hours 15 minutes.")
    assert r.goal.startswith("run the Mississauga half marathon") and "goal_own" in r.intents and r.timeframe == "May 2"
    r = read("Why: I turn 53 in June, and my father had his first heart attack at 54. I want evidence, not hope, that "
             "I'm in better shape than he was. Also, I ran a half in 2015 in 2:21 and I'd like to beat my old self.")
    assert "reason" in r.intents and not r.goal and "evidence, not hope" in r.reason  # why, not a new goal
