/* quotectl feed add [--local] URL | list | remove URL */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quoted/db.h"

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
	bool is_file = strncmp(url, "file://", 7) == 0;
	if (!is_file && strncmp(url, "http://", 7) && strncmp(url, "https://", 8))
		return cli_usage_error("feed", "'%s' is not an http, https or file URL", url);
	if (is_file && !local)
		return cli_usage_error("feed", "file:// feeds must be marked --local");
	char err[1024];
	const char *params[] = {url, local ? "t" : "f"};
	PGresult *res = db_exec(db,
				"INSERT INTO feeds (url, local) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING"
				" RETURNING id",
				2, params, err, sizeof err);
	if (!res) {
		fprintf(stderr, "quotectl feed add: %s\n", err);
		return EXIT_DB;
	}
	if (PQntuples(res) == 0)
		printf("feed already present: %s\n", url);
	else
		printf("added feed %s: %s\n", PQgetvalue(res, 0, 0), url);
	PQclear(res);
	/* Tell running daemons to look now rather than at their next tick. */
	PQclear(PQexec(db, "NOTIFY quoted_feeds"));
	return EXIT_FOUND;
}

static int feed_list(PGconn *db)
{
	char err[1024];
	PGresult *res = db_exec(db,
				"SELECT id, state, url, coalesce(title, ''),"
				" coalesce(to_char(last_success_at, 'YYYY-MM-DD HH24:MI'), 'never'),"
				" to_char(next_poll_at, 'YYYY-MM-DD HH24:MI'),"
				" coalesce(last_error, ''), error_count"
				" FROM feeds ORDER BY id",
				0, NULL, err, sizeof err);
	if (!res) {
		fprintf(stderr, "quotectl feed list: %s\n", err);
		return EXIT_DB;
	}
	int n = PQntuples(res);
	for (int i = 0; i < n; i++) {
		printf("%s\t%s\t", PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
		out_clean(stdout, PQgetvalue(res, i, 2));
		printf("\tlast ok %s\tnext %s", PQgetvalue(res, i, 4), PQgetvalue(res, i, 5));
		if (*PQgetvalue(res, i, 6)) {
			printf("\terrors %s: ", PQgetvalue(res, i, 7));
			out_clean(stdout, PQgetvalue(res, i, 6));
		}
		putchar('\n');
	}
	PQclear(res);
	return n ? EXIT_FOUND : EXIT_NOTHING;
}

static int feed_remove(PGconn *db, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage_error("feed", "remove needs one URL");
	char err[1024];
	const char *params[] = {argv[2]};
	PGresult *res = db_exec(db, "DELETE FROM feeds WHERE url = $1 RETURNING id", 1, params, err,
				sizeof err);
	if (!res) {
		fprintf(stderr, "quotectl feed remove: %s\n", err);
		return EXIT_DB;
	}
	int n = PQntuples(res);
	PQclear(res);
	if (!n) {
		fprintf(stderr, "quotectl feed remove: no feed with URL %s\n", argv[2]);
		return EXIT_NOTHING;
	}
	printf("removed %s\n", argv[2]);
	return EXIT_FOUND;
}

int cmd_feed(const struct cli_global *g, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("feed", "expected add, list or remove");
	const char *verb = argv[1];
	if (strcmp(verb, "add") && strcmp(verb, "list") && strcmp(verb, "remove"))
		return cli_usage_error("feed", "unknown subcommand '%s'", verb);
	if (strcmp(verb, "list") == 0 && argc != 2)
		return cli_usage_error("feed", "list takes no arguments");
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	int rc = !strcmp(verb, "add") ? feed_add(db, argc, argv)
		 : !strcmp(verb, "list") ? feed_list(db)
					 : feed_remove(db, argc, argv);
	PQfinish(db);
	return rc;
}
