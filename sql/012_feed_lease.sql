-- A lease of its own column, so taking and ending one are cheap.
--
-- A poll leased its feed by pushing next_poll_at forward and recorded the
-- outcome by setting it again: two updates of an indexed column, so each
-- wrote a new row version elsewhere and a new entry into every index of
-- feeds (the due index, the primary key and the URL's). The lease now sets
-- leased_until, which no index covers, so PostgreSQL can make it a HOT
-- update: the new version stays on its page and no index is touched. The
-- due index still serves the lease query; rows leased meanwhile are
-- skipped by the filter, and there are at most as many as are in flight.
-- A lease that runs out (its daemon died) leaves the feed due again, as
-- before. A fill factor of 50 keeps room on each page for those versions;
-- it applies to pages written from now on.
ALTER TABLE feeds ADD COLUMN leased_until timestamptz;
COMMENT ON COLUMN feeds.leased_until IS
    'while a daemon polls the feed: when its lease runs out; NULL once the poll is recorded';
ALTER TABLE feeds SET (fillfactor = 50);

-- quoted_feeds_polled() takes arrays instead of one jsonb document: entry
-- i is feed[i] with its poll record in status[i] ... next_s[i] (status NULL:
-- check keys only, record nothing), and its item keys are the item_key[k]
-- with key_entry[k] = i, numbered key_pos[k]. Unpacking arrays costs a
-- fraction of parsing and walking jsonb, and the daemon builds them without
-- a JSON tree. Same results as 011's: (entry, pos) for each key not yet
-- seen, and (entry, 0) for each entry whose poll was recorded, which is
-- every entry with a record and no new key. Recording ends the lease.
-- The feeds it updates are few and their pages cached, so it plans with
-- random_page_cost 1.1 (PostgreSQL's advice for data in memory): with the
-- default 4 the planner read the whole of feeds into a hash join for every
-- batch, 0.5 ms at 2,000 feeds and growing with the table, where probing
-- the primary key once per entry takes 0.1 ms.
DROP FUNCTION quoted_feeds_polled(jsonb);
CREATE FUNCTION quoted_feeds_polled(feed bigint[], status integer[], new_etag text[],
                                    new_last_modified text[], new_title text[],
                                    new_body_digest text[], new_interval_s integer[],
                                    next_s integer[], key_entry integer[], key_pos integer[],
                                    item_key text[])
RETURNS TABLE (entry integer, pos integer) LANGUAGE plpgsql
SET random_page_cost = 1.1 AS $$
BEGIN
    RETURN QUERY
    WITH input AS (
        SELECT u.entry::integer AS entry, u.feed_id, u.status, u.etag, u.last_modified,
               u.title, u.body_digest, u.interval_s, u.next_s
          FROM unnest(feed, status, new_etag, new_last_modified, new_title, new_body_digest,
                      new_interval_s, next_s)
               WITH ORDINALITY AS u(feed_id, status, etag, last_modified, title, body_digest,
                                    interval_s, next_s, entry)
    ), fresh AS (
        SELECT k.entry, k.pos
          FROM unnest(key_entry, key_pos, item_key) AS k(entry, pos, key)
          LEFT JOIN LATERAL (SELECT true AS known FROM feed_items fi
                              WHERE fi.feed_id = feed[k.entry] AND fi.item_key = k.key
                              LIMIT 1) seen ON true
         WHERE seen.known IS NULL
    ), recorded AS (
        UPDATE feeds f
           SET last_status = i.status,
               last_success_at = now(),
               etag = CASE WHEN i.status = 304 THEN f.etag ELSE i.etag END,
               last_modified = CASE WHEN i.status = 304 THEN f.last_modified ELSE i.last_modified END,
               body_digest = CASE WHEN i.status = 304 THEN f.body_digest ELSE i.body_digest END,
               title = coalesce(i.title, f.title),
               error_count = 0, last_error = NULL,
               next_poll_at = now() + make_interval(secs => i.next_s),
               interval_s = i.interval_s,
               leased_until = NULL
          FROM input i
         WHERE f.id = i.feed_id AND i.status IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.entry = i.entry)
        RETURNING i.entry
    )
    SELECT fresh.entry, fresh.pos FROM fresh
    UNION ALL
    SELECT recorded.entry, 0 FROM recorded;
END
$$;

REVOKE ALL ON FUNCTION quoted_feeds_polled(bigint[], integer[], text[], text[], text[], text[],
                                           integer[], integer[], integer[], integer[], text[])
    FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quoted_writer') THEN
        GRANT EXECUTE ON FUNCTION quoted_feeds_polled(bigint[], integer[], text[], text[], text[],
                                                      text[], integer[], integer[], integer[],
                                                      integer[], text[])
            TO quoted_writer;
    END IF;
END;
$$;
