"""The model seam. Nothing outside this package imports `openai`."""

from assistant.llm.client import LLM, Endpoint, resolve_endpoint
from assistant.llm.errors import LLMBadOutput, LLMError, LLMTimeout, LLMUnavailable
from assistant.llm.meter import Meter, start_meter

__all__ = [
    "LLM", "Endpoint", "resolve_endpoint", "LLMError", "LLMBadOutput", "LLMTimeout", "LLMUnavailable",
    "Meter", "start_meter",
]
