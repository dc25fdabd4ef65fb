# onrecord: `make demo` sets up .venv and runs the demo; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SHARED := ../shared
DEMO_DB := demo.db

.PHONY: demo test venv dev lint typecheck unit eval seed bench clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	$(PIP) install -q --no-deps -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed
dev: $(VENV)/.dev-installed

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/onrecord ingest demo/corpus --db $(DEMO_DB)
	$(VENV)/bin/onrecord stats --db $(DEMO_DB)
	$(VENV)/bin/onrecord conflicts --db $(DEMO_DB)

lint: dev
	$(VENV)/bin/ruff check src tests eval bench
	$(VENV)/bin/ruff format --check src tests eval bench

typecheck: dev
	$(VENV)/bin/mypy

unit: dev
	$(VENV)/bin/pytest -q -x

eval: dev
	$(PY) eval/gate.py

seed: venv
	$(PY) eval/seed.py

test: dev
	$(MAKE) --no-print-directory lint typecheck unit eval seed

bench: dev
	$(PY) bench/stage_cost.py
	$(PY) bench/check_scale.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
