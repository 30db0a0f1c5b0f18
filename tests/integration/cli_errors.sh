#!/bin/sh
# Exit codes and messages: 0 found, 1 nothing found, 2 usage, 3 database.
. "$(dirname "$0")/../lib.sh"
new_db cli
quotectl db migrate >/dev/null

expect_rc() { # want cmd...
	want=$1
	shift
	rc=0
	"$@" >"$WORK_DIR/out" 2>"$WORK_DIR/err" || rc=$?
	[ "$rc" = "$want" ] || fail "'$*' exited $rc, want $want; stderr: $(cat "$WORK_DIR/err")"
}

expect_rc 2 quotectl
expect_rc 2 quotectl no-such-command
expect_rc 2 quotectl who-said
expect_rc 2 quotectl who-said --limit zero phrase
expect_rc 2 quotectl feed add ftp://example.org/feed
expect_rc 2 quotectl extract /nonexistent/file
expect_rc 1 quotectl who-said "nobody ever said this"
expect_rc 1 quotectl feed list
expect_rc 0 quotectl --help
expect_rc 0 quotectl feed add https://example.org/feed.xml
expect_rc 0 quotectl feed list
expect_rc 0 quotectl feed remove https://example.org/feed.xml
expect_rc 1 quotectl feed remove https://example.org/feed.xml

expect_rc 3 quotectl --db "host=$WORK_DIR port=1 connect_timeout=2" who-said x
assert_contains "$(cat "$WORK_DIR/err")" "settings from --db" "connection error names its source"

# extract needs no database at all.
expect_rc 0 env -u PGHOST -u PGDATABASE "$QUOTECTL_BIN" extract --html "$SOURCE_DIR/samples/articles/port-strike.html"
assert_contains "$(cat "$WORK_DIR/out")" "Lindqvist" "extract --html"
expect_rc 0 quoted --check-config -c /dev/null
printf '[fetch]\nmax_connections = lots\n' >"$WORK_DIR/bad.conf"
expect_rc 1 quoted --check-config -c "$WORK_DIR/bad.conf"
assert_contains "$(cat "$WORK_DIR/err")" "bad.conf:2: max_connections must be a whole number" "config error names the line"
echo "cli_errors: ok"
