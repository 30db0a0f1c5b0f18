/* Small HTML helpers for the feed parser: titles and authors are plain text,
 * but feeds often carry them as HTML. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "feed_priv.h"
#include "quoted/util.h"

unsigned feed_html_entity(const char *name, size_t len)
{
	char tmp[32];
	if (len == 0 || len >= sizeof tmp)
		return 0;
	memcpy(tmp, name, len);
	tmp[len] = '\0';
	if (strcmp(tmp, "apos") == 0)
		return '\'';
	const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)tmp);
	return e ? e->value : 0;
}

/* Decode the reference at s ("&...;"); returns its length, 0 if it is not
 * one (then the '&' is literal). */
static size_t text_entity(const char *s, uint32_t *cp)
{
	size_t n = 1;
	if (s[1] == '#') {
		uint32_t v = 0;
		int base = 10, digits = 0;
		n = 2;
		if (s[2] == 'x' || s[2] == 'X')
			base = 16, n = 3;
		for (; digits < 8; n++, digits++) {
			int c = (unsigned char)s[n], d;
			if (isdigit(c))
				d = c - '0';
			else if (base == 16 && isxdigit(c))
				d = tolower(c) - 'a' + 10;
			else
				break;
			v = v * (uint32_t)base + (uint32_t)d;
		}
		if (!digits)
			return 0;
		if (s[n] == ';')
			n++;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		*cp = v;
		return n;
	}
	while (isalnum((unsigned char)s[n]) && n < 32)
		n++;
	if (s[n] != ';')
		return 0;
	*cp = feed_html_entity(s + 1, n - 1);
	return *cp ? n + 1 : 0;
}

static bool text_block_tag(const char *name, size_t n)
{
	static const char *const block[] = {"br", "p", "div", "li", "tr", "td", "th", "h1",
					    "h2", "h3", "h4", "h5", "h6", "blockquote", "ul",
					    "ol", "dd", "dt", "pre", "hr", "table"};
	for (size_t i = 0; i < sizeof block / sizeof block[0]; i++)
		if (strlen(block[i]) == n && strncasecmp(block[i], name, n) == 0)
			return true;
	return false;
}

char *feed_html_to_text(const char *html)
{
	struct buf b = {0};
	const char *p = html;

	buf_append(&b, "", 0);
	while (*p) {
		if (*p == '<' && strncmp(p, "<!--", 4) == 0) {
			const char *e = strstr(p + 4, "-->");
			p = e ? e + 3 : p + strlen(p);
		} else if (*p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/' ||
					 p[1] == '!' || p[1] == '?')) {
			const char *name = p + 1 + (p[1] == '/');
			size_t n = 0;
			while (isalnum((unsigned char)name[n]))
				n++;
			const char *e = feed_tag_end(p);
			p = *e ? e + 1 : e;
			if ((n == 6 && strncasecmp(name, "script", 6) == 0) ||
			    (n == 5 && strncasecmp(name, "style", 5) == 0)) {
				if (name[-1] != '/') {
					/* drop the element's content up to its end tag */
					const char *end = strcasestr(p, n == 6 ? "</script" : "</style");
					p = end ? end : p + strlen(p);
				}
			} else if (text_block_tag(name, n)) {
				buf_putc(&b, ' ');
			}
		} else if (*p == '&') {
			uint32_t cp;
			size_t n = text_entity(p, &cp);
			if (n) {
				buf_put_utf8(&b, cp);
				p += n;
			} else {
				buf_putc(&b, *p++);
			}
		} else {
			buf_putc(&b, *p++);
		}
	}
	char *s = buf_steal(&b);
	str_squeeze_space(s);
	return s;
}

static bool text_known_tag(const char *name, size_t n)
{
	char tmp[16];
	if (n == 0 || n >= sizeof tmp)
		return false;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)tolower((unsigned char)name[i]);
	tmp[n] = '\0';
	return htmlTagLookup((const xmlChar *)tmp) != NULL;
}

