/* Which part of a page is the article: Mozilla Readability's algorithm on
 * our side table. Paragraph-like elements score their ancestors by length
 * and commas, class and id names push containers up or down, the best
 * container (scaled by its link density) wins and brings its qualifying
 * siblings, then boilerplate inside it is removed conditionally. Nothing is
 * unlinked from the tree: removal is a flag the text emitter honours. */
#include "html_int.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
	SC_STRIP_UNLIKELY = 1,
	SC_WEIGHT_CLASSES = 2,
	SC_CLEAN_COND = 4,
};

#define SC_TOP_N 5
#define SC_CHAR_THRESHOLD 500

struct scorer {
	struct html_doc *hd;
	xmlNode *body;
	const char *title;
	int flags;
};

static const char *const sc_unlikely[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
	"cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
	"related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
	"sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
	"yom-remote", "cookie", "consent", "newsletter", "caption", "credit", "gallery",
	"slideshow", "carousel", "slidecount", "read-more", "readmore", "tags",
	"author-bio", "authorbio", "navigation", "rollover", "tooltip", "hovercard", NULL};
static const char *const sc_maybe[] = {"and", "article", "body", "column", "content", "main",
				       "mathjax", "shadow", NULL};
static const char *const sc_positive[] = {"article", "body", "content", "entry", "hentry",
					  "h-entry", "main", "page", "pagination", "post",
					  "text", "blog", "story", NULL};
static const char *const sc_negative[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
	"masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
	"shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "nav",
	"menu", "cookie", "caption", "credit", "gallery", NULL};
static const char *const sc_byline[] = {"byline", "author", "dateline", "writtenby",
					"p-author", NULL};
static const char *const sc_roles[] = {"menu", "menubar", "complementary", "navigation",
				       "alert", "alertdialog", "dialog", NULL};

/* "hid" as a whole class word (Readability's ^hid$| hid$| hid |^hid ). */
static bool sc_has_word_hid(const char *s)
{
	for (const char *p = s; (p = strcasestr(p, "hid")); p += 3) {
		bool start = p == s || p[-1] == ' ';
		bool end = p[3] == '\0' || p[3] == ' ';
		if (start && end)
			return true;
	}
	return false;
}

static int sc_weight_of(const char *s)
{
	int w = 0;
	if (!s || !*s)
		return 0;
	if (html_match_any(s, sc_negative) || sc_has_word_hid(s))
		w -= 25;
	if (html_match_any(s, sc_positive))
		w += 25;
	return w;
}

static int sc_class_weight(const struct scorer *sc, const xmlNode *n)
{
	if (!(sc->flags & SC_WEIGHT_CLASSES))
		return 0;
	return sc_weight_of(html_attr(n, "class")) + sc_weight_of(html_attr(n, "id"));
}

/* class and id, for the name-based tests. */
static void sc_match_string(const xmlNode *n, char *out, size_t cap)
{
	const char *c = html_attr(n, "class"), *i = html_attr(n, "id");
	snprintf(out, cap, "%s %s", c ? c : "", i ? i : "");
}

static bool sc_has_ancestor(const xmlNode *n, const char *tag)
{
	for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (html_is(p, tag))
			return true;
	return false;
}

static void sc_init_node(const struct scorer *sc, xmlNode *n)
{
	struct hnode *h = html_hnode(n);
	double s = 0;

	if (html_is(n, "div"))
		s = 5;
	else if (html_is(n, "pre") || html_is(n, "td") || html_is(n, "blockquote"))
		s = 3;
	else if (html_is(n, "address") || html_is(n, "ol") || html_is(n, "ul") ||
		 html_is(n, "dl") || html_is(n, "dd") || html_is(n, "dt") || html_is(n, "li") ||
		 html_is(n, "form"))
		s = -3;
	else if (html_is_heading(n) || html_is(n, "th"))
		s = -5;
	h->score = s + sc_class_weight(sc, n);
	h->candidate = true;
}

