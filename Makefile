# RAG take-home harness. `make` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SEED   ?= 7

.DEFAULT_GOAL := help
.PHONY: help setup demo test lint corpus bench-corpus

help:  ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $@

setup: $(STAMP)  ## create .venv and install the harness with test and dev tools

demo: $(STAMP)  ## build a candidate bundle (medium, seed $(SEED)) into out/demo, verify its key, print statistics
	$(VENV)/bin/takehome bundle --profile medium --seed $(SEED) --candidate demo --out out/demo --force
	$(VENV)/bin/takehome corpus verify out/demo/key
	$(VENV)/bin/takehome corpus stats out/demo/key

test: $(STAMP)  ## run the harness's test suite (slow tests included)
	$(PY) -m pytest

lint: $(STAMP)  ## ruff check
	$(VENV)/bin/ruff check exercise corpus grader candidate_template tests benchmarks

corpus: $(STAMP)  ## regenerate the committed default variant (corpus/default) with seed $(SEED)
	$(VENV)/bin/takehome corpus generate --seed $(SEED) --profile medium --out corpus/default --force

bench-corpus: $(STAMP)  ## time corpus generation (default variant and 10,000 documents)
	$(PY) benchmarks/bench_generate.py
