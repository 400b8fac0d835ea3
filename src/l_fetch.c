/* l_fetch.c — HTTP fetching through libcurl (placeholder until fetch lands). */
#include "binding.h"

void l_fetch_open(lua_State *L) { (void)L; }
