# Two commands on a fresh machine with only python3 and make:
#   make run    set everything up, then launch the app
#   make test   set everything up, then run the whole suite offscreen
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast bench package e2e clean

# Re-installs only when the project's metadata changes; the package itself is editable.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/act-gui $(ARGS)

# The import contracts first (pyproject.toml, [tool.importlinter]), then every test.
test: $(STAMP)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest --ignore=tests/e2e $(PYTEST_ARGS)

# The quick loop while working: contracts and tests, without the subprocess and stamina tests.
test-fast: $(STAMP)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest --ignore=tests/e2e -m "not slow" $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench.py

# The standalone bundle (dist/act-gui/) and the Debian package (dist/*.deb).
package: $(STAMP)
	VENV=$(VENV) bash packaging/build.sh

# Build both, then install the .deb into a scratch folder and run it on a real X display.
e2e: package
	bash tests/e2e/setup.sh
	$(BIN)/python -m pytest tests/e2e -p no:cacheprovider $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
