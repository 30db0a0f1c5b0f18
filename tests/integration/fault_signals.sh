#!/bin/sh
# Signals: SIGTERM stops a busy daemon cleanly within 10 s (even with a
# transfer stuck on a server that sends 1 byte per second); SIGHUP with a
# broken configuration keeps the running one (and a valid one is applied,
# which shows the broken one really was not).
. "$(dirname "$0")/../lib.sh"
. "$SOURCE_DIR/tests/hostile/lib_hostile.sh"

build_hostile
start_hostile
make_site "$WORK_DIR/site" 4 30
start_httpd "$WORK_DIR/site"
QPID=
cleanup_signals() {
	[ -n "$QPID" ] && kill -9 "$QPID" 2>/dev/null || true
	hostile_cleanup
}
trap cleanup_signals EXIT

wait_for_log() { # file pattern seconds
	i=0
	until grep -q "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -le $(($3 * 10)) ] || return 1
		sleep 0.1
	done
}
conf() { # allow_private
	cat >"$WORK_DIR/quoted.conf" <<CONF
[fetch]
allow_private_addresses = $1
host_delay_ms = 40
per_host_connections = 2
timeout = 60
CONF
}
# Stop the daemon with SIGTERM; it must exit 0 within 10 s.
term_within_10s() { # what
	t0=$(date +%s.%N)
	kill -TERM "$QPID"
	wait_pid "$QPID" 10 || fail "$1: still running 10 s after SIGTERM"
	t1=$(date +%s.%N)
	QPID=
	[ "$WAIT_RC" = 0 ] || fail "$1: exit status $WAIT_RC after SIGTERM"
	echo "$1: exited 0, $(echo "$t1 - $t0" | bc 2>/dev/null || awk "BEGIN { print $t1 - $t0 }") s after SIGTERM"
}

# ---- SIGTERM while busy: articles in flight, a 1 byte/s transfer stuck
# (two connections per host: the slow feed holds one, articles use the other).
new_db signals_term
"$QUOTECTL_BIN" db migrate >/dev/null
"$QUOTECTL_BIN" feed add "$HBASE/slow.xml" >/dev/null
for f in 1 2 3 4; do "$QUOTECTL_BIN" feed add "$BASE/feeds/f$f.xml" >/dev/null; done
conf true
"$QUOTED_BIN" -c "$WORK_DIR/quoted.conf" 2>"$WORK_DIR/term.log" &
QPID=$!
wait_for_sql "SELECT count(*) >= 10 FROM articles" 30 || fail "the daemon stored nothing within 30 s"
grep -q "GET /slow.xml" "$HLOG" || fail "the slow transfer did not start"
term_within_10s "busy daemon"
grep -q "received Terminated, stopping" "$WORK_DIR/term.log" || fail "no stop message in the log"
dups=$(db_duplicates)
[ "$dups" = 0 ] || fail "$dups duplicated rows after SIGTERM"
# What was cut short is done by the next run, exactly once.
"$QUOTED_BIN" -c "$WORK_DIR/quoted.conf" --once 2>>"$WORK_DIR/term.log" &
QPID=$!
wait_pid "$QPID" 60 || fail "the run after SIGTERM did not finish"
QPID=
[ "$(db_counts)" = "120 360 120" ] || fail "after SIGTERM and a second run: $(db_counts), want 120 360 120"
[ "$(db_duplicates)" = 0 ] || fail "duplicates after the second run"

# ---- SIGTERM while idle.
"$QUOTED_BIN" -c "$WORK_DIR/quoted.conf" 2>"$WORK_DIR/idle.log" &
QPID=$!
wait_for_log "$WORK_DIR/idle.log" "started" 10 || fail "the daemon did not start"
sleep 1
term_within_10s "idle daemon"

# ---- SIGHUP with a broken configuration.
new_db signals_hup
"$QUOTECTL_BIN" db migrate >/dev/null
"$QUOTECTL_BIN" feed add "$BASE/feeds/f1.xml" >/dev/null
conf true
"$QUOTED_BIN" -c "$WORK_DIR/quoted.conf" 2>"$WORK_DIR/hup.log" &
QPID=$!
wait_for_sql "SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL" 30 || fail "feed 1 not polled"
printf '[fetch]\nallow_private_addresses = maybe\nthis line is not INI\n' >"$WORK_DIR/quoted.conf"
kill -HUP "$QPID"
wait_for_log "$WORK_DIR/hup.log" "reload failed, keeping the running configuration" 10 ||
	fail "no 'reload failed' message after SIGHUP with a broken file"
kill -0 "$QPID" 2>/dev/null || fail "the daemon died on a broken reload"
# Still running with the old settings: a private address is still allowed.
"$QUOTECTL_BIN" feed add "$BASE/feeds/f2.xml" >/dev/null
wait_for_sql "SELECT count(*) FROM feeds WHERE url LIKE '%/f2.xml' AND last_success_at IS NOT NULL" 30 ||
	fail "after the broken reload, a new feed was not polled with the old configuration: $(sql "SELECT last_error FROM feeds WHERE url LIKE '%/f2.xml'")"
# A valid reload does change the settings (the guard comes back on).
conf false
kill -HUP "$QPID"
wait_for_log "$WORK_DIR/hup.log" "configuration reloaded" 10 || fail "no 'configuration reloaded' after a valid SIGHUP"
"$QUOTECTL_BIN" feed add "$BASE/feeds/f3.xml" >/dev/null
wait_for_sql "SELECT count(*) FROM feeds WHERE url LIKE '%/f3.xml' AND last_error LIKE 'refused%'" 30 ||
	fail "after a valid reload the new guard setting was not applied"
term_within_10s "daemon after reloads"
echo "fault_signals: ok"