/* Lower-case word tokens of s, as a space-joined string for similarity. */
static size_t sc_tokens(const char *s, char **out, size_t max)
{
	size_t n = 0;
	const char *p = s;
	while (*p && n < max) {
		while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			p++;
		const char *b = p;
		while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		if (p > b) {
			char *t = xstrndup(b, (size_t)(p - b));
			for (char *q = t; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			out[n++] = t;
		}
	}
	return n;
}

/* Readability's _textSimilarity: the share of b's text made of words in a. */
static double sc_similarity(const char *a, const char *b)
{
	char *ta[64], *tb[64];
	size_t na = sc_tokens(a, ta, 64), nb = sc_tokens(b, tb, 64);
	size_t all = 0, uniq = 0;

	for (size_t i = 0; i < nb; i++) {
		bool found = false;
		for (size_t j = 0; j < na && !found; j++)
			found = strcmp(tb[i], ta[j]) == 0;
		all += strlen(tb[i]) + 1;
		if (!found)
			uniq += strlen(tb[i]) + 1;
	}
	for (size_t i = 0; i < na; i++)
		free(ta[i]);
	for (size_t i = 0; i < nb; i++)
		free(tb[i]);
	if (!all)
		return 0;
	return 1.0 - (double)uniq / (double)all;
}

/* Forward pass: gone = dropped or removed, here or above. */
static void sc_mark_gone(struct html_doc *hd)
{
	for (size_t i = 0; i < hd->n_nodes; i++) {
		xmlNode *e = hd->order[i];
		struct hnode *h = html_hnode(e);
		const struct hnode *ph = i ? html_hnode(e->parent) : NULL;
		h->gone = h->drop || h->removed || (ph && ph->gone);
	}
}

/* Removals decided before scoring: structural boilerplate, unlikely
 * candidates by name or role, bylines and a heading repeating the title. */
static void sc_pre_remove(struct scorer *sc)
{
	struct html_doc *hd = sc->hd;
	char ms[512];

	for (size_t i = 0; i < hd->n_nodes; i++) {
		xmlNode *e = hd->order[i];
		struct hnode *h = html_hnode(e);
		if (h->drop)
			continue;
		if (html_is(e, "nav") || html_is(e, "aside") || html_is(e, "footer") ||
		    html_is(e, "dialog") || html_is(e, "figcaption")) {
			h->removed = true;
			continue;
		}
		if (e == sc->body || html_is(e, "html"))
			continue;
		sc_match_string(e, ms, sizeof(ms));
		if (sc->flags & SC_STRIP_UNLIKELY) {
			const char *role = html_attr(e, "role");
			bool r = false;
			for (int k = 0; role && sc_roles[k]; k++)
				r = r || str_ieq(role, sc_roles[k]);
			if (r || (!html_is(e, "a") && html_match_any(ms, sc_unlikely) &&
				  !html_match_any(ms, sc_maybe) && !sc_has_ancestor(e, "table") &&
				  !sc_has_ancestor(e, "code"))) {
				h->removed = true;
				continue;
			}
		}
		const char *rel = html_attr(e, "rel"), *ip = html_attr(e, "itemprop");
		if (((rel && str_ieq(rel, "author")) || (ip && strcasestr(ip, "author")) ||
		     html_match_any(ms, sc_byline)) &&
		    h->text_len > 0 && h->text_len < 100) {
			h->removed = true;
			continue;
		}
		if ((html_is(e, "h1") || html_is(e, "h2")) && sc->title && h->text_len < 400) {
			char *t = html_inner_text(e, 1024);
			if (sc_similarity(sc->title, t) > 0.75)
				h->removed = true;
			free(t);
		}
	}
}

/* Give a paragraph's score to its ancestors: full to the parent, half to
 * the grandparent, a third per level above, five levels in all. */
static void sc_propagate(struct scorer *sc, xmlNode *parent, size_t len, size_t commas)
{
	double score = 1.0 + (double)commas + (double)(len / 100 < 3 ? len / 100 : 3);
	int level = 0;

	for (xmlNode *a = parent; a && level < 5; a = a->parent, level++) {
		struct hnode *h = html_hnode(a);
		if (!h || !a->parent || a->parent->type != XML_ELEMENT_NODE)
			break;
		if (!h->candidate)
			sc_init_node(sc, a);
		double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
		h->score += score / div;
	}
}

/* Runs of inline content directly inside a container count as paragraphs
 * (Readability wraps them in <p>). */
static void sc_score_inline_runs(struct scorer *sc, xmlNode *e)
{
	size_t len = 0, commas = 0;

	for (xmlNode *c = e->children;; c = c->next) {
		bool flush = c == NULL;
		if (c && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
			if (c->content) {
				size_t l = 0, k = 0;
				/* Count like html_doc_stats does. */
				for (const unsigned char *p = c->content; *p; p++) {
					if (!isspace(*p) && (*p & 0xC0) != 0x80)
						l++;
					if (*p == ',')
						k++;
				}
				len += l, commas += k;
			}
		} else if (c && c->type == XML_ELEMENT_NODE) {
			const struct hnode *ch = html_hnode(c);
			if (!ch || ch->gone)
				continue;
			if (html_is_block(c) || ch->block_desc) {
				flush = true;
			} else {
				len += ch->text_len;
				commas += ch->commas;
			}
		}
		if (flush) {
			if (len >= 25)
				sc_propagate(sc, e, len, commas);
			len = commas = 0;
		}
		if (!c)
			break;
	}
}

static void sc_score_paragraphs(struct scorer *sc)
{
	struct html_doc *hd = sc->hd;

	for (size_t i = 0; i < hd->n_nodes; i++) {
		xmlNode *e = hd->order[i];
		struct hnode *h = html_hnode(e);
		if (h->gone)
			continue;
		bool leaf_div = html_is(e, "div") && !h->block_desc;
		if (html_is(e, "p") || html_is(e, "pre") || html_is(e, "td") || leaf_div) {
			if (h->text_len >= 25 && e->parent)
				sc_propagate(sc, e->parent, h->text_len, h->commas);
		} else if (h->block_desc &&
			   (html_is(e, "div") || html_is(e, "section") || html_is(e, "article") ||
			    html_is(e, "main") || html_is(e, "td") || html_is(e, "blockquote"))) {
			sc_score_inline_runs(sc, e);
		}
	}
}

static size_t sc_element_children(const xmlNode *n)
{
	size_t k = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		const struct hnode *h = html_hnode(c);
		if (h && !h->gone)
			k++;
	}
	return k;
}

