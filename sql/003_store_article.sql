-- quoted_store_article(feed_id, item_key, doc): store one article, the feed
-- item that carried it, its speakers and quotes, as ONE statement, so the
-- daemon needs a single round trip per article and the whole article is
-- atomic. Idempotent: a page already stored keeps its quotes and only gains
-- the item link; quotes are unique on (article, start offset).
-- doc: {"url","title","byline","published" (Unix seconds),"body","source",
--       "quotes":[{"quote","start","end","paragraph","speaker","speaker_kind",
--                  "role","role_stated","organization","country","cue",
--                  "partial","rule","confidence"}], "extractor_version"}
-- Returns the number of quotes inserted.
CREATE FUNCTION quoted_store_article(p_feed_id bigint, p_item_key text, doc jsonb)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    aid   bigint;
    sid   bigint;
    q     jsonb;
    added integer := 0;
BEGIN
    INSERT INTO articles (url, title, byline, published_at, body, source)
    VALUES (doc->>'url', doc->>'title', doc->>'byline',
            to_timestamp((doc->>'published')::double precision),
            coalesce(doc->>'body', ''), coalesce(doc->>'source', 'page'))
    ON CONFLICT (url) DO NOTHING
    RETURNING id INTO aid;

    IF aid IS NULL THEN
        SELECT id INTO aid FROM articles WHERE url = doc->>'url';
        INSERT INTO feed_items (feed_id, item_key, article_id)
        VALUES (p_feed_id, p_item_key, aid)
        ON CONFLICT (feed_id, item_key) DO UPDATE SET article_id = EXCLUDED.article_id;
        RETURN 0;
    END IF;

    INSERT INTO feed_items (feed_id, item_key, article_id)
    VALUES (p_feed_id, p_item_key, aid)
    ON CONFLICT (feed_id, item_key) DO UPDATE SET article_id = EXCLUDED.article_id;

    FOR q IN SELECT value FROM jsonb_array_elements(coalesce(doc->'quotes', '[]'::jsonb)) LOOP
        sid := NULL;
        IF q->>'speaker' IS NOT NULL THEN
            INSERT INTO speakers (name, kind)
            VALUES (q->>'speaker', coalesce(q->>'speaker_kind', 'person'))
            ON CONFLICT (name, kind) DO UPDATE SET name = EXCLUDED.name
            RETURNING id INTO sid;
            INSERT INTO speaker_aliases (speaker_id, alias)
            VALUES (sid, q->>'speaker') ON CONFLICT DO NOTHING;
        END IF;
        INSERT INTO quotes (article_id, speaker_id, speaker_name, role, role_stated,
                            organization, country, text, start_offset, end_offset,
                            paragraph, cue, partial, rule, confidence, extractor_version)
        VALUES (aid, sid, q->>'speaker', q->>'role', q->>'role_stated',
                q->>'organization', q->>'country', q->>'quote',
                (q->>'start')::integer, (q->>'end')::integer,
                coalesce((q->>'paragraph')::integer, 0), q->>'cue',
                coalesce((q->>'partial')::boolean, false), q->>'rule',
                coalesce((q->>'confidence')::real, 0),
                coalesce(doc->>'extractor_version', 'unknown'))
        ON CONFLICT (article_id, start_offset) DO NOTHING;
        IF FOUND THEN
            added := added + 1;
        END IF;
    END LOOP;
    RETURN added;
END;
$$;
