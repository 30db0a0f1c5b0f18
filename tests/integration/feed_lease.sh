#!/bin/sh
# Leases and the batched poll record (sql/012).
# - Item keys and titles that need quoting in a PostgreSQL array literal
#   (quotes, backslashes, commas, braces, the word NULL) are stored as
#   they are, and a second reading of the same items finds them all known.
# - A running daemon leaves a feed leased by another daemon alone until the
#   lease runs out, then polls it; recording a poll ends its lease.
. "$(dirname "$0")/../lib.sh"
new_db lease
write_config
cat >>"$CONFIG" <<CONF
[schedule]
check_interval = 1
min_interval = 300
CONF
site="$WORK_DIR/site"
mkdir -p "$site/feeds"
item() { # guid
	printf '<item><title>Vote on "%s"</title><guid isPermaLink="false">%s</guid><description>&lt;p&gt;The council met on Tuesday.&lt;/p&gt;</description></item>\n' "$1" "$1"
}
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Council "minutes" \\ notes</title><link>{{BASE}}/</link>\n'
	item 'say "no"'
	item 'back\slash\\'
	item 'a,b'
	item '{braces}'
	item 'NULL'
	item 'plain'
	printf '</channel></rss>\n'
} >"$site/feeds/odd.xml"
cp "$site/feeds/odd.xml" "$site/feeds/other.xml"
start_httpd "$site" --no-validators
quotectl db migrate >/dev/null
quotectl feed add "$BASE/feeds/odd.xml" >/dev/null
quotectl feed add "$BASE/feeds/other.xml" >/dev/null

quoted -c "$CONFIG" --once 2>"$WORK_DIR/first.log" || { cat "$WORK_DIR/first.log"; fail "first pass"; }
grep -q 'done: 2 feeds polled (0 unchanged)' "$WORK_DIR/first.log" || fail "first pass: $(grep done: "$WORK_DIR/first.log")"
keys=$(sql "SELECT string_agg(item_key, '|' ORDER BY item_key) FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE f.url LIKE '%/odd.xml'")
[ "$(sql "SELECT count(*) FROM feed_items")" = 12 ] || fail "feed_items: $(sql "SELECT count(*) FROM feed_items")"
for k in 'say "no"' 'back\slash\\' 'a,b' '{braces}' 'NULL' 'plain'; do
	case "|$keys|" in *"|$k|"*) ;; *) fail "item key $k stored as: $keys" ;; esac
done
[ "$(sql "SELECT title FROM feeds WHERE url LIKE '%/odd.xml'")" = 'Council "minutes" \ notes' ] ||
	fail "feed title: $(sql "SELECT title FROM feeds WHERE url LIKE '%/odd.xml'")"
[ "$(sql "SELECT count(*) FROM feeds WHERE leased_until IS NOT NULL")" = 0 ] || fail "a recorded poll kept its lease"

# Read the same bodies again (no digest): every key is known, nothing new.
sql "UPDATE feeds SET body_digest = NULL" >/dev/null
quoted -c "$CONFIG" --once 2>"$WORK_DIR/again.log" || fail "second pass"
grep -q 'done: 2 feeds polled (0 unchanged).*0 articles stored' "$WORK_DIR/again.log" ||
	fail "second pass: $(grep done: "$WORK_DIR/again.log")"
[ "$(sql "SELECT count(*) FROM feed_items")" = 12 ] || fail "items stored twice"
[ "$(sql "SELECT count(*) FROM feeds WHERE last_status = 200 AND leased_until IS NULL")" = 2 ] || fail "polls not recorded"

# Both due; odd.xml is leased by another daemon for 4 more seconds.
sql "UPDATE feeds SET next_poll_at = now() - interval '1 minute'" >/dev/null
sql "UPDATE feeds SET leased_until = now() + interval '4 seconds' WHERE url LIKE '%/odd.xml'" >/dev/null
: >"$HTTPD_LOG"
"$QUOTED_BIN" -v -c "$CONFIG" 2>"$WORK_DIR/daemon.log" &
D=$!
stop_daemon() { kill "$D" 2>/dev/null || true; cleanup; }
trap stop_daemon EXIT
n=0
until grep -q '^GET /feeds/other.xml' "$HTTPD_LOG"; do
	n=$((n + 1)); [ $n -lt 100 ] || fail "the free feed was not polled"; sleep 0.1
done
sleep 1
grep -q '^GET /feeds/odd.xml' "$HTTPD_LOG" && fail "a feed leased by another daemon was polled"
[ "$(sql "SELECT leased_until > now() FROM feeds WHERE url LIKE '%/odd.xml'")" = t ] || fail "the lease was taken over"
n=0
until grep -q '^GET /feeds/odd.xml' "$HTTPD_LOG"; do
	n=$((n + 1)); [ $n -lt 100 ] || fail "the feed was not polled after its lease ran out"; sleep 0.1
done
n=0
until [ "$(sql "SELECT count(*) FROM feeds WHERE leased_until IS NULL AND next_poll_at > now() + interval '200 seconds'")" = 2 ]; do
	n=$((n + 1)); [ $n -lt 50 ] || fail "polls not recorded: $(sql "SELECT url, leased_until, next_poll_at FROM feeds")"; sleep 0.1
done
[ "$(grep -c '^GET /feeds/' "$HTTPD_LOG")" = 2 ] || fail "feeds polled more than once: $(grep '^GET /feeds/' "$HTTPD_LOG")"
quotectl feed list >"$WORK_DIR/list.txt" || fail "feed list"
kill -TERM "$D"
wait "$D" || fail "the daemon exited badly"
echo "feed_lease: ok"
