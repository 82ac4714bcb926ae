"""The scale path on real servers: Postgres for checkpoints and goals shared by two processes, a Chroma server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid

import httpx
import pytest

pytestmark = pytest.mark.slow

from assistant.goals import GoalStore, NotYours
from tests.conftest import waymark

PG = os.environ.get("WAYMARK_TEST_POSTGRES_URL")
needs_postgres = pytest.mark.skipif(not PG, reason="`make test` starts Postgres and sets WAYMARK_TEST_POSTGRES_URL")


@needs_postgres
def test_goal_store_on_postgres_keeps_revisions_and_owners_apart():
    ana, bo = f"ana-{uuid.uuid4().hex[:6]}", f"bo-{uuid.uuid4().hex[:6]}"
    one, two = GoalStore(PG), GoalStore(PG)
    g = one.create_goal(ana, "lead a project", kind="career", smarty={"specific": "lead"})
    one.revise(ana, g["id"], why="tab one", statement="lead two projects")
    two.revise(ana, g["id"], why="tab two", statement="lead one big project")
    final = one.get_goal(ana, g["id"])
    assert final["statement"] == "lead one big project" and len(final["revisions"]) == 3
    with pytest.raises(NotYours):
        two.get_goal(bo, g["id"])
    done = one.record_check_in(ana, g["id"], progress=30, helped="a peer")
    assert done["check_ins"][0]["progress"] == 30


@needs_postgres
def test_a_conversation_started_on_one_server_continues_on_another(tmp_path, env, fake):
    fake.chat_fn = lambda body: "It sounds like this matters to you."
    thread, user = f"shared-{uuid.uuid4().hex[:8]}", f"ana-{uuid.uuid4().hex[:6]}"
    script1, script2 = tmp_path / "one.txt", tmp_path / "two.txt"
    script1.write_text("My manager wants me to get certified.\n")
    script2.write_text("It would help my credibility.\n")
    server_a = {**env, "WAYMARK_DATABASE_URL": PG, "WAYMARK_DATA_DIR": str(tmp_path / "server-a")}
    server_b = {**env, "WAYMARK_DATABASE_URL": PG, "WAYMARK_DATA_DIR": str(tmp_path / "server-b")}
    assert waymark("replay", str(script1), "--thread", thread, "--user", user, env=server_a).returncode == 0
    done = waymark("replay", str(script2), "--thread", thread, "--user", user, "--json", env=server_b)
    assert done.returncode == 0, done.stderr
    turn = json.loads(done.stdout.splitlines()[0])
    assert turn["turn"] == 2 and turn["phase"] in ("explore", "examine")
    assert not (tmp_path / "server-b" / "checkpoints.sqlite").exists()


@pytest.fixture
def chroma_server(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    chroma = os.path.join(os.path.dirname(sys.executable), "chroma")
    proc = subprocess.Popen([chroma, "run", "--path", str(tmp_path / "chroma-server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    yield port
    proc.terminate()
    proc.wait(timeout=20)


def test_guidance_through_a_chroma_server(env, chroma_server):
    env = {**env, "WAYMARK_CHROMA_HOST": "127.0.0.1", "WAYMARK_CHROMA_PORT": str(chroma_server)}
    ingest = waymark("ingest", "--json", env=env)
    assert ingest.returncode == 0, ingest.stderr
    assert json.loads(ingest.stdout)["indexed_chunks"] > 200
    found = json.loads(waymark("search", "my boss chose this goal for me", "--json", env=env).stdout)
    assert found["degraded"] is None and found["results"][0]["id"] in ("smarty-yours", "examine-ready-made-goal")
