#!/bin/sh
# file:// feeds work only when an operator marks them --local.
. "$(dirname "$0")/../lib.sh"
new_db local
quotectl db migrate >/dev/null

site="$WORK_DIR/site"
mkdir -p "$site/feeds" "$site/articles"
cp "$SOURCE_DIR"/samples/articles/* "$site/articles/"
sed "s|{{BASE}}|file://$site|g" "$SOURCE_DIR/samples/feeds/world.xml" >"$site/feeds/world.xml"

rc=0
quotectl feed add "file://$site/feeds/world.xml" 2>"$WORK_DIR/err" || rc=$?
[ $rc = 2 ] || fail "file:// feed without --local: exit $rc, want 2"
assert_contains "$(cat "$WORK_DIR/err")" "--local" "error message"

quotectl feed add --local "file://$site/feeds/world.xml" >/dev/null
quoted --once 2>"$WORK_DIR/quoted.log" || { cat "$WORK_DIR/quoted.log"; fail "quoted --once failed"; }
out=$(quotectl who-said "worked hard to rebuild")
assert_contains "$out" "Liu Hanwen" "speaker from a local feed"
echo "local_feeds: ok"
