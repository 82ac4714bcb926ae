"""A server killed mid-turn (SIGKILL) and restarted: the thread resumes, no message lost or duplicated."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT, waymark


def test_a_turn_cut_off_by_sigkill_is_finished_once_on_restart(tmp_path, env, fake):
    env = {**env, "WAYMARK_READER": "model", "WAYMARK_WRITER": "model"}  # so the turn is mid-flight at the model
    fake.chat_fn = lambda body: "It sounds like this matters to you."
    first = tmp_path / "one.txt"
    first.write_text("My manager wants me to get certified.\n")
    assert waymark("replay", str(first), "--thread", "t-kill", "--user", "ana", env=env).returncode == 0
    second = tmp_path / "two.txt"
    second.write_text("It would help my credibility.\n")
    fake.fail(0, times=1, hang_s=60)  # the next model call hangs: the turn is mid-flight
    before = len(fake.requests)
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "replay", str(second), "--thread", "t-kill",
                             "--user", "ana"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(fake.requests) <= before and time.monotonic() < deadline:  # wait until the cut-off turn reached the model
        time.sleep(0.2)
    assert len(fake.requests) > before
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    fake.reset()
    fake.chat_fn = lambda body: "It sounds like this matters to you."
    again = waymark("replay", str(second), "--thread", "t-kill", "--user", "ana", "--json", env=env)
    assert again.returncode == 0, again.stderr
    export = tmp_path / "ana"
    waymark("memory", "export", "--user", "ana", "--out", str(export), env=env)
    history = json.loads(export.with_suffix(".json").read_text())["conversations"]["t-kill"]
    users = [m["content"] for m in history if m["role"] == "user"]
    assert users == ["My manager wants me to get certified.", "It would help my credibility."]
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
