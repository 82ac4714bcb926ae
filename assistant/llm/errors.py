"""Typed failures of the model seam, each with a message a person can act on."""


class LLMError(RuntimeError):
    """A model call failed after its retries."""


class LLMUnavailable(LLMError):
    """The endpoint could not be reached."""


class LLMTimeout(LLMError):
    """The endpoint did not answer in time."""


class LLMBadOutput(LLMError):
    """The model's structured output did not validate, even after retries."""
