"""A person in a browser: open the app, send a message, see the reply stream in (Debian's Chromium)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

import httpx
import pytest

pytestmark = pytest.mark.slow
from playwright.sync_api import sync_playwright

from tests.conftest import ROOT
from tests.test_scale import PG

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(env: dict, *, until: str = "/ready"):
    """Start `waymark serve`; return once `until` answers 200 ("/ready": a turn can be served; "/": the page loads)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + until, timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    else:
        stop(proc, signal.SIGKILL)
        pytest.fail(f"the app did not start: {proc.stdout.read()}")
    return url, proc


def stop(proc, sig: int = signal.SIGTERM) -> None:
    """Signal the server's whole process group: SIGKILL must take the app down too, as a real crash would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    proc.wait(timeout=30)


@pytest.fixture
def app(env):
    url, proc = serve(env)
    yield url
    stop(proc)


@pytest.fixture
def app_with_accounts(env, tmp_path):
    from assistant.goals import GoalStore
    from assistant.settings import Settings
    from assistant.users import add_user

    settings = Settings(data_dir=tmp_path / "data")
    add_user(settings, "maria", "maria-pass-1", "mentor")
    add_user(settings, "zoe", "zoe-pass-12", "mentor")
    add_user(settings, "ana", "ana-pass-12", "mentee")
    store = GoalStore(settings.goals_url)
    goal = store.create_goal("ana", "lead one project end to end by June", kind="career", smarty={})
    store.share("ana", goal["id"], "maria")
    add_user(settings, "bo", "bo-pass-1234", "mentee")
    late = store.create_goal("bo", "speak at one meetup this spring", kind="developmental", smarty={})
    store.share("bo", late["id"], "maria")
    from datetime import date, timedelta

    store.revise("bo", late["id"], why="test: overdue", next_check_in=date.today() - timedelta(days=9))
    url, proc = serve(env)
    yield url
    stop(proc)


@pytest.fixture
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def sign_in(page, url: str, name: str, password: str) -> None:
    page.goto(url)
    page.fill("#email", name)
    page.fill("#password", password)
    page.click("text=Sign In")
    page.wait_for_selector("#chat-input", timeout=60000)


def choose_profile(page, name: str) -> None:
    page.click("text=Self-coaching")
    page.click(f"[role=option]:has-text('{name}')")
    page.wait_for_timeout(1000)
    if page.query_selector("text=Confirm"):
        page.click("text=Confirm")


def send(page, text: str) -> None:
    page.fill("#chat-input", text)
    page.click("#chat-submit", timeout=120000)


OWNERSHIP = "How much of this goal is yours"
WHY = "What would reaching this goal give you?"


def begin_manager_conversation(page) -> None:
    """Turn 1 of a conversation about a goal someone else set: the coach asks whose it is."""
    page.get_by_text("not a therapist").wait_for(timeout=90000)  # the consent notice comes first
    send(page, "My manager wants me to get a PMP certification by June.")
    page.get_by_text(OWNERSHIP).wait_for(timeout=90000)


def continue_manager_conversation(page) -> None:
    """Turn 2 of the same conversation: only the graph's saved state makes the coach move on to why."""
    send(page, "It's mostly hers, honestly.")
    page.get_by_text(WHY).wait_for(timeout=90000)


def test_a_person_sends_a_message_and_sees_the_reply(app, fake, browser):
    page = browser.new_page()
    page.goto(app)
    page.get_by_text("not a therapist").wait_for(timeout=90000)  # the consent notice comes first
    assert page.get_by_text("Everything stays on this machine").count() == 1  # the fake model is on loopback
    send(page, "My manager wants me to get a PMP certification by June.")
    page.get_by_text("your manager", exact=False).first.wait_for(timeout=90000)  # the reflection names who set it
    page.get_by_text(OWNERSHIP).wait_for(timeout=30000)
    page.get_by_text("Checked: no advice or goal imposed").first.wait_for(timeout=30000)  # the guard's decision
    assert page.get_by_text("Used ").count() == 0


