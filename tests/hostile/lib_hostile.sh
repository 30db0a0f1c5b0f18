# Helpers for tests/integration/hostile_*.sh and fault_*.sh (sourced after
# tests/lib.sh). The hostile server and the measuring wrapper are built
# here with cc, into $WORK_DIR, so the suite needs no CMake target.

HOSTILE_SRC="$SOURCE_DIR/tests/hostile"
HOSTILE_PID=

hostile_cleanup() {
	[ -n "$HOSTILE_PID" ] && kill "$HOSTILE_PID" 2>/dev/null || true
	[ -n "${HTTPD_PID:-}" ] && kill "$HTTPD_PID" 2>/dev/null || true
}
trap hostile_cleanup EXIT

# Build hostile_httpd and hostile_measure into $WORK_DIR.
build_hostile() {
	cc=${CC:-cc}
	command -v "$cc" >/dev/null 2>&1 || cc=cc
	"$cc" -std=gnu17 -O2 -o "$WORK_DIR/hostile_httpd" "$HOSTILE_SRC/hostile_httpd.c" -pthread -lz ||
		fail "cannot build hostile_httpd (needs zlib1g-dev)"
	"$cc" -std=gnu17 -O2 -o "$WORK_DIR/hostile_measure" "$HOSTILE_SRC/measure.c" ||
		fail "cannot build hostile_measure"
}

# Start the hostile server; sets HBASE (http://127.0.0.1:PORT), HPORT, HLOG.
start_hostile() { # [secret-file]
	HLOG="$WORK_DIR/hostile.log"
	rm -f "$WORK_DIR/hport"
	"$WORK_DIR/hostile_httpd" --port-file "$WORK_DIR/hport" --log "$HLOG" --secret "${1:-/nonexistent}" &
	HOSTILE_PID=$!
	i=0
	while [ ! -s "$WORK_DIR/hport" ]; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "hostile_httpd did not start"
		sleep 0.05
	done
	HPORT=$(cat "$WORK_DIR/hport")
	HBASE="http://127.0.0.1:$HPORT"
}

# A config for quoted: $1 = allow_private_addresses (true|false).
hostile_config() {
	cat >"$WORK_DIR/hostile.conf" <<CONF
[fetch]
allow_private_addresses = $1
host_delay_ms = 0
max_connections = 32
per_host_connections = 16
connect_timeout = 3
timeout = 10
contact_url = https://example.invalid/quoted-tests
CONF
	CONFIG="$WORK_DIR/hostile.conf"
}

# Run a command under hostile_measure; sets M_SECS, M_KB, M_RC.
measure() { # outfile-tag command...
	tag=$1
	shift
	M_RC=0
	"$WORK_DIR/hostile_measure" "$WORK_DIR/measure.$tag" "$@" || M_RC=$?
	read -r M_SECS M_KB _ <"$WORK_DIR/measure.$tag"
}

# Peak memory bound in MB for one quoted run: ASan's shadow memory and
# quarantine inflate RSS, so a sanitized binary gets more room.
hostile_rss_limit_mb() {
	if [ -n "${HOSTILE_MAX_RSS_MB:-}" ]; then
		echo "$HOSTILE_MAX_RSS_MB"
	elif grep -q __asan_init "$QUOTED_BIN" 2>/dev/null; then
		echo 1024
	else
		echo 256
	fi
}

# A site for test_httpd under $1: $2 feeds (feeds/fN.xml) of $3 items
# each, every item an article (articles/aN_M.html) with two attributed
# quotations. Deterministic, so two runs can be compared quote for quote.
make_site() { # dir nfeeds nitems
	mkdir -p "$1/feeds" "$1/articles"
	names="Anna Berg|Carl Dahl|Eva Lind|Hugo Sand|Ines Falk|Jon Holm|Karin Ek|Leo Strand"
	f=1
	while [ $f -le "$2" ]; do
		{
			printf '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
			printf '<title>Feed %d</title><link>{{BASE}}/</link><description>load</description>\n' "$f"
			i=1
			while [ $i -le "$3" ]; do
				printf '<item><title>Story %d-%d</title><link>{{BASE}}/articles/a%d_%d.html</link>' "$f" "$i" "$f" "$i"
				printf '<guid>story-%d-%d</guid><pubDate>Mon, 05 Jan 2026 10:%02d:00 GMT</pubDate></item>\n' "$f" "$i" $((i % 60))
				i=$((i + 1))
			done
			printf '</channel></rss>\n'
		} >"$1/feeds/f$f.xml"
		i=1
		while [ $i -le "$3" ]; do
			n=$(((f * 7 + i) % 8 + 1))
			who=$(echo "$names" | cut -d'|' -f$n)
			cat >"$1/articles/a${f}_$i.html" <<HTML
<!DOCTYPE html><html><head><title>Story $f-$i</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Story $f-$i</h1>
<p>The council met on Monday for the $i-th session of the year to discuss the harbour budget for
district $f, which has grown every year since the new cranes were ordered.</p>
<p>"Session $i of district $f will settle the harbour budget once and for all," said $who, the
finance minister, speaking to reporters outside the council chamber after the vote.</p>
<p>Opposition members said they had not been shown the full figures before the meeting and asked
for an independent review of the costs, which the council declined for now.</p>
<p>"We have nothing to hide about district $f," $who added. "The figures for session $i are public."</p>
</article><footer>Copyright</footer></body></html>
HTML
			i=$((i + 1))
		done
		f=$((f + 1))
	done
}

# Canonical content of the current database: one line per quote (article
# URL, offset, speaker, text), sorted. Two databases hold the same quotes
# exactly when these are equal.
db_fingerprint() {
	psql -X -q -A -t -c "SELECT a.url || '|' || q.start_offset || '|' || coalesce(q.speaker_name, '') || '|' || q.text
	                     FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY 1"
}

# "articles quotes feed_items" counts, and duplicates of any of them.
db_counts() {
	psql -X -q -A -t -c "SELECT (SELECT count(*) FROM articles) || ' ' || (SELECT count(*) FROM quotes) || ' ' ||
	                     (SELECT count(*) FROM feed_items WHERE article_id IS NOT NULL)"
}
db_duplicates() {
	psql -X -q -A -t -c "SELECT (SELECT count(*) FROM (SELECT url FROM articles GROUP BY 1 HAVING count(*) > 1) a)
	                          + (SELECT count(*) FROM (SELECT article_id, start_offset FROM quotes GROUP BY 1, 2 HAVING count(*) > 1) q)
	                          + (SELECT count(*) FROM (SELECT article_id, text FROM quotes GROUP BY 1, 2 HAVING count(*) > 1) t)"
}

# Wait until SQL $1 prints something other than 0 / empty, at most $2 s.
wait_for_sql() { # sql seconds
	i=0
	while [ $i -lt $(($2 * 10)) ]; do
		v=$(psql -X -q -A -t -c "$1" 2>/dev/null || true)
		[ -n "$v" ] && [ "$v" != 0 ] && [ "$v" != f ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Wait for process $1 to exit, at most $2 seconds; sets WAIT_RC (exit
# status, or "timeout").
wait_pid() { # pid seconds
	i=0
	# A child that exited stays a zombie until waited for: look at its state.
	while [ -e "/proc/$1" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; do
		i=$((i + 1))
		if [ $i -gt $(($2 * 10)) ]; then
			WAIT_RC=timeout
			return 1
		fi
		sleep 0.1
	done
	WAIT_RC=0
	wait "$1" || WAIT_RC=$?
	return 0
}
