/* HTML page -> the article's title, byline, date and main-text paragraphs,
 * readability-style. Pure: no I/O, no globals. */
#ifndef QUOTED_HTMLTEXT_H
#define QUOTED_HTMLTEXT_H
#include <stddef.h>

struct article_text {
	char *title;     /* or NULL */
	char *byline;    /* or NULL */
	char *published; /* ISO 8601 as found in the page, or NULL */
	char **paragraphs; /* plain text, white space collapsed, UTF-8 */
	size_t n_paragraphs;
};

/* Extract the main text of an HTML document. url (may be NULL) is the page's
 * address. Returns 0 on success, -1 when the input cannot be parsed at all.
 * out must be freed with article_text_free() either way. */
int html_extract_article(const char *html, size_t len, const char *url, struct article_text *out);

/* All visible text of an HTML fragment (e.g. a feed's content) as
 * paragraphs, without boilerplate removal. */
int html_fragment_paragraphs(const char *html, size_t len, struct article_text *out);

/* How quoted reads an article: the page's main text when there is a page
 * and it has text, else the feed item's own content (fallback, HTML or
 * plain text; may be NULL). Returns "page", "feed", or NULL when neither
 * gave any text (out then holds nothing). */
const char *article_read(const char *html, size_t len, const char *url, const char *fallback,
			 struct article_text *out);

/* The paragraphs joined by "\n\n" (what the quote extractor reads). */
char *article_text_join(const struct article_text *a);
void article_text_free(struct article_text *a);
#endif
