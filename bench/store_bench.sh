#!/bin/sh
# Storing benchmark (issue 7): ARTICLES articles of PER quotes each (default
# 10,000 x 10 = 100,000 quotes) stored through quoted's real store path
# (store_bench: store_article() on the dbq, one quoted_store_article()
# statement per article, pipelined), into a freshly migrated database each
# run; then, as the limit, the very rows it wrote (articles, feed_items,
# speakers, speaker_aliases, statements, quotes) loaded with psql's \copy
# into another freshly migrated database, same schema and indexes, in one
# transaction. Each figure is the median of RUNS runs, [min..max].
#   bench/store_bench.sh [BUILD_DIR]   env: ARTICLES, PER, RUNS, PGCLUSTER_PORT
# Prints "RESULT name value [min..max]" lines that bench/run collects.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build-release}" && pwd)
articles=${ARTICLES:-10000}
per=${PER:-10}
runs=${RUNS:-3}
port=${PGCLUSTER_PORT:-54349}
[ -x "$build/bench/store_bench" ] || { echo "store_bench: no $build/bench/store_bench: build first" >&2; exit 1; }
work=$(mktemp -d /tmp/quoted-bench-store.XXXXXX)
chmod 755 "$work"
cleanup() {
	[ -f "$work/pg.env" ] && PGCLUSTER_PORT=$port "$top/scripts/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
PGCLUSTER_PORT=$port "$top/scripts/pg-cluster.sh" start "$work/pg" "$work/pg.env" >/dev/null
. "$work/pg.env"
export PGDATABASE=bench

tables="articles feed_items speakers speaker_aliases statements quotes"
fresh_db() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null 2>&1
	"$build/quotectl" db migrate >/dev/null
	psql -X -q -v ON_ERROR_STOP=1 -c "INSERT INTO feeds (id, url) VALUES (1, 'https://bench.invalid/feed')" >/dev/null
}
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
stats() { # file -> "median [min..max]"
	echo "$(median <"$1") [$(sort -g "$1" | head -1)..$(sort -g "$1" | tail -1)]"
}

: >"$work/q.rate"
: >"$work/c.rate"
: >"$work/q.rss"
r=1
while [ "$r" -le "$runs" ]; do
	fresh_db
	/usr/bin/time -f '%M' -o "$work/rss" "$build/bench/store_bench" --articles "$articles" --per "$per" >"$work/out" ||
		{ cat "$work/out" >&2; echo "store_bench: storing failed" >&2; exit 1; }
	quotes=$(awk '$1 == "COUNT" && $2 == "quotes" { print $3 }' "$work/out")
	awk -v q="$quotes" '$1 == "RUN" { printf "%.1f\n", q / $2 }' "$work/out" >>"$work/q.rate"
	awk '{ printf "%.1f\n", $1 / 1024 }' "$work/rss" >>"$work/q.rss"
	r=$((r + 1))
done

# The rows quoted wrote, as COPY text, then loaded into fresh databases.
for t in $tables; do
	psql -X -q -v ON_ERROR_STOP=1 -c "\\copy $t TO '$work/$t.copy'"
done
{
	echo "BEGIN;"
	for t in $tables; do printf '\\copy %s FROM %s\n' "$t" "'$work/$t.copy'"; done # not echo: dash reads \c
	echo "COMMIT;"
} >"$work/load.sql"
r=1
while [ "$r" -le "$runs" ]; do
	fresh_db
	t0=$(now)
	/usr/bin/time -f '%M' -o "$work/crss" psql -X -q -v ON_ERROR_STOP=1 -f "$work/load.sql" >/dev/null
	t1=$(now)
	n=$(psql -X -q -A -t -c "SELECT count(*) FROM quotes")
	[ "$n" = "$quotes" ] || { echo "store_bench: COPY loaded $n quotes, not $quotes" >&2; exit 1; }
	echo "$t1 $t0" | awk -v q="$quotes" '{ printf "%.1f\n", q / ($1 - $2) }' >>"$work/c.rate"
	r=$((r + 1))
done
q=$(median <"$work/q.rate")
c=$(median <"$work/c.rate")
echo "RESULT store_quotes $quotes"
echo "RESULT store_quoted_quotes_per_s $(stats "$work/q.rate")"
echo "RESULT store_copy_quotes_per_s $(stats "$work/c.rate")"
echo "RESULT store_ratio $(echo "$q $c" | awk '{ printf "%.2f", $1 / $2 }')"
echo "RESULT store_quoted_peak_rss_mib $(median <"$work/q.rss")"
