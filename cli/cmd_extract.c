/* quotectl extract [--json] [--html] FILE|-: run the daemon's extractor on
 * one document, without a database. Offsets are byte offsets into the text
 * the extractor read: the input itself, or with --html the page's main text
 * (paragraphs joined by blank lines). */
#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoted/htmltext.h"
#include "quoted/quote.h"
#include "quoted/quote_json.h"
#include "quoted/util.h"

static void print_json(const struct quote *q)
{
	json_object *o = quote_to_json(q);
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

static void print_text(size_t i, const struct quote *q)
{
	printf("%zu. \"", i + 1);
	out_clean(stdout, q->text);
	printf("\"\n   speaker: ");
	out_clean(stdout, q->speaker ? q->speaker : "(unattributed)");
	if (q->speaker_kind)
		printf(" (%s)", speaker_kind_name(q->speaker_kind));
	if (q->role) {
		printf("  role: ");
		out_clean(stdout, q->role);
		if (q->role_stated && strcmp(q->role_stated, q->role)) {
			printf(" [");
			out_clean(stdout, q->role_stated);
			printf("]");
		}
	}
	if (q->organization) {
		printf("  organization: ");
		out_clean(stdout, q->organization);
	}
	if (q->country) {
		printf("  country: ");
		out_clean(stdout, q->country);
	}
	printf("\n   cue: ");
	out_clean(stdout, q->cue ? q->cue : "-");
	printf("  rule: %s  confidence: %.2f%s  bytes %zu-%zu\n", q->rule ? q->rule : "-", q->confidence,
	       q->partial ? "  partial" : "", q->start, q->end);
}

int cmd_extract(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"html", no_argument, NULL, 'H'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false, html = false;
	int c;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': json = true; break;
		case 'H': html = true; break;
		case 'h': printf("usage: quotectl extract [--json] [--html] FILE|-\n"); return 0;
		default: return cli_usage_error("extract", "unknown option");
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("extract", "expected one FILE (or - for standard input)");
	size_t len;
	char *input = read_file(argv[optind], &len);
	if (!input) {
		fprintf(stderr, "quotectl extract: %s: %s\n", argv[optind], strerror(errno));
		return EXIT_USAGE;
	}
	char *text = input;
	size_t text_len = len;
	if (html) {
		struct article_text at = {0};
		html_extract_article(input, len, NULL, &at);
		text = article_text_join(&at);
		text_len = strlen(text);
		article_text_free(&at);
	}
	struct quote_list quotes = {0};
	quotes_extract(text, text_len, &quotes);
	for (size_t i = 0; i < quotes.n; i++) {
		if (json)
			print_json(&quotes.v[i]);
		else
			print_text(i, &quotes.v[i]);
	}
	int rc = quotes.n ? EXIT_FOUND : EXIT_NOTHING;
	if (!json)
		printf("%zu quote(s)\n", quotes.n);
	quote_list_free(&quotes);
	if (text != input)
		free(text);
	free(input);
	return rc;
}
