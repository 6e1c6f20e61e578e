# One command for lint, format check, types and tests: `make check`.
.PHONY: check lint types test bench

check: lint types test

lint:
	ruff check .
	ruff format --check .

types:
	mypy

test:
	python -m pytest -q

bench:
	python bench/fanout.py
	python bench/ack_latency.py
	python bench/votes.py
	python bench/digest.py