static bool sc_is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (const xmlNode *p = n->parent; p; p = p->parent)
		if (p == a)
			return true;
	return false;
}

/* The best candidate after scaling by link density, moved up the tree when
 * its rivals share an ancestor or its parent scores better. */
static xmlNode *sc_top_candidate(struct scorer *sc)
{
	struct html_doc *hd = sc->hd;
	xmlNode *top[SC_TOP_N] = {0};

	for (size_t i = 0; i < hd->n_nodes; i++) {
		xmlNode *e = hd->order[i];
		struct hnode *h = html_hnode(e);
		if (!h->candidate || h->gone)
			continue;
		h->score *= 1.0 - html_link_density(e);
		for (int k = 0; k < SC_TOP_N; k++) {
			if (!top[k] || html_hnode(top[k])->score < h->score) {
				memmove(&top[k + 1], &top[k], (size_t)(SC_TOP_N - k - 1) * sizeof(top[0]));
				top[k] = e;
				break;
			}
		}
	}
	xmlNode *t = top[0];
	if (!t || t == sc->body)
		return sc->body;

	/* Three strong rivals under one ancestor: that ancestor is the article. */
	int alts = 0;
	for (int k = 1; k < SC_TOP_N && top[k]; k++)
		if (html_hnode(top[k])->score / html_hnode(t)->score >= 0.75)
			alts++;
	if (alts >= 3) {
		for (xmlNode *p = t->parent; p && p != sc->body && html_hnode(p); p = p->parent) {
			int n = 0;
			for (int k = 1; k < SC_TOP_N && top[k]; k++)
				if (html_hnode(top[k])->score / html_hnode(t)->score >= 0.75 &&
				    sc_is_ancestor(p, top[k]))
					n++;
			if (n >= 3) {
				t = p;
				break;
			}
		}
	}
	if (!html_hnode(t)->candidate)
		sc_init_node(sc, t);

	/* A parent scoring better than the child holds more of the article. */
	double last = html_hnode(t)->score, threshold = last / 3;
	for (xmlNode *p = t->parent; p && p != sc->body && html_hnode(p); p = p->parent) {
		const struct hnode *ph = html_hnode(p);
		if (!ph->candidate)
			continue;
		if (ph->score < threshold)
			break;
		if (ph->score > last) {
			t = p;
			break;
		}
		last = ph->score;
	}
	/* An only child says nothing its parent does not. */
	for (xmlNode *p = t->parent; p && p != sc->body && html_hnode(p) &&
				     sc_element_children(p) == 1;
	     p = p->parent)
		t = p;
	if (!html_hnode(t)->candidate)
		sc_init_node(sc, t);
	return t;
}

