"""Commands for mentors: a session plan, notes after a session, and every mentee at a glance."""

from __future__ import annotations

import json
import os
from pathlib import Path

from assistant.cli.common import fail, loading
from assistant.services import Services


def add_parsers(sub) -> None:
    p = sub.add_parser("prep", help="a session plan for a mentor, from the goals a mentee shared")
    p.add_argument("--mentee", required=True)
    p.add_argument("--mentor", default=os.environ.get("USER", "mentor"))
    p.add_argument("--stage", choices=["early", "mid", "late"], default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", default=None, help="write Markdown, or print-friendly HTML for .html")
    p.add_argument("--note", default=None, help="record notes after the session instead of planning")
    p.add_argument("--follow-ups", default=None)
    p.set_defaults(run=prep)

    p = sub.add_parser("mentees", help="every mentee who shares goals with a mentor, who needs attention first")
    p.add_argument("--mentor", default=os.environ.get("USER", "mentor"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=mentees)


def prep(args, services: Services) -> int:
    from assistant.goals import GoalStoreError
    from assistant.prep.plan import NotShared, build_plan, to_html, to_markdown

    try:
        if args.note:
            services.goals.add_mentor_note(args.mentor, args.mentee, notes=args.note, follow_ups=args.follow_ups or "",
                                           stage=args.stage)
            print(f"note saved for {args.mentee}")
            return 0
        loading("the guidance index", args.json)
        plan = build_plan(services.goals, services.library, services.retriever,
                          mentor=args.mentor, mentee=args.mentee, stage=args.stage)
    except (NotShared, GoalStoreError) as exc:
        return fail(str(exc))
    if args.out:
        out = Path(args.out)
        out.write_text(to_html(plan) if out.suffix.lower() in (".html", ".htm") else to_markdown(plan), encoding="utf-8")
    print(json.dumps(plan.contract(), ensure_ascii=False) if args.json else to_markdown(plan))
    return 0


def mentees(args, services: Services) -> int:
    from assistant.prep.mentees import overview, to_markdown

    rows = overview(services.goals, args.mentor)
    print(json.dumps(rows, ensure_ascii=False) if args.json else to_markdown(rows, args.mentor))
    return 0