bool feed_looks_like_html(const char *s)
{
	/* Only '<' and '&' can start markup: strpbrk() skips the text between
	 * them much faster than a loop over every byte. */
	for (const char *p = s; (p = strpbrk(p, "<&")); p++) {
		if (*p == '<') {
			const char *name = p + 1 + (p[1] == '/');
			size_t n = 0;
			while (isalnum((unsigned char)name[n]))
				n++;
			if (text_known_tag(name, n) &&
			    (name[n] == '>' || name[n] == ' ' || name[n] == '/' || name[n] == '\t' ||
			     name[n] == '\n'))
				return true;
		} else if (*p == '&') {
			uint32_t cp;
			if (text_entity(p, &cp))
				return true;
		}
	}
	return false;
}

const char *feed_tag_end(const char *s)
{
	char q = 0;
	for (s++; *s; s++) {
		if (q) {
			if (*s == q)
				q = 0;
		} else if ((*s == '"' || *s == '\'') && s[-1] == '=') {
			q = *s; /* quotes only open an attribute value */
		} else if (*s == '>') {
			break;
		}
	}
	return s;
}

static bool text_url_attr(const char *name, size_t n)
{
	static const char *const attrs[] = {"href", "src", "cite", "poster", "background",
					    "longdesc", "action", "usemap", "data", "codebase"};
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (strlen(attrs[i]) == n && strncasecmp(attrs[i], name, n) == 0)
			return true;
	return false;
}

/* Copy one start tag [s, e) to b, resolving URL-valued attributes. */
static void text_resolve_tag(struct buf *b, const char *s, const char *e, const char *base)
{
	const char *p = s;
	while (p < e) {
		if ((*p == '"' || *p == '\'') && p[-1] == '=') {
			/* a value we leave alone, copied whole */
			const char *q = p + 1;
			while (q < e && *q != *p)
				q++;
			q = q < e ? q + 1 : e;
			buf_append(b, p, (size_t)(q - p));
			p = q;
			continue;
		}
		/* attribute name */
		if (!isalpha((unsigned char)*p) || isalpha((unsigned char)p[-1]) || p[-1] == '<' ||
		    p[-1] == '/') {
			buf_putc(b, *p++);
			continue;
		}
		const char *name = p;
		while (p < e && (isalnum((unsigned char)*p) || *p == '-' || *p == ':' || *p == '_'))
			p++;
		size_t n = (size_t)(p - name);
		buf_append(b, name, n);
		if (p >= e || *p != '=' || !text_url_attr(name, n))
			continue;
		buf_putc(b, *p++);
		char q = (*p == '"' || *p == '\'') ? *p : 0;
		if (q)
			buf_putc(b, *p++);
		const char *v = p;
		while (p < e && (q ? *p != q : !isspace((unsigned char)*p)))
			p++;
		char *val = xstrndup(v, (size_t)(p - v));
		xmlChar *abs = NULL;
		feed_trim(val);
		if (*val && *val != '#')
			abs = xmlBuildURI((const xmlChar *)val, (const xmlChar *)base);
		buf_puts(b, abs ? (const char *)abs : val);
		xmlFree(abs);
		free(val);
	}
}

char *feed_html_resolve(const char *html, const char *base)
{
	struct buf b = {0};
	const char *p = html;

	buf_append(&b, "", 0);
	while (*p) {
		const char *lt = strchr(p, '<');
		if (!lt) {
			buf_puts(&b, p);
			break;
		}
		buf_append(&b, p, (size_t)(lt - p));
		if (strncmp(lt, "<!--", 4) == 0) {
			const char *e = strstr(lt + 4, "-->");
			e = e ? e + 3 : lt + strlen(lt);
			buf_append(&b, lt, (size_t)(e - lt));
			p = e;
		} else if (isalpha((unsigned char)lt[1])) {
			const char *e = feed_tag_end(lt);
			text_resolve_tag(&b, lt, e, base);
			p = e;
		} else {
			buf_putc(&b, '<');
			p = lt + 1;
		}
	}
	return buf_steal(&b);
}
