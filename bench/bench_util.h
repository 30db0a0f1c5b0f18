/* Shared by the bench programs of bench/run (not by quote_bench): load
 * files named on the command line into memory, a monotonic clock, and the
 * output every program prints, one line each, that bench/run reads:
 *   INPUT files N bytes B      what one run reads
 *   RUN seconds                one per timed run (after one warm-up run)
 *   COUNT name value           what the runs found (items, paragraphs, ...) */
#ifndef QUOTED_BENCH_UTIL_H
#define QUOTED_BENCH_UTIL_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quoted/util.h"

struct bench_input {
	char **data;
	size_t *len;
	size_t n, bytes;
};

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* argv: [--reps N] FILE...; exits 2 on usage errors, 1 on unreadable files. */
static inline int bench_args(int argc, char **argv, const char *usage, struct bench_input *in)
{
	int reps = 5;
	memset(in, 0, sizeof(*in));
	in->data = xcalloc((size_t)argc, sizeof(*in->data));
	in->len = xcalloc((size_t)argc, sizeof(*in->len));
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--reps") && i + 1 < argc) {
			reps = atoi(argv[++i]);
			if (reps < 1)
				reps = 1;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "usage: %s\n", usage);
			exit(2);
		}
		in->data[in->n] = read_file(argv[i], &in->len[in->n]);
		if (!in->data[in->n]) {
			perror(argv[i]);
			exit(1);
		}
		in->bytes += in->len[in->n++];
	}
	if (!in->n) {
		fprintf(stderr, "usage: %s\n", usage);
		exit(2);
	}
	printf("INPUT files %zu bytes %zu\n", in->n, in->bytes);
	return reps;
}
#endif