static bool sc_ends_sentence(const char *s)
{
	const char *p = strchr(s, '.');
	for (; p; p = strchr(p + 1, '.'))
		if (p[1] == ' ' || p[1] == '\0')
			return true;
	return false;
}

/* The top candidate and those siblings that look like more of the article. */
static size_t sc_with_siblings(struct scorer *sc, xmlNode *top, xmlNode ***out)
{
	xmlNode *parent = top->parent;
	size_t n = 0, cap = 0;
	xmlNode **v = NULL;

	if (top == sc->body || !parent || !html_hnode(parent)) {
		v = xmalloc(sizeof(*v));
		v[0] = top;
		*out = v;
		return 1;
	}
	const struct hnode *th = html_hnode(top);
	double threshold = fmax(10, th->score * 0.2);
	const char *tcls = html_attr(top, "class");

	for (xmlNode *s = parent->children; s; s = s->next) {
		const struct hnode *sh = html_hnode(s);
		bool append = false;
		if (!sh || sh->gone)
			continue;
		if (s == top) {
			append = true;
		} else {
			double bonus = 0;
			const char *scls = html_attr(s, "class");
			if (tcls && *tcls && scls && strcmp(tcls, scls) == 0)
				bonus += th->score * 0.2;
			if (sh->candidate && sh->score + bonus >= threshold) {
				append = true;
			} else if (bonus > 0 && !sh->candidate && sh->text_len > 100 &&
				   html_link_density(s) < 0.3) {
				/* A twin of the top candidate whose paragraphs sit
				 * too deep to have scored it: more of the article. */
				append = true;
			} else if (html_is(s, "p")) {
				double ld = html_link_density(s);
				size_t len = sh->text_len;
				if (len > 80 && ld < 0.25) {
					append = true;
				} else if (len < 80 && len > 0 && ld == 0) {
					char *t = html_inner_text(s, 4096);
					append = sc_ends_sentence(t);
					free(t);
				}
			}
		}
		if (append) {
			xgrow((void **)&v, &cap, n + 1, sizeof(*v));
			v[n++] = s;
		}
	}
	*out = v;
	return n;
}

/* What _cleanConditionally looks at inside one element. */
struct sc_gather {
	size_t text, link, commas;
	size_t p, img, li, input, embed;
	size_t heading_text, textish_text, list_text;
	bool data_table;
};

static bool sc_is_textish(const xmlNode *n)
{
	return html_is(n, "span") || html_is(n, "li") || html_is(n, "td") ||
	       html_is(n, "blockquote") || html_is(n, "dl") || html_is(n, "div") ||
	       html_is(n, "img") || html_is(n, "ol") || html_is(n, "p") || html_is(n, "pre") ||
	       html_is(n, "table") || html_is(n, "ul");
}