def test_the_page_says_it_is_getting_ready_then_shows_waymarks_face(env, fake, browser, tmp_path):
    """Opened during warm-up (a fresh data folder: the index is built as the app starts), the page says why it
    waits; then the consent notice replaces it, under Waymark's own logo and name."""
    # The warm-up ends with the model's check, which the fake holds until the page has said it is getting ready:
    # otherwise a warm-up faster than the page's first connection would race the assertion.
    fake.models_gate = threading.Event()
    url, proc = serve({**env, "WAYMARK_CHROMA_DIR": str(tmp_path / "fresh-index"), "WAYMARK_LLM_TIMEOUT_S": "600"},
                      until="/")
    try:
        assert httpx.get(url + "/ready", timeout=5).status_code == 503
        page = browser.new_page()
        page.goto(url)
        page.get_by_text("Waymark is getting ready").wait_for(timeout=240000)
        assert httpx.get(url + "/ready", timeout=5).status_code == 503
        fake.models_gate.set()
        page.get_by_text("not a therapist").wait_for(timeout=240000)
        assert page.get_by_text("Waymark is getting ready").count() == 0
        assert httpx.get(url + "/ready", timeout=5).status_code == 200
        logo = httpx.get(url + "/logo?theme=light", timeout=5)
        assert logo.status_code == 200 and logo.content == (ROOT / "public" / "logo_light.png").read_bytes()
        assert httpx.get(url + "/favicon", timeout=5).content == (ROOT / "public" / "favicon.png").read_bytes()
        assert page.title() == "Waymark"
        page.screenshot(path=str(tmp_path / "light.png"))
        page.emulate_media(color_scheme="dark")
        page.screenshot(path=str(tmp_path / "dark.png"))
    finally:
        fake.models_gate.set()
        stop(proc)


def test_sign_in_is_required_and_a_wrong_password_is_refused(app_with_accounts, browser):
    for method, route in (("GET", "/user"), ("POST", "/project/threads"), ("GET", "/project/thread/x"),
                          ("POST", "/project/file")):
        assert httpx.request(method, f"{app_with_accounts}{route}", json={}, timeout=5).status_code == 401, route
    page = browser.new_page()
    page.goto(app_with_accounts)
    page.fill("#email", "ana")
    page.fill("#password", "wrong-password")
    page.click("text=Sign In")
    page.wait_for_timeout(2000)
    assert page.query_selector("#chat-input") is None


def test_a_trainer_uploads_a_zoom_vtt_and_gets_the_report(app_with_accounts, browser):
    page = browser.new_page()
    sign_in(page, app_with_accounts, "maria", "maria-pass-1")
    choose_profile(page, "Transcript review")
    page.wait_for_selector("input[type=file]", state="attached", timeout=60000)
    page.set_input_files("input[type=file]", str(ROOT / "examples" / "zoom-session.vtt"))
    page.get_by_text("Moments to look at again").wait_for(timeout=90000)
    assert page.get_by_text("You should definitely do it").count() >= 1
    assert page.get_by_text("transcript-review.html").count() >= 1


def test_session_prep_works_for_a_shared_mentor_and_refuses_another(app_with_accounts, browser):
    page = browser.new_page()
    sign_in(page, app_with_accounts, "maria", "maria-pass-1")
    choose_profile(page, "Session prep")
    page.get_by_text("Which mentee are you preparing to meet?").wait_for(timeout=60000)
    send(page, "ana")
    page.get_by_text("Open questions").wait_for(timeout=60000)
    assert page.get_by_text("lead one project end to end by June").count() >= 1
    other = browser.new_context().new_page()
    sign_in(other, app_with_accounts, "zoe", "zoe-pass-12")
    choose_profile(other, "Session prep")
    other.get_by_text("Which mentee are you preparing to meet?").wait_for(timeout=60000)
    send(other, "ana")
    other.get_by_text("has not shared any goals with zoe").wait_for(timeout=60000)
    assert other.get_by_text("lead one project end to end by June").count() == 0


