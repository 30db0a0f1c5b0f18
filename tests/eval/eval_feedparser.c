/* Evaluate the feed parser on the fixtures of Python's feedparser
 * (../shared/eval/feeds/feedparser). Each fixture states, in a comment, a
 * Python expression over feedparser's result ("Expect:"). We translate the
 * parts about fields we keep (title, link, id/guid, author, summary,
 * content, dates, entry count, format) into checks on our parse; anything
 * else makes the fixture not applicable.
 *
 * Every fixture is parsed in a child process under a time limit, so a hang
 * or a crash is reported, not fatal to the run.
 *
 * Usage: eval_feedparser --shared DIR --baseline FILE [-v] */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "quoted/feed.h"
#include "quoted/util.h"
#include "quoted/xmlsafe.h"

#define EVAL_TIMEOUT_S 10
#define DOC_URL_PREFIX "http://127.0.0.1:8097/tests/"

enum verdict { V_PASS = 0, V_FAIL = 1, V_NA = 2 };

/* ---- values of the little expression language ------------------------ */

enum vkind {
	K_NA,	 /* we cannot translate this */
	K_IGN,	 /* "bozo": ignored; vanishes in and/or */
	K_NONE,	 /* Python None, or a field we do not have */
	K_BOOL,
	K_NUM,
	K_STR,
	K_TUPLE,
	K_OBJ,
};

/* What a string from our parse is, to pick the comparison. */
enum field {
	F_LIT = 0,
	F_TITLE,
	F_LINK,
	F_ID,
	F_HTML, /* summary, content */
	F_AUTHOR,
	F_AUTHOR_RAW, /* feedparser's "author": may carry an e-mail */
	F_VERSION,
	F_PLAIN,
};

enum obj {
	O_FEED,
	O_ENTRIES,
	O_ENTRY,
	O_LIST,	  /* entries[i]['content'] / ['authors'] */
	O_DETAIL, /* *_detail dictionaries and list members */
};

struct val {
	enum vkind k;
	bool b;
	double n;
	const char *s;
	enum field field;
	struct val *t; /* tuple members */
	size_t nt;
	enum obj obj;
	int idx;	   /* entry index */
	enum field of;	   /* for O_LIST / O_DETAIL: which field */
	const char *which; /* for O_DETAIL: "title", "summary", "content", "author" */
};

static struct val mk(enum vkind k)
{
	return (struct val){.k = k};
}

static struct val mk_bool(bool b)
{
	struct val v = mk(K_BOOL);
	v.b = b;
	return v;
}

static struct val mk_str(const char *s, enum field f)
{
	if (!s)
		return mk(K_NONE);
	struct val v = mk(K_STR);
	v.s = s;
	v.field = f;
	return v;
}

/* ---- evaluation context (one fixture) -------------------------------- */

struct ctx {
	const struct feed *f;
	int rc;
	const char *p; /* expression cursor */
	bool bad;      /* syntax we do not understand */
	bool touched;  /* the expression read a field we keep */
};

static void skip_ws(struct ctx *c)
{
	while (isspace((unsigned char)*c->p))
		c->p++;
}

static bool accept(struct ctx *c, const char *tok)
{
	skip_ws(c);
	size_t n = strlen(tok);
	if (strncmp(c->p, tok, n) != 0)
		return false;
	if (isalpha((unsigned char)tok[0]) && (isalnum((unsigned char)c->p[n]) || c->p[n] == '_'))
		return false;
	c->p += n;
	return true;
}

static char *ident(struct ctx *c)
{
	skip_ws(c);
	const char *s = c->p;
	while (isalnum((unsigned char)*c->p) || *c->p == '_')
		c->p++;
	return c->p > s ? xstrndup(s, (size_t)(c->p - s)) : NULL;
}

static unsigned hexval(const char *s, int n, bool *ok)
{
	unsigned v = 0;
	for (int i = 0; i < n; i++) {
		int ch = (unsigned char)s[i];
		if (!isxdigit(ch)) {
			*ok = false;
			return 0;
		}
		v = v * 16 + (unsigned)(isdigit(ch) ? ch - '0' : tolower(ch) - 'a' + 10);
	}
	return v;
}

