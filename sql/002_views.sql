-- Views for researchers: one row per quote with everything needed to cite it.

CREATE VIEW quote_facts AS
SELECT q.id            AS quote_id,
       q.text          AS quote,
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
       a.id            AS article_id,
       a.title         AS article_title,
       a.url           AS article_url,
       (SELECT f.title FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id
         WHERE fi.article_id = a.id ORDER BY fi.seen_at LIMIT 1) AS outlet,
       coalesce(a.published_at, a.fetched_at) AS published_at
  FROM quotes q
  JOIN articles a ON a.id = q.article_id
  LEFT JOIN speakers s ON s.id = q.speaker_id;

COMMENT ON VIEW quote_facts IS
  'One row per extracted quote: speaker, role (canonical and as stated), organization, country, article and date.';