def test_a_mentor_sees_who_needs_attention_prepares_and_gets_cited_options(app_with_accounts, browser, tmp_path):
    page = browser.new_page()
    sign_in(page, app_with_accounts, "maria", "maria-pass-1")
    choose_profile(page, "Session prep")
    page.get_by_text("My mentees (maria)").wait_for(timeout=60000)
    body = page.inner_text("body")
    assert body.index("bo — check-in overdue") < body.index("ana —")  # the overdue mentee first
    page.click("text=Prepare for bo")
    page.get_by_text("Session plan: bo").wait_for(timeout=60000)
    send(page, "How do I raise that his goal sounds like his manager's and not his own?")
    page.get_by_text("A few approaches you could weigh").wait_for(timeout=90000)
    reply = page.inner_text("body")
    assert "examine-ready-made-goal" in reply or "smarty-yours" in reply  # each approach names its note
    assert "Questions you could ask bo" in reply
    from assistant.goals import GoalStore
    from assistant.memory.profile import Memory
    from assistant.settings import Settings

    assert Memory(GoalStore(Settings(data_dir=tmp_path / "data").goals_url)).profile("bo") == []


def test_a_person_sees_and_exports_what_waymark_remembers(app_with_accounts, browser):
    page = browser.new_page()
    sign_in(page, app_with_accounts, "ana", "ana-pass-12")
    page.get_by_text("not a therapist").wait_for(timeout=90000)
    page.click("text=What you remember")
    page.get_by_text("Learning is").wait_for(timeout=60000)
    page.click("text=Export everything")
    page.get_by_text("waymark-ana.json").wait_for(timeout=60000)


def test_chat_history_survives_a_server_restart_and_stays_private(env, tmp_path, browser, fake):
    from assistant.settings import Settings
    from assistant.users import add_user

    fake.chat_fn = lambda body: "It sounds like your manager has a plan for you."
    settings = Settings(data_dir=tmp_path / "data")
    add_user(settings, "ana", "ana-pass-12", "mentee")
    add_user(settings, "bo", "bo-pass-123", "mentee")
    url, proc = serve(env)
    page = browser.new_page()
    sign_in(page, url, "ana", "ana-pass-12")
    begin_manager_conversation(page)
    page.wait_for_timeout(1500)
    stop(proc, signal.SIGKILL)  # the server dies; a new one starts on the same data
    url, proc = serve(env)
    try:
        page = browser.new_page()
        sign_in(page, url, "ana", "ana-pass-12")
        page.click("text=My manager wants me to get", timeout=60000)  # the thread, from the history sidebar
        page.get_by_text(OWNERSHIP).wait_for(timeout=60000)
        continue_manager_conversation(page)
        other = browser.new_context().new_page()
        sign_in(other, url, "bo", "bo-pass-123")
        other.wait_for_timeout(3000)
        assert other.get_by_text("My manager wants me to get").count() == 0
    finally:
        stop(proc)


def test_a_person_deletes_everything_from_the_chat(app_with_accounts, browser):
    page = browser.new_page()
    sign_in(page, app_with_accounts, "ana", "ana-pass-12")
    page.get_by_text("not a therapist").wait_for(timeout=90000)
    page.click("text=What you remember")
    page.get_by_text("Learning is").wait_for(timeout=60000)
    page.click("text=Delete everything")
    page.get_by_text("This cannot be undone").wait_for(timeout=60000)
    page.get_by_role("button", name="Delete everything").last.click()
    page.get_by_text("Deleted:").wait_for(timeout=60000)


