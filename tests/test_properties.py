"""Property-based tests (hypothesis) of the transcript parsers and the goal store."""

from __future__ import annotations

import json
import string
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.goals import GoalStore, NotYours
from assistant.review.parse import TranscriptError, parse_string

names = st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)
words = st.text(alphabet=string.ascii_letters + " ,'?", min_size=1, max_size=80).map(str.strip).filter(bool)
turns = st.lists(st.tuples(names, words), min_size=1, max_size=20)


def merged(pairs):
    out = []
    for speaker, text in pairs:
        if out and out[-1][0] == speaker:
            out[-1] = (speaker, out[-1][1] + " " + text)
        else:
            out.append((speaker, text))
    return out


@given(turns)
def test_json_transcripts_round_trip(pairs):
    data = json.dumps([{"speaker": s, "text": t} for s, t in pairs])
    assert [(t.speaker, t.text) for t in parse_string(data, "t.json")] == pairs


@given(turns)
def test_speaker_labelled_text_round_trips(pairs):
    text = "\n".join(f"{s}: {t}" for s, t in pairs)
    assert [(t.speaker, t.text) for t in parse_string(text, "t.txt")] == pairs


@given(turns)
def test_vtt_round_trips_with_cues_of_one_speaker_merged(pairs):
    cues = [f"{i}\n00:00:{i % 60:02d}.000 --> 00:00:{i % 60:02d}.500\n<v {s}>{t}</v>\n" for i, (s, t) in enumerate(pairs)]
    parsed = parse_string("WEBVTT\n\n" + "\n".join(cues), "t.vtt")
    assert [(t.speaker, t.text) for t in parsed] == merged(pairs)


@given(st.text(max_size=300))
def test_any_text_either_parses_or_fails_with_a_named_line(text):
    for name in ("x.txt", "x.srt", "x.vtt", "x.json", "x.csv"):
        try:
            parse_string(text, name)
        except TranscriptError as exc:
            assert name in str(exc)


edits = st.lists(st.tuples(st.sampled_from(["statement", "kind", "status"]), words), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits, st.sampled_from(["ana", "bo"]))
def test_every_edit_is_a_revision_and_only_the_owner_can_edit(changes, intruder):
    with tempfile.TemporaryDirectory() as tmp:
        store = GoalStore(f"sqlite:///{Path(tmp) / 'g.sqlite'}")
        g = store.create_goal("ana", "first words", kind="career", smarty={}, next_check_in=date(2027, 1, 1))
        for field, value in changes:
            store.revise("ana", g["id"], why="edit", **{field: value})
            if intruder != "ana":
                try:
                    store.revise(intruder, g["id"], why="x", statement="stolen")
                    raise AssertionError("an intruder edited the goal")
                except NotYours:
                    pass
        final = store.get_goal("ana", g["id"])
        assert len(final["revisions"]) == 1 + len(changes)
        assert final["revisions"][0]["after"]["statement"] == "first words"
        last = {f: v for f, v in changes}
        for field, value in last.items():
            assert final[field] == value
