-- A one-word speaker joins its full name whichever article comes first.
--
-- 004's rule 4 lets a full name absorb earlier one-word speakers of a word
-- of it ("Qin" into "Qin Gang", same country or organisation) only when the
-- full name is new. When the full name already existed without that context
-- ("Qin Gang" quoted first with no country, then "Qin" with China), the
-- one-word speaker stayed apart for good, even after "Qin Gang" was quoted
-- with China too: the outcome depended on the order articles were stored
-- in, which the daemon does not fix. Now every quote that gives a full
-- name a context runs the same absorption, with the same guard (no other
-- full name with that word could claim the one-word speaker), so the stored
-- order no longer matters.
--
-- It runs as a statement-level trigger on quotes, after both 004's per-quote
-- loop and 007's set-based insert; its merges update quotes, never insert,
-- so it does not fire again.

CREATE FUNCTION quoted_absorb_one_word() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    c     record;
    short record;
BEGIN
    FOR c IN
        SELECT DISTINCT n.speaker_id AS sid, n.organization, n.country, s.name
          FROM new_quotes n JOIN speakers s ON s.id = n.speaker_id
         WHERE (n.country IS NOT NULL OR n.organization IS NOT NULL)
           AND s.kind = 'person' AND cardinality(quoted_name_tokens(s.name)) > 1
    LOOP
        FOR short IN
            -- A one-word name is its own lower-case token (speakers_lower_name).
            SELECT o.id, o.name FROM speakers o
             WHERE lower(o.name) = ANY (quoted_name_tokens(c.name))
               AND o.kind = 'person' AND o.id <> c.sid
               AND cardinality(quoted_name_tokens(o.name)) = 1
               AND quoted_speaker_context_agrees(o.id, c.organization, c.country)
        LOOP
            IF NOT EXISTS (SELECT 1 FROM speakers f
                            WHERE f.kind = 'person' AND f.id NOT IN (c.sid, short.id)
                              AND cardinality(quoted_name_tokens(f.name)) > 1
                              AND quoted_name_tokens(f.name) @> quoted_name_tokens(short.name)) THEN
                PERFORM quoted_merge_speaker(short.id, c.sid,
                                             'one-word name of ' || c.name || ', same context');
            END IF;
        END LOOP;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER quotes_absorb_one_word
    AFTER INSERT ON quotes
    REFERENCING NEW TABLE AS new_quotes
    FOR EACH STATEMENT EXECUTE FUNCTION quoted_absorb_one_word();
