# Two commands set up everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Silence the end-of-life banners in our own commands (see README, "Engines").
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Reproducible builds: the date MkDocs stamps into sitemap.xml comes from here.
# The core package lives in hooks/briefing; the CLI and the tests import it from there.
export PYTHONPATH := $(CURDIR)/hooks
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site serve test check bench site-properdocs clean browser-deps

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

site: $(VENV)/.runtime
	$(PY) -m mkdocs build --strict

serve: $(VENV)/.runtime
	$(PY) -m mkdocs serve --livereload

check: $(VENV)/.runtime
	$(PY) -m briefing check

# axe-core for the accessibility tests, from package-lock.json (skipped where npm is missing).
node_modules/.package-lock.json: package-lock.json
	if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; fi

test: $(VENV)/.dev node_modules/.package-lock.json
	$(PY) -m pytest

bench: $(VENV)/.dev
	$(PY) -m bench

VENV_PD := .venv-properdocs
$(VENV_PD)/.runtime: requirements-properdocs.txt
	$(PYTHON) -m venv $(VENV_PD)
	$(VENV_PD)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	touch $@

site-properdocs: $(VENV_PD)/.runtime
	$(VENV_PD)/bin/properdocs build --strict --site-dir site-properdocs

clean:
	rm -rf site site-properdocs .pytest_cache
