/* The daemon's internal interfaces: the poller drives feeds through fetch,
 * parse, extraction and store on one libevent loop, with parsing and
 * extraction handed to a few worker threads. */
#ifndef QUOTED_DAEMON_H
#define QUOTED_DAEMON_H
#include <event2/event.h>
#include <stdbool.h>

#include "quoted/config.h"
#include "quoted/dbq.h"
#include "quoted/fetch.h"

struct poller_stats {
	long feeds_polled, feeds_failed, feeds_unchanged;
	long articles_stored, articles_failed, quotes_stored;
};

struct poller;
/* once: poll every active feed one time, then stop by itself. */
struct poller *poller_new(struct event_base *base, struct dbq *db, const struct config *cfg, bool once);
void poller_start(struct poller *p);
/* Look for due feeds now (a feed was added). */
void poller_wake(struct poller *p);
/* Stop taking new work; the loop exits when work in flight is done. */
void poller_stop(struct poller *p);
bool poller_idle(const struct poller *p);
const struct poller_stats *poller_stats(const struct poller *p);
void poller_free(struct poller *p);
/* The configuration the poller points at changed (SIGHUP): apply it. */
void poller_reconfigure(struct poller *p);
const struct fetch_stats *poller_fetch_stats(const struct poller *p);
size_t poller_fetch_queue(const struct poller *p);
size_t poller_work_queue(const struct poller *p); /* parse and extraction jobs */
int poller_feeds_in_progress(const struct poller *p);

/* A thread pool for the CPU work of a poll: work runs on a worker thread
 * and may touch only its argument; done runs afterwards on the loop
 * thread. With 0 threads, submit runs both at once. Freeing runs the work
 * and done of every job still queued. */
typedef void (*work_fn)(void *arg);
typedef void (*work_done_fn)(void *arg);
struct workers;
struct workers *workers_new(struct event_base *base, int threads);
void workers_submit(struct workers *w, work_fn work, work_done_fn done, void *arg);
size_t workers_queued(const struct workers *w); /* submitted, done not yet run */
void workers_free(struct workers *w);

/* The admin endpoint: /healthz and /metrics (Prometheus text format) on a
 * loopback address. */
struct buf;
typedef void (*admin_metrics_fn)(struct buf *out, void *arg);
typedef bool (*admin_health_fn)(void *arg);
struct admin;
/* listen is "127.0.0.1:PORT" or "[::1]:PORT"; non-loopback addresses are
 * refused. Returns NULL with a reason in err. */
struct admin *admin_new(struct event_base *base, const char *listen, admin_metrics_fn metrics,
			admin_health_fn health, void *arg, char *err, size_t errlen);
void admin_free(struct admin *a);
#endif
