"""The guidance library in memory: notes, their vetted questions and options, and a lexical index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

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


OPTIONS_FILE = "options.yaml"


def read_options(path: Path, note_ids: set[str]) -> dict[str, list[str]]:
    """knowledge/options.yaml: options beside the notes, each tied to the note that cites its idea. Not indexed for
    search: they are what Waymark may list, not guidance to retrieve."""
    if not path.exists():
        return {}
    out: dict[str, list[str]] = {}
    for i, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
        if not isinstance(item, dict) or not str(item.get("text", "")).strip() or item.get("note") not in note_ids:
            raise ValueError(f"{path}: item {i + 1} needs `text` and a `note` that exists, got {item!r}")
        out.setdefault(str(item["note"]), []).append(str(item["text"]).strip())
    return out


class Library:
    def __init__(self, notes: tuple[Note, ...], extra_options: dict[str, list[str]] | None = None):
        self.notes = {n.id: n for n in notes}
        self.chunks: list[Chunk] = [c for n in notes for c in n.chunks()]
        self.lexical = BM25([c.titled() for c in self.chunks])
        self.extra_options = extra_options or {}

    @classmethod
    def from_folder(cls, folder: Path) -> "Library":
        notes = load_library(folder)
        return cls(notes, read_options(folder / OPTIONS_FILE, {n.id for n in notes}))

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
        return (list(note.options) if note else []) + self.extra_options.get(note_id, [])

    def option_notes(self) -> dict[str, str]:
        """Every option, with the note it belongs to (the first, where two notes share one)."""
        out: dict[str, str] = {}
        for note_id in self.notes:
            for o in self.options(note_id):
                out.setdefault(o, note_id)
        return out

    def all_options(self) -> list[str]:
        return list(dict.fromkeys(o for note_id in self.notes for o in self.options(note_id)))

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
