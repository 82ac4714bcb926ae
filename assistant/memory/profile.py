"""What Waymark remembers about a person: facts in their own words, with where each came from. Visible,
correctable, forgettable; forgotten facts are never learned again."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select

from assistant.goals import GoalStore
from assistant.goals.models import MemoryPrefs, MentorNote, ProfileFact, Share, Thread
from assistant.text import content_words, overlap

FIELDS = ("goal", "why", "role", "values", "strengths", "interests", "supports", "obstacles", "career_stage")


def _fact(f: ProfileFact) -> dict:
    return {"id": f.id, "field": f.field, "text": f.text, "source_words": f.source_words, "thread_id": f.thread_id,
            "at": f.at.isoformat() if f.at else None}


class Memory:
    def __init__(self, store: GoalStore):
        self.store = store

    def learning(self, owner: str) -> bool:
        with self.store.session() as s:
            prefs = s.get(MemoryPrefs, owner)
            return prefs.learning if prefs else True

    def set_learning(self, owner: str, on: bool) -> None:
        with self.store.session() as s:
            prefs = s.get(MemoryPrefs, owner) or MemoryPrefs(owner=owner)
            prefs.learning = on
            s.add(prefs)

    def _forgotten(self, s, owner: str) -> list[str]:
        return [f.text for f in s.scalars(select(ProfileFact).where(ProfileFact.owner == owner, ProfileFact.forgotten))]

    def learn(self, owner: str, field: str, text: str, *, source_words: str, thread_id: str | None) -> bool:
        """Keep a fact unless learning is paused, it is already known, or the person asked to forget it."""
        if not self.learning(owner):
            return False
        with self.store.session() as s:
            if any(overlap(text, gone) >= 0.5 or overlap(gone, text) >= 0.5 for gone in self._forgotten(s, owner)):
                return False
            known = s.scalars(select(ProfileFact).where(ProfileFact.owner == owner, ProfileFact.field == field,
                                                        ProfileFact.forgotten.is_(False)))
            if any(k.text.lower() == text.lower() for k in known):
                return False
            s.add(ProfileFact(owner=owner, field=field, text=text, source_words=source_words[:500], thread_id=thread_id))
            return True

    def profile(self, owner: str) -> list[dict]:
        with self.store.session() as s:
            rows = s.scalars(select(ProfileFact).where(ProfileFact.owner == owner, ProfileFact.forgotten.is_(False))
                             .order_by(ProfileFact.id))
            return [_fact(f) for f in rows]

    def correct(self, owner: str, fact_id: int, text: str) -> dict:
        with self.store.session() as s:
            fact = s.get(ProfileFact, fact_id)
            if fact is None or fact.owner != owner or fact.forgotten:
                raise KeyError(f"No remembered item {fact_id} for {owner}.")
            fact.text = text
            fact.at = datetime.now(timezone.utc)
            s.flush()
            return _fact(fact)

    def forget(self, owner: str, *, fact_id: int | None = None, about: str | None = None) -> list[dict]:
        """Forget one item, or every item about a topic. The text is kept only as a marker never to relearn it."""
        with self.store.session() as s:
            rows = list(s.scalars(select(ProfileFact).where(ProfileFact.owner == owner, ProfileFact.forgotten.is_(False))))
            if fact_id is not None:
                chosen = [f for f in rows if f.id == fact_id]
            else:
                topic = set(content_words(about or ""))
                chosen = [f for f in rows if topic & set(content_words(f.text + " " + f.source_words))]
            for f in chosen:
                f.forgotten = True
                f.source_words = ""
            return [_fact(f) for f in chosen]

    def note_thread(self, owner: str, thread_id: str) -> None:
        with self.store.session() as s:
            t = s.get(Thread, thread_id)
            if t is None:
                s.add(Thread(thread_id=thread_id, owner=owner))
            elif t.owner == owner:
                t.last_at = datetime.now(timezone.utc)

    def threads(self, owner: str) -> list[str]:
        with self.store.session() as s:
            return [t.thread_id for t in s.scalars(select(Thread).where(Thread.owner == owner).order_by(Thread.first_at))]

    def thread_owner(self, thread_id: str) -> str | None:
        with self.store.session() as s:
            t = s.get(Thread, thread_id)
            return t.owner if t else None

    def delete_everything(self, owner: str) -> dict:
        """Every trace of this person in the database, in one transaction. Other people's data is untouched."""
        from assistant.goals.models import ChainlitThread, ChainlitUser, Goal

        with self.store.session() as s:
            counts = {}
            # The chat history Chainlit keeps for the browser (its steps go with their threads).
            for model, column in ((ChainlitThread, ChainlitThread.userIdentifier), (ChainlitUser, ChainlitUser.identifier)):
                rows = list(s.scalars(select(model).where(column == owner)))
                counts[model.__tablename__] = len(rows)
                for r in rows:
                    s.delete(r)
            for model, column in ((ProfileFact, ProfileFact.owner), (Thread, Thread.owner), (MemoryPrefs, MemoryPrefs.owner),
                                  (MentorNote, MentorNote.mentee), (Share, Share.mentor)):
                rows = list(s.scalars(select(model).where(column == owner)))
                counts[model.__tablename__] = len(rows)
                for r in rows:
                    s.delete(r)
            goals = list(s.scalars(select(Goal).where(Goal.owner == owner)))
            counts["goals"] = len(goals)
            for g in goals:
                s.delete(g)
            return counts


def summary_from(facts: list[dict], limit: int = 5) -> str:
    parts = []
    for field in FIELDS:
        items = [f["text"] for f in facts if f["field"] == field][-limit:]
        if items:
            parts.append(f"{field.replace('_', ' ')}: {'; '.join(items)}")
    return ". ".join(parts)
