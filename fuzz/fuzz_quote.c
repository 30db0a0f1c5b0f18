/* libFuzzer target: the quote extractor, on plain text and on the main
 * text of an HTML page (as `quotectl extract [--html]` and the daemon run
 * it). The first byte picks the mode. Each quote is also turned into the
 * JSON the store sends to PostgreSQL, and its offsets are checked against
 * the input: a quote must lie inside the text it came from. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quoted/htmltext.h"
#include "quoted/quote.h"
#include "quoted/quote_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run_extractor(const char *text, size_t len)
{
	struct quote_list l = {0};
	volatile size_t sink = 0;
	quotes_extract(text, len, &l);
	for (size_t i = 0; i < l.n; i++) {
		const struct quote *q = &l.v[i];
		if (q->start > q->end || q->end > len) {
			fprintf(stderr, "quote %zu: offsets %zu..%zu outside the %zu-byte input\n", i, q->start,
				q->end, len);
			abort();
		}
		json_object *o = quote_to_json(q);
		sink += strlen(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
		json_object_put(o);
	}
	(void)sink;
	quote_list_free(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	bool html = data[0] & 1;
	data++, size--;
	if (!html) {
		run_extractor((const char *)data, size);
		return 0;
	}
	struct article_text a = {0};
	html_extract_article((const char *)data, size, "http://example.org/a.html", &a);
	char *body = article_text_join(&a);
	run_extractor(body, strlen(body));
	free(body);
	article_text_free(&a);
	return 0;
}
