/* Throughput of the quote extractor (issue 3, item 5).
 *
 * 1. MB/s of article text on the PolNeAR train texts
 *    (SHARED/eval/quotes/polnear-train/docs.jsonl), one quotes_extract()
 *    call per article, best of --reps runs; in the same run, `wc -w` on the
 *    same bytes (written to a temporary file), best of --reps, and the ratio.
 *    Times are CPU seconds (this thread; wc's user + system), so that other
 *    jobs on a shared machine do not skew the ratio.
 * 2. Growth: the texts concatenated (cycled) to 1, 10 and 100 MB, extracted
 *    article by article, with wc -w on the same bytes at each size; the
 *    seconds per MB stay flat when time grows linearly.
 *
 * usage: quote_bench [--shared DIR] [--sizes 1,10,100] [--reps N]
 * Exits 77 (and says so) when the evaluation material is absent. */
#include <fcntl.h>
#include <json-c/json.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "quoted/quote.h"
#include "quoted/util.h"

#ifndef QUOTE_BENCH_SHARED
#define QUOTE_BENCH_SHARED "../shared"
#endif

extern char **environ;

struct corpus {
	char **text;
	size_t *len;
	size_t n, cap, bytes;
};

/* CPU seconds of this thread: on a busy machine wall time measures the
 * neighbours; CPU time, for both the extractor and wc, measures the work. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void corpus_add(struct corpus *c, char *text, size_t len)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->text = xrealloc(c->text, c->cap * sizeof(*c->text));
		c->len = xrealloc(c->len, c->cap * sizeof(*c->len));
	}
	c->text[c->n] = text;
	c->len[c->n] = len;
	c->n++;
	c->bytes += len;
}

static bool load_docs(const char *path, struct corpus *c)
{
	size_t len;
	char *data = read_file(path, &len), *p, *nl;
	if (!data)
		return false;
	for (p = data; p < data + len; p = nl + 1) {
		json_object *o, *t;
		nl = memchr(p, '\n', (size_t)(data + len - p));
		if (!nl)
			nl = data + len;
		*nl = '\0';
		if (nl == p)
			continue;
		o = json_tokener_parse(p);
		if (o && json_object_object_get_ex(o, "text", &t) &&
		    json_object_get_type(t) == json_type_string)
			corpus_add(c, xstrdup(json_object_get_string(t)),
				   (size_t)json_object_get_string_len(t));
		json_object_put(o);
	}
	free(data);
	return c->n > 0;
}

/* Seconds to extract every article of c once; *quotes counts the quotes. */
static double extract_all(const struct corpus *c, size_t *quotes)
{
	double t0 = now();
	*quotes = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct quote_list ql;
		quotes_extract(c->text[i], c->len[i], &ql);
		*quotes += ql.n;
		quote_list_free(&ql);
	}
	return now() - t0;
}

static double best_extract(const struct corpus *c, int reps, size_t *quotes)
{
	double best = 1e30;
	for (int r = 0; r < reps; r++) {
		double s = extract_all(c, quotes);
		if (s < best)
			best = s;
	}
	return best;
}

/* Write the articles, blank-line separated, to a temporary file. */
static char *write_tmp(const struct corpus *c)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/quote_bench.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		perror(path);
		exit(1);
	}
	for (size_t i = 0; i < c->n; i++) {
		fwrite(c->text[i], 1, c->len[i], f);
		fputs("\n\n", f);
	}
	if (fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	return path;
}

/* Best CPU time (user + system) of `wc -w PATH`, output discarded, process
 * start included; -1 if it cannot run. */
