/* quotectl feed add [--local] URL | list | remove URL | pause URL |
 * resume URL | check URL (cmd_feed_check.c). A feed may be named by its
 * URL or its id. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quoted/db.h"

static void notify_daemons(PGconn *db)
{
	/* Tell running daemons to look now rather than at their next tick. */
	PQclear(PQexec(db, "NOTIFY quoted_feeds"));
}

static int feed_add(PGconn *db, int argc, char **argv)
{
	bool local = false;
	const char *url = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--local") == 0)
			local = true;
		else if (argv[i][0] == '-' || url)
			return cli_usage_error("feed", "unexpected argument '%s'", argv[i]);
		else
			url = argv[i];
	}
	if (!url)
		return cli_usage_error("feed", "add needs a URL");
	char err[1024];
	const char *params[] = {url, local ? "t" : "f"};
	PGresult *res = db_exec(db,
				"INSERT INTO feeds (url, local) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING"
				" RETURNING id",
				2, params, err, sizeof err);
	if (!res) {
		cli_error("feed add", "%s", err);
		return EXIT_DB;
	}
	printf(PQntuples(res) == 0 ? "feed already present: " : "added feed: ");
	out_clean(stdout, url);
	putchar('\n');
	PQclear(res);
	notify_daemons(db);
	return EXIT_FOUND;
}

static const char SQL_LIST[] =
	"SELECT id, state, url, title,"
	" to_char(last_success_at, 'YYYY-MM-DD HH24:MI'),"
	" to_char(greatest(next_poll_at, leased_until), 'YYYY-MM-DD HH24:MI'),"
	" error_count, coalesce(last_error, disabled_reason),"
	" to_char(last_error_at, 'YYYY-MM-DD HH24:MI'), last_status, interval_s, local"
	" FROM feeds ORDER BY id";

static const struct out_col list_cols[] = {
	{"id", "ID", OUT_INT, 0},
	{"state", "STATE", OUT_TEXT, 0},
	{"url", "URL", OUT_TEXT, 0},
	{"title", "TITLE", OUT_TEXT, OUT_NOTABLE},
	{"last_success", "LAST OK", OUT_TEXT, 0},
	{"next_poll", "NEXT POLL", OUT_TEXT, 0},
	{"errors", "ERRORS", OUT_INT, 0},
	{"last_error", "LAST ERROR", OUT_TEXT, 0},
	{"last_error_at", "ERROR AT", OUT_TEXT, OUT_NOTABLE},
	{"last_status", "STATUS", OUT_INT, OUT_NOTABLE},
	{"interval_s", "INTERVAL", OUT_INT, OUT_NOTABLE},
	{"local", "LOCAL", OUT_BOOL, OUT_NOTABLE},
};

static int feed_list(PGconn *db, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "+", longopts, NULL)) != -1)
		if (cli_opt("feed", &o, c, optarg) != 1)
			return cli_usage_error("feed", "list: unknown option");
	if (optind != argc - 1)
		return cli_usage_error("feed", "list takes no arguments");
	struct out out;
	out_init(&out, out_pick_mode(o.json, o.csv), list_cols, (int)(sizeof list_cols / sizeof list_cols[0]));
	long rows = cli_query_out(db, "feed list", SQL_LIST, 0, NULL, &out);
	return cli_listing_status(rows);
}

/* remove, pause and resume: one statement on the feed named by URL or id. */
static int feed_change(PGconn *db, int argc, char **argv)
{
	static const struct {
		const char *verb, *sql, *done;
	} changes[] = {
		{"remove", "DELETE FROM feeds WHERE url = $1 OR id::text = $1 RETURNING url", "removed"},
		{"pause",
		 "UPDATE feeds SET state = 'paused' WHERE (url = $1 OR id::text = $1) RETURNING url",
		 "paused"},
		{"resume",
		 "UPDATE feeds SET state = 'active', disabled_reason = NULL, error_count = 0,"
		 " next_poll_at = now() WHERE (url = $1 OR id::text = $1) RETURNING url",
		 "resumed"},
	};
	const char *verb = argv[1];
	if (argc != 3)
		return cli_usage_error("feed", "%s needs one URL (or feed id)", verb);
	for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
		if (strcmp(verb, changes[i].verb))
			continue;
		char err[1024];
		const char *params[] = {argv[2]};
		PGresult *res = db_exec(db, changes[i].sql, 1, params, err, sizeof err);
		if (!res) {
			fprintf(stderr, "quotectl feed %s: %s\n", verb, err);
			return EXIT_DB;
		}
		int n = PQntuples(res);
		if (n) {
			printf("%s ", changes[i].done);
			out_clean(stdout, PQgetvalue(res, 0, 0));
			putchar('\n');
		}
		PQclear(res);
		if (!n) {
			fprintf(stderr, "quotectl feed %s: no feed ", verb);
			out_clean(stderr, argv[2]);
			fputc('\n', stderr);
			return EXIT_NOTHING;
		}
		notify_daemons(db);
		return EXIT_FOUND;
	}
	return cli_usage_error("feed", "unknown subcommand '%s'", verb);
}

int cmd_feed(const struct cli_global *g, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("feed", "expected add, list, remove, pause, resume or check");
	const char *verb = argv[1];
	if (strcmp(verb, "check") == 0)
		return cmd_feed_check(g, argc - 1, argv + 1);
	if (strcmp(verb, "add") && strcmp(verb, "list") && strcmp(verb, "remove") &&
	    strcmp(verb, "pause") && strcmp(verb, "resume"))
		return cli_usage_error("feed", "unknown subcommand '%s'", verb);
	if (strcmp(verb, "add") == 0) {
		/* Check the URL before connecting: a usage error needs no database. */
		const char *url = argc > 2 ? argv[argc - 1] : "";
		bool is_file = strncmp(url, "file://", 7) == 0;
		if (argc > 2 && url[0] != '-' && !is_file && strncmp(url, "http://", 7) &&
		    strncmp(url, "https://", 8))
			return cli_usage_error("feed", "'%s' is not an http, https or file URL", url);
		bool local = false;
		for (int i = 2; i < argc; i++)
			local |= strcmp(argv[i], "--local") == 0;
		if (is_file && !local)
			return cli_usage_error("feed", "file:// feeds must be marked --local");
	}
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	int rc = !strcmp(verb, "add") ? feed_add(db, argc, argv)
		 : !strcmp(verb, "list") ? feed_list(db, argc, argv)
					 : feed_change(db, argc, argv);
	PQfinish(db);
	return rc;
}
