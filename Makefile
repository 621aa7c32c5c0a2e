# issuebench — the README's two set-up commands are `make bench` and `make test`.
SWIFT ?= swift
RELEASE_BIN := .build/release/issuebench

.PHONY: build bench test clean

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
