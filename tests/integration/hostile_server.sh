#!/bin/sh
# The hostile-server suite (issue 6): a real `quoted --once` against
# tests/hostile/hostile_httpd.c, one feed per misbehaviour plus a healthy
# control feed. Each case must end in bounded time and memory with a clear
# outcome recorded on its feed (feeds.last_error), and must leave the
# control feed unharmed. Prints a table: case, outcome, seconds, peak memory.
#
# Two parts, because the server itself lives on 127.0.0.1:
#  1. The address guard ON (the default): every feed that points at the
#     server by some spelling of a loopback address (127.0.0.1, localhost,
#     0177.0.0.1, 0x7f.0.0.1, 2130706433, [::ffff:127.0.0.1], [::1]), at
#     169.254.169.254, or that would redirect to them, must be refused
#     before any connection is made. quoted runs in a network namespace of
#     its own with no interface up, so nothing can leave even if the guard
#     broke: the proof is the "refused to connect" error on every feed.
#  2. The guard OFF (allow_private_addresses = true), to reach the server:
#     each misbehaviour alone (timed and measured), then all of them at
#     once with the control feed, which must still store its article.
. "$(dirname "$0")/../lib.sh"
. "$SOURCE_DIR/tests/hostile/lib_hostile.sh"

build_hostile
secret="$WORK_DIR/secret.txt"
marker="HOSTILE-SECRET-$$-$(date +%s)"
echo "$marker" >"$secret"
chmod 644 "$secret"
start_hostile "$secret"
RSS_LIMIT_MB=$(hostile_rss_limit_mb)
TIME_LIMIT=60
TABLE="$WORK_DIR/table.txt"
: >"$TABLE"
failures=0

row() { # case outcome secs kb
	printf '%-22s | %-80.80s | %6s | %6s MB\n' "$1" "$2" "$3" "$(($4 / 1024))" >>"$TABLE"
}
bad() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
check_bounds() { # case secs kb
	awk -v s="$2" -v l="$TIME_LIMIT" 'BEGIN { exit !(s <= l) }' || bad "$1: took $2 s (limit $TIME_LIMIT s)"
	[ $(($3 / 1024)) -le "$RSS_LIMIT_MB" ] || bad "$1: peak memory $(($3 / 1024)) MB (limit $RSS_LIMIT_MB MB)"
}
# "status|error|articles stored|seconds to next poll" of the feed at URL $1.
feed_state() {
	sql "SELECT coalesce(last_status::text, '-') || '|' || coalesce(replace(last_error, '|', '/'), '') || '|' ||
	            (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.article_id IS NOT NULL) || '|' ||
	            extract(epoch FROM next_poll_at - now())::int
	     FROM feeds f WHERE url = '$1'"
}
field() { echo "$1" | cut -d'|' -f"$2"; }

quotectl_q() { "$QUOTECTL_BIN" "$@" >/dev/null; }

# ---------------------------------------------------------------- part 1
new_db hostile_guard
quotectl_q db migrate
hostile_config false
P=$HPORT
set -- \
	guard-127.0.0.1 "http://127.0.0.1:$P/control.xml" \
	guard-localhost "http://localhost:$P/control.xml" \
	guard-0177.0.0.1 "http://0177.0.0.1:$P/control.xml" \
	guard-0x7f.0.0.1 "http://0x7f.0.0.1:$P/control.xml" \
	guard-2130706433 "http://2130706433:$P/control.xml" \
	guard-::ffff:127.0.0.1 "http://[::ffff:127.0.0.1]:$P/control.xml" \
	guard-::1 "http://[::1]:$P/control.xml" \
	guard-169.254.169.254 "http://169.254.169.254/latest/meta-data/" \
	redirect-to-127.0.0.1 "http://127.0.0.1:$P/redirect-loopback.xml" \
	redirect-to-metadata "http://127.0.0.1:$P/redirect-metadata.xml"
