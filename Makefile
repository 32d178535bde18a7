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

demo: $(STAMP)  ## bundle (medium, seed $(SEED)) → grade the starter, the sound (textbook) solution and the reference → side by side
	rm -rf out/demo  # the demo's own folder: each run starts afresh (bundle refuses a used one)
	$(VENV)/bin/takehome bundle --profile medium --seed $(SEED) --candidate demo --out out/demo --force
	@set -e; for solution in sound reference; do \
	  $(VENV)/bin/takehome solution $$solution --key out/demo/key --bundle out/demo/bundle \
	    --out out/demo/$$solution --force; \
	done
	@iso=$$(command -v bwrap >/dev/null 2>&1 && echo bwrap || echo none); \
	  [ $$iso = bwrap ] || echo "bwrap is not installed: the demo grades its own code unisolated"; \
	  set -e; \
	  $(VENV)/bin/takehome grade out/demo/bundle --key out/demo/key --out out/demo/grades/baseline \
	    --isolation $$iso --no-baseline --force; \
	  for solution in sound reference; do \
	    $(VENV)/bin/takehome grade out/demo/$$solution --key out/demo/key \
	      --out out/demo/grades/$$solution --isolation $$iso --force; \
	  done
	@echo
	$(VENV)/bin/takehome compare out/demo/grades/baseline out/demo/grades/sound \
	  out/demo/grades/reference --out out/demo/comparison.md
	@echo
	@echo "reports: out/demo/grades/{baseline,sound,reference}/ (report.json, report.html, report.md);"
	@echo "the table above: out/demo/comparison.md"

test: $(STAMP)  ## run the harness's test suite (slow tests included): two workers, then the serial tests alone
	@status=0; \
	  $(PY) -m pytest -n 2 --dist loadfile -m "not serial" || status=$$?; \
	  $(PY) -m pytest -m serial || status=$$?; \
	  exit $$status

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
