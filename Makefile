# edustat - build, test, demo, benchmark, evaluation.
#   make            library and build/edustat
#   make check      all tests (SANITIZE=1 for ASan+UBSan in build-san/)
#   make demo       extract the bundled examples
#   make bench      throughput and memory on the shared corpus
#   make bench-review  the review page on a generated 100 MB corpus: size, time to open
#   make eval       score against ../shared/eval gold (skips if absent)
#   make fuzz       each libFuzzer harness of fuzz/ for FUZZ_SECONDS (600);
#                   FUZZ=records runs one (extract records manifest lexicon briefing)
#   make install    PREFIX=/usr/local DESTDIR=

CC ?= cc
PREFIX ?= /usr/local
DESTDIR ?=
PKG_CONFIG ?= pkg-config
PKGS := libcjson uchardet gumbo gsl freetype2 fontconfig xlsxwriter libzip libxml-2.0
# Compiled against, not linked: src/pdf_read.c opens it with dlopen on the
# first PDF, so that a run without one does not pay for loading it.
DLOPEN_PKGS := poppler-glib
POPPLER_SONAME = $(shell objdump -p "$$($(PKG_CONFIG) --variable=libdir poppler-glib 2>/dev/null)/libpoppler-glib.so" 2>/dev/null | awk '/SONAME/ {print $$2}')
# Debian's libhpdf ships no pkg-config file (nor does its libfreexl).
HPDF_LIBS := -lhpdf -lz -lfreexl
# The briefing font: a CJK font cut down to GBK + ASCII so that every
# glyph index stays below 32768 (Debian's libharu 2.3 drops higher ones).
FONT_SOURCE ?= /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
FONT_NUMBER ?= 0
SYSTEM_PYTHON ?= /usr/bin/python3
FONT = $(BUILD)/fonts/edustat-cjk.ttf
FONT_INSTALLED = $(PREFIX)/share/edustat/edustat-cjk.ttf
SHARED ?= ../shared

ifeq ($(SANITIZE),1)
BUILD ?= build-san
# clang where there is one: its UBSan also checks float-to-integer casts.
ifneq ($(shell command -v clang 2>/dev/null),)
CC := clang
endif
OPT := -O1 -g -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer \
  -fno-sanitize-recover=all
else
BUILD ?= build
OPT := -O2 -g
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) $(DLOPEN_PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -Iinclude -Isrc -Icharts -D_POSIX_C_SOURCE=200809L \
  -DEDUSTAT_VERSION='"$(VERSION)"' -DEDUSTAT_FONT_BUILD='"$(abspath $(FONT))"' -DEDUSTAT_FONT_INSTALLED='"$(FONT_INSTALLED)"' \
  $(if $(POPPLER_SONAME),-DES_POPPLER_GLIB_SONAME='"$(POPPLER_SONAME)"')
CFLAGS ?=
ALL_CFLAGS = -std=c11 -pthread $(OPT) $(WARN) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) $(HPDF_LIBS) -lm -pthread

