"""Where to find human help, from a file an admin can replace (WAYMARK_SAFETY_RESOURCES)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DEFAULT = Path(__file__).with_name("resources.yaml")


class ResourcesError(ValueError):
    """A safety resources file that cannot be used; the message names the file and what is missing."""


@dataclass(frozen=True)
class Resources:
    region: str
    emergency: str  # what to do in danger now
    lines: tuple[tuple[str, str], ...]  # (name, how to reach it)
    short: str  # a one-line reminder for later replies


@cache
def load_resources(path: Path | None = None) -> Resources:
    path = Path(path) if path else DEFAULT
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ResourcesError(f"Cannot read the safety resources file {path}: {exc}") from exc
    if not isinstance(data, dict) or not data.get("emergency") or not data.get("lines"):
        raise ResourcesError(f"{path} needs an 'emergency' text and a list of 'lines' (name, how).")
    try:
        lines = tuple((str(item["name"]).strip(), str(item["how"]).strip()) for item in data["lines"])
    except (TypeError, KeyError) as exc:
        raise ResourcesError(f"{path}: every entry under 'lines' needs a 'name' and a 'how'.") from exc
    return Resources(str(data.get("region", "")), " ".join(str(data["emergency"]).split()), lines,
                     str(data.get("short") or data["emergency"]).strip())
