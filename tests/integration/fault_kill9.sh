#!/bin/sh
# Fault: kill -9 quoted in the middle of a `quoted --once` run, then run it
# again. The final database must hold exactly what a run without the fault
# holds: the same quotes, none twice (each article is one transaction and
# every write is an idempotent upsert; a feed's validators advance only
# after all its articles committed).
. "$(dirname "$0")/../lib.sh"
. "$SOURCE_DIR/tests/hostile/lib_hostile.sh"

make_site "$WORK_DIR/site" 4 40
start_httpd "$WORK_DIR/site"
cat >"$WORK_DIR/fault.conf" <<CONF
[fetch]
allow_private_addresses = true
host_delay_ms = 30
per_host_connections = 1
timeout = 20
CONF
add_feeds() {
	for f in 1 2 3 4; do "$QUOTECTL_BIN" feed add "$BASE/feeds/f$f.xml" >/dev/null; done
}
QPID=
cleanup_kill9() {
	[ -n "$QPID" ] && kill -9 "$QPID" 2>/dev/null || true
	hostile_cleanup
}
trap cleanup_kill9 EXIT

new_db fault_kill9_ref
"$QUOTECTL_BIN" db migrate >/dev/null
add_feeds
"$QUOTED_BIN" -c "$WORK_DIR/fault.conf" --once 2>"$WORK_DIR/ref.log" || { tail "$WORK_DIR/ref.log"; fail "reference run failed"; }
db_fingerprint >"$WORK_DIR/ref.txt"
ref_counts=$(db_counts)
[ "$(wc -l <"$WORK_DIR/ref.txt")" -ge 160 ] || fail "reference run stored only $(wc -l <"$WORK_DIR/ref.txt") quotes"

new_db fault_kill9
"$QUOTECTL_BIN" db migrate >/dev/null
add_feeds
# Kill it twice at different depths, then let a third run finish.
for at in 15 70; do
	"$QUOTED_BIN" -c "$WORK_DIR/fault.conf" --once 2>>"$WORK_DIR/fault.log" &
	QPID=$!
	wait_for_sql "SELECT count(*) >= $at FROM articles" 60 || fail "the run did not reach $at articles"
	kill -9 "$QPID"
	wait_pid "$QPID" 10 || fail "quoted survived kill -9"
	QPID=
	echo "killed quoted -9 at $(psql -X -q -A -t -c "SELECT count(*) FROM articles") articles"
done
"$QUOTED_BIN" -c "$WORK_DIR/fault.conf" --once 2>>"$WORK_DIR/fault.log" || { tail -20 "$WORK_DIR/fault.log"; fail "the run after kill -9 failed"; }

db_fingerprint >"$WORK_DIR/fault.txt"
counts=$(db_counts)
dups=$(db_duplicates)
echo "reference: $ref_counts   after kill -9 and restart: $counts (articles quotes items)"
[ "$dups" = 0 ] || fail "$dups duplicated rows"
diff -u "$WORK_DIR/ref.txt" "$WORK_DIR/fault.txt" >"$WORK_DIR/diff.txt" ||
	{ head -20 "$WORK_DIR/diff.txt"; fail "the database differs from the run without the fault"; }
[ "$counts" = "$ref_counts" ] || fail "counts differ: $counts, want $ref_counts"
# Every feed ended with a recorded success and validators.
ok=$(sql "SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL AND last_error IS NULL")
[ "$ok" = 4 ] || fail "only $ok of 4 feeds recorded success"
echo "fault_kill9: ok"
