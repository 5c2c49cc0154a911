# jiefen — developer entry points. Start with `make run` (demo site on http://127.0.0.1:8000)
# and `make test` (whole suite on SQLite, then on a throw-away PostgreSQL 15 cluster).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP_FLAGS := --disable-pip-version-check -q
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv run test lint bench

help:
	@echo "make run    - install (first time), migrate, load the demo county, serve on 127.0.0.1:8000"
	@echo "make test   - run the test suite on SQLite and on PostgreSQL 15 (scripts/test.sh)"
	@echo "              extra pytest arguments: make test PYTEST_ARGS='-x -k cases'"
	@echo "make lint   - ruff check + ruff format --check"
	@echo "make bench  - run the benchmarks (python -m bench.run)"

# Internal: (re)install only when pyproject.toml or constraints.txt changed since the last install,
# so a second `make run` starts at once.
venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "error: '$(PYTHON) -m venv' failed (on Debian: apt-get install python3-venv)" >&2; \
	  rm -rf $(VENV); exit 1; }
	$(BIN)/pip install $(PIP_FLAGS) -c constraints.txt -e '.[test]'
	@touch $@

run: venv
	$(BIN)/jiefen migrate --noinput
	$(BIN)/jiefen collectstatic --noinput -v0
	$(BIN)/jiefen demo --if-empty
	$(BIN)/jiefen serve

test: venv
	bash scripts/test.sh $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: venv
	$(BIN)/python -m bench.run