static double best_wc(const char *path, int reps)
{
	double best = 1e30;
	for (int r = 0; r < reps; r++) {
		posix_spawn_file_actions_t fa;
		char *argv[] = {"wc", "-w", (char *)path, NULL};
		pid_t pid;
		int st;
		struct rusage ru;
		double cpu;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
		if (posix_spawnp(&pid, "wc", &fa, NULL, argv, environ) != 0) {
			posix_spawn_file_actions_destroy(&fa);
			return -1;
		}
		if (wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			posix_spawn_file_actions_destroy(&fa);
			return -1;
		}
		cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		      (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		if (cpu < best)
			best = cpu;
		posix_spawn_file_actions_destroy(&fa);
	}
	return best;
}

/* The articles of src cycled until the total reaches `bytes`. */
static void corpus_cycle(const struct corpus *src, size_t bytes, struct corpus *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; out->bytes < bytes; i = (i + 1) % src->n)
		corpus_add(out, src->text[i], src->len[i]);
}

int main(int argc, char **argv)
{
	const char *shared = QUOTE_BENCH_SHARED, *sizes = "1,10,100";
	int reps = 5;
	struct corpus c = {0};
	struct stat st;
	char *docs, *tmp, *sz, *save = NULL;
	size_t quotes;
	double secs, wc, base_spm = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--shared") && i + 1 < argc)
			shared = argv[++i];
		else if (!strcmp(argv[i], "--sizes") && i + 1 < argc)
			sizes = argv[++i];
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
		else {
			fprintf(stderr, "usage: quote_bench [--shared DIR] [--sizes 1,10,100] [--reps N]\n");
			return 2;
		}
	}
	docs = xasprintf("%s/eval/quotes/polnear-train/docs.jsonl", shared);
	if (stat(docs, &st) != 0 || !load_docs(docs, &c)) {
		printf("quote_bench: %s absent, skipping\n", docs);
		free(docs);
		return 77;
	}
	free(docs);

	/* warm up: lexicons, page cache */
	extract_all(&c, &quotes);
	secs = best_extract(&c, reps, &quotes);
	tmp = write_tmp(&c);
	wc = best_wc(tmp, reps);
	unlink(tmp);
	free(tmp);
	printf("PolNeAR train: %zu articles, %.2f MB, %zu quotes\n", c.n, c.bytes / 1e6, quotes);
	printf("  quotes_extract  %8.1f MB/s  (%.3f CPU s, best of %d)\n", c.bytes / 1e6 / secs, secs, reps);
	if (wc > 0) {
		printf("  wc -w           %8.1f MB/s  (%.3f CPU s, best of %d, process start included)\n",
		       c.bytes / 1e6 / wc, wc, reps);
		printf("  ratio extractor / wc -w: %.2f (target >= 0.25)\n", wc / secs);
	} else {
		printf("  wc -w: could not run\n");
	}

	printf("\nGrowth (texts concatenated, extracted article by article):\n");
	printf("  %8s %10s %10s %10s %10s %8s\n", "size", "CPU s", "MB/s", "s per MB", "wc MB/s", "ratio");
	sz = xstrdup(sizes);
	for (char *tok = strtok_r(sz, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t mb = (size_t)strtoul(tok, NULL, 10);
		struct corpus big;
		double spm;
		int r = mb >= 50 ? 1 : reps;
		if (!mb)
			continue;
		corpus_cycle(&c, mb * 1000000, &big);
		secs = best_extract(&big, r, &quotes);
		tmp = write_tmp(&big);
		wc = best_wc(tmp, r);
		unlink(tmp);
		free(tmp);
		spm = secs / (big.bytes / 1e6);
		if (base_spm == 0)
			base_spm = spm;
		printf("  %6zu MB %10.3f %10.1f %10.4f %10.1f %8.2f   (s/MB x%.2f of the first size)\n", mb,
		       secs, big.bytes / 1e6 / secs, spm, wc > 0 ? big.bytes / 1e6 / wc : 0,
		       wc > 0 ? wc / secs : 0, spm / base_spm);
		free(big.text);
		free(big.len);
	}
	free(sz);
	for (size_t i = 0; i < c.n; i++)
		free(c.text[i]);
	free(c.text);
	free(c.len);
	return 0;
}
