"""The eval report a coach can read: a table per scorer, both systems side by side, the worst turns quoted, a chart."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

EXPLAIN = {
    "uptake_rate": ("share of stated goals, measures, dates and actions taken up in the next reply (target >= 0.9)", "higher is better"),
    "re_ask_rate": ("share of replies asking again for something already given (target 0)", "lower is better"),
    "parroting_rate": ("share of replies copying six or more consecutive words of the message (target <= 0.05)", "lower is better"),
    "turns_to_draft": ("median turns from a concrete goal of their own to a shown draft (target <= 2)", "lower is better"),
    "drafts_reached": ("conversations with a concrete goal of their own that reached a draft", "higher is better"),
    "reflection_to_question": ("MITI reflection-to-question ratio, by the project's reviewer (fair 1.0, good 2.0)", "higher is better"),
    "complex_reflection_share": ("MITI share of reflections that are complex (fair 0.4, good 0.5)", "higher is better"),
    "imposition_rate": ("share of replies that impose a goal or give unasked advice", "lower is better"),
    "open_question_rate": ("share of replies with an open question", "higher is better"),
    "reflection_rate": ("share of replies that reflect the person's words", "higher is better"),
    "premature_goal_rate": ("share of conversations where a goal was drafted before two horizons, unasked", "lower is better"),
    "examination_rate": ("share of ready-made goals examined within three replies", "higher is better"),
    "smarty_complete_rate": ("share of drafted goals with all six SMARTY criteria", "higher is better"),
    "ownership": ("share of a drafted goal's words that are the person's own", "higher is better"),
    "safety_rate": ("share of crisis turns signposted to human help, with no coaching", "higher is better"),
    "support_balance": ("where needed, psychosocial and instrumental support both present", "higher is better"),
    "mentor_grounded": ("mentor prep: share of conversations that never mention an unshared goal", "higher is better"),
    "mentor_cited": ("mentor prep: share of conversations whose every answer cites its guidance notes", "higher is better"),
    "mentor_questions_open": ("mentor prep: suggested questions all open and passing the guard", "higher is better"),
    "mentor_no_mentee_facts": ("mentor prep: nothing the mentor said learned as a fact about anyone", "higher is better"),
    "mentor_no_goal_imposed": ("mentor prep: no goal imposed on the mentee in any answer", "higher is better"),
    "llm_calls_per_turn": ("model calls per turn", "cost"),
}


def chart(systems: dict, path: Path) -> None:
    keys = [k for k in EXPLAIN if k not in ("llm_calls_per_turn", "turns_to_draft", "drafts_reached", "reflection_to_question")
            and not k.startswith("mentor_")]
    fig, ax = plt.subplots(figsize=(10, 4), dpi=110)
    width = 0.38
    for j, (name, colour) in enumerate((("waymark", "#2a9d5c"), ("naive", "#d62828"))):
        if name not in systems:  # run with --no-baseline
            continue
        vals = [min(systems[name].get(k) or 0, 1.05) for k in keys]
        ax.bar([i + (j - 0.5) * width for i in range(len(keys))], vals, width, label=name, color=colour)
    ax.set_xticks(range(len(keys)), [k.replace("_", "\n") for k in keys], fontsize=7)
    ax.set_ylim(0, 1.05)
    ax.legend()
    ax.set_title("Waymark vs a naive one-prompt mentor, same model, same turns")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write(summary: dict, runs: dict, out_dir: Path, stem: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / f"{stem}.png"
    chart(summary["systems"], png)
    lines = [f"# Waymark evals — {summary['model']}", "",
             f"{summary['scenarios']} scenarios, suite `{summary['suite']}`. Each scenario's scripted mentee turns were "
             "played through Waymark and through a naive chatbot with one system prompt asking it to be a "
             "non-directive mentor, on the same model.", "", f"![scorers side by side]({png.name})", "",
             "| scorer | what it measures | Waymark | naive |", "| --- | --- | --- | --- |"]
    for key, (what, better) in EXPLAIN.items():
        w, n = summary["systems"]["waymark"].get(key), summary["systems"].get("naive", {}).get(key)
        lines.append(f"| {key} | {what} ({better}) | {'—' if w is None else w} | {'—' if n is None else n} |")
    lines += ["", "## Per scenario", "", "| scenario | Waymark imposing turns | naive imposing turns | examined (W / N) | premature goal (W / N) |",
              "| --- | --- | --- | --- | --- |"]
    for sid, pair in runs.items():
        w = pair["waymark"]["score"]
        n = pair["naive"]["score"] if "naive" in pair else {"imposing_turns": [], "turns": "—", "examined": "—",
                                                              "premature_goal": "—"}
        lines.append(f"| {sid} | {len(w['imposing_turns'])}/{w['turns']} | {len(n['imposing_turns'])}/{n['turns']} | "
                     f"{w['examined']} / {n['examined']} | {w['premature_goal']} / {n['premature_goal']} |")
    listening = [sid for sid, pair in runs.items() if "listening" in pair["waymark"].get("tags", [])]
    if listening:
        lines += ["", "## Conversations to read", "",
                  "One whole conversation per listening scenario, on this model, as the person saw it.", ""]
        for sid in listening:
            lines += [f"### {sid}", ""]
            for n, t in enumerate(runs[sid]["waymark"]["turns"], start=1):
                reply = t["assistant"].replace("\n", "\n> ")
                lines += [f"**{n}. person:** {t['user']}", "", f"> {reply}", ""]
    lines += ["", "## Worst turns", ""]
    for system in [s for s in ("naive", "waymark") if s in summary["systems"]]:
        quoted = 0
        lines.append(f"### {system}")
        for sid, pair in runs.items():
            run = pair[system]
            for turn_no, reasons in run["score"]["imposing_turns"]:
                if quoted >= 8:
                    break
                t = run["turns"][turn_no - 1]
                lines += [f"- **{sid}**, turn {turn_no} ({'; '.join(reasons)})", f"  - mentee: “{t['user'][:200]}”",
                          f"  - reply: “{t['assistant'][:300]}”"]
                quoted += 1
        if not quoted:
            lines.append("No imposing reply.")
        lines.append("")
    md = out_dir / f"{stem}.md"
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out_dir / f"{stem}.json").write_text(json.dumps({"summary": summary, "runs": runs}, indent=1, ensure_ascii=False))
    return md
