/* See quoted/dbq.h. The connection is driven entirely by events on its
 * socket: PQconnectPoll while connecting, PQflush / PQconsumeInput while a
 * statement runs, and PQnotifies whenever input arrives. */
#include "quoted/dbq.h"

#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "quoted/log.h"
#include "quoted/util.h"

#define RECONNECT_MIN_S 1
#define RECONNECT_MAX_S 30

struct dbq_job {
	char *sql;
	int n;
	char **params;
	dbq_done_fn done;
	void *arg;
	struct dbq_job *next;
};

enum dbq_state { DBQ_DOWN, DBQ_CONNECTING, DBQ_LISTENING, DBQ_IDLE, DBQ_BUSY };

struct dbq {
	struct event_base *base;
	struct dbq_options opt;
	char *conninfo, *listen_sql;
	PGconn *conn;
	enum dbq_state state;
	struct event *sock_ev;
	struct event *retry_ev;
	int retry_s;
	struct dbq_job *head, *tail;
	size_t depth;
	struct timeval started;
	long last_latency_us;
	char last_error[256];
};

static void dbq_kick(struct dbq *q);
static void dbq_watch(struct dbq *q, short what);

static void job_free(struct dbq_job *j)
{
	for (int i = 0; i < j->n; i++)
		free(j->params[i]);
	free(j->params);
	free(j->sql);
	free(j);
}

static void dbq_note_error(struct dbq *q, const char *what)
{
	char *m = xstrdup(PQerrorMessage(q->conn));
	str_squeeze_space(m);
	if (strcmp(m, q->last_error) != 0)
		log_err("database %s: %s", what, *m ? m : "connection lost");
	snprintf(q->last_error, sizeof q->last_error, "%s", m);
	free(m);
}

/* Lose the connection; keep the jobs (the running one is retried). */
static void dbq_down(struct dbq *q)
{
	bool was_up = q->state >= DBQ_IDLE || q->state == DBQ_LISTENING;
	if (q->sock_ev) {
		event_free(q->sock_ev);
		q->sock_ev = NULL;
	}
	if (q->conn) {
		PQfinish(q->conn);
		q->conn = NULL;
	}
	q->state = DBQ_DOWN;
	struct timeval tv = {q->retry_s, 0};
	evtimer_add(q->retry_ev, &tv);
	q->retry_s = q->retry_s * 2 > RECONNECT_MAX_S ? RECONNECT_MAX_S : q->retry_s * 2;
	if (was_up && q->opt.on_state)
		q->opt.on_state(false, q->opt.arg);
}

static void dbq_up(struct dbq *q)
{
	q->state = DBQ_IDLE;
	q->retry_s = RECONNECT_MIN_S;
	if (q->last_error[0])
		log_info("database connection is back");
	q->last_error[0] = '\0';
	if (q->opt.on_state)
		q->opt.on_state(true, q->opt.arg);
	dbq_kick(q);
}

static void dbq_drain_notifies(struct dbq *q)
{
	PGnotify *n;
	while ((n = PQnotifies(q->conn))) {
		if (q->opt.on_notify)
			q->opt.on_notify(n->relname, q->opt.arg);
		PQfreemem(n);
	}
}

/* Collect the results of the running statement; deliver the first. */
static void dbq_finish_job(struct dbq *q)
{
	PGresult *res, *first = NULL;
	while ((res = PQgetResult(q->conn))) {
		if (!first)
			first = res;
		else
			PQclear(res);
	}
	if (PQstatus(q->conn) != CONNECTION_OK) {
		PQclear(first);
		dbq_note_error(q, "statement");
		dbq_down(q);
		return;
	}
	struct timeval now, d;
	gettimeofday(&now, NULL);
	timersub(&now, &q->started, &d);
	q->last_latency_us = d.tv_sec * 1000000L + d.tv_usec;

	if (q->state == DBQ_LISTENING) {
		if (PQresultStatus(first) != PGRES_COMMAND_OK)
			log_err("database: LISTEN failed: %s", PQresultErrorMessage(first));
		PQclear(first);
		dbq_up(q);
		return;
	}
	struct dbq_job *j = q->head;
	q->head = j->next;
	if (!q->head)
		q->tail = NULL;
	q->depth--;
	q->state = DBQ_IDLE;
	ExecStatusType st = PQresultStatus(first);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		j->done(first, NULL, j->arg);
	} else {
		char *m = xstrdup(first ? PQresultErrorMessage(first) : PQerrorMessage(q->conn));
		str_squeeze_space(m);
		j->done(NULL, m, j->arg);
		free(m);
	}
	PQclear(first);
	job_free(j);
	dbq_kick(q);
}

