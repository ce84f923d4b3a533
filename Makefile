# One front door: README and .ci/run call these targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint bench bench-triage bench-import clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install civility (+ test tools) into it

run: install  ## migrate, ensure the demo article, serve on http://127.0.0.1:$${PORT:-8000}
	$(BIN)/civility serve

test: install  ## the whole suite (SQLite unless DATABASE_URL says otherwise)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check civility tests benchmarks

# The five UI languages (docs/languages.md): collect new strings into civility/locale/*/LC_MESSAGES/*.po,
# then compile the .mo files (committed, so that a fresh checkout needs no gettext tools). Needs GNU gettext.
LOCALES := -l ru -l az -l tr -l hy
messages: install
	cd civility && CIVILITY_DATA_DIR=../var DJANGO_SETTINGS_MODULE=civility.settings.base ../$(BIN)/python -m django makemessages $(LOCALES) -d django --no-obsolete --no-location --ignore 'classify/data/*' --ignore 'triage/data/*'
	cd civility && CIVILITY_DATA_DIR=../var DJANGO_SETTINGS_MODULE=civility.settings.base ../$(BIN)/python -m django makemessages $(LOCALES) -d djangojs --no-obsolete --no-location
	cd civility && CIVILITY_DATA_DIR=../var DJANGO_SETTINGS_MODULE=civility.settings.base ../$(BIN)/python -m django compilemessages --ignore '.venv'

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache

bench: install  ## production server under wrk (BENCH_DB=sqlite|postgres, BENCH_SECONDS per row); docs/benchmarks.md
	$(BIN)/python -m benchmarks.http

bench-triage: install  ## in-process triage throughput/latency, near-duplicate lookup (BENCH_N, default 100000), a flood of one text
	$(BIN)/python -m benchmarks.triage
	$(BIN)/python -m benchmarks.neardup --n $${BENCH_N:-100000}
	$(BIN)/python -m benchmarks.flood --copies 2000

bench-import: install  ## `civility import` of a generated Disqus export (BENCH_N comments, default 100000): time, peak memory
	$(BIN)/python -m benchmarks.importing --comments $${BENCH_N:-100000}
