"""Transcript review: every format in, the JSON contract out, clear errors for broken files."""

from __future__ import annotations

import json

import pytest

from assistant.review.parse import TranscriptError, parse_string, read_transcript
from tests.conftest import ROOT, waymark

TXT = """Coach: What brings you here today?
Alex: My partner thinks I should apply for the director job.
It would mean more money, but longer hours.
Coach: You should apply, it's a great opportunity.
Alex: Maybe. I want to spend more time with my kids.
Coach: It sounds like time with your kids matters a lot to you right now.
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
Coach: What brings you here today?

2
00:00:03,500 --> 00:00:06,000
Alex: My partner thinks I should apply for the director job.

3
00:00:06,500 --> 00:00:08,000
Alex: It would mean more money.
"""


def test_speaker_labelled_text_with_multiline_turns():
    turns = parse_string(TXT, "s.txt")
    assert [t.speaker for t in turns] == ["Coach", "Alex", "Coach", "Alex", "Coach"]
    assert turns[1].text.endswith("but longer hours.")


def test_srt_with_speaker_prefixes_merges_consecutive_cues():
    turns = parse_string(SRT, "s.srt")
    assert [t.speaker for t in turns] == ["Coach", "Alex"]
    assert "more money" in turns[1].text


def test_zoom_vtt_with_voice_tags():
    turns = list(read_transcript(ROOT / "examples" / "zoom-session.vtt"))
    assert turns[0].speaker == "Dana (Mentor)" and turns[1].speaker == "Sam" and len(turns) == 7


def test_json_and_csv():
    data = json.dumps([{"speaker": "Mentor", "text": "What matters to you?"}, {"speaker": "Jo", "text": "Fairness."}])
    assert [t.text for t in parse_string(data, "t.json")] == ["What matters to you?", "Fairness."]
    csv_text = "speaker,text\nMentor,What matters to you?\nJo,\"Fairness, mostly.\"\n"
    assert parse_string(csv_text, "t.csv")[1].text == "Fairness, mostly."


@pytest.mark.parametrize("name,text,where", [
    ("bad.txt", "no speaker label here\nCoach: hi\n", "line 1"),
    ("bad.srt", "1\nnot a timing line\nCoach: hi\n", "line 1"),
    ("bad.json", '[{"speaker": "A", "text": "hi"},\n {"speaker": }]', "line 2"),
    ("bad.csv", "who,what\nA,hi\n", "line 1"),
])
def test_malformed_files_name_the_line(name, text, where):
    with pytest.raises(TranscriptError, match=where):
        parse_string(text, name)


def test_empty_file_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty.vtt"
    empty.write_text("")
    with pytest.raises(TranscriptError, match="empty"):
        list(read_transcript(empty))


def test_review_json_contract_and_findings(tmp_path, env):
    path = tmp_path / "session.txt"
    path.write_text(TXT)
    done = waymark("review", str(path), "--json", "--html", str(tmp_path / "r.html"), env=env)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["helper"] == "Coach" and "helping role" in out["helper_detection"]
    assert len(out["utterances"]) == 5
    assert [u["index"] for u in out["utterances"]] == list(range(5))
    assert {u["role"] for u in out["utterances"]} == {"helper", "person"}
    assert set(out["metrics"]) >= {"directiveness", "helper_talk_share", "reflection_to_question", "open_question_pct",
                                   "complex_reflection_pct", "advice_without_permission", "goal_impositions"}
    # "You should apply" scores below the precise threshold: shown as possibly advice, never as a finding.
    should = out["utterances"][2]
    assert "possible_advice" in should["labels"] and not should["imposing"]
    assert [p["index"] for p in out["possibly"]] == [2]
    assert "open_question" in out["utterances"][0]["labels"]
    assert not out["utterances"][4]["imposing"]
    assert 0 <= out["metrics"]["directiveness"] <= 1
    director = next(g for g in out["goals"] if "director" in g["goal"])
    assert director["first_said_by"] == "person" and director["whose"] == "someone_else"
    html = (tmp_path / "r.html").read_text()
    assert "<img" in html and "Moments to look at again" in html and "How far to trust the advice flags" in html


