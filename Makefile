# Two commands on a fresh machine, each setting up what it needs (a virtual environment in
# .venv, made once and again whenever pyproject.toml changes):
#   make demo    the offline tour, against a stand-in for Slack
#   make check   lint, format check, types and the whole test suite (what CI runs)
.PHONY: demo check lint types test bench

PYTHON3 ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

$(READY): pyproject.toml
	$(PYTHON3) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(READY)

demo: $(READY)
	$(BIN)/ritualbot demo

check: lint types test

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(READY)
	$(BIN)/mypy

test: $(READY)
	$(BIN)/python -m pytest -q

bench: $(READY)
	$(BIN)/python bench/fanout.py
	$(BIN)/python bench/ack_latency.py
	$(BIN)/python bench/votes.py
	$(BIN)/python bench/digest.py
	$(BIN)/python bench/reading.py
	$(BIN)/python bench/faults.py
