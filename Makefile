# Waymark: `make run` sets everything up and starts the app; `make test` sets up and runs the tests.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(PYTHON) -m uv
PORT ?= 8000

.PHONY: setup run test test-fast bench browser postgres clean
PG_URL := postgresql+psycopg://waymark:waymark@127.0.0.1:5432/waymark_test

setup: $(VENV)/.synced
	@# The safety recogniser's labelled examples, embedded once (about two minutes the first time; a no-op after).
	@$(BIN)/python -c "from assistant.reading.risk_neighbours import reference; print(len(reference()[1]), 'safety examples ready')"
	@# The guidance encoder, tuned to this library's questions (about five minutes the first time; a no-op after).
	@$(BIN)/python -m assistant.knowledge.tuned
	@# The span tagger, fitted on the labelled messages (about a minute the first time; a no-op after).
	@$(BIN)/python -m assistant.reading.tagger

$(VENV)/.synced: pyproject.toml uv.lock
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || { echo "==> Installing uv (the package installer)"; $(PYTHON) -m pip install --quiet uv; }
	@echo "==> Installing the locked dependencies into $(VENV) with uv."
	@echo "    The first time, llama-cpp-python compiles from source: allow several minutes on 2 cores."
	@# The CPU build of torch lies in the machine's wheel folder (see pyproject's [tool.uv] find-links).
	$(UV) sync --frozen
	@touch $@

index: setup
	@$(BIN)/waymark ingest

run: setup
	@echo "==> Indexing the guidance library if it changed"
	@$(BIN)/waymark ingest
	@echo "==> Starting Waymark on http://127.0.0.1:$(PORT) (embedded model unless OPENAI_BASE_URL is set)"
	@$(BIN)/waymark serve --port $(PORT)

browser:
	@command -v chromium >/dev/null 2>&1 || { echo "==> Installing Debian's Chromium for the browser test"; \
	  (apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null)); }

# The scale-path tests run against a real Postgres on loopback (Debian's package, started here when absent).
postgres:
	@command -v pg_ctlcluster >/dev/null 2>&1 || { echo "==> Installing Debian's PostgreSQL for the scale-path tests"; \
	  (apt-get install -y postgresql >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y postgresql >/dev/null)); }
	@v=$$(ls /usr/lib/postgresql | sort -n | tail -1); pg_lsclusters -h | grep -q " online" || pg_ctlcluster $$v main start
	@su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='waymark'\"" | grep -q 1 || \
	  su postgres -c "psql -qc \"CREATE ROLE waymark LOGIN PASSWORD 'waymark'\""
	@su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='waymark_test'\"" | grep -q 1 || \
	  su postgres -c "psql -qc 'CREATE DATABASE waymark_test OWNER waymark'"

test: setup browser postgres
	@echo "==> Running the tests"
	WAYMARK_TEST_POSTGRES_URL=$(PG_URL) $(BIN)/pytest -q

# The inner loop: everything but the browser, Postgres, eval-suite and real-model tests (a few minutes).
test-fast: setup
	$(BIN)/pytest -q -m "not slow"

bench: setup
	@$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .waymark
