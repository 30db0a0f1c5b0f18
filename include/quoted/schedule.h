/* When to poll a feed next: pure arithmetic, kept apart from the loop so it
 * can be tested. */
#ifndef QUOTED_SCHEDULE_H
#define QUOTED_SCHEDULE_H
#include <stdint.h>

#include "quoted/feed.h"

struct schedule_bounds {
	int default_s; /* for a feed that tells us nothing */
	int min_s, max_s;
};

/* The interval after a successful poll. It follows how often the feed
 * actually publishes (half the mean gap between its recent items), never
 * polls more often than the feed's <ttl> or the response's Cache-Control
 * max-age ask (max_age_s, -1 when absent), and stays within the bounds.
 * f may be NULL (e.g. after a 304): then previous_s is kept, bounded. */
int schedule_interval(const struct feed *f, int previous_s, long max_age_s,
		      const struct schedule_bounds *b);

/* The wait after the n-th consecutive error (n >= 1): doubling from min_s,
 * at least Retry-After (retry_after_s, -1 when absent), at most cap_s. */
int schedule_backoff(int errors, long retry_after_s, int min_s, int cap_s);

/* d scaled by a factor in [0.9, 1.1] from r in [0, 1]: ±10% jitter. */
int schedule_jitter(int d, double r);
#endif
