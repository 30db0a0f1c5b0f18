#!/bin/sh
# CTest fixture: start (or stop) a throwaway PostgreSQL cluster for the
# integration tests. Its settings go to STATE (a shell file tests source).
set -eu
cmd=${1:?start|stop}
state=${2:?state file}
here=$(cd "$(dirname "$0")" && pwd)
case $cmd in
start)
	dir=$(mktemp -d /tmp/quoted-test-pg.XXXXXX)
	chmod 755 "$dir"
	"$here/../scripts/pg-cluster.sh" start "$dir" "$state"
	echo "PostgreSQL test cluster in $dir"
	;;
stop)
	[ -f "$state" ] || exit 0
	. "$state"
	"$here/../scripts/pg-cluster.sh" stop "$PG_CLUSTER_DIR"
	rm -rf "$PG_CLUSTER_DIR" "$state"
	;;
esac
