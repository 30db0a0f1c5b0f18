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

const struct cli_cmd cli_commands[] = {
	{"who-said", cmd_who_said, "[--json] [--limit N] PHRASE", "who said a phrase, where and when"},
	{"extract", cmd_extract, "[--json] [--html] FILE|-", "extract quotes from one document (no database)"},
	{"article", cmd_article, "[--json] FILE|-", "show the title, byline, date and main text read from a page"},
	{"feed", cmd_feed, "add [--local] URL | list | remove URL", "manage the feeds quoted polls"},
	{"db", cmd_db, "migrate | status", "apply or list schema migrations"},
	{NULL, NULL, NULL, NULL},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: quotectl [--db CONNINFO] [-c CONFIG] COMMAND [ARGS]\n\ncommands:\n");
	for (const struct cli_cmd *c = cli_commands; c->name; c++)
		fprintf(out, "  %-9s %-40s %s\n", c->name, c->args, c->summary);
	fprintf(out,
		"\nThe database comes from --db, else [database] conninfo in the config file\n"
		"(-c, default /etc/quoted/quoted.conf when readable), else libpq's environment.\n"
		"Exit status: 0 found/ok, 1 nothing found, 2 usage error, 3 database error.\n");
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
			fprintf(stderr, "usage: quotectl %s %s\n", c->name, c->args);
	return EXIT_USAGE;
}

void out_clean(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '\t' || ch == '\n')
			fputc(' ', f);
		else if (ch >= 0x20 && ch != 0x7F)
			fputc(ch, f);
	}
}

PGconn *cli_connect(const struct cli_global *g)
{
	char err[1024];
	const char *conninfo = g->conninfo, *source = "--db";
	struct config cfg;
	config_defaults(&cfg);
	if (!conninfo) {
		const char *path = g->config_path;
		if (!path && access("/etc/quoted/quoted.conf", R_OK) == 0)
			path = "/etc/quoted/quoted.conf";
		if (path) {
			if (config_load(path, &cfg, err, sizeof err) < 0) {
				fprintf(stderr, "quotectl: %s\n", err);
				config_free(&cfg);
				return NULL;
			}
			conninfo = cfg.conninfo;
			source = path;
		}
		if (!conninfo)
			source = "libpq environment (PGHOST, PGDATABASE, PGSERVICE, ...)";
	}
	PGconn *db = db_connect(conninfo, source, err, sizeof err);
	config_free(&cfg);
	if (!db) {
		fprintf(stderr, "quotectl: %s\n", err);
		return NULL;
	}
	PQclear(PQexec(db, "SET statement_timeout = '60s'"));
	return db;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli_global g = {0};
	int c;
	/* '+': stop at the command name; its options are its own. */
	while ((c = getopt_long(argc, argv, "+c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': g.conninfo = optarg; break;
		case 'c': g.config_path = optarg; break;
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
		usage(stdout);
		return 0;
	}
	xmlsafe_init();
	for (const struct cli_cmd *cmd = cli_commands; cmd->name; cmd++) {
		if (strcmp(cmd->name, name) == 0) {
			optind++;
			int sub_argc = argc - optind + 1;
			char **sub_argv = argv + optind - 1;
			optind = 1; /* reset getopt for the command */
			return cmd->run(&g, sub_argc, sub_argv);
		}
	}
	fprintf(stderr, "quotectl: unknown command '%s'\n", name);
	usage(stderr);
	return EXIT_USAGE;
}
