"""A program's own documents (Markdown, text, PDF, DOCX) turned into chunks; text inside them is only data."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.knowledge.notes import Chunk, NoteError, parse_note

SUPPORTED = {".md", ".markdown", ".txt", ".pdf", ".docx"}
MAX_BYTES = 20 * 1024 * 1024
WINDOW_WORDS = 220


class DocumentError(ValueError):
    """A document that cannot be read; the message names the file and why."""


def check_type(name: str) -> None:
    """Raise DocumentError unless the file name has a type we can read."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"{name}: unsupported type {suffix or '(none)'}; use Markdown, text, PDF or DOCX")


def read_text(path: Path) -> str:
    check_type(path.name)
    suffix = path.suffix.lower()
    if path.stat().st_size > MAX_BYTES:
        raise DocumentError(f"{path.name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        if suffix == ".pdf":
            from pypdf import PdfReader

            return "\n\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
        if suffix == ".docx":
            import docx

            d = docx.Document(str(path))
            return "\n".join(("## " + p.text) if p.style.name.lower().startswith("heading") else p.text for p in d.paragraphs)
        return path.read_text(encoding="utf-8")
    except DocumentError:
        raise
    except Exception as exc:  # pypdf, python-docx and decoding each raise their own kinds
        raise DocumentError(f"{path.name}: could not be read ({type(exc).__name__}: {exc})") from exc


def document_chunks(path: Path) -> tuple[str, str, list[Chunk], str]:
    """(note id, title, chunks, full text). Notes with front matter keep it; other files get neutral metadata."""
    text = read_text(path)
    if not text.strip():
        raise DocumentError(f"{path.name}: no text found")
    if text.startswith("---"):
        try:
            note = parse_note(path, text)
            return note.id, note.title, note.chunks(), text
        except NoteError:
            pass
    note_id = "doc-" + re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    meta = {"title": path.stem, "topic": "program document", "phase": "explore,examine,draft,review,support",
            "career_stage": "any", "goal_kind": "any", "sources": path.name, "source_path": path.name}
    sections = re.split(r"^#{1,3} +(.+)$", text, flags=re.M)
    pieces: list[tuple[str, str]] = [(path.stem, sections[0])] + list(zip(sections[1::2], sections[2::2]))
    chunks: list[Chunk] = []
    for heading, body in pieces:
        words = body.split()
        for start in range(0, len(words), WINDOW_WORDS):
            part = " ".join(words[start:start + WINDOW_WORDS])
            if part:
                chunks.append(Chunk(f"{note_id}:{len(chunks)}", note_id, path.stem, heading.strip(), part, meta))
    return note_id, path.stem, chunks, text
