/* Poll intervals follow the feed, honour TTL and max-age, stay in bounds;
 * errors back off exponentially to a cap and respect Retry-After. */
#include "quoted/schedule.h"
#include "testutil.h"

static struct feed feed_with_dates(struct feed_item *items, const int64_t *dates, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct feed_item zero = {0};
		items[i] = zero;
		items[i].published = dates[i];
	}
	struct feed f = {0};
	f.items = items;
	f.n_items = n;
	return f;
}

int main(void)
{
	struct schedule_bounds b = {900, 300, 86400};
	struct feed_item items[12];

	/* Hourly publishing -> poll every half hour. */
	int64_t hourly[] = {36000, 32400, 28800, 25200};
	struct feed f = feed_with_dates(items, hourly, 4);
	CHECK(schedule_interval(&f, 0, -1, &b) == 1800);

	/* Order of items does not matter. */
	int64_t shuffled[] = {28800, 36000, 25200, 32400};
	f = feed_with_dates(items, shuffled, 4);
	CHECK(schedule_interval(&f, 0, -1, &b) == 1800);

	/* A burst every minute is clamped to the minimum. */
	int64_t burst[] = {600, 540, 480, 420};
	f = feed_with_dates(items, burst, 4);
	CHECK(schedule_interval(&f, 0, -1, &b) == 300);

	/* Weekly publishing is clamped to the maximum. */
	int64_t weekly[] = {3 * 604800, 2 * 604800, 604800};
	f = feed_with_dates(items, weekly, 3);
	CHECK(schedule_interval(&f, 0, -1, &b) == 86400);

	/* No dates: the default. TTL and max-age ask for less often. */
	f = feed_with_dates(items, NULL, 0);
	CHECK(schedule_interval(&f, 0, -1, &b) == 900);
	f.ttl_minutes = 60;
	CHECK(schedule_interval(&f, 0, -1, &b) == 3600);
	f.ttl_minutes = 0;
	CHECK(schedule_interval(&f, 0, 7200, &b) == 7200);
	CHECK(schedule_interval(&f, 0, 10 * 86400, &b) == 86400);
	/* After a 304 the previous interval stands. */
	CHECK(schedule_interval(NULL, 1200, -1, &b) == 1200);
	CHECK(schedule_interval(NULL, 0, -1, &b) == 900);

	/* Backoff: 300, 600, 1200, ... capped, never below Retry-After. */
	CHECK(schedule_backoff(1, -1, 300, 21600) == 300);
	CHECK(schedule_backoff(2, -1, 300, 21600) == 600);
	CHECK(schedule_backoff(3, -1, 300, 21600) == 1200);
	CHECK(schedule_backoff(50, -1, 300, 21600) == 21600);
	CHECK(schedule_backoff(1, 5000, 300, 21600) == 5000);
	CHECK(schedule_backoff(1, 999999, 300, 21600) == 21600);

	CHECK(schedule_jitter(1000, 0.0) == 900);
	CHECK(schedule_jitter(1000, 1.0) == 1100);
	CHECK(schedule_jitter(1000, 0.5) == 1000);
	return test_report("schedule");
}
