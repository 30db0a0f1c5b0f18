/* See quoted/dbq.h. The connection is driven entirely by events on its
 * socket: PQconnectPoll while connecting, then libpq's pipeline mode:
 * queued statements are sent back to back, each followed by a sync point
 * (so each is its own transaction and one failure aborts nothing else),
 * and their results are read back in order as they arrive. Pipelining
 * keeps the server busy instead of idling one round trip per statement,
 * and keeps the order statements were submitted in. */
#include "quoted/dbq.h"

#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "quoted/log.h"
#include "quoted/util.h"

#define RECONNECT_MIN_S 1
#define RECONNECT_MAX_S 30
/* Statements sent and not yet answered, at most. */
#define MAX_IN_FLIGHT 64

struct dbq_job {
	char *sql;
	int n;
	char **params;
	dbq_done_fn done;
	void *arg;
	struct timeval sent;
	struct dbq_job *next;
};

enum dbq_state { DBQ_DOWN, DBQ_CONNECTING, DBQ_LISTENING, DBQ_UP };

struct dbq {
	struct event_base *base;
	struct dbq_options opt;
	char *conninfo, *listen_sql;
	PGconn *conn;
	enum dbq_state state;
	struct event *sock_ev;
	short watching;
	struct event *retry_ev;
	int retry_s;
	struct dbq_job *head, *tail;          /* waiting to be sent */
	struct dbq_job *flight, *flight_tail; /* sent, awaiting results, in order */
	size_t in_flight;
	size_t depth; /* waiting + in flight */
	PGresult *first;  /* the first result of the statement being read */
	bool await_sync;  /* its results are complete; its sync point is next */
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
	char *m = xstrdup(q->conn ? PQerrorMessage(q->conn) : "out of memory");
	str_squeeze_space(m);
	if (strcmp(m, q->last_error) != 0)
		log_err("database %s: %s", what, *m ? m : "connection lost");
	snprintf(q->last_error, sizeof q->last_error, "%s", m);
	free(m);
}

/* Lose the connection; keep every job. Statements in flight go back to the
 * front of the queue, in order, and are sent again after reconnecting:
 * every statement the daemon submits is idempotent. */
static void dbq_down(struct dbq *q)
{
	bool was_up = q->state == DBQ_UP;
	if (q->sock_ev) {
		event_free(q->sock_ev);
		q->sock_ev = NULL;
		q->watching = 0;
	}
	if (q->conn) {
		PQfinish(q->conn);
		q->conn = NULL;
	}
	PQclear(q->first);
	q->first = NULL;
	q->await_sync = false;
	if (q->flight) {
		q->flight_tail->next = q->head;
		if (!q->head)
			q->tail = q->flight_tail;
		q->head = q->flight;
		q->flight = q->flight_tail = NULL;
		q->in_flight = 0;
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
	if (!PQenterPipelineMode(q->conn)) {
		dbq_note_error(q, "pipeline mode");
		dbq_down(q);
		return;
	}
	q->state = DBQ_UP;
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
	while (q->conn && (n = PQnotifies(q->conn))) {
		if (q->opt.on_notify)
			q->opt.on_notify(n->relname, q->opt.arg);
		PQfreemem(n);
	}
}

/* The statement at the head of the flight list is answered: call back. */
static void dbq_complete(struct dbq *q)
{
	struct dbq_job *j = q->flight;
	PGresult *res = q->first;
	q->first = NULL;
	q->await_sync = false;
	q->flight = j->next;
	if (!q->flight)
		q->flight_tail = NULL;
	q->in_flight--;
	q->depth--;
	struct timeval now, d;
	gettimeofday(&now, NULL);
	timersub(&now, &j->sent, &d);
	q->last_latency_us = d.tv_sec * 1000000L + d.tv_usec;
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		j->done(res, NULL, j->arg);
	} else {
		char *m = xstrdup(res ? PQresultErrorMessage(res) : "no result");
		str_squeeze_space(m);
		j->done(NULL, m, j->arg);
		free(m);
	}
	PQclear(res);
	job_free(j);
}

/* Read every result that has fully arrived. Returns -1 if the connection
 * was lost. */
static int dbq_read_results(struct dbq *q)
{
	while (q->conn && q->flight && !PQisBusy(q->conn)) {
		PGresult *res = PQgetResult(q->conn);
		if (!res) {
			/* The end of one statement's results; its sync point follows. */
			q->await_sync = true;
			continue;
		}
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			if (q->await_sync || q->first)
				dbq_complete(q);
			continue;
		}
		if (!q->first)
			q->first = res;
		else
			PQclear(res);
	}
	if (q->conn && PQstatus(q->conn) != CONNECTION_OK) {
		dbq_note_error(q, "statement");
		dbq_down(q);
		return -1;
	}
	return 0;
}

