"""A person in a browser: open the app, send a message, see the reply stream in (Debian's Chromium)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app(env):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"the app did not start: {proc.stdout.read()}")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_a_person_sends_a_message_and_sees_the_reply(app, fake):
    fake.chat_fn = lambda body: "It sounds like your manager has a plan for you."
    fake.token_delay_s = 0.01
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(app)
        page.wait_for_selector("#chat-input", timeout=60000)
        page.fill("#chat-input", "My manager wants me to get a PMP certification by June.")
        page.click("#chat-submit")
        page.get_by_text("It sounds like your manager has a plan for you.").wait_for(timeout=90000)
        page.get_by_text("What would reaching this goal give you?").wait_for(timeout=30000)
        assert page.get_by_text("Non-imposition guard").count() >= 1
        browser.close()
    assert any(r.get("stream") for r in fake.requests)
