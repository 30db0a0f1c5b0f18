/* Feed parsing throughput for bench/run: feed_parse() on every file named,
 * all loaded into memory first; one warm-up run, then --reps timed runs.
 *   feed_bench [--reps N] FILE...
 * Prints INPUT, RUN and COUNT lines (bench_util.h). */
#include "bench_util.h"
#include "quoted/feed.h"

int main(int argc, char **argv)
{
	struct bench_input in;
	int reps = bench_args(argc, argv, "feed_bench [--reps N] FILE...", &in);
	size_t items = 0, failed = 0;

	for (int r = 0; r <= reps; r++) {
		double t0 = bench_now();
		items = failed = 0;
		for (size_t i = 0; i < in.n; i++) {
			struct feed f;
			char err[256];
			if (feed_parse(in.data[i], in.len[i], NULL, NULL, &f, err, sizeof err) < 0)
				failed++;
			items += f.n_items;
			feed_free(&f);
		}
		if (r > 0) /* run 0 warms caches up */
			printf("RUN %.6f\n", bench_now() - t0);
	}
	printf("COUNT items %zu\nCOUNT rejected %zu\n", items, failed);
	return 0;
}
