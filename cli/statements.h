/* The statement listing behind who-said and said-by (statements.c). */
#ifndef QUOTECTL_STATEMENTS_H
#define QUOTECTL_STATEMENTS_H
#include <libpq-fe.h>

#include "cli.h"

enum statement_match {
	MATCH_BY_PHRASE,    /* stemmed phrase search (tsvector) */
	MATCH_BY_SUBSTRING, /* case-insensitive substring (pg_trgm) */
	MATCH_BY_OPTIONAL_PHRASE, /* phrase when given, else everything */
};

struct statement_search {
	enum statement_match match;
	const char *phrase;  /* or NULL */
	const char *speaker; /* loose name, or NULL */
	const struct cli_opts *opts;
};

/* The filters shared by the statement listing and export, over
 * research.quotes v: $2 speaker (loose name), $3 role, $4 country,
 * $5 since, $6 until (dates, inclusive), $7 feed (id, URL or outlet). */
#define QUOTE_FILTERS_SQL                                                                             \
	" AND ($2::text IS NULL OR v.speaker_id IN (SELECT speaker_id FROM research.speakers_named($2::text)))" \
	" AND ($3::text IS NULL OR lower(v.role) = lower($3::text) OR lower(v.role_stated) = lower($3::text))" \
	" AND ($4::text IS NULL OR lower(v.country) = lower($4::text))"                                 \
	" AND ($5::date IS NULL OR v.published_at >= $5::date)"                                         \
	" AND ($6::date IS NULL OR v.published_at < $6::date + 1)"                                      \
	" AND ($7::text IS NULL OR v.feed_id IN (SELECT o.feed_id FROM research.outlets o"              \
	"      WHERE o.feed_id::text = $7::text OR o.feed_url = $7::text OR o.outlet = $7::text))"

/* Print the matching statements; returns rows, or -1 on a database error. */
long statements_list(PGconn *db, const char *cmd, const struct statement_search *s);
#endif
