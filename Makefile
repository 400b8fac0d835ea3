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
CORE_CFLAGS  := -std=c11 $(WARN) $(OPT) $(SANFLAGS) -fPIC -fvisibility=hidden \
                -D_POSIX_C_SOURCE=200809L $(DEP_CFLAGS) $(CFLAGS)
ALL_CFLAGS   := $(CORE_CFLAGS) $(LUA_CFLAGS)
ALL_CXXFLAGS := -std=c++11 $(WARN) -Wno-unused-parameter $(OPT) $(SANFLAGS) -fPIC \
                -fvisibility=hidden $(CXXFLAGS)
LDFLAGS    ?=

# src/core: the C core (no Lua header reachable); src/lua: the binding.
C_SRC      := $(sort $(shell find src -name '*.c'))
CXX_SRC    := $(sort $(shell find src -name '*.cc'))
HDR        := $(shell find src -name '*.h')
OBJ        := $(C_SRC:src/%.c=$(BUILD)/obj/%.o) $(CXX_SRC:src/%.cc=$(BUILD)/obj/%.o)
CORE_INC   := -Isrc/core
LUA_INC    := -Isrc/core -Isrc/lua

LUA_MODS   := $(shell find lua/article -name '*.lua')
INST_LMOD  := $(DESTDIR)$(PREFIX)/share/lua/$(LUA_VER)
INST_CMOD  := $(DESTDIR)$(PREFIX)/lib/lua/$(LUA_VER)

.PHONY: all deps demo test check valgrind eval bench bench-fetch corpus-dump lint install uninstall clean

all: $(SO)

# The core compiles without the Lua headers on its include path, so a stray
# #include "lua.h" there fails the build.
$(BUILD)/obj/core/%.o: src/core/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CORE_CFLAGS) $(CORE_INC) -c -o $@ $<

$(BUILD)/obj/core/%.o: src/core/%.cc $(HDR)
	@mkdir -p $(@D)
	$(CXX) $(ALL_CXXFLAGS) $(CORE_INC) -c -o $@ $<

$(BUILD)/obj/lua/%.o: src/lua/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LUA_INC) -c -o $@ $<

$(SO): $(OBJ) src/lua/exports.map | $(BUILD)/article
	$(CXX) -shared $(SANFLAGS) -o $@ $(OBJ) $(LDFLAGS) $(DEP_LIBS) \
	  -Wl,--version-script=src/lua/exports.map -Wl,--no-undefined-version
	@echo "built $@"

$(BUILD)/article:
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
	install -d $(INST_CMOD)/article $(DESTDIR)$(PREFIX)/bin
	for f in $(LUA_MODS:lua/%=%); do install -D -m 644 lua/$$f $(INST_LMOD)/$$f || exit 1; done
	install -m 755 $(SO) $(INST_CMOD)/article/core.so
	sed -e '1s|.*|#!/usr/bin/env $(LUA)|' bin/article > $(DESTDIR)$(PREFIX)/bin/article
	chmod 755 $(DESTDIR)$(PREFIX)/bin/article

uninstall:
	rm -rf $(INST_LMOD)/article $(INST_CMOD)/article $(DESTDIR)$(PREFIX)/bin/article

clean:
	rm -rf build
