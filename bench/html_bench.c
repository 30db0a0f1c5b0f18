/* HTML to main text for bench/run: html_extract_article() and
 * article_text_join() (what the daemon does with a fetched page) on every
 * page named, all loaded into memory first; one warm-up run, then --reps
 * timed runs. Pages must be plain (gunzipped) HTML.
 *   html_bench [--reps N] FILE...
 * Prints INPUT, RUN and COUNT lines (bench_util.h). */
#include "bench_util.h"
#include "quoted/htmltext.h"

int main(int argc, char **argv)
{
	struct bench_input in;
	int reps = bench_args(argc, argv, "html_bench [--reps N] FILE...", &in);
	size_t paragraphs = 0, text = 0;

	for (int r = 0; r <= reps; r++) {
		double t0 = bench_now();
		paragraphs = text = 0;
		for (size_t i = 0; i < in.n; i++) {
			struct article_text a;
			html_extract_article(in.data[i], in.len[i], NULL, &a);
			char *joined = article_text_join(&a);
			paragraphs += a.n_paragraphs;
			text += strlen(joined);
			free(joined);
			article_text_free(&a);
		}
		if (r > 0)
			printf("RUN %.6f\n", bench_now() - t0);
	}
	printf("COUNT paragraphs %zu\nCOUNT text_bytes %zu\n", paragraphs, text);
	return 0;
}