guard_cases="$*"
while [ $# -gt 0 ]; do
	quotectl_q feed add "$2"
	shift 2
done
before=$(wc -l <"$HLOG")
netns=
if unshare -n true 2>/dev/null; then
	netns="unshare -n"
elif unshare -r -n true 2>/dev/null; then
	netns="unshare -r -n"
fi
if [ -z "$netns" ]; then
	echo "note: no network namespace available; skipping the 169.254.169.254 feeds"
	sql "DELETE FROM feeds WHERE url LIKE '%169.254%' OR url LIKE '%redirect-metadata%'" >/dev/null
fi
# shellcheck disable=SC2086
measure guard $netns "$QUOTED_BIN" -c "$CONFIG" --once 2>"$WORK_DIR/quoted.guard.log"
[ "$M_RC" = 0 ] || { tail -20 "$WORK_DIR/quoted.guard.log"; bad "guard run: quoted exit $M_RC"; }
check_bounds guard-run "$M_SECS" "$M_KB"
set -- $guard_cases
while [ $# -gt 0 ]; do
	st=$(feed_state "$2")
	if [ -z "$st" ]; then
		row "$1" "skipped (no network namespace)" - 0
	else
		err=$(field "$st" 2)
		case $err in
		"refused to connect to "*) row "$1" "$err" "$M_SECS" "$M_KB" ;;
		*)
			row "$1" "NOT REFUSED: ${err:-no error}" "$M_SECS" "$M_KB"
			bad "$1: expected the address guard to refuse, got '${err:-no error}'"
			;;
		esac
	fi
	shift 2
done
[ "$(wc -l <"$HLOG")" = "$before" ] || bad "the guard run reached the hostile server"

# ---------------------------------------------------------------- part 2
new_db hostile
quotectl_q db migrate
hostile_config true
B=$HBASE
# case|path|expectation: "error:REGEX" (last_error must match, nothing
# stored), "note:REGEX" (last_error must match), "ok" (success with an
# article stored) or "any" (bounded in time and memory and a recorded
# outcome is all we ask; the specific checks below still apply).
cases="
slow-1-byte-per-s|/slow.xml|error:timed out
endless-body|/endless.xml|error:body larger than
huge-content-length|/huge-length.xml|error:(size|larger)
chunked-1GiB|/chunked.xml|error:body larger than
gzip-bomb|/gzip-bomb.xml|error:body larger than
redirect-loop|/redirect-loop.xml|error:redirects
redirect-to-file|/redirect-file.xml|error:(file|[Pp]rotocol)
http-429-retry-after|/429.xml|error:HTTP status 429
http-503-retry-after|/503.xml|error:HTTP status 503
html-not-a-feed|/html.xml|error:(not a feed|HTML)
billion-laughs|/billion-laughs.xml|error:(malformed|[Ee]ntit)
external-entity|/xxe.xml|any
text-node-10MiB|/text-node.xml|any
nesting-10000|/nesting.xml|any
invalid-utf8-and-nul|/invalid-utf8.xml|any
article-invalid-utf8|/invalid-utf8-article.xml|ok
items-100000|/many-items.xml|note:wait for later polls
article-nesting-10000|/deep-article.xml|any
"
quotectl_q feed add "$B/control.xml"
echo "$cases" | while IFS='|' read -r name path want; do
	[ -z "$name" ] || quotectl_q feed add "$B$path"
done

# Judge the feed of one case; appends a table row.
judge() { # name url want secs kb
	st=$(feed_state "$2")
	status=$(field "$st" 1)
	err=$(field "$st" 2)
	stored=$(field "$st" 3)
	if [ -n "$err" ]; then
		outcome="error ($status): $err"
	else
		outcome="ok ($status): $stored article(s) stored"
	fi
	row "$1" "$outcome" "$4" "$5"
	check_bounds "$1" "$4" "$5"
	case $3 in
	error:*)
		echo "$err" | grep -Eq "${3#error:}" || bad "$1: last_error '$err' does not match /${3#error:}/"
		[ "$stored" = 0 ] || bad "$1: stored $stored article(s)"
		;;
	note:*) echo "$err" | grep -Eq "${3#note:}" || bad "$1: last_error '$err' does not match /${3#note:}/" ;;
	ok) [ -z "$err" ] && [ "$stored" -ge 1 ] || bad "$1: expected success with an article, got '$outcome'" ;;
	esac
	[ "$status" != - ] || [ -n "$err" ] || bad "$1: no outcome recorded on the feed"
}

