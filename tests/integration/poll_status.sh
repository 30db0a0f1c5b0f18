#!/bin/sh
# How quoted treats what servers answer: permanent redirects move the feed,
# temporary ones do not, 410 disables it with the reason shown, 429/503
# back off (honouring Retry-After), HTML where a feed should be is an error,
# and a failing feed is retried, never dropped.
. "$(dirname "$0")/../lib.sh"
new_db status
write_config
start_httpd "$SOURCE_DIR/samples"
quotectl db migrate >/dev/null

for path in redirect/301/feeds/world.xml redirect/302/feeds/markets.atom status/410 status/429/7200 \
	status/503 articles/rates.html; do
	quotectl feed add "$BASE/$path" >/dev/null
done
quoted -c "$CONFIG" --once 2>"$WORK_DIR/quoted.log" || { cat "$WORK_DIR/quoted.log"; fail "quoted --once"; }
cat "$WORK_DIR/quoted.log"

# 301: the stored URL follows; the articles were stored.
[ "$(sql "SELECT count(*) FROM feeds WHERE url = '$BASE/feeds/world.xml' AND last_error IS NULL")" = 1 ] ||
	fail "301 did not move the feed to its new URL"
# 302: temporary, the URL stays.
[ "$(sql "SELECT count(*) FROM feeds WHERE url = '$BASE/redirect/302/feeds/markets.atom' AND last_success_at IS NOT NULL")" = 1 ] ||
	fail "302 changed the URL or failed"
[ "$(sql "SELECT count(*) FROM articles")" = 3 ] || fail "articles behind redirects were not stored"
# 410: disabled with the reason.
[ "$(sql "SELECT state FROM feeds WHERE url LIKE '%/status/410'")" = disabled ] || fail "410 did not disable"
assert_contains "$(sql "SELECT disabled_reason FROM feeds WHERE url LIKE '%/status/410'")" "410" "disabled reason"
# 429 with Retry-After: 7200: the next attempt is at least that far (less 10% jitter).
[ "$(sql "SELECT next_poll_at > now() + interval '6400 seconds' FROM feeds WHERE url LIKE '%/status/429/7200'")" = t ] ||
	fail "Retry-After not honoured"
[ "$(sql "SELECT last_error FROM feeds WHERE url LIKE '%/status/429/7200'")" = "HTTP status 429" ] || fail "429 error text"
# 503 without Retry-After: the first backoff step (min_interval 300 s, ±10%).
[ "$(sql "SELECT next_poll_at BETWEEN now() + interval '260 seconds' AND now() + interval '340 seconds' FROM feeds WHERE url LIKE '%/status/503'")" = t ] ||
	fail "503 backoff"
assert_contains "$(sql "SELECT last_error FROM feeds WHERE url LIKE '%/articles/rates.html'")" "not a feed" "HTML instead of a feed"
# Every request named quoted and the contact URL.
grep -v 'ua=quoted/.*example.invalid/quoted-tests' "$HTTPD_LOG" && fail "a request without our User-Agent"

out=$(quotectl feed list)
echo "$out"
assert_contains "$out" "HTTP status 429" "feed list shows the error"

# Second pass: failing feeds are retried (never dropped), the disabled one is not.
: >"$HTTPD_LOG"
quoted -c "$CONFIG" --once 2>>"$WORK_DIR/quoted.log" || fail "second quoted --once"
grep -q '/status/410' "$HTTPD_LOG" && fail "a disabled feed was polled again"
grep -q '/status/503' "$HTTPD_LOG" || fail "a failing feed was not retried"
[ "$(sql "SELECT error_count FROM feeds WHERE url LIKE '%/status/503'")" = 2 ] || fail "error count"
[ "$(sql "SELECT next_poll_at > now() + interval '500 seconds' FROM feeds WHERE url LIKE '%/status/503'")" = t ] ||
	fail "backoff did not grow"
echo "poll_status: ok"