/* A Python string literal (u/b/r prefixes, ''' and """ too) -> UTF-8. */
static bool string_lit(struct ctx *c, struct val *out)
{
	skip_ws(c);
	const char *p = c->p;
	bool raw = false;
	while (*p == 'u' || *p == 'U' || *p == 'b' || *p == 'r' || *p == 'R') {
		raw = raw || *p == 'r' || *p == 'R';
		p++;
	}
	if (*p != '\'' && *p != '"')
		return false;
	char q = *p;
	bool triple = p[1] == q && p[2] == q;
	p += triple ? 3 : 1;
	struct buf b = {0};
	buf_append(&b, "", 0);
	for (;;) {
		if (!*p) {
			c->bad = true;
			break;
		}
		if (*p == q && (!triple || (p[1] == q && p[2] == q))) {
			p += triple ? 3 : 1;
			break;
		}
		if (*p == '\\' && !raw && p[1]) {
			bool ok = true;
			p++;
			switch (*p) {
			case 'n': buf_putc(&b, '\n'); p++; break;
			case 't': buf_putc(&b, '\t'); p++; break;
			case 'r': buf_putc(&b, '\r'); p++; break;
			case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
				unsigned v = 0;
				for (int i = 0; i < 3 && *p >= '0' && *p <= '7'; i++)
					v = v * 8 + (unsigned)(*p++ - '0');
				buf_put_utf8(&b, v);
				break;
			}
			case 'x': buf_put_utf8(&b, hexval(p + 1, 2, &ok)); p += 3; break;
			case 'u': buf_put_utf8(&b, hexval(p + 1, 4, &ok)); p += 5; break;
			case 'U': buf_put_utf8(&b, hexval(p + 1, 8, &ok)); p += 9; break;
			case '\n': p++; break;
			default: buf_putc(&b, *p++); break; /* \\ \' \" and unknown */
			}
			if (!ok) {
				c->bad = true;
				break;
			}
			continue;
		}
		buf_putc(&b, *p++);
	}
	c->p = p;
	*out = mk_str(buf_steal(&b), F_LIT);
	return true;
}

/* ---- comparisons ------------------------------------------------------ */

static void put_entity(struct buf *b, const char *name, size_t n)
{
	char tmp[32];
	unsigned cp = 0;
	if (n < sizeof tmp) {
		memcpy(tmp, name, n);
		tmp[n] = '\0';
		if (!strcmp(tmp, "apos")) {
			cp = '\'';
		} else {
			const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)tmp);
			cp = e ? e->value : 0;
		}
	}
	if (cp) {
		buf_put_utf8(b, cp);
	} else {
		buf_putc(b, '&');
		buf_append(b, name, n);
		buf_putc(b, ';');
	}
}

/* Decode character references and entities at s (after '&'); returns the
 * bytes consumed, 0 if it is a bare '&'. */
static size_t decode_ref(struct buf *b, const char *s)
{
	size_t n = 0;
	if (s[0] == '#') {
		unsigned long v;
		char *end;
		if (s[1] == 'x' || s[1] == 'X')
			v = strtoul(s + 2, &end, 16);
		else
			v = strtoul(s + 1, &end, 10);
		if (end == s + 1 || end == s + 2 || *end != ';')
			return 0;
		buf_put_utf8(b, v > 0 && v <= 0x10FFFF ? (uint32_t)v : 0xFFFD);
		return (size_t)(end - s) + 1;
	}
	while (isalnum((unsigned char)s[n]))
		n++;
	if (!n || s[n] != ';')
		return 0;
	put_entity(b, s, n);
	return n + 1;
}

static void squeeze_into(struct buf *out, struct buf *text)
{
	if (!text->len)
		return;
	str_squeeze_space(text->data);
	if (out->len && text->data[0])
		buf_putc(out, ' ');
	buf_puts(out, text->data);
	buf_reset(text);
}

/* Canonical form of an HTML fragment: tags lower-cased with attributes
 * sorted, "<br/>" == "<br>", comments dropped, references decoded, white
 * space squeezed. Two fragments that carry the same markup and text compare
 * equal; a relative URL that one side resolved does not. */
