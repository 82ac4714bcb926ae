"""Screenshot the running app as a person would see it: open, send a message, wait for the reply.

    python scripts/screenshot.py URL OUT.png [MESSAGE] [WAIT_MS] [light|dark]
"""

import sys

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

url, out = sys.argv[1], sys.argv[2]
message = sys.argv[3] if len(sys.argv) > 3 else "My manager wants me to get a PMP certification by June."
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    scheme = sys.argv[5] if len(sys.argv) > 5 else "light"
    page = browser.new_page(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
    # Chainlit keeps the person's choice of theme (its toggle in the header) here; set it as if they had chosen.
    page.add_init_script(f"localStorage.setItem('vite-ui-theme', '{scheme}')")
    page.goto(url)
    page.get_by_text("not a therapist").wait_for(timeout=60000)
    page.fill("#chat-input", message)
    page.click("#chat-submit")
    page.wait_for_timeout(int(sys.argv[4]) if len(sys.argv) > 4 else 15000)
    page.screenshot(path=out, full_page=True)
    browser.close()
