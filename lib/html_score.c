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

/* The class and id words are matched once per element when the document
 * is indexed (html_doc.c): the NM_* bits and class_weight of its hnode. */
static int sc_class_weight(const struct scorer *sc, const xmlNode *n)
{
	if (!(sc->flags & SC_WEIGHT_CLASSES))
		return 0;
	return html_hnode(n)->class_weight;
}

static bool sc_has_ancestor(const xmlNode *n, unsigned tag)
{
	for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (html_tag(p) == tag)
			return true;
	return false;
}

static void sc_init_node(const struct scorer *sc, xmlNode *n)
{
	struct hnode *h = html_hnode(n);
	double s = 0;

	switch (h->tag) {
	case HT_DIV:
		s = 5;
		break;
	case HT_PRE:
	case HT_TD:
	case HT_BLOCKQUOTE:
		s = 3;
		break;
	case HT_ADDRESS:
	case HT_OL:
	case HT_UL:
	case HT_DL:
	case HT_DD:
	case HT_DT:
	case HT_LI:
	case HT_FORM:
		s = -3;
		break;
	case HT_TH:
		s = -5;
		break;
	default:
		if (h->tflags & HF_HEADING)
			s = -5;
	}
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
		struct hnode *h = &hd->nodes[i];
		h->gone = h->drop || h->removed || (h->parent && h->parent->gone);
	}
}

/* Removals decided before scoring: structural boilerplate, unlikely
 * candidates by name or role, bylines and a heading repeating the title. */
