# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint translations update-translations bench screenshots clean dist test-dist

run: $(VENV)/.installed $(QM)
	build/system-packages.sh run
	$(BIN)/spm-luring gui

test: $(VENV)/.installed-dev $(QM)
	build/system-packages.sh test
	$(MAKE) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 --dist loadgroup

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check desktop hub tests bench build
	$(BIN)/ruff format --check desktop hub tests bench build
	$(BIN)/lint-imports

# The venv is made once; a fresh Ubuntu has python3 without its venv module, so that is installed first.
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { build/python-venv.sh $(PYTHON) && $(PYTHON) -m venv --clear $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[dev,hub]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-dist: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[dist]'
	touch $@ $(VENV)/.installed

# The one-folder build for this machine (dist/spm-luring/), and on Linux the tarball with its .desktop file
# (and an AppImage when appimagetool is installed). PyInstaller's work folder is build/work (git-ignored).
dist: $(VENV)/.installed-dist $(QM)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath build/work --distpath dist build/spm_luring.spec
	build/linux-package.sh dist

# The frozen program passes its own self-test and the checks of tests/dist (run by .ci/run after `make test`).
test-dist: dist $(VENV)/.installed-dev
	SPM_LURING_FROZEN_APP=$(CURDIR)/dist/spm-luring/spm-luring QT_QPA_PLATFORM=offscreen $(BIN)/pytest tests/dist

# Compiled translations are built, not committed.
resources/i18n/%.qm: resources/i18n/%.ts | $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Re-reads the sources for user-facing strings; translate the new ones in Qt Linguist, then commit the .ts.
update-translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -source-language id -target-language en $$(find desktop -name '*.py' | sort) -ts resources/i18n/spm_luring_en.ts

bench: $(VENV)/.installed-dev $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The README's pictures, taken of the real window on a virtual X display.
screenshots: $(VENV)/.installed-dev $(QM)
	build/system-packages.sh test
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python build/screenshots.py

clean:
	rm -rf $(VENV) $(QM) dist build/work .pytest_cache .hypothesis
