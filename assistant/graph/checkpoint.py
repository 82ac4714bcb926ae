"""The checkpointer: SQLite in the data folder by default, Postgres when WAYMARK_DATABASE_URL points at one,
so several server processes can share every conversation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from assistant.settings import Settings


def postgres_dsn(url: str) -> str | None:
    """A libpq DSN from a SQLAlchemy Postgres URL, or None for other databases."""
    if not url.startswith("postgresql"):
        return None
    scheme, rest = url.split("://", 1)
    return f"postgresql://{rest}"


@asynccontextmanager
async def open_checkpointer(settings: Settings) -> AsyncIterator:
    dsn = postgres_dsn(settings.database_url or "")
    if dsn:
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver

        async with AsyncPostgresSaver.from_conn_string(dsn) as saver:
            await saver.setup()
            yield saver
        return
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    settings.ensure_data_dir()
    async with AsyncSqliteSaver.from_conn_string(str(settings.checkpoint_path)) as saver:
        yield saver
