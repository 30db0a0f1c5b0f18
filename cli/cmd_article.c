/* quotectl article [--json] FILE|URL|-: what quoted reads from a page, so
 * a user can see why a quote was or was not found. */
#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoted/htmltext.h"
#include "quoted/quote_json.h"
#include "quoted/util.h"

int cmd_article(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	int c;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': json = true; break;
		case 'h': printf("usage: quotectl article [--json] FILE|URL|-\n"); return 0;
		default: return cli_usage_error("article", "unknown option");
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("article", "expected one FILE, URL, or - for standard input");
	const char *src = argv[optind];
	size_t len;
	char *html, *url = NULL;
	if (str_has_prefix(src, "http://") || str_has_prefix(src, "https://")) {
		html = cli_fetch_url(g, "article", src, &len, &url);
		if (!html)
			return EXIT_NOTHING;
	} else {
		html = read_file(src, &len);
		if (!html) {
			fprintf(stderr, "quotectl article: %s: %s\n", src, strerror(errno));
			return EXIT_USAGE;
		}
	}
	struct article_text at = {0};
	html_extract_article(html, len, url, &at);
	if (json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "title", json_text(at.title));
		json_object_object_add(o, "byline", json_text(at.byline));
		json_object_object_add(o, "published", json_text(at.published));
		/* One paragraph per line, as documented. */
		struct buf b = {0};
		for (size_t i = 0; i < at.n_paragraphs; i++) {
			if (i)
				buf_putc(&b, '\n');
			buf_puts(&b, at.paragraphs[i]);
		}
		json_object_object_add(o, "text", json_text(b.data ? b.data : ""));
		buf_free(&b);
		puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
	} else {
		printf("title: ");
		out_clean(stdout, at.title ? at.title : "-");
		printf("\nbyline: ");
		out_clean(stdout, at.byline ? at.byline : "-");
		printf("\npublished: ");
		out_clean(stdout, at.published ? at.published : "-");
		printf("\n\n");
		for (size_t i = 0; i < at.n_paragraphs; i++) {
			out_clean(stdout, at.paragraphs[i]);
			putchar('\n');
		}
	}
	int rc = at.n_paragraphs ? EXIT_FOUND : EXIT_NOTHING;
	article_text_free(&at);
	free(html);
	free(url);
	return rc;
}
