# issuebench — the README's two set-up commands are `make bench` and `make test`.
SWIFT ?= swift
RELEASE_BIN := .build/release/issuebench
# The regression gate runs the debug build `make test` leaves in $(SCRATCH): CI has no time for a
# release build, and on the virtual clock the figures compared do not depend on the build.
SCRATCH ?= .build
DEBUG_BIN := $(SCRATCH)/debug/issuebench
GATE_SCENARIO := Scenarios/ci-gate.json
GATE_BASELINE := Results/baseline.json
# Figures read on the virtual clock: identical on every machine and build. Peak RSS and CPU time
# are host measurements (a debug build's differ from a release build's, one machine's from
# another's), so the gate leaves them out of the comparison; the scenario caps peak RSS instead
# with an absolute threshold.
GATE_METRICS := throughput,efficiency,p50LatencyMs,p95LatencyMs,p99LatencyMs

.PHONY: build bench test clean debug gate baseline

## build: release build of the issuebench executable
build:
	$(SWIFT) build -c release --product issuebench

## bench: the shipped phase comparison on the embedded simulated API, printed as a table
bench: build
	$(RELEASE_BIN) run Scenarios/seed-phase-comparison.json

## test: build and run the whole test suite (debug build)
test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## clean: remove build products (results in Results/ are kept)
clean:
	rm -rf .build

## debug: debug build of the executable (a no-op right after `make test`, which builds it too)
debug:
	$(SWIFT) build --scratch-path $(SCRATCH) --product issuebench

## gate: the CI regression gate: runs Scenarios/ci-gate.json and compares it with Results/baseline.json
## (exit 1: a regression, a failed threshold or a failed verification; exit 2: not comparable)
gate: debug
	$(DEBUG_BIN) check --baseline $(GATE_BASELINE) --metrics $(GATE_METRICS) $(GATE_SCENARIO)

## baseline: regenerate Results/baseline.json on purpose, after a change meant to move the figures
baseline: debug
	$(DEBUG_BIN) run $(GATE_SCENARIO) --save-baseline $(GATE_BASELINE)
