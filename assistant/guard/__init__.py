"""The non-imposition guard: every reply is checked here before it is sent."""

from assistant.guard.check import Verdict, check_reply, check_reply_off_loop

__all__ = ["Verdict", "check_reply", "check_reply_off_loop"]
