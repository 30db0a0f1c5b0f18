/* quotectl internals: the command table and shared helpers. */
#ifndef QUOTECTL_CLI_H
#define QUOTECTL_CLI_H
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

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
};

struct cli_cmd {
	const char *name;
	int (*run)(const struct cli_global *g, int argc, char **argv);
	const char *args;    /* synopsis after the name */
	const char *summary; /* one line */
};

extern const struct cli_cmd cli_commands[];

/* Connect using --db, else the config file's conninfo, else libpq's
 * environment; on failure print why (naming the source) and return NULL. */
PGconn *cli_connect(const struct cli_global *g);

/* Print s with control characters removed (feed text must not steer the terminal). */
void out_clean(FILE *f, const char *s);
/* Print a usage error for cmd and return EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

int cmd_db(const struct cli_global *g, int argc, char **argv);
int cmd_feed(const struct cli_global *g, int argc, char **argv);
int cmd_extract(const struct cli_global *g, int argc, char **argv);
int cmd_who_said(const struct cli_global *g, int argc, char **argv);
int cmd_article(const struct cli_global *g, int argc, char **argv);
#endif
