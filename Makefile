# Two commands a newcomer needs: `make serve` and `make test`. Both create .venv on first use.
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# Python keeps compiled modules in __pycache__ unless told not to. Some machines tell every program not to, and then
# each build, serve rebuild and `handbook check` compiled the handbook's code again (about 40 ms a run).
unexport PYTHONDONTWRITEBYTECODE
# Reproducible builds: dates in the output (sitemap, PDFs, zip entries) come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
# npm packages fetched at build time into an ignored cache, never committed.
IFRAME_WORKER := .cache/npm/iframe-worker-1.0.4/shim/index.js
OFFLINE_DIR   ?= build/offline-site
OFFLINE_ZIP   ?= dist/handbook-offline.zip
DIST_SITE     ?= dist/site

.PHONY: serve test build check schema system-packages clean offline dist bench

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages the browser, PDF and publishing tests need: chromium (driven by Playwright), poppler's pdftoppm and
# nginx (tests/test_publish.py serves the site with publish/nginx.conf), and the Noto CJK fonts the Chinese PDFs are
# set in (WeasyPrint embeds them). nginx is looked for where Debian puts it: /usr/sbin is not on every user's PATH.
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
system-packages:
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null && [ -x /usr/sbin/nginx ] && [ -f $(CJK_FONT) ] || \
	  ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium poppler-utils nginx fonts-noto-cjk >/dev/null)

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP) system-packages
	$(PYTHON) -m pytest

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

# A zip of the site that works from file://, search included: Material's offline plugin plus a local iframe-worker.
offline: $(STAMP) $(IFRAME_WORKER)
	HANDBOOK_OFFLINE=true $(VENV)/bin/mkdocs build --strict --quiet -d $(abspath $(OFFLINE_DIR))
	$(PYTHON) -m macros.site.offline $(OFFLINE_DIR) $(OFFLINE_ZIP)

# What to publish: the site as a web server serves it (every page and download, PDFs included) in dist/site, with a
# .gz beside each text file for servers that send those as they are (nginx's gzip_static, GitLab Pages), and the
# offline zip beside it. See "Publishing" in README.md.
dist: $(STAMP) offline
	$(VENV)/bin/mkdocs build --strict --quiet -d $(abspath $(DIST_SITE))
	sh publish/precompress.sh $(DIST_SITE)

$(IFRAME_WORKER):
	mkdir -p $(dir $(@D))
	cd .cache/npm && npm pack --silent iframe-worker@1.0.4 >/dev/null && \
	  echo "e8c5d12d87829c503afba01d67772ea9f4aba5b7ae57a0c98e1917711030efbb  iframe-worker-1.0.4.tgz" | sha256sum -c --quiet
	tar -xzf .cache/npm/iframe-worker-1.0.4.tgz -C $(dir $(@D)) --strip-components=1 package/shim/index.js

check: $(STAMP)
	$(VENV)/bin/handbook check

# Speed and size (build overhead, check scaling, live reload, page weight, PDFs, site build growth, Lighthouse):
# prints a table and writes benchmarks/RESULTS.md. Not part of `make test`; takes about 35 minutes.
# Lighthouse from npm, pinned with its dependency tree (12.x is the last to run on Node 20), in an ignored folder;
# benchmarks/lighthouse.py runs it from this path. No package of that tree runs an install script.
LIGHTHOUSE_DIR := .cache/npm/lighthouse-12.2.3
LIGHTHOUSE     := $(LIGHTHOUSE_DIR)/node_modules/lighthouse/cli/index.js

$(LIGHTHOUSE):
	mkdir -p $(LIGHTHOUSE_DIR)
	cd $(LIGHTHOUSE_DIR) && npm i -E --no-audit --no-fund --ignore-scripts --loglevel=error lighthouse@12.2.3

# envsubst (Debian's gettext-base) fills in publish/nginx.conf for the Lighthouse and first-visit rows, as its header says.
bench: $(STAMP) system-packages $(LIGHTHOUSE)
	@command -v envsubst >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext-base >/dev/null)
	$(PYTHON) -m benchmarks.run

schema: $(STAMP)
	$(VENV)/bin/handbook schema

clean:
	rm -rf site .pytest_cache