static char *html_canon(const char *s, bool tags)
{
	struct buf out = {0}, text = {0};
	buf_append(&out, "", 0);
	while (*s) {
		if (*s == '<' && !strncmp(s, "<!--", 4)) {
			const char *e = strstr(s, "-->");
			s = e ? e + 3 : s + strlen(s);
		} else if (*s == '<' && (isalpha((unsigned char)s[1]) || s[1] == '/')) {
			const char *e = strchr(s, '>');
			if (!e)
				e = s + strlen(s) - 1;
			squeeze_into(&out, &text);
			if (tags) {
				/* name and attributes */
				const char *p = s + 1;
				char *attrs[64];
				int na = 0;
				struct buf tag = {0};
				buf_putc(&tag, '<');
				if (*p == '/')
					buf_putc(&tag, *p++);
				size_t name_at = tag.len;
				while (p < e && !isspace((unsigned char)*p) && *p != '/') {
					if (*p == ':') {
						/* "svg:circle" is "circle" in its namespace */
						tag.len = name_at;
						p++;
						continue;
					}
					buf_putc(&tag, (char)tolower((unsigned char)*p++));
				}
				while (p < e && na < 64) {
					while (p < e && (isspace((unsigned char)*p) || *p == '/'))
						p++;
					if (p >= e)
						break;
					struct buf a = {0};
					while (p < e && !isspace((unsigned char)*p) && *p != '=' && *p != '/')
						buf_putc(&a, (char)tolower((unsigned char)*p++));
					buf_puts(&a, "=\"");
					if (p < e && *p == '=') {
						p++;
						char qc = (*p == '"' || *p == '\'') ? *p++ : 0;
						while (p < e && (qc ? *p != qc : !isspace((unsigned char)*p))) {
							size_t n = 0;
							if (*p == '&')
								n = decode_ref(&a, p + 1);
							if (n) {
								p += n + 1;
							} else {
								buf_putc(&a, *p++);
							}
						}
						if (qc && p < e)
							p++;
					}
					buf_putc(&a, '"');
					if (str_has_prefix(a.data, "xmlns")) {
						/* declarations are not content */
						buf_free(&a);
						continue;
					}
					attrs[na++] = buf_steal(&a);
				}
				for (int i = 1; i < na; i++)
					for (int j = i; j > 0 && strcmp(attrs[j - 1], attrs[j]) > 0; j--) {
						char *t = attrs[j];
						attrs[j] = attrs[j - 1];
						attrs[j - 1] = t;
					}
				for (int i = 0; i < na; i++) {
					buf_putc(&tag, ' ');
					buf_puts(&tag, attrs[i]);
				}
				buf_putc(&tag, '>');
				/* End tags carry nothing once start tags are in order
				 * (and "<x/>" == "<x></x>" == "<x>"): drop them. */
				if (tag.data[1] != '/')
					buf_puts(&out, tag.data);
				buf_free(&tag);
			}
			s = e + 1;
		} else if (*s == '&') {
			size_t n = decode_ref(&text, s + 1);
			if (n)
				s += n + 1;
			else
				buf_putc(&text, *s++);
		} else {
			buf_putc(&text, *s++);
		}
	}
	squeeze_into(&out, &text);
	return buf_steal(&out);
}

/* "me@example.com (Jane Doe)" -> "Jane Doe": our author is the name. */
static char *author_name(const char *s)
{
	const char *open = strchr(s, '('), *close = open ? strrchr(s, ')') : NULL;
	if (open && close && close > open && strchr(s, '@')) {
		if (strchr(s, '@') < open)
			return xstrndup(open + 1, (size_t)(close - open - 1));
		return xstrndup(s, (size_t)(open - s));
	}
	return xstrdup(s);
}

static int format_of_version(const char *v)
{
	if (!*v)
		return FEED_UNKNOWN;
	if (!strcmp(v, "rss090") || !strcmp(v, "rss10"))
		return FEED_RDF;
	if (str_has_prefix(v, "rss"))
		return FEED_RSS;
	if (str_has_prefix(v, "atom"))
		return FEED_ATOM;
	if (str_has_prefix(v, "json"))
		return FEED_JSON;
	return -1;
}

/* Compare one of our strings (field f) with feedparser's expected string. */
static bool str_match(const char *ours, const char *want, enum field f)
{
	char *a, *b;
	bool eq;
	switch (f) {
	case F_TITLE:
		/* ours is plain text; feedparser's is plain or HTML: either
		 * reading of it may match */
		a = xstrdup(ours);
		b = xstrdup(want);
		str_squeeze_space(a);
		str_squeeze_space(b);
		if (strcmp(a, b) != 0) {
			free(b);
			b = html_canon(want, false);
		}
		break;
	case F_HTML:
		a = html_canon(ours, true);
		b = html_canon(want, true);
		break;
	case F_AUTHOR_RAW:
		a = xstrdup(ours);
		b = author_name(want);
		str_squeeze_space(a);
		str_squeeze_space(b);
		break;
	case F_VERSION:
		return format_of_version(want) == atoi(ours);
	default:
		a = xstrdup(ours);
		b = xstrdup(want);
		str_squeeze_space(a);
		str_squeeze_space(b);
		break;
	}
	eq = strcmp(a, b) == 0;
	free(a);
	free(b);
	return eq;
}

