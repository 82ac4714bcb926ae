"""The non-imposition guard: what it catches, what it lets through, and that our own words pass it."""

from __future__ import annotations

import pytest

from assistant.guard import check_reply
from assistant.knowledge.library import Library
from assistant.prompts import PROMPT_DIR, load_prompt
from assistant.settings import Settings


@pytest.mark.parametrize("text", [
    "You should get the certification.",
    "Your goal should be to become a manager.",
    "Why don't you talk to your boss about it?",
    "I recommend starting with a course.",
    "Start by updating your CV.",
    "The best thing is to quit.",
    "If I were you, I'd move teams.",
    "What you need is a clear plan.",
    "Your goal is to get promoted by June.",
])
def test_directives_and_imposed_goals_are_flagged(text):
    verdict = check_reply(text)
    assert verdict.flagged and verdict.score == 1.0 and verdict.reasons


@pytest.mark.parametrize("text", [
    "It sounds like your manager says you should get certified.",
    "You said: “I should quit my job.”",
    "What would reaching this goal give you?",
    "How much of this goal is yours, and how much is someone else's hope for you?",
    "It sounds like you care about your team.",
])
def test_reflections_reports_and_open_questions_pass(text):
    assert not check_reply(text).flagged


@pytest.mark.parametrize("text", [
    "Your goals are ambitious, but they're not entirely yours.",
    "That goal sounds too ambitious for a first year.",
    "Honestly, that's unrealistic.",
    "This is a bad goal.",
    "It's not really your own goal.",
    "Ten books a month is way too much for you.",
])
def test_judging_the_persons_goals_for_them_is_flagged_even_when_advice_was_welcome(text):
    assert check_reply(text).flagged
    assert check_reply(text, advice_welcome=True).flagged


@pytest.mark.parametrize("text", [
    "Your manager thinks it's unrealistic, and you're not sure.",
    "How much of this goal is yours, and how much is someone else's hope for you?",
    "So there's the path your director has in mind for you, and there's one that sounds more like your own.",
    "Thank you very much for telling me that. What would you like to look at next?",
])
def test_reporting_a_judgement_or_asking_about_ownership_is_not_judging(text):
    assert not check_reply(text).flagged


def test_options_pass_only_when_advice_was_welcome_and_imposed_goals_never_do():
    options = "Some people try a small experiment first. You should pick one."
    assert check_reply(options).flagged
    assert not check_reply("One option: you might try a small experiment first.", advice_welcome=True).flagged
    assert check_reply("One option: your goal should be a promotion.", advice_welcome=True).flagged


def test_every_vetted_question_and_option_passes_the_guard():
    library = Library.from_folder(Settings().knowledge_dir)
    questions = [q.text for n in library.notes.values() for q in n.questions]
    assert len(questions) >= 30
    for q in questions:
        assert q.endswith("?") and not check_reply(q).flagged, q
    options = library.all_options()
    assert len(options) >= 30
    for option in options:
        assert option.startswith("Some people") and not check_reply(option, advice_welcome=True).flagged, option


def test_every_fixed_reply_text_passes_the_guard():
    slots = {"length": "1", "limit": "2", "options": "- Some people try it.", "skipped": "x", "goals": "a; b",
             "statement": "s", "specific": "s", "measurable": "m", "achievable": "a", "relevant": "r",
             "time_bound": "t", "kind": "career", "actions": "- a", "check_in": "2027-01-01", "count": "1",
             "context": "", "user": "u", "text": "t", "summary": "", "yours": "y", "lines": "- x", "emergency": "e",
             "short": "s", "goal": "g", "topic": "t", "progress": "40", "next_check_in": "2027-01-01", "revised": "",
             "error": "e", "mentee": "ana", "what": "note", "option": "The second one", "steps": "a", "words": "w"}
    for path in PROMPT_DIR.glob("*.md"):
        if path.stem in ("reflect", "read"):
            continue  # instructions to the model, never sent to the person
        text = load_prompt(path.stem, **slots)
        assert not check_reply(text).flagged, path.name


def test_every_reflection_template_passes_the_guard():
    from assistant.reading.reflect import templates

    def texts(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for n in node:
                yield from texts(n)
        else:
            for n in node.values():
                yield from texts(n)

    for template in texts(templates()):
        filled = template.format(gist="leading one project", Gist="Leading one project", who="your manager", whose="your manager's",
                                 other="helping people", when="by June", When="By June")
        assert not check_reply(filled).flagged, filled


def test_a_draft_line_in_the_persons_own_words_is_theirs_not_advice_but_our_own_sentences_are_still_judged():
    first = ("So success for me first step is to pass the part one I think the sitting is in August next year so I want "
             "to pass part one in August and then part two by the end of the year after that")
    second = ("Sorry I check now on my phone there is also one in January but I think January is too soon I am not "
              "ready so I say the August one and I will book it when the booking opens in spring")
    steps = first.removeprefix("So ").split(" and then")[0]
    line = f"- **First steps:** {steps}; {second}"
    assert check_reply(line).flagged  # alone, the advice detector hears their own plan as advice
    assert not check_reply(f"Here is the draft so far:\n{line}\n\nHow would you know?", theirs=[first, second]).flagged
    # the same words as Waymark's own sentence, not a labelled line of their draft, are judged as ours
    husband = "my husband says you should just take the dental nurse job, it is stable"
    assert check_reply("You should just take the dental nurse job, it is stable.", theirs=[husband]).flagged
    # a draft line in words they never said is judged
    assert check_reply("- **Goal:** you should take the nurse job", theirs=[husband]).flagged


def test_a_draft_line_of_two_of_their_clauses_joined_is_still_their_voice():
    said = ("It matters because dentistry is who I am not only my job in Aleppo people knew me as doctor Rana and here "
            "I am nobody and also I want my daughter to see that you can lose everything and still build it again")
    line = ("- **Relevant:** dentistry is who I am not only my job in Aleppo people knew me as doctor Rana and here I am "
            "nobody … I want my daughter to see that you can lose everything and still build it again")
    assert not check_reply(f"In your draft now:\n{line}\n\nHow would you know you had got there?", theirs=[said]).flagged
