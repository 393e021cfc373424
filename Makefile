# The two commands a newcomer needs (README): `make run` and `make test`.
# Everything else here is a convenience around CMake presets.

DB      ?= var/motcua.db
LISTEN  ?= 127.0.0.1:8080
JOBS    ?= 2

.PHONY: run test build web test-web deps check-source check-demo bench bench-lookup bench-calendar bench-transition bench-dashboard bench-vs-bpmn-engine fuzz clean

deps:
	@scripts/install-deps

build: deps web
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	@ln -sf release/src/motcua build/motcua

run: build
	@scripts/demo-db $(DB)
	@scripts/print-demo-logins $(LISTEN)
	build/motcua serve --db $(DB) --listen $(LISTEN)

test: deps check-source check-demo
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)
	$(MAKE) --no-print-directory test-web
	@# make run's optimised build warns differently (-O2 flow analysis); it must stay clean too.
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

# The web interface (docs/WEB.md): npm ci when node_modules is missing or the
# lockfile changed, then the production build into web/dist.
WEB_STAMP = web/node_modules/.motcua-npm-ci

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web: deps $(WEB_STAMP)
	cd web && npm run build

# Vitest, then the browser suite against the ASan binary with the demo data.
test-web: web
	cd web && npm run test && npm run size
	node web/e2e/run.mjs --binary build/asan/src/motcua --demo demo

check-source:
	@scripts/check-source

# The demo catalog against docs/IMPORT.md and the sourced facts in
# ../shared/data (present on developer machines and in CI).
check-demo:
	@if [ -f ../shared/data/sonoivu-catalog.json ]; then \
	    python3 scripts/check-demo.py ../shared/data/sonoivu-catalog.json; \
	else \
	    echo "check-demo: ../shared/data not beside this checkout; demo facts not compared"; \
	fi

bench: bench-lookup bench-calendar bench-transition bench-dashboard bench-vs-bpmn-engine

bench-lookup: build
	bench/lookup/run

bench-calendar: build
	build/release/bench/calendar/bench_calendar

bench-transition: build
	bench/transition/run

bench-dashboard: build
	build/release/bench/dashboard/bench_dashboard

# motcua against the npm bpmn-engine (Node 20; npm ci of bench/vs-bpmn-engine).
bench-vs-bpmn-engine: build
	bench/vs-bpmn-engine/run

fuzz: deps
	scripts/run-fuzz

clean:
	rm -rf build
