"""The goal record over time."""

from assistant.goals.store import GoalStore, GoalStoreError, NotYours, default_check_in

__all__ = ["GoalStore", "GoalStoreError", "NotYours", "default_check_in"]
