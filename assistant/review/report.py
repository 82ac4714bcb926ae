"""The trainer's report: figures against MITI thresholds, a timeline of the session, flagged turns with a
non-directive alternative, and strengths to keep. Markdown for reading, HTML for sharing and printing."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from assistant.review import advice  # noqa: E402

COLOURS = {"question": "#2b7bb9", "reflection": "#2a9d5c", "input": "#e0a000", "imposing": "#d62828", "other": "#9aa0a6"}


def _kind(u: dict) -> str:
    labels = set(u["labels"])
    if u["imposing"]:
        return "imposing"
    if labels & {"open_question", "closed_question"}:
        return "question"
    if labels & {"simple_reflection", "complex_reflection"}:
        return "reflection"
    if labels & {"information", "advice_with_permission"}:
        return "input"
    return "other"


def timeline_png(result: dict) -> bytes:
    utts = result["utterances"]
    fig, ax = plt.subplots(figsize=(10, 2.6), dpi=110)
    person = [u for u in utts if u["role"] == "person"]
    ax.scatter([u["index"] for u in person], [0] * len(person), s=[8 + min(len(u["text"]), 400) / 6 for u in person],
               color="#7f8c8d", alpha=0.6, label="person")
    for kind, colour in COLOURS.items():
        pts = [u for u in utts if u["role"] == "helper" and _kind(u) == kind]
        if pts:
            ax.scatter([u["index"] for u in pts], [1] * len(pts), s=[8 + min(len(u["text"]), 400) / 6 for u in pts],
                       color=colour, label=kind, alpha=0.85)
    risks = [r["index"] for r in result.get("risks", [])]
    if risks:  # a risk moment is marked where a trainer will look first
        ax.scatter(risks, [0] * len(risks), marker="v", s=140, color="#6a0dad", label="risk to safety", zorder=3)
    ax.set_yticks([0, 1], ["person", result["helper"]])
    ax.set_ylim(-0.6, 1.6)
    ax.set_xlabel("turn")
    ax.legend(ncol=6, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, 1.35), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def _fmt(v) -> str:
    return "—" if v is None else str(v)


def markdown(result: dict, chart_path: str | None = None) -> str:
    m, s = result["metrics"], result["miti"]
    lines = [f"# Transcript review", "", f"Helper: **{result['helper']}** ({result['helper_detection']}).", ""]
    if chart_path:
        lines += [f"![Session timeline]({chart_path})", ""]
    lines += ["## Figures", "", "| measure | value | MITI 4 (fair / good) | standing |", "| --- | --- | --- | --- |",
              f"| reflection-to-question ratio | {_fmt(m['reflection_to_question'])} | 1.0 / 2.0 | {s['reflection_to_question']} |",
              f"| complex reflections | {_fmt(m['complex_reflection_pct'])}% | 40% / 50% | {s['complex_reflection_pct']} |",
              f"| open questions | {_fmt(m['open_question_pct'])}% | — | — |",
              f"| helper talk share | {m['helper_talk_share']:.0%} | — | — |",
              f"| advice without permission | {m['advice_without_permission']} | 0 | — |",
              f"| goal impositions | {m['goal_impositions']} | 0 | — |",
              f"| directiveness (0 = collaborative, 1 = directive) | {m['directiveness']} | — | — |", ""]
    lines += ["## Whose goals", ""]
    if result["goals"]:
        for g in result["goals"]:
            met = ", ".join(k for k, v in g["smarty"].items() if v) or "none"
            whose = " (as someone else's wish)" if g["whose"] == "someone_else" else ""
            lines.append(f"- “{g['goal']}” — first said by the **{g['first_said_by']}**{whose} (turn {g['first_index']}); "
                         f"SMARTY criteria visible in its words: {met}.")
    else:
        lines.append("No goal was stated in so many words.")
    lines += ["", "## Risk to safety", ""]
    if not result.get("risks"):
        lines.append("No message in this session read as a risk to the person's life or safety.")
    for r in result.get("risks", []):
        answered = ("the helper's next turn named human help or asked about safety" if r["helper_responded"] else
                    "**the helper's next turn did not name human help or ask about safety**")
        lines.append(f"- Turn {r['index']}: “{r['text']}” — {answered}.")
    lines += ["", "## Moments to look at again", ""]
    if not result["flagged"]:
        lines.append("No helper turn was flagged as advice without permission or an imposed goal.")
    for f in result["flagged"]:
        lines += [f"- Turn {f['index']} ({', '.join(f['labels'])}): “{f['text']}”",
                  f"  - An alternative for this turn: _{f['suggestion']}_"]
    if result.get("possibly"):
        lines += ["", "## Possibly advice (below the reviewer's precise threshold: worth a look, not a finding)", ""]
        lines += [f"- Turn {x['index']}: “{x['text']}”" for x in result["possibly"]]
    lines += ["", "## Strengths to keep", ""]
    lines += [f"- Turn {x['index']} ({', '.join(x['labels'])}): “{x['text']}”" for x in result["strengths"]] or \
             ["Look for places to add complex reflections and affirmations."]
    return "\n".join(lines) + "\n"


def _trust_section() -> list[str]:
    """How far a trainer can trust the advice flags: the reviewer's validation curve and what it measured."""
    chart = Path(__file__).with_name("advice-pr.png")
    if not chart.exists():
        return []
    m = advice.model()
    png = base64.b64encode(chart.read_bytes()).decode()
    return ["<h2>How far to trust the advice flags</h2>",
            f"<p>{html.escape(m.get('trust', ''))}</p>",
            f"<img alt='Precision and recall of the advice flags' src='data:image/png;base64,{png}'>"]


def html_report(result: dict) -> str:
    chart = base64.b64encode(timeline_png(result)).decode()
    body = markdown(result)
    parts = []
    for line in body.splitlines():
        esc = html.escape(line)
        if line.startswith("# "):
            parts.append(f"<h1>{esc[2:]}</h1><img alt='Session timeline' src='data:image/png;base64,{chart}'>")
        elif line.startswith("## "):
            parts.append(f"<h2>{esc[3:]}</h2>")
        elif line.startswith("| ---"):
            continue
        elif line.startswith("| "):
            cells = [c.strip() for c in line.strip("|").split("|")]
            tag = "th" if "measure" in cells[0] else "td"
            parts.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in cells) + "</tr>")
        elif line.startswith("  - "):
            parts.append(f"<p class='alt'>{esc[4:]}</p>")
        elif line.startswith("- "):
            parts.append(f"<p class='item'>{esc[2:]}</p>")
        elif line.strip():
            parts.append(f"<p>{esc}</p>")
    parts += _trust_section()
    rows = "".join(p for p in parts if p.startswith("<tr>"))
    rest = [p for p in parts if not p.startswith("<tr>")]
    figures_at = next(i for i, p in enumerate(rest) if p == "<h2>Figures</h2>") + 1
    rest.insert(figures_at, f"<table>{rows}</table>")
    style = ("body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
             "img{max-width:100%}.alt{margin-left:2em;color:#2a6}.item{margin:.4em 0}"
             "@media print{body{margin:0}}")
    return f"<!doctype html><html><head><meta charset='utf-8'><title>Transcript review</title><style>{style}</style></head><body>{''.join(rest)}</body></html>"
