/* Parsing an HTML page into a libxml2 tree we can trust: the charset is
 * sniffed and converted here (so libxml2 never meets invalid input and never
 * complains on stderr), and every element gets a side-table entry with the
 * statistics the scorer needs. Plus the small tree helpers the other
 * html_*.c files share. */
#include "html_int.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

/* The charset named in a <meta> within the first bytes, as browsers look
 * for it (a "charset" token followed by '=' inside a meta tag), or NULL. */
static char *doc_sniff_meta_charset(const char *s, size_t len)
{
	size_t lim = len < 8192 ? len : 8192;
	const char *end = s + lim;
	const char *p = s;

	while (p < end) {
		const char *m = memchr(p, '<', (size_t)(end - p));
		if (!m || end - m < 6)
			break;
		p = m + 1;
		if (strncasecmp(p, "meta", 4) != 0)
			continue;
		const char *gt = memchr(p, '>', (size_t)(end - p));
		const char *tend = gt ? gt : end;
		for (const char *q = p; q + 7 < tend; q++) {
			if (strncasecmp(q, "charset", 7) != 0)
				continue;
			q += 7;
			while (q < tend && isspace((unsigned char)*q))
				q++;
			if (q >= tend || *q != '=')
				continue;
			q++;
			while (q < tend && (isspace((unsigned char)*q) || *q == '"' || *q == '\''))
				q++;
			const char *v = q;
			while (q < tend && (isalnum((unsigned char)*q) || strchr("-_.:", *q)))
				q++;
			if (q > v && q - v < 40)
				return xstrndup(v, (size_t)(q - v));
		}
	}
	return NULL;
}

/* Map a declared charset to what we hand iconv, following the WHATWG rule
 * that Latin-1 and ASCII labels mean windows-1252. NULL means UTF-8. */
static const char *doc_charset_alias(const char *cs)
{
	static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1", "latin-1",
					     "us-ascii", "ascii", "iso_8859-1", "l1", NULL};
	if (!cs || !*cs || str_ieq(cs, "utf-8") || str_ieq(cs, "utf8") ||
	    str_ieq(cs, "unicode-1-1-utf-8"))
		return NULL;
	/* A UTF-16 label in an ASCII-compatible meta cannot be true. */
	if (strncasecmp(cs, "utf-16", 6) == 0 || strncasecmp(cs, "utf16", 5) == 0)
		return NULL;
	for (int i = 0; latin1[i]; i++)
		if (str_ieq(cs, latin1[i]))
			return "WINDOWS-1252";
	return cs;
}

/* Convert s from charset cs to UTF-8; bytes iconv rejects become U+FFFD.
 * Returns NULL when iconv does not know the charset. */
static char *doc_to_utf8(const char *s, size_t len, const char *cs, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1)
		return NULL;
	struct buf b = {0};
	char tmp[4096];
	char *in = (char *)s;
	size_t left = len;

	while (left > 0) {
		char *o = tmp;
		size_t ol = sizeof(tmp);
		size_t r = iconv(cd, &in, &left, &o, &ol);
		buf_append(&b, tmp, (size_t)(o - tmp));
		if (r == (size_t)-1) {
			if (errno == E2BIG)
				continue;
			/* EILSEQ or a truncated sequence at the end. */
			buf_put_utf8(&b, 0xFFFD);
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	*out_len = b.len;
	return buf_steal(&b);
}

/* Bytes in any charset -> valid UTF-8 without NULs (caller frees). */
static char *doc_normalise(const char *html, size_t len, bool sniff, size_t *out_len)
{
	const char *cs = NULL;
	char *meta = NULL;
	char *conv = NULL, *res;

	if (len >= 3 && memcmp(html, "\xEF\xBB\xBF", 3) == 0) {
		html += 3, len -= 3;
	} else if (len >= 2 && memcmp(html, "\xFF\xFE", 2) == 0) {
		html += 2, len -= 2, cs = "UTF-16LE";
	} else if (len >= 2 && memcmp(html, "\xFE\xFF", 2) == 0) {
		html += 2, len -= 2, cs = "UTF-16BE";
	} else if (sniff) {
		meta = doc_sniff_meta_charset(html, len);
		cs = doc_charset_alias(meta);
	}
	if (cs)
		conv = doc_to_utf8(html, len, cs, &len);
	res = utf8_sanitize(conv ? conv : html, len);
	free(conv);
	free(meta);
	*out_len = strlen(res);
	return res;
}

/* Elements that never show text to a reader. */
bool html_is_invisible_tag(const xmlNode *n)
{
	static const char *const tags[] = {
		"script", "style", "noscript", "template", "iframe", "svg", "math", "object",
		"embed", "canvas", "select", "textarea", "input", "button", "option", "head",
		"title", "link", "meta", "audio", "video", "map", "datalist", "source",
		"track", "picture", "frameset", "frame", "applet", NULL};
	for (int i = 0; tags[i]; i++)
		if (html_is(n, tags[i]))
			return true;
	return false;
}

bool html_is(const xmlNode *n, const char *tag)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       strcmp((const char *)n->name, tag) == 0;
}

