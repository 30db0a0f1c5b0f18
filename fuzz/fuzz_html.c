/* libFuzzer target: HTML page -> article text (html_extract_article) and
 * HTML fragment -> paragraphs (html_fragment_paragraphs), then the join
 * the extractor reads. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quoted/htmltext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t touch_article(const struct article_text *a)
{
	size_t n = 0;
	n += a->title ? strlen(a->title) : 0;
	n += a->byline ? strlen(a->byline) : 0;
	n += a->published ? strlen(a->published) : 0;
	for (size_t i = 0; i < a->n_paragraphs; i++)
		n += strlen(a->paragraphs[i]);
	char *j = article_text_join(a);
	n += strlen(j);
	free(j);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	volatile size_t sink = 0;
	struct article_text a = {0};
	html_extract_article((const char *)data, size, "http://example.org/news/a.html", &a);
	sink += touch_article(&a);
	article_text_free(&a);

	struct article_text b = {0};
	html_fragment_paragraphs((const char *)data, size, &b);
	sink += touch_article(&b);
	article_text_free(&b);
	(void)sink;
	return 0;
}
