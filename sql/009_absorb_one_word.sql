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
-- It runs as a row trigger on quotes, only for quotes with a country or an
-- organisation (the WHEN clause costs nothing for the others), after both
-- 004's per-quote loop and 007's set-based insert; its merges update
-- quotes, never insert, so it does not fire again. (A statement-level
-- trigger with a transition table cost 1.5-2.5 ms per article even when it
-- found nothing: its queries were planned on every call.)

CREATE FUNCTION quoted_absorb_one_word() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    full_name text;
    short     record;
BEGIN
    SELECT s.name INTO full_name FROM speakers s
     WHERE s.id = NEW.speaker_id AND s.kind = 'person'
       AND cardinality(quoted_name_tokens(s.name)) > 1;
    IF full_name IS NULL THEN
        RETURN NULL;
    END IF;
    FOR short IN
        -- A one-word name is its own lower-case token (speakers_lower_name).
        SELECT o.id, o.name FROM speakers o
         WHERE lower(o.name) = ANY (quoted_name_tokens(full_name))
           AND o.kind = 'person' AND o.id <> NEW.speaker_id
           AND cardinality(quoted_name_tokens(o.name)) = 1
           AND quoted_speaker_context_agrees(o.id, NEW.organization, NEW.country)
    LOOP
        -- Only when no other full name with that word could claim it.
        IF NOT EXISTS (SELECT 1 FROM speakers f
                        WHERE f.kind = 'person' AND f.id NOT IN (NEW.speaker_id, short.id)
                          AND cardinality(quoted_name_tokens(f.name)) > 1
                          AND quoted_name_tokens(f.name) @> quoted_name_tokens(short.name)) THEN
            PERFORM quoted_merge_speaker(short.id, NEW.speaker_id,
                                         'one-word name of ' || full_name || ', same context');
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER quotes_absorb_one_word
    AFTER INSERT ON quotes
    FOR EACH ROW
    WHEN (NEW.speaker_id IS NOT NULL AND (NEW.country IS NOT NULL OR NEW.organization IS NOT NULL))
    EXECUTE FUNCTION quoted_absorb_one_word();
