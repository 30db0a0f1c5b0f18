-- quoted schema, version 5: the research interface.
-- Researchers read the views in schema "research" (documented in
-- docs/research.md); the role quoted_reader may SELECT them and nothing
-- else. The daemon runs as a member of quoted_writer. Views run with their
-- owner's rights, so readers need no access to the tables beneath.

CREATE SCHEMA research;
COMMENT ON SCHEMA research IS 'quoted: read-only views for researchers (docs/research.md)';

-- Where an article appeared: the feed that first carried it (articles.feed_id).
CREATE VIEW research.articles AS
SELECT a.id AS article_id,
       a.title,
       a.url,
       a.byline,
       a.feed_id,
       coalesce(f.title, f.url) AS outlet,
       coalesce(a.published_at, a.fetched_at) AS published_at,
       a.fetched_at,
       a.source,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
  FROM articles a
  LEFT JOIN feeds f ON f.id = a.feed_id;
COMMENT ON VIEW research.articles IS
  'One row per article: title, URL, outlet (the title of the first feed that carried it), publication date, quote count.';

-- One row per quote with everything needed to cite it.
CREATE VIEW research.quotes AS
SELECT q.id            AS quote_id,
       q.text          AS quote,
       q.statement_id,
       q.speaker_id,
       s.name          AS speaker,
       s.kind          AS speaker_kind,
       q.speaker_name  AS speaker_as_stated,
       q.role,
       q.role_stated,
       q.organization,
       q.country,
       q.cue,
       q.partial,
       q.rule,
       q.confidence,
       q.paragraph,
       q.start_offset,
       q.end_offset,
       a.id            AS article_id,
       a.title         AS article_title,
       a.url           AS article_url,
       a.feed_id,
       coalesce(f.title, f.url) AS outlet,
       coalesce(a.published_at, a.fetched_at) AS published_at,
       q.extractor_version,
       q.tsv           AS quote_tsv
  FROM quotes q
  JOIN articles a ON a.id = q.article_id
  LEFT JOIN speakers s ON s.id = q.speaker_id
  LEFT JOIN feeds f ON f.id = a.feed_id;
COMMENT ON VIEW research.quotes IS
  'One row per quote: speaker (canonical and as stated), role (canonical and as stated), organization, country, article title and URL, outlet, publication date. quote_tsv is the English tsvector for phrase search.';

-- The roles each speaker held, with when: roles belong to quotes.
CREATE VIEW research.speaker_roles AS
SELECT q.speaker_id,
       s.name AS speaker,
       q.role,
       count(*) AS quotes,
       min(coalesce(a.published_at, a.fetched_at)) AS first_seen,
       max(coalesce(a.published_at, a.fetched_at)) AS last_seen,
       array_agg(DISTINCT q.organization) FILTER (WHERE q.organization IS NOT NULL) AS organizations,
       array_agg(DISTINCT q.country) FILTER (WHERE q.country IS NOT NULL) AS countries
  FROM quotes q
  JOIN speakers s ON s.id = q.speaker_id
  JOIN articles a ON a.id = q.article_id
 WHERE q.role IS NOT NULL
 GROUP BY q.speaker_id, s.name, q.role;
COMMENT ON VIEW research.speaker_roles IS
  'One row per (speaker, canonical role): how many quotes, first and last seen.';

CREATE VIEW research.speakers AS
SELECT s.id AS speaker_id,
       s.name,
       s.kind,
       al.aliases,
       st.quotes,
       st.statements,
       st.first_seen,
       st.last_seen,
       r.roles,
       st.countries,
       st.organizations
  FROM speakers s
  LEFT JOIN LATERAL (
        SELECT array_agg(al.alias ORDER BY al.alias) AS aliases
          FROM speaker_aliases al WHERE al.speaker_id = s.id) al ON true
  LEFT JOIN LATERAL (
        SELECT count(*) AS quotes,
               count(DISTINCT q.statement_id) AS statements,
               min(coalesce(a.published_at, a.fetched_at)) AS first_seen,
               max(coalesce(a.published_at, a.fetched_at)) AS last_seen,
               array_agg(DISTINCT q.country) FILTER (WHERE q.country IS NOT NULL) AS countries,
               array_agg(DISTINCT q.organization) FILTER (WHERE q.organization IS NOT NULL) AS organizations
          FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.speaker_id = s.id) st ON true
  LEFT JOIN LATERAL (
        SELECT array_agg(x.role ORDER BY x.first_seen, x.role) AS roles
          FROM (SELECT q.role, min(coalesce(a.published_at, a.fetched_at)) AS first_seen
                  FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE q.speaker_id = s.id AND q.role IS NOT NULL
                 GROUP BY q.role) x) r ON true;
COMMENT ON VIEW research.speakers IS
  'One row per canonical speaker: aliases, quote and statement counts, first and last seen, roles in order of first use, countries, organizations.';

-- The text the extractor read; quotes' start and end are byte offsets into it.
CREATE VIEW research.article_texts AS
SELECT a.id AS article_id, a.body FROM articles a;
COMMENT ON VIEW research.article_texts IS
  'The text quoted read from each article (paragraphs separated by blank lines); quote offsets are bytes into it.';

CREATE VIEW research.speaker_aliases AS
SELECT a.speaker_id, s.name AS speaker, a.alias
  FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id;
COMMENT ON VIEW research.speaker_aliases IS 'Every name a speaker was recorded under.';