static void dbq_sock_cb(evutil_socket_t fd, short what, void *arg)
{
	struct dbq *q = arg;
	if (q->state == DBQ_CONNECTING) {
		switch (PQconnectPoll(q->conn)) {
		case PGRES_POLLING_READING: dbq_watch(q, EV_READ); return;
		case PGRES_POLLING_WRITING: dbq_watch(q, EV_WRITE); return;
		case PGRES_POLLING_OK:
			PQsetnonblocking(q->conn, 1);
			dbq_watch(q, EV_READ);
			if (q->listen_sql) {
				q->state = DBQ_LISTENING;
				gettimeofday(&q->started, NULL);
				if (!PQsendQuery(q->conn, q->listen_sql)) {
					dbq_note_error(q, "LISTEN");
					dbq_down(q);
				}
				return;
			}
			dbq_up(q);
			return;
		default:
			dbq_note_error(q, "connection");
			dbq_down(q);
			return;
		}
	}
	if (what & EV_WRITE) {
		int rc = PQflush(q->conn);
		if (rc < 0) {
			dbq_note_error(q, "send");
			dbq_down(q);
			return;
		}
		if (rc == 0)
			dbq_watch(q, EV_READ);
	}
	if (what & EV_READ) {
		if (!PQconsumeInput(q->conn)) {
			dbq_note_error(q, "receive");
			dbq_down(q);
			return;
		}
		dbq_drain_notifies(q);
		if ((q->state == DBQ_BUSY || q->state == DBQ_LISTENING) && !PQisBusy(q->conn))
			dbq_finish_job(q);
	}
}

/* (Re)arm the socket event for what. */
static void dbq_watch(struct dbq *q, short what)
{
	if (q->sock_ev)
		event_free(q->sock_ev);
	q->sock_ev = event_new(q->base, PQsocket(q->conn), what | EV_PERSIST, dbq_sock_cb, q);
	event_add(q->sock_ev, NULL);
}

static void dbq_connect(struct dbq *q)
{
	q->conn = PQconnectStart(q->conninfo ? q->conninfo : "");
	if (!q->conn || PQstatus(q->conn) == CONNECTION_BAD) {
		dbq_note_error(q, "connection");
		dbq_down(q);
		return;
	}
	PQsetnonblocking(q->conn, 1);
	q->state = DBQ_CONNECTING;
	dbq_watch(q, EV_WRITE);
}

static void dbq_retry_cb(evutil_socket_t fd, short what, void *arg)
{
	dbq_connect(arg);
}

/* Start the next job when idle. */
static void dbq_kick(struct dbq *q)
{
	if (q->state != DBQ_IDLE || !q->head)
		return;
	struct dbq_job *j = q->head;
	gettimeofday(&q->started, NULL);
	if (!PQsendQueryParams(q->conn, j->sql, j->n, NULL, (const char *const *)j->params, NULL, NULL, 0)) {
		dbq_note_error(q, "send");
		dbq_down(q);
		return;
	}
	q->state = DBQ_BUSY;
	int rc = PQflush(q->conn);
	if (rc < 0) {
		dbq_note_error(q, "send");
		dbq_down(q);
		return;
	}
	dbq_watch(q, rc ? (EV_READ | EV_WRITE) : EV_READ);
}

struct dbq *dbq_new(struct event_base *base, const struct dbq_options *opt)
{
	struct dbq *q = xcalloc(1, sizeof *q);
	q->base = base;
	q->opt = *opt;
	q->conninfo = opt->conninfo ? xstrdup(opt->conninfo) : NULL;
	q->opt.conninfo = q->conninfo;
	if (opt->listen) {
		/* The channel name is ours (a constant), quoted as an identifier. */
		q->listen_sql = xasprintf("LISTEN \"%s\"", opt->listen);
	}
	q->retry_s = RECONNECT_MIN_S;
	q->retry_ev = evtimer_new(base, dbq_retry_cb, q);
	dbq_connect(q);
	return q;
}

void dbq_submit(struct dbq *q, const char *sql, int n, const char *const *params, dbq_done_fn done,
		void *arg)
{
	struct dbq_job *j = xcalloc(1, sizeof *j);
	j->sql = xstrdup(sql);
	j->n = n;
	j->params = xcalloc((size_t)(n ? n : 1), sizeof *j->params);
	for (int i = 0; i < n; i++)
		j->params[i] = params[i] ? xstrdup(params[i]) : NULL;
	j->done = done;
	j->arg = arg;
	if (q->tail)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
	q->depth++;
	dbq_kick(q);
}

size_t dbq_depth(const struct dbq *q)
{
	return q->depth;
}

bool dbq_connected(const struct dbq *q)
{
	return q->state == DBQ_IDLE || q->state == DBQ_BUSY;
}

long dbq_last_latency_us(const struct dbq *q)
{
	return q->last_latency_us;
}

void dbq_free(struct dbq *q)
{
	if (!q)
		return;
	while (q->head) {
		struct dbq_job *j = q->head;
		q->head = j->next;
		job_free(j);
	}
	if (q->sock_ev)
		event_free(q->sock_ev);
	event_free(q->retry_ev);
	if (q->conn)
		PQfinish(q->conn);
	free(q->conninfo);
	free(q->listen_sql);
	free(q);
}