/* Recursion depth is bounded by HTML_MAX_DEPTH (deeper nodes lack hnodes). */
static void sc_gather_rec(const xmlNode *n, struct sc_gather *g, int link10, bool heading,
			  bool textish, bool list)
{
	/* Bare text in a div is a paragraph to Readability (it wraps it in a
	 * <p> before cleaning). */
	bool wraps = html_is(n, "div") || html_is(n, "section") || html_is(n, "article") ||
		     html_is(n, "main");
	bool wrapped = false;

	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			size_t l = 0;
			if (!c->content)
				continue;
			for (const unsigned char *p = c->content; *p; p++) {
				if (!isspace(*p) && (*p & 0xC0) != 0x80)
					l++;
				if (*p == ',')
					g->commas++;
			}
			g->text += l;
			g->link += l * (size_t)link10 / 10;
			if (wraps && l > 0) {
				if (!wrapped)
					g->p++;
				wrapped = true;
				g->textish_text += textish ? 0 : l;
			}
			if (heading)
				g->heading_text += l;
			if (textish)
				g->textish_text += l;
			if (list)
				g->list_text += l;
			continue;
		}
		const struct hnode *h = html_hnode(c);
		if (!h || h->removed)
			continue;
		if (html_is(c, "input"))
			g->input++;
		else if (html_is(c, "object") || html_is(c, "embed") || html_is(c, "iframe"))
			g->embed++;
		if (h->drop)
			continue;
		if (html_is_block(c))
			wrapped = false;
		if (html_is(c, "p") || (html_is(c, "div") && !h->block_desc && h->text_len))
			g->p++;
		else if (html_is(c, "img"))
			g->img++;
		else if (html_is(c, "li"))
			g->li++;
		else if (html_is(c, "table") && h->data_table)
			g->data_table = true;
		int l10 = link10;
		if (html_is(c, "a")) {
			const char *href = html_attr(c, "href");
			l10 = href && href[0] == '#' ? 3 : 10;
		}
		sc_gather_rec(c, g, l10, heading || html_is_heading(c), textish || sc_is_textish(c),
			      list || html_is(c, "ul") || html_is(c, "ol"));
	}
}

static bool sc_has_data_table_ancestor(const xmlNode *n)
{
	for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
		const struct hnode *h = html_hnode(p);
		if (html_is(p, "table") && h && h->data_table)
			return true;
	}
	return false;
}

static bool sc_is_ad_or_loading(const xmlNode *n, const struct sc_gather *g)
{
	static const char *const words[] = {"ad", "advertising", "advertisement", "loading",
					    "loading...", "loading…", "anzeige", "werbung",
					    "publicité", "sponsored", NULL};
	if (g->text > 20)
		return false;
	char *t = html_inner_text(n, 64);
	bool r = false;
	for (int i = 0; words[i] && !r; i++)
		r = str_ieq(t, words[i]);
	free(t);
	return r;
}

/* Readability's _cleanConditionally for one element: true to remove. */
static bool sc_should_remove(struct scorer *sc, xmlNode *n, bool tag_is_list)
{
	struct sc_gather g = {0};

	if (html_is(n, "table") && html_hnode(n)->data_table)
		return false;
	if (sc_has_data_table_ancestor(n) || sc_has_ancestor(n, "code"))
		return false;
	sc_gather_rec(n, &g, html_is(n, "a") ? 10 : 0, false, false, false);
	if (g.data_table)
		return false;
	bool is_list = tag_is_list || (g.text && (double)g.list_text / (double)g.text > 0.9);
	int weight = sc_class_weight(sc, n);
	if (weight < 0)
		return true;
	if (g.commas >= 10)
		return false;
	if (sc_is_ad_or_loading(n, &g))
		return true;

	double ld = g.text ? (double)g.link / (double)g.text : 0;
	double hd = g.text ? (double)g.heading_text / (double)g.text : 0;
	double td = g.text ? (double)g.textish_text / (double)g.text : 0;
	bool fig = sc_has_ancestor(n, "figure");
	long li = (long)g.li - 100;
	bool remove = false;

	if (!fig && g.img > 1 && (double)g.p / (double)g.img < 0.5)
		remove = true;
	if (!is_list && li > (long)g.p)
		remove = true;
	if (g.input > g.p / 3)
		remove = true;
	if (!is_list && !fig && hd < 0.9 && g.text < 25 && (g.img == 0 || g.img > 2) && ld > 0)
		remove = true;
	if (!is_list && weight < 25 && ld > 0.2)
		remove = true;
	if (weight >= 25 && ld > 0.5)
		remove = true;
	if ((g.embed == 1 && g.text < 75) || g.embed > 1)
		remove = true;
	if (g.img == 0 && td == 0)
		remove = true;
	if (is_list && remove) {
		size_t lis = 0;
		for (xmlNode *c = n->children; c; c = c->next) {
			if (!html_hnode(c))
				continue;
			if (sc_element_children(c) > 1)
				return true;
			lis++;
		}
		if (g.img == lis)
			return false;
	}
	return remove;
}

