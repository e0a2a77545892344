# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
BUILD ?= build/release
FUZZ_BUILD ?= build/fuzz
ASAN_BUILD ?= build/asan
DATA ?= var
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(HOME)/.cache/ccache
# Paths below the checkout are hashed relative to it, so a fresh clone elsewhere reuses the cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: setup assets build run test asan e2e fuzz bench clean

setup:
	scripts/setup-debian.sh

# Browser libraries from web/package-lock.json, bundled into static/vendor/ (quick when unchanged).
assets: setup
	scripts/fetch-assets.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: setup assets $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p $(DATA)
	$(BUILD)/tuyenvan migrate --data $(DATA)
	$(BUILD)/tuyenvan demo --data $(DATA)
	@echo "tuyenvan: serving on http://$(LISTEN) (Ctrl+C to stop)"
	exec $(BUILD)/tuyenvan serve --data $(DATA) --listen $(LISTEN)

asan: setup
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE= "-DCMAKE_CXX_FLAGS=-O1 -g1" -DTUYENVAN_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)

fuzz: setup
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= "-DCMAKE_CXX_FLAGS=-O1 -g1" -DTUYENVAN_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

test: build asan fuzz
	scripts/run-tests.sh $(BUILD) $(FUZZ_BUILD) $(ASAN_BUILD)

e2e: build
	cd tests/e2e && TUYENVAN_BIN=$(CURDIR)/$(BUILD)/tuyenvan ./run.sh

bench: build
	bench/run

clean:
	rm -rf build
