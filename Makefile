# RAG take-home harness. `make` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SEED   ?= 7

.DEFAULT_GOAL := help
.PHONY: help setup demo test lint corpus goldens bench-corpus bench

help:  ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $@

setup: $(STAMP)  ## create .venv and install the harness with test and dev tools

demo: $(STAMP)  ## bundle (medium, seed $(SEED)) → grade the starter and the reference → reports in out/demo/grades
	$(VENV)/bin/takehome bundle --profile medium --seed $(SEED) --candidate demo --out out/demo --force
	$(VENV)/bin/takehome solution reference --key out/demo/key --bundle out/demo/bundle \
	  --out out/demo/reference --force
	@iso=$$(command -v bwrap >/dev/null 2>&1 && echo bwrap || echo none); \
	  [ $$iso = bwrap ] || echo "bwrap is not installed: the demo grades its own code unisolated"; \
	  set -e; \
	  $(VENV)/bin/takehome grade out/demo/bundle --key out/demo/key --out out/demo/grades/baseline \
	    --isolation $$iso --no-baseline --force; \
	  $(VENV)/bin/takehome grade out/demo/reference --key out/demo/key \
	    --out out/demo/grades/reference --isolation $$iso --force
	@echo
	@echo "reports: out/demo/grades/baseline/ and out/demo/grades/reference/ (report.json, report.html, report.md)"

test: $(STAMP)  ## run the harness's test suite (slow tests included)
	$(PY) -m pytest

lint: $(STAMP)  ## ruff check
	$(VENV)/bin/ruff check exercise corpus grader candidate_template tests benchmarks

corpus: $(STAMP)  ## regenerate the committed default variant (corpus/default) with seed $(SEED)
	$(VENV)/bin/takehome corpus generate --seed $(SEED) --profile medium --out corpus/default --force

goldens: $(STAMP)  ## regenerate the committed files derived from code (docs/report.schema.json)
	$(PY) -m grader.grade.report_schema docs/report.schema.json

bench-corpus: $(STAMP)  ## time corpus generation (default variant and 10,000 documents)
	$(PY) benchmarks/bench_generate.py

bench: $(STAMP)  ## measure the performance budget on the reference (~10 min) → benchmarks/results/bench.json
	$(PY) benchmarks/bench.py --seed $(SEED)
