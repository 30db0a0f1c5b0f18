-- quoted_feeds_polled(batch): what the daemon asks after parsing feeds,
-- for many feeds in one statement. batch is a JSON array, one entry per
-- parsed feed:
--   {"feed": ID, "keys": [item keys...],
--    "record": null | {"status","etag","last_modified","title","interval","next"}}
-- For each entry it returns (entry, pos) for every key the feed has not
-- carried before (entry and pos are 1-based). When an entry has a record
-- and carried nothing new, the successful poll is recorded right here
-- (validators, title, interval, next poll) and (entry, 0) is returned: a
-- quiet feed costs no further statement. With new items nothing is
-- recorded; the daemon stores the articles first and records the poll after
-- they committed, so validators never run ahead of stored articles.
CREATE FUNCTION quoted_feeds_polled(batch jsonb)
RETURNS TABLE (entry integer, pos integer) LANGUAGE sql AS $$
    WITH input AS (
        SELECT e.ordinality::integer AS entry, (e.value->>'feed')::bigint AS feed_id,
               coalesce(e.value->'keys', '[]'::jsonb) AS keys, e.value->'record' AS rec
          FROM jsonb_array_elements(batch) WITH ORDINALITY AS e
    ), fresh AS (
        SELECT i.entry, k.pos::integer AS pos
          FROM input i, jsonb_array_elements_text(i.keys) WITH ORDINALITY AS k(key, pos)
         WHERE NOT EXISTS (SELECT 1 FROM feed_items fi
                            WHERE fi.feed_id = i.feed_id AND fi.item_key = k.key)
    ), recorded AS (
        UPDATE feeds f
           SET last_status = (i.rec->>'status')::integer,
               last_success_at = now(),
               etag = CASE WHEN (i.rec->>'status')::integer = 304 THEN f.etag ELSE i.rec->>'etag' END,
               last_modified = CASE WHEN (i.rec->>'status')::integer = 304 THEN f.last_modified
                                    ELSE i.rec->>'last_modified' END,
               title = coalesce(i.rec->>'title', f.title),
               error_count = 0, last_error = NULL,
               next_poll_at = now() + make_interval(secs => (i.rec->>'next')::integer),
               interval_s = (i.rec->>'interval')::integer
          FROM input i
         WHERE f.id = i.feed_id AND jsonb_typeof(i.rec) = 'object'
           AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.entry = i.entry)
        RETURNING i.entry
    )
    SELECT entry, pos FROM fresh
    UNION ALL
    SELECT entry, 0 FROM recorded;
$$;

REVOKE ALL ON FUNCTION quoted_feeds_polled(jsonb) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quoted_writer') THEN
        GRANT EXECUTE ON FUNCTION quoted_feeds_polled(jsonb) TO quoted_writer;
    END IF;
END;
$$;
