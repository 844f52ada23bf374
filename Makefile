# `make run` and `make test` set themselves up on a fresh clone (Python 3.11+ and make).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM := $(shell command -v npm 2>/dev/null)
NODE_STAMP := node_modules/.package-lock.json

.PHONY: setup node run test lint typecheck unit bench clean catalogs

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

# The gettext catalogs (cards/locales/<lang>/LC_MESSAGES/meetingbot.po, in git) compiled to the
# .mo files the bot reads (not in git; a wheel gets them from setup.py's build step).
CATALOGS := cards/locales
MO_FILES := $(patsubst %.po,%.mo,$(wildcard $(CATALOGS)/*/LC_MESSAGES/meetingbot.po))

%/LC_MESSAGES/meetingbot.mo: %/LC_MESSAGES/meetingbot.po $(STAMP)
	$(BIN)/pybabel compile --statistics -l $(notdir $*) -i $< -o $@

setup: $(STAMP) $(MO_FILES)

# After changing user-visible words: extract them from the code into the template, and add
# the new ones (empty) to each full catalog; then translate them. pt_PT lists only what
# differs from pt_BR and is edited by hand. tests/unit/cards/test_catalogs.py fails until
# every catalog is complete.
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --ignore-dirs=".* ._ node_modules" -c TRANSLATORS: \
		--project="Teams Meeting Bot" --sort-by-file --no-wrap -o $(CATALOGS)/meetingbot.pot .
	for lang in pt_BR es de fr; do \
		$(BIN)/pybabel update -D meetingbot -i $(CATALOGS)/meetingbot.pot -d $(CATALOGS) \
			-l $$lang --no-wrap --ignore-obsolete --no-fuzzy-matching || exit 1; \
	done

# JavaScript for the browser tests (Adaptive Cards renderer, Agents Playground), pinned by
# package-lock.json. Without npm (or offline) the browser tests skip and say what is missing.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund || echo "npm ci failed: the browser tests will be skipped" >&2

ifneq ($(NPM),)
node: $(NODE_STAMP)
else
node:
	@echo "npm not found: the browser tests will be skipped (install Node.js 20 and npm)" >&2
endif

run: setup node
	$(BIN)/meeting-bot serve --playground

lint: setup
	$(BIN)/ruff check bot cards graph_emulator tests bench
	$(BIN)/ruff format --check bot cards graph_emulator tests bench
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

unit: setup node
	$(BIN)/pytest

test: lint typecheck unit

# bench_load (each bot in its own process, ratios against two floors) supersedes bench_turn
# here; bench_turn.py still runs by hand. Longer runs: $(BIN)/python bench/bench_load.py --help
bench: setup
	$(BIN)/pip install -q -e ".[bench]" || echo "bench extra not installed: the Agents SDK floor will be skipped" >&2
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_load.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache var $(MO_FILES)
