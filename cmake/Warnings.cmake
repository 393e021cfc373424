# Warning set for our own code (conventions.md 2.13). Tests get the same
# set minus -Wconversion.
set(MC_WARNINGS
  -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
  -Wold-style-definition -Wpointer-arith -Wcast-align -Wwrite-strings -Wformat=2
  -Wformat-security -Wnull-dereference -Wvla -Wimplicit-fallthrough -Wundef
  -fno-common -Werror)
set(MC_WARNINGS_SRC ${MC_WARNINGS} -Wconversion -Wno-sign-conversion)
