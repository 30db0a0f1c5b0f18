#!/bin/sh
# Load and fairness (issue 6), run by hand, not in CI (see docs/load.md):
#   tests/load/load_fairness.sh [BUILD_DIR]        (default: build)
# 10,000 feeds on a local test_httpd, every feed on a 5-minute interval,
# quoted running as a daemon for 10 minutes against a private PostgreSQL.
# Passes when no feed is starved (the worst lateness of a due feed stays
# below one interval, and every feed was polled at least twice) and memory
# stays flat (peak RSS of the last third within 20% of the middle third).
# Smaller runs: LOAD_FEEDS=2000 LOAD_INTERVAL=60 LOAD_MINUTES=3.
# Traffic goes only to 127.0.0.1; the run ends by itself.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
FEEDS=${LOAD_FEEDS:-10000}
INTERVAL=${LOAD_INTERVAL:-300}
MINUTES=${LOAD_MINUTES:-10}
work=$(mktemp -d /tmp/quoted-load.XXXXXX)
chmod 755 "$work"
pgdir="$work/pg"
export PGCLUSTER_PORT=${PGCLUSTER_PORT:-$((56000 + $$ % 1000))}
QPID= HPID= SPID=
cleanup() {
	[ -n "$QPID" ] && kill -9 "$QPID" 2>/dev/null || true
	[ -n "$HPID" ] && kill "$HPID" 2>/dev/null || true
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null || true
	"$src/scripts/pg-cluster.sh" stop "$pgdir" >/dev/null 2>&1 || true
	[ -n "${LOAD_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
echo "load: $FEEDS feeds, ${INTERVAL}-s interval, $MINUTES min; work dir $work"

# The site: one small RSS file per feed, one item each whose content is in
# the feed (no article page), so the load is the polling itself.
mkdir -p "$work/site/feeds"
awk -v n="$FEEDS" -v dir="$work/site/feeds" 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = dir "/f" i ".xml"
		printf "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Load %d</title>", i > f
		printf "<item><guid>load-%d</guid><title>Statement %d</title><description>" \
			"&lt;p&gt;&quot;Feed %d is on time,&quot; said Anna Berg, the transport minister, " \
			"on Monday.&lt;/p&gt;</description></item></channel></rss>\n", i, i, i > f
		close(f)
	}
}'
"$build/tests/test_httpd" --root "$work/site" --port-file "$work/port" --log "$work/httpd.log" &
HPID=$!
i=0
while [ ! -s "$work/port" ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "test_httpd did not start"
	sleep 0.05
done
base="http://127.0.0.1:$(cat "$work/port")"

"$src/scripts/pg-cluster.sh" start "$pgdir" "$work/pg.env" >/dev/null
. "$work/pg.env"
export PGDATABASE=postgres
psql -q -c "CREATE DATABASE load" >/dev/null
export PGDATABASE=load
"$build/quotectl" db migrate >/dev/null
psql -q -c "INSERT INTO feeds (url, interval_s) SELECT '$base/feeds/f' || g || '.xml', $INTERVAL
            FROM generate_series(1, $FEEDS) g" >/dev/null

cat >"$work/quoted.conf" <<CONF
[fetch]
allow_private_addresses = true
host_delay_ms = 0
max_connections = 32
per_host_connections = 32
timeout = 30
[schedule]
default_interval = $INTERVAL
min_interval = $INTERVAL
max_interval = $INTERVAL
CONF

start=$(date +%s)
end=$((start + MINUTES * 60))
"$build/quoted" -c "$work/quoted.conf" 2>"$work/quoted.log" &
QPID=$!

# Every 5 s: the most overdue feed (due and not yet leased) and quoted's RSS.
: >"$work/samples"
while [ "$(date +%s)" -lt "$end" ]; do
	kill -0 "$QPID" 2>/dev/null || fail "quoted died; see $work/quoted.log"
	late=$(psql -X -q -A -t -c "SELECT coalesce(max(extract(epoch FROM now() - next_poll_at))::int, 0)
	                            FROM feeds WHERE state = 'active' AND next_poll_at < now()")
	rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$QPID/status")
	echo "$(($(date +%s) - start)) $late $rss" >>"$work/samples"
	sleep 5
done
kill -TERM "$QPID"
i=0
while [ -e "/proc/$QPID" ] && [ "$(cut -d' ' -f3 "/proc/$QPID/stat")" != Z ]; do
	i=$((i + 1))
	[ $i -lt 150 ] || fail "quoted did not stop within 15 s of SIGTERM"
	sleep 0.1
done
wait "$QPID" || fail "quoted exited $? after SIGTERM"
QPID=

worst=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$work/samples")
polls=$(grep -c '^GET /feeds/' "$work/httpd.log" || true)
min_polls=$(grep '^GET /feeds/' "$work/httpd.log" | awk '{ c[$2]++ } END { m = -1; for (k in c) if (m < 0 || c[k] < m) m = c[k]; print (length(c) < '"$FEEDS"') ? 0 : m }')
errors=$(psql -X -q -A -t -c "SELECT count(*) FROM feeds WHERE last_error IS NOT NULL")
articles=$(psql -X -q -A -t -c "SELECT count(*) FROM articles")
# RSS: peak of the middle third against the peak of the last third.
n=$(wc -l <"$work/samples")
mid=$(awk -v n="$n" 'NR > n / 3 && NR <= 2 * n / 3 && $3 > m { m = $3 } END { print m + 0 }' "$work/samples")
last=$(awk -v n="$n" 'NR > 2 * n / 3 && $3 > m { m = $3 } END { print m + 0 }' "$work/samples")
echo "seconds  worst-lateness-s  rss-kB  (every minute)"
awk 'NR % 12 == 1' "$work/samples"
echo "feed requests: $polls; fewest polls of one feed: $min_polls; feeds with an error: $errors; articles: $articles"
echo "worst lateness: $worst s (limit: $INTERVAL s); peak RSS middle third: $mid kB, last third: $last kB"
status=0
[ "$worst" -lt "$INTERVAL" ] || { echo "FAIL: a feed was $worst s late" >&2; status=1; }
[ "$min_polls" -ge 2 ] || { echo "FAIL: some feed was polled fewer than 2 times" >&2; status=1; }
[ "$errors" = 0 ] || { echo "FAIL: $errors feeds recorded an error" >&2; status=1; }
[ "$last" -le $((mid * 12 / 10)) ] || { echo "FAIL: memory grew from $mid to $last kB" >&2; status=1; }
[ $status = 0 ] && echo "load_fairness: ok"
exit $status
