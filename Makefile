# rawi: two commands to start — `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.dev-installed

.PHONY: install dev demo test lint bench gazetteer lexicon clean train-ner

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

dev: $(DEVSTAMP)

$(DEVSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(DEVSTAMP)

demo: install
	$(BIN)/rawi analyze examples/ --format pretty

test: dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/throughput.py

gazetteer: install
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/python scripts/places_build_gazetteer.py

train-ner: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 nice $(BIN)/python -m rawi.ner.clusters
	nice $(BIN)/python -m rawi.ner.train
	OMP_NUM_THREADS=1 nice $(BIN)/python -m rawi.ner.neural_train --pipeline --quiet

lexicon: install
	$(BIN)/python scripts/build_lexicon.py

bench-time: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/time_speed.py 3000
	$(BIN)/python bench/time_peers.py
	$(BIN)/python bench/time_wojood.py test

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
