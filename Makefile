# Obzvon — the two commands: `make run` (demo stack) and `make test` (everything CI checks).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV := $(PYTHON) -m uv
RUN := $(UV) run --frozen
NPM := npm --prefix frontend
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export OBZVON_SECRET_KEY_FILE ?= $(CURDIR)/var/secret.key
DB_NAME ?= obzvon
export OBZVON_DIALER_PBX_CONFIG_DIR ?= $(CURDIR)/var/asterisk
export OBZVON_NUMBERING_DIR ?= $(abspath $(CURDIR)/../shared/numbering)
export OBZVON_DATABASE_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/$(DB_NAME)

.PHONY: help run test deps uv py-deps fe-deps chromium services db secret seed frontend \
        numbering bench bench-pacing lint py-lint fe-lint test-py test-fe e2e openapi api-client format

help:
	@echo "make run   — install what is missing, migrate, seed a demo, start every service and pbx-sim"
	@echo "make test  — everything CI checks (lint, types, Python tests, SPA unit and browser tests)"

run: deps services db numbering seed frontend
	$(RUN) obzvon dev-stack

test: deps chromium services lint test-py test-fe e2e

# --- installation -------------------------------------------------------------------------------
deps: py-deps fe-deps

uv:
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv

py-deps: uv
	$(UV) sync --frozen --quiet

fe-deps:
	@if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then \
		$(NPM) ci --no-audit --no-fund; fi

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

services:
	@infra/scripts/ensure-services.sh

secret:
	@mkdir -p var && [ -s var/secret.key ] || { $(PYTHON) -c "import base64,os;print(base64.urlsafe_b64encode(os.urandom(32)).decode())" > var/secret.key; chmod 600 var/secret.key; }

db: secret
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$(DB_NAME)'" | grep -q 1 \
		|| psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $(DB_NAME)"
	$(RUN) obzvon migrate

seed:
	$(RUN) obzvon seed-demo

# The mobile numbering-plan registry (region, time zone, carrier of each number), from OBZVON_NUMBERING_DIR.
numbering:
	$(RUN) obzvon numbering import

frontend: fe-deps
	$(NPM) run build

# --- checks -------------------------------------------------------------------------------------
lint: py-lint fe-lint

py-lint:
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy libs services tests

fe-lint: openapi
	$(NPM) run lint
	$(NPM) run typecheck
	$(NPM) run check:api

# The SPA's typed client comes from this document; check:api fails when the committed types are stale.
openapi:
	@$(RUN) obzvon openapi --out frontend/openapi.json.new
	@cmp -s frontend/openapi.json frontend/openapi.json.new || { rm -f frontend/openapi.json.new; \
		echo "frontend/openapi.json is stale: run 'make api-client' and commit the result" >&2; exit 1; }
	@rm -f frontend/openapi.json.new

api-client:
	$(RUN) obzvon openapi --out frontend/openapi.json
	$(NPM) run gen:api

# pytest exits 5 when it collects nothing: that is a failure here, never a pass.
test-py:
	$(RUN) pytest -q -p no:cacheprovider

test-fe:
	$(NPM) run test

e2e: frontend
	$(RUN) python -m tests.e2e.run_browser_tests

# Timed benchmarks (not part of `make test`); results are JSON under bench/results/.
bench: deps services
	$(RUN) python -m bench.numbering_bench
	$(RUN) python -m bench.import_bench

# The dialing-mode comparison of the pacing simulator (about 15 min on two idle cores; --seeds 5 is quicker).
bench-pacing: deps
	$(RUN) python -m bench.pacing

format:
	$(RUN) ruff format .
	$(RUN) ruff check --fix .
