# news-archive: every command a user or CI needs. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material prints an end-of-life banner on every build; it says nothing about this project.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install ingest serve build test test-fast eval-ingest eval-tagging train-ner train-ner-en bench fuzz clean

help:
	@echo "make serve        set up .venv, ingest content/, serve on http://127.0.0.1:8000"
	@echo "make test         set up .venv, run the whole test suite"
	@echo "make install      set up .venv only"
	@echo "make build        ingest and build the site into site/ (strict)"
	@echo "make eval-ingest  measure reader quality on ../shared/data/news-dev-de"
	@echo "make eval-tagging measure tags against ../shared/data/news-dev-de gold (and the dev sets)"
	@echo "make train-ner    train the German NER model (long; CPU)"
	@echo "make train-ner-en train the English NER model (long; CPU)"
	@echo "make bench        ingest, site-build and search benchmarks (long; appends to BENCHMARKS.md)"
	@echo "make fuzz         fuzz the readers for a few minutes (FUZZ_MINUTES=3)"

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

ingest: install
	$(BIN)/news-archive ingest

serve: ingest
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: ingest
	$(BIN)/mkdocs build --strict

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser and not slow"

eval-ingest: install
	$(BIN)/python benchmarks/eval_ingest.py

eval-tagging: install
	$(BIN)/python benchmarks/eval_entities.py --show $${SHOW:-30}
	$(BIN)/python benchmarks/eval_tagging.py

train-ner: install
	bash training/ner/train.sh

train-ner-en: install
	bash training/ner/train_en.sh

bench: install
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/search_bench.py

fuzz: install
	$(BIN)/python benchmarks/fuzz_readers.py --minutes $${FUZZ_MINUTES:-3}

clean:
	rm -rf site site_src/articles .news-archive-cache test-output
