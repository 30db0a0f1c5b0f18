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

/* Print the matching statements; returns rows, or -1 on a database error. */
long statements_list(PGconn *db, const char *cmd, const struct statement_search *s);
#endif
