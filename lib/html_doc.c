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
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
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

/* Is s valid UTF-8 without NULs, as utf8_sanitize() would leave it? Most
 * pages are: they need no copy. */
static bool doc_is_clean_utf8(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
	size_t i = 0;

	while (i < n) {
		if (n - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			/* Eight ASCII bytes, none of them NUL. */
			if (!(w & high) && !((w - ones) & ~w & high)) {
				i += 8;
				continue;
			}
		}
		unsigned char c = (unsigned char)s[i];
		if (c == 0)
			return false;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t l;
		if (utf8_decode(s + i, n - i, &l) == 0xFFFD && l == 1)
			return false;
		i += l;
	}
	return true;
}

/* Bytes in any charset -> valid UTF-8 without NULs: html itself when it is
 * that already, else a copy in *owned (caller frees). */
static const char *doc_normalise(const char *html, size_t len, bool sniff, size_t *out_len,
				 char **owned)
{
	const char *cs = NULL;
	char *meta = NULL;
	char *conv = NULL, *res;

	*owned = NULL;

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
	free(meta); /* cs may point into it */
	if (!conv && doc_is_clean_utf8(html, len)) {
		*out_len = len;
		return html;
	}
	res = utf8_sanitize(conv ? conv : html, len);
	free(conv);
	*out_len = strlen(res);
	*owned = res;
	return res;
}

/* Every tag name the analysis asks about, sorted for bsearch(). The lists
 * are Readability's (block, DIV_TO_P_ELEMS, _cleanConditionally's text
 * containers) and ours (never visible: script, style, form controls, ...). */
static const struct doc_tag_info {
	const char *name;
	unsigned char tag, flags;
} doc_tags[] = {
	{"a", HT_A, 0},
	{"address", HT_ADDRESS, HF_BLOCK},
	{"applet", HT_OTHER, HF_INVISIBLE},
	{"article", HT_ARTICLE, HF_BLOCK | HF_P_LIKE},
	{"aside", HT_ASIDE, HF_BLOCK},
	{"audio", HT_OTHER, HF_INVISIBLE},
	{"blockquote", HT_BLOCKQUOTE, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"body", HT_BODY, HF_BLOCK},
	{"br", HT_BR, 0},
	{"button", HT_OTHER, HF_INVISIBLE},
	{"canvas", HT_OTHER, HF_INVISIBLE},
	{"caption", HT_CAPTION, HF_BLOCK},
	{"center", HT_OTHER, HF_BLOCK},
	{"code", HT_CODE, 0},
	{"col", HT_COL, 0},
	{"colgroup", HT_COLGROUP, 0},
	{"datalist", HT_OTHER, HF_INVISIBLE},
	{"dd", HT_DD, HF_BLOCK},
	{"details", HT_OTHER, HF_BLOCK},
	{"dialog", HT_DIALOG, HF_BLOCK},
	{"dir", HT_OTHER, HF_BLOCK},
	{"div", HT_DIV, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"dl", HT_DL, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"dt", HT_DT, HF_BLOCK},
	{"embed", HT_EMBED, HF_INVISIBLE},
	{"fieldset", HT_FIELDSET, HF_BLOCK},
	{"figcaption", HT_FIGCAPTION, HF_BLOCK},
	{"figure", HT_FIGURE, HF_BLOCK},
	{"footer", HT_FOOTER, HF_BLOCK},
	{"form", HT_FORM, HF_BLOCK},
	{"frame", HT_OTHER, HF_INVISIBLE},
	{"frameset", HT_OTHER, HF_INVISIBLE},
	{"h1", HT_H1, HF_BLOCK | HF_HEADING},
	{"h2", HT_H2, HF_BLOCK | HF_HEADING},
	{"h3", HT_OTHER, HF_BLOCK | HF_HEADING},
	{"h4", HT_OTHER, HF_BLOCK | HF_HEADING},
	{"h5", HT_OTHER, HF_BLOCK | HF_HEADING},
	{"h6", HT_OTHER, HF_BLOCK | HF_HEADING},
	{"head", HT_OTHER, HF_INVISIBLE},
	{"header", HT_OTHER, HF_BLOCK},
	{"hgroup", HT_OTHER, HF_BLOCK},
	{"hr", HT_OTHER, HF_BLOCK},
	{"html", HT_HTML, HF_BLOCK},
	{"iframe", HT_IFRAME, HF_INVISIBLE},
	{"img", HT_IMG, HF_P_LIKE | HF_TEXTISH},
	{"input", HT_INPUT, HF_INVISIBLE},
	{"legend", HT_OTHER, HF_BLOCK},
	{"li", HT_LI, HF_BLOCK | HF_TEXTISH},
	{"link", HT_LINK, HF_INVISIBLE},
	{"main", HT_MAIN, HF_BLOCK},
	{"map", HT_OTHER, HF_INVISIBLE},
	{"math", HT_OTHER, HF_INVISIBLE},
	{"menu", HT_OTHER, HF_BLOCK},
	{"meta", HT_META, HF_INVISIBLE},
	{"nav", HT_NAV, HF_BLOCK},
	{"noscript", HT_OTHER, HF_BLOCK | HF_INVISIBLE},
	{"object", HT_OBJECT, HF_INVISIBLE},
	{"ol", HT_OL, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"option", HT_OTHER, HF_INVISIBLE},
	{"p", HT_P, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"picture", HT_OTHER, HF_INVISIBLE},
	{"pre", HT_PRE, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"script", HT_SCRIPT, HF_INVISIBLE},
	{"section", HT_SECTION, HF_BLOCK | HF_P_LIKE},
	{"select", HT_OTHER, HF_INVISIBLE},
	{"source", HT_OTHER, HF_INVISIBLE},
	{"span", HT_SPAN, HF_TEXTISH},
	{"style", HT_STYLE, HF_INVISIBLE},
	{"summary", HT_OTHER, HF_BLOCK},
	{"svg", HT_OTHER, HF_INVISIBLE},
	{"table", HT_TABLE, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"tbody", HT_OTHER, HF_BLOCK},
	{"td", HT_TD, HF_BLOCK | HF_TEXTISH},
	{"template", HT_OTHER, HF_INVISIBLE},
	{"textarea", HT_OTHER, HF_INVISIBLE},
	{"tfoot", HT_TFOOT, HF_BLOCK},
	{"th", HT_TH, HF_BLOCK},
	{"thead", HT_THEAD, HF_BLOCK},
	{"time", HT_TIME, 0},
	{"title", HT_TITLE, HF_INVISIBLE},
	{"tr", HT_TR, HF_BLOCK},
	{"track", HT_OTHER, HF_INVISIBLE},
	{"ul", HT_UL, HF_BLOCK | HF_P_LIKE | HF_TEXTISH},
	{"video", HT_OTHER, HF_INVISIBLE},
};

