/* quotectl db migrate | status */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quoted/db.h"

static int db_migrate_cmd(PGconn *db)
{
	char err[1024];
	int n = db_migrate(db, stdout, err, sizeof err);
	if (n < 0) {
		fprintf(stderr, "quotectl db migrate: %s\n", err);
		return EXIT_DB;
	}
	printf(n ? "%d migration(s) applied\n" : "schema is up to date\n", n);
	return EXIT_FOUND;
}

static int db_status_cmd(PGconn *db)
{
	struct migration_status st[256];
	char err[1024];
	int n = db_migration_status(db, st, 256, err, sizeof err);
	if (n < 0) {
		fprintf(stderr, "quotectl db status: %s\n", err);
		return EXIT_DB;
	}
	int pending = 0;
	for (int i = 0; i < n; i++) {
		printf("%-8s %-24s %s\n", st[i].applied ? "applied" : "pending", st[i].name,
		       st[i].applied_at);
		pending += !st[i].applied;
	}
	printf("%d applied, %d pending\n", n - pending, pending);
	return EXIT_FOUND;
}

int cmd_db(const struct cli_global *g, int argc, char **argv)
{
	if (argc != 2 || (strcmp(argv[1], "migrate") && strcmp(argv[1], "status")))
		return cli_usage_error("db", "expected 'migrate' or 'status'");
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	int rc = strcmp(argv[1], "migrate") == 0 ? db_migrate_cmd(db) : db_status_cmd(db);
	PQfinish(db);
	return rc;
}
