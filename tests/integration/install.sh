#!/bin/sh
# cmake --install lays out binaries, the systemd unit, man pages, the SQL
# and the example configuration; the installed unit is hardened.
. "$(dirname "$0")/../lib.sh"
build=$(dirname "$QUOTED_BIN")
dest="$WORK_DIR/root"
DESTDIR="$dest" cmake --install "$build" >"$WORK_DIR/install.log" 2>&1 || { cat "$WORK_DIR/install.log"; fail "cmake --install"; }
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
for f in sbin/quoted bin/quotectl share/man/man1/quotectl.1 share/man/man8/quoted.8 \
	share/man/man5/quoted.conf.5 share/quoted/quoted.conf.example share/quoted/sql/001_init.sql; do
	[ -e "$dest$prefix/$f" ] || fail "not installed: $prefix/$f"
done
unit=$(find "$dest" -name quoted.service | head -1)
[ -n "$unit" ] || fail "quoted.service not installed"
grep -q "^ExecStart=$prefix/sbin/quoted$" "$unit" || fail "unit does not start $prefix/sbin/quoted"
"$dest$prefix/sbin/quoted" --check-config -c "$dest$prefix/share/quoted/quoted.conf.example" >/dev/null ||
	fail "the example configuration does not pass --check-config"
if command -v systemd-analyze >/dev/null 2>&1; then
	score=$(systemd-analyze security --offline=yes "$unit" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
	echo "systemd-analyze security: $score"
	[ -n "$score" ] && awk "BEGIN { exit !($score <= 2.0) }" || fail "unit exposure $score > 2.0"
fi
echo "install: ok"