static struct val cmp_eq(struct val a, struct val b)
{
	if (a.k == K_NA || b.k == K_NA || a.k == K_IGN || b.k == K_IGN || a.k == K_OBJ ||
	    b.k == K_OBJ)
		return mk(K_NA);
	if (a.k == K_STR && b.k == K_STR) {
		if (a.field == F_LIT && b.field == F_LIT)
			return mk_bool(strcmp(a.s, b.s) == 0);
		if (a.field == F_LIT)
			return mk_bool(str_match(b.s, a.s, b.field));
		return mk_bool(str_match(a.s, b.s, a.field));
	}
	if (a.k == K_TUPLE && b.k == K_TUPLE) {
		if (a.nt != b.nt)
			return mk_bool(false);
		for (size_t i = 0; i < a.nt; i++) {
			struct val r = cmp_eq(a.t[i], b.t[i]);
			if (r.k != K_BOOL || !r.b)
				return r;
		}
		return mk_bool(true);
	}
	if (a.k == K_NUM && b.k == K_NUM)
		return mk_bool(a.n == b.n);
	if (a.k == K_BOOL && b.k == K_BOOL)
		return mk_bool(a.b == b.b);
	if (a.k == K_NONE || b.k == K_NONE)
		return mk_bool(a.k == b.k);
	return mk_bool(false);
}

static struct val truth(struct val v)
{
	switch (v.k) {
	case K_NONE: return mk_bool(false);
	case K_BOOL: return v;
	case K_NUM: return mk_bool(v.n != 0);
	case K_STR: return mk_bool(*v.s != '\0');
	case K_TUPLE: return mk_bool(v.nt != 0);
	default: return v.k == K_IGN ? v : mk(K_NA);
	}
}

/* ---- the feedparser result, mapped onto our struct feed ---------------- */

static struct val date_tuple(int64_t t)
{
	if (!t)
		return mk(K_NONE);
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	int parts[9] = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1, 0};
	struct val v = mk(K_TUPLE);
	v.t = xcalloc(9, sizeof *v.t);
	v.nt = 9;
	for (int i = 0; i < 9; i++) {
		v.t[i] = mk(K_NUM);
		v.t[i].n = parts[i];
	}
	return v;
}

static struct val obj(enum obj o, int idx, enum field of, const char *which)
{
	struct val v = mk(K_OBJ);
	v.obj = o;
	v.idx = idx;
	v.of = of;
	v.which = which;
	return v;
}

static const struct feed_item *entry(struct ctx *c, int idx)
{
	return idx >= 0 && (size_t)idx < c->f->n_items ? &c->f->items[idx] : NULL;
}

static const char *detail_value(struct ctx *c, struct val d)
{
	const struct feed_item *it = entry(c, d.idx);
	if (d.idx < 0)
		return c->f->title; /* only feed title_detail exists */
	if (!it)
		return NULL;
	if (!strcmp(d.which, "title"))
		return it->title;
	if (!strcmp(d.which, "summary"))
		return it->summary;
	if (!strcmp(d.which, "content"))
		return it->content;
	return it->author;
}