LIB_SRC := $(wildcard src/*.c) $(wildcard charts/*.c)
# Data files built into the library (tools/embed.c writes them as C arrays).
GEN_SRC := $(BUILD)/gen/indicators_data.c $(BUILD)/gen/divisions_data.c $(BUILD)/gen/situation_data.c \
  $(BUILD)/gen/review_js_data.c $(BUILD)/gen/review_css_data.c
GEN_OBJ := $(patsubst %.c,%.o,$(GEN_SRC))
CLI_SRC := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
LIB_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
CLI_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(CLI_SRC))
TESTS := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
LIB := $(BUILD)/libedustat.a
# The shared library: the same objects, built position-independent with
# only ES_API functions exported (include/edustat/export.h).
VERSION := 0.1.0
SONAME := libedustat.so.0
SO := $(BUILD)/libedustat.so.$(VERSION)
BIN := $(BUILD)/edustat

.PHONY: install-check all deps check unit replay e2e demo bench bench-review eval fuzz install clean

all: $(BIN) $(SO) $(FONT)

$(FONT): scripts/make-font.py
	@mkdir -p $(dir $@)
	$(SYSTEM_PYTHON) scripts/make-font.py $(FONT_SOURCE) $(FONT_NUMBER) $@.tmp.ttf && mv $@.tmp.ttf $@

deps:
	@scripts/deps.sh

# Each object depends on the headers it includes (-MMD writes them to a
# .d file beside it, read below) and on the Makefile: a change of flags
# (-fPIC for the shared library) rebuilds it.
$(BUILD)/obj/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 $< -o $@

# data/NAME.tsv becomes the array es_builtin_NAME; the review page's
# script and style (charts/review.js, .css) es_builtin_review_js, _css.
.SECONDARY: $(GEN_SRC) # kept: the fuzz harnesses compile them too
$(BUILD)/gen/%_data.c: data/%.tsv $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed es_builtin_$* $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/review_%_data.c: charts/review.% $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed es_builtin_review_$* $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c Makefile
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB_OBJ) $(GEN_OBJ): ALL_CFLAGS += -fPIC -fvisibility=hidden

$(LIB): $(LIB_OBJ) $(GEN_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(SO): $(LIB_OBJ) $(GEN_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined $(ALL_CFLAGS) $^ $(LDLIBS_ALL) -o $@
	ln -sf $(notdir $@) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libedustat.so

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(CLI_OBJ) $(LIB) $(LDLIBS_ALL) -o $@

$(BUILD)/tests/%: tests/%.c $(LIB) Makefile
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP $< $(LIB) $(LDLIBS_ALL) -lcmocka -o $@

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TESTS:=.d)

# (install-check links a plain program against the library: not with the
# sanitizers' runtime)
check: deps
	@$(MAKE) --no-print-directory unit replay e2e $(if $(filter 1,$(SANITIZE)),,install-check)

unit: $(TESTS) $(FONT)
	@fail=0; for t in $(TESTS); do \
	  echo "== $$t"; ./$$t || fail=1; done; \
	  [ $$fail -eq 0 ] || { echo "unit tests FAILED"; exit 1; }

e2e: $(BIN) $(FONT)
	@EDUSTAT=$(BIN) sh tests/e2e/run.sh

demo: deps
	@$(MAKE) --no-print-directory $(BIN) $(FONT)
	@mkdir -p $(BUILD)/demo
	$(BIN) run -o $(BUILD)/demo examples/*.txt examples/*.html
	$(BIN) compare --indicator funding.investment examples/*.txt examples/*.html

$(BUILD)/bench/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -D_POSIX_C_SOURCE=200809L $< -o $@

bench: $(BIN) $(BUILD)/bench/floor
	@FLOOR=$(BUILD)/bench/floor sh bench/throughput.sh $(BIN) $(SHARED)
	@BENCH_DIR=$(BUILD)/bench sh bench/formats.sh $(BIN) $(BUILD)/bench/floor

bench-review: $(BIN)
	@sh bench/review.sh $(BIN)

eval: $(BIN)
	@sh scripts/eval.sh $(BIN) $(SHARED)

# Fuzzing: each harness of fuzz/ links the library built by clang with
# libFuzzer; fuzz/corpus/NAME is its seed corpus (read, never written;
# the extract harness also reads tests/fixtures),
# build-fuzz/corpus/NAME what it finds. The same harnesses run over the
# seed corpus without libFuzzer in `make check` (replay), so SANITIZE=1
# replays them under ASan and UBSan. The briefing harness runs without
# leak detection: libharu 2.3 leaks on its own error paths (a font
# descriptor when it fails to save a font), which libFuzzer would stop at.
FUZZ_NAMES := extract records manifest lexicon briefing
FUZZ ?= $(FUZZ_NAMES)
FUZZ_SECONDS ?= 600
FUZZ_FONT = $(BUILD)/fonts/fuzz-cjk.ttf
FUZZ_DEFS = -DEDUSTAT_FUZZ_FONT='"$(abspath $(FUZZ_FONT))"'
REPLAYS := $(patsubst %,$(BUILD)/fuzz/replay_%,$(FUZZ_NAMES))

$(FUZZ_FONT): scripts/make-font.py $(wildcard charts/*.c) data/indicators.tsv fuzz/fuzz_briefing.c
	@mkdir -p $(dir $@)
	cat charts/*.c data/indicators.tsv fuzz/fuzz_briefing.c > $@.chars
	$(SYSTEM_PYTHON) scripts/make-font.py $(FONT_SOURCE) $(FONT_NUMBER) $@.tmp.ttf $@.chars && \
	  mv $@.tmp.ttf $@ && rm -f $@.chars

build-fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_util.h $(LIB_SRC) $(GEN_SRC) $(wildcard include/edustat/*.h)
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined,float-cast-overflow \
	  $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_DEFS) $< $(LIB_SRC) $(GEN_SRC) $(LDLIBS_ALL) -o $@

fuzz: $(patsubst %,build-fuzz/fuzz_%,$(FUZZ)) $(FUZZ_FONT)
	@for h in $(FUZZ); do \
	  mkdir -p build-fuzz/corpus/$$h && \
	  echo "== fuzz_$$h for $(FUZZ_SECONDS) s" && \
	  env $$(test $$h = briefing && echo ASAN_OPTIONS=detect_leaks=0) \
	  build-fuzz/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 \
	    -print_final_stats=1 -artifact_prefix=build-fuzz/$$h- \
	    build-fuzz/corpus/$$h fuzz/corpus/$$h $$(test $$h = extract && echo tests/fixtures) || exit 1; done

$(BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/fuzz_util.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(FUZZ_DEFS) $< fuzz/replay.c $(LIB) $(LDLIBS_ALL) -o $@

replay: $(REPLAYS) $(FUZZ_FONT)
	@for h in $(FUZZ_NAMES); do \
	  $(BUILD)/fuzz/replay_$$h fuzz/corpus/$$h $$(test $$h = extract && echo tests/fixtures) || { echo "replay of fuzz/corpus/$$h FAILED"; exit 1; }; \
	done

install: $(BIN) $(SO) $(FONT)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/edustat \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/edustat
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/edustat
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libedustat.a
	install -m 755 $(SO) $(DESTDIR)$(PREFIX)/lib/
	ln -sf $(notdir $(SO)) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libedustat.so
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@VERSION@|$(VERSION)|; s|@REQUIRES@|$(PKGS)|; s|@LIBS@|$(HPDF_LIBS) -lm -pthread|' \
	  edustat.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/edustat.pc
	install -m 644 include/edustat/*.h $(DESTDIR)$(PREFIX)/include/edustat/
	install -m 644 docs/edustat.1 $(DESTDIR)$(PREFIX)/share/man/man1/edustat.1
	install -m 644 $(FONT) $(DESTDIR)$(FONT_INSTALLED)

# The installed tree as a user meets it: staged under DESTDIR, a program
# compiled with pkg-config and run from PREFIX/bin against the shared
# library, which exports the public API alone, and the installed edustat
# finding its font beside itself, not through the build tree.
STAGE = $(abspath $(BUILD))/stage
install-check:
	@rm -rf $(STAGE)
	@$(MAKE) --no-print-directory install DESTDIR=$(STAGE) PREFIX=/opt/edustat-test >/dev/null
	@set -e; P=$(STAGE)/opt/edustat-test; \
	  flags=$$(PKG_CONFIG_SYSROOT_DIR=$(STAGE) PKG_CONFIG_PATH=$$P/lib/pkgconfig $(PKG_CONFIG) --cflags --libs edustat); \
	  $(CC) -std=c11 tests/e2e/link_check.c $$flags -o $$P/bin/link_check; \
	  out=$$(LD_LIBRARY_PATH=$$P/lib $$P/bin/link_check); \
	  echo "$$out" | grep -q "^records 3$$" || { echo "install-check: the linked program found: $$out"; exit 1; }; \
	  echo "$$out" | grep -q "^font $$P/bin/../share/edustat/edustat-cjk.ttf$$" || { echo "install-check: font: $$out"; exit 1; }; \
	  private=$$(nm -D --defined-only $$P/lib/libedustat.so | awk '$$3 !~ /^es_/ {print $$3}' | grep -v '^_' || true); \
	  test -z "$$private" || { echo "install-check: exported beyond the API: $$private"; exit 1; }; \
	  for f in es_arena_new es_pdf_open es_jb_number es_flat_parse; do \
	    ! nm -D --defined-only $$P/lib/libedustat.so | grep -qw $$f || { echo "install-check: $$f is exported"; exit 1; }; done; \
	  test "$$(readelf -d $$P/lib/libedustat.so | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')" = $(SONAME); \
	  test -f $$P/share/man/man1/edustat.1; \
	  echo "install-check: pkg-config, the shared library ($$(nm -D --defined-only $$P/lib/libedustat.so | grep -c ' T es_') functions), its soname, the man page and the font beside the program: ok"
	@rm -rf $(STAGE)

clean:
	rm -rf build build-san build-fuzz
