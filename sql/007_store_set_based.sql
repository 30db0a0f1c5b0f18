-- quoted schema, version 7: quoted_store_article() set-based.
-- Same signature, contract and results as in 004_identity.sql, but an
-- article's quotes are stored in a handful of statements instead of a
-- dozen per quote: its statements, speakers, aliases and quotes each in one
-- INSERT. Profiling the 004 function (pg_stat_statements, track = all)
-- showed the per-quote statements themselves as the cost: the alias lookup
-- in quoted_resolve_speaker(), quoted_resolve_statement() and the quote
-- INSERT, each run once per quote.
--
-- Speaker resolution in 004 runs quote by quote, and a quote can see what
-- the quotes before it in the same article did (a speaker it created, an
-- alias it added, a quote whose country now agrees, a merge). The set-based
-- path is taken only when no such interaction is possible; otherwise the
-- article's quotes go through the 004 loop unchanged
-- (quoted_store_quotes_serial()). The set-based path does not apply when
--  * a one-word person name (after rule 1) comes with a country or an
--    organisation (rule 3 reads quotes and speakers the article may add);
--  * a name matches the aliases of more than one speaker;
--  * a name one quote adds as an alias is a name another quote looks up;
--  * a new full name with context could absorb a one-word speaker (rule 4:
--    a one-word person speaker, stored or in this article, with a word of
--    that name).
-- What remains resolves each quote independently of the others: names are
-- looked up per (lower-case name, kind) as 004 does, the first quote of a
-- name creates its speaker, one-word names without context are created
-- under their exact name. Rows are inserted in quote order, so ids and
-- sequence use match the 004 loop.

