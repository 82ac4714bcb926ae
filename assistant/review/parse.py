"""Transcript parsers: speaker-labelled text, WebVTT, SRT (Zoom, Teams), JSON and CSV. Streaming, line-numbered errors."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024


class TranscriptError(ValueError):
    """A transcript that cannot be read; the message names the file and the line."""


@dataclass
class Turn:
    speaker: str
    text: str
    line: int  # where the turn starts in the file, for error messages and quotes


SPEAKER_LINE = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?P<speaker>[A-Za-z][\w .'’-]{0,40}?)\s*:\s+(?P<text>.*)$")
TIMING = re.compile(r"^\s*(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}\s*-->\s*(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}")
VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>|$)", re.S)
TAG = re.compile(r"</?[^>]+>")


def _merge(turns: Iterable[Turn]) -> Iterator[Turn]:
    """Consecutive cues from the same speaker are one turn (captions split sentences across cues)."""
    current: Turn | None = None
    for t in turns:
        if current and t.speaker == current.speaker:
            current.text = f"{current.text} {t.text}".strip()
            continue
        if current:
            yield current
        current = Turn(t.speaker, t.text, t.line)
    if current:
        yield current


def parse_text(lines: Iterable[str], name: str) -> Iterator[Turn]:
    current: Turn | None = None
    for n, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        m = SPEAKER_LINE.match(line)
        if m:
            if current:
                yield current
            current = Turn(m["speaker"].strip(), m["text"].strip(), n)
        elif current:
            current.text = f"{current.text} {line.strip()}"  # a turn that runs over several lines
        else:
            raise TranscriptError(f"{name}, line {n}: expected 'Speaker: text' to start the transcript, found {line[:60]!r}")
    if current:
        yield current


def parse_captions(lines: Iterable[str], name: str) -> Iterator[Turn]:
    """WebVTT or SRT cues; the speaker comes from <v Name> tags or a 'Name:' prefix."""
    def cues() -> Iterator[Turn]:
        block: list[tuple[int, str]] = []
        for n, raw in enumerate(list(lines) + [""], start=1):
            line = raw.rstrip("\n").lstrip("\ufeff")
            if line.strip():
                block.append((n, line))
                continue
            if not block:
                continue
            timing = next((i for i, (_, l) in enumerate(block) if TIMING.match(l)), None)
            if timing is None:
                first = block[0][1].strip()
                if not (first.startswith("WEBVTT") or first.startswith("NOTE") or first.startswith("STYLE")
                        or first.startswith("REGION")):
                    raise TranscriptError(f"{name}, line {block[0][0]}: a caption without a timing line ('00:00:01.000 --> ...')")
                block = []
                continue
            text = " ".join(l for _, l in block[timing + 1:]).strip()
            start = block[timing][0]
            block = []
            if not text:
                continue
            v = VOICE.findall(text)
            if v:
                for speaker, said in v:
                    yield Turn(speaker.strip(), TAG.sub("", said).strip(), start)
                continue
            text = TAG.sub("", text)
            m = SPEAKER_LINE.match(text)
            if not m:
                raise TranscriptError(f"{name}, line {start}: no speaker on this caption (expected <v Name> or 'Name: ')")
            yield Turn(m["speaker"].strip(), m["text"].strip(), start)
    return _merge(cues())


def parse_json(text: str, name: str) -> Iterator[Turn]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{name}, line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    items = data.get("turns") or data.get("utterances") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise TranscriptError(f"{name}: expected a list of {{speaker, text}} objects")
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("speaker"), str) or not isinstance(item.get("text"), str):
            raise TranscriptError(f"{name}: item {i} needs 'speaker' and 'text' strings")
        yield Turn(item["speaker"].strip(), item["text"].strip(), i)


def parse_csv(lines: Iterable[str], name: str) -> Iterator[Turn]:
    try:
        yield from _csv_rows(lines, name)
    except csv.Error as exc:
        raise TranscriptError(f"{name}: not valid CSV ({exc})") from exc


def _csv_rows(lines: Iterable[str], name: str) -> Iterator[Turn]:
    reader = csv.DictReader(lines)
    fields = {f.lower().strip(): f for f in (reader.fieldnames or [])}
    speaker = next((fields[f] for f in ("speaker", "interlocutor", "role", "name") if f in fields), None)
    text = next((fields[f] for f in ("text", "utterance", "utterance_text", "content") if f in fields), None)
    if not speaker or not text:
        raise TranscriptError(f"{name}, line 1: a CSV needs a 'speaker' and a 'text' column, found {list(fields)}")
    for row in reader:
        if row.get(speaker) is None or row.get(text) is None:
            raise TranscriptError(f"{name}, line {reader.line_num}: a row with missing columns")
        yield Turn(row[speaker].strip(), row[text].strip(), reader.line_num)


def read_transcript(path: Path) -> Iterator[Turn]:
    """Turns in order. Raises TranscriptError with the file and line for anything it cannot read."""
    name = path.name
    if not path.exists():
        raise TranscriptError(f"{name}: no such file")
    if path.stat().st_size > MAX_BYTES:
        raise TranscriptError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    if path.stat().st_size == 0:
        raise TranscriptError(f"{name}: the file is empty")
    suffix = path.suffix.lower()
    handle = path.open(encoding="utf-8-sig", errors="strict", newline="")
    try:
        if suffix == ".json":
            yield from _nonempty(parse_json(handle.read(), name), name)
        elif suffix == ".csv":
            yield from _nonempty(parse_csv(handle, name), name)
        elif suffix in (".vtt", ".srt"):
            yield from _nonempty(parse_captions(handle, name), name)
        else:
            yield from _nonempty(parse_text(handle, name), name)
    except UnicodeDecodeError as exc:
        raise TranscriptError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    finally:
        handle.close()


def parse_string(text: str, name: str = "transcript.txt") -> list[Turn]:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return list(_nonempty(parse_json(text, name), name))
    lines = io.StringIO(text, newline="")
    parser = {".csv": parse_csv, ".vtt": parse_captions, ".srt": parse_captions}.get(suffix, parse_text)
    return list(_nonempty(parser(lines, name), name))


def _nonempty(turns: Iterator[Turn], name: str) -> Iterator[Turn]:
    seen = False
    for t in turns:
        if t.text:
            seen = True
            yield t
    if not seen:
        raise TranscriptError(f"{name}: no turns found")
