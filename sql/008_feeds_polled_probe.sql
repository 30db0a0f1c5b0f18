-- quoted_feeds_polled() with the known-item check as index probes.
--
-- 006's NOT EXISTS became a hash anti join over the whole of feed_items
-- (the planner guesses 100 rows per jsonb_array_elements call), so every
-- batch scanned every item ever seen: O(all items) per batch of feeds. A
-- LATERAL ... LIMIT 1 cannot be pulled up into a join, so each key costs one
-- probe of feed_items' primary key, whatever the table's size. Same
-- arguments, same results, same grants.
CREATE OR REPLACE FUNCTION quoted_feeds_polled(batch jsonb)
RETURNS TABLE (entry integer, pos integer) LANGUAGE sql AS $$
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