-- quoted_normalize_text() of 004, unchanged in value but no longer STRICT
-- (NULL still gives NULL): a STRICT SQL function whose body is not strict
-- (coalesce) is never inlined, so each use ran as a function call of its
-- own.
CREATE OR REPLACE FUNCTION quoted_normalize_text(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(nullif(btrim(regexp_replace(lower(t),
               '[[:space:][:punct:]‘’‚‛“”„‟«»‹›–—―…·•′″]+', ' ', 'g')), ''), t)
$$;


-- A quote of the document with the name it resolves under.
CREATE TYPE quoted_doc_quote AS (
    ord    integer,   -- 1-based position in doc->'quotes'
    q      jsonb,     -- the quote object
    p_name text,      -- the speaker as the article names it
    v_name text,      -- the name resolved: honorific dropped, rule 1 applied
    kind   text,      -- speaker kind, 'person' when not given
    mode   text,      -- NULL (no speaker), 'lookup', 'word' or 'context'
    gord   integer,   -- 'lookup': ord of the first quote with that name
    hash   bytea      -- quoted_text_hash(quote), written out below: as
                      -- convert_to() is only STABLE, quoted_text_hash()
                      -- (IMMUTABLE) is never inlined and costs a call
);

-- The quote loop of 004's quoted_store_article(), unchanged, for an
-- article just inserted as aid.
CREATE FUNCTION quoted_store_quotes_serial(aid bigint, doc jsonb)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    sid   bigint;
    q     jsonb;
    names text[];
    added integer := 0;
BEGIN
    SELECT array_agg(DISTINCT e->>'speaker') INTO names
      FROM jsonb_array_elements(coalesce(doc->'quotes', '[]'::jsonb)) e
     WHERE e->>'speaker' IS NOT NULL AND coalesce(e->>'speaker_kind', 'person') = 'person';

    FOR q IN SELECT value FROM jsonb_array_elements(coalesce(doc->'quotes', '[]'::jsonb)) LOOP
        sid := NULL;
        IF q->>'speaker' IS NOT NULL THEN
            sid := quoted_resolve_speaker(q->>'speaker', q->>'speaker_kind', q->>'organization',
                                          q->>'country', names);
        END IF;
        INSERT INTO quotes (article_id, speaker_id, speaker_name, role, role_stated,
                            organization, country, text, start_offset, end_offset,
                            paragraph, cue, partial, rule, confidence, extractor_version,
                            statement_id)
        VALUES (aid, sid, q->>'speaker', q->>'role', q->>'role_stated',
                q->>'organization', q->>'country', q->>'quote',
                (q->>'start')::integer, (q->>'end')::integer,
                coalesce((q->>'paragraph')::integer, 0), q->>'cue',
                coalesce((q->>'partial')::boolean, false), q->>'rule',
                coalesce((q->>'confidence')::real, 0),
                coalesce(doc->>'extractor_version', 'unknown'),
                quoted_resolve_statement(q->>'quote'))
        ON CONFLICT (article_id, start_offset) DO NOTHING;
        IF FOUND THEN
            added := added + 1;
        END IF;
    END LOOP;
    RETURN added;
END;
$$;

-- The quotes of doc, names resolved within the article (rule 1 of
-- quoted_resolve_speaker()), in document order: element i has ord i.
CREATE FUNCTION quoted_doc_quotes(doc jsonb) RETURNS quoted_doc_quote[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    qs quoted_doc_quote[];
BEGIN
    WITH e AS (
        SELECT x.ord::integer AS ord, x.q, x.q->>'speaker' AS p_name,
               coalesce(x.q->>'speaker_kind', 'person') AS kind,
               quoted_strip_honorific(x.q->>'speaker') AS v0
          FROM jsonb_array_elements(coalesce(doc->'quotes', '[]'::jsonb)) WITH ORDINALITY AS x(q, ord)
    ), article AS (
        SELECT array_agg(DISTINCT p_name) AS names FROM e
         WHERE p_name IS NOT NULL AND kind = 'person'
    ), named AS MATERIALIZED (  -- each name worked out once, not once per use
        SELECT e.ord, e.q, e.p_name, e.kind,
               CASE WHEN e.kind = 'person' AND e.v0 <> ''
                     AND cardinality(quoted_name_tokens(e.v0)) = 1 THEN
                    coalesce((SELECT quoted_strip_honorific(min(x)) FROM unnest(article.names) x
                               WHERE cardinality(quoted_name_tokens(quoted_strip_honorific(x))) > 1
                                 AND (quoted_name_tokens(e.v0))[1]
                                     = ANY (quoted_name_tokens(quoted_strip_honorific(x)))
                              HAVING count(DISTINCT x) = 1), e.v0)
               ELSE e.v0 END AS v_name
          FROM e, article
    ), moded AS MATERIALIZED (
        SELECT n.*,
               CASE WHEN n.v_name IS NULL OR n.v_name = '' THEN NULL
                    WHEN n.kind <> 'person' OR cardinality(quoted_name_tokens(n.v_name)) > 1 THEN 'lookup'
                    WHEN n.q->>'country' IS NOT NULL OR n.q->>'organization' IS NOT NULL THEN 'context'
                    ELSE 'word' END AS mode
          FROM named n
    )
    SELECT array_agg(ROW(g.ord, g.q, g.p_name, g.v_name, g.kind, g.mode, g.gord,
                         sha256(convert_to(quoted_normalize_text(g.q->>'quote'), 'UTF8'))
                        )::quoted_doc_quote ORDER BY g.ord)
      FROM (SELECT m.*, CASE WHEN m.mode = 'lookup'
                             THEN min(m.ord) OVER (PARTITION BY m.mode, lower(m.v_name), m.kind) END AS gord
              FROM moded m) g
      INTO qs;
    RETURN qs;
END;
$$;

-- Same contract as in 003_store_article.sql.
--
-- Every statement here reads a handful of rows by key, but PL/pgSQL keeps
-- its plans for the session: planned while a table was small (a new
-- database, or statistics not yet gathered), they kept scanning whole
-- tables (speakers, statements) long after they had grown; profiling showed
-- the alias lookup and the statement joins going from 0.03 to 5 ms an
-- article that way. enable_seqscan = off makes index paths win wherever an
-- index applies; it changes plans, never results.
CREATE OR REPLACE FUNCTION quoted_store_article(p_feed_id bigint, p_item_key text, doc jsonb)
RETURNS integer LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    aid    bigint;
    qs     quoted_doc_quote[];
    g_ords integer[];   -- per looked-up name: ord of its first quote,
    g_sids bigint[];    -- the one speaker it names (NULL: none yet)
    g_many boolean;     -- some name is an alias of several speakers
    sids   bigint[];    -- per quote (by ord): its speaker
    added  integer;
BEGIN
    INSERT INTO articles (url, title, byline, published_at, body, source, feed_id)
    VALUES (doc->>'url', doc->>'title', doc->>'byline',
            to_timestamp((doc->>'published')::double precision),
            coalesce(doc->>'body', ''), coalesce(doc->>'source', 'page'), p_feed_id)
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

    qs := quoted_doc_quotes(doc);
    IF EXISTS (SELECT 1 FROM unnest(qs) q WHERE q.mode = 'context') THEN
        RETURN quoted_store_quotes_serial(aid, doc);
    END IF;

    -- Rule 2 of quoted_resolve_speaker(), once per name.
    SELECT array_agg(g.ord ORDER BY g.ord), array_agg(l.sid ORDER BY g.ord),
           coalesce(bool_or(l.n > 1), false)
      INTO g_ords, g_sids, g_many
      FROM unnest(qs) g
     CROSS JOIN LATERAL (
           SELECT min(a.speaker_id) AS sid, count(DISTINCT a.speaker_id) AS n
             FROM speaker_aliases a
            WHERE lower(a.alias) = lower(g.v_name)
              AND (SELECT s.kind FROM speakers s WHERE s.id = a.speaker_id) = g.kind) l
     WHERE g.mode = 'lookup' AND g.gord = g.ord;

    IF g_many
       -- A name some quote adds as an alias is looked up by another.
       OR EXISTS (SELECT 1 FROM unnest(qs) a, unnest(qs) b
                   WHERE b.mode = 'lookup' AND a.mode IN ('lookup', 'word') AND a.kind = b.kind
                     AND lower(b.v_name) IN (lower(a.p_name), lower(a.v_name))
                     AND NOT (a.mode = 'lookup' AND a.gord = b.gord))
       -- A new full name with context that could absorb a one-word speaker.
       OR EXISTS (SELECT 1 FROM unnest(qs) c
                    JOIN unnest(g_ords, g_sids) AS g(ord, sid) ON g.ord = c.ord
                   WHERE g.sid IS NULL AND c.kind = 'person'
                     AND (c.q->>'country' IS NOT NULL OR c.q->>'organization' IS NOT NULL)
                     AND (EXISTS (SELECT 1 FROM speakers s
                                   WHERE s.kind = 'person'
                                     AND quoted_name_tokens(s.name) <@ quoted_name_tokens(c.v_name)
                                     AND cardinality(quoted_name_tokens(s.name)) = 1)
                          OR EXISTS (SELECT 1 FROM unnest(qs) w
                                      WHERE w.mode = 'word'
                                        AND quoted_name_tokens(w.v_name) <@ quoted_name_tokens(c.v_name))))
    THEN
        RETURN quoted_store_quotes_serial(aid, doc);
    END IF;

    -- New statements, in order of first use.
    INSERT INTO statements (norm_hash, text)
    SELECT f.hash, f.q->>'quote'
      FROM (SELECT DISTINCT ON (q.hash) q.hash, q.q, q.ord FROM unnest(qs) q
             ORDER BY q.hash, q.ord) f
     WHERE NOT EXISTS (SELECT 1 FROM statements st WHERE st.norm_hash = f.hash)
     ORDER BY f.ord
    ON CONFLICT (norm_hash) DO NOTHING;

    -- New speakers: the first quote of a name no alias knows, and every
    -- one-word name (rule 4), in quote order.
    INSERT INTO speakers (name, kind)
    SELECT q.v_name, q.kind
      FROM unnest(qs) q
      LEFT JOIN unnest(g_ords, g_sids) AS g(ord, sid) ON g.ord = q.ord
     WHERE q.mode = 'word' OR (q.mode = 'lookup' AND g.ord IS NOT NULL AND g.sid IS NULL)
     ORDER BY q.ord
    ON CONFLICT (name, kind) DO NOTHING;

    SELECT array_agg(CASE WHEN q.mode IS NULL THEN NULL
                          WHEN g.sid IS NOT NULL THEN g.sid
                          ELSE (SELECT s.id FROM speakers s
                                 WHERE s.name = (qs[coalesce(q.gord, q.ord)]).v_name
                                   AND s.kind = q.kind) END
                     ORDER BY q.ord) INTO sids
      FROM unnest(qs) q
      LEFT JOIN unnest(g_ords, g_sids) AS g(ord, sid) ON q.mode = 'lookup' AND g.ord = q.gord;

    -- Every quote adds the name as stated; the quote that created its
    -- speaker adds the resolved name too.
    INSERT INTO speaker_aliases (speaker_id, alias)
    SELECT DISTINCT sids[q.ord], a.alias
      FROM unnest(qs) q
      LEFT JOIN unnest(g_ords, g_sids) AS g(ord, sid) ON g.ord = q.ord
     CROSS JOIN LATERAL (VALUES (q.p_name),
                                (CASE WHEN q.mode = 'word' OR (g.ord IS NOT NULL AND g.sid IS NULL)
                                      THEN q.v_name END)) AS a(alias)
     WHERE q.mode IN ('lookup', 'word') AND a.alias IS NOT NULL
    ON CONFLICT DO NOTHING;

    INSERT INTO quotes (article_id, speaker_id, speaker_name, role, role_stated,
                        organization, country, text, start_offset, end_offset,
                        paragraph, cue, partial, rule, confidence, extractor_version,
                        statement_id)
    SELECT aid, sids[q.ord], q.p_name, q.q->>'role', q.q->>'role_stated',
           q.q->>'organization', q.q->>'country', q.q->>'quote',
           (q.q->>'start')::integer, (q.q->>'end')::integer,
           coalesce((q.q->>'paragraph')::integer, 0), q.q->>'cue',
           coalesce((q.q->>'partial')::boolean, false), q.q->>'rule',
           coalesce((q.q->>'confidence')::real, 0),
           coalesce(doc->>'extractor_version', 'unknown'),
           st.id
      FROM unnest(qs) q
      LEFT JOIN statements st ON st.norm_hash = q.hash
     ORDER BY q.ord
    ON CONFLICT (article_id, start_offset) DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added;
END;
$$;

REVOKE ALL ON FUNCTION quoted_store_quotes_serial(bigint, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION quoted_doc_quotes(jsonb) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quoted_writer') THEN
        GRANT EXECUTE ON FUNCTION quoted_store_quotes_serial(bigint, jsonb) TO quoted_writer;
        GRANT EXECUTE ON FUNCTION quoted_doc_quotes(jsonb) TO quoted_writer;
    END IF;
END;
$$;