/* Readability's data-table test, simplified. */
static void sc_mark_data_table(xmlNode *t)
{
	struct hnode *h = html_hnode(t);
	const char *role = html_attr(t, "role"), *dt = html_attr(t, "datatable");
	size_t rows = 0, cols = 0;

	h->data_table = false;
	if ((role && str_ieq(role, "presentation")) || (dt && strcmp(dt, "0") == 0))
		return;
	if (html_attr(t, "summary")) {
		h->data_table = true;
		return;
	}
	for (xmlNode *c = t->children; c; c = c->next)
		if (html_is(c, "caption")) {
			h->data_table = true;
			return;
		}
	for (xmlNode *c = t->children ? t->children : NULL; c;
	     c = html_walk_next(c, t, !html_is(c, "table"))) {
		if (html_is(c, "table"))
			return; /* nested tables are layout */
		if (html_is(c, "col") || html_is(c, "colgroup") || html_is(c, "tfoot") ||
		    html_is(c, "thead") || html_is(c, "th")) {
			h->data_table = true;
			return;
		}
		if (html_is(c, "tr")) {
			size_t k = 0;
			rows++;
			for (xmlNode *d = c->children; d; d = d->next)
				if (html_is(d, "td"))
					k++;
			if (k > cols)
				cols = k;
		}
	}
	h->data_table = rows >= 10 || cols > 4 || rows * cols > 10;
}

static bool sc_in_roots(xmlNode **roots, size_t n, const xmlNode *e)
{
	for (size_t i = 0; i < n; i++)
		if (roots[i] == e || sc_is_ancestor(roots[i], e))
			return true;
	return false;
}

/* Matches (\b|_)(share|sharedaddy)(\b|_) in a class/id string. */
static bool sc_is_share(const char *ms)
{
	for (const char *p = ms; (p = strcasestr(p, "share")); p += 5) {
		bool start = p == ms || !isalnum((unsigned char)p[-1]);
		const char *e = p + 5;
		if (strncasecmp(e, "daddy", 5) == 0)
			e += 5;
		bool end = !isalnum((unsigned char)*e);
		if (start && end)
			return true;
	}
	return false;
}

/* Readability turns a div without block children, or one wrapping a
 * single <p> with few links, into a <p>: such divs are never cleaned. */
static bool sc_div_is_paragraph(const xmlNode *e)
{
	const struct hnode *h = html_hnode(e);
	if (!html_is(e, "div"))
		return false;
	if (!h->block_desc)
		return true;
	const xmlNode *only = NULL;
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			for (const unsigned char *p = c->content; *p; p++)
				if (!isspace(*p))
					return false;
			continue;
		}
		const struct hnode *ch = html_hnode(c);
		if (!ch || ch->gone)
			continue;
		if (only)
			return false;
		only = c;
	}
	return only && html_is(only, "p") && html_link_density(e) < 0.25;
}

/* _prepArticle: share widgets, negatively named headings and conditional
 * removal of forms, tables, lists and divs, innermost first. */
