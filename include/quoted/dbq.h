/* An asynchronous PostgreSQL queue on the libevent loop: one connection,
 * statements run one at a time in submission order with libpq's
 * non-blocking API. When the server goes away the queue keeps its jobs,
 * reconnects with backoff, and runs them again once it is back: every
 * statement the daemon submits is idempotent, so a retry is safe. */
#ifndef QUOTED_DBQ_H
#define QUOTED_DBQ_H
#include <event2/event.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

/* res is NULL when the statement failed (err says why); res is cleared by
 * the queue after the call. */
typedef void (*dbq_done_fn)(const PGresult *res, const char *err, void *arg);
/* A NOTIFY arrived on a LISTENed channel. */
typedef void (*dbq_notify_fn)(const char *channel, void *arg);
/* The connection came up (true) or went down (false). */
typedef void (*dbq_state_fn)(bool up, void *arg);

struct dbq_options {
	const char *conninfo;   /* NULL: libpq's environment */
	const char *listen;     /* channel to LISTEN on after each connect, or NULL */
	dbq_notify_fn on_notify;
	dbq_state_fn on_state;
	void *arg;
	/* An open connection to start on (the queue takes it over and closes
	 * it), or NULL to connect with conninfo; reconnects use conninfo. */
	PGconn *adopt;
};

struct dbq;
struct dbq *dbq_new(struct event_base *base, const struct dbq_options *opt);
/* Queue a statement; params (text format, NULL = SQL NULL) are copied. */
void dbq_submit(struct dbq *q, const char *sql, int n, const char *const *params, dbq_done_fn done,
		void *arg);
size_t dbq_depth(const struct dbq *q); /* queued + running */
bool dbq_connected(const struct dbq *q);
/* Microseconds the last statement took (for metrics). */
long dbq_last_latency_us(const struct dbq *q);
/* Drop queued work without calling back, close, free. */
void dbq_free(struct dbq *q);
#endif
