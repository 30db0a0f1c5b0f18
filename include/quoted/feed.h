/* Feed parsing: bytes of an RSS, Atom or JSON Feed document -> items.
 * No I/O. The only state kept between calls is cache: a libxml2 parser
 * context per thread and the iconv converters already used; results never
 * depend on it. */
#ifndef QUOTED_FEED_H
#define QUOTED_FEED_H
#include <stddef.h>
#include <stdint.h>

enum feed_format {
	FEED_UNKNOWN = 0,
	FEED_RSS,  /* RSS 0.9x and 2.0 */
	FEED_RDF,  /* RSS 1.0 / RSS 0.90 (RDF) */
	FEED_ATOM, /* Atom 0.3 and 1.0 */
	FEED_JSON, /* JSON Feed 1.0 / 1.1 */
};

struct feed_item {
	char *guid;      /* id/guid as given, or NULL */
	char *link;      /* absolute URL of the article, or NULL */
	char *title;     /* plain text, or NULL */
	char *author;    /* plain text, or NULL */
	char *summary;   /* as given (may be HTML), or NULL */
	char *content;   /* full content (usually HTML), or NULL */
	int64_t published; /* Unix seconds UTC; 0 when absent or unparseable */
	int64_t updated;   /* Unix seconds UTC; 0 when absent */
};

struct feed {
	enum feed_format format;
	char *title;
	char *link;
	int ttl_minutes; /* RSS <ttl>, 0 when absent */
	struct feed_item *items;
	size_t n_items;
};

/* Parse len bytes. base_url resolves relative links (may be NULL);
 * content_type is the HTTP Content-Type (may be NULL) and is used for the
 * charset when the document does not declare one. Returns 0 on success;
 * otherwise -1 with a one-line reason in err. Never loads external entities
 * or DTDs. out must be freed with feed_free() either way. */
int feed_parse(const char *data, size_t len, const char *base_url, const char *content_type,
	       struct feed *out, char *err, size_t errlen);
void feed_free(struct feed *f);

/* The key that identifies an item within its feed: the guid, else the link,
 * else "sha256:" of title and content. Caller frees. */
char *feed_item_key(const struct feed_item *it);

/* Parse an RFC 822 / RFC 1123 / ISO 8601 date to Unix seconds; 0 on failure. */
int64_t feed_parse_date(const char *s);
#endif
