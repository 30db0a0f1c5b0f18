/* Shared option parsing and the streaming query path of quotectl. Every
 * read runs in a READ ONLY transaction (so it also works on a streaming
 * replica) through a server-side cursor fetched in batches: memory stays
 * constant however large the result, and each FETCH is bounded by the
 * statement timeout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoted/util.h"

#define FETCH_ROWS "500"

/* YYYY, YYYY-MM or YYYY-MM-DD -> YYYY-MM-DD (the first day); false when
 * the date does not exist. */
static bool parse_date(const char *s, char out[11])
{
	int y = 0, m = 1, d = 1, n = 0;
	size_t len = strlen(s);
	if (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1 && n == 4) {
	} else if (len == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7) {
	} else if (len == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10) {
	} else {
		return false;
	}
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return false;
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 11);
	return true;
}

int cli_opt(const char *cmd, struct cli_opts *o, int c, const char *arg)
{
	char *end;
	switch (c) {
	case OPT_JSON: o->json = true; return 1;
	case OPT_CSV: o->csv = true; return 1;
	case OPT_EXACT: o->exact = true; return 1;
	case OPT_SPEAKER: o->speaker = arg; return 1;
	case OPT_ROLE: o->role = arg; return 1;
	case OPT_COUNTRY: o->country = arg; return 1;
	case OPT_FEED: o->feed = arg; return 1;
	case OPT_SINCE:
	case OPT_UNTIL:
		if (!parse_date(arg, c == OPT_SINCE ? o->since : o->until)) {
			cli_usage_error(cmd, "--%s wants a date: YYYY-MM-DD, YYYY-MM or YYYY (got '%s')",
					c == OPT_SINCE ? "since" : "until", arg);
			return -1;
		}
		return 1;
	case OPT_LIMIT:
		o->limit = strtol(arg, &end, 10);
		if (*end || end == arg || o->limit < 1 || o->limit > 1000000) {
			cli_usage_error(cmd, "--limit must be a number from 1 to 1000000");
			return -1;
		}
		return 1;
	default: return 0;
	}
}

const char *cli_param(const char *s)
{
	return s && *s ? s : NULL;
}

static void print_db_error(const char *cmd, PGconn *db, PGresult *res)
{
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(db);
	char *m = xstrdup(msg && *msg ? msg : "unknown error");
	str_squeeze_space(m);
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	fprintf(stderr, "quotectl %s: database: %s\n", cmd, m);
	if (state && strcmp(state, "57014") == 0)
		fprintf(stderr, "hint: the statement timeout stopped the query; narrow it (--since, --limit) or raise --timeout\n");
	else if (state && strcmp(state, "42501") == 0)
		fprintf(stderr, "hint: this role lacks a privilege; researchers use quoted_reader (SELECT on the research views)\n");
	else if (state && (strcmp(state, "42P01") == 0 || strcmp(state, "3F000") == 0 || strcmp(state, "42883") == 0))
		fprintf(stderr, "hint: the schema may be out of date: run 'quotectl db migrate'\n");
	free(m);
}

static bool run_simple(PGconn *db, const char *cmd, const char *sql)
{
	PGresult *res = PQexec(db, sql);
	bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		print_db_error(cmd, db, res);
	PQclear(res);
	return ok;
}

long cli_query(PGconn *db, const char *cmd, const char *sql, int n, const char *const *params,
	       cli_row_fn fn, void *arg)
{
	if (!run_simple(db, cmd, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
		return -1;
	/* sql is one of our constant statements; values travel as parameters. */
	char *declare = xasprintf("DECLARE quotectl_cursor NO SCROLL CURSOR FOR %s", sql);
	PGresult *res = PQexecParams(db, declare, n, NULL, params, NULL, NULL, 0);
	free(declare);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		print_db_error(cmd, db, res);
		PQclear(res);
		PQclear(PQexec(db, "ROLLBACK"));
		return -1;
	}
	PQclear(res);
	long rows = 0;
	for (;;) {
		res = PQexec(db, "FETCH FORWARD " FETCH_ROWS " FROM quotectl_cursor");
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			print_db_error(cmd, db, res);
			PQclear(res);
			PQclear(PQexec(db, "ROLLBACK"));
			return -1;
		}
		int got = PQntuples(res);
		for (int i = 0; i < got; i++)
			fn(res, i, arg);
		rows += got;
		PQclear(res);
		if (got == 0)
			break;
	}
	if (!run_simple(db, cmd, "COMMIT"))
		return -1;
	return rows;
}

static void row_to_out(const PGresult *res, int row, void *arg)
{
	out_row_pg(arg, res, row);
}

long cli_query_out(PGconn *db, const char *cmd, const char *sql, int n, const char *const *params,
		   struct out *o)
{
	long rows = cli_query(db, cmd, sql, n, params, row_to_out, o);
	out_finish(o);
	return rows;
}

int cli_listing_status(long rows)
{
	return rows < 0 ? EXIT_DB : rows == 0 ? EXIT_NOTHING : EXIT_FOUND;
}