static int doc_tag_cmp(const void *key, const void *elt)
{
	return strcmp(key, ((const struct doc_tag_info *)elt)->name);
}

unsigned html_tag_lookup(const char *name, unsigned *flags)
{
	const struct doc_tag_info *t = bsearch(name, doc_tags, sizeof(doc_tags) / sizeof(doc_tags[0]),
					      sizeof(doc_tags[0]), doc_tag_cmp);
	if (flags)
		*flags = t ? t->flags : 0;
	return t ? t->tag : HT_OTHER;
}

bool html_is(const xmlNode *n, const char *tag)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       strcmp((const char *)n->name, tag) == 0;
}

bool html_tag_is_block(const char *name)
{
	unsigned f;
	html_tag_lookup(name, &f);
	return f & HF_BLOCK;
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

/* The attributes the analysis reads, found in one pass over an element's
 * attribute list (values as stored, or NULL). */
struct doc_attrs {
	const char *cls, *id, *style, *hidden, *aria_hidden, *role, *rel, *itemprop, *href;
};

static const char *doc_attr_value(const xmlAttr *a)
{
	const xmlNode *c = a->children;
	if (c && c->type == XML_TEXT_NODE && c->content)
		return (const char *)c->content;
	return "";
}

/* The first of each, as html_attr() would find it. */
static void doc_read_attrs(const xmlNode *n, struct doc_attrs *at)
{
	static const struct {
		const char *name;
		size_t off;
	} keys[] = {
		{"class", offsetof(struct doc_attrs, cls)},
		{"id", offsetof(struct doc_attrs, id)},
		{"style", offsetof(struct doc_attrs, style)},
		{"hidden", offsetof(struct doc_attrs, hidden)},
		{"aria-hidden", offsetof(struct doc_attrs, aria_hidden)},
		{"role", offsetof(struct doc_attrs, role)},
		{"rel", offsetof(struct doc_attrs, rel)},
		{"itemprop", offsetof(struct doc_attrs, itemprop)},
		{"href", offsetof(struct doc_attrs, href)},
	};

	memset(at, 0, sizeof(*at));
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (!a->name)
			continue;
		int c0 = tolower(a->name[0]);
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			const char **slot = (const char **)((char *)at + keys[k].off);
			if (c0 == keys[k].name[0] && !*slot &&
			    strcasecmp((const char *)a->name, keys[k].name) == 0) {
				*slot = doc_attr_value(a);
				break;
			}
		}
	}
}

