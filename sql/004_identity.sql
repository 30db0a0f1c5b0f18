-- quoted schema, version 4: identity.
--  * statements: the same quotation carried by many outlets is one
--    statement, keyed by a hash of its normalised text (quotes.statement_id);
--  * canonical speakers: a one-word name ("Qin") joins the full name
--    ("Qin Gang") it belongs to, within an article always, across articles
--    when the context (country or organisation) agrees; every merge is
--    recorded in speaker_merges.
-- quoted_store_article() keeps its signature and behaviour; its body now
-- resolves speakers and statements.

-- Normalised text: lower case, punctuation (ASCII and typographic) and
-- white space collapsed to single spaces, trimmed. Letters of any script
-- are kept, so non-Latin quotes group as well as Latin ones.
CREATE FUNCTION quoted_normalize_text(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(nullif(btrim(regexp_replace(lower(t),
               '[[:space:][:punct:]‘’‚‛“”„‟«»‹›–—―…·•′″]+', ' ', 'g')), ''), t)
$$;

CREATE FUNCTION quoted_text_hash(t text) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT sha256(convert_to(quoted_normalize_text(t), 'UTF8'))
$$;

-- A name without a leading honorific ("Mr Qin" -> "Qin").
CREATE FUNCTION quoted_strip_honorific(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(btrim(name),
               '^(mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|madam|madame|mme|mister)\.?[[:space:]]+',
               '', 'i'))
$$;

-- The words of a name, lower case ("Qin Gang" -> {qin,gang}).
CREATE FUNCTION quoted_name_tokens(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_split_to_array(lower(btrim(name)), '[[:space:]]+')
$$;

CREATE TABLE statements (
    id         bigserial PRIMARY KEY,
    norm_hash  bytea NOT NULL UNIQUE,   -- quoted_text_hash(text)
    text       text NOT NULL,           -- the wording first stored
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE statements IS
  'One row per distinct quotation (normalised text), however many outlets carried it.';

ALTER TABLE quotes ADD COLUMN statement_id bigint REFERENCES statements (id);
CREATE INDEX quotes_statement ON quotes (statement_id);

INSERT INTO statements (norm_hash, text)
SELECT DISTINCT ON (h) h, text
  FROM (SELECT quoted_text_hash(text) AS h, text, id FROM quotes) q
 ORDER BY h, id
ON CONFLICT (norm_hash) DO NOTHING;
UPDATE quotes q SET statement_id = s.id
  FROM statements s
 WHERE s.norm_hash = quoted_text_hash(q.text) AND q.statement_id IS NULL;

-- The outlet of an article: the feed that first carried it (its title is
-- read at query time, as the daemon learns it after the first poll).
ALTER TABLE articles ADD COLUMN feed_id bigint REFERENCES feeds (id) ON DELETE SET NULL;
UPDATE articles a SET feed_id = (SELECT fi.feed_id FROM feed_items fi
                                  WHERE fi.article_id = a.id
                                  ORDER BY fi.seen_at, fi.feed_id LIMIT 1);
CREATE INDEX articles_feed ON articles (feed_id);

CREATE TABLE speaker_merges (
    from_id   bigint NOT NULL,          -- the speaker that no longer exists
    from_name text NOT NULL,
    into_id   bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    reason    text NOT NULL,
    merged_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX speaker_merges_into ON speaker_merges (into_id);

-- Indexes for the common questions (see docs/research.md).
CREATE INDEX speakers_name_tokens ON speakers USING gin (quoted_name_tokens(name));
CREATE INDEX speakers_lower_name ON speakers (lower(name));
CREATE INDEX quotes_role ON quotes (lower(role));
CREATE INDEX quotes_country ON quotes (lower(country));
CREATE INDEX quotes_speaker_role ON quotes (speaker_id, role);
CREATE INDEX articles_published_or_fetched ON articles ((coalesce(published_at, fetched_at)));

-- Does speaker sid have a quote whose country or organisation agrees?
CREATE FUNCTION quoted_speaker_context_agrees(sid bigint, p_organization text, p_country text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM quotes q
                    WHERE q.speaker_id = sid
                      AND ((p_country IS NOT NULL AND q.country = p_country)
                        OR (p_organization IS NOT NULL AND q.organization = p_organization)))
$$;

-- Move everything of speaker old_id to into_id and drop old_id.
CREATE FUNCTION quoted_merge_speaker(old_id bigint, into_id bigint, why text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF old_id = into_id THEN
        RETURN;
    END IF;
    UPDATE quotes SET speaker_id = into_id WHERE speaker_id = old_id;
    INSERT INTO speaker_aliases (speaker_id, alias)
    SELECT into_id, alias FROM speaker_aliases WHERE speaker_id = old_id
    ON CONFLICT DO NOTHING;
    UPDATE speaker_merges SET into_id = quoted_merge_speaker.into_id
     WHERE speaker_merges.into_id = old_id;
    INSERT INTO speaker_merges (from_id, from_name, into_id, reason)
    SELECT id, name, quoted_merge_speaker.into_id, why FROM speakers WHERE id = old_id;
    DELETE FROM speakers WHERE id = old_id;
END;
$$;

-- The canonical speaker for a name as one article states it.
--  1. Within the article, a one-word person name that is a word of exactly
--     one longer person name in the same article is that person.
--  2. A multi-word name (or an organisation) is the speaker with that name
--     or alias, when there is exactly one.
--  3. A one-word person name is the one person whose full name contains
--     that word and who was quoted before with the same country or
--     organisation.
--  4. Otherwise a speaker of that exact name, created when new. A new full
--     name absorbs earlier one-word speakers of that word whose context
--     agrees, when it is the only full name they could be.
CREATE FUNCTION quoted_resolve_speaker(p_name text, p_kind text, p_organization text,
                                       p_country text, p_article_names text[])
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_kind   text := coalesce(p_kind, 'person');
    v_name   text := quoted_strip_honorific(p_name);
    v_tokens text[];
    v_full   text;
    sid      bigint;
    n        integer;
    short    record;
BEGIN
    IF v_name IS NULL OR v_name = '' THEN
        RETURN NULL;
    END IF;
    v_tokens := quoted_name_tokens(v_name);

    IF v_kind = 'person' AND cardinality(v_tokens) = 1 THEN
        SELECT min(x), count(DISTINCT x) INTO v_full, n
          FROM unnest(p_article_names) x
         WHERE cardinality(quoted_name_tokens(quoted_strip_honorific(x))) > 1
           AND v_tokens[1] = ANY (quoted_name_tokens(quoted_strip_honorific(x)));
        IF n = 1 THEN
            v_name := quoted_strip_honorific(v_full);
            v_tokens := quoted_name_tokens(v_name);
        END IF;
    END IF;

    IF v_kind <> 'person' OR cardinality(v_tokens) > 1 THEN
        SELECT min(s.id), count(DISTINCT s.id) INTO sid, n
          FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
         WHERE lower(a.alias) = lower(v_name) AND s.kind = v_kind;
        IF n = 1 THEN
            INSERT INTO speaker_aliases (speaker_id, alias) VALUES (sid, p_name)
            ON CONFLICT DO NOTHING;
            RETURN sid;
        END IF;
    ELSIF p_country IS NOT NULL OR p_organization IS NOT NULL THEN
        SELECT min(s.id), count(*) INTO sid, n
          FROM speakers s
         WHERE s.kind = 'person'
           AND quoted_name_tokens(s.name) @> v_tokens
           AND cardinality(quoted_name_tokens(s.name)) > 1
           AND quoted_speaker_context_agrees(s.id, p_organization, p_country);
        IF n = 1 THEN
            INSERT INTO speaker_aliases (speaker_id, alias) VALUES (sid, v_name), (sid, p_name)
            ON CONFLICT DO NOTHING;
            RETURN sid;
        END IF;
    END IF;

    INSERT INTO speakers (name, kind) VALUES (v_name, v_kind)
    ON CONFLICT (name, kind) DO NOTHING
    RETURNING id INTO sid;
    IF sid IS NULL THEN
        SELECT id INTO sid FROM speakers WHERE name = v_name AND kind = v_kind;
    ELSIF v_kind = 'person' AND cardinality(v_tokens) > 1
          AND (p_country IS NOT NULL OR p_organization IS NOT NULL) THEN
        FOR short IN
            SELECT s.id FROM speakers s
             WHERE s.kind = 'person' AND s.id <> sid
               AND cardinality(quoted_name_tokens(s.name)) = 1
               AND quoted_name_tokens(s.name) <@ v_tokens
               AND quoted_speaker_context_agrees(s.id, p_organization, p_country)
        LOOP
            -- Only when no other full name with that word could claim it.
            IF NOT EXISTS (SELECT 1 FROM speakers o, speakers s2
                            WHERE s2.id = short.id AND o.kind = 'person'
                              AND o.id NOT IN (sid, short.id)
                              AND cardinality(quoted_name_tokens(o.name)) > 1
                              AND quoted_name_tokens(o.name) @> quoted_name_tokens(s2.name)) THEN
                PERFORM quoted_merge_speaker(short.id, sid, 'one-word name of ' || v_name || ', same context');
            END IF;
        END LOOP;
    END IF;
    INSERT INTO speaker_aliases (speaker_id, alias) VALUES (sid, v_name), (sid, p_name)
    ON CONFLICT DO NOTHING;
    RETURN sid;
END;
$$;

-- The statement for a quotation's text, created when new.
CREATE FUNCTION quoted_resolve_statement(p_text text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    h   bytea := quoted_text_hash(p_text);
    sid bigint;
BEGIN
    SELECT id INTO sid FROM statements WHERE norm_hash = h;
    IF sid IS NULL THEN
        INSERT INTO statements (norm_hash, text) VALUES (h, p_text)
        ON CONFLICT (norm_hash) DO NOTHING
        RETURNING id INTO sid;
        IF sid IS NULL THEN
            SELECT id INTO sid FROM statements WHERE norm_hash = h;
        END IF;
    END IF;
    RETURN sid;
END;
$$;

-- Same contract as in 003_store_article.sql.
CREATE OR REPLACE FUNCTION quoted_store_article(p_feed_id bigint, p_item_key text, doc jsonb)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    aid   bigint;
    sid   bigint;
    q     jsonb;
    names text[];
    added integer := 0;
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