def test_helper_is_detected_by_questions_when_names_say_nothing():
    from assistant.review.review import detect_helper

    turns = parse_string("Ann: What would you like to talk about?\nBo: My job.\nAnn: What about it matters?\nBo: The people.\n")
    name, how = detect_helper(turns, None)
    assert name == "Ann" and "questions" in how


def test_a_wrong_helper_name_is_refused_with_the_speakers(tmp_path, env):
    path = tmp_path / "s.txt"
    path.write_text(TXT)
    done = waymark("review", str(path), "--helper", "Zed", env=env)
    assert done.returncode == 2 and "Coach" in done.stderr and "Alex" in done.stderr


SESSION = """Coach: What brings you in?
Sam: I keep drinking every night to unwind, and my doctor is worried.
Coach: You need to cut down to two drinks a week and make sure you exercise.
Sam: I want to be healthier for my kids, but evenings are hard.
Coach: Well, I think you should join a gym, and you should stop keeping beer in the house.
Sam: Maybe.
Coach: So on one hand a drink helps you unwind, but on the other hand you want to be well for your kids?
"""


def test_flagged_turns_get_alternatives_written_for_them():
    from assistant.review.review import review

    out = review(parse_string(SESSION))
    flagged = {f["index"]: f for f in out["flagged"]}
    assert set(flagged) == {2, 4}, out["flagged"]
    first, second = flagged[2]["suggestion"], flagged[4]["suggestion"]
    assert first != second  # never one stock sentence
    assert "cut down to two drinks" in first and "they exercise" in first  # the helper's idea, offered as an option
    assert "join a gym" in second and "kids" in second  # ... after a reflection of what the person had just said
    assert all("?" in s and ("all right" in s or "one idea" in s) for s in (first, second))  # permission first


def test_a_reflection_phrased_as_a_question_counts_as_a_reflection():
    from assistant.review.review import review

    out = review(parse_string(SESSION))
    two_sided = out["utterances"][6]["labels"]
    assert "complex_reflection" in two_sided and not {"open_question", "closed_question"} & set(two_sided)


def test_an_alternative_keeps_the_recommendation_and_asks_before_informing():
    from assistant.review.alternatives import alternative
    from assistant.reading import read

    person = read("Well, I guess I do wake up about 2 AM on the nights I drink too much.")
    recommended = alternative("So that's an improvement. With 18 drinks a week you're still above the low-risk level, and it "
                              "would be my recommendation that at some point you would fall below 14 a week. I commend your "
                              "willingness to try to make some improvements.", ["advice"], person)
    assert "fall below 14 a week" in recommended and "make some improvements" not in recommended
    informed = alternative("Mm-hmm. Well, I just wanted to show you this little chart here. For your age you're drinking "
                           "more than those at a low-risk level.", ["advice"], person)
    assert "Would it be all right to show you this little chart here?" in informed
    # two words hold nothing to reflect: no stock reflection in front of the question
    assert alternative("Well, I just wanted to review a couple of things on here.", ["advice"],
                       read("Okay, like what?")).startswith("Would it be all right to review a couple of things")


def test_a_comparison_with_other_people_is_not_an_offer_made_with_permission():
    from assistant.review.review import review

    out = review(parse_string(
        "Counsellor: How much do you drink in a week?\n"
        "Client: Maybe twenty beers, but my friends drink way more than me.\n"
        "Counsellor: You're not drinking as much as some people out there, but for your age you need to cut down to "
        "fourteen drinks a week, and you should stop drinking on weeknights.\n"))
    labels = out["utterances"][2]["labels"]
    assert "advice_with_permission" not in labels and {"advice", "possible_advice"} & set(labels), labels
