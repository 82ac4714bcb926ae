"""The guidance library in memory: notes, their vetted questions and options, and a lexical index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.knowledge.lexical import BM25
from assistant.knowledge.notes import Chunk, Note, Question, load_library, matches


@dataclass
class Passage:
    id: str
    note_id: str
    title: str
    heading: str
    text: str
    score: float
    meta: dict

    def brief(self) -> dict:
        return {"id": self.note_id, "title": self.title}


class Library:
    def __init__(self, notes: tuple[Note, ...]):
        self.notes = {n.id: n for n in notes}
        self.chunks: list[Chunk] = [c for n in notes for c in n.chunks()]
        self.lexical = BM25([c.titled() for c in self.chunks])

    @classmethod
    def from_folder(cls, folder: Path) -> "Library":
        return cls(load_library(folder))

    def questions(self, set_name: str) -> list[Question]:
        return [q for n in self.notes.values() for q in n.questions if q.set == set_name]

    def question(self, set_name: str, key: str | None = None, *, exclude: set[str] = frozenset()) -> Question | None:
        """The first vetted question of a set (with `key`, if given) not yet asked."""
        for q in self.questions(set_name):
            if q.id not in exclude and (key is None or q.key == key):
                return q
        return None

    def question_by_id(self, question_id: str) -> Question | None:
        return next((q for n in self.notes.values() for q in n.questions if q.id == question_id), None)

    def options(self, note_id: str) -> list[str]:
        note = self.notes.get(note_id)
        return list(note.options) if note else []

    def lexical_search(self, query: str, *, phase: str | None = None, stage: str | None = None, k: int = 3) -> list[Passage]:
        scored = self.lexical.scores(query)
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])
        out: list[Passage] = []
        for idx, score in ranked:
            c = self.chunks[idx]
            if matches(c.meta, phase=phase, stage=stage):
                out.append(Passage(c.id, c.note_id, c.title, c.heading, c.text, score, c.meta))
            if len(out) >= k:
                break
        return out
