# TF Katas — every command is a make target; each runs `make setup` first if needed.
#   make kata N=05      run kata 05 against your code        make hint N=05   next hint
#   make check          prove every kata (solutions, stubs, wrong answers)
# The work is done by the helper package: `.venv/bin/python -m tfkatas --help` (learners) and
# `.venv/bin/python -m tfkatas dev --help` (kata authors).

PYTHON_BOOTSTRAP ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
# GPU=1 or GPU=0 chooses the build; without GPU= the build already installed is kept, so
# `make setup GPU=1` then `make check DEVICE=gpu` stays on the CUDA build.
FLAVOUR := $(if $(GPU),$(if $(filter 1 yes true,$(GPU)),gpu,cpu),$(if $(wildcard $(VENV)/.installed-gpu),gpu,cpu))
REQUIREMENTS := requirements/$(FLAVOUR).txt
STAMP := $(VENV)/.installed-$(FLAVOUR)
TFKATAS := @$(PYTHON) -m tfkatas
MAKEFLAGS += --no-print-directory

.DEFAULT_GOAL := help
.PHONY: help setup list kata hint check stubs readme progress reset restore watch pair grade data bench soak release autograder class-report notebooks solution check-notebooks learner-diagnosis

help:
	@echo "TF Katas — learn TensorFlow 2 / Keras 3 by doing."
	@echo "  make kata N=05     run kata 05's tests against your code"
	@echo "                     (FOCUS=1: one failure at a time, V=1: tracebacks)"
	@echo "  make hint N=05     the next hint for kata 05 (ALL=1: every hint)"
	@echo "  make watch N=05    re-run kata 05 on every save (no N: first unsolved)"
	@echo "  make progress      every kata's status and your score"
	@echo "  make list          every kata, in order"
	@echo "  make pair N=05     watch for two: DRIVER=Ana NAVIGATOR=Bo MINUTES=7 swap roles"
	@echo "  make reset N=05    pristine stub back (make restore N=05: yours back)"
	@echo "  make grade         grade every kata: grade.json and grade.xml (JUnit)"
	@echo "                     (SUBMISSION=dir: grade those files; FORMAT=gradescope)"
	@echo "  make solution N=05 the reference answer beside yours, once kata 05 is solved"
	@echo "  make notebooks     one Jupyter notebook per kata in notebooks/ (%kata NN)"
	@echo "  make data          download MNIST once (kata 12 uses bundled digits offline)"
	@echo "  make setup         create .venv with pinned packages (GPU=1: CUDA build)"
	@echo "  Hints and titles in Chinese: KATA_LANG=zh make hint N=05"
	@echo ""
	@echo "For kata authors (python -m tfkatas dev ...):"
	@echo "  make check         prove every kata: solutions, stubs, wrong answers"
	@echo "                     (N=05: one kata, V=1: who caught what, DEVICE=gpu)"
	@echo "  make stubs         regenerate katas/ from solutions/ (backs up edits)"
	@echo "  make readme        regenerate README.md's kata table"
	@echo "  make bench         performance figures into bench.json (SKIP_CHECK=1)"
	@echo "  make soak          the training katas' solutions on SEEDS=10 seeds (N=24)"
	@echo "  make check-notebooks  every generated notebook in a real Jupyter kernel"
	@echo "  make learner-diagnosis  wrong answers run as learners' files: how many named"
	@echo "  make release DEST=dir  the student repository: no solutions/ or wrong answers"
	@echo "  make autograder    autograder.zip for Gradescope (setup.sh, run_autograder)"
	@echo "  make class-report GRADES=dir  one page and a CSV from many grade.json files"
	@echo "                     (SUBMISSIONS=dir: grade each student's folder first)"

# The stamp records which requirements file is installed; editing it re-runs the install.
setup: $(STAMP)
$(STAMP): $(REQUIREMENTS)
	@test -x $(PYTHON) || $(PYTHON_BOOTSTRAP) -m venv $(VENV)
	@echo "Installing the pinned environment into $(VENV) (first run only; a few minutes)…"
	@# tensorflow-cpu and tensorflow (CUDA) install the same package: switching builds removes the other first.
	@$(PYTHON) -m pip uninstall --quiet --yes $(if $(filter gpu,$(FLAVOUR)),tensorflow-cpu,tensorflow) 2>/dev/null || true
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check -r $(REQUIREMENTS)
	@rm -f $(VENV)/.installed-*
	@touch $@

list: setup
	$(TFKATAS) list

kata: setup
	$(TFKATAS) kata $(N) $(if $(filter 1,$(V)),--verbose) $(if $(filter 1,$(FOCUS)),--focus)

hint: setup
	$(TFKATAS) hint $(N) $(if $(filter 1,$(ALL)),--all)

check: setup
	$(TFKATAS) dev check $(N) $(if $(DEVICE),--device $(DEVICE)) $(if $(filter 1,$(V)),--explain)

check-notebooks: setup
	$(TFKATAS) dev check-notebooks $(N)

learner-diagnosis: setup
	$(TFKATAS) dev learner-diagnosis $(N) $(if $(PER_KATA),--per-kata $(PER_KATA))

stubs: setup
	$(TFKATAS) dev stubs $(N)

readme: setup
	$(TFKATAS) dev readme

progress: setup
	$(TFKATAS) progress $(if $(filter 1,$(RERUN)),--rerun)

reset: setup
	$(TFKATAS) reset $(N)

restore: setup
	$(TFKATAS) restore $(N) $(if $(filter 1,$(LIST)),--list)

watch: setup
	$(TFKATAS) watch $(N) $(if $(filter 1,$(AUTO_NEXT)),--auto-next)

pair: setup
	$(TFKATAS) pair $(N) $(if $(MINUTES),--minutes $(MINUTES)) $(if $(DRIVER),--driver "$(DRIVER)") $(if $(NAVIGATOR),--navigator "$(NAVIGATOR)")

grade: setup
	$(TFKATAS) grade $(if $(SUBMISSION),--submission "$(SUBMISSION)") $(if $(FORMAT),--format $(FORMAT))

data: setup
	$(TFKATAS) data

solution: setup
	$(TFKATAS) solution $(N) $(if $(filter 1,$(FORCE)),--force)

notebooks: setup
	$(TFKATAS) notebooks $(N)

bench: setup
	$(TFKATAS) dev bench $(if $(DEVICE),--device $(DEVICE)) $(if $(filter 1,$(SKIP_CHECK)),--skip-check)

soak: setup
	$(TFKATAS) dev soak $(N) $(if $(SEEDS),--seeds $(SEEDS))

release: setup
	$(if $(DEST),,$(error make release needs DEST=dir, a new or empty directory for the student repository))
	$(TFKATAS) dev release $(DEST)

autograder: setup
	$(TFKATAS) dev autograder

class-report: setup
	$(TFKATAS) dev class-report --grades "$(or $(GRADES),class-report/grades)" $(if $(SUBMISSIONS),--submissions "$(SUBMISSIONS)")

# An unknown target gets one line and a pointer, not make's own error.
.DEFAULT:
	$(error there is no target '$@'; `make help` lists the commands)
