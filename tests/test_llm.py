"""The model seam against a real HTTP server speaking the OpenAI protocol."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from assistant.llm import LLM, LLMBadOutput, LLMTimeout, LLMUnavailable, start_meter
from assistant.llm.client import Endpoint

MSG = [{"role": "user", "content": "hello"}]


class Facts(BaseModel):
    goal: str
    whose: str


def llm_for(fake, mode="json_schema", timeout=2.0, retries=1) -> LLM:
    return LLM(Endpoint(fake.base_url, "test", "", mode, False), timeout_s=timeout, retries=retries)


async def test_stream_chat_yields_tokens_in_order(fake):
    fake.say("It sounds like you care about your team.")
    chunks = [c async for c in llm_for(fake).stream_chat(MSG)]
    assert len(chunks) > 3
    assert "".join(chunks) == "It sounds like you care about your team."
    assert fake.requests[-1]["stream"] is True


async def test_structured_validates_against_the_schema(fake):
    fake.answer({"goal": "lead a project", "whose": "theirs"})
    facts = await llm_for(fake).structured(MSG, Facts)
    assert facts == Facts(goal="lead a project", whose="theirs")
    fmt = fake.requests[-1]["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["schema"]["required"] == ["goal", "whose"]


async def test_llama_cpp_servers_get_their_own_json_form(fake):
    fake.answer({"goal": "x", "whose": "theirs"})
    await llm_for(fake, mode="json_object").structured(MSG, Facts)
    fmt = fake.requests[-1]["response_format"]
    assert fmt["type"] == "json_object" and "goal" in fmt["schema"]["properties"]


async def test_broken_json_is_retried_then_accepted(fake):
    fake.answer('{"goal": "unterminated', {"goal": "ok", "whose": "unclear"})
    facts = await llm_for(fake).structured(MSG, Facts)
    assert facts.goal == "ok" and len(fake.requests) == 2


async def test_broken_json_every_time_raises_a_typed_error(fake):
    fake.answer("not json", '{"goal": 3}', "[]")
    with pytest.raises(LLMBadOutput, match="Facts"):
        await llm_for(fake, retries=1).structured(MSG, Facts)


async def test_server_errors_are_retried_with_backoff(fake):
    fake.fail(500, times=1)
    fake.say("Recovered.")
    assert await llm_for(fake, retries=1).complete(MSG) == "Recovered."
    assert len(fake.requests) == 2


async def test_rate_limit_then_success(fake):
    fake.fail(429, times=1)
    fake.answer({"goal": "g", "whose": "theirs"})
    assert (await llm_for(fake).structured(MSG, Facts)).goal == "g"


async def test_timeout_becomes_a_typed_error_naming_the_setting(fake):
    fake.fail(0, times=5, hang_s=1.5)
    with pytest.raises(LLMTimeout, match="WAYMARK_LLM_TIMEOUT_S"):
        await llm_for(fake, timeout=0.5, retries=1).complete(MSG)


async def test_stream_dropped_before_first_token_is_retried(fake):
    fake.fail(-1, times=1)
    fake.say("Second try worked.")
    assert await llm_for(fake).complete(MSG) == "Second try worked."


async def test_endpoint_down_names_the_setting_to_fix():
    llm = LLM(Endpoint("http://127.0.0.1:9/v1", "k", "", "json_schema", False), timeout_s=1, retries=0)
    with pytest.raises(LLMUnavailable, match="OPENAI_BASE_URL"):
        await llm.check()


async def test_meter_counts_calls_in_this_task(fake):
    meter = start_meter()
    fake.say("one")
    await llm_for(fake).complete(MSG)
    fake.answer({"goal": "g", "whose": "theirs"})
    await llm_for(fake).structured(MSG, Facts)
    assert [c.kind for c in meter.calls] == ["chat", "structured"]
    assert meter.calls[0].first_token_s is not None


def test_only_loopback_and_embedded_endpoints_count_as_on_this_machine():
    assert Endpoint("http://127.0.0.1:8080/v1", "k", "", "json_schema", False).on_machine
    assert Endpoint("http://localhost:11434/v1", "k", "", "json_schema", False).on_machine
    assert not Endpoint("https://api.openai.com/v1", "k", "", "json_schema", False).on_machine
