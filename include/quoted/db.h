/* PostgreSQL access shared by quoted and quotectl: connecting, migrations,
 * and the statements the daemon's store issues. Every value travels as a
 * query parameter; no SQL is ever built from input. */
#ifndef QUOTED_DB_H
#define QUOTED_DB_H
#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "quoted/quote.h"

/* Connect with conninfo (NULL: libpq's environment and service file).
 * On failure returns NULL and writes a message that names where the
 * settings came from (source) and what to try. */
PGconn *db_connect(const char *conninfo, const char *source, char *err, size_t errlen);

/* Apply pending migrations (embedded sql/NNN_*.sql), each in its own
 * transaction, serialised by an advisory lock. progress may be NULL.
 * Returns the number applied, or -1 with err set. */
int db_migrate(PGconn *db, FILE *progress, char *err, size_t errlen);

struct migration_status {
	int version;
	const char *name;
	bool applied;
	char applied_at[40];
};
/* Fill up to max entries, one per known migration. Returns count or -1. */
int db_migration_status(PGconn *db, struct migration_status *out, int max, char *err, size_t errlen);
/* Number of embedded migrations not yet applied, or -1 on error. */
int db_pending_migrations(PGconn *db, char *err, size_t errlen);

/* Helpers: run a statement with text parameters; NULL on error with err set
 * (the result is cleared). Caller PQclear()s a non-NULL result. */
PGresult *db_exec(PGconn *db, const char *sql, int n, const char *const *params, char *err,
		  size_t errlen);
int db_command(PGconn *db, const char *sql, int n, const char *const *params, char *err,
	       size_t errlen);

#endif