/* The connection is open: LISTEN first (outside the pipeline), then up. */
static void dbq_connected_now(struct dbq *q)
{
	PQsetnonblocking(q->conn, 1);
	dbq_watch(q, EV_READ);
	if (q->listen_sql) {
		q->state = DBQ_LISTENING;
		if (!PQsendQuery(q->conn, q->listen_sql)) {
			dbq_note_error(q, "LISTEN");
			dbq_down(q);
		}
		return;
	}
	dbq_up(q);
}

static void dbq_sock_cb(evutil_socket_t fd, short what, void *arg)
{
	struct dbq *q = arg;
	if (q->state == DBQ_CONNECTING) {
		switch (PQconnectPoll(q->conn)) {
		case PGRES_POLLING_READING: dbq_watch(q, EV_READ); return;
		case PGRES_POLLING_WRITING: dbq_watch(q, EV_WRITE); return;
		case PGRES_POLLING_OK: dbq_connected_now(q); return;
		default:
			dbq_note_error(q, "connection");
			dbq_down(q);
			return;
		}
	}
	if (what & EV_WRITE) {
		if (PQflush(q->conn) < 0) {
			dbq_note_error(q, "send");
			dbq_down(q);
			return;
		}
	}
	if (what & EV_READ) {
		if (!PQconsumeInput(q->conn)) {
			dbq_note_error(q, "receive");
			dbq_down(q);
			return;
		}
		dbq_drain_notifies(q);
		if (q->state == DBQ_LISTENING) {
			if (PQisBusy(q->conn))
				return;
			PGresult *res;
			while ((res = PQgetResult(q->conn))) {
				if (PQresultStatus(res) != PGRES_COMMAND_OK)
					log_err("database: LISTEN failed: %s", PQresultErrorMessage(res));
				PQclear(res);
			}
			dbq_up(q);
			return;
		}
		if (dbq_read_results(q) < 0)
			return;
	}
	dbq_kick(q);
}

/* (Re)arm the socket event for what, if it changed. */
static void dbq_watch(struct dbq *q, short what)
{
	if (q->sock_ev && q->watching == what)
		return;
	if (q->sock_ev)
		event_free(q->sock_ev);
	q->sock_ev = event_new(q->base, PQsocket(q->conn), what | EV_PERSIST, dbq_sock_cb, q);
	q->watching = what;
	event_add(q->sock_ev, NULL);
}

/* Server notices and messages that arrive outside a statement (such as
 * "FATAL: terminating connection due to administrator command" when
 * PostgreSQL stops) go to our log, not raw to stderr (libpq's default). */
static void dbq_notice(void *arg, const char *message)
{
	char *m = xstrdup(message);
	str_squeeze_space(m);
	log_info("database: %s", m);
	free(m);
}

static void dbq_connect(struct dbq *q)
{
	q->conn = PQconnectStart(q->conninfo ? q->conninfo : "");
	if (q->conn)
		PQsetNoticeProcessor(q->conn, dbq_notice, q);
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

/* Send what is waiting, up to MAX_IN_FLIGHT, and watch for the answers. */
static void dbq_kick(struct dbq *q)
{
	if (q->state != DBQ_UP)
		return;
	while (q->head && q->in_flight < MAX_IN_FLIGHT) {
		struct dbq_job *j = q->head;
		if (!PQsendQueryParams(q->conn, j->sql, j->n, NULL, (const char *const *)j->params, NULL,
				       NULL, 0) ||
		    !PQpipelineSync(q->conn)) {
			dbq_note_error(q, "send");
			dbq_down(q);
			return;
		}
		gettimeofday(&j->sent, NULL);
		q->head = j->next;
		if (!q->head)
			q->tail = NULL;
		j->next = NULL;
		if (q->flight_tail)
			q->flight_tail->next = j;
		else
			q->flight = j;
		q->flight_tail = j;
		q->in_flight++;
	}
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
	q->opt.adopt = NULL;
	if (opt->adopt && PQstatus(opt->adopt) == CONNECTION_OK) {
		/* Carry on from the loop as after a connect (PQconnectPoll says
		 * OK at once), so no callback runs before dbq_new returns. */
		q->conn = opt->adopt;
		PQsetNoticeProcessor(q->conn, dbq_notice, q);
		PQsetnonblocking(q->conn, 1);
		q->state = DBQ_CONNECTING;
		dbq_watch(q, EV_WRITE);
	} else {
		PQfinish(opt->adopt);
		dbq_connect(q);
	}
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
	return q->state == DBQ_UP;
}

long dbq_last_latency_us(const struct dbq *q)
{
	return q->last_latency_us;
}

void dbq_free(struct dbq *q)
{
	if (!q)
		return;
	while (q->flight) {
		struct dbq_job *j = q->flight;
		q->flight = j->next;
		job_free(j);
	}
	while (q->head) {
		struct dbq_job *j = q->head;
		q->head = j->next;
		job_free(j);
	}
	PQclear(q->first);
	if (q->sock_ev)
		event_free(q->sock_ev);
	event_free(q->retry_ev);
	if (q->conn)
		PQfinish(q->conn);
	free(q->conninfo);
	free(q->listen_sql);
	free(q);
}
