"""Shared fixtures: the fake OpenAI server on loopback, settings pointing at it, and a real coach."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fake_openai import FakeModel, FakeOpenAIServer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def fake_server():
    with FakeOpenAIServer() as model:
        yield model


@pytest.fixture
def fake(fake_server: FakeModel) -> FakeModel:
    fake_server.reset()
    return fake_server


@pytest.fixture(scope="session")
def shared_chroma(tmp_path_factory) -> Path:
    """One embedded index for the session, built here once: the library does not change between tests, and no
    test should spend its own time limit on the first ingest (about 40 s with the default embedder)."""
    from assistant.knowledge.index import SemanticIndex, chroma_client
    from assistant.knowledge.library import Library
    from assistant.settings import Settings

    path = tmp_path_factory.mktemp("chroma")
    settings = Settings(chroma_dir=path, data_dir=path.parent / "index-build")
    SemanticIndex(chroma_client(settings), settings.guidance_embedder).sync_library(Library.from_folder(settings.knowledge_dir))
    return path


@pytest.fixture
def settings(fake: FakeModel, tmp_path: Path, shared_chroma: Path):
    from assistant.settings import Settings

    # The reader and writer the embedded model gets by default; tests of the model's own reading set them apart.
    return Settings(openai_base_url=fake.base_url, openai_api_key="test", data_dir=tmp_path / "data",
                    chroma_dir=shared_chroma, llm_timeout_s=5, llm_retries=1, reader="local", writer="template")


@pytest.fixture
def env(fake: FakeModel, tmp_path: Path, shared_chroma: Path) -> dict:
    """Environment for running `waymark` as a subprocess against the fake model."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("WAYMARK_", "OPENAI_"))}
    e.update({"OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "test", "WAYMARK_DATA_DIR": str(tmp_path / "data"),
              "WAYMARK_CHROMA_DIR": str(shared_chroma), "WAYMARK_LLM_TIMEOUT_S": "5",
              "WAYMARK_READER": "local", "WAYMARK_WRITER": "template"})
    return e


@pytest.fixture
def own_index_env(env: dict, shared_chroma: Path, tmp_path: Path) -> dict:
    """`env` with an index of the test's own, for tests that add documents: a copy of the built shared one."""
    shutil.copytree(shared_chroma, tmp_path / "own-index")
    return {**env, "WAYMARK_CHROMA_DIR": str(tmp_path / "own-index")}


@pytest.fixture
async def coach(settings):
    from assistant.coach import open_coach

    async with open_coach(settings) as c:
        yield c


def waymark(*args: str, env: dict, timeout: float = 300, input: str | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("waymark", path=str(Path(sys.executable).parent)) or "waymark"
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT, input=input)