@pytest.mark.skipif(not PG, reason="`make test` starts Postgres and sets WAYMARK_TEST_POSTGRES_URL")
def test_two_servers_on_postgres_carry_one_conversation(env, tmp_path, browser, fake):
    """Behind a load balancer: the conversation begun on server A goes on from server B, history and state
    both read from Postgres (Chainlit's data layer and LangGraph's checkpointer), nothing kept locally."""
    from assistant.settings import Settings
    from assistant.users import add_user

    fake.chat_fn = lambda body: "It sounds like your manager has a plan for you."
    name, password = f"ana{uuid.uuid4().hex[:6]}", "ana-pass-12"
    users = tmp_path / "users.yaml"
    add_user(Settings(data_dir=tmp_path, users_file=users), name, password, "mentee")
    shared = {**env, "WAYMARK_DATABASE_URL": PG, "WAYMARK_USERS_FILE": str(users), "CHAINLIT_AUTH_SECRET": "s" * 48}
    url_a, proc_a = serve({**shared, "WAYMARK_DATA_DIR": str(tmp_path / "server-a")})
    url_b, proc_b = serve({**shared, "WAYMARK_DATA_DIR": str(tmp_path / "server-b")})
    try:
        page = browser.new_page()
        sign_in(page, url_a, name, password)
        begin_manager_conversation(page)
        page.wait_for_url("**/thread/**", timeout=30000)
        thread_path = page.url.split(url_a, 1)[1]
        page.wait_for_timeout(1500)

        other = browser.new_context().new_page()
        sign_in(other, url_b, name, password)  # a token signed by A's twin secret would do too; sign in as a person would
        other.goto(url_b + thread_path)
        other.get_by_text(OWNERSHIP).wait_for(timeout=60000)  # history from Postgres
        continue_manager_conversation(other)  # the graph state came along
        for local in ("checkpoints.sqlite", "waymark.sqlite"):
            assert not (tmp_path / "server-b" / local).exists(), local
    finally:
        for proc in (proc_a, proc_b):
            stop(proc)


def test_stopping_waymark_serve_stops_the_app_it_started(env):
    """A service manager signals the process it started; the Chainlit app under it must not live on."""
    url, proc = serve(env)
    proc.send_signal(signal.SIGTERM)  # to `waymark serve` alone, not its group
    proc.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
        except httpx.HTTPError:
            return
        time.sleep(0.5)
    stop(proc, signal.SIGKILL)
    pytest.fail("the app still answers after `waymark serve` was stopped")


def test_a_mentor_adds_a_programme_document_to_the_library(own_index_env, browser, tmp_path):
    from assistant.settings import Settings
    from assistant.users import add_user

    settings = Settings(data_dir=tmp_path / "data")
    add_user(settings, "maria", "maria-pass-1", "mentor")
    add_user(settings, "ana", "ana-pass-12", "mentee")
    url, proc = serve(own_index_env)
    try:
        doc = tmp_path / "buddy-scheme.md"
        doc.write_text("# Buddy scheme\nEvery new starter in our programme is paired with a buddy from another team "
                       "for their first ninety days, meeting fortnightly over lunch.\n")
        page = browser.new_page()
        sign_in(page, url, "maria", "maria-pass-1")
        choose_profile(page, "Guidance library")
        page.wait_for_selector("input[type=file]", state="attached", timeout=60000)
        page.set_input_files("input[type=file]", str(doc))
        page.get_by_text("Added buddy-scheme (1 passage)").wait_for(timeout=90000)
        page.get_by_text("now finds buddy-scheme").wait_for(timeout=10000)  # retrievable at once
        assert (tmp_path / "data" / "documents" / "buddy-scheme.md").exists()  # kept for a rebuilt index

        mentee = browser.new_context().new_page()
        sign_in(mentee, url, "ana", "ana-pass-12")
        choose_profile(mentee, "Guidance library")
        mentee.get_by_text("for mentors and programme admins").wait_for(timeout=60000)
    finally:
        stop(proc)
