/* Connection and migrations (see quoted/db.h). */
#include "quoted/db.h"

#include <stdlib.h>
#include <string.h>

#include "quoted/embedded.h"
#include "quoted/util.h"

/* Advisory lock key shared by every migrator ("quoted" in ASCII). */
#define MIGRATE_LOCK "7310593858020254820"

static void db_set_err(char *err, size_t errlen, const char *what, PGconn *db, PGresult *res)
{
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(db);
	char *m = xstrdup(msg && *msg ? msg : "unknown error");
	str_squeeze_space(m);
	snprintf(err, errlen, "%s: %s", what, m);
	free(m);
}

PGconn *db_connect(const char *conninfo, const char *source, char *err, size_t errlen)
{
	PGconn *db = PQconnectdb(conninfo ? conninfo : "");
	if (PQstatus(db) == CONNECTION_OK) {
		PQsetClientEncoding(db, "UTF8");
		return db;
	}
	char *m = xstrdup(PQerrorMessage(db));
	str_squeeze_space(m);
	snprintf(err, errlen,
		 "cannot connect to PostgreSQL (settings from %s): %s\n"
		 "hint: pass --db CONNINFO, set PGHOST/PGDATABASE/PGUSER, or set conninfo in [database] of the config file",
		 source, m);
	free(m);
	PQfinish(db);
	return NULL;
}

PGresult *db_exec(PGconn *db, const char *sql, int n, const char *const *params, char *err,
		  size_t errlen)
{
	PGresult *res = PQexecParams(db, sql, n, NULL, params, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	db_set_err(err, errlen, "database", db, res);
	PQclear(res);
	return NULL;
}

int db_command(PGconn *db, const char *sql, int n, const char *const *params, char *err,
	       size_t errlen)
{
	PGresult *res = db_exec(db, sql, n, params, err, errlen);
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

static int migration_version(const char *name)
{
	return atoi(name);
}

static int db_ensure_migrations_table(PGconn *db, char *err, size_t errlen)
{
	return db_command(db,
			  "CREATE TABLE IF NOT EXISTS schema_migrations ("
			  " version integer PRIMARY KEY,"
			  " name text NOT NULL,"
			  " applied_at timestamptz NOT NULL DEFAULT now())",
			  0, NULL, err, errlen);
}

/* One migration in its own transaction; 1 applied, 0 already there, -1 error. */
static int db_apply_one(PGconn *db, const struct embedded_file *f, char *err, size_t errlen)
{
	char version[16];
	snprintf(version, sizeof version, "%d", migration_version(f->name));
	const char *params[] = {version, f->name};

	if (db_command(db, "BEGIN", 0, NULL, err, errlen) < 0)
		return -1;
	if (db_command(db, "SELECT pg_advisory_xact_lock(" MIGRATE_LOCK ")", 0, NULL, err, errlen) < 0)
		goto fail;
	PGresult *res = db_exec(db, "SELECT 1 FROM schema_migrations WHERE version = $1", 1, params,
				err, errlen);
	if (!res)
		goto fail;
	int have = PQntuples(res) > 0;
	PQclear(res);
	if (have) {
		db_command(db, "ROLLBACK", 0, NULL, err, errlen);
		return 0;
	}
	/* The file may hold many statements: the simple query protocol runs them all. */
	res = PQexec(db, f->data);
	if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
		char what[128];
		snprintf(what, sizeof what, "migration %s", f->name);
		db_set_err(err, errlen, what, db, res);
		PQclear(res);
		goto fail;
	}
	PQclear(res);
	if (db_command(db, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", 2, params,
		       err, errlen) < 0)
		goto fail;
	if (db_command(db, "COMMIT", 0, NULL, err, errlen) < 0)
		return -1;
	return 1;
fail:
	PQclear(PQexec(db, "ROLLBACK"));
	return -1;
}

int db_migrate(PGconn *db, FILE *progress, char *err, size_t errlen)
{
	int applied = 0;
	if (db_ensure_migrations_table(db, err, errlen) < 0)
		return -1;
	for (const struct embedded_file *f = sql_files; f->name; f++) {
		int rc = db_apply_one(db, f, err, errlen);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			applied++;
			if (progress)
				fprintf(progress, "applied %s\n", f->name);
		}
	}
	return applied;
}

static int db_has_migrations_table(PGconn *db, char *err, size_t errlen)
{
	PGresult *res = db_exec(db, "SELECT to_regclass('schema_migrations') IS NOT NULL", 0, NULL, err,
				errlen);
	if (!res)
		return -1;
	int have = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return have;
}

int db_migration_status(PGconn *db, struct migration_status *out, int max, char *err, size_t errlen)
{
	PGresult *res = NULL;
	int have = db_has_migrations_table(db, err, errlen);
	if (have < 0)
		return -1;
	if (have) {
		res = db_exec(db,
			      "SELECT version, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS TZ') "
			      "FROM schema_migrations",
			      0, NULL, err, errlen);
		if (!res)
			return -1;
	}
	int n = 0;
	for (const struct embedded_file *f = sql_files; f->name && n < max; f++, n++) {
		out[n].version = migration_version(f->name);
		out[n].name = f->name;
		out[n].applied = false;
		out[n].applied_at[0] = '\0';
		for (int i = 0; res && i < PQntuples(res); i++) {
			if (atoi(PQgetvalue(res, i, 0)) != out[n].version)
				continue;
			out[n].applied = true;
			snprintf(out[n].applied_at, sizeof out[n].applied_at, "%s", PQgetvalue(res, i, 1));
		}
	}
	PQclear(res);
	return n;
}

int db_pending_migrations(PGconn *db, char *err, size_t errlen)
{
	struct migration_status st[256];
	int n = db_migration_status(db, st, 256, err, errlen);
	if (n < 0)
		return -1;
	int pending = 0;
	for (int i = 0; i < n; i++)
		pending += !st[i].applied;
	return pending;
}
