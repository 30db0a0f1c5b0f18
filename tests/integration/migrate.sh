#!/bin/sh
# quotectl db migrate applies every migration once; db status reports it.
. "$(dirname "$0")/../lib.sh"
new_db migrate

out=$(quotectl db status)
assert_contains "$out" "pending  001_init.sql" "status before migrating"

out=$(quotectl db migrate)
assert_contains "$out" "applied 001_init.sql" "first migrate"

out=$(quotectl db migrate)
assert_contains "$out" "schema is up to date" "second migrate"

out=$(quotectl db status)
assert_contains "$out" "applied  001_init.sql" "status after migrating"
assert_contains "$out" "0 pending" "status after migrating"

n=$(sql "SELECT count(*) FROM schema_migrations")
[ "$n" = "$(ls "$SOURCE_DIR"/sql/[0-9]*.sql | wc -l)" ] || fail "schema_migrations has $n rows"
for t in feeds articles feed_items speakers speaker_aliases quotes; do
	[ "$(sql "SELECT to_regclass('$t') IS NOT NULL")" = t ] || fail "table $t missing"
done
# Phrase search is indexed.
[ "$(sql "SELECT count(*) FROM pg_indexes WHERE indexname = 'quotes_tsv'")" = 1 ] || fail "no GIN index on quotes.tsv"
echo "migrate: ok"
