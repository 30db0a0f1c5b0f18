#!/bin/sh
# Polling benchmark (issue 4): N local feeds (default 2,000) served by the
# test HTTP server without validators, so every pass downloads every body.
# After a first pass has stored their items, quoted polls them all once
# (fetch, digest the body, find it unchanged, record the poll); in the same
# run curl fetches the same URLs with --parallel --parallel-max 64. Then the
# same with the stored body digests cleared before each pass, so quoted
# parses every feed and checks every item key (what a pass costs when every
# feed changed). Then the repeat pass again over L feeds (default 10,000; 0
# skips it), where the fixed costs of a run (process start, libraries, the
# database connection) weigh less. Then quoted's peak RSS over M feeds
# (default 10,000). Each figure is the median of RUNS runs.
#   bench/poll_bench.sh [BUILD_DIR]   env: FEEDS, LARGE_FEEDS, RSS_FEEDS, RUNS
# Prints "RESULT name value unit" lines that bench/run collects.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build-release}" && pwd)
feeds=${FEEDS:-2000}
rss_feeds=${RSS_FEEDS:-10000}
large_feeds=${LARGE_FEEDS:-10000}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/quoted-bench-poll.XXXXXX)
chmod 755 "$work"
httpd_pid=
cleanup() {
	[ -n "$httpd_pid" ] && kill "$httpd_pid" 2>/dev/null
	[ -f "$work/pg.env" ] && PGCLUSTER_PORT=54339 "$top/scripts/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
[ -n "${KEEP:-}" ] && trap - EXIT

PGCLUSTER_PORT=54339 "$top/scripts/pg-cluster.sh" start "$work/pg" "$work/pg.env" >/dev/null
. "$work/pg.env"
export PGDATABASE=bench

make_feeds() { # count dir
	mkdir -p "$2"
	i=1
	while [ "$i" -le "$1" ]; do
		{
			printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench wire %d</title><link>http://bench.invalid/</link><ttl>5</ttl>\n' "$i"
			j=1
			while [ $j -le 10 ]; do
				printf '<item><title>Item %d of wire %d</title><guid isPermaLink="false">w%d-i%d</guid><pubDate>Mon, 02 Nov 2026 %02d:00:00 GMT</pubDate><description>&lt;p&gt;&#8220;Talks on item %d went well,&#8221; said minister Ana Ruiz.&lt;/p&gt;</description></item>\n' "$j" "$i" "$i" "$j" "$j" "$j"
				j=$((j + 1))
			done
			printf '</channel></rss>\n'
		} >"$2/f$i.xml"
		i=$((i + 1))
	done
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# "median [min..max]" of the figures in file $1
spread() { echo "$(median <"$1") [$(sort -n "$1" | head -1)..$(sort -n "$1" | tail -1)]"; }
rate() { echo "$1 $2" | awk -v n="$3" '{ printf "%.1f\n", n / ($2 - $1) }'; } # t0 t1 feeds
ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
# Stop unless quoted's log says all FEEDS were polled, UNCHANGED of them quiet.
expect_polled() { # LOG FEEDS UNCHANGED WHAT-IT-DID-NOT-DO
	grep -q "$2 feeds polled ($3 unchanged)" "$1" ||
		{ cat "$1" >&2; echo "poll_bench: quoted did not $4" >&2; exit 1; }
}
now() { date +%s.%N; }

setup_db() { # feed count
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null 2>&1
	"$build/quotectl" db migrate >/dev/null
	psql -X -q -c "INSERT INTO feeds (url) SELECT '$base/f' || g || '.xml' FROM generate_series(1, $1) g" >/dev/null
}

most=$((feeds > rss_feeds ? feeds : rss_feeds))
make_feeds "$((most > large_feeds ? most : large_feeds))" "$work/site"
"$build/tests/test_httpd" --root "$work/site" --port-file "$work/port" --no-validators &
httpd_pid=$!
while [ ! -s "$work/port" ]; do sleep 0.05; done
base="http://127.0.0.1:$(cat "$work/port")"
cat >"$work/quoted.conf" <<CONF
[fetch]
allow_private_addresses = true
max_connections = 64
per_host_connections = 64
host_delay_ms = 0
CONF
curl_config() { # feed count
	i=1
	: >"$work/curl.cfg"
	while [ "$i" -le "$1" ]; do
		printf 'url = "%s/f%d.xml"\noutput = "/dev/null"\n' "$base" "$i" >>"$work/curl.cfg"
		i=$((i + 1))
	done
}
curl_config "$feeds"

setup_db "$feeds"
"$build/quoted" -c "$work/quoted.conf" --once 2>/dev/null # store the items once
r=1
: >"$work/q.times"
: >"$work/c.times"
: >"$work/f.times"
while [ $r -le "$runs" ]; do
	t0=$(now)
	/usr/bin/time -f "%e %U %S" -o "$work/cpu" "$build/quoted" -c "$work/quoted.conf" --once 2>"$work/quoted.log"
	t1=$(now)
	curl -s --parallel --parallel-max 64 -K "$work/curl.cfg" 2>/dev/null
	t2=$(now)
	rate "$t0" "$t1" "$feeds" >>"$work/q.times"
	rate "$t1" "$t2" "$feeds" >>"$work/c.times"
	expect_polled "$work/quoted.log" "$feeds" "$feeds" "poll every feed as unchanged"
	psql -X -q -c "UPDATE feeds SET body_digest = NULL" >/dev/null
	t0=$(now)
	/usr/bin/time -f "%e %U %S" -o "$work/cpu.full" "$build/quoted" -c "$work/quoted.conf" --once 2>"$work/quoted.log"
	t1=$(now)
	rate "$t0" "$t1" "$feeds" >>"$work/f.times"
	expect_polled "$work/quoted.log" "$feeds" 0 "read every feed"
	r=$((r + 1))
done
q=$(median <"$work/q.times")
c=$(median <"$work/c.times")
echo "RESULT poll_quoted_feeds_per_s $(spread "$work/q.times")"
echo "RESULT poll_curl_feeds_per_s $(spread "$work/c.times")"
echo "RESULT poll_ratio $(ratio "$q" "$c")"
echo "RESULT poll_quoted_cpu_wall_user_sys_s $(cat "$work/cpu")"
f=$(median <"$work/f.times")
echo "RESULT poll_quoted_full_read_feeds_per_s $(spread "$work/f.times")"
echo "RESULT poll_full_read_ratio $(ratio "$f" "$c")"
echo "RESULT poll_quoted_full_read_cpu_wall_user_sys_s $(cat "$work/cpu.full")"

# The repeat pass over more feeds.
if [ "$large_feeds" -gt "$feeds" ]; then
	setup_db "$large_feeds"
	curl_config "$large_feeds"
	"$build/quoted" -c "$work/quoted.conf" --once 2>/dev/null
	: >"$work/lq.times"
	: >"$work/lc.times"
	r=1
	while [ $r -le "$runs" ]; do
		t0=$(now)
		"$build/quoted" -c "$work/quoted.conf" --once 2>"$work/quoted.log"
		t1=$(now)
		curl -s --parallel --parallel-max 64 -K "$work/curl.cfg" 2>/dev/null
		t2=$(now)
		rate "$t0" "$t1" "$large_feeds" >>"$work/lq.times"
		rate "$t1" "$t2" "$large_feeds" >>"$work/lc.times"
		expect_polled "$work/quoted.log" "$large_feeds" "$large_feeds" "poll every feed as unchanged"
		r=$((r + 1))
	done
	lq=$(median <"$work/lq.times")
	lc=$(median <"$work/lc.times")
	echo "RESULT poll_large_feeds $large_feeds"
	echo "RESULT poll_large_quoted_feeds_per_s $(spread "$work/lq.times")"
	echo "RESULT poll_large_curl_feeds_per_s $(spread "$work/lc.times")"
	echo "RESULT poll_large_ratio $(ratio "$lq" "$lc")"
fi

# Peak memory over many feeds, first pass (everything new is stored).
setup_db "$rss_feeds"
/usr/bin/time -f '%M' -o "$work/rss" "$build/quoted" -c "$work/quoted.conf" --once 2>"$work/quoted.log"
grep -q "$rss_feeds feeds polled" "$work/quoted.log" || { tail -3 "$work/quoted.log" >&2; exit 1; }
echo "RESULT poll_peak_rss_mib_at_${rss_feeds}_feeds $(awk '{ printf "%.1f", $1 / 1024 }' "$work/rss")"
