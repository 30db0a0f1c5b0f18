#!/bin/sh
# Fault: PostgreSQL stops for 30 s in the middle of a `quoted --once` run,
# then starts again. quoted must wait (reconnecting with backoff), finish
# the run, and leave exactly what a run without the fault leaves: the same
# quotes, none twice. The outage uses a private cluster of its own
# (scripts/pg-cluster.sh, own directory and socket), never the shared one.
. "$(dirname "$0")/../lib.sh"
. "$SOURCE_DIR/tests/hostile/lib_hostile.sh"

OUTAGE=${FAULT_OUTAGE_SECONDS:-30}
make_site "$WORK_DIR/site" 4 40
start_httpd "$WORK_DIR/site"
# Slow enough that the run is still going when the database goes away:
# one connection to the host, 40 ms between requests (~7 s for 164 fetches).
conf() {
	cat >"$WORK_DIR/fault.conf" <<CONF
[fetch]
allow_private_addresses = true
host_delay_ms = 40
per_host_connections = 1
timeout = 20
CONF
}
conf
add_feeds() {
	for f in 1 2 3 4; do "$QUOTECTL_BIN" feed add "$BASE/feeds/f$f.xml" >/dev/null; done
}

# The reference: the same run, no fault, on the shared test cluster.
new_db fault_outage_ref
"$QUOTECTL_BIN" db migrate >/dev/null
add_feeds
"$QUOTED_BIN" -c "$WORK_DIR/fault.conf" --once 2>"$WORK_DIR/ref.log" || { tail "$WORK_DIR/ref.log"; fail "reference run failed"; }
db_fingerprint >"$WORK_DIR/ref.txt"
ref_counts=$(db_counts)
[ "$(wc -l <"$WORK_DIR/ref.txt")" -ge 160 ] || fail "reference run stored only $(wc -l <"$WORK_DIR/ref.txt") quotes"

# The private cluster.
pgdir=$(mktemp -d /tmp/quoted-fault-pg.XXXXXX)
chmod 755 "$pgdir"
export PGCLUSTER_PORT=$((55000 + $$ % 1000))
stop_private() { "$SOURCE_DIR/scripts/pg-cluster.sh" stop "$pgdir" >/dev/null 2>&1 || true; }
QPID=
cleanup_fault() {
	[ -n "$QPID" ] && kill -9 "$QPID" 2>/dev/null || true
	stop_private
	rm -rf "$pgdir"
	hostile_cleanup
}
trap cleanup_fault EXIT
"$SOURCE_DIR/scripts/pg-cluster.sh" start "$pgdir" "$WORK_DIR/private.env" >/dev/null || fail "cannot start a private cluster"
. "$WORK_DIR/private.env"
export PGDATABASE=postgres
psql -q -c "CREATE DATABASE fault_outage" >/dev/null
export PGDATABASE=fault_outage
"$QUOTECTL_BIN" db migrate >/dev/null
add_feeds

"$QUOTED_BIN" -c "$WORK_DIR/fault.conf" --once 2>"$WORK_DIR/fault.log" &
QPID=$!
wait_for_sql "SELECT count(*) >= 10 FROM articles" 30 || fail "the run stored nothing within 30 s"
before=$(psql -X -q -A -t -c "SELECT count(*) FROM articles")
stop_private
echo "PostgreSQL stopped after $before articles; down for $OUTAGE s"
sleep "$OUTAGE"
kill -0 "$QPID" 2>/dev/null || fail "quoted exited while the database was down"
"$SOURCE_DIR/scripts/pg-cluster.sh" start "$pgdir" "$WORK_DIR/private.env" >/dev/null || fail "cannot restart the private cluster"
echo "PostgreSQL started again"
wait_pid "$QPID" 120 || fail "quoted did not finish within 120 s of the database coming back"
QPID=
[ "$WAIT_RC" = 0 ] || { tail -20 "$WORK_DIR/fault.log"; fail "quoted exited $WAIT_RC after the outage"; }
grep -q "database connection is back" "$WORK_DIR/fault.log" || fail "quoted did not log the reconnection"

db_fingerprint >"$WORK_DIR/fault.txt"
counts=$(db_counts)
dups=$(db_duplicates)
echo "reference: $ref_counts   after the outage: $counts (articles quotes items)"
[ "$dups" = 0 ] || fail "$dups duplicated rows after the outage"
diff -u "$WORK_DIR/ref.txt" "$WORK_DIR/fault.txt" >"$WORK_DIR/diff.txt" ||
	{ head -20 "$WORK_DIR/diff.txt"; fail "the database differs from the run without the fault"; }
[ "$counts" = "$ref_counts" ] || fail "counts differ: $counts, want $ref_counts"
echo "fault_db_outage: ok"
