"""The model seam: the only module that talks to an OpenAI-compatible endpoint."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlparse

import openai
from openai import AsyncOpenAI
from pydantic import BaseModel, ValidationError

from assistant.llm.embedded import shared_embedded_server
from assistant.llm.errors import LLMBadOutput, LLMError, LLMTimeout, LLMUnavailable
from assistant.llm.meter import CallRecord, record
from assistant.llm.redact import redact
from assistant.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
Message = dict[str, str]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    api_key: str
    model: str
    json_mode: str  # "json_schema" (OpenAI, vLLM, Ollama) or "json_object" (llama.cpp server)
    embedded: bool

    @property
    def on_machine(self) -> bool:
        """True when text never leaves this machine (embedded model or a loopback server)."""
        return self.embedded or urlparse(self.base_url).hostname in LOOPBACK


def resolve_endpoint(settings: Settings) -> Endpoint:
    """The configured endpoint, or the embedded model (started on first use)."""
    if settings.openai_base_url:
        mode = "json_schema" if settings.json_mode == "auto" else settings.json_mode
        return Endpoint(settings.openai_base_url, settings.openai_api_key or "not-needed", settings.model, mode, False)
    url = settings.embedded_url
    if not url:
        server = shared_embedded_server(
            n_ctx=settings.embedded_ctx,
            threads=settings.embedded_threads,
            log_dir=settings.ensure_data_dir(),
            timeout_s=settings.embedded_start_timeout_s,
        )
        url = server.base_url
    mode = "json_object" if settings.json_mode == "auto" else settings.json_mode
    return Endpoint(url, "not-needed", settings.model or "smollm2-135m-instruct", mode, True)


def _estimate_tokens(messages: Sequence[Message]) -> int:
    # llama.cpp's server sends no usage in streams; four characters a token is close enough to see growth.
    return sum(len(m["content"]) for m in messages) // 4 + 4 * len(messages)


class StreamDropped(Exception):
    """The connection closed mid-stream without a finish reason."""


@functools.lru_cache(maxsize=32)
def _json_schema(schema: type[BaseModel]) -> dict:
    """Pydantic rebuilds a schema on every call (about 2 ms); a model class's schema never changes."""
    return schema.model_json_schema()


