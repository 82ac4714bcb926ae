"""The non-imposition guard: every reply is checked here before it is sent."""

from assistant.guard.check import Verdict, check_reply

__all__ = ["Verdict", "check_reply"]
