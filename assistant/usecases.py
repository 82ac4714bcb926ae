"""What people do with their data and the library, as functions the command line and the UI both call:
ingest documents, forget, export or delete a person, apply the retention period."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from assistant.services import Services


@dataclass
class IngestResult:
    added: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0
    indexed_chunks: int = 0
    skipped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def ingest(services: Services, paths: Iterable[Path] = (), *, progress: Callable[[list, str], Iterable] = lambda xs, _: xs
           ) -> IngestResult:
    """Bring the guidance index up to date with the library, the documents kept from uploads, and `paths`."""
    from assistant.knowledge.documents import SUPPORTED, DocumentError, document_chunks
    from assistant.knowledge.index import SemanticIndex, chroma_client

    settings = services.settings
    index = SemanticIndex(chroma_client(settings), settings.guidance_embedder)
    report = index.sync_library(services.library, progress=lambda xs: progress(xs, "guidance notes"))
    result = IngestResult(report.added, report.unchanged, report.removed, report.chunks, skipped=list(report.skipped))
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        elif path.exists():
            files.append(path)
        else:
            result.skipped.append(f"{path}: no such file or folder")
    # Documents uploaded in the UI are kept in the data folder; taking them in on every ingest means a new or
    # rebuilt index (after switching the guidance embedder, say) still holds them.
    if settings.documents_dir.is_dir():
        files += sorted(p for p in settings.documents_dir.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED)
    for path in progress(list({p.resolve(): p for p in files}.values()), "your documents"):
        try:
            note_id, title, chunks, text = document_chunks(path)
            if index.add_document(note_id, title, chunks, text):
                result.added += 1
            else:
                result.unchanged += 1
            result.chunks += len(chunks)
        except DocumentError as exc:
            result.skipped.append(str(exc))
    result.indexed_chunks = index.count()
    return result


@dataclass
class Added:
    ok: bool
    title: str = ""
    passages: int = 0
    changed: bool = False
    found_title: str | None = None  # what a search for its opening words finds now
    problem: str = ""


def add_document(services: Services, upload: Path, name: str) -> Added:
    """Keep an uploaded document in the data folder (so a rebuilt index takes it in again) and index it. A broken
    upload never replaces a kept document of the same name: it is read from a side folder first."""
    from assistant.knowledge.documents import DocumentError, check_type, document_chunks

    name = Path(name).name  # the name only: a path in the upload's name cannot escape the folder
    index = services.index
    if index is None:
        return Added(False, problem="the guidance index is unavailable just now")
    try:
        check_type(name)
    except DocumentError as exc:
        return Added(False, problem=str(exc))
    folder = services.settings.documents_dir
    incoming = folder / ".incoming" / name
    incoming.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(upload, incoming)
    try:
        note_id, title, chunks, text = document_chunks(incoming)
        changed = index.add_document(note_id, title, chunks, text)
    except DocumentError as exc:
        incoming.unlink()
        return Added(False, problem=str(exc))
    incoming.replace(folder / name)
    found = index.search(" ".join(chunks[0].text.split()[:25]), k=1)
    return Added(True, title, len(chunks), changed, found[0].title if found else None)


async def forget(services: Services, owner: str, *, fact_id: int | None = None, about: str | None = None) -> list[dict]:
    """Forget one remembered item or everything about a topic, in the profile and in every conversation's
    checkpoints. The model is never started for it."""
    from assistant.memory.person import scrub_conversations

    gone = await asyncio.to_thread(services.memory.forget, owner, fact_id=fact_id, about=about)
    topics = [about] if about else [g["text"] for g in gone]
    if topics:
        async with services.graph() as graph:
            await scrub_conversations(graph, services.memory, owner, topics)
    return gone


async def export_person(services: Services, owner: str) -> dict:
    from assistant.memory.person import export_person as export

    async with services.graph() as graph:
        return await export(graph, services.memory, owner)


async def delete_person(services: Services, owner: str) -> dict:
    from assistant.memory.person import delete_person as delete

    async with services.graph() as graph:
        return await delete(graph, services.memory, owner)


async def apply_retention(services: Services, days: int) -> list[str]:
    """Delete conversations last touched more than `days` ago; goals, check-ins and the profile are kept."""
    from sqlalchemy import select

    from assistant.goals.models import Thread
    from assistant.memory.person import delete_conversations

    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    with services.goals.session() as s:
        old = [t for t in s.scalars(select(Thread)) if t.last_at.replace(tzinfo=t.last_at.tzinfo or timezone.utc) < cutoff]
        ids = [t.thread_id for t in old]
        for t in old:
            s.delete(t)
    async with services.graph() as graph:
        await delete_conversations(graph, ids)
    return ids