class LLM:
    """Streaming chat and schema-validated structured output, with timeouts and bounded retries."""

    def __init__(self, endpoint: Endpoint, *, timeout_s: float, retries: int, redact: str = "auto"):
        self.endpoint = endpoint
        # Hosted endpoints get redacted text by default; what stays on this machine is sent as written.
        self.redacting = redact == "always" or (redact == "auto" and not endpoint.on_machine)
        self.retries = retries
        self._client = AsyncOpenAI(
            base_url=endpoint.base_url, api_key=endpoint.api_key, timeout=timeout_s, max_retries=retries
        )
        self._model: str | None = endpoint.model or None

    @classmethod
    def from_settings(cls, settings: Settings) -> "LLM":
        return cls(resolve_endpoint(settings), timeout_s=settings.llm_timeout_s, retries=settings.llm_retries,
                   redact=settings.redact)

    def _outgoing(self, messages: Sequence[Message]) -> list[Message]:
        if not self.redacting:
            return list(messages)
        return [{**m, "content": redact(m["content"])} for m in messages]

    async def model_name(self) -> str:
        if self._model is None:
            try:
                models = await self._client.models.list()
            except openai.APIError as exc:
                raise self._translate(exc) from exc
            if not models.data:
                raise LLMUnavailable(f"The endpoint {self.endpoint.base_url} lists no models; set WAYMARK_MODEL.")
            self._model = models.data[0].id
        return self._model

    async def check(self) -> None:
        """Fail fast, with the setting to fix, when the endpoint is not there."""
        await self.model_name()

    def _translate(self, exc: Exception) -> LLMError:
        where = self.endpoint.base_url
        if isinstance(exc, openai.APITimeoutError):
            return LLMTimeout(f"The model at {where} did not answer in time (WAYMARK_LLM_TIMEOUT_S).")
        if isinstance(exc, openai.APIConnectionError):
            return LLMUnavailable(
                f"Cannot reach the model at {where}. Check OPENAI_BASE_URL, or unset it to use the embedded model."
            )
        if isinstance(exc, openai.AuthenticationError):
            return LLMUnavailable(f"The model at {where} refused the key; check OPENAI_API_KEY.")
        if isinstance(exc, openai.NotFoundError):
            return LLMUnavailable(f"The model at {where} does not know this model; check WAYMARK_MODEL.")
        if isinstance(exc, StreamDropped):
            return LLMError(f"The model at {where} dropped the stream before finishing.")
        if isinstance(exc, openai.APIStatusError):
            return LLMError(f"The model at {where} answered with HTTP {exc.status_code}.")
        return LLMError(f"The model call failed: {exc}")

    async def stream_chat(
        self, messages: Sequence[Message], *, max_tokens: int = 200, temperature: float = 0.3, stop: list[str] | None = None
    ) -> AsyncIterator[str]:
        """Yields text as it arrives. A stream that drops before its first token is retried."""
        model = await self.model_name()
        started = time.perf_counter()
        first: float | None = None
        produced: list[str] = []
        attempt = 0
        try:
            while True:
                try:
                    stream = await self._client.chat.completions.create(
                        model=model, messages=self._outgoing(messages), max_tokens=max_tokens,
                        temperature=temperature, stream=True, stop=stop,
                    )
                    finished = False
                    try:
                        async for chunk in stream:
                            if not chunk.choices:
                                continue
                            finished = finished or chunk.choices[0].finish_reason is not None
                            text = chunk.choices[0].delta.content or ""
                            if text:
                                if first is None:
                                    first = time.perf_counter() - started
                                produced.append(text)
                                yield text
                    finally:
                        await stream.close()  # a reader that stops early ends the generation too
                    if not finished:
                        raise StreamDropped("the stream ended before the model finished")
                    return
                except (openai.APIError, json.JSONDecodeError, StreamDropped) as exc:
                    attempt += 1
                    if produced or attempt > self.retries:
                        raise self._translate(exc) from exc
                    await asyncio.sleep(0.2 * 2**attempt)
        finally:
            record(CallRecord("chat", time.perf_counter() - started, _estimate_tokens(messages),
                              len("".join(produced)) // 4, first, ok=first is not None))

    async def complete(self, messages: Sequence[Message], **kwargs) -> str:
        return "".join([t async for t in self.stream_chat(messages, **kwargs)])

    def _response_format(self, schema: type[BaseModel]) -> dict:
        json_schema = _json_schema(schema)
        if self.endpoint.json_mode == "json_object":
            return {"type": "json_object", "schema": json_schema}
        return {"type": "json_schema", "json_schema": {"name": schema.__name__, "schema": json_schema}}

    async def structured(self, messages: Sequence[Message], schema: type[T], *, max_tokens: int = 300) -> T:
        """A reply validated against `schema`; bad JSON is retried, then LLMBadOutput."""
        model = await self.model_name()
        last_error = ""
        for attempt in range(self.retries + 1):
            started = time.perf_counter()
            usage = None
            try:
                response = await self._client.chat.completions.create(
                    model=model, messages=self._outgoing(messages), max_tokens=max_tokens, temperature=0,
                    response_format=self._response_format(schema),
                )
                usage = response.usage
                content = response.choices[0].message.content or ""
                return schema.model_validate_json(content)
            except openai.APIError as exc:
                raise self._translate(exc) from exc
            except (ValidationError, ValueError) as exc:
                last_error = str(exc).splitlines()[0]
                log.info("structured output did not validate (attempt %d): %s", attempt + 1, last_error)
            finally:
                record(CallRecord(
                    "structured", time.perf_counter() - started,
                    usage.prompt_tokens if usage else _estimate_tokens(messages),
                    usage.completion_tokens if usage else 0,
                ))
        raise LLMBadOutput(f"The model's answer did not fit {schema.__name__}: {last_error}")
