# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test typecheck floors lint bench clean

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

test: $(VENV)/.installed-dev typecheck
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# The fast tests against the lowest versions pyproject.toml allows (DEVELOPERS.md, "Floors").
FLOORS ?= /tmp/qunguan-floors
floors:
	rm -rf $(FLOORS)
	$(PYTHON) -m venv $(FLOORS)
	$(FLOORS)/bin/python -m pip install --quiet uv
	$(FLOORS)/bin/uv pip install --quiet --python $(FLOORS)/bin/python \
		--resolution lowest-direct -e ".[dev]"
	QUNGUAN_TEST_REQUIRE_SERVICES=1 $(FLOORS)/bin/python -m pytest -q \
		--ignore=tests/test_restart.py --ignore=tests/test_cli.py \
		--ignore=tests/telegram/test_cli.py -k "not kill and not stress"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache
