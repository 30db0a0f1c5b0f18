#!/bin/sh
# quoted_store_article() of 007 (set-based, the 004 loop as its fallback)
# stores exactly what the 004 function stored. The same 400 generated
# articles (one-word names with and without context, honorifics, case
# variants, organisations, repeated offsets, re-stored articles, the same
# quotation with other punctuation) go into two databases: "ref" stores
# every article through the 004 quote loop, "new" through 007. Every
# table, sequence and return value must come out the same, ids included.
. "$(dirname "$0")/../lib.sh"

generate() { # the articles, stored in article order; results in store_results
	psql -X -q -v ON_ERROR_STOP=1 -o /dev/null <<'SQL'
SET track_functions = 'all';
CREATE TABLE store_results (n integer PRIMARY KEY, added integer);
-- Cases each fallback condition exists for, then generated articles.
CREATE FUNCTION pg_temp.q(txt text, speaker text, country text, start integer) RETURNS jsonb
LANGUAGE sql AS $$
    SELECT jsonb_build_object('quote', txt, 'start', start, 'end', start + 5, 'speaker', speaker,
                              'speaker_kind', 'person', 'country', country)
$$;
CREATE FUNCTION pg_temp.store(n integer, VARIADIC qs jsonb[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO store_results
    VALUES (n, quoted_store_article(1, 'h' || n, jsonb_build_object(
                   'url', 'https://hand.invalid/' || n, 'body', 'text', 'published', 1767225600 - n,
                   'quotes', to_jsonb(qs))))
$$;
-- A one-word speaker first; a new full name with that word and context absorbs it.
SELECT pg_temp.store(-1, pg_temp.q('Zoe one.', 'Zoe', 'Chile', 0));
SELECT pg_temp.store(-2, pg_temp.q('Zoe two.', 'Zoe Adams', 'Chile', 0));
-- "Dr Dr Lee Park" looks up "Dr Lee Park", an alias the quote before added.
SELECT pg_temp.store(-3, pg_temp.q('Lee one.', 'Dr Lee Park', NULL, 0),
                         pg_temp.q('Lee two.', 'Dr Dr Lee Park', NULL, 10));
-- "dr amy fox" becomes an alias of two speakers, then is looked up.
SELECT pg_temp.store(-4, pg_temp.q('Amy one.', 'Dr Dr Amy Fox', NULL, 0));
SELECT pg_temp.store(-5, pg_temp.q('Amy two.', 'Dr Amy Fox', NULL, 0));
SELECT pg_temp.store(-6, pg_temp.q('Amy three.', 'DR DR AMY FOX', NULL, 0));
-- A one-word name without context in the same article as a new full name with context.
SELECT pg_temp.store(-7, pg_temp.q('Max one.', 'Max', NULL, 0),
                         pg_temp.q('Max two.', 'Max Stone', 'Peru', 10),
                         pg_temp.q('Max three.', 'Max Hill', 'Peru', 20));
SELECT setseed(0.4242);
DO $$
DECLARE
    names text[] := ARRAY['Qin', 'Qin Gang', 'Mr Qin', 'qin gang', 'Mr Mr Qin', 'Li', 'Li Wei',
                          'Li Qiang', 'Dr Li Wei', 'Ana Ruiz', 'ANA RUIZ', 'Ruiz', 'Ms Ruiz',
                          'Mme Ana Ruiz', 'Wei', 'Ana', 'Reuters', 'Gang', '', '  ', NULL,
                          'Jorge Ortiz', 'Ortiz', 'Sir Jorge Ortiz', 'Nadia Ng', 'Ng'];
    kinds text[] := ARRAY['person', 'person', 'person', 'person', 'person', 'organization', 'group', NULL];
    countries text[] := ARRAY[NULL, NULL, NULL, 'China', 'Spain', ''];
    orgs text[] := ARRAY[NULL, NULL, NULL, NULL, 'UN', 'Central Bank'];
    texts text[] := ARRAY['We will open a new chapter.', '“we will OPEN a new chapter”', 'Prices will fall.',
                          'PRICES will fall', 'No comment.', 'Sovereignty is not a bargaining chip.'];
    qs jsonb;
    doc jsonb;
    a integer;
BEGIN
    FOR n IN 1..400 LOOP
        -- Now and then an article stored before comes again (a re-store).
        IF random() < 0.1 THEN
            a := 1 + floor(random() * n)::integer;
        ELSE
            a := n;
        END IF;
        PERFORM setseed(a / 1000.0);   -- an article's content depends on a only
        qs := '[]'::jsonb;
        FOR k IN 1..1 + floor(random() * 4)::integer LOOP
            qs := qs || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                'quote', CASE WHEN random() < 0.5 THEN texts[1 + floor(random() * 6)::integer]
                              ELSE 'Quote ' || a || '-' || k END,
                'start', floor(random() * 8)::integer * 10,
                'end', 100,
                'paragraph', k,
                'speaker', CASE WHEN random() < 0.3
                                -- a one-word name and its full name, new every 20 articles
                                THEN 'Kai' || a / 20 || CASE WHEN random() < 0.5 THEN ' Moreno' ELSE '' END
                                ELSE names[1 + floor(random() * array_length(names, 1))::integer] END,
                'speaker_kind', CASE WHEN random() < 0.8 THEN 'person'
                                     ELSE kinds[1 + floor(random() * 8)::integer] END,
                'role', CASE WHEN random() < 0.5 THEN 'foreign minister' END,
                'country', countries[1 + floor(random() * 6)::integer],
                'organization', orgs[1 + floor(random() * 6)::integer],
                'cue', 'said', 'partial', random() < 0.2, 'rule', 'cue_adjacent',
                'confidence', 0.9)));
        END LOOP;
        doc := jsonb_build_object('url', 'https://gen.invalid/' || a, 'title', 'Article ' || a,
                                  'body', 'text', 'published', 1767225600 + a * 3600,
                                  'source', 'feed', 'extractor_version', 'test', 'quotes', qs);
        PERFORM setseed(n / 1000.0 + 0.5);
        INSERT INTO store_results
        VALUES (n, quoted_store_article(1 + n % 2, 'k' || n, doc));
    END LOOP;
END;
$$;
SELECT pg_stat_force_next_flush();
SELECT 1;
SQL
}

dump() { # every stored row, ids included, timestamps left out
	for q in \
		"SELECT id, url, title, byline, published_at, body, source, feed_id FROM articles ORDER BY id" \
		"SELECT feed_id, item_key, article_id FROM feed_items ORDER BY feed_id, item_key" \
		"SELECT id, name, kind FROM speakers ORDER BY id" \
		"SELECT speaker_id, alias FROM speaker_aliases ORDER BY speaker_id, alias" \
		"SELECT from_id, from_name, into_id, reason FROM speaker_merges ORDER BY from_id, into_id" \
		"SELECT id, norm_hash, text FROM statements ORDER BY id" \
		"SELECT id, article_id, speaker_id, speaker_name, role, role_stated, organization, country, text,
		        start_offset, end_offset, paragraph, cue, partial, rule, confidence, extractor_version,
		        statement_id, tsv FROM quotes ORDER BY id" \
		"SELECT last_value FROM speakers_id_seq" \
		"SELECT last_value FROM statements_id_seq" \
		"SELECT last_value FROM quotes_id_seq" \
		"SELECT * FROM store_results ORDER BY n" \
		"SELECT * FROM research.speakers ORDER BY speaker_id" \
		"SELECT * FROM research.statements ORDER BY statement_id"; do
		echo "-- $q"
		psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$q"
	done
}

setup() { # db
	new_db "$1"
	quotectl db migrate >/dev/null
	sql "INSERT INTO feeds (url, title) VALUES ('https://a.invalid/feed', 'A'), ('https://b.invalid/feed', 'B')" >/dev/null
}

# ref: 004's quoted_store_article(), whose quote loop 007 kept as
# quoted_store_quotes_serial().
setup store_ref
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE OR REPLACE FUNCTION quoted_store_article(p_feed_id bigint, p_item_key text, doc jsonb)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    aid bigint;
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
    RETURN quoted_store_quotes_serial(aid, doc);
END;
$$;
SQL
generate
dump >"$WORK_DIR/ref.txt"

setup store_new
generate
dump >"$WORK_DIR/new.txt"

diff "$WORK_DIR/ref.txt" "$WORK_DIR/new.txt" >"$WORK_DIR/diff.txt" || {
	head -40 "$WORK_DIR/diff.txt" >&2
	fail "007 stored something else than the 004 loop"
}
# The comparison means something only if both paths ran, and merges happened.
serial=$(sql "SELECT coalesce(sum(calls), 0) FROM pg_stat_user_functions WHERE funcname = 'quoted_store_quotes_serial'")
stored=$(sql "SELECT count(*) FROM store_results WHERE added > 0")
echo "store_set_based: $stored articles with new quotes, $serial through the 004 loop"
[ "$serial" -gt 0 ] && [ "$serial" -lt "$stored" ] || fail "not both paths ran ($serial of $stored)"
[ "$(sql "SELECT count(*) FROM speaker_merges")" -gt 0 ] || fail "no merge happened"
[ "$(sql "SELECT count(*) FROM quotes")" -gt 500 ] || fail "too few quotes stored"
echo "store_set_based: ok"