CREATE VIEW research.speaker_merges AS
SELECT m.from_id, m.from_name, m.into_id, s.name AS into_name, m.reason, m.merged_at
  FROM speaker_merges m JOIN speakers s ON s.id = m.into_id;
COMMENT ON VIEW research.speaker_merges IS 'Speakers merged into a canonical speaker, and why.';

-- One row per statement: the same quotation across outlets.
CREATE VIEW research.statements AS
SELECT st.id AS statement_id,
       st.text,
       agg.quotes,
       agg.articles,
       agg.outlets,
       agg.outlet_names,
       agg.first_seen,
       agg.last_seen,
       f.quote_id AS first_quote_id,
       f.speaker_id AS first_speaker_id,
       f.speaker AS first_speaker,
       f.role AS first_role,
       f.outlet AS first_outlet,
       f.article_url AS first_article_url
  FROM statements st
  JOIN LATERAL (
        SELECT v.quote_id, v.speaker_id, v.speaker, v.role, v.outlet, v.article_url
          FROM research.quotes v
         WHERE v.statement_id = st.id
         ORDER BY v.published_at, v.quote_id
         LIMIT 1) f ON true
  JOIN LATERAL (
        SELECT count(*) AS quotes,
               count(DISTINCT v.article_id) AS articles,
               count(DISTINCT coalesce(v.outlet, v.article_url)) AS outlets,
               array_agg(DISTINCT v.outlet) FILTER (WHERE v.outlet IS NOT NULL) AS outlet_names,
               min(v.published_at) AS first_seen,
               max(v.published_at) AS last_seen
          FROM research.quotes v
         WHERE v.statement_id = st.id) agg ON true;
COMMENT ON VIEW research.statements IS
  'One row per statement (quotes grouped on normalised text across outlets): first appearance, how many quotes, articles and outlets carried it.';

CREATE VIEW research.outlets AS
SELECT f.id AS feed_id,
       coalesce(f.title, f.url) AS outlet,
       f.url AS feed_url,
       f.state,
       (SELECT count(DISTINCT fi.article_id) FROM feed_items fi WHERE fi.feed_id = f.id) AS articles,
       f.last_success_at
  FROM feeds f;
COMMENT ON VIEW research.outlets IS 'The feeds quoted polls, as outlets.';

-- The speakers a name may mean, loosely: honorifics dropped, the exact
-- name or alias (case-insensitive); and every speaker with that word in
-- their name for a one-word name, or with those words in that order when
-- a longer name matched nothing exactly.
CREATE FUNCTION research.speakers_named(p_name text)
RETURNS TABLE (speaker_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER ROWS 3 SET search_path = pg_catalog, public AS $$
    WITH n AS (SELECT lower(quoted_strip_honorific(p_name)) AS name),
    exact AS (
        SELECT s.id FROM speakers s, n WHERE lower(s.name) = n.name
        UNION
        SELECT a.speaker_id FROM speaker_aliases a, n WHERE lower(a.alias) = n.name)
    SELECT id FROM exact
    UNION
    SELECT s.id FROM speakers s, n
     WHERE (cardinality(quoted_name_tokens(n.name)) = 1 OR NOT EXISTS (SELECT 1 FROM exact))
       AND quoted_name_tokens(s.name) @> quoted_name_tokens(n.name)
       AND (' ' || lower(s.name) || ' ') LIKE ('% ' || n.name || ' %')
$$;
COMMENT ON FUNCTION research.speakers_named(text) IS
  'Speaker ids a name may mean: "Qin Gang", "Mr Qin" and "Qin" all find Qin Gang.';

-- Roles. Created here when missing (NOLOGIN group roles: grant them to
-- login roles). A migrator without CREATEROLE gets a warning instead.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quoted_reader') THEN
        BEGIN
            CREATE ROLE quoted_reader NOLOGIN;
        EXCEPTION
            WHEN duplicate_object THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE WARNING 'cannot create role quoted_reader; ask an administrator: CREATE ROLE quoted_reader NOLOGIN';
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quoted_writer') THEN
        BEGIN
            CREATE ROLE quoted_writer NOLOGIN;
        EXCEPTION
            WHEN duplicate_object THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE WARNING 'cannot create role quoted_writer; ask an administrator: CREATE ROLE quoted_writer NOLOGIN';
        END;
    END IF;
END;
$$;

REVOKE ALL ON FUNCTION research.speakers_named(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION quoted_store_article(bigint, text, jsonb) FROM PUBLIC;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quoted_reader') THEN
        GRANT USAGE ON SCHEMA research TO quoted_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA research TO quoted_reader;
        GRANT EXECUTE ON FUNCTION research.speakers_named(text) TO quoted_reader;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quoted_writer') THEN
        GRANT USAGE ON SCHEMA public TO quoted_writer;
        GRANT SELECT, INSERT, UPDATE, DELETE
           ON feeds, articles, feed_items, speakers, speaker_aliases, quotes,
              statements, speaker_merges
           TO quoted_writer;
        GRANT SELECT ON schema_migrations TO quoted_writer;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO quoted_writer;
        GRANT EXECUTE ON FUNCTION quoted_store_article(bigint, text, jsonb) TO quoted_writer;
        -- The writer may read what researchers read (quotectl uses the views).
        GRANT USAGE ON SCHEMA research TO quoted_writer;
        GRANT SELECT ON ALL TABLES IN SCHEMA research TO quoted_writer;
        GRANT EXECUTE ON FUNCTION research.speakers_named(text) TO quoted_writer;
    END IF;
END;
$$;
