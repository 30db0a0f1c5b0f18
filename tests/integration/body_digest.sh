#!/bin/sh
# A server that sends no validators (no ETag, no Last-Modified): quoted keeps
# a digest of the last feed body it read in full. The same body again is a
# quiet poll (not parsed, no article fetched), a changed body is read, and a
# poll that left work undone keeps no digest, so the next poll reads the
# body again and retries what failed.
. "$(dirname "$0")/../lib.sh"
new_db digest
write_config
site="$WORK_DIR/site"
mkdir -p "$site"
cp -r "$SOURCE_DIR/samples/feeds" "$SOURCE_DIR/samples/articles" "$site/"
start_httpd "$site" --no-validators
quotectl db migrate >/dev/null
quotectl feed add "$BASE/feeds/world.xml" >/dev/null

poll() { # log name
	: >"$HTTPD_LOG"
	quoted -c "$CONFIG" --once 2>"$WORK_DIR/$1.log" || { cat "$WORK_DIR/$1.log"; fail "quoted --once ($1)"; }
	grep 'done:' "$WORK_DIR/$1.log"
}
digest() { sql "SELECT coalesce(body_digest, 'none') FROM feeds"; }

poll first
[ "$(sql "SELECT count(*) FROM articles")" = 2 ] || fail "first poll did not store both articles"
[ "$(sql "SELECT etag IS NULL AND last_modified IS NULL FROM feeds")" = t ] || fail "the server sent validators"
d1=$(digest)
[ ${#d1} = 64 ] || fail "no body digest recorded after a complete poll: $d1"

# The same body: a quiet poll that still records its success.
sql "UPDATE feeds SET last_success_at = NULL, next_poll_at = now()" >/dev/null
poll same
grep -q 'done: 1 feeds polled (1 unchanged)' "$WORK_DIR/same.log" || fail "an unchanged body was not a quiet poll"
grep -q '/articles/' "$HTTPD_LOG" && fail "a quiet poll fetched articles"
[ "$(sql "SELECT last_success_at IS NOT NULL AND last_status = 200 FROM feeds")" = t ] || fail "quiet poll not recorded"
[ "$(digest)" = "$d1" ] || fail "the digest changed for the same body"

# A new item: the body is read again and the article stored.
add_item() { # guid link
	sed -i "s|</channel>|<item><title>Item $1</title><link>$2</link><guid isPermaLink=\"false\">$1</guid></item>\n</channel>|" \
		"$site/feeds/world.xml"
}
add_item rates "{{BASE}}/articles/rates.html"
poll changed
grep -q 'done: 1 feeds polled (0 unchanged)' "$WORK_DIR/changed.log" || fail "a changed body was taken as unchanged"
[ "$(sql "SELECT count(*) FROM articles")" = 3 ] || fail "the new item's article was not stored"
d2=$(digest)
[ ${#d2} = 64 ] && [ "$d2" != "$d1" ] || fail "digest after a changed body: $d2"

# An item whose page fails: no digest, so the next poll reads the body and
# retries the page instead of taking the feed as unchanged.
add_item broken "{{BASE}}/status/500"
poll failing
[ "$(digest)" = none ] || fail "a poll with a failed article kept a digest"
poll retry
grep -q 'done: 1 feeds polled (0 unchanged)' "$WORK_DIR/retry.log" || fail "the body after a failed article was not read again"
grep -q '/status/500' "$HTTPD_LOG" || fail "the failed article was not retried"
[ "$(sql "SELECT count(*) FROM articles")" = 3 ] || fail "articles stored twice"
echo "body_digest: ok"