/* Class and id words (Readability's regular expressions, as substrings). */
enum {
	W_UNLIKELY = 1 << 0,
	W_MAYBE = 1 << 1,
	W_POSITIVE = 1 << 2,
	W_NEGATIVE = 1 << 3,
	W_BYLINE = 1 << 4,
	W_SR_ONLY = 1 << 5,
	W_META_BYLINE = 1 << 6,
	W_HID = 1 << 7,   /* "hid" as a whole word */
	W_SHARE = 1 << 8, /* (\b|_)(share|sharedaddy)(\b|_) */
};

static const char *const doc_unlikely[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
	"cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
	"related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
	"sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
	"yom-remote", "cookie", "consent", "newsletter", "caption", "credit", "gallery",
	"slideshow", "carousel", "slidecount", "read-more", "readmore", "tags",
	"author-bio", "authorbio", "navigation", "rollover", "tooltip", "hovercard", NULL};
static const char *const doc_maybe[] = {"and", "article", "body", "column", "content", "main",
					"mathjax", "shadow", NULL};
static const char *const doc_positive[] = {"article", "body", "content", "entry", "hentry",
					   "h-entry", "main", "page", "pagination", "post",
					   "text", "blog", "story", NULL};
static const char *const doc_negative[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
	"masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
	"shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "nav",
	"menu", "cookie", "caption", "credit", "gallery", NULL};
static const char *const doc_byline[] = {"byline", "author", "dateline", "writtenby",
					 "p-author", NULL};
/* Text only for screen readers is not what a reader sees. */
static const char *const doc_sr_only[] = {"sr-only", "off-screen", "offscreen",
					  "visually-hidden", "visuallyhidden",
					  "screen-reader-text", "screenreader", NULL};
static const char *const doc_meta_byline[] = {"byline", "author", NULL};

/* All the words above, grouped by first byte, so that one scan of a class
 * string tests every list at once. Built once, read-only after. */
#define DOC_MAX_WORDS 160
static struct {
	struct doc_word {
		const char *w;
		unsigned short len, bit;
	} v[DOC_MAX_WORDS];
	unsigned short start[257];
	unsigned char pair[256 * 256 / 8]; /* first two bytes of some word */
} doc_words;
static pthread_once_t doc_words_once = PTHREAD_ONCE_INIT;

static unsigned doc_words_pair(const char *s)
{
	return (unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1];
}

static void doc_words_pair_set(const char *w)
{
	unsigned k = doc_words_pair(w);
	doc_words.pair[k / 8] |= (unsigned char)(1u << (k % 8));
}

