#!/bin/sh
# Start or stop a private PostgreSQL cluster listening only on a Unix socket
# in its own directory. Used by the test harness and by the demo.
#   pg-cluster.sh start DIR ENVFILE   -> writes PGHOST/PGPORT/PGUSER to ENVFILE
#   pg-cluster.sh stop DIR
# PostgreSQL refuses to run as root, so under root the cluster belongs to the
# "postgres" system user (or "nobody" when that user does not exist).
set -eu

cmd=${1:?usage: pg-cluster.sh start|stop DIR [ENVFILE]}
dir=${2:?usage: pg-cluster.sh start|stop DIR [ENVFILE]}
port=${PGCLUSTER_PORT:-54329}

bindir=
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
	if [ -x "$d/initdb" ]; then bindir=$d; break; fi
done
if [ -z "$bindir" ]; then
	echo "pg-cluster: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
	exit 1
fi

runas=
if [ "$(id -u)" = 0 ]; then
	if id postgres >/dev/null 2>&1; then runas=postgres; else runas=nobody; fi
fi
as_owner() {
	if [ -n "$runas" ]; then runuser -u "$runas" -- "$@"; else "$@"; fi
}

case $cmd in
start)
	envfile=${3:?usage: pg-cluster.sh start DIR ENVFILE}
	mkdir -p "$dir"
	[ -n "$runas" ] && chown "$runas" "$dir"
	if ! as_owner test -w "$dir"; then
		echo "pg-cluster: user $runas cannot write $dir (a parent directory is not searchable)" >&2
		exit 1
	fi
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale \
			--no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
	fi
	if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses='' -k $dir -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
			start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	fi
	cat >"$envfile" <<ENV
export PGHOST='$dir'
export PGPORT='$port'
export PGUSER=postgres
export PG_CLUSTER_DIR='$dir'
ENV
	;;
stop)
	if [ -f "$dir/data/PG_VERSION" ]; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	;;
*)
	echo "usage: pg-cluster.sh start|stop DIR [ENVFILE]" >&2
	exit 2
	;;
esac