/* obj[key] or obj.key; NA for keys we do not keep. */
static struct val lookup(struct ctx *c, struct val o, struct val key)
{
	if (o.k != K_OBJ)
		return mk(K_NA);
	if (o.obj == O_ENTRIES || o.obj == O_LIST) {
		if (key.k != K_NUM)
			return mk(K_NA);
		int i = (int)key.n;
		if (o.obj == O_ENTRIES) {
			if (i < 0)
				i += (int)c->f->n_items;
			return obj(O_ENTRY, i, F_LIT, NULL);
		}
		if (i != 0 && i != -1)
			return mk(K_NONE);
		return obj(O_DETAIL, o.idx, o.of, o.which);
	}
	if (key.k != K_STR)
		return mk(K_NA);
	const char *k = key.s;
	if (o.obj == O_FEED) {
		if (!strcmp(k, "title"))
			return c->touched = true, mk_str(c->f->title, F_TITLE);
		if (!strcmp(k, "title_detail"))
			return obj(O_DETAIL, -1, F_TITLE, "title");
		if (!strcmp(k, "link"))
			return c->touched = true, mk_str(c->f->link, F_LINK);
		return mk(K_NA);
	}
	if (o.obj == O_DETAIL) {
		bool text = strcmp(o.which, "author") != 0;
		if ((text && !strcmp(k, "value")) || (!text && !strcmp(k, "name"))) {
			c->touched = true;
			return mk_str(detail_value(c, o), o.of);
		}
		return mk(K_NA);
	}
	/* O_ENTRY */
	static const struct {
		const char *key;
		enum field f;
		const char *which;
		int kind; /* 0 string, 1 detail, 2 list, 3 date */
	} map[] = {
		{"title", F_TITLE, "title", 0},	      {"title_detail", F_TITLE, "title", 1},
		{"link", F_LINK, "link", 0},	      {"id", F_ID, "guid", 0},
		{"guid", F_ID, "guid", 0},	      {"summary", F_HTML, "summary", 0},
		{"description", F_HTML, "summary", 0}, {"summary_detail", F_HTML, "summary", 1},
		{"content", F_HTML, "content", 2},    {"author", F_AUTHOR_RAW, "author", 0},
		{"author_detail", F_AUTHOR, "author", 1}, {"authors", F_AUTHOR, "author", 2},
		{"published_parsed", F_LIT, "published", 3}, {"updated_parsed", F_LIT, "updated", 3},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (strcmp(map[i].key, k))
			continue;
		const struct feed_item *it = entry(c, o.idx);
		c->touched = true;
		if (!it)
			return mk(K_NONE);
		if (map[i].kind == 1)
			return obj(O_DETAIL, o.idx, map[i].f, map[i].which);
		if (map[i].kind == 2)
			return obj(O_LIST, o.idx, map[i].f, map[i].which);
		if (map[i].kind == 3) {
			if (!strcmp(map[i].which, "published"))
				return date_tuple(it->published);
			return date_tuple(it->updated ? it->updated : it->published);
		}
		const char *w = map[i].which;
		const char *s = !strcmp(w, "title")     ? it->title
				: !strcmp(w, "link")    ? it->link
				: !strcmp(w, "guid")    ? it->guid
				: !strcmp(w, "summary") ? it->summary
							: it->author;
		/* feedparser's summary falls back to the content */
		if (!s && !strcmp(w, "summary"))
			s = it->content;
		return mk_str(s, map[i].f);
	}
	return mk(K_NA);
}

/* ---- parser: a recursive-descent subset of Python expressions --------- */

static struct val expr(struct ctx *c);

static struct val call(struct ctx *c, const char *fn, struct val self, bool method)
{
	struct val args[3];
	int n = 0;
	skip_ws(c);
	if (!accept(c, ")")) {
		do {
			struct val a = expr(c);
			if (n < 3)
				args[n++] = a;
		} while (accept(c, ","));
		if (!accept(c, ")"))
			c->bad = true;
	}
	if (method && !strcmp(fn, "get") && n >= 1) {
		struct val r = lookup(c, self, args[0]);
		if (r.k == K_NONE && n == 2)
			return args[1];
		return r;
	}
	if (method && !strcmp(fn, "has_key") && n == 1) {
		struct val r = lookup(c, self, args[0]);
		return r.k == K_NA ? r : mk_bool(r.k != K_NONE);
	}
	if (!method && !strcmp(fn, "len") && n == 1) {
		if (args[0].k == K_OBJ && args[0].obj == O_ENTRIES) {
			struct val v = mk(K_NUM);
			v.n = (double)c->f->n_items;
			c->touched = true;
			return v;
		}
		return mk(K_NA);
	}
	if (!method && !strcmp(fn, "ord") && n == 1 && args[0].k == K_STR) {
		size_t l, sl = strlen(args[0].s);
		uint32_t cp = utf8_decode(args[0].s, sl, &l);
		if (l != sl)
			return mk(K_NA); /* Python would raise: not one character */
		struct val v = mk(K_NUM);
		v.n = cp;
		return v;
	}
	return mk(K_NA);
}

