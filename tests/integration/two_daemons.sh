#!/bin/sh
# Two daemons on one database share 200 feeds: leases (FOR UPDATE SKIP
# LOCKED) make every feed polled exactly once in the round, and every item
# stored once. The items carry their text in the feed (no article page).
# Then one --once pass, which leases in chunks of max_connections * 4 (32
# here), must poll each of the 200 feeds exactly once more.
. "$(dirname "$0")/../lib.sh"
new_db two
write_config
cat >>"$CONFIG" <<CONF
max_connections = 8
[schedule]
check_interval = 1
min_interval = 300
CONF
site="$WORK_DIR/site"
mkdir -p "$site/feeds"
i=1
while [ $i -le 200 ]; do
	cat >"$site/feeds/f$i.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire $i</title><link>{{BASE}}/</link>
<item><title>Council vote $i</title><guid isPermaLink="false">wire-$i-vote</guid>
<description><![CDATA[<p>The council met on Tuesday to vote on plan number $i.</p><p>“We will publish the full minutes of meeting $i tomorrow,” said council spokeswoman Nadia Ferrer.</p>]]></description>
</item></channel></rss>
XML
	i=$((i + 1))
done
start_httpd "$site"
quotectl db migrate >/dev/null
psql -X -q -c "INSERT INTO feeds (url) SELECT '$BASE/feeds/f' || g || '.xml' FROM generate_series(1, 200) g"

"$QUOTED_BIN" -v -c "$CONFIG" 2>"$WORK_DIR/a.log" &
A=$!
"$QUOTED_BIN" -v -c "$CONFIG" 2>"$WORK_DIR/b.log" &
B=$!
stop_all() { kill "$A" "$B" 2>/dev/null || true; cleanup; }
trap stop_all EXIT

n=0
while [ "$(sql "SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL")" != 200 ]; do
	n=$((n + 1))
	[ $n -lt 600 ] || fail "not every feed was polled within 60 s"
	sleep 0.1
done
sleep 3 # a few more checks: nothing may be polled a second time
kill -TERM "$A" "$B"
wait "$A" || fail "daemon A exited badly"
wait "$B" || fail "daemon B exited badly"

polled_a=$(grep -c ': 1 items' "$WORK_DIR/a.log" || true)
polled_b=$(grep -c ': 1 items' "$WORK_DIR/b.log" || true)
echo "daemon A polled $polled_a feeds, daemon B $polled_b"
[ "$polled_a" -gt 0 ] && [ "$polled_b" -gt 0 ] || fail "one daemon did all the work"
requests=$(grep -c '^GET /feeds/f' "$HTTPD_LOG")
distinct=$(grep '^GET /feeds/f' "$HTTPD_LOG" | cut -d' ' -f2 | sort -u | wc -l)
[ "$requests" = 200 ] || fail "$requests feed requests for 200 feeds"
[ "$distinct" = 200 ] || fail "$distinct distinct feeds requested"
[ "$(sql "SELECT count(*) FROM articles")" = 200 ] || fail "articles"
[ "$(sql "SELECT count(*) FROM quotes")" = 200 ] || fail "quotes: $(sql "SELECT count(*) FROM quotes")"
[ "$(sql "SELECT count(DISTINCT speaker_id) FROM quotes")" = 1 ] || fail "one speaker expected"

: >"$HTTPD_LOG"
"$QUOTED_BIN" -v -c "$CONFIG" --once 2>"$WORK_DIR/once.log" || fail "quoted --once failed"
grep -q "done: 200 feeds polled" "$WORK_DIR/once.log" || fail "--once: $(grep 'done:' "$WORK_DIR/once.log")"
requests=$(grep -c '^GET /feeds/f' "$HTTPD_LOG")
distinct=$(grep '^GET /feeds/f' "$HTTPD_LOG" | cut -d' ' -f2 | sort -u | wc -l)
[ "$requests" = 200 ] && [ "$distinct" = 200 ] || fail "--once: $requests requests for $distinct of 200 feeds"
[ "$(sql "SELECT count(*) FROM quotes")" = 200 ] || fail "quotes after --once"
echo "two_daemons: ok"
