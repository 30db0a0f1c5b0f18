# Shared by the integration tests (sourced). CTest sets PG_STATE, QUOTED_BIN,
# QUOTECTL_BIN, HTTPD_BIN, FIXTURES, SOURCE_DIR and WORK_DIR.
set -eu

[ -f "${PG_STATE:-}" ] || { echo "no PostgreSQL test cluster (run through ctest)"; exit 77; }
. "$PG_STATE"

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"
HTTPD_PID=
cleanup() {
	[ -n "$HTTPD_PID" ] && kill "$HTTPD_PID" 2>/dev/null || true
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# A fresh database for this test, named after it.
new_db() {
	export PGDATABASE="t_$1"
	PGOPTIONS="-c client_min_messages=warning" psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$PGDATABASE\"" >/dev/null
	psql -q -d postgres -c "CREATE DATABASE \"$PGDATABASE\"" >/dev/null
}

# Serve directory $1 (more test_httpd options may follow); sets BASE (http://127.0.0.1:PORT) and HTTPD_LOG.
start_httpd() { # ROOT [more test_httpd options]
	HTTPD_LOG="$WORK_DIR/httpd.log"
	rm -f "$WORK_DIR/port"
	root=$1
	shift
	"$HTTPD_BIN" --root "$root" --port-file "$WORK_DIR/port" --log "$HTTPD_LOG" "$@" &
	HTTPD_PID=$!
	i=0
	while [ ! -s "$WORK_DIR/port" ]; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "test_httpd did not start"
		sleep 0.05
	done
	BASE="http://127.0.0.1:$(cat "$WORK_DIR/port")"
}

# A config for quoted that lets it reach the local test server.
write_config() {
	cat >"$WORK_DIR/quoted.conf" <<CONF
[fetch]
allow_private_addresses = true
host_delay_ms = 0
per_host_connections = 4
contact_url = https://example.invalid/quoted-tests
CONF
	CONFIG="$WORK_DIR/quoted.conf"
}

quotectl() { "$QUOTECTL_BIN" "$@"; }
quoted() { "$QUOTED_BIN" "$@"; }

# Run SQL, print the bare value(s).
sql() { psql -X -q -A -t -c "$1"; }

assert_contains() { # haystack needle what
	case $1 in
	*"$2"*) ;;
	*) fail "$3: expected to find '$2' in:
$1" ;;
	esac
}
