# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
# `make check` is the quick loop while working: lint, types, the tests not marked `slow`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Test processes (pytest-xdist). The tests mostly wait on PostgreSQL, sockets and child
# processes, so twice the cores of the 2-core machine we measure on is fastest; 0: one process.
PYTEST_WORKERS ?= 4
PYTEST := $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

.PHONY: demo test check style typecheck lint bench clean

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

# The type checker, run by `make test` and `make check`: set up by issue 9 (mypy).
typecheck: $(VENV)/.installed-dev

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) data .pytest_cache
