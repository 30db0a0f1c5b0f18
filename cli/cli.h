/* quotectl internals: the command table and shared helpers. */
#ifndef QUOTECTL_CLI_H
#define QUOTECTL_CLI_H
#include <getopt.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

#include "output.h"

/* Documented exit codes (quotectl(1)). */
enum {
	EXIT_FOUND = 0,
	EXIT_NOTHING = 1,
	EXIT_USAGE = 2,
	EXIT_DB = 3,
};

struct cli_global {
	const char *conninfo;    /* --db */
	const char *config_path; /* -c */
	int timeout_s;           /* --timeout: statement_timeout, 0 = none */
};

struct cli_cmd {
	const char *name;
	int (*run)(const struct cli_global *g, int argc, char **argv);
	const char *args;    /* synopsis after the name */
	const char *summary; /* one line */
	const char *help;    /* options, one per line, or NULL */
};

extern const struct cli_cmd cli_commands[];

/* Connect using --db, else the config file's conninfo, else libpq's
 * environment; set the statement timeout. On failure print why (naming
 * the source and what to try) and return NULL. */
PGconn *cli_connect(const struct cli_global *g);
/* Load the configuration quotectl would use (-c, else /etc/quoted when
 * readable, else defaults). Returns 0, or -1 after printing why. */
struct config;
/* Fetch url (http or https) with quoted's fetcher, limits and address
 * guard from the configuration. Returns the body (caller frees; *len
 * bytes, NUL-terminated) and the URL after redirects, or NULL after
 * printing why ("quotectl CMD: URL: reason"). */
char *cli_fetch_url(const struct cli_global *g, const char *cmd, const char *url, size_t *len,
		    char **effective_url);
int cli_load_config(const struct cli_global *g, struct config *cfg, const char **source);

/* Print s with control characters removed (feed text must not steer the terminal). */
void out_clean(FILE *f, const char *s);
/* Print a usage error for cmd and return EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print "quotectl CMD: MESSAGE" to stderr. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Options shared by the listing commands. */
struct cli_opts {
	bool json, csv;
	bool exact;
	const char *speaker, *role, *country, *feed;
	char since[11], until[11]; /* YYYY-MM-DD or "" */
	long limit;
};

enum {
	OPT_JSON = 1000,
	OPT_CSV,
	OPT_SPEAKER,
	OPT_ROLE,
	OPT_COUNTRY,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_FEED,
	OPT_LIMIT,
	OPT_EXACT,
	OPT_FORMAT,
	OPT_LOCAL,
	OPT_PHRASE,
};

#define CLI_OUTPUT_OPTIONS {"json", no_argument, NULL, OPT_JSON}, {"csv", no_argument, NULL, OPT_CSV}
#define CLI_FILTER_OPTIONS                                                                          \
	{"speaker", required_argument, NULL, OPT_SPEAKER}, {"role", required_argument, NULL, OPT_ROLE}, \
		{"country", required_argument, NULL, OPT_COUNTRY},                                    \
		{"since", required_argument, NULL, OPT_SINCE},                                        \
		{"until", required_argument, NULL, OPT_UNTIL},                                        \
		{"feed", required_argument, NULL, OPT_FEED}
#define CLI_LIMIT_OPTION {"limit", required_argument, NULL, OPT_LIMIT}

/* Handle one shared option returned by getopt_long. Returns 1 when it was
 * one, 0 when it is not ours, -1 after printing a usage error. */
int cli_opt(const char *cmd, struct cli_opts *o, int c, const char *arg);
/* The value of an optional filter as a parameter (NULL when unset). */
const char *cli_param(const char *s);

/* Run a read-only query through a cursor and hand each row to fn, so a
 * result of any size streams in constant memory. Returns rows, or -1
 * after printing the error. */
typedef void (*cli_row_fn)(const PGresult *res, int row, void *arg);
long cli_query(PGconn *db, const char *cmd, const char *sql, int n, const char *const *params,
	       cli_row_fn fn, void *arg);
/* cli_query() into an out (columns in the same order), then out_finish(). */
long cli_query_out(PGconn *db, const char *cmd, const char *sql, int n, const char *const *params,
		   struct out *o);
/* Exit status for a listing: rows found, nothing, or database error. */
int cli_listing_status(long rows);

int cmd_db(const struct cli_global *g, int argc, char **argv);
int cmd_feed(const struct cli_global *g, int argc, char **argv);
int cmd_feed_check(const struct cli_global *g, int argc, char **argv);
int cmd_extract(const struct cli_global *g, int argc, char **argv);
int cmd_who_said(const struct cli_global *g, int argc, char **argv);
int cmd_said_by(const struct cli_global *g, int argc, char **argv);
int cmd_speakers(const struct cli_global *g, int argc, char **argv);
int cmd_roles(const struct cli_global *g, int argc, char **argv);
int cmd_quote(const struct cli_global *g, int argc, char **argv);
int cmd_articles(const struct cli_global *g, int argc, char **argv);
int cmd_stats(const struct cli_global *g, int argc, char **argv);
int cmd_export(const struct cli_global *g, int argc, char **argv);
int cmd_article(const struct cli_global *g, int argc, char **argv);
#endif