static void sc_pre_remove(struct scorer *sc)
{
	struct html_doc *hd = sc->hd;

	for (size_t i = 0; i < hd->n_nodes; i++) {
		xmlNode *e = hd->order[i];
		struct hnode *h = html_hnode(e);
		if (h->drop)
			continue;
		unsigned tag = h->tag;
		if (tag == HT_NAV || tag == HT_ASIDE || tag == HT_FOOTER || tag == HT_DIALOG ||
		    tag == HT_FIGCAPTION) {
			h->removed = true;
			continue;
		}
		if (e == sc->body || tag == HT_HTML)
			continue;
		if (sc->flags & SC_STRIP_UNLIKELY) {
			if ((h->names & NM_ROLE_UNLIKELY) ||
			    (tag != HT_A && (h->names & NM_UNLIKELY) && !(h->names & NM_MAYBE) &&
			     !sc_has_ancestor(e, HT_TABLE) && !sc_has_ancestor(e, HT_CODE))) {
				h->removed = true;
				continue;
			}
		}
		if ((h->names & (NM_REL_AUTHOR | NM_ITEMPROP_AUTHOR | NM_BYLINE)) &&
		    h->text_len > 0 && h->text_len < 100) {
			h->removed = true;
			continue;
		}
		if ((tag == HT_H1 || tag == HT_H2) && sc->title && h->text_len < 400) {
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
			if ((ch->tflags & HF_BLOCK) || ch->block_desc) {
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
		unsigned tag = h->tag;
		bool leaf_div = tag == HT_DIV && !h->block_desc;
		if (tag == HT_P || tag == HT_PRE || tag == HT_TD || leaf_div) {
			if (h->text_len >= 25 && e->parent)
				sc_propagate(sc, e->parent, h->text_len, h->commas);
		} else if (h->block_desc &&
			   (tag == HT_DIV || tag == HT_SECTION || tag == HT_ARTICLE ||
			    tag == HT_MAIN || tag == HT_TD || tag == HT_BLOCKQUOTE)) {
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
			} else if (sh->tag == HT_P) {
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

/* Recursion depth is bounded by HTML_MAX_DEPTH (deeper nodes lack hnodes). */
static void sc_gather_rec(const xmlNode *n, struct sc_gather *g, int link10, bool heading,
			  bool textish, bool list)
{
	/* Bare text in a div is a paragraph to Readability (it wraps it in a
	 * <p> before cleaning). */
	unsigned ntag = html_tag(n);
	bool wraps = ntag == HT_DIV || ntag == HT_SECTION || ntag == HT_ARTICLE || ntag == HT_MAIN;
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
		unsigned tag = h->tag;
		if (tag == HT_INPUT)
			g->input++;
		else if (tag == HT_OBJECT || tag == HT_EMBED || tag == HT_IFRAME)
			g->embed++;
		if (h->drop)
			continue;
		if (h->tflags & HF_BLOCK)
			wrapped = false;
		if (tag == HT_P || (tag == HT_DIV && !h->block_desc && h->text_len))
			g->p++;
		else if (tag == HT_IMG)
			g->img++;
		else if (tag == HT_LI)
			g->li++;
		else if (tag == HT_TABLE && h->data_table)
			g->data_table = true;
		int l10 = link10;
		if (tag == HT_A)
			l10 = h->names & NM_HREF_LOCAL ? 3 : 10;
		sc_gather_rec(c, g, l10, heading || (h->tflags & HF_HEADING),
			      textish || (h->tflags & HF_TEXTISH),
			      list || tag == HT_UL || tag == HT_OL);
	}
}

static bool sc_has_data_table_ancestor(const xmlNode *n)
{
	for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
		const struct hnode *h = html_hnode(p);
		if (h && h->tag == HT_TABLE && h->data_table)
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

	if (html_tag(n) == HT_TABLE && html_hnode(n)->data_table)
		return false;
	if (sc_has_data_table_ancestor(n) || sc_has_ancestor(n, HT_CODE))
		return false;
	sc_gather_rec(n, &g, html_tag(n) == HT_A ? 10 : 0, false, false, false);
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
	bool fig = sc_has_ancestor(n, HT_FIGURE);
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

/* Readability turns a div without block children, or one wrapping a
 * single <p> with few links, into a <p>: such divs are never cleaned. */
static bool sc_div_is_paragraph(const xmlNode *e)
{
	const struct hnode *h = html_hnode(e);
	if (h->tag != HT_DIV)
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
	return only && html_tag(only) == HT_P && html_link_density(e) < 0.25;
}

/* _prepArticle: share widgets, negatively named headings and conditional
 * removal of forms, tables, lists and divs, innermost first. */
static void sc_prep_article(struct scorer *sc, xmlNode **roots, size_t nroots)
{
	struct html_doc *hd = sc->hd;
	static const unsigned char passes[] = {HT_FORM, HT_FIELDSET, HT_TABLE, HT_UL, HT_DIV};
	size_t first = hd->n_nodes, last = 0;

	/* in_article: a root or below one. The roots are siblings, so their
	 * subtrees are one range of order[] (with other siblings between). */
	for (size_t i = 0; i < hd->n_nodes; i++)
		hd->nodes[i].in_article = false;
	for (size_t k = 0; k < nroots; k++)
		html_hnode(roots[k])->in_article = true;
	for (size_t i = 0; i < hd->n_nodes; i++) {
		struct hnode *h = &hd->nodes[i];
		if (h->parent && h->parent->in_article)
			h->in_article = true;
		if (h->in_article) {
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
		if (h->tag == HT_TABLE)
			sc_mark_data_table(e);
		bool is_root = h->in_article && (!h->parent || !h->parent->in_article);
		if (!is_root && (h->names & NM_SHARE) && h->text_len < SC_CHAR_THRESHOLD)
			h->removed = true;
		else if ((h->tag == HT_H1 || h->tag == HT_H2) && sc_class_weight(sc, e) < 0)
			h->removed = true;
	}
	if (!(sc->flags & SC_CLEAN_COND))
		return;
	for (size_t p = 0; p < sizeof(passes); p++) {
		/* Readability's isList is "ul" or "ol", but only "ul" is a pass. */
		bool is_list = passes[p] == HT_UL;
		for (size_t i = last + 1; i-- > first;) {
			xmlNode *e = hd->order[i];
			struct hnode *h = html_hnode(e);
			if (h->drop || h->removed || h->tag != passes[p] || !h->in_article)
				continue;
			if (sc_div_is_paragraph(e))
				continue;
			if (sc_should_remove(sc, e, is_list))
				h->removed = true;
		}
	}
}

/* One Readability attempt with the given flags. */
static size_t sc_attempt(struct scorer *sc, xmlNode ***roots, size_t *text_len)
{
	struct html_doc *hd = sc->hd;

	bool stale = false;
	for (size_t i = 0; i < hd->n_nodes; i++) {
		stale = stale || hd->nodes[i].removed;
		hd->nodes[i].removed = hd->nodes[i].candidate = false;
		hd->nodes[i].score = 0;
	}
	/* Byline sizes below need counts without an earlier attempt's
	 * removals (the first attempt has the parse's). */
	if (stale)
		html_doc_stats(hd);
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
