"""The goal record: goals in the person's words, every revision, actions, milestones and check-ins."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SMARTY_KEYS = ("specific", "measurable", "achievable", "relevant", "time_bound", "yours")
GOAL_KINDS = ("career", "developmental", "enabling", "emotional")
STATUSES = ("active", "achieved", "paused", "dropped")


def now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Goal(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(200), index=True)
    statement: Mapped[str] = mapped_column(Text)  # in the person's own words
    kind: Mapped[str] = mapped_column(String(20), default="developmental")
    smarty: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="active")
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    next_check_in: Mapped[date | None] = mapped_column(Date, nullable=True)
    thread_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    revisions: Mapped[list[Revision]] = relationship(back_populates="goal", cascade="all, delete-orphan", order_by="Revision.id")
    actions: Mapped[list[Action]] = relationship(back_populates="goal", cascade="all, delete-orphan", order_by="Action.id")
    milestones: Mapped[list[Milestone]] = relationship(back_populates="goal", cascade="all, delete-orphan", order_by="Milestone.id")
    check_ins: Mapped[list[CheckIn]] = relationship(back_populates="goal", cascade="all, delete-orphan", order_by="CheckIn.id")
    shares: Mapped[list[Share]] = relationship(back_populates="goal", cascade="all, delete-orphan")


class Revision(Base):
    """Every change to a goal: when, why, and what it replaced. Goals evolve; nothing is lost."""

    __tablename__ = "goal_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    why: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict] = mapped_column(JSON, default=dict)
    after: Mapped[dict] = mapped_column(JSON, default=dict)
    goal: Mapped[Goal] = relationship(back_populates="revisions")


class Action(Base):
    __tablename__ = "goal_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    done: Mapped[bool] = mapped_column(default=False)
    goal: Mapped[Goal] = relationship(back_populates="actions")


class Milestone(Base):
    __tablename__ = "goal_milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    reached: Mapped[date | None] = mapped_column(Date, nullable=True)
    celebrated: Mapped[bool] = mapped_column(default=False)
    goal: Mapped[Goal] = relationship(back_populates="milestones")


class CheckIn(Base):
    __tablename__ = "goal_check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    progress: Mapped[int] = mapped_column(Integer, default=0)  # 0-100
    helped: Mapped[str] = mapped_column(Text, default="")
    obstacles: Mapped[str] = mapped_column(Text, default="")
    feelings: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[Goal] = relationship(back_populates="check_ins")


class Share(Base):
    """A mentee's choice to let a named mentor see one goal (and its check-ins)."""

    __tablename__ = "goal_shares"
    __table_args__ = (UniqueConstraint("goal_id", "mentor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    mentor: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    goal: Mapped[Goal] = relationship(back_populates="shares")


class MentorNote(Base):
    """A mentor's own notes after a session: theirs to read, never shown to other mentors."""

    __tablename__ = "mentor_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    mentor: Mapped[str] = mapped_column(String(200), index=True)
    mentee: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_ups: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str | None] = mapped_column(String(10), nullable=True)
    proposed_check_in: Mapped[date | None] = mapped_column(Date, nullable=True)


class ProfileFact(Base):
    """Something the person said about themselves, with where it came from; forgotten facts stay forgotten."""

    __tablename__ = "profile_facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(200), index=True)
    field: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    source_words: Mapped[str] = mapped_column(Text, default="")
    thread_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    forgotten: Mapped[bool] = mapped_column(default=False)


class MemoryPrefs(Base):
    """Whether Waymark may learn from this person's messages."""

    __tablename__ = "memory_prefs"

    owner: Mapped[str] = mapped_column(String(200), primary_key=True)
    learning: Mapped[bool] = mapped_column(default=True)


class Thread(Base):
    """Which conversations belong to whom: export and deletion must find every one of them."""

    __tablename__ = "conversations"  # "threads" belongs to Chainlit's data layer, in the same database
    __table_args__ = (Index("ix_conversations_owner", "owner"),)

    thread_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    first_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    last_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


# Chainlit's own data layer (chat history shown in the browser) shares the database. Its tables follow
# Chainlit's documented schema, with portable types so SQLite and Postgres both hold them.
class ChainlitUser(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    identifier: Mapped[str] = mapped_column(Text, unique=True)
    metadata_: Mapped[str] = mapped_column("metadata", Text, default="{}")
    createdAt: Mapped[str | None] = mapped_column(Text, nullable=True)


class ChainlitThread(Base):
    __tablename__ = "threads"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    createdAt: Mapped[str | None] = mapped_column(Text, nullable=True)
    name: Mapped[str | None] = mapped_column(Text, nullable=True)
    userId: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=True)
    userIdentifier: Mapped[str | None] = mapped_column(Text, nullable=True)
    tags: Mapped[str | None] = mapped_column(Text, nullable=True)
    metadata_: Mapped[str | None] = mapped_column("metadata", Text, nullable=True)


class ChainlitStep(Base):
    __tablename__ = "steps"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(Text)
    threadId: Mapped[str] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    parentId: Mapped[str | None] = mapped_column(Text, nullable=True)
    streaming: Mapped[bool] = mapped_column(default=False)
    waitForAnswer: Mapped[bool | None] = mapped_column(nullable=True)
    isError: Mapped[bool | None] = mapped_column(nullable=True)
    metadata_: Mapped[str | None] = mapped_column("metadata", Text, nullable=True)
    tags: Mapped[str | None] = mapped_column(Text, nullable=True)
    input: Mapped[str | None] = mapped_column(Text, nullable=True)
    output: Mapped[str | None] = mapped_column(Text, nullable=True)
    createdAt: Mapped[str | None] = mapped_column(Text, nullable=True)
    command: Mapped[str | None] = mapped_column(Text, nullable=True)
    start: Mapped[str | None] = mapped_column(Text, nullable=True)
    end: Mapped[str | None] = mapped_column(Text, nullable=True)
    generation: Mapped[str | None] = mapped_column(Text, nullable=True)
    showInput: Mapped[str | None] = mapped_column(Text, nullable=True)
    language: Mapped[str | None] = mapped_column(Text, nullable=True)
    indent: Mapped[int | None] = mapped_column(nullable=True)
    defaultOpen: Mapped[bool | None] = mapped_column(nullable=True)
    autoCollapse: Mapped[bool | None] = mapped_column(nullable=True)
    icon: Mapped[str | None] = mapped_column(Text, nullable=True)
    modes: Mapped[str | None] = mapped_column(Text, nullable=True)


class ChainlitElement(Base):
    __tablename__ = "elements"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    threadId: Mapped[str | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), nullable=True)
    type: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    chainlitKey: Mapped[str | None] = mapped_column(Text, nullable=True)
    name: Mapped[str | None] = mapped_column(Text, nullable=True)
    display: Mapped[str | None] = mapped_column(Text, nullable=True)
    objectKey: Mapped[str | None] = mapped_column(Text, nullable=True)
    size: Mapped[str | None] = mapped_column(Text, nullable=True)
    page: Mapped[int | None] = mapped_column(nullable=True)
    language: Mapped[str | None] = mapped_column(Text, nullable=True)
    forId: Mapped[str | None] = mapped_column(Text, nullable=True)
    mime: Mapped[str | None] = mapped_column(Text, nullable=True)
    props: Mapped[str | None] = mapped_column(Text, nullable=True)


class ChainlitFeedback(Base):
    __tablename__ = "feedbacks"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    forId: Mapped[str] = mapped_column(Text)
    threadId: Mapped[str] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
