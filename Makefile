# lua-article — build, test, install.
#
#   make                 build article/core.so for $(LUA) (default lua5.4)
#   make LUA=luajit      ... or lua5.1, lua5.2, lua5.3
#   make test            run the spec suite on $(LUA)
#   make demo            install missing Debian packages, build, run the example digest
#   make SAN=1 test      the suite under AddressSanitizer + UBSan
#   make valgrind        the suite under valgrind
#   make eval | bench | bench-fetch | lint | install | clean

LUA        ?= lua5.4
PKG_CONFIG ?= pkg-config
PREFIX     ?= /usr/local
DESTDIR    ?=
SAN        ?=

# pkg-config names the Lua headers after the interpreter, except LuaJIT.
LUA_PC     := $(LUA)
LUA_VER    := $(if $(filter luajit,$(LUA)),5.1,$(patsubst lua%,%,$(LUA)))
LUA_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(LUA_PC) 2>/dev/null)

DEPS_PC    := libxml-2.0 libcurl json-c
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS_PC) 2>/dev/null)
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs $(DEPS_PC) 2>/dev/null) -lcld2

BUILD      := build/$(LUA)$(if $(SAN),-san)
SO         := $(BUILD)/article/core.so

OPT        ?= -O2 -g
comma      := ,
SANFLAGS   := $(if $(SAN),-fsanitize=address$(comma)undefined -fno-sanitize-recover=undefined \
              -fno-omit-frame-pointer)
WARN       := -Wall -Wextra -Werror
CFLAGS     ?=
CXXFLAGS   ?=
ALL_CFLAGS   := -std=c11 $(WARN) $(OPT) $(SANFLAGS) -fPIC -fvisibility=hidden \
                -D_POSIX_C_SOURCE=200809L $(LUA_CFLAGS) $(DEP_CFLAGS) $(CFLAGS)
ALL_CXXFLAGS := -std=c++11 $(WARN) -Wno-unused-parameter $(OPT) $(SANFLAGS) -fPIC \
                -fvisibility=hidden $(CXXFLAGS)
LDFLAGS    ?=

C_SRC      := $(sort $(wildcard src/*.c))
CXX_SRC    := $(sort $(wildcard src/*.cc))
HDR        := $(wildcard src/*.h)
OBJ        := $(C_SRC:src/%.c=$(BUILD)/obj/%.o) $(CXX_SRC:src/%.cc=$(BUILD)/obj/%.o)

LUA_MODS   := $(wildcard lua/article/*.lua)
INST_LMOD  := $(DESTDIR)$(PREFIX)/share/lua/$(LUA_VER)
INST_CMOD  := $(DESTDIR)$(PREFIX)/lib/lua/$(LUA_VER)

.PHONY: all deps demo test check valgrind eval bench bench-fetch corpus-dump lint install uninstall clean

all: $(SO)

$(BUILD)/obj/%.o: src/%.c $(HDR) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.cc $(HDR) | $(BUILD)/obj
	$(CXX) $(ALL_CXXFLAGS) -c -o $@ $<

$(SO): $(OBJ) src/exports.map | $(BUILD)/article
	$(CXX) -shared $(SANFLAGS) -o $@ $(OBJ) $(LDFLAGS) $(DEP_LIBS) \
	  -Wl,--version-script=src/exports.map -Wl,--no-undefined-version
	@echo "built $@"

$(BUILD)/obj $(BUILD)/article:
	mkdir -p $@

# Installs the Debian packages this checkout needs (as root), or prints the apt-get line.
deps:
	@LUA=$(LUA) sh scripts/deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@$(LUA) examples/digest.lua examples/site

test: deps
	@$(MAKE) --no-print-directory all
	@$(if $(SAN),LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1) \
	  ARTICLE_BUILD=$(BUILD) $(LUA) tests/run.lua $(TESTFLAGS)

check: test

valgrind: all
	ARTICLE_BUILD=$(BUILD) ARTICLE_VALGRIND=1 valgrind -q --error-exitcode=3 \
	  --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	  --suppressions=tests/valgrind.supp \
	  $(LUA) tests/run.lua $(TESTFLAGS)

eval: all
	@LUA=$(LUA) ARTICLE_BUILD=$(BUILD) sh bench/eval.sh

bench: all
	@ARTICLE_BUILD=$(BUILD) $(LUA) bench/parse.lua $(BENCHFLAGS)

# Every corpus page's JSON, one line each, for byte-identical checks across a change.
corpus-dump: all
	@ARTICLE_BUILD=$(BUILD) $(LUA) scripts/corpus-dump.lua $(or $(OUT),corpus-dump.tsv)

bench-fetch: all
	@LUA=$(LUA) ARTICLE_BUILD=$(BUILD) sh bench/fetch.sh $(BENCHFLAGS)

lint:
	luacheck lua bin tests examples bench

install: all
	install -d $(INST_LMOD)/article $(INST_CMOD)/article $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(LUA_MODS) $(INST_LMOD)/article/
	install -m 755 $(SO) $(INST_CMOD)/article/core.so
	sed -e '1s|.*|#!/usr/bin/env $(LUA)|' bin/article > $(DESTDIR)$(PREFIX)/bin/article
	chmod 755 $(DESTDIR)$(PREFIX)/bin/article

uninstall:
	rm -rf $(INST_LMOD)/article $(INST_CMOD)/article $(DESTDIR)$(PREFIX)/bin/article

clean:
	rm -rf build
