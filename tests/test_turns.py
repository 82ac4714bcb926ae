"""Bad input and faults in a conversation: a clear message, a bounded prompt, nothing lost."""

from __future__ import annotations

import pytest

from assistant.coach import open_coach
from assistant.graph.nodes.respond import PROMPT_CHARS


async def test_empty_and_whitespace_messages_get_a_clear_reply_without_a_model_call(coach, fake):
    for text in ("", "   \n\t "):
        result = await coach.turn("t1", "ana", text)
        assert result.move["kind"] == "notice"
        assert "didn't catch any words" in result.assistant
    assert fake.requests == []


@pytest.fixture
def model_settings(settings):
    """A capable endpoint: the model reads each message and writes the reflections."""
    return settings.model_copy(update={"reader": "model", "writer": "model"})


async def test_a_huge_message_is_kept_but_never_sent_whole_to_the_model(model_settings, fake):
    async with open_coach(model_settings) as coach:
        huge = "I keep thinking about my career. " * 3200  # about 100,000 characters
        result = await coach.turn("t1", "ana", huge)
        assert result.move["kind"] == "notice"
        assert "characters long" in result.assistant and "nothing is lost" in result.assistant
        state = await coach.state("t1")
        assert state["history"][0]["content"] == huge
        next_turn = await coach.turn("t1", "ana", "I want to lead a team one day.")
        assert next_turn.move["kind"] == "examine"
        assert fake.requests and max(len(m["content"]) for r in fake.requests for m in r["messages"]) < 4000


async def test_a_long_but_allowed_message_is_clipped_in_the_prompt(model_settings, fake):
    async with open_coach(model_settings) as coach:
        text = "I want to grow as a designer. " + "I care about craft and about people. " * 100
        await coach.turn("t1", "ana", text[:3990])
    assert fake.requests
    user_parts = [m["content"] for r in fake.requests for m in r["messages"] if m["role"] == "user"]
    assert all(len(p) <= PROMPT_CHARS for p in user_parts)


async def test_on_the_embedded_default_a_turn_needs_no_model_call(coach, fake):
    result = await coach.turn("t1", "ana", "I want to become a better listener because my team deserves it.")
    assert result.assistant.rstrip().endswith("?") and fake.requests == [] and result.llm_calls == 0


async def test_a_model_that_times_out_gets_a_graceful_reply_and_the_state_is_kept(model_settings, fake):
    settings = model_settings
    settings.llm_timeout_s = 0.5
    settings.llm_retries = 0
    async with open_coach(settings) as coach:
        await coach.turn("t1", "ana", "I want to become a better listener.")
        fake.fail(0, times=10, hang_s=1.0)
        result = await coach.turn("t1", "ana", "Because my team deserves it.")
        assert result.imposition["action"] == "model_error"
        assert result.assistant.startswith("(The language model did not answer")
        assert result.assistant.rstrip().endswith("?")  # what they are asked stays the last thing they read
        state = await coach.state("t1")
        assert state["turn"] == 2 and len(state["history"]) == 4


async def test_broken_json_from_the_model_leaves_the_turn_answered_from_the_local_reading(model_settings, fake):
    fake.structured_fn = lambda body, schema: '{"intents": ["goal_own"], "goal": '
    async with open_coach(model_settings) as coach:
        result = await coach.turn("t1", "ana", "I want to write a book.")
    assert result.assistant.rstrip().endswith("?") and result.move["kind"] == "examine"
    assert len(fake.structured_requests) == 2  # tried, retried, then the local reading stood


async def test_a_conversation_resumes_after_a_restart(settings, fake):
    async with open_coach(settings) as coach:
        await coach.turn("thread-9", "ana", "My manager wants me to get certified.")
        await coach.turn("thread-9", "ana", "It would help my credibility.")
    async with open_coach(settings) as coach:  # a new process would open the same files
        state = await coach.state("thread-9")
        assert state["turn"] == 2 and state["focus_goal"]["whose"] == "someone_else"
        result = await coach.turn("thread-9", "ana", "I care about doing good work.")
        assert result.turn == 3
        assert len((await coach.state("thread-9"))["history"]) == 6
