"""The one settings object: every run-time choice, read from the environment once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WAYMARK_", env_file=".env", extra="ignore")

    # Model endpoint. Unset means: start the embedded llama.cpp server, so nothing leaves the machine.
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "WAYMARK_OPENAI_BASE_URL")
    )
    openai_api_key: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "WAYMARK_OPENAI_API_KEY")
    )
    model: str = Field(default="", description="Model name at the endpoint; empty picks the endpoint's first model.")
    json_mode: Literal["auto", "json_schema", "json_object"] = Field(
        default="auto",
        description="How structured output is requested: OpenAI's json_schema, or llama.cpp's json_object+schema. "
        "auto picks json_object for the embedded server and json_schema elsewhere.",
    )
    llm_timeout_s: float = Field(default=60.0, description="Timeout for every model call.")
    llm_retries: int = Field(default=2, description="Retries after a failed model call (429, 5xx, timeout, bad JSON).")
    embedded_ctx: int = Field(default=4096, description="Context window of the embedded model.")
    embedded_threads: int = Field(default=2, description="CPU threads for the embedded model.")
    embedded_start_timeout_s: float = 90.0
    embedded_url: str | None = Field(
        default=None, description="Set by `waymark serve` for its app process: an embedded server already running."
    )

    data_dir: Path = Field(default=Path(".waymark"), description="Where every database and index lives.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite in the data dir.")
    chroma_host: str | None = Field(default=None, description="A Chroma server; unset means an embedded index.")
    chroma_port: int = 8000
    chroma_dir: Path | None = Field(default=None, description="Embedded index folder; default chroma/ in the data dir.")
    knowledge_dir: Path = Field(default=Path(__file__).resolve().parent.parent / "knowledge")
    guidance_embedder: Literal["mpnet", "minilm", "tuned"] = Field(
        default="tuned",
        description="Embedding model of the guidance index: tuned is MiniLM fine-tuned on questions people ask about "
        "these notes (built by `make setup`), with a note prior; it ranks best at MiniLM's cost (evals/retrieval/). "
        "mpnet and minilm are the general encoders. Each has its own index; `waymark ingest` fills it.",
    )

    reader: Literal["auto", "local", "model"] = Field(
        default="auto",
        description="Who reads each message: the local rules and classifiers, or the model (structured output) with "
        "the local reading as the rails. auto: local for the embedded model, model for a configured endpoint.",
    )
    writer: Literal["auto", "template", "model"] = Field(
        default="auto",
        description="Who writes reflections: templates over the reading, or the model (checked, templates as the "
        "fallback). auto: templates for the embedded model, the model for a configured endpoint.",
    )
    safety_resources: Path | None = Field(
        default=None, description="A YAML of human help shown in the safety reply; default: international options."
    )

    host: str = "127.0.0.1"
    port: int = 8000
    max_message_chars: int = Field(default=4000, description="Longer messages are refused with a clear reply.")
    recent_turns: int = Field(default=6, description="Turns of conversation sent to the model; older ones live in the summary.")
    redact: Literal["auto", "always", "never"] = Field(
        default="auto", description="Redact names, emails and phones before text is sent: auto = only to hosted models."
    )
    retention_days: int | None = Field(default=None, description="`waymark retention` deletes conversations older than this.")
    users_file: Path | None = Field(default=None, description="Password file for the UI; default users.yaml in the data dir.")

    @property
    def uses_embedded_model(self) -> bool:
        return not self.openai_base_url

    @property
    def model_reads(self) -> bool:
        return self.reader == "model" or (self.reader == "auto" and not self.uses_embedded_model)

    @property
    def model_writes(self) -> bool:
        return self.writer == "model" or (self.writer == "auto" and not self.uses_embedded_model)

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "waymark.sqlite"

    @property
    def checkpoint_path(self) -> Path:
        return self.data_dir / "checkpoints.sqlite"

    @property
    def goals_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"

    @property
    def chroma_path(self) -> Path:
        return self.chroma_dir or self.data_dir / "chroma"

    @property
    def documents_dir(self) -> Path:
        """Documents mentors uploaded to the library, kept so a rebuilt index takes them in again."""
        return self.data_dir / "documents"

    def ensure_data_dir(self) -> Path:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
