/* quotectl: manage quoted's feeds and database, and ask who said what.
 * Commands are a table; each lives in its own cmd_*.c. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "quoted/config.h"
#include "quoted/db.h"
#include "quoted/util.h"
#include "quoted/xmlsafe.h"

#define FILTER_HELP                                                                      \
	"  --speaker NAME   only this speaker (loose: \"Qin Gang\", \"Mr Qin\", \"Qin\")\n"  \
	"  --role ROLE      only quotes given in this role (canonical or as stated)\n"      \
	"  --country NAME   only speakers of this country\n"                                \
	"  --since DATE     published on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"    \
	"  --until DATE     published on or before DATE\n"                                 \
	"  --feed FEED      only articles from this feed (id, URL or title)\n"
#define OUTPUT_HELP                                                                   \
	"  --json           one JSON object per line\n"                                  \
	"  --csv            CSV with a header line\n"                                    \
	"  (default: an aligned table on a terminal, tab-separated text when piped)\n"
#define LIMIT_HELP "  --limit N        at most N rows (default 50)\n"

const struct cli_cmd cli_commands[] = {
	{"who-said", cmd_who_said, "[--exact] [FILTERS] [--limit N] [--json|--csv] PHRASE",
	 "who said a phrase, where and when (one row per statement, newest first)",
	 "  --exact          match the words as a substring (pg_trgm) instead of a stemmed phrase\n" FILTER_HELP
		 LIMIT_HELP OUTPUT_HELP},
	{"said-by", cmd_said_by, "[--phrase P] [FILTERS] [--limit N] [--json|--csv] NAME",
	 "a speaker's statements, newest first; names match loosely through aliases",
	 "  NAME             \"Qin Gang\", \"Mr Qin\" or \"Qin\"\n"
	 "  --phrase P       only statements containing the phrase\n" FILTER_HELP LIMIT_HELP OUTPUT_HELP},
	{"speakers", cmd_speakers, "[--role R] [--country C] [--limit N] [--json|--csv]",
	 "speakers with quote counts, first and last seen, and the roles they held over time",
	 "  --role ROLE      speakers who were quoted in this role\n"
	 "  --country NAME   speakers of this country\n" LIMIT_HELP OUTPUT_HELP},
	{"roles", cmd_roles, "[--limit N] [--json|--csv]", "the canonical roles with quote and speaker counts",
	 LIMIT_HELP OUTPUT_HELP},
	{"quote", cmd_quote, "show [--json] ID",
	 "one quote in its paragraph, its article, and every outlet that carried it, earliest first",
	 "  --json           one JSON object, with the outlets in \"carried_by\"\n"},
	{"articles", cmd_articles, "[--feed FEED] [--since D] [--until D] [--limit N] [--json|--csv]",
	 "stored articles, newest first, with their outlet and quote count",
	 "  --feed FEED      only this feed (id, URL or title)\n"
	 "  --since DATE, --until DATE\n" LIMIT_HELP OUTPUT_HELP},
	{"stats", cmd_stats, "[--json|--csv]", "counts of feeds, articles, quotes, speakers and statements",
	 OUTPUT_HELP},
	{"export", cmd_export, "--format csv|jsonl [--phrase P] [FILTERS]",
	 "every matching quote (research.quotes), streamed in constant memory",
	 "  --format FMT     csv (with a header) or jsonl (one object per line)\n"
	 "  --phrase P       only quotes containing the phrase\n" FILTER_HELP},
	{"feed", cmd_feed,
	 "add [--local] URL | list [--json|--csv] | remove URL | pause URL | resume URL | check [--local] [--limit N] [--json|--csv] URL",
	 "manage the feeds quoted polls",
	 "  add              add a feed (file:// URLs must be marked --local)\n"
	 "  list             state, last success, last error and next poll of each feed\n"
	 "  remove           forget a feed (its articles stay)\n"
	 "  pause, resume    stop or restart polling a feed (resume also re-enables a disabled feed)\n"
	 "  check            fetch, parse and extract without storing; show what would be stored\n"
	 "                   (uses quoted's fetcher and its address guard; needs no database)\n"
	 "  URL may also be the feed's id for remove, pause and resume.\n"},
	{"db", cmd_db, "migrate | status", "apply or list schema migrations", NULL},
	{"extract", cmd_extract, "[--json] [--html] FILE|-", "extract quotes from one document (no database)",
	 "  --json           one JSON object per quote per line\n"
	 "  --html           read a web page and extract from its main text\n"},
	{"article", cmd_article, "[--json] FILE|URL|-", "show the title, byline, date and main text read from a page",
	 "  --json           one JSON object\n"},
	{NULL, NULL, NULL, NULL, NULL},
};

static void list_commands(FILE *out)
{
	fprintf(out, "commands:\n");
	for (const struct cli_cmd *c = cli_commands; c->name; c++)
		fprintf(out, "  %-9s %s\n", c->name, c->summary);
}

static void usage(FILE *out)
{
	fprintf(out, "usage: quotectl [--db CONNINFO] [-c CONFIG] [--timeout SECONDS] COMMAND [ARGS]\n"
		     "       quotectl COMMAND --help\n\n");
	list_commands(out);
	fprintf(out,
		"\nThe database comes from --db, else [database] conninfo in the config file\n"
		"(-c, default /etc/quoted/quoted.conf when readable), else libpq's environment\n"
		"(PGHOST, PGDATABASE, PGSERVICE, ...). Queries stop after --timeout seconds (default 60).\n"
		"Exit status: 0 found/ok, 1 nothing found, 2 usage error, 3 database error.\n");
}

static void command_help(const struct cli_cmd *c)
{
	printf("usage: quotectl %s %s\n\n%s\n", c->name, c->args, c->summary);
	if (c->help)
		printf("\noptions:\n%s", c->help);
	printf("\n");
	list_commands(stdout);
	printf("\nExit status: 0 found/ok, 1 nothing found, 2 usage error, 3 database error.\n");
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "quotectl %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	for (const struct cli_cmd *c = cli_commands; c->name; c++)
		if (strcmp(c->name, cmd) == 0)
			fprintf(stderr, "usage: quotectl %s %s\n(quotectl %s --help for more)\n", c->name,
				c->args, c->name);
	return EXIT_USAGE;
}

void cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "quotectl %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void out_clean(FILE *f, const char *s)
{
	char *clean = out_cleaned(s, false);
	fputs(clean, f);
	free(clean);
}

int cli_load_config(const struct cli_global *g, struct config *cfg, const char **source)
{
	char err[1024];
	config_defaults(cfg);
	const char *path = g->config_path;
	if (!path && access(QUOTED_SYSCONFDIR "/quoted/quoted.conf", R_OK) == 0)
		path = QUOTED_SYSCONFDIR "/quoted/quoted.conf";
	if (source)
		*source = path;
	if (path && config_load(path, cfg, err, sizeof err) < 0) {
		fprintf(stderr, "quotectl: %s\n", err);
		return -1;
	}
	return 0;
}

PGconn *cli_connect(const struct cli_global *g)
{
	char err[1024];
	const char *conninfo = g->conninfo, *source = "--db";
	char *source_buf = NULL;
	struct config cfg;
	config_defaults(&cfg);
	if (!conninfo) {
		const char *path;
		if (cli_load_config(g, &cfg, &path) < 0) {
			config_free(&cfg);
			return NULL;
		}
		conninfo = cfg.conninfo;
		if (conninfo)
			source = source_buf = xasprintf("conninfo in %s", path);
		else
			source = "libpq environment (PGHOST, PGDATABASE, PGSERVICE, ...)";
	}
	PGconn *db = db_connect(conninfo, source, err, sizeof err);
	config_free(&cfg);
	free(source_buf);
	if (!db) {
		fprintf(stderr, "quotectl: %s\n", err);
		return NULL;
	}
	char timeout[32];
	snprintf(timeout, sizeof timeout, "%ds", g->timeout_s);
	const char *params[] = {timeout};
	PQclear(PQexecParams(db, "SELECT set_config('statement_timeout', $1, false)", 1, NULL, params, NULL,
			     NULL, 0));
	return db;
}

/* Whether a command's own arguments ask for help (before any "--"). */
static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'c'},
		{"timeout", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli_global g = {.timeout_s = 60};
	int c;
	char *end;
	/* '+': stop at the command name; its options are its own. */
	while ((c = getopt_long(argc, argv, "+c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': g.conninfo = optarg; break;
		case 'c': g.config_path = optarg; break;
		case 't':
			g.timeout_s = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || g.timeout_s < 0 || g.timeout_s > 86400) {
				fprintf(stderr, "quotectl: --timeout wants seconds from 0 (none) to 86400\n");
				return EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("quotectl %s\n", QUOTED_VERSION); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[optind];
	if (strcmp(name, "help") == 0) {
		if (optind + 1 < argc)
			for (const struct cli_cmd *cmd = cli_commands; cmd->name; cmd++)
				if (strcmp(cmd->name, argv[optind + 1]) == 0) {
					command_help(cmd);
					return 0;
				}
		usage(stdout);
		return 0;
	}
	xmlsafe_init();
	for (const struct cli_cmd *cmd = cli_commands; cmd->name; cmd++) {
		if (strcmp(cmd->name, name) == 0) {
			optind++;
			int sub_argc = argc - optind + 1;
			char **sub_argv = argv + optind - 1;
			if (wants_help(sub_argc, sub_argv)) {
				command_help(cmd);
				return 0;
			}
			optind = 1; /* reset getopt for the command */
			return cmd->run(&g, sub_argc, sub_argv);
		}
	}
	fprintf(stderr, "quotectl: unknown command '%s'\n", name);
	usage(stderr);
	return EXIT_USAGE;
}
