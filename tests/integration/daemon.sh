#!/bin/sh
# quoted as a service: /healthz and /metrics on the admin endpoint, a feed
# added with quotectl is polled at once (LISTEN/NOTIFY, long before the next
# check), SIGHUP with a broken config keeps the old one, a good one is
# applied, and SIGTERM stops cleanly within 10 s.
. "$(dirname "$0")/../lib.sh"
new_db daemon
write_config
start_httpd "$SOURCE_DIR/samples"
quotectl db migrate >/dev/null

admin_port=$((20000 + $$ % 20000))
cat >>"$CONFIG" <<CONF
[schedule]
check_interval = 600
[admin]
listen = 127.0.0.1:$admin_port
CONF
cp "$CONFIG" "$WORK_DIR/good.conf"

"$QUOTED_BIN" -c "$CONFIG" -v 2>"$WORK_DIR/quoted.log" &
QPID=$!
stop_quoted() { kill "$QPID" 2>/dev/null || true; cleanup; }
trap stop_quoted EXIT

wait_for() { # seconds command...
	n=$(($1 * 10))
	shift
	while ! "$@" >/dev/null 2>&1; do
		n=$((n - 1))
		[ $n -gt 0 ] || return 1
		kill -0 "$QPID" 2>/dev/null || { cat "$WORK_DIR/quoted.log"; fail "quoted died"; }
		sleep 0.1
	done
}

wait_for 10 curl -sf "http://127.0.0.1:$admin_port/healthz" || { cat "$WORK_DIR/quoted.log"; fail "healthz"; }
metrics=$(curl -sf "http://127.0.0.1:$admin_port/metrics")
assert_contains "$metrics" "quoted_db_up 1" "metrics"
assert_contains "$metrics" 'quoted_queue_depth{queue="fetch"}' "metrics"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$admin_port/nope")" = 404 ] || fail "admin 404"

# The next regular check is 10 minutes away: only NOTIFY can make this quick.
quotectl feed add "$BASE/feeds/world.xml" >/dev/null
wait_for 15 sh -c "\"$QUOTECTL_BIN\" who-said 'mutual trust' | grep -q 'Liu Hanwen'" ||
	{ cat "$WORK_DIR/quoted.log"; fail "a new feed was not polled within 15 s"; }
metrics=$(curl -sf "http://127.0.0.1:$admin_port/metrics")
assert_contains "$metrics" 'quoted_fetches_total{status="200"} 3' "fetch counter"
assert_contains "$metrics" 'quoted_quotes_total 9' "quote counter"

# A broken config is refused and the old one keeps running.
printf '[fetch]\nmax_connections = -4\n' >"$CONFIG"
kill -HUP "$QPID"
wait_for 5 grep -q "reload failed, keeping the running configuration" "$WORK_DIR/quoted.log" ||
	fail "no reload failure logged"
kill -0 "$QPID" || fail "quoted died on a broken config"
curl -sf "http://127.0.0.1:$admin_port/healthz" >/dev/null || fail "not healthy after a failed reload"

# A good config is applied.
sed 's|quoted-tests|quoted-tests-reloaded|' "$WORK_DIR/good.conf" >"$CONFIG"
kill -HUP "$QPID"
wait_for 5 grep -q "configuration reloaded" "$WORK_DIR/quoted.log" || fail "no reload logged"
quotectl feed add "$BASE/feeds/markets.atom" >/dev/null
wait_for 15 grep -q "ua=quoted/.*quoted-tests-reloaded" "$HTTPD_LOG" || fail "reloaded contact URL not used"

# SIGTERM: a clean exit, quickly.
start=$(date +%s)
kill -TERM "$QPID"
rc=0
wait "$QPID" || rc=$?
took=$(($(date +%s) - start))
[ $rc = 0 ] || fail "quoted exited $rc on SIGTERM"
[ $took -le 10 ] || fail "SIGTERM took $took s"
grep -q "received Terminated, stopping" "$WORK_DIR/quoted.log" || fail "no stop logged"
echo "daemon: ok"
