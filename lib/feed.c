/* Feed parsing entry points (see quoted/feed.h): format dispatch, item
 * bookkeeping shared by the XML and JSON readers, and item keys. */
#include "quoted/feed.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed_priv.h"
#include "quoted/sha256.h"
#include "quoted/util.h"

struct feed_item *feed_add_item(struct feed *f, size_t *cap)
{
	if (f->n_items >= FEED_MAX_ITEMS)
		return NULL;
	xgrow((void **)&f->items, cap, f->n_items + 1, sizeof *f->items);
	struct feed_item *it = &f->items[f->n_items++];
	memset(it, 0, sizeof *it);
	return it;
}

void feed_trim(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	memmove(s, s + i, n - i);
	s[n - i] = '\0';
}

/* C1 controls (U+0080..U+009F) in feed text are windows-1252 punctuation
 * that went through a latin-1 decoder (&#146; for an apostrophe): map them
 * back. Takes s; returns it or a fixed copy. */
static char *feed_demoronize(char *s)
{
	static const uint16_t cp1252[32] = {
		0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
		0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
	};
	const char *c1 = s;
	while ((c1 = strchr(c1, '\xC2')) && ((unsigned char)c1[1] < 0x80 || (unsigned char)c1[1] > 0x9F))
		c1++;
	if (!c1)
		return s;
	struct buf b = {0};
	for (const char *p = s; *p; p++) {
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9F) {
			buf_put_utf8(&b, cp1252[(unsigned char)p[1] - 0x80]);
			p++;
		} else {
			buf_putc(&b, *p);
		}
	}
	free(s);
	return buf_steal(&b);
}

/* Is [s, s+n) valid UTF-8 without C1 controls (which feed_demoronize
 * would map)? Then a field is a plain copy. ASCII goes 8 bytes a step. */
static bool feed_clean_utf8(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		if (!((unsigned char)s[i] & 0x80)) {
			i++;
			continue;
		}
		size_t l;
		uint32_t cp = utf8_decode(s + i, n - i, &l);
		if ((cp == 0xFFFD && l == 1) || (cp >= 0x80 && cp <= 0x9F))
			return false;
		i += l;
	}
	return true;
}

/* The part of s a field keeps: capped at FEED_MAX_FIELD (not within a
 * UTF-8 sequence), white space trimmed at both ends. Sets *start and
 * returns the length, 0 if nothing is left. */
static size_t feed_span(const char *s, size_t *start)
{
	size_t n = strlen(s), i = 0;
	if (n > FEED_MAX_FIELD) {
		n = FEED_MAX_FIELD;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* do not split a UTF-8 sequence */
	}
	/* Trim first: neither the repair of bad bytes nor the C1 mapping
	 * below makes or removes white space. */
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	*start = i;
	return n - i;
}

/* Set *field from [s, s+n), which is not clean UTF-8: repaired, C1
 * controls mapped, trimmed again. */
static bool feed_set_dirty(char **field, const char *s, size_t n)
{
	char *v = feed_demoronize(utf8_sanitize(s, n));
	feed_trim(v);
	if (!*v) {
		free(v);
		return false;
	}
	*field = v;
	return true;
}

bool feed_set(char **field, const char *s)
{
	if (*field || !s)
		return false;
	size_t i, n = feed_span(s, &i);
	if (!n)
		return false;
	s += i;
	if (feed_clean_utf8(s, n)) {
		*field = xstrndup(s, n);
		return true;
	}
	return feed_set_dirty(field, s, n);
}

bool feed_set_owned(char **field, char *s)
{
	if (*field || !s) {
		free(s);
		return false;
	}
	size_t i, n = feed_span(s, &i);
	if (n && feed_clean_utf8(s + i, n)) {
		if (i) /* s becomes the field, as feed_set() would copy it */
			memmove(s, s + i, n);
		s[n] = '\0';
		*field = s;
		return true;
	}
	bool set = n && feed_set_dirty(field, s + i, n);
	free(s);
	return set;
}

static void feed_item_free(struct feed_item *it)
{
	free(it->guid);
	free(it->link);
	free(it->title);
	free(it->author);
	free(it->summary);
	free(it->content);
}

void feed_free(struct feed *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_items; i++)
		feed_item_free(&f->items[i]);
	free(f->items);
	free(f->title);
	free(f->link);
	memset(f, 0, sizeof *f);
}

static uint64_t feed_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Feeds repeat guids (republished items, broken generators); the first
 * occurrence wins. An open-addressing set keeps this linear in the items. */
void feed_dedupe(struct feed *f)
{
	size_t cap = 16, w = 0;
	while (cap < f->n_items * 2)
		cap *= 2;
	const char **set = xcalloc(cap, sizeof *set);
	for (size_t i = 0; i < f->n_items; i++) {
		struct feed_item *it = &f->items[i];
		bool dup = false;
		if (it->guid) {
			size_t h = (size_t)feed_hash(it->guid) & (cap - 1);
			while (set[h] && !(dup = strcmp(set[h], it->guid) == 0))
				h = (h + 1) & (cap - 1);
			if (!dup)
				set[h] = it->guid;
		}
		if (dup) {
			feed_item_free(it);
			continue;
		}
		f->items[w++] = *it;
	}
	f->n_items = w;
	free(set);
}

char *feed_item_key(const struct feed_item *it)
{
	if (it->guid && *it->guid)
		return xstrdup(it->guid);
	if (it->link && *it->link)
		return xstrdup(it->link);
	struct sha256 s;
	unsigned char d[32];
	char hex[65];
	const char *t = it->title ? it->title : "", *c = it->content ? it->content : "";
	if (!*c && it->summary)
		c = it->summary;
	sha256_init(&s);
	sha256_update(&s, t, strlen(t));
	sha256_update(&s, "\n", 1); /* so ("ab","c") and ("a","bc") differ */
	sha256_update(&s, c, strlen(c));
	sha256_final(&s, d);
	sha256_to_hex(d, hex);
	return xasprintf("sha256:%s", hex);
}

/* The charset parameter of a Content-Type, tolerating the spacing and
 * quoting seen in the wild ("charset = 'us-ascii'"). */
static char *feed_charset(const char *ct, char *out, size_t outlen)
{
	const char *p = ct ? strchr(ct, ';') : NULL;
	while (p) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "charset", 7) == 0) {
			p += 7;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p != '=')
				return NULL;
			p++;
			while (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'')
				p++;
			size_t n = 0;
			while (p[n] && (isalnum((unsigned char)p[n]) || strchr("-_.:", p[n])) &&
			       n + 1 < outlen) {
				out[n] = p[n];
				n++;
			}
			out[n] = '\0';
			return n ? out : NULL;
		}
		p = strchr(p, ';');
	}
	return NULL;
}

int feed_parse(const char *data, size_t len, const char *base_url, const char *content_type,
	       struct feed *out, char *err, size_t errlen)
{
	char csbuf[64];
	size_t i = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (errlen)
		err[0] = '\0';
	if (!data || len == 0) {
		snprintf(err, errlen, "empty document");
		return -1;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i < len && (data[i] == '{' || data[i] == '['))
		rc = feed_parse_json(data + i, len - i, base_url, out, err, errlen);
	else
		rc = feed_parse_xml(data, len, base_url, feed_charset(content_type, csbuf, sizeof csbuf),
				    out, err, errlen);
	if (rc == 0)
		feed_dedupe(out);
	return rc;
}