# Each case alone: only its feed is active.
echo "$cases" | while IFS='|' read -r name path want; do
	[ -n "$name" ] || continue
	sql "UPDATE feeds SET state = CASE WHEN url = '$B$path' THEN 'active' ELSE 'paused' END" >/dev/null
	measure "$name" "$QUOTED_BIN" -c "$CONFIG" --once 2>"$WORK_DIR/quoted.$name.log"
	[ "$M_RC" = 0 ] || { tail -5 "$WORK_DIR/quoted.$name.log"; echo "FAIL: $name: quoted exit $M_RC" >&2; echo x >>"$WORK_DIR/failed"; }
	judge "$name" "$B$path" "$want" "$M_SECS" "$M_KB" 2>>"$WORK_DIR/failed.msg" || true
done
[ -s "$WORK_DIR/failed.msg" ] && { cat "$WORK_DIR/failed.msg" >&2; failures=$((failures + $(wc -l <"$WORK_DIR/failed.msg"))); }
[ -s "$WORK_DIR/failed" ] && failures=$((failures + 1))

# Case-specific checks.
st=$(sql "SELECT extract(epoch FROM next_poll_at - now())::int FROM feeds WHERE url = '$B/429.xml'")
[ "$st" -ge 3000 ] || bad "429: next poll in $st s, Retry-After said 3600"
st=$(sql "SELECT extract(epoch FROM next_poll_at - now())::int FROM feeds WHERE url = '$B/503.xml'")
[ "$st" -ge 6000 ] || bad "503: next poll in $st s, Retry-After said 7200"
grep -q 'evil.dtd' "$HLOG" && bad "an external DTD or entity was fetched from the server"
hits=$(sql "SELECT (SELECT count(*) FROM feeds WHERE title LIKE '%$marker%' OR last_error LIKE '%$marker%')
              + (SELECT count(*) FROM articles WHERE body LIKE '%$marker%' OR title LIKE '%$marker%')
              + (SELECT count(*) FROM quotes WHERE text LIKE '%$marker%')")
[ "$hits" = 0 ] || bad "the external entity's local file reached the database ($hits rows)"
big=$(sql "SELECT coalesce(max(length(body)), 0) FROM articles")
[ "$big" -le 33554432 ] || bad "an article body of $big bytes was stored"
items=$(sql "SELECT count(*) FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE f.url = '$B/many-items.xml'")
[ "$items" -le 1000 ] || bad "items-100000: $items items taken in one poll (at most 1000)"

# All at once, with the control feed.
sql "UPDATE feeds SET state = 'active', next_poll_at = now(), error_count = 0" >/dev/null
measure all "$QUOTED_BIN" -c "$CONFIG" --once 2>"$WORK_DIR/quoted.all.log"
[ "$M_RC" = 0 ] || { tail -20 "$WORK_DIR/quoted.all.log"; bad "all-at-once run: quoted exit $M_RC"; }
judge "control (all at once)" "$B/control.xml" ok "$M_SECS" "$M_KB" 2>>"$WORK_DIR/failed2.msg" || true
[ -s "$WORK_DIR/failed2.msg" ] && { cat "$WORK_DIR/failed2.msg" >&2; failures=$((failures + 1)); }
out=$("$QUOTECTL_BIN" who-said "keep the port open" || true)
case $out in *"Anna Berg"*) ;; *) bad "control feed: quote not found: $out" ;; esac
echo "$cases" | while IFS='|' read -r name path want; do
	[ -n "$name" ] || continue
	case $want in error:*)
		e=$(sql "SELECT coalesce(last_error, '') FROM feeds WHERE url = '$B$path'")
		echo "$e" | grep -Eq "${want#error:}" || echo "FAIL: $name (all at once): last_error '$e'" >&2
		;;
	esac
done 2>"$WORK_DIR/failed3.msg"
[ -s "$WORK_DIR/failed3.msg" ] && { cat "$WORK_DIR/failed3.msg" >&2; failures=$((failures + 1)); }
dup=$(sql "SELECT count(*) FROM (SELECT article_id, start_offset FROM quotes GROUP BY 1, 2 HAVING count(*) > 1) d")
[ "$dup" = 0 ] || bad "$dup duplicated quotes"

printf '\n%-22s | %-80s | %6s | %9s\n' case outcome secs "peak mem"
printf '%s\n' "-----------------------+----------------------------------------------------------------------------------+--------+----------"
cat "$TABLE"
echo "(memory limit per run: $RSS_LIMIT_MB MB; time limit per run: $TIME_LIMIT s)"
[ "$failures" = 0 ] || fail "$failures hostile case(s) failed"
echo "hostile_server: ok"
