"""It scales with the model: pointed at a capable endpoint, the model reads each message (structured output) and
writes the reflection; the local reader, the rules and the guard stay as the rails. Tested on the fake OpenAI
server, through the real client."""

from __future__ import annotations

import json

import pytest

from assistant.coach import open_coach
from assistant.settings import Settings


def test_the_automatic_default_follows_the_endpoint_not_a_model_name():
    embedded = Settings(openai_base_url=None)
    hosted = Settings(openai_base_url="http://127.0.0.1:9/v1", model="anything")
    assert not embedded.model_reads and not embedded.model_writes
    assert hosted.model_reads and hosted.model_writes
    assert not Settings(openai_base_url="http://127.0.0.1:9/v1", reader="local", writer="template").model_reads


@pytest.fixture
def capable(settings):
    return settings.model_copy(update={"reader": "model", "writer": "model"})


async def test_the_models_reading_is_used_where_it_is_the_persons_own_words(capable, fake):
    text = "Honestly the thing I keep circling back to is leading the data platform team."
    fake.structured_fn = lambda body, schema: json.dumps({"intents": ["goal_own"], "goal": "leading the data platform team"})
    fake.chat_fn = lambda body: "It sounds like leadership of that team matters to you."
    async with open_coach(capable) as coach:
        r = await coach.turn("t1", "ana", text)
        state = await coach.state("t1")
    assert state["focus_goal"]["text"] == "leading the data platform team"
    assert r.assistant.startswith("It sounds like leadership of that team matters to you.")
    assert fake.structured_requests and "Read the person's message" in fake.structured_requests[0]["messages"][0]["content"]


async def test_words_the_model_invents_are_not_taken(capable, fake):
    fake.structured_fn = lambda body, schema: json.dumps({"intents": ["goal_own"], "goal": "become a Data Engineer"})
    async with open_coach(capable) as coach:
        await coach.turn("t1", "ana", "I'd like to be the go-to engineer for our data platform.")
        state = await coach.state("t1")
    assert "Data Engineer" not in json.dumps(state)


async def test_the_model_never_lowers_a_risk_the_local_reader_saw(capable, fake):
    fake.structured_fn = lambda body, schema: json.dumps({"intents": [], "risk": "none"})
    async with open_coach(capable) as coach:
        r = await coach.turn("t1", "ana", "I want to kill myself.")
    assert r.move["kind"] == "safety"


async def test_an_imposing_reflection_from_the_model_is_replaced_by_one_built_from_the_reading(capable, fake):
    fake.structured_fn = lambda body, schema: json.dumps({"intents": ["goal_other"], "other_goal": "get certified",
                                                          "other_by": "my manager"})
    fake.chat_fn = lambda body: "You should get the certification; your goal is to be promoted."
    async with open_coach(capable) as coach:
        r = await coach.turn("t1", "ana", "My manager wants me to get certified.")
    assert r.imposition["caught"] and not r.imposition["flagged"]
    assert "should" not in r.assistant.lower() and "your manager" in r.assistant
