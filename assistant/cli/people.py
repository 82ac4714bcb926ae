"""Commands on a person's record: goals, what Waymark remembers, accounts, and the retention period. None of them
starts the model or opens the guidance index."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from assistant.cli.common import fail
from assistant.services import Services
from assistant.users import ROLES


def add_parsers(sub) -> None:
    p = sub.add_parser("goals", help="a person's goal record: list, show, export, share, delete")
    p.add_argument("action", choices=["list", "show", "export", "share", "delete"])
    p.add_argument("id", nargs="?", type=int, help="goal id (show, share, delete)")
    p.add_argument("--user", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--format", choices=["md", "ics"], default="md")
    p.add_argument("--out", default=None)
    p.add_argument("--mentor", default=None, help="share: the mentor who may see this goal")
    p.add_argument("--yes", action="store_true", help="delete: confirm")
    p.set_defaults(run=goals)

    p = sub.add_parser("memory", help="what Waymark remembers about a person: show, edit, forget, export, delete")
    p.add_argument("action", choices=["show", "edit", "forget", "pause", "resume", "export", "delete"])
    p.add_argument("id", nargs="?", type=int)
    p.add_argument("--user", required=True)
    p.add_argument("--text", default=None, help="edit: the corrected wording")
    p.add_argument("--about", default=None, help="forget: every item about this topic")
    p.add_argument("--out", default=None, help="export (or export before delete) to OUT.json and OUT.md")
    p.add_argument("--yes", action="store_true", help="delete: confirm")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=memory)

    p = sub.add_parser("users", help="accounts for the UI (password sign-in)")
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=list(ROLES), default="mentee")
    p.add_argument("--password", default=None, help="omit to be asked")
    p.set_defaults(run=users)

    p = sub.add_parser("retention", help="delete conversations older than N days (goals are kept); run on a schedule")
    p.add_argument("--days", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=retention)


def missing_argument(args) -> str | None:
    """Arguments argparse cannot require on its own, because they depend on the action."""
    if args.command == "goals" and args.action in ("show", "share", "delete") and args.id is None:
        return f"goals {args.action} needs a goal id"
    if args.command == "goals" and args.action == "share" and not args.mentor:
        return "goals share needs --mentor NAME"
    if args.command == "users" and args.action == "add" and not args.name:
        return "users add needs a name"
    if args.command == "memory" and args.action == "edit" and (args.id is None or not args.text):
        return "memory edit needs an item id and --text"
    if args.command == "memory" and args.action == "forget" and args.id is None and not args.about:
        return "memory forget needs an item id or --about TOPIC"
    return None


def goals(args, services: Services) -> int:
    from assistant.goals import GoalStoreError, NotYours
    from assistant.goals.export import to_ics, to_markdown

    try:
        store = services.goals
        if args.action == "list":
            found = store.list_goals(args.user)
            if args.json:
                print(json.dumps(found, ensure_ascii=False))
            else:
                for g in found:
                    print(f"#{g['id']} [{g['status']}] ({g['kind']}) {g['statement']} — next check-in {g['next_check_in']}")
                if not found:
                    print(f"No goals for {args.user}.")
        elif args.action == "show":
            goal = store.get_goal(args.user, args.id)
            print(json.dumps(goal, ensure_ascii=False) if args.json else to_markdown(args.user, [goal]))
        elif args.action == "export":
            found = store.list_goals(args.user)
            data = to_ics(args.user, found) if args.format == "ics" else to_markdown(args.user, found).encode()
            if args.out:
                Path(args.out).write_bytes(data)
                print(f"wrote {args.out}")
            else:
                sys.stdout.write(data.decode())
        elif args.action == "share":
            store.share(args.user, args.id, args.mentor)
            print(f"goal {args.id} is now visible to {args.mentor}")
        elif args.action == "delete":
            goal = store.get_goal(args.user, args.id)
            backup = services.settings.ensure_data_dir() / f"deleted-goal-{args.user}-{args.id}.md"
            backup.write_text(to_markdown(args.user, [goal]), encoding="utf-8")
            if not args.yes:
                return fail(f"deleting goal {args.id} needs --yes (an export was written to {backup})")
            store.delete_goal(args.user, args.id)
            print(f"deleted goal {args.id}; its export is at {backup}")
    except (NotYours, GoalStoreError) as exc:
        return fail(str(exc))
    return 0


def memory(args, services: Services) -> int:
    from assistant.memory.export import to_markdown
    from assistant.usecases import delete_person, export_person, forget

    store, user = services.memory, args.user
    if args.action == "show":
        facts = store.profile(user)
        if args.json:
            print(json.dumps({"learning": store.learning(user), "profile": facts}, ensure_ascii=False))
        else:
            print(f"Learning is {'on' if store.learning(user) else 'paused'} for {user}.")
            for f in facts:
                print(f"#{f['id']} ({f['field']}) {f['text']}  — from “{f['source_words'][:80]}” {f['at'][:10]}")
        return 0
    if args.action == "edit":
        try:
            store.correct(user, args.id, args.text)
        except KeyError as exc:
            return fail(str(exc))
        print(f"item {args.id} corrected")
        return 0
    if args.action == "forget":
        gone = asyncio.run(forget(services, user, fact_id=args.id, about=args.about))
        print(f"forgot {len(gone)} item(s); they will not be learned again")
        return 0
    if args.action in ("pause", "resume"):
        store.set_learning(user, args.action == "resume")
        print(f"learning {'resumed' if args.action == 'resume' else 'paused'} for {user}")
        return 0
    if args.action == "export" or (args.action == "delete" and args.out):
        data = asyncio.run(export_person(services, user))
        out = Path(args.out or f"waymark-{user}-export")
        out.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        out.with_suffix(".md").write_text(to_markdown(data), encoding="utf-8")
        print(f"exported to {out.with_suffix('.json')} and {out.with_suffix('.md')}")
    if args.action == "delete":
        if not args.yes:
            return fail(f"deleting everything Waymark holds about {user} needs --yes (add --out FILE to export first)")
        counts = asyncio.run(delete_person(services, user))
        print(f"deleted everything held about {user}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


def users(args, services: Services) -> int:
    import getpass

    from assistant.users import add_user, load_users

    if args.action == "list":
        for name, user in load_users(services.settings).items():
            print(f"{name}\t{user['role']}")
        return 0
    password = args.password or getpass.getpass(f"Password for {args.name}: ")
    try:
        add_user(services.settings, args.name, password, args.role)
    except ValueError as exc:
        return fail(str(exc))
    print(f"added {args.name} ({args.role})")
    return 0


def retention(args, services: Services) -> int:
    from assistant.usecases import apply_retention

    days = args.days or services.settings.retention_days
    if not days:
        return fail("set --days N or WAYMARK_RETENTION_DAYS")
    ids = asyncio.run(apply_retention(services, days))
    print(json.dumps({"deleted_conversations": len(ids), "older_than_days": days}) if args.json
          else f"deleted {len(ids)} conversation(s) older than {days} days; goals kept")
    return 0
