# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
# `make check` is the quick loop while working: lint, types, the tests not marked `slow`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Test processes (pytest-xdist). The tests mostly wait on PostgreSQL, sockets and child
# processes, so twice the cores of the 2-core machine we measure on is fastest; 0: one process.
PYTEST_WORKERS ?= 4
PYTEST := $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

.PHONY: demo console test check style typecheck floors lint bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Qunguan needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/qunguan demo

$(VENV)/.installed-web: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[web]"
	touch $@

# The HR web console on the demo's data (docs/web.md): plays the demo, adds the account
# `demo` (password CONSOLE_PASSWORD), serves http://127.0.0.1:8080/ until Ctrl+C.
CONSOLE_PASSWORD ?= qunguan-demo
DEMO_DB := sqlite://$(CURDIR)/data/demo.sqlite3
console: $(VENV)/.installed-web
	DATA_DIR=$(CURDIR)/data $(BIN)/qunguan demo > /dev/null
	printf '%s\n' "$(CONSOLE_PASSWORD)" | DATABASE_URL=$(DEMO_DB) $(BIN)/qunguan web user add demo
	@echo "log in as demo / $(CONSOLE_PASSWORD)"
	DATABASE_URL=$(DEMO_DB) DATA_DIR=$(CURDIR)/data $(BIN)/qunguan web --config data/demo-company.yaml

# Everything CI runs (.ci/run runs this).
test: style typecheck
	$(PYTEST)

# The quick loop: the same checks, the tests without the `slow` ones (see DEVELOPERS.md).
check: style typecheck
	$(PYTEST) -m "not slow"

# Lint and formatting, checked without changing anything (`make lint` fixes).
style: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The type checker, run by `make test` and `make check` (strict on bot/, see pyproject.toml).
typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# The fast tests against the lowest versions pyproject.toml allows (DEVELOPERS.md, "Floors").
FLOORS ?= /tmp/qunguan-floors
floors:
	rm -rf $(FLOORS)
	$(PYTHON) -m venv $(FLOORS)
	$(FLOORS)/bin/python -m pip install --quiet uv
	$(FLOORS)/bin/uv pip install --quiet --python $(FLOORS)/bin/python \
		--resolution lowest-direct --compile-bytecode -e ".[dev]"
	QUNGUAN_TEST_REQUIRE_SERVICES=1 $(FLOORS)/bin/python -m pytest -q -m "not slow"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache
