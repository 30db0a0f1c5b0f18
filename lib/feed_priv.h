/* Internals shared by the feed parser's files (feed.c, feed_xml.c,
 * feed_json.c, feed_text.c). Not part of the public interface. */
#ifndef QUOTED_FEED_PRIV_H
#define QUOTED_FEED_PRIV_H
#include <stdbool.h>
#include <stddef.h>

#include "quoted/feed.h"

#define FEED_MAX_ITEMS 100000
/* Longest field we keep; longer text is cut (at a UTF-8 boundary). */
#define FEED_MAX_FIELD (4u << 20)

/* Append a zeroed item and return it, or NULL once FEED_MAX_ITEMS is reached. */
struct feed_item *feed_add_item(struct feed *f, size_t *cap);
/* Drop items whose guid repeats an earlier one; keeps the first. */
void feed_dedupe(struct feed *f);
/* Replace *field with a sanitized (valid UTF-8, no NUL, capped) copy of s
 * when *field is still NULL and s is non-empty. Returns true if it was set. */
bool feed_set(char **field, const char *s);
/* feed_set() of a string s it takes (malloc'd, or NULL): s itself becomes
 * the field, or is freed. Saves a copy of most fields. */
bool feed_set_owned(char **field, char *s);
/* Trim white space at both ends, in place. */
void feed_trim(char *s);

/* HTML fragment -> plain text: tags dropped, entities decoded, white space
 * squeezed. Caller frees. */
char *feed_html_to_text(const char *html);
/* Does s look like HTML markup (a known tag or an entity)? */
bool feed_looks_like_html(const char *s);
/* Copy of an HTML fragment with relative URLs in link attributes (href,
 * src, ...) resolved against base. Caller frees. */
char *feed_html_resolve(const char *html, const char *base);
/* End of the tag that starts at s ('<'), quotes respected: the '>' or the
 * terminating NUL. */
const char *feed_tag_end(const char *s);
/* Code point of an HTML named entity, 0 if unknown. */
unsigned feed_html_entity(const char *name, size_t len);

int feed_parse_xml(const char *data, size_t len, const char *base_url, const char *charset,
		   struct feed *out, char *err, size_t errlen);
int feed_parse_json(const char *data, size_t len, const char *base_url, struct feed *out,
		    char *err, size_t errlen);
#endif
