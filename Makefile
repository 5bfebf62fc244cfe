# Two commands a newcomer needs: `make serve` and `make test`. Both create .venv on first use.
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check schema system-packages clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages the browser and PDF tests need: chromium (driven by Playwright) and poppler's pdftoppm.
system-packages:
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null || \
	  ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium poppler-utils >/dev/null)

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP) system-packages
	$(PYTHON) -m pytest

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

check: $(STAMP)
	$(VENV)/bin/handbook check

schema: $(STAMP)
	$(VENV)/bin/handbook schema

clean:
	rm -rf site .pytest_cache
