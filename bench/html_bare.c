/* The limit for HTML to text: libxml2's bare HTML parse, htmlReadMemory()
 * and xmlFreeDoc() only, with the options html_doc.c uses, on every page
 * named (in memory); one warm-up run, then --reps timed runs.
 *   html_bare [--reps N] FILE...
 * Prints INPUT, RUN and COUNT lines (bench_util.h). */
#include <libxml/HTMLparser.h>

#include "bench_util.h"

int main(int argc, char **argv)
{
	struct bench_input in;
	int reps = bench_args(argc, argv, "html_bare [--reps N] FILE...", &in);
	size_t parsed = 0;

	for (int r = 0; r <= reps; r++) {
		double t0 = bench_now();
		parsed = 0;
		for (size_t i = 0; i < in.n; i++) {
			htmlDocPtr doc = htmlReadMemory(in.data[i], (int)in.len[i], NULL, "UTF-8",
							HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
								HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
								HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
								XML_PARSE_HUGE);
			if (doc)
				parsed++;
			xmlFreeDoc(doc);
		}
		if (r > 0)
			printf("RUN %.6f\n", bench_now() - t0);
	}
	printf("COUNT parsed %zu\n", parsed);
	return 0;
}
