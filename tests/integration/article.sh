#!/bin/sh
# quotectl article FILE|URL: what quoted reads from a page, as text or JSON;
# a URL goes through the fetcher and its address guard.
. "$(dirname "$0")/../lib.sh"
write_config
start_httpd "$SOURCE_DIR/samples"

out=$(quotectl article "$SOURCE_DIR/samples/articles/trade-talks.html")
assert_contains "$out" "title: Beijing warns Washington over new chip export rules" "title"
assert_contains "$out" "byline: Priya Natarajan" "byline"
assert_contains "$out" "published: 2026-11-20T08:30:00Z" "date"
assert_contains "$out" "mutual trust" "main text"
case $out in *"Related stories"*|*"cookies"*|*"All rights reserved"*) fail "boilerplate in the main text" ;; esac

json=$(quotectl -c "$CONFIG" article --json "$BASE/articles/port-strike.html")
assert_contains "$json" '"title":"Dock workers vote to strike at Northhaven port"' "json title"
assert_contains "$json" '"published":"2026-11-21T17:05:00Z"' "json date"
assert_contains "$json" '"text":"Dock workers at Northhaven' "json text starts with the first paragraph"
assert_contains "$json" 'walk out for 48 hours next week in a dispute over shift patterns.\nMarta Lindqvist' "paragraphs joined by newlines"
case $json in *"Great article"*) fail "comments in the text" ;; esac
[ "$(printf '%s\n' "$json" | wc -l)" = 1 ] || fail "--json prints one line"

# Without allow_private_addresses the guard refuses the local server.
rc=0
quotectl -c /dev/null article "$BASE/articles/port-strike.html" 2>"$WORK_DIR/err" || rc=$?
[ $rc = 1 ] || fail "guarded fetch exited $rc"
assert_contains "$(cat "$WORK_DIR/err")" "refused to connect to 127.0.0.1" "address guard message"
echo "article: ok"