static void sc_prep_article(struct scorer *sc, xmlNode **roots, size_t nroots)
{
	struct html_doc *hd = sc->hd;
	static const char *const passes[] = {"form", "fieldset", "table", "ul", "div", NULL};
	char ms[512];
	size_t first = hd->n_nodes, last = 0;

	/* The roots are siblings: their subtrees are one range of order[]. */
	for (size_t i = 0; i < hd->n_nodes; i++) {
		if (sc_in_roots(roots, nroots, hd->order[i])) {
			if (first == hd->n_nodes)
				first = i;
			last = i;
		}
	}
	if (first == hd->n_nodes)
		return;
	sc_mark_gone(hd);
	for (size_t i = first; i <= last; i++) {
		xmlNode *e = hd->order[i];
		struct hnode *h = html_hnode(e);
		if (h->gone)
			continue;
		if (html_is(e, "table"))
			sc_mark_data_table(e);
		bool is_root = false;
		for (size_t k = 0; k < nroots; k++)
			is_root = is_root || roots[k] == e;
		sc_match_string(e, ms, sizeof(ms));
		if (!is_root && sc_is_share(ms) && h->text_len < SC_CHAR_THRESHOLD)
			h->removed = true;
		else if ((html_is(e, "h1") || html_is(e, "h2")) && sc_class_weight(sc, e) < 0)
			h->removed = true;
	}
	if (!(sc->flags & SC_CLEAN_COND))
		return;
	for (int p = 0; passes[p]; p++) {
		bool is_list = strcmp(passes[p], "ul") == 0;
		for (size_t i = last + 1; i-- > first;) {
			xmlNode *e = hd->order[i];
			struct hnode *h = html_hnode(e);
			if (h->drop || h->removed || !html_is(e, passes[p]))
				continue;
			if (!sc_in_roots(roots, nroots, e) || sc_div_is_paragraph(e))
				continue;
			if (sc_should_remove(sc, e, is_list || html_is(e, "ol")))
				h->removed = true;
		}
	}
}

/* One Readability attempt with the given flags. */
static size_t sc_attempt(struct scorer *sc, xmlNode ***roots, size_t *text_len)
{
	struct html_doc *hd = sc->hd;

	for (size_t i = 0; i < hd->n_nodes; i++) {
		hd->nodes[i].removed = hd->nodes[i].candidate = false;
		hd->nodes[i].score = 0;
	}
	html_doc_stats(hd); /* byline sizes below need fresh counts */
	sc_pre_remove(sc);
	sc_mark_gone(hd);
	html_doc_stats(hd);
	sc_score_paragraphs(sc);
	xmlNode *top = sc_top_candidate(sc);
	size_t n = sc_with_siblings(sc, top, roots);
	sc_prep_article(sc, *roots, n);
	html_doc_stats(hd);
	sc_mark_gone(hd);
	*text_len = 0;
	for (size_t i = 0; i < n; i++)
		if (!html_hnode((*roots)[i])->gone)
			*text_len += html_hnode((*roots)[i])->text_len;
	return n;
}

size_t html_score_select(struct html_doc *hd, const char *title, const char *body_hint,
			 xmlNode ***nodes)
{
	static const int flag_sets[] = {
		SC_STRIP_UNLIKELY | SC_WEIGHT_CLASSES | SC_CLEAN_COND,
		SC_WEIGHT_CLASSES | SC_CLEAN_COND,
		SC_CLEAN_COND,
		0,
	};
	struct scorer sc = {.hd = hd, .title = title};
	xmlNode *root = xmlDocGetRootElement(hd->doc);
	int best = -1;
	size_t best_len = 0;

	(void)body_hint;
	*nodes = NULL;
	if (!root || !html_hnode(root))
		return 0;
	sc.body = root;
	for (xmlNode *c = root->children; c; c = c->next)
		if (html_is(c, "body") && html_hnode(c))
			sc.body = c;

	size_t lens[4];
	for (int i = 0; i < 4; i++) {
		xmlNode **roots = NULL;
		sc.flags = flag_sets[i];
		size_t n = sc_attempt(&sc, &roots, &lens[i]);
		if (lens[i] >= SC_CHAR_THRESHOLD) {
			*nodes = roots;
			return n;
		}
		free(roots);
		if (best < 0 || lens[i] > best_len)
			best = i, best_len = lens[i];
	}
	/* Nothing long enough (a short item): Readability takes the attempt
	 * that found the most text, but relaxing the cleaning mostly adds
	 * boilerplate, so the strictest attempt within 10% of it wins. */
	for (int i = 0; i < best; i++) {
		if ((double)lens[i] >= 0.9 * (double)best_len) {
			best = i;
			break;
		}
	}
	sc.flags = flag_sets[best];
	size_t len;
	return sc_attempt(&sc, nodes, &len);
}
