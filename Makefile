# Newsline: `make serve` to work on the widget, `make test` to check everything, `make dist` to ship.
# Every target installs what it needs first, and skips each install that is already in place.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Tools the build pins (see README, "Toolchain").
TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock | head -n1)
CHROMEDRIVER ?= /usr/bin/chromedriver
CHROMIUM ?= /usr/bin/chromium
# The other two engines of `make test` (docs/engines.md): Debian's firefox-esr with geckodriver (cargo install),
# and WebKitGTK (Debian's webkit2gtk-driver) under Xvfb. ENGINES picks the engines of `make engines`.
GECKODRIVER_VERSION := 0.37.1
FIREFOX ?= /usr/bin/firefox-esr
ENGINES ?= chromium firefox webkit

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$(CHROMEDRIVER)

.PHONY: help serve dist test check fmt-check clippy unit fuzz wasm-test e2e sizes wasm-sizes bench tools tool-rust-target tool-trunk \
	tool-wasm-bindgen tool-node tool-browser tool-firefox tool-webkit wasm-test-engines engines clean

help:
	@echo "make serve   install what is missing, then serve the widget on http://127.0.0.1:8080"
	@echo "make test    install what is missing, then run every check"
	@echo "make dist    build the release bundle into dist/"
	@echo "make sizes   build dist/ and print the size of what a reader downloads"
	@echo "make wasm-sizes  where the wasm's bytes go, by crate and by function"
	@echo "make fuzz    run the property-based fuzz targets for longer (PROPTEST_CASES=50000)"
	@echo "make bench   benchmark against TimelineJS3; writes BENCHMARKS.md and bench/results.json"

serve: tool-rust-target tool-trunk tool-wasm-bindgen tool-node
	trunk serve

