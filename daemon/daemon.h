/* The daemon's internal interfaces: the poller drives feeds through fetch,
 * parse, extraction and store on one libevent loop. */
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
#endif
