/* article_read(): the one place that decides what text quoted reads for a
 * feed item, so the daemon and `quotectl feed check` cannot drift apart. */
#include <string.h>

#include "quoted/htmltext.h"

const char *article_read(const char *html, size_t len, const char *url, const char *fallback,
			 struct article_text *out)
{
	memset(out, 0, sizeof *out);
	if (html && len > 0) {
		html_extract_article(html, len, url, out);
		if (out->n_paragraphs > 0)
			return "page";
		article_text_free(out);
	}
	if (fallback) {
		html_fragment_paragraphs(fallback, strlen(fallback), out);
		if (out->n_paragraphs > 0)
			return "feed";
		article_text_free(out);
	}
	return NULL;
}