# The release wasm is what every reader downloads, so it is built for size: the standard library compiled
# with it (`build-std`, its `optimize_for_size` feature), a panic that aborts at once instead of formatting a
# message nobody reads, no source locations, and `{:?}` formatting compiled out (no reader-facing text uses
# it; the host build and its tests keep it). These are unstable options of the installed stable compiler,
# enabled with RUSTC_BOOTSTRAP for this build only; `make serve` (a debug build) keeps full panic messages for
# developers. Figures and the decision: bench/decisions.md.
# Without the `rust-src` component (it could not be installed) the build falls back to the plain release build,
# about 22 KB gzip larger, and says so.
HAVE_RUST_SRC = $(shell test -d "$$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" && echo yes)
RELEASE_WASM_ENV = $(if $(HAVE_RUST_SRC),$(SIZE_WASM_ENV),$(warning rust-src is missing: the release wasm is built without build-std, about 22 KB gzip larger)$(PLAIN_WASM_ENV))
# The plain build's panic messages keep their source file names: written relative to each crate (as
# `yew-0.23.0/src/…`), not as folders of the machine that built it.
PLAIN_WASM_ENV = CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$$(for d in "$${CARGO_HOME:-$$HOME/.cargo}"/registry/src/*/; do \
	printf -- '--remap-path-prefix=%s= ' "$$d"; done)"
# The standard library's own dependencies, which build-std compiles and trunk's offline build cannot fetch: on a
# fresh machine `cargo fetch` of the project alone leaves them out, and the build stops on the first one.
FETCH_STD = $(if $(HAVE_RUST_SRC),RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml")
SIZE_WASM_ENV = RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"

dist: tool-rust-target tool-trunk tool-wasm-bindgen tool-node
	cargo fetch --quiet
	$(FETCH_STD)
	$(RELEASE_WASM_ENV) trunk build --release

test: tools
	$(MAKE) --no-print-directory check

# The checks alone, for when the tools are known to be in place.
check: fmt-check clippy unit wasm-test wasm-test-engines e2e engines

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

# The property-based fuzz targets (tests/fuzz.rs) run a bounded 2,000 cases each here; `make fuzz` runs more.
unit:
	PROPTEST_CASES=2000 cargo test

fuzz:
	PROPTEST_CASES=$${PROPTEST_CASES:-50000} cargo test --release --test fuzz

wasm-test:
	$(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown --test browser

# The browser tests in Firefox and WebKit too: tests/engines/wasm-test.mjs starts what each needs and stops it.
wasm-test-engines:
	node tests/engines/wasm-test.mjs firefox webkit

# The end-to-end tests drive the release bundle, and the CLI for the spreadsheet format.
e2e: dist
	cargo build --bin newsline
	node --test --test-concurrency=1 tests/e2e/

# The core end-to-end set through WebDriver in each engine of ENGINES (`make engines ENGINES=webkit` for one);
# screenshots at 1280, 644 and 360 px in target/screenshots/engines/.
# WebKitGTK's core set runs after the others, and once more when it fails (docs/engines.md, "Known": a
# ResizeObserver error inside a frame and timing faults seen about one run in four here, not understood).
ENGINES_BUT_WEBKIT = $(filter-out webkit,$(ENGINES))
WEBKIT_CORE = node --test --test-concurrency=1 tests/engines/webkit.test.mjs
engines: dist
	$(if $(ENGINES_BUT_WEBKIT),node --test --test-concurrency=1 $(foreach e,$(ENGINES_BUT_WEBKIT),tests/engines/$(e).test.mjs))
	$(if $(filter webkit,$(ENGINES)),$(WEBKIT_CORE) || { echo 'WebKit: the core set failed; running it again (docs/engines.md, "Known")'; $(WEBKIT_CORE); })

sizes: dist
	node tests/e2e/sizes.mjs

# Where the wasm's bytes go: the release wasm as shipped, plus its function names (wasm-opt -g), by crate and
# by function, with the wasm-opt features trunk's build is given in index.html.
WASM_FEATURES = $(shell sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
wasm-sizes: tool-rust-target tool-wasm-bindgen tool-node
	$(FETCH_STD)
	$(RELEASE_WASM_ENV) cargo build --release --target wasm32-unknown-unknown --bin newsline-app
	wasm-bindgen --target web --no-typescript --out-dir target/wasm-sizes \
		target/wasm32-unknown-unknown/release/newsline-app.wasm
	wasm-opt -Oz -g $(WASM_FEATURES) target/wasm-sizes/newsline-app_bg.wasm -o target/wasm-sizes/named.wasm
	node tools/wasm-sizes.mjs target/wasm-sizes/named.wasm

# Newsline against TimelineJS3 on the same generated files; writes bench/results.json and BENCHMARKS.md.
# The host micro-benchmarks of the pure core run first; bench/run.mjs adds their table to BENCHMARKS.md.
bench: tools dist
	cargo build --bin newsline
	cargo bench --bench core -- --sample-count 20 | tee target/bench-core.txt
	node bench/run.mjs

tools: tool-rust-target tool-trunk tool-wasm-bindgen tool-node tool-browser tool-firefox tool-webkit

tool-rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src || \
		echo "warning: the rust-src component could not be installed; make dist builds a larger wasm without it"

tool-trunk:
	@if trunk --version 2>/dev/null | grep -q " $(TRUNK_VERSION)$$"; then :; else \
		echo "Installing trunk $(TRUNK_VERSION) (takes several minutes once)"; \
		cargo install --locked trunk --version $(TRUNK_VERSION); fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock; --locked would fail to resolve, so it is left off.
tool-wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "Cargo.lock names no wasm-bindgen version"; exit 1; }
	@if wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" && \
		command -v wasm-bindgen-test-runner >/dev/null; then :; else \
		echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (takes several minutes once)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

# wasm-opt (binaryen) and the browser driver for end-to-end tests, pinned in package-lock.json.
tool-node:
	@if [ -x node_modules/.bin/wasm-opt ] && cmp -s package-lock.json node_modules/.package-lock.stamp; then :; else \
		npm ci --no-audit --no-fund && cp package-lock.json node_modules/.package-lock.stamp; fi

tool-browser:
	@if [ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ]; then :; else \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; fi

# geckodriver is built with cargo install (Debian has no package of it); the pinned version builds with rustc 1.95.
tool-firefox:
	@if [ -x $(FIREFOX) ]; then :; else \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y firefox-esr; fi
	@if geckodriver --version 2>/dev/null | grep -qx "geckodriver $(GECKODRIVER_VERSION)\( .*\)\?"; then :; else \
		echo "Installing geckodriver $(GECKODRIVER_VERSION) (takes a few minutes once)"; \
		cargo install --locked geckodriver --version $(GECKODRIVER_VERSION); fi

tool-webkit:
	@if command -v WebKitWebDriver >/dev/null && command -v Xvfb >/dev/null; then :; else \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y webkit2gtk-driver xvfb; fi

clean:
	cargo clean
	rm -rf dist
