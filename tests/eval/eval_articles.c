/* Main-text extraction against the Scrapinghub article-extraction benchmark
 * (../shared/eval/articles): html_extract_article on every page, scored the
 * way the benchmark's evaluate.py scores, so our numbers sit next to the
 * published ones in ANCHORS.txt.
 *
 * Metric: tokens are maximal runs of word characters (Python's re \w with
 * Unicode: letters, digits and '_'; case kept), shingles are the 4-grams of
 * tokens (a text of fewer than 4 tokens is one shingle), counted as
 * multisets. Per page tp/fp/fn; a page where both sides are empty counts as
 * a perfect match; precision tp/(tp+fp) and recall tp/(tp+fn) (0 when the
 * denominator is 0), each averaged over pages, F1 of the two averages.
 *
 * usage: eval_articles --shared DIR --baseline FILE [-v]
 * Exit 77 when DIR/eval/articles is absent, 1 when a score falls below the
 * baseline. Pages are gunzipped with gzip(1): the core library has no zlib. */
#include <json-c/json.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <wctype.h>

#include "quoted/htmltext.h"
#include "quoted/util.h"

#define SHINGLE_N 4

struct strvec {
	char **v;
	size_t n, cap;
};

static void sv_push(struct strvec *s, char *str)
{
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = str;
}

static void sv_free(struct strvec *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static bool eval_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z') || cp == '_';
	return cp != 0xFFFD && iswalnum((wint_t)cp);
}

/* \w+ tokens of text. */
static void eval_tokenize(const char *text, struct strvec *out)
{
	size_t n = strlen(text), i = 0;

	while (i < n) {
		size_t l;
		uint32_t cp = utf8_decode(text + i, n - i, &l);
		if (!eval_is_word(cp)) {
			i += l;
			continue;
		}
		size_t start = i;
		while (i < n) {
			cp = utf8_decode(text + i, n - i, &l);
			if (!eval_is_word(cp))
				break;
			i += l;
		}
		sv_push(out, xstrndup(text + start, i - start));
	}
}

static void eval_shingles(const char *text, struct strvec *out)
{
	struct strvec tok = {0};

	eval_tokenize(text, &tok);
	size_t count = tok.n >= SHINGLE_N ? tok.n - SHINGLE_N + 1 : (tok.n ? 1 : 0);
	for (size_t i = 0; i < count; i++) {
		struct buf b = {0};
		for (size_t k = i; k < i + SHINGLE_N && k < tok.n; k++) {
			if (k > i)
				buf_putc(&b, '\x01');
			buf_puts(&b, tok.v[k]);
		}
		sv_push(out, buf_steal(&b));
	}
	sv_free(&tok);
}

static int eval_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Multiset intersection of shingles: tp, fp, fn. */
static void eval_match(const char *truth, const char *pred, long *tp, long *fp, long *fn)
{
	struct strvec t = {0}, p = {0};
	size_t i = 0, j = 0;

	eval_shingles(truth, &t);
	eval_shingles(pred, &p);
	qsort(t.v, t.n, sizeof(char *), eval_cmp);
	qsort(p.v, p.n, sizeof(char *), eval_cmp);
	*tp = *fp = *fn = 0;
	while (i < t.n && j < p.n) {
		int c = strcmp(t.v[i], p.v[j]);
		if (c == 0)
			(*tp)++, i++, j++;
		else if (c < 0)
			(*fn)++, i++;
		else
			(*fp)++, j++;
	}
	*fn += (long)(t.n - i);
	*fp += (long)(p.n - j);
	if (*tp + *fp + *fn == 0)
		*tp = 1;
	sv_free(&t);
	sv_free(&p);
}