static void doc_words_init(void)
{
	static const struct {
		const char *const *list;
		unsigned bit;
	} lists[] = {{doc_unlikely, W_UNLIKELY}, {doc_maybe, W_MAYBE},
		     {doc_positive, W_POSITIVE}, {doc_negative, W_NEGATIVE},
		     {doc_byline, W_BYLINE},     {doc_sr_only, W_SR_ONLY},
		     {doc_meta_byline, W_META_BYLINE}};
	size_t n = 0;

	/* Counting sort by first byte. */
	for (unsigned c = 0; c < 256; c++) {
		doc_words.start[c] = (unsigned short)n;
		for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
			for (const char *const *w = lists[l].list; *w; w++)
				if ((unsigned char)(*w)[0] == c && n < DOC_MAX_WORDS)
					doc_words.v[n++] = (struct doc_word){
						*w, (unsigned short)strlen(*w),
						(unsigned short)lists[l].bit};
	}
	doc_words.start[256] = (unsigned short)n;
	for (size_t k = 0; k < n; k++)
		doc_words_pair_set(doc_words.v[k].w);
	doc_words_pair_set("hid");
	doc_words_pair_set("share");
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

/* W_* bits of the words found in s, case-insensitively. */
static unsigned doc_words_in(const char *s)
{
	char stack[256];
	unsigned bits = 0;

	if (!s || !*s)
		return 0;
	size_t n = strlen(s);
	char *low = n < sizeof(stack) ? stack : xmalloc(n + 1);
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	for (size_t p = 0; p < n; p++) {
		unsigned char c = (unsigned char)low[p];
		unsigned pk = doc_words_pair(low + p);
		if (!(doc_words.pair[pk / 8] & (1u << (pk % 8))))
			continue;
		/* Every word has three characters or more; low is NUL-ended. */
		for (unsigned k = doc_words.start[c]; k < doc_words.start[c + 1]; k++) {
			const struct doc_word *w = &doc_words.v[k];
			if (w->w[1] == low[p + 1] && !(bits & w->bit) && w->len <= n - p &&
			    memcmp(low + p, w->w, w->len) == 0 && !doc_spans_camel(s + p, w->len))
				bits |= w->bit;
		}
		if (c == 'h' && low[p + 1] == 'i' && low[p + 2] == 'd' &&
		    (p == 0 || s[p - 1] == ' ') && (s[p + 3] == '\0' || s[p + 3] == ' '))
			bits |= W_HID;
		if (c == 's' && low[p + 1] == 'h' && strncmp(low + p, "share", 5) == 0 &&
		    (p == 0 || !isalnum((unsigned char)s[p - 1]))) {
			size_t e = p + 5;
			if (strncmp(low + e, "daddy", 5) == 0)
				e += 5;
			if (!isalnum((unsigned char)s[e]))
				bits |= W_SHARE;
		}
	}
	if (low != stack)
		free(low);
	return bits;
}

/* Readability's _getClassWeight for one attribute. */
static int doc_weight(unsigned w)
{
	return (w & (W_NEGATIVE | W_HID) ? -25 : 0) + (w & W_POSITIVE ? 25 : 0);
}

/* What class, id, role, rel, itemprop and href say (NM_* bits). */
static void doc_names(struct hnode *h, const struct doc_attrs *at, unsigned cw, unsigned iw)
{
	static const char *const roles[] = {"menu", "menubar", "complementary", "navigation",
					    "alert", "alertdialog", "dialog", NULL};
	unsigned any = cw | iw, nm = 0;

	if (any & W_UNLIKELY)
		nm |= NM_UNLIKELY;
	if (any & W_MAYBE)
		nm |= NM_MAYBE;
	if (any & W_BYLINE)
		nm |= NM_BYLINE;
	if (any & W_SHARE)
		nm |= NM_SHARE;
	if (cw & W_META_BYLINE)
		nm |= NM_META_BYLINE;
	for (int k = 0; at->role && roles[k]; k++)
		if (str_ieq(at->role, roles[k]))
			nm |= NM_ROLE_UNLIKELY;
	if (at->rel && str_ieq(at->rel, "author"))
		nm |= NM_REL_AUTHOR;
	if (at->itemprop && strcasestr(at->itemprop, "author"))
		nm |= NM_ITEMPROP_AUTHOR;
	if (at->href && at->href[0] == '#')
		nm |= NM_HREF_LOCAL;
	h->names = nm;
	h->class_weight = (signed char)(doc_weight(cw) + doc_weight(iw));
}

/* Hidden the way Readability sees it: display:none, visibility:hidden, the
 * hidden attribute, aria-hidden (except images' fallbacks). */
static bool doc_is_hidden(const struct doc_attrs *at, unsigned cw)
{
	const char *v;

	if (at->hidden)
		return true;
	if ((v = at->style)) {
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
	if (cw & W_SR_ONLY)
		return true;
	if ((v = at->aria_hidden) && str_ieq(v, "true")) {
		if (!at->cls || !strstr(at->cls, "fallback-image"))
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
		if (h->tag == HT_BR || (h->tflags & HF_BLOCK))
			buf_putc(b, ' ');
		doc_inner_text_rec(c, b, max);
		if (h->tflags & HF_BLOCK)
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
 * document order: its tag, what its attributes say, the text directly in
 * it; invisible and hidden ones are marked drop. */
static void doc_index(struct html_doc *hd)
{
	xmlNode *root = xmlDocGetRootElement(hd->doc);
	size_t cap = 0, n = 0;

	if (!root)
		return;
	pthread_once(&doc_words_once, doc_words_init);
	/* Enough room for every element, so that hnode pointers stay
	 * stable. */
	cap = html_tree_elements(hd->tree);
	hd->nodes = xcalloc(cap ? cap : 1, sizeof(*hd->nodes));
	hd->order = xcalloc(cap ? cap : 1, sizeof(*hd->order));
	for (xmlNode *c = root; c;) {
		bool descend = false;
		if (c->type == XML_ELEMENT_NODE) {
			struct hnode *ph = c == root ? NULL : html_hnode(c->parent);
			unsigned depth = ph ? ph->depth + 1 : 0;
			if (depth <= HTML_MAX_DEPTH && n < cap) {
				struct hnode *h = &hd->nodes[n];
				struct doc_attrs at;
				unsigned tf = 0;
				h->parent = ph;
				h->depth = depth;
				if (c->extra) {
					h->tag = (unsigned char)(c->extra - 1);
					tf = c->line;
				} else {
					h->tag = (unsigned char)html_tag_lookup((const char *)c->name, &tf);
				}
				h->tflags = (unsigned char)tf;
				doc_read_attrs(c, &at);
				unsigned cw = doc_words_in(at.cls), iw = doc_words_in(at.id);
				doc_names(h, &at, cw, iw);
				h->drop = (tf & HF_INVISIBLE) || doc_is_hidden(&at, cw);
				c->_private = h;
				hd->order[n++] = c;
				descend = !h->drop;
				for (xmlNode *t = c->children; descend && t; t = t->next)
					if ((t->type == XML_TEXT_NODE ||
					     t->type == XML_CDATA_SECTION_NODE) &&
					    t->content)
						doc_text_count((const char *)t->content, &h->own_text,
							       &h->own_commas);
			}
		}
		c = html_walk_next(c, root, descend);
	}
	hd->n_nodes = n;
}

/* Bottom-up text statistics: in reverse document order an element comes
 * after all its descendants, which have added their counts to it. Only the
 * side table is touched, not the tree. */
void html_doc_stats(struct html_doc *hd)
{
	for (size_t i = 0; i < hd->n_nodes; i++) {
		struct hnode *h = &hd->nodes[i];
		h->text_len = h->own_text;
		h->commas = h->own_commas;
		h->link_len = 0;
		h->block_desc = false;
	}
	for (size_t i = hd->n_nodes; i-- > 0;) {
		struct hnode *h = &hd->nodes[i], *p = h->parent;
		if (h->drop || h->removed) {
			h->text_len = h->link_len = h->commas = 0;
			h->block_desc = false;
			continue;
		}
		if (h->tag == HT_A) {
			/* In-page links weigh less (Readability's 0.3). */
			if (h->names & NM_HREF_LOCAL)
				h->link_len = h->text_len * 3 / 10;
			else
				h->link_len = h->text_len;
		}
		if (p) {
			p->text_len += h->text_len;
			p->link_len += h->link_len;
			p->commas += h->commas;
			if (h->block_desc || (h->tflags & HF_P_LIKE))
				p->block_desc = true;
		}
	}
}

int html_doc_parse(struct html_doc *hd, const char *html, size_t len, bool fragment)
{
	size_t n;
	const char *clean;
	char *owned;

	memset(hd, 0, sizeof(*hd));
	if (!html)
		return -1;
	if (len > HTML_MAX_INPUT)
		len = HTML_MAX_INPUT;
	clean = doc_normalise(html, len, !fragment, &n, &owned);
	/* We converted to UTF-8 ourselves: a contradicting <meta> must not
	 * switch the decoder (html_tree.c parses with HTML_PARSE_IGNORE_ENC).
	 * libxml2's own hard limits would abandon a page at its first text
	 * node over 10 MB; HTML_MAX_INPUT bounds memory instead. */
	hd->doc = html_tree_parse(clean, n, &hd->tree);
	free(owned);
	if (!hd->doc)
		return -1;
	doc_index(hd);
	html_doc_stats(hd);
	return 0;
}

void html_doc_free(struct html_doc *hd)
{
	html_tree_free(hd->tree);
	free(hd->nodes);
	free(hd->order);
	memset(hd, 0, sizeof(*hd));
}
