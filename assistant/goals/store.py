"""The goal store: SQLAlchemy over SQLite by default, Postgres by URL. Every change is a revision."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from assistant.goals.models import SMARTY_KEYS, Action, CheckIn, Goal, MentorNote, Milestone, Revision, Share

CHECK_IN_EVERY = timedelta(days=91)  # quarterly by default; the person may choose another date


class GoalStoreError(RuntimeError):
    """The goal record could not be read or written; the message says what to do."""


class NotYours(PermissionError):
    """A person asked for a goal that belongs to someone else (or does not exist)."""


def default_check_in(today: date | None = None) -> date:
    return (today or date.today()) + CHECK_IN_EVERY


def goal_dict(g: Goal) -> dict:
    return {
        "id": g.id, "owner": g.owner, "statement": g.statement, "kind": g.kind, "status": g.status,
        "smarty": {k: (g.smarty or {}).get(k, "") for k in SMARTY_KEYS},
        "created": g.created.isoformat() if g.created else None,
        "next_check_in": g.next_check_in.isoformat() if g.next_check_in else None,
        "revisions": [{"at": r.at.isoformat(), "why": r.why, "before": r.before, "after": r.after} for r in g.revisions],
        "actions": [{"id": a.id, "text": a.text, "due": a.due.isoformat() if a.due else None, "done": a.done} for a in g.actions],
        "milestones": [{"id": m.id, "text": m.text, "reached": m.reached.isoformat() if m.reached else None,
                        "celebrated": m.celebrated} for m in g.milestones],
        "check_ins": [{"on": c.on.isoformat(), "progress": c.progress, "helped": c.helped, "obstacles": c.obstacles,
                       "feelings": c.feelings, "next_steps": c.next_steps} for c in g.check_ins],
        "shared_with": sorted(s.mentor for s in g.shares),
    }


def _note_dict(n: MentorNote) -> dict:
    return {"id": n.id, "mentor": n.mentor, "mentee": n.mentee, "at": n.at.isoformat() if n.at else None,
            "notes": n.notes, "follow_ups": n.follow_ups, "stage": n.stage,
            "proposed_check_in": n.proposed_check_in.isoformat() if n.proposed_check_in else None}


def _snapshot(g: Goal) -> dict:
    return {"statement": g.statement, "kind": g.kind, "status": g.status, "smarty": dict(g.smarty or {}),
            "next_check_in": g.next_check_in.isoformat() if g.next_check_in else None}


class GoalStore:
    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///file:"):  # a URI names an existing file
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(url, future=True)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        from assistant.goals.migrate import upgrade

        try:
            upgrade(self.engine)
        except (OperationalError, DatabaseError) as exc:
            raise GoalStoreError(_explain(exc, url)) from exc

    @contextmanager
    def session(self):
        """One transaction: everything in it is written whole or not at all."""
        s: Session = self._session()
        try:
            yield s
            s.commit()
        except (OperationalError, DatabaseError) as exc:
            s.rollback()
            raise GoalStoreError(_explain(exc, self.url)) from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def _owned(self, s: Session, owner: str, goal_id: int) -> Goal:
        goal = s.get(Goal, goal_id)
        if goal is None or goal.owner != owner:
            raise NotYours(f"No goal {goal_id} for {owner}.")
        return goal

    def create_goal(self, owner: str, statement: str, *, kind: str, smarty: dict, actions: list[tuple[str, date | None]] = (),
                    next_check_in: date | None = None, thread_id: str | None = None) -> dict:
        with self.session() as s:
            goal = Goal(owner=owner, statement=statement, kind=kind, smarty={k: smarty.get(k, "") for k in SMARTY_KEYS},
                        next_check_in=next_check_in or default_check_in(), thread_id=thread_id)
            goal.actions = [Action(text=t, due=d) for t, d in actions]
            goal.revisions = [Revision(why="drafted together and confirmed", before={}, after=_snapshot(goal))]
            s.add(goal)
            s.flush()
            return goal_dict(goal)

    def list_goals(self, owner: str) -> list[dict]:
        with self.session() as s:
            return [goal_dict(g) for g in s.scalars(select(Goal).where(Goal.owner == owner).order_by(Goal.id))]

    def get_goal(self, owner: str, goal_id: int) -> dict:
        with self.session() as s:
            return goal_dict(self._owned(s, owner, goal_id))

    def revise(self, owner: str, goal_id: int, *, why: str, **changes) -> dict:
        """Change a goal; the revision keeps what it replaced. Last write wins, and every write is kept."""
        with self.session() as s:
            goal = self._owned(s, owner, goal_id)
            before = _snapshot(goal)
            for field, value in changes.items():
                if field == "smarty":
                    goal.smarty = {**(goal.smarty or {}), **value}
                elif field in {"statement", "kind", "status", "next_check_in"}:
                    setattr(goal, field, value)
                else:
                    raise ValueError(f"Unknown goal field {field!r}")
            goal.version += 1
            goal.updated = datetime.now().astimezone()
            s.add(Revision(goal_id=goal.id, why=why, before=before, after=_snapshot(goal)))
            s.flush()
            s.refresh(goal)
            return goal_dict(goal)

    def add_actions(self, owner: str, goal_id: int, actions: list[tuple[str, date | None]]) -> dict:
        with self.session() as s:
            goal = self._owned(s, owner, goal_id)
            goal.actions.extend(Action(text=t, due=d) for t, d in actions)
            s.flush()
            return goal_dict(goal)

    def record_check_in(self, owner: str, goal_id: int, *, progress: int, helped: str = "", obstacles: str = "",
                        feelings: str = "", next_steps: str = "", on: date | None = None,
                        next_check_in: date | None = None, milestone: str | None = None) -> dict:
        """A check-in is saved whole, with the next check-in date and any milestone, or not at all."""
        with self.session() as s:
            goal = self._owned(s, owner, goal_id)
            on = on or date.today()
            goal.check_ins.append(CheckIn(on=on, progress=max(0, min(100, progress)), helped=helped,
                                          obstacles=obstacles, feelings=feelings, next_steps=next_steps))
            if milestone:
                goal.milestones.append(Milestone(text=milestone, reached=on, celebrated=True))
            before = _snapshot(goal)
            goal.next_check_in = next_check_in or default_check_in(on)
            s.add(Revision(goal_id=goal.id, why=f"check-in: progress {progress}%", before=before, after=_snapshot(goal)))
            s.flush()
            s.refresh(goal)
            return goal_dict(goal)

    def share(self, owner: str, goal_id: int, mentor: str) -> None:
        with self.session() as s:
            goal = self._owned(s, owner, goal_id)
            if mentor not in {sh.mentor for sh in goal.shares}:
                goal.shares.append(Share(mentor=mentor))

    def shared_with(self, mentor: str, mentee: str) -> list[dict]:
        """Only the goals `mentee` chose to share with `mentor`."""
        with self.session() as s:
            rows = s.scalars(select(Goal).join(Share).where(Goal.owner == mentee, Share.mentor == mentor).order_by(Goal.id))
            return [goal_dict(g) for g in rows]

    def mentees_of(self, mentor: str) -> list[str]:
        """Everyone who shares at least one goal with `mentor`."""
        with self.session() as s:
            rows = s.scalars(select(Goal.owner).join(Share).where(Share.mentor == mentor).distinct().order_by(Goal.owner))
            return list(rows)

    def delete_goal(self, owner: str, goal_id: int) -> dict:
        """Explicit deletion; the caller exports first. Returns what was deleted."""
        with self.session() as s:
            goal = self._owned(s, owner, goal_id)
            gone = goal_dict(goal)
            s.delete(goal)
            return gone

    def delete_owner(self, owner: str) -> int:
        with self.session() as s:
            goals = list(s.scalars(select(Goal).where(Goal.owner == owner)))
            for g in goals:
                s.delete(g)
            return len(goals)

    def add_mentor_note(self, mentor: str, mentee: str, *, notes: str, follow_ups: str = "", stage: str | None = None,
                        proposed_check_in: date | None = None) -> dict:
        """A mentor's notes after a session. The check-in date is only proposed: the mentee owns it."""
        with self.session() as s:
            note = MentorNote(mentor=mentor, mentee=mentee, notes=notes, follow_ups=follow_ups, stage=stage,
                              proposed_check_in=proposed_check_in)
            s.add(note)
            s.flush()
            return _note_dict(note)

    def mentor_notes(self, mentor: str, mentee: str) -> list[dict]:
        with self.session() as s:
            rows = s.scalars(select(MentorNote).where(MentorNote.mentor == mentor, MentorNote.mentee == mentee)
                             .order_by(MentorNote.id))
            return [_note_dict(n) for n in rows]

    def due_check_ins(self, owner: str, today: date | None = None) -> list[dict]:
        today = today or date.today()
        return [g for g in self.list_goals(owner)
                if g["status"] == "active" and g["next_check_in"] and date.fromisoformat(g["next_check_in"]) <= today]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _explain(exc: Exception, url: str) -> str:
    text = str(getattr(exc, "orig", exc))
    where = url.split("@")[-1]
    if "readonly" in text or "read-only" in text:
        return f"The goal database at {where} is read-only; nothing was changed. Check the file's permissions."
    if "locked" in text:
        return f"The goal database at {where} is busy (locked by another process); nothing was changed. Try again."
    if "not a database" in text or "malformed" in text:
        return f"The goal database at {where} is damaged; it was left untouched. Restore it from a backup or move it aside."
    if "disk" in text and "full" in text:
        return f"The disk holding {where} is full; nothing was changed."
    return f"The goal database at {where} could not be used: {text}"