static char *eval_gunzip(const char *path, size_t *len)
{
	struct buf b = {0};
	char *cmd = xasprintf("gzip -dc '%s'", path);
	FILE *f = popen(cmd, "r");
	char tmp[65536];
	size_t r;

	free(cmd);
	if (!f)
		return NULL;
	while ((r = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_append(&b, tmp, r);
	if (pclose(f) != 0) {
		buf_free(&b);
		return NULL;
	}
	buf_append(&b, "", 0);
	*len = b.len;
	return buf_steal(&b);
}

static double eval_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Baseline lines "name value"; returns 1 when a measured value is lower. */
static int eval_check_baseline(const char *file, double f1, double p, double r)
{
	FILE *f = fopen(file, "r");
	char line[256];
	int bad = 0;

	if (!f) {
		fprintf(stderr, "eval_articles: cannot read baseline %s\n", file);
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		char name[64];
		double want, got;
		if (line[0] == '#' || sscanf(line, "%63s %lf", name, &want) != 2)
			continue;
		if (strcmp(name, "f1") == 0)
			got = f1;
		else if (strcmp(name, "precision") == 0)
			got = p;
		else if (strcmp(name, "recall") == 0)
			got = r;
		else
			continue;
		if (got + 1e-9 < want) {
			fprintf(stderr, "eval_articles: %s %.4f below baseline %.3f\n", name, got, want);
			bad = 1;
		}
	}
	fclose(f);
	return bad;
}

int main(int argc, char **argv)
{
	const char *shared = NULL, *baseline = NULL;
	bool verbose = false;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--shared") == 0 && i + 1 < argc)
			shared = argv[++i];
		else if (strcmp(argv[i], "--baseline") == 0 && i + 1 < argc)
			baseline = argv[++i];
		else if (strcmp(argv[i], "-v") == 0)
			verbose = true;
		else {
			fprintf(stderr, "usage: eval_articles --shared DIR --baseline FILE [-v]\n");
			return 2;
		}
	}
	if (!shared || !baseline) {
		fprintf(stderr, "usage: eval_articles --shared DIR --baseline FILE [-v]\n");
		return 2;
	}
	setlocale(LC_CTYPE, "C.UTF-8");

	char *dir = xasprintf("%s/eval/articles", shared);
	char *gt_path = xasprintf("%s/ground-truth.json", dir);
	struct stat st;
	if (stat(gt_path, &st) != 0) {
		printf("eval_articles: %s absent, skipping\n", dir);
		free(dir);
		free(gt_path);
		return 77;
	}
	json_object *gt = json_object_from_file(gt_path);
	if (!gt || !json_object_is_type(gt, json_type_object)) {
		fprintf(stderr, "eval_articles: cannot parse %s\n", gt_path);
		return 1;
	}

	double sum_p = 0, sum_r = 0, secs = 0;
	int pages = 0, failed = 0;
	json_object_object_foreach(gt, id, entry)
	{
		json_object *body = NULL, *url = NULL;
		json_object_object_get_ex(entry, "articleBody", &body);
		json_object_object_get_ex(entry, "url", &url);
		char *path = xasprintf("%s/html/%s.html.gz", dir, id);
		size_t len = 0;
		char *html = eval_gunzip(path, &len);
		free(path);
		if (!html) {
			fprintf(stderr, "eval_articles: cannot read page %s\n", id);
			failed++;
			continue;
		}
		struct article_text a;
		double t0 = eval_now();
		html_extract_article(html, len, url ? json_object_get_string(url) : NULL, &a);
		char *pred = article_text_join(&a);
		secs += eval_now() - t0;

		long tp, fp, fn;
		eval_match(body ? json_object_get_string(body) : "", pred, &tp, &fp, &fn);
		double p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
		double r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
		sum_p += p, sum_r += r, pages++;
		if (verbose)
			printf("%.3f %.3f %6zu %s %s\n", p, r, strlen(pred), id,
			       url ? json_object_get_string(url) : "");
		free(pred);
		article_text_free(&a);
		free(html);
	}
	json_object_put(gt);
	free(dir);
	free(gt_path);
	if (!pages) {
		fprintf(stderr, "eval_articles: no pages\n");
		return 1;
	}
	double P = sum_p / pages, R = sum_r / pages;
	double F1 = P + R > 0 ? 2 * P * R / (P + R) : 0;
	printf("articles: %d pages (%d unreadable)\n", pages, failed);
	printf("precision %.4f\nrecall %.4f\nf1 %.4f\n", P, R, F1);
	printf("pages/s %.1f\n", secs > 0 ? pages / secs : 0.0);
	if (failed)
		return 1;
	return eval_check_baseline(baseline, F1, P, R);
}
