"""Reading what a person writes: what they intend, the goal in their words, the parts of a goal, feelings and
risk. The graph, the guard and the transcript reviewer depend on this package; it depends on none of them."""

from assistant.reading.reader import INTENTS, Reading, Risk, read, read_many

__all__ = ["INTENTS", "Reading", "Risk", "read", "read_many"]
