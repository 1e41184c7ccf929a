# The two commands of the README: `make demo` and `make test`. Everything else is a step of them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB ?= wirescope.db

.PHONY: demo test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/wirescope ingest src/wirescope/demo/corpus --db $(DB)
	$(BIN)/wirescope summary --db $(DB)

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
