/* libFuzzer target: the feed parser (RSS 0.9x/1.0/2.0, Atom, JSON Feed).
 * The first byte picks the Content-Type the parser is told (none, XML with
 * a charset, JSON, HTML), so charset and format sniffing are both
 * exercised; the rest is the document. Every item's key is computed and
 * every string read, so a field that is not NUL-terminated shows up under
 * ASan. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quoted/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t touch(const char *s)
{
	return s ? strlen(s) : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const ctypes[] = {
		NULL,
		"application/rss+xml; charset=iso-8859-1",
		"application/feed+json",
		"text/html; charset=utf-8",
	};
	const char *ctype = NULL;
	if (size > 0) {
		ctype = ctypes[data[0] & 3];
		data++, size--;
	}
	struct feed f = {0};
	char err[256];
	volatile size_t sink = 0;
	if (feed_parse((const char *)data, size, "http://example.org/feeds/a.xml", ctype, &f, err, sizeof err) == 0) {
		sink += touch(f.title) + touch(f.link);
		for (size_t i = 0; i < f.n_items; i++) {
			const struct feed_item *it = &f.items[i];
			sink += touch(it->guid) + touch(it->link) + touch(it->title) + touch(it->author) +
				touch(it->summary) + touch(it->content);
			char *key = feed_item_key(it);
			sink += touch(key);
			free(key);
		}
	} else {
		sink += strlen(err);
	}
	feed_free(&f);
	/* The date parser on its own, on a NUL-terminated copy of a prefix. */
	size_t n = size < 64 ? size : 64;
	char *d = malloc(n + 1);
	memcpy(d, data, n);
	d[n] = '\0';
	sink += (size_t)feed_parse_date(d);
	free(d);
	(void)sink;
	return 0;
}
