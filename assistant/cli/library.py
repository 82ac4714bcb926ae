"""Commands on the guidance library and transcripts: ingest, search, review. None of them starts the chat model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.cli.common import fail, loading
from assistant.services import Services


def add_parsers(sub) -> None:
    p = sub.add_parser("ingest", help="(re)build the guidance index; add your own documents (uploads kept in the "
                                      "data folder's documents/ are always taken in)")
    p.add_argument("paths", nargs="*", help="files or folders of Markdown, text, PDF or DOCX to add")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=ingest)

    p = sub.add_parser("search", help="top guidance passages for a query")
    p.add_argument("query")
    p.add_argument("--stage", choices=["early", "mid", "late"], default=None)
    p.add_argument("--phase", choices=["explore", "examine", "draft", "review", "support", "safety"], default=None)
    p.add_argument("-k", type=int, default=3)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=search)

    p = sub.add_parser("review", help="review a mentoring or coaching transcript")
    p.add_argument("file", help="txt with speaker labels, WebVTT, SRT, JSON or CSV")
    p.add_argument("--helper", default=None, help="the helper's speaker name (detected when absent)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--html", default=None, metavar="OUT", help="also write an HTML report")
    p.add_argument("--md", default=None, metavar="OUT", help="also write a Markdown report")
    p.set_defaults(run=review)


def ingest(args, services: Services) -> int:
    from tqdm import tqdm

    from assistant.knowledge.notes import NoteError
    from assistant.usecases import ingest as run_ingest

    settings = services.settings
    if not args.json:
        print(f"Loading the embedding model and the index at {settings.chroma_host or settings.chroma_path} ...", flush=True)
    try:
        services.library
    except NoteError as exc:
        return fail(f"the guidance library has a broken note: {exc}")
    try:
        result = run_ingest(services, args.paths,
                            progress=lambda xs, desc: tqdm(xs, desc=desc, unit="file", disable=args.json or not xs))
    except Exception as exc:  # Chroma down, a locked folder: say which, never a traceback
        return fail(f"cannot open the guidance index: {exc}")
    if args.json:
        print(json.dumps(result.as_dict()))
    else:
        print(f"Indexed: {result.added} new or changed, {result.unchanged} unchanged, {result.removed} removed; "
              f"{result.indexed_chunks} chunks in the index.")
        for line in result.skipped:
            print(f"  skipped {line}")
    return 0


def search(args, services: Services) -> int:
    loading("the guidance index", args.json)
    result = services.retriever.search(args.query, phase=args.phase, stage=args.stage, k=args.k)
    rows = [{"id": p.note_id, "chunk": p.id, "title": p.title, "score": round(p.score, 4), "text": p.text}
            for p in result.passages]
    if args.json:
        print(json.dumps({"query": args.query, "results": rows, "degraded": result.degraded}, ensure_ascii=False))
        return 0
    if result.degraded:
        print(f"({result.degraded})")
    for i, r in enumerate(rows, start=1):
        print(f"{i}. {r['title']}  [{r['id']}]  score {r['score']}\n   {r['text'][:300].replace(chr(10), ' ')}\n")
    return 0


def review(args, services: Services) -> int:
    from tqdm import tqdm

    from assistant.review.parse import TranscriptError, read_transcript
    from assistant.review.report import html_report, markdown
    from assistant.review.review import review as run_review

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if args.json:
            return
        if bar is None:
            bar = tqdm(total=total, desc="helper turns", unit="turn", file=sys.stderr)
        bar.update(done - bar.n)

    loading("the reviewer's models", args.json)
    try:
        result = run_review(read_transcript(Path(args.file)), helper=args.helper, progress=progress)
    except TranscriptError as exc:
        return fail(str(exc))
    finally:
        if bar is not None:
            bar.close()
    if args.html:
        Path(args.html).write_text(html_report(result), encoding="utf-8")
    if args.md:
        Path(args.md).write_text(markdown(result), encoding="utf-8")
    if args.json:
        keys = ("helper", "helper_detection", "utterances", "metrics", "miti", "goals", "flagged", "possibly", "strengths", "risks")
        print(json.dumps({k: result[k] for k in keys}, ensure_ascii=False))
    else:
        print(markdown(result))
    return 0