/* Readability's DIV_TO_P_ELEMS: a div holding none of these is a paragraph. */
bool html_is_p_like(const xmlNode *n)
{
	static const char *const tags[] = {"blockquote", "dl", "div", "img", "ol", "p",
					   "pre", "table", "ul", "section", "article", NULL};
	for (int i = 0; tags[i]; i++)
		if (html_is(n, tags[i]))
			return true;
	return false;
}

bool html_is_heading(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == 'h' &&
	       n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0';
}

bool html_tag_is_block(const char *name)
{
	static const char *const tags[] = {
		"p", "div", "li", "blockquote", "pre", "section", "article", "main", "header",
		"footer", "aside", "nav", "ul", "ol", "dl", "dt", "dd", "table", "tbody",
		"thead", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption",
		"address", "hr", "body", "html", "center", "details", "summary", "dialog",
		"fieldset", "legend", "form", "hgroup", "menu", "dir", "noscript", NULL};
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
		return true;
	for (int i = 0; tags[i]; i++)
		if (strcmp(name, tags[i]) == 0)
			return true;
	return false;
}

bool html_is_block(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       html_tag_is_block((const char *)n->name);
}

const char *html_attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (a->name && strcasecmp((const char *)a->name, name) == 0) {
			const xmlNode *c = a->children;
			if (c && c->type == XML_TEXT_NODE && c->content)
				return (const char *)c->content;
			return "";
		}
	}
	return NULL;
}

/* Hidden the way Readability sees it: display:none, visibility:hidden, the
 * hidden attribute, aria-hidden (except images' fallbacks). */
bool html_is_hidden(const xmlNode *n)
{
	const char *v;

	if (html_attr(n, "hidden"))
		return true;
	if ((v = html_attr(n, "style"))) {
		char tmp[256];
		size_t j = 0;
		for (size_t i = 0; v[i] && j + 1 < sizeof(tmp); i++)
			if (!isspace((unsigned char)v[i]))
				tmp[j++] = (char)tolower((unsigned char)v[i]);
		tmp[j] = '\0';
		if (strstr(tmp, "display:none") || strstr(tmp, "visibility:hidden"))
			return true;
		/* Moved off screen: "left:-9999px" hides text from readers. */
		for (const char *p = tmp; (p = strstr(p, ":-")); p += 2)
			if ((p - tmp >= 4 && (strncmp(p - 4, "left", 4) == 0 ||
					      strncmp(p - 3, "top", 3) == 0)) &&
			    strspn(p + 2, "0123456789") >= 4)
				return true;
	}
	/* Text only for screen readers is not what a reader sees. */
	static const char *const sr_only[] = {"sr-only", "off-screen", "offscreen",
					      "visually-hidden", "visuallyhidden",
					      "screen-reader-text", "screenreader", NULL};
	if (html_match_any(html_attr(n, "class"), sr_only))
		return true;
	if ((v = html_attr(n, "aria-hidden")) && str_ieq(v, "true")) {
		const char *cls = html_attr(n, "class");
		if (!cls || !strstr(cls, "fallback-image"))
			return true;
	}
	return false;
}

/* A match that spans a camelCase boundary ("pageRow" for "pager") is two
 * words run together, not the word we look for. */
static bool doc_spans_camel(const char *m, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (islower((unsigned char)m[i - 1]) && isupper((unsigned char)m[i]))
			return true;
	return false;
}

bool html_match_any(const char *s, const char *const *words)
{
	if (!s || !*s)
		return false;
	for (int i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		for (const char *p = s; (p = strcasestr(p, words[i])); p++)
			if (!doc_spans_camel(p, n))
				return true;
	}
	return false;
}

void html_squeeze(char *s)
{
	char *w = s;
	bool space = false;

	for (char *r = s; *r;) {
		bool ws = isspace((unsigned char)*r);
		size_t n = 1;
		if (!ws && (unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0)
			ws = true, n = 2;
		if (ws) {
			space = w != s;
			r += n;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *r++;
	}
	*w = '\0';
}

xmlNode *html_walk_next(xmlNode *n, const xmlNode *root, bool descend)
{
	if (descend && n->children)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* Visible characters (white space runs count one) and commas of a string. */
static void doc_text_count(const char *s, size_t *chars, size_t *commas)
{
	bool space = true;
	size_t c = 0, k = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isspace(*p)) {
			if (!space)
				c++;
			space = true;
			continue;
		}
		space = false;
		if ((*p & 0xC0) != 0x80)
			c++;
		if (*p == ',')
			k++;
		/* U+FF0C FULLWIDTH COMMA */
		else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
			k++;
	}
	*chars += c;
	*commas += k;
}

static void doc_inner_text_rec(const xmlNode *n, struct buf *b, size_t max)
{
	for (const xmlNode *c = n->children; c && b->len < max; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content) {
				size_t l = strlen((const char *)c->content);
				buf_append(b, (const char *)c->content, l < max - b->len ? l : max - b->len);
			}
			continue;
		}
		const struct hnode *h = html_hnode(c);
		if (!h || h->drop || h->removed)
			continue;
		if (html_is(c, "br") || html_is_block(c))
			buf_putc(b, ' ');
		doc_inner_text_rec(c, b, max);
		if (html_is_block(c))
			buf_putc(b, ' ');
	}
}