static struct val primary(struct ctx *c)
{
	struct val v;
	skip_ws(c);
	if (string_lit(c, &v))
		return v;
	if (isdigit((unsigned char)*c->p) || (*c->p == '-' && isdigit((unsigned char)c->p[1]))) {
		char *end;
		v = mk(K_NUM);
		v.n = strtod(c->p, &end);
		c->p = end;
		return v;
	}
	if (accept(c, "(")) {
		struct val first = expr(c);
		if (accept(c, ")"))
			return first;
		struct val t = mk(K_TUPLE);
		t.t = xcalloc(16, sizeof *t.t);
		t.t[t.nt++] = first;
		while (accept(c, ",")) {
			skip_ws(c);
			if (*c->p == ')')
				break;
			struct val e = expr(c);
			if (t.nt < 16)
				t.t[t.nt++] = e;
		}
		if (!accept(c, ")"))
			c->bad = true;
		return t;
	}
	if (accept(c, "{") || accept(c, "[")) {
		/* dict and list literals: skip, not applicable */
		int depth = 1;
		while (*c->p && depth) {
			if (*c->p == '{' || *c->p == '[')
				depth++;
			else if (*c->p == '}' || *c->p == ']')
				depth--;
			c->p++;
		}
		return mk(K_NA);
	}
	char *name = ident(c);
	if (!name) {
		c->bad = true;
		return mk(K_NA);
	}
	if (!strcmp(name, "None"))
		v = mk(K_NONE);
	else if (!strcmp(name, "True") || !strcmp(name, "False"))
		v = mk_bool(name[0] == 'T');
	else if (!strcmp(name, "bozo"))
		v = mk(K_IGN);
	else if (!strcmp(name, "feed"))
		v = obj(O_FEED, -1, F_LIT, NULL);
	else if (!strcmp(name, "entries"))
		v = obj(O_ENTRIES, -1, F_LIT, NULL);
	else if (!strcmp(name, "version")) {
		char *s = xasprintf("%d", c->f->format);
		v = mk_str(s, F_VERSION);
		c->touched = true;
	} else if (accept(c, "(")) {
		v = call(c, name, mk(K_NA), false);
	} else {
		v = mk(K_NA);
	}
	free(name);
	return v;
}

static struct val postfix(struct ctx *c)
{
	struct val v = primary(c);
	for (;;) {
		if (accept(c, "[")) {
			struct val key = expr(c);
			if (!accept(c, "]"))
				c->bad = true;
			v = lookup(c, v, key);
		} else if (accept(c, ".")) {
			char *name = ident(c);
			if (!name) {
				c->bad = true;
				return mk(K_NA);
			}
			if (accept(c, "("))
				v = call(c, name, v, true);
			else
				v = lookup(c, v, mk_str(name, F_LIT));
		} else {
			return v;
		}
	}
}

static struct val comparison(struct ctx *c)
{
	struct val left = postfix(c), result = mk(K_NONE);
	bool chained = false;
	for (;;) {
		int op;
		if (accept(c, "=="))
			op = 0;
		else if (accept(c, "!="))
			op = 1;
		else if (accept(c, "is")) {
			op = accept(c, "not") ? 1 : 0;
		} else if (accept(c, "not")) {
			if (!accept(c, "in"))
				c->bad = true;
			op = 3;
		} else if (accept(c, "in"))
			op = 2;
		else
			break;
		struct val right = postfix(c), r;
		if (op <= 1) {
			r = cmp_eq(left, right);
			if (op == 1 && r.k == K_BOOL)
				r.b = !r.b;
		} else if (left.k == K_STR && right.k == K_STR) {
			r = mk_bool((strstr(right.s, left.s) != NULL) == (op == 2));
		} else if (left.k == K_STR && right.k == K_OBJ) {
			r = lookup(c, right, left);
			if (r.k != K_NA)
				r = mk_bool((r.k != K_NONE) == (op == 2));
		} else {
			r = mk(K_NA);
		}
		/* a == b == c is (a == b) and (b == c) */
		if (!chained || (result.k == K_BOOL && result.b) || r.k == K_NA)
			result = (chained && result.k == K_NA) ? result : r;
		chained = true;
		left = right;
	}
	return chained ? result : left;
}

static struct val not_expr(struct ctx *c)
{
	if (accept(c, "not")) {
		struct val v = truth(not_expr(c));
		if (v.k == K_BOOL)
			v.b = !v.b;
		return v;
	}
	return comparison(c);
}

/* and/or: "bozo" parts drop out; any untranslatable part makes the whole
 * conjunction not applicable. */
static struct val combine(struct val a, struct val b, bool is_and)
{
	if (a.k == K_IGN)
		return b.k == K_IGN ? a : truth(b);
	if (b.k == K_IGN)
		return truth(a);
	a = truth(a);
	b = truth(b);
	if (a.k == K_NA || b.k == K_NA)
		return mk(K_NA);
	return mk_bool(is_and ? (a.b && b.b) : (a.b || b.b));
}

