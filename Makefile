# edustat - build, test, demo, benchmark, evaluation.
#   make            library and build/edustat
#   make check      all tests (SANITIZE=1 for ASan+UBSan in build-san/)
#   make demo       extract the bundled examples
#   make bench      throughput and memory on the shared corpus
#   make eval       score against ../shared/eval gold (skips if absent)
#   make fuzz       libFuzzer over ingest+scan (FUZZ_SECONDS=600)
#   make install    PREFIX=/usr/local DESTDIR=

CC ?= cc
PREFIX ?= /usr/local
DESTDIR ?=
PKG_CONFIG ?= pkg-config
PKGS := libcjson uchardet gumbo gsl freetype2 fontconfig
# Debian's libhpdf ships no pkg-config file.
HPDF_LIBS := -lhpdf -lz
# The briefing font: a CJK font cut down to GB 2312 + ASCII so that every
# glyph index stays below 32768 (Debian's libharu 2.3 drops higher ones).
FONT_SOURCE ?= /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
FONT_NUMBER ?= 0
SYSTEM_PYTHON ?= /usr/bin/python3
FONT = $(BUILD)/fonts/edustat-cjk.ttf
FONT_INSTALLED = $(PREFIX)/share/edustat/edustat-cjk.ttf
SHARED ?= ../shared

ifeq ($(SANITIZE),1)
BUILD ?= build-san
OPT := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD ?= build
OPT := -O2 -g
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -Iinclude -Isrc -Icharts -D_POSIX_C_SOURCE=200809L \
  -DEDUSTAT_FONT_BUILD='"$(abspath $(FONT))"' -DEDUSTAT_FONT_INSTALLED='"$(FONT_INSTALLED)"'
CFLAGS ?=
ALL_CFLAGS = -std=c11 $(OPT) $(WARN) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) $(HPDF_LIBS) -lm

LIB_SRC := $(wildcard src/*.c) $(wildcard charts/*.c)
# Data files built into the library (tools/embed.c writes them as C arrays).
GEN_SRC := $(BUILD)/gen/indicators_data.c $(BUILD)/gen/divisions_data.c $(BUILD)/gen/situation_data.c
GEN_OBJ := $(patsubst %.c,%.o,$(GEN_SRC))
CLI_SRC := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
LIB_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
CLI_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(CLI_SRC))
TESTS := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
LIB := $(BUILD)/libedustat.a
BIN := $(BUILD)/edustat

.PHONY: all deps check unit e2e demo bench eval fuzz install clean

all: $(BIN) $(FONT)

$(FONT): scripts/make-font.py
	@mkdir -p $(dir $@)
	$(SYSTEM_PYTHON) scripts/make-font.py $(FONT_SOURCE) $(FONT_NUMBER) $@.tmp.ttf && mv $@.tmp.ttf $@

deps:
	@scripts/deps.sh

$(BUILD)/obj/%.o: %.c $(wildcard include/edustat/*.h) $(wildcard src/*.h) $(wildcard src/cli/*.h) $(wildcard charts/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 $< -o $@

$(BUILD)/gen/indicators_data.c: data/indicators.tsv $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed es_builtin_indicators $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/divisions_data.c: data/divisions.tsv $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed es_builtin_divisions $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/situation_data.c: data/situation.tsv $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed es_builtin_situation $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ) $(GEN_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(CLI_OBJ) $(LIB) $(LDLIBS_ALL) -o $@

$(BUILD)/tests/%: tests/%.c $(LIB) tests/test_util.h $(wildcard include/edustat/*.h) $(wildcard src/*.h) $(wildcard charts/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $< $(LIB) $(LDLIBS_ALL) -lcmocka -o $@

check: deps
	@$(MAKE) --no-print-directory unit e2e

unit: $(TESTS) $(FONT)
	@fail=0; for t in $(TESTS); do \
	  echo "== $$t"; ./$$t || fail=1; done; \
	  [ $$fail -eq 0 ] || { echo "unit tests FAILED"; exit 1; }

e2e: $(BIN) $(FONT)
	@EDUSTAT=$(BIN) sh tests/e2e/run.sh

demo: deps
	@$(MAKE) --no-print-directory $(BIN) $(FONT)
	@mkdir -p $(BUILD)/demo
	./$(BIN) run -o $(BUILD)/demo examples/*.txt examples/*.html
	./$(BIN) compare --indicator funding.investment examples/*.txt examples/*.html

bench: $(BIN)
	@sh bench/throughput.sh $(BIN) $(SHARED)

eval: $(BIN)
	@sh scripts/eval.sh $(BIN) $(SHARED)

FUZZ_SECONDS ?= 600
fuzz: $(GEN_SRC)
	@mkdir -p build-fuzz
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $(CPPFLAGS) $(PKG_CFLAGS) \
	  fuzz/fuzz_extract.c $(LIB_SRC) $(GEN_SRC) $(LDLIBS_ALL) -o build-fuzz/fuzz_extract
	mkdir -p build-fuzz/corpus
	cp tests/fixtures/*.txt tests/fixtures/*.html build-fuzz/corpus/ 2>/dev/null || true
	build-fuzz/fuzz_extract -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -artifact_prefix=build-fuzz/ build-fuzz/corpus

install: $(BIN) $(FONT)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/edustat
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/edustat
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libedustat.a
	install -m 644 include/edustat/*.h $(DESTDIR)$(PREFIX)/include/edustat/
	install -d $(DESTDIR)$(PREFIX)/share/edustat
	install -m 644 $(FONT) $(DESTDIR)$(FONT_INSTALLED)

clean:
	rm -rf build build-san build-fuzz
