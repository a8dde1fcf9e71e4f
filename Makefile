# Two commands set up everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BRIEFING := $(VENV)/bin/briefing
# Silence the end-of-life banners in our own commands (see README, "Engines").
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Reproducible builds: the date MkDocs stamps into sitemap.xml comes from here.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site serve test check bench pdf site-properdocs clean

# The pinned dependencies, then this repository's own generator package (editable), the same
# package a briefing made with `briefing init` installs. It is byte-compiled here, as a regular
# install is: an editable one leaves that to the first import, and where PYTHONDONTWRITEBYTECODE
# is set (some CI images) each command would compile the generator again (40 ms of a `check`).
$(VENV)/.runtime: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m compileall -q hooks/briefing
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Built next to site/ and swapped in only when the build succeeds: a failed build leaves
# the last good site in place.
site: $(VENV)/.runtime
	@rm -rf .site.new
	$(PY) -m mkdocs build --strict --site-dir .site.new || { rm -rf .site.new; exit 1; }
	@rm -rf site && mv .site.new site

# Live preview: re-renders only what an edit touches, and shows problems in the browser.
serve: $(VENV)/.runtime
	$(BRIEFING) serve

check: $(VENV)/.runtime
	$(BRIEFING) check

# The print edition as site/briefing.pdf (WeasyPrint, offline).
pdf: site $(VENV)/.dev
	$(BRIEFING) pdf site

# Node tooling for the browser tests (axe-core, the Nu HTML checker), from package-lock.json;
# skipped where npm is missing.
node_modules/.package-lock.json: package-lock.json
	if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; fi

test: $(VENV)/.dev node_modules/.package-lock.json
	$(PY) -m pytest

bench: $(VENV)/.dev
	$(PY) -m bench

VENV_PD := .venv-properdocs
$(VENV_PD)/.runtime: requirements-properdocs.txt pyproject.toml
	$(PYTHON) -m venv $(VENV_PD)
	$(VENV_PD)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	$(VENV_PD)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

site-properdocs: $(VENV_PD)/.runtime
	$(VENV_PD)/bin/properdocs build --strict --site-dir site-properdocs

clean:
	rm -rf site .site.new site-properdocs .pytest_cache
