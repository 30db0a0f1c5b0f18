/* See quoted/schedule.h. */
#include "quoted/schedule.h"

#include <math.h>
#include <stdlib.h>

#define RECENT_ITEMS 10

static int clamp(long v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : (int)v;
}

static int cmp_desc(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* Half the mean gap between the newest dated items, or 0 when the feed
 * has fewer than two distinct dates. */
static long publishing_interval(const struct feed *f)
{
	size_t n = 0;
	int64_t *dates = malloc((f->n_items ? f->n_items : 1) * sizeof *dates);
	if (!dates)
		return 0;
	for (size_t i = 0; i < f->n_items; i++) {
		int64_t d = f->items[i].published ? f->items[i].published : f->items[i].updated;
		if (d > 0)
			dates[n++] = d;
	}
	long result = 0;
	if (n >= 2) {
		qsort(dates, n, sizeof *dates, cmp_desc);
		size_t k = n < RECENT_ITEMS ? n : RECENT_ITEMS;
		int64_t span = dates[0] - dates[k - 1];
		if (span > 0)
			result = (long)(span / (int64_t)(k - 1) / 2);
	}
	free(dates);
	return result;
}

int schedule_interval(const struct feed *f, int previous_s, long max_age_s,
		      const struct schedule_bounds *b)
{
	long s;
	if (!f) {
		s = previous_s > 0 ? previous_s : b->default_s;
	} else {
		s = publishing_interval(f);
		if (s <= 0)
			s = b->default_s;
		if (f->ttl_minutes > 0 && (long)f->ttl_minutes * 60 > s)
			s = (long)f->ttl_minutes * 60;
	}
	if (max_age_s > s)
		s = max_age_s;
	return clamp(s, b->min_s, b->max_s);
}

int schedule_backoff(int errors, long retry_after_s, int min_s, int cap_s)
{
	int shift = errors < 1 ? 0 : errors - 1;
	double s = (double)min_s * pow(2.0, shift > 20 ? 20 : shift);
	if (retry_after_s > s)
		s = (double)retry_after_s;
	if (s > cap_s)
		s = cap_s;
	return (int)s;
}

int schedule_jitter(int d, double r)
{
	return (int)lround(d * (0.9 + 0.2 * r));
}