static struct val and_expr(struct ctx *c)
{
	struct val v = not_expr(c);
	while (accept(c, "and"))
		v = combine(v, not_expr(c), true);
	return v;
}

static struct val expr(struct ctx *c)
{
	struct val v = and_expr(c);
	while (accept(c, "or"))
		v = combine(v, and_expr(c), false);
	return v;
}

/* ---- fixtures ---------------------------------------------------------- */

struct fixture {
	char *expect;
	char *content_type;
	char *location;
};

/* Pull Expect: and Header: out of the leading comment (or the JSON
 * "__TEST__" string). */
static void fixture_meta(const char *data, size_t len, struct fixture *fx)
{
	size_t n = len < 8192 ? len : 8192;
	char *head = xstrndup(data, n);
	for (char *p = head; p && *p;) {
		char *eol = strchr(p, '\n');
		if (eol)
			*eol = '\0';
		char *e = strstr(p, "Expect:");
		char *h = strstr(p, "Header:");
		if (e && !fx->expect) {
			e += 7;
			char *end = strstr(e, "-->");
			if (end)
				*end = '\0';
			fx->expect = xstrdup(e);
			str_squeeze_space(fx->expect);
		} else if (h) {
			h += 7;
			while (isspace((unsigned char)*h))
				h++;
			if (!strncasecmp(h, "Content-type:", 13))
				fx->content_type = xstrdup(h + 13);
			else if (!strncasecmp(h, "Content-Location:", 17))
				fx->location = xstrdup(h + 17);
		}
		p = eol ? eol + 1 : NULL;
	}
	if (fx->content_type)
		str_squeeze_space(fx->content_type);
	if (fx->location)
		str_squeeze_space(fx->location);
	free(head);
}

/* Parse and judge one fixture (in the child). */
static enum verdict judge(const char *path, const char *rel, bool verbose)
{
	size_t len;
	char *data = read_file(path, &len);
	struct fixture fx = {0};
	if (!data)
		return V_FAIL;
	fixture_meta(data, len, &fx);

	char *base = xasprintf(DOC_URL_PREFIX "%s", rel);
	if (fx.location && !strchr(fx.location, ':')) {
		/* relative Content-Location: resolve against the request URL */
		xmlChar *abs = xmlBuildURI((const xmlChar *)fx.location, (const xmlChar *)base);
		fx.location = abs ? xstrdup((const char *)abs) : NULL;
	}
	if (fx.location && (str_has_prefix(fx.location, "http:") || str_has_prefix(fx.location, "https:"))) {
		xmlChar *abs = xmlBuildURI((const xmlChar *)fx.location, (const xmlChar *)base);
		if (abs)
			base = xstrdup((const char *)abs);
	}
	struct feed f;
	char err[256];
	int rc = feed_parse(data, len, base, fx.content_type, &f, err, sizeof err);
	if (!fx.expect)
		return V_NA;
	struct ctx c = {.f = &f, .rc = rc, .p = fx.expect};
	struct val v = truth(expr(&c));
	skip_ws(&c);
	if (c.bad || *c.p || !c.touched || v.k != K_BOOL)
		return V_NA;
	if (!v.b && verbose) {
		printf("FAIL %s\n     expect: %s\n", rel, fx.expect);
		if (rc)
			printf("     error: %s\n", err);
		printf("     got: title=%s link=%s n=%zu", f.title ? f.title : "-",
		       f.link ? f.link : "-", f.n_items);
		if (f.n_items) {
			const struct feed_item *it = &f.items[0];
			printf(" [0] title=%s link=%s guid=%s author=%s\n          summary=%.160s\n          content=%.160s",
			       it->title ? it->title : "-", it->link ? it->link : "-",
			       it->guid ? it->guid : "-", it->author ? it->author : "-",
			       it->summary ? it->summary : "-", it->content ? it->content : "-");
		}
		printf("\n");
	}
	return v.b ? V_PASS : V_FAIL;
}

struct tally {
	char dir[256];
	int n[3];
};

struct run {
	const char *root;
	bool verbose;
	struct tally *t;
	size_t nt, cap;
	int crashes;
	char **files;
	size_t nf, fcap;
};

