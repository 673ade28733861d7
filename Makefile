# Claimdesk — the commands a newcomer needs. Each target sets up what it
# needs first (system packages, npm packages), skipping what is there.

SHELL := /bin/bash
CARGO ?= cargo
SHARED ?= ../shared

.PHONY: setup ui run build test e2e bench bench-claims bench-ui package bindings

setup:
	@.ci/setup.sh

ui: setup
	cd ui && npm run build

## Build and open the desktop app (under Xvfb when there is no display).
run: ui
	$(CARGO) build -p claimdesk
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then ./target/debug/claimdesk; \
	else echo "No display: starting under Xvfb"; xvfb-run -a -s "-screen 0 1280x800x24" ./target/debug/claimdesk; fi

## The release binary at target/release/claimdesk.
build: ui
	$(CARGO) build --release -p claimdesk

## Every test: Rust unit and integration tests, then the UI's.
test: ui
	$(CARGO) test --workspace --no-fail-fast
	cd ui && npm test
	$(MAKE) --no-print-directory e2e

## End-to-end tests: drives the real window under Xvfb through WebDriver
## (tauri-driver + WebKitWebDriver). Screenshots and logs in target/e2e/.
e2e: ui
	$(CARGO) build -p claimdesk
	tests/e2e/run.sh

## Regenerate the UI's TypeScript types from the Rust types (a test fails when they are stale).
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -p claimdesk bindings_are_fresh

## A Debian package of the app (target/release/bundle/deb/).
package: ui
	ui/node_modules/.bin/tauri build --bundles deb
	@ls target/release/bundle/deb/*.deb

## Benchmarks against bare Tantivy and SQLite FTS5 on ../shared corpora (not part of `test`).
bench: setup
	$(CARGO) run --release -p claimdesk-bench -- --shared $(SHARED)

## Benchmark of issue #5 (not part of `test`): saving claims, the claims view over 100,000 claims
bench-claims: setup
	$(CARGO) run --release -p claimdesk-bench -- --claims

## UI benchmark of issue #4 (not part of `test`): the release window on 200,000 articles
## from ../shared corpora, under Xvfb through WebDriver; writes docs/performance-ui.md.
bench-ui:
	@if [ ! -d "$(SHARED)/corpora/reuters21578" ] && [ ! -d target/bench-ui/data-200k ]; then \
	  echo "skipped: $(SHARED)/corpora/reuters21578 not found"; exit 0; fi; \
	$(MAKE) --no-print-directory ui && $(CARGO) build --release -p claimdesk && \
	xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/bench/ui-bench.mjs --shared "$(SHARED)"
