"""Recall@3 and MRR of guidance retrieval on the labelled queries: lexical, semantic and blended, side by side.

Run: .venv/bin/python evals/retrieval/measure.py [--queries evals/retrieval/questions.yaml --split test] [--embedder minilm] [--json]

`semantic` is the encoder alone; the blended rows are the coach's own ranking (Retriever), which with the tuned
encoder adds its note prior. main@3: the first-labelled note is among the three shown.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.knowledge.index import SemanticIndex, chroma_client  # noqa: E402
from assistant.knowledge.library import Library  # noqa: E402
from assistant.knowledge.retriever import Retriever, best_per_note, per_note  # noqa: E402
from assistant.settings import Settings  # noqa: E402

K = 3


def score(ranked_ids: list[str], relevant: list[str]) -> tuple[float, float, bool]:
    """Recall@3 over every labelled note, reciprocal rank of the first, and whether the main note is in the top 3."""
    top = ranked_ids[:K]
    recall = len(set(top) & set(relevant)) / min(len(relevant), K)
    rr = next((1 / (i + 1) for i, nid in enumerate(ranked_ids) if nid in relevant), 0.0)
    return recall, rr, relevant[0] in top


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--queries", type=Path, default=Path(__file__).parent / "queries.yaml",
                        help="labelled queries (heldout.yaml: written without reading the notes, never tuned on)")
    parser.add_argument("--split", choices=["train", "test", "heldout"], default=None, help="only the questions of this split")
    parser.add_argument("--embedder", choices=["mpnet", "minilm", "tuned"], default=None,
                        help="the guidance index's embedding model; default: the app's setting")
    args = parser.parse_args()
    queries = [q for q in yaml.safe_load(args.queries.read_text()) if args.split is None or q.get("split") == args.split]
    library = Library.from_folder(ROOT / "knowledge")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), **({"guidance_embedder": args.embedder} if args.embedder else {}))
        index = SemanticIndex(chroma_client(settings), settings.guidance_embedder)
        index.sync_library(library)
        systems = {
            "lexical": lambda q: [p.note_id for p in best_per_note(library.lexical_search(q, k=40))],
            "semantic": lambda q: [p.note_id for p in per_note(index.search(q, k=40))],
        }
        for w in (0.0, 0.1, 0.2, 0.3):
            retriever = Retriever(library, index, lexical_weight=w)
            # recall@3 from the call the coach makes (k=3), MRR from a longer list of the same ranking
            systems[f"blended w={w}"] = lambda q, r=retriever: ([n["id"] for n in r.search(q, k=3).notes],
                                                                 [n["id"] for n in r.search(q, k=10).notes])
        rows = {}
        for name, rank in systems.items():
            recalls, rrs, mains, times = [], [], [], []
            for item in queries:
                t = time.perf_counter()
                ids = rank(item["q"])
                times.append(time.perf_counter() - t)
                top, longer = ids if isinstance(ids, tuple) else (ids, ids)
                r, _, main = score(top, item["relevant"])
                _, rr, _ = score(longer, item["relevant"])
                recalls.append(r)
                rrs.append(rr)
                mains.append(main)
            rows[name] = {"recall@3": round(sum(recalls) / len(recalls), 3), "mrr": round(sum(rrs) / len(rrs), 3),
                          "main@3": round(sum(mains) / len(mains), 3),
                          "p50_ms": round(sorted(times)[len(times) // 2] * 1000, 1)}
    if args.json:
        print(json.dumps({"queries": len(queries), "embedder": settings.guidance_embedder, "systems": rows}))
        return
    print(f"{len(queries)} labelled queries, {len(library.notes)} notes, {len(library.chunks)} chunks, "
          f"embedder {settings.guidance_embedder}\n")
    print(f"{'system':<16}{'recall@3':>10}{'MRR':>8}{'main@3':>8}{'p50 ms':>9}")
    for name, r in rows.items():
        print(f"{name:<16}{r['recall@3']:>10}{r['mrr']:>8}{r['main@3']:>8}{r['p50_ms']:>9}")


if __name__ == "__main__":
    main()