static void collect(struct run *r, const char *rel)
{
	char *path = xasprintf("%s/%s", r->root, rel);
	DIR *d = opendir(path);
	free(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "LICENSE") || strstr(e->d_name, ".md"))
			continue;
		char *sub = *rel ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		char *full = xasprintf("%s/%s", r->root, sub);
		struct stat st;
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			collect(r, sub);
			free(sub);
		} else {
			xgrow((void **)&r->files, &r->fcap, r->nf + 1, sizeof *r->files);
			r->files[r->nf++] = sub;
		}
		free(full);
	}
	closedir(d);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct tally *tally_for(struct run *r, const char *dir)
{
	for (size_t i = 0; i < r->nt; i++)
		if (!strcmp(r->t[i].dir, dir))
			return &r->t[i];
	xgrow((void **)&r->t, &r->cap, r->nt + 1, sizeof *r->t);
	struct tally *t = &r->t[r->nt++];
	memset(t, 0, sizeof *t);
	snprintf(t->dir, sizeof t->dir, "%s", dir);
	return t;
}

/* Run judge() in a child under a time limit; a crash or hang is a failure
 * of its own kind. */
static enum verdict run_one(struct run *r, const char *rel)
{
	char *path = xasprintf("%s/%s", r->root, rel);
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		alarm(EVAL_TIMEOUT_S);
		enum verdict v = judge(path, rel, r->verbose);
		fflush(stdout);
		_exit((int)v);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	free(path);
	if (WIFEXITED(st) && WEXITSTATUS(st) <= V_NA)
		return (enum verdict)WEXITSTATUS(st);
	r->crashes++;
	printf("%s %s\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM ? "TIMEOUT" : "CRASH", rel);
	return V_FAIL;
}

static double read_baseline(const char *file)
{
	FILE *f = fopen(file, "r");
	char line[256];
	double v = 0;
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "wellformed_pass_rate %lf", &v) == 1)
			break;
	fclose(f);
	return v;
}

int main(int argc, char **argv)
{
	const char *shared = NULL, *baseline = NULL;
	struct run r = {0};
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--shared") && i + 1 < argc)
			shared = argv[++i];
		else if (!strcmp(argv[i], "--baseline") && i + 1 < argc)
			baseline = argv[++i];
		else if (!strcmp(argv[i], "-v"))
			r.verbose = true;
		else {
			fprintf(stderr, "usage: %s --shared DIR --baseline FILE [-v]\n", argv[0]);
			return 2;
		}
	}
	if (!shared) {
		fprintf(stderr, "usage: %s --shared DIR --baseline FILE [-v]\n", argv[0]);
		return 2;
	}
	char *root = xasprintf("%s/eval/feeds/feedparser", shared);
	struct stat st;
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("%s absent, skipping\n", root);
		return 77;
	}
	xmlsafe_init();
	r.root = root;
	collect(&r, "");
	qsort(r.files, r.nf, sizeof *r.files, cmp_str);

	int total[3] = {0}, wf[3] = {0};
	for (size_t i = 0; i < r.nf; i++) {
		const char *rel = r.files[i];
		const char *slash = strrchr(rel, '/');
		char dir[256];
		snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - rel) : 1,
			 slash ? rel : ".");
		enum verdict v = run_one(&r, rel);
		tally_for(&r, dir)->n[v]++;
		total[v]++;
		if (str_has_prefix(rel, "wellformed/"))
			wf[v]++;
	}
	printf("%-28s %6s %6s %6s\n", "directory", "pass", "fail", "n/a");
	for (size_t i = 0; i < r.nt; i++)
		printf("%-28s %6d %6d %6d\n", r.t[i].dir, r.t[i].n[V_PASS], r.t[i].n[V_FAIL],
		       r.t[i].n[V_NA]);
	printf("%-28s %6d %6d %6d\n", "total", total[V_PASS], total[V_FAIL], total[V_NA]);
	printf("%-28s %6d %6d %6d\n", "wellformed", wf[V_PASS], wf[V_FAIL], wf[V_NA]);
	double rate = wf[V_PASS] + wf[V_FAIL] ? (double)wf[V_PASS] / (wf[V_PASS] + wf[V_FAIL]) : 0;
	printf("wellformed_pass_rate %.4f\n", rate);
	int rc = 0;
	if (r.crashes) {
		printf("%d fixtures crashed or timed out\n", r.crashes);
		rc = 1;
	}
	if (baseline) {
		double want = read_baseline(baseline);
		printf("baseline %.4f\n", want);
		if (rate + 1e-9 < want) {
			printf("FAIL: wellformed pass rate below baseline\n");
			rc = 1;
		}
	}
	for (size_t i = 0; i < r.nf; i++)
		free(r.files[i]);
	free(r.files);
	free(r.t);
	free(root);
	return rc;
}
