# Two commands for a fresh machine:
#   make demo   set up .venv and extract the bundled sample reports into out/sample.duckdb
#   make test   set up .venv and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: setup demo test lint bench
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/xxgk extract corpora/sample --out out/sample.duckdb

test: setup
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4

lint: setup
	$(BIN)/ruff check nlp tests benchmarks

bench: setup
	$(BIN)/python -m benchmarks
