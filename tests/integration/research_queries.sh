#!/bin/sh
# Every SQL block of docs/research.md runs as a quoted_reader login against
# a database quoted populated from the research fixtures, returns rows, and
# shows what its "-- expect:" lines say. The reader can read the views and
# nothing else; the writer can store but not alter the schema.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cli_lib.sh"
new_db research_queries
populate_research

# Login roles are cluster-wide; create them once.
psql -X -q -c "DO \$\$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'test_reader') THEN
		CREATE ROLE test_reader LOGIN; END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'test_writer') THEN
		CREATE ROLE test_writer LOGIN; END IF;
END \$\$" >/dev/null 2>&1 || true
psql -X -q -c "GRANT quoted_reader TO test_reader" -c "GRANT quoted_writer TO test_writer" >/dev/null

doc="$SOURCE_DIR/docs/research.md"
mkdir -p "$WORK_DIR/q"
awk -v dir="$WORK_DIR/q" '
	/^```sql$/ { n++; f = sprintf("%s/%02d.sql", dir, n); inblock = 1; next }
	/^```$/ { inblock = 0; next }
	inblock { print > f }
' "$doc"
n=$(ls "$WORK_DIR/q" | wc -l)
[ "$n" -ge 8 ] || fail "docs/research.md has $n SQL blocks, want at least 8"

for f in "$WORK_DIR"/q/*.sql; do
	out=$(PGUSER=test_reader psql -X -q -A -t -v ON_ERROR_STOP=1 -f "$f" 2>&1) ||
		fail "$(basename "$f") failed as quoted_reader:
$(cat "$f")
$out"
	[ -n "$out" ] || fail "$(basename "$f") returned no rows:
$(cat "$f")"
	grep '^-- expect: ' "$f" | sed 's/^-- expect: //' >"$WORK_DIR/expect"
	while IFS= read -r want; do
		assert_contains "$out" "$want" "$(basename "$f")"
	done <"$WORK_DIR/expect"
	echo "ok $(basename "$f")"
done

# The reader sees the views and nothing else.
as_reader() { PGUSER=test_reader psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1" 2>&1; }
denied() { # sql what
	out=$(as_reader "$1") && fail "quoted_reader could $2: $out"
	assert_contains "$out" "permission denied" "$2"
}
[ "$(as_reader "SELECT count(*) FROM research.quotes")" = 8 ] || fail "reader reads research.quotes"
denied "SELECT count(*) FROM quotes" "read a table"
denied "SELECT count(*) FROM quote_facts" "read a view outside research"
denied "SELECT body FROM articles LIMIT 1" "read articles"
denied "DELETE FROM research.article_texts" "delete through a view"
denied "UPDATE feeds SET state = 'paused'" "change feeds"
denied "CREATE TABLE research.mine (x int)" "create in research"
denied "CREATE TABLE public.mine (x int)" "create in public"
denied "SELECT quoted_store_article(1, 'k', '{\"url\":\"http://x.invalid/\"}')" "store an article"
# quotectl's read commands work for a reader; writes fail with a hint.
rc=0
PGUSER=test_reader "$QUOTECTL_BIN" who-said sovereignty >"$WORK_DIR/out" 2>&1 || rc=$?
[ $rc = 0 ] || fail "who-said as reader: exit $rc: $(cat "$WORK_DIR/out")"
for c in "said-by Qin" speakers roles articles stats "export --format csv" "quote show 1"; do
	rc=0
	PGUSER=test_reader "$QUOTECTL_BIN" $c >"$WORK_DIR/out" 2>&1 || rc=$?
	[ $rc = 0 ] || fail "quotectl $c as reader: exit $rc: $(cat "$WORK_DIR/out")"
done
rc=0
PGUSER=test_reader "$QUOTECTL_BIN" feed add https://example.org/x.xml >"$WORK_DIR/out" 2>&1 || rc=$?
[ $rc = 3 ] || fail "feed add as reader: exit $rc, want 3"
assert_contains "$(cat "$WORK_DIR/out")" "permission denied" "feed add as reader"

# The writer stores articles but cannot change the schema.
as_writer() { PGUSER=test_writer psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1" 2>&1; }
out=$(as_writer "SELECT quoted_store_article(1, 'writer-test', '{\"url\":\"http://w.invalid/a\",\"body\":\"x\",\"quotes\":[{\"quote\":\"Writers write\",\"start\":0,\"end\":1,\"speaker\":\"Wen Writer\"}]}')") ||
	fail "quoted_writer cannot store: $out"
[ "$out" = 1 ] || fail "writer stored $out quotes"
out=$(as_writer "DROP TABLE quotes") && fail "quoted_writer could drop a table"
assert_contains "$out" "must be owner" "writer cannot drop"
echo "research_queries: ok"
