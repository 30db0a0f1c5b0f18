/* The limit for HTML to text: libxml2's bare HTML parse of every page named
 * (in memory), set up as quoted sets it up (html_tree.c: htmlReadMemory()'s
 * setup, UTF-8, the same options) but with no SAX handler at all, so no
 * tree, no text and no attribute is kept: the tokenizer alone.  With
 * --tree, htmlReadMemory() and xmlFreeDoc(), libxml2's own tree, instead.
 * One warm-up run, then --reps timed runs.
 *   html_bare [--tree] [--reps N] FILE...
 * Prints INPUT, RUN and COUNT lines (bench_util.h). */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "bench_util.h"

enum { OPTIONS = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
		 HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE };

static int parse_tree(const char *data, size_t len)
{
	htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, "UTF-8", OPTIONS);
	xmlFreeDoc(doc);
	return doc != NULL;
}

static int parse_bare(const char *data, size_t len)
{
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	if (!ctxt)
		return 0;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = 1;
	memcpy(ctxt->sax, &sax, sizeof(xmlSAXHandlerV1));
	htmlCtxtUseOptions(ctxt, OPTIONS);
	ctxt->html = 1;
	if (utf8)
		xmlSwitchToEncoding(ctxt, utf8);
	htmlParseDocument(ctxt);
	htmlFreeParserCtxt(ctxt);
	return 1;
}

int main(int argc, char **argv)
{
	struct bench_input in;
	bool tree = argc > 1 && !strcmp(argv[1], "--tree");
	int reps;
	size_t parsed = 0;

	if (tree) {
		argv[1] = argv[0];
		argc--, argv++;
	}
	reps = bench_args(argc, argv, "html_bare [--tree] [--reps N] FILE...", &in);
	for (int r = 0; r <= reps; r++) {
		double t0 = bench_now();
		parsed = 0;
		for (size_t i = 0; i < in.n; i++)
			parsed += (size_t)(tree ? parse_tree(in.data[i], in.len[i]) : parse_bare(in.data[i], in.len[i]));
		if (r > 0)
			printf("RUN %.6f\n", bench_now() - t0);
	}
	printf("COUNT parsed %zu\n", parsed);
	return 0;
}
