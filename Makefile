# The two commands of the README: `make run` and `make test`. Each sets itself up.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install install-dev system-deps run test fuzz lint format migrations-check worker beat clean

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

# Tests, lint and tools on top of the runtime (requirements-dev.txt includes requirements.txt).
$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

system-deps:
	@scripts/install-system-deps.sh

run: install system-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "The portal is at http://$(HOST):$(PORT)/ (Ctrl-C stops it)."
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev system-deps
	$(PY) -m pytest

# The property-based tests with a long budget (the suite runs them short).
fuzz: install-dev
	FUZZ_EXAMPLES=500 SCHEMA_FUZZ_EXAMPLES=100 $(PY) -m pytest \
		tests/test_fuzz_inputs.py tests/api/test_schema.py tests/api/test_hardening.py

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

worker: install
	$(VENV)/bin/celery -A summit worker --loglevel=info --max-tasks-per-child=50

beat: install
	$(VENV)/bin/celery -A summit beat --loglevel=info

clean:
	rm -rf $(VENV) staticfiles .test-media .pytest_cache
