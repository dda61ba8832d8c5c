# The project's commands: `make site`, `make add`, `make check`, `make test`, `make serve` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := site

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
NAME := migration-governance-archive
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
BUNDLE := dist/$(NAME)-offline-$(VERSION).zip
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Fixed timestamp for reproducible bundles: the last commit's date, or 2026-01-01.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)
export SOURCE_DATE_EPOCH

# The Web Worker shim that keeps search working from file:// (npm package, pinned, checksummed).
SHIM_VERSION := 1.0.4
SHIM_SHA256 := e8c5d12d87829c503afba01d67772ea9f4aba5b7ae57a0c98e1917711030efbb
SHIM := docs/assets/vendor/iframe-worker/shim.js
# axe-core, the accessibility rules the browser tests run on the built pages (npm package, pinned, checksummed).
AXE_VERSION := 4.14.1
AXE_SHA256 := e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
AXE := build/vendor/axe-core/axe.min.js

# Zensical, the theme's successor, builds the same mkdocs.yml into site-zensical/ (see README.md).
ZENSICAL_VENV := .venv-zensical
ZENSICAL_CONFIG := .zensical.yml

.PHONY: site docs add check serve test test-deps bench zensical zensical-site clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

$(SHIM):
	@tmp=$$(mktemp -d) && \
	  (cd $$tmp && npm pack --silent iframe-worker@$(SHIM_VERSION) >/dev/null) && \
	  echo "$(SHIM_SHA256)  $$tmp/iframe-worker-$(SHIM_VERSION).tgz" | sha256sum --check --quiet && \
	  tar -xzf $$tmp/iframe-worker-$(SHIM_VERSION).tgz -C $$tmp package/shim/index.js package/LICENSE && \
	  mkdir -p $(dir $(SHIM)) && cp $$tmp/package/shim/index.js $(SHIM) && \
	  cp $$tmp/package/LICENSE $(dir $(SHIM))LICENSE && rm -rf $$tmp
	@echo "fetched iframe-worker $(SHIM_VERSION) into $(SHIM)"

$(AXE):
	@tmp=$$(mktemp -d) && \
	  (cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null) && \
	  echo "$(AXE_SHA256)  $$tmp/axe-core-$(AXE_VERSION).tgz" | sha256sum --check --quiet && \
	  tar -xzf $$tmp/axe-core-$(AXE_VERSION).tgz -C $$tmp package/axe.min.js package/LICENSE && \
	  mkdir -p $(dir $(AXE)) && cp $$tmp/package/axe.min.js $(AXE) && \
	  cp $$tmp/package/LICENSE $(dir $(AXE))LICENSE && rm -rf $$tmp
	@echo "fetched axe-core $(AXE_VERSION) into $(AXE)"

docs: $(VENV)/.installed
	$(PY) -m build_tools build

site: docs $(SHIM)
	$(PY) -m build_tools site --bundle $(BUNDLE)

# make add FILE=path/to/document.pdf [URL=https://where.it/came/from.pdf] [SYMBOL=A/RES/70/296]
add: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "usage: make add FILE=document.pdf [URL=https://...] [SYMBOL=...]" >&2; exit 2; }
	$(PY) -m build_tools add "$(FILE)" $(if $(URL),--url "$(URL)") $(if $(SYMBOL),--symbol "$(SYMBOL)")

# The quick loop before a pull request: docs/ up to date, quality thresholds, glossary, and a strict
# MkDocs build with anchors checked (into a temporary folder). No browser, no link checker.
check: $(VENV)/.installed
	$(PY) -m build_tools check
	$(PY) -m build_tools verify
	$(PY) -m build_tools glossary --check
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  echo "mkdocs build --strict (anchors checked)" && \
	  $(VENV)/bin/mkdocs build --strict --quiet --site-dir "$$tmp/site"
	@echo "make check: all good"

serve: $(VENV)/.installed $(SHIM)
	$(PY) -m build_tools build
	$(VENV)/bin/mkdocs serve --livereload

test-deps: $(VENV)/.test-installed $(AXE)
	@command -v chromium >/dev/null || { \
	  echo "installing Debian's chromium"; \
	  sudo=; \
	  if [ "$$(id -u)" != 0 ]; then \
	    sudo=$$(command -v sudo) || { echo "chromium is missing and installing it needs root or sudo" >&2; exit 1; }; \
	  fi; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: test-deps site zensical-site
	$(PY) -m pytest

$(ZENSICAL_VENV)/.installed: constraints-zensical.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet -r constraints-zensical.txt
	touch $@

# Zensical has no option for the output folder: it reads site_dir from a copy of mkdocs.yml.
zensical-site: $(ZENSICAL_VENV)/.installed docs $(SHIM)
	@{ grep -v '^site_dir:' mkdocs.yml; echo "site_dir: site-zensical"; } > $(ZENSICAL_CONFIG)
	$(ZENSICAL_VENV)/bin/zensical build --clean -f $(ZENSICAL_CONFIG); status=$$?; rm -f $(ZENSICAL_CONFIG); exit $$status

zensical: zensical-site $(VENV)/.test-installed
	$(PY) -m pytest -m zensical

# make bench [SIZES=5,100,1000]: the whole pipeline at scale (see build_tools/bench.py).
SIZES ?= 5,100,1000

bench: test-deps $(SHIM)
	$(PY) -m build_tools bench --sizes $(SIZES)

clean:
	rm -rf site site-zensical dist build .cache .pytest_cache
