#!/bin/sh
# Feeds served over HTTP -> quoted --once -> quotectl who-said finds the
# speaker, role and article; a second pass sends conditional requests and
# stores nothing twice.
. "$(dirname "$0")/../lib.sh"
new_db e2e
write_config
start_httpd "$SOURCE_DIR/samples"

quotectl db migrate >/dev/null
quotectl feed add "$BASE/feeds/world.xml" >/dev/null
quotectl feed add "$BASE/feeds/markets.atom" >/dev/null

quoted -c "$CONFIG" --once 2>"$WORK_DIR/quoted1.log" || { cat "$WORK_DIR/quoted1.log"; fail "quoted --once failed"; }

out=$(quotectl who-said "mutual trust")
echo "$out"
assert_contains "$out" "Liu Hanwen" "speaker"
assert_contains "$out" "spokesperson" "role"
assert_contains "$out" "Beijing warns Washington over new chip export rules" "article title"
assert_contains "$out" "$BASE/articles/trade-talks.html" "article URL"

json=$(quotectl who-said --json "mutual trust")
assert_contains "$json" '"speaker":"Liu Hanwen"' "json speaker"
assert_contains "$json" '"country":"China"' "json country"

articles=$(sql "SELECT count(*) FROM articles")
quotes=$(sql "SELECT count(*) FROM quotes")
[ "$articles" = 3 ] || fail "expected 3 articles, found $articles"
[ "$quotes" -ge 8 ] || fail "expected at least 8 quotes, found $quotes"
[ "$(sql "SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL AND etag IS NOT NULL")" = 2 ] ||
	fail "feeds did not record success and validators"

: >"$HTTPD_LOG"
quoted -c "$CONFIG" --once 2>"$WORK_DIR/quoted2.log" || { cat "$WORK_DIR/quoted2.log"; fail "second quoted --once failed"; }
cat "$HTTPD_LOG"
[ "$(grep -c ' 304 inm="' "$HTTPD_LOG")" = 2 ] || fail "second pass did not get two 304s for conditional requests"
grep -q '/articles/' "$HTTPD_LOG" && fail "second pass fetched articles again"
[ "$(sql "SELECT count(*) FROM articles")" = "$articles" ] || fail "articles stored twice"
[ "$(sql "SELECT count(*) FROM quotes")" = "$quotes" ] || fail "quotes stored twice"
echo "end_to_end: ok"
