-- feeds.body_digest: a validator of our own for servers that send none.
--
-- Many feed servers send neither ETag nor Last-Modified, so every poll
-- downloads the whole feed, and quoted parsed it and probed every item key
-- again only to find nothing new. The poller now keeps a SHA-256 of the
-- last body it read in full (with the quoted version, final URL and
-- Content-Type: what parsing depends on), and a body with the same digest
-- is a quiet poll, as if the server had said 304. Like the HTTP
-- validators, it is recorded only once every new item of that body has
-- been stored, and cleared when a poll left work undone.
ALTER TABLE feeds ADD COLUMN body_digest text;
COMMENT ON COLUMN feeds.body_digest IS
    'SHA-256 (hex) of the last feed body read in full, with the quoted version, final URL and Content-Type; a poll that gets the same digest is quiet';

-- quoted_feeds_polled() as in 010, recording body_digest with the
-- validators: kept on a 304, replaced (possibly by NULL) otherwise.
CREATE OR REPLACE FUNCTION quoted_feeds_polled(batch jsonb)
RETURNS TABLE (entry integer, pos integer) LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY
    WITH input AS (
        SELECT e.ordinality::integer AS entry, (e.value->>'feed')::bigint AS feed_id,
               coalesce(e.value->'keys', '[]'::jsonb) AS keys, e.value->'record' AS rec
          FROM jsonb_array_elements(batch) WITH ORDINALITY AS e
    ), fresh AS (
        SELECT i.entry, k.pos::integer AS pos
          FROM input i
         CROSS JOIN LATERAL jsonb_array_elements_text(i.keys) WITH ORDINALITY AS k(key, pos)
          LEFT JOIN LATERAL (SELECT true AS known FROM feed_items fi
                              WHERE fi.feed_id = i.feed_id AND fi.item_key = k.key LIMIT 1) seen ON true
         WHERE seen.known IS NULL
    ), recorded AS (
        UPDATE feeds f
           SET last_status = (i.rec->>'status')::integer,
               last_success_at = now(),
               etag = CASE WHEN (i.rec->>'status')::integer = 304 THEN f.etag ELSE i.rec->>'etag' END,
               last_modified = CASE WHEN (i.rec->>'status')::integer = 304 THEN f.last_modified
                                    ELSE i.rec->>'last_modified' END,
               body_digest = CASE WHEN (i.rec->>'status')::integer = 304 THEN f.body_digest
                                  ELSE i.rec->>'body_digest' END,
               title = coalesce(i.rec->>'title', f.title),
               error_count = 0, last_error = NULL,
               next_poll_at = now() + make_interval(secs => (i.rec->>'next')::integer),
               interval_s = (i.rec->>'interval')::integer
          FROM input i
         WHERE f.id = i.feed_id AND jsonb_typeof(i.rec) = 'object'
           AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.entry = i.entry)
        RETURNING i.entry
    )
    SELECT fresh.entry, fresh.pos FROM fresh
    UNION ALL
    SELECT recorded.entry, 0 FROM recorded;
END
$$;
