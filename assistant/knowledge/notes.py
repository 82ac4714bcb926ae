"""Guidance notes on disk: Markdown with front matter, split into heading-sized chunks."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
QUESTION_ITEM = re.compile(r"^\s*[-*]\s+(?:\[(?P<key>[\w:-]+)\]\s+)?(?P<text>.+?)\s*$")
REQUIRED = ("id", "title", "topic", "phase", "career_stage", "goal_kind", "sources")
PHASES = {"explore", "examine", "draft", "review", "support", "safety"}
STAGES = {"early", "mid", "late", "any"}


class NoteError(ValueError):
    """A guidance file that cannot be read as a note."""


@dataclass(frozen=True)
class Question:
    note_id: str
    set: str  # e.g. "horizon:identity", "examine", "smarty", "stage"
    key: str  # e.g. "why", "measurable"; "" where the set needs none
    text: str

    @property
    def id(self) -> str:
        digest = hashlib.sha1(self.text.encode()).hexdigest()[:6]
        return f"{self.note_id}#{self.key or digest}"


@dataclass
class Chunk:
    id: str
    note_id: str
    title: str
    heading: str
    text: str
    meta: dict

    def titled(self) -> str:
        """What is searched and embedded for this chunk: its note's title, then its text."""
        return f"{self.title}\n{self.text}"


@dataclass
class Note:
    id: str
    title: str
    meta: dict
    body: str
    path: Path
    sha: str
    questions: list[Question] = field(default_factory=list)
    options: list[str] = field(default_factory=list)

    def chunks(self) -> list[Chunk]:
        """One chunk per second-level heading; the intro belongs to the first."""
        parts = re.split(r"^## +(.+)$", self.body, flags=re.M)
        out: list[Chunk] = []
        intro = parts[0].strip()
        sections = list(zip(parts[1::2], parts[2::2]))
        if intro:
            out.append(Chunk(f"{self.id}:0", self.id, self.title, self.title, intro, self.meta))
        for i, (heading, text) in enumerate(sections, start=1):
            if text.strip():
                out.append(Chunk(f"{self.id}:{i}", self.id, self.title, heading.strip(), f"{heading.strip()}\n{text.strip()}", self.meta))
        return out


def _listify(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def parse_note(path: Path, text: str | None = None) -> Note:
    text = path.read_text(encoding="utf-8") if text is None else text
    m = FRONT_MATTER.match(text)
    if not m:
        raise NoteError(f"{path}: no front matter (a '---' block at the top)")
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise NoteError(f"{path}: front matter is not valid YAML: {exc}") from exc
    missing = [k for k in REQUIRED if k not in meta]
    if missing:
        raise NoteError(f"{path}: front matter lacks {', '.join(missing)}")
    body = m.group(2).strip()
    if not body:
        raise NoteError(f"{path}: the note has no text")
    flat = {
        "title": str(meta["title"]), "topic": str(meta["topic"]), "phase": ",".join(_listify(meta["phase"])),
        "career_stage": ",".join(_listify(meta["career_stage"])), "goal_kind": ",".join(_listify(meta["goal_kind"])),
        "sources": " | ".join(_listify(meta["sources"])), "source_path": str(path.name),
    }
    note = Note(str(meta["id"]), str(meta["title"]), flat, body, path, hashlib.sha256(text.encode()).hexdigest())
    qset = str(meta.get("question_set", ""))
    for heading, section in re.findall(r"^## +([^\n]+)\n(.*?)(?=^## |\Z)", body, flags=re.M | re.S):
        items = [QUESTION_ITEM.match(line) for line in section.splitlines()]
        items = [i for i in items if i]
        if heading.strip().lower().startswith("questions") and qset:
            note.questions += [Question(note.id, qset, i.group("key") or "", i.group("text")) for i in items]
        elif heading.strip().lower().startswith("options"):
            note.options += [i.group("text") for i in items]
    return note


@lru_cache(maxsize=4)
def load_library(folder: Path) -> tuple[Note, ...]:
    """Every note in the folder; a broken note is an error here, because the library ships with the code."""
    return tuple(parse_note(p) for p in sorted(folder.glob("*.md")) if p.name.lower() != "readme.md")


def matches(meta: dict, *, phase: str | None, stage: str | None) -> bool:
    phases = set(meta.get("phase", "").split(","))
    stages = set(meta.get("career_stage", "any").split(","))
    return (phase is None or phase in phases) and (stage is None or stage in stages or "any" in stages)