/* Recursion is bounded: elements below HTML_MAX_DEPTH have no hnode. */
char *html_inner_text(const xmlNode *n, size_t max)
{
	struct buf b = {0};
	buf_append(&b, "", 0);
	doc_inner_text_rec(n, &b, max);
	char *s = buf_steal(&b);
	html_squeeze(s);
	return s;
}

double html_link_density(const xmlNode *n)
{
	const struct hnode *h = html_hnode(n);
	if (!h || h->text_len == 0)
		return 0;
	return (double)h->link_len / (double)h->text_len;
}

/* Assign every element reachable within the depth cap an hnode, in
 * document order; invisible and hidden ones are marked drop. */
static void doc_index(struct html_doc *hd)
{
	xmlNode *root = xmlDocGetRootElement(hd->doc);
	size_t cap = 0, n = 0;

	if (!root)
		return;
	/* First count, so that hnode pointers stay stable. */
	for (xmlNode *c = root; c; c = html_walk_next(c, root, true))
		if (c->type == XML_ELEMENT_NODE)
			cap++;
	hd->nodes = xcalloc(cap ? cap : 1, sizeof(*hd->nodes));
	hd->order = xcalloc(cap ? cap : 1, sizeof(*hd->order));
	for (xmlNode *c = root; c;) {
		bool descend = false;
		if (c->type == XML_ELEMENT_NODE) {
			const struct hnode *ph = c == root ? NULL : html_hnode(c->parent);
			unsigned depth = ph ? ph->depth + 1 : 0;
			if (depth <= HTML_MAX_DEPTH && n < cap) {
				struct hnode *h = &hd->nodes[n];
				h->depth = depth;
				h->drop = html_is_invisible_tag(c) || html_is_hidden(c);
				c->_private = h;
				hd->order[n++] = c;
				descend = !h->drop;
			}
		}
		c = html_walk_next(c, root, descend);
	}
	hd->n_nodes = n;
}

/* Bottom-up text statistics: reverse document order visits children first. */
void html_doc_stats(struct html_doc *hd)
{
	for (size_t i = hd->n_nodes; i-- > 0;) {
		xmlNode *e = hd->order[i];
		struct hnode *h = html_hnode(e);
		h->text_len = h->link_len = h->commas = 0;
		h->block_desc = false;
		if (h->drop || h->removed)
			continue;
		for (xmlNode *c = e->children; c; c = c->next) {
			if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
				if (c->content)
					doc_text_count((const char *)c->content, &h->text_len,
						       &h->commas);
				continue;
			}
			const struct hnode *ch = html_hnode(c);
			if (!ch || ch->drop || ch->removed)
				continue;
			h->text_len += ch->text_len;
			h->link_len += ch->link_len;
			h->commas += ch->commas;
			if (ch->block_desc || html_is_p_like(c))
				h->block_desc = true;
		}
		if (html_is(e, "a")) {
			const char *href = html_attr(e, "href");
			/* In-page links weigh less (Readability's 0.3). */
			if (href && href[0] == '#')
				h->link_len = h->text_len * 3 / 10;
			else
				h->link_len = h->text_len;
		}
	}
}

int html_doc_parse(struct html_doc *hd, const char *html, size_t len, bool fragment)
{
	size_t n;
	char *clean;

	memset(hd, 0, sizeof(*hd));
	if (!html)
		return -1;
	if (len > HTML_MAX_INPUT)
		len = HTML_MAX_INPUT;
	clean = doc_normalise(html, len, !fragment, &n);
	/* We converted to UTF-8 ourselves: a contradicting <meta> must not
	 * switch the decoder (HTML_PARSE_IGNORE_ENC). libxml2's own hard
	 * limits would abandon a page at its first text node over 10 MB;
	 * HTML_MAX_INPUT bounds memory instead (XML_PARSE_HUGE). */
	hd->doc = htmlReadMemory(clean, (int)n, NULL, "UTF-8",
				 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					 HTML_PARSE_NONET | HTML_PARSE_COMPACT |
					 HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
	free(clean);
	if (!hd->doc)
		return -1;
	doc_index(hd);
	html_doc_stats(hd);
	return 0;
}

void html_doc_free(struct html_doc *hd)
{
	if (hd->doc)
		xmlFreeDoc(hd->doc);
	free(hd->nodes);
	free(hd->order);
	memset(hd, 0, sizeof(*hd));
}
