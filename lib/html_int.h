/* Internals shared by the HTML text modules (html_doc.c, html_meta.c,
 * html_score.c, htmltext.c). Not part of the public interface. */
#ifndef QUOTED_HTML_INT_H
#define QUOTED_HTML_INT_H
#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "quoted/util.h"

/* Inputs larger than this are truncated: the fetcher caps bodies far lower. */
#define HTML_MAX_INPUT (32u << 20)
/* Elements nested deeper than this are ignored (hostile input). */
#define HTML_MAX_DEPTH 400
/* Caps on what one document may produce. */
#define HTML_MAX_OUTPUT (8u << 20)
#define HTML_MAX_PARAGRAPHS 20000

/* Tags the analysis tells apart; every other element is HT_OTHER. */
enum html_tag {
	HT_OTHER, HT_A, HT_ARTICLE, HT_ASIDE, HT_BLOCKQUOTE, HT_BODY, HT_BR, HT_CAPTION,
	HT_CODE, HT_COL, HT_COLGROUP, HT_DD, HT_DIALOG, HT_DIV, HT_DL, HT_DT, HT_EMBED,
	HT_FIELDSET, HT_FIGCAPTION, HT_FIGURE, HT_FOOTER, HT_FORM, HT_H1, HT_H2, HT_HTML,
	HT_IFRAME, HT_IMG, HT_INPUT, HT_LI, HT_LINK, HT_MAIN, HT_META, HT_NAV, HT_OBJECT,
	HT_OL, HT_P, HT_PRE, HT_SCRIPT, HT_SECTION, HT_SPAN, HT_STYLE, HT_TABLE, HT_TD,
	HT_TFOOT, HT_TH, HT_THEAD, HT_TIME, HT_TITLE, HT_TR, HT_UL, HT_ADDRESS,
};

/* What a tag name is, for the tests that take lists of names. */
enum {
	HF_BLOCK = 1,     /* ends a paragraph */
	HF_INVISIBLE = 2, /* never shows text: script, style, form controls, ... */
	HF_P_LIKE = 4,    /* Readability's DIV_TO_P_ELEMS */
	HF_TEXTISH = 8,   /* counts as text container in _cleanConditionally */
	HF_HEADING = 16,  /* h1 to h6 */
};

/* What an element's class, id and a few other attributes say, worked out
 * once when the document is indexed (the scorer asks up to four times). */
enum {
	NM_UNLIKELY = 1 << 0,       /* class or id: unlikely candidate */
	NM_MAYBE = 1 << 1,          /* class or id: ... but maybe a candidate */
	NM_BYLINE = 1 << 2,         /* class or id: byline, author, dateline */
	NM_SHARE = 1 << 3,          /* class or id: a share widget */
	NM_META_BYLINE = 1 << 4,    /* class: byline or author */
	NM_ROLE_UNLIKELY = 1 << 5,  /* role: menu, navigation, dialog, ... */
	NM_REL_AUTHOR = 1 << 6,     /* rel="author" */
	NM_ITEMPROP_AUTHOR = 1 << 7, /* itemprop contains "author" */
	NM_HREF_LOCAL = 1 << 8,     /* href starts with '#' */
};

/* Per-element analysis, reached through xmlNode._private. */
struct hnode {
	struct hnode *parent; /* of the parent element; NULL for the root */
	double score;      /* readability content score */
	size_t text_len;   /* visible characters in the subtree */
	size_t link_len;   /* of which inside links */
	size_t commas;     /* commas in the subtree */
	size_t own_text;   /* visible characters in the direct text children */
	size_t own_commas; /* commas in the direct text children */
	unsigned depth;    /* below the document root */
	unsigned names;    /* NM_* */
	signed char class_weight; /* Readability's class weight of class and id */
	unsigned char tag;        /* enum html_tag */
	unsigned char tflags;     /* HF_* */
	bool candidate;    /* has been initialised as a candidate */
	bool block_desc;   /* has a block descendant (div, p, table, ...) */
	bool data_table;   /* a table of data, not of layout */
	bool gone;         /* this or an ancestor is dropped or removed */
	bool drop;         /* never visible (script, hidden, too deep, ...) */
	bool removed;      /* removed by boilerplate cleaning */
	bool in_article;   /* inside the chosen roots (html_score.c) */
};

/* One parsed document and its per-element side table. */
struct html_doc {
	htmlDocPtr doc;      /* read-only, in tree's arena */
	struct html_tree *tree;
	struct hnode *nodes; /* one per element, in document order */
	xmlNode **order;     /* the elements in document order */
	size_t n_nodes;
};

/* Parse UTF-8 HTML into a read-only tree shaped like libxml2's, kept in an
 * arena (html_tree.c); NULL on failure.  Free with html_tree_free(). */
struct html_tree;
htmlDocPtr html_tree_parse(const char *buf, size_t len, struct html_tree **tree);
void html_tree_free(struct html_tree *tree);
/* How many elements the tree holds.  Each element's tag + 1 is in its
 * xmlNode.extra (0: not looked up) and its HF_* flags in xmlNode.line. */
size_t html_tree_elements(const struct html_tree *tree);

/* Parse bytes into doc. A page's charset is sniffed from its BOM or <meta>
 * (default UTF-8); a fragment (feed content) is UTF-8 already. */
int html_doc_parse(struct html_doc *hd, const char *html, size_t len, bool fragment);
void html_doc_free(struct html_doc *hd);
/* Compute text/link/comma statistics bottom-up, honouring drop/removed. */
void html_doc_stats(struct html_doc *hd);

static inline struct hnode *html_hnode(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE ? (struct hnode *)n->_private : NULL;
}

/* Pre-order successor of n inside root; descend into n's children or not. */
xmlNode *html_walk_next(xmlNode *n, const xmlNode *root, bool descend);

/* Tag and HF_* flags of a lower-case tag name (as libxml2's HTML parser
 * produces); of an element, from its hnode when it has one. */
unsigned html_tag_lookup(const char *lower_name, unsigned *flags);
static inline unsigned html_tag(const xmlNode *n)
{
	const struct hnode *h = html_hnode(n);
	if (h)
		return h->tag;
	if (!n || n->type != XML_ELEMENT_NODE || !n->name)
		return HT_OTHER;
	return html_tag_lookup((const char *)n->name, NULL);
}
static inline unsigned html_tflags(const xmlNode *n)
{
	const struct hnode *h = html_hnode(n);
	unsigned f = 0;
	if (h)
		return h->tflags;
	if (n && n->type == XML_ELEMENT_NODE && n->name)
		html_tag_lookup((const char *)n->name, &f);
	return f;
}

/* Tag name test (lower-case, as libxml2's HTML parser produces). */
bool html_is(const xmlNode *n, const char *tag);
/* Block-level for paragraph splitting. */
static inline bool html_is_block(const xmlNode *n)
{
	return html_tflags(n) & HF_BLOCK;
}
bool html_tag_is_block(const char *lower_name);
/* Attribute value as stored (not a copy), or NULL. */
const char *html_attr(const xmlNode *n, const char *name);
/* Visible text of a subtree, white space collapsed (caller frees). */
char *html_inner_text(const xmlNode *n, size_t max);
/* Link density of an element from its statistics. */
double html_link_density(const xmlNode *n);

/* White space (ASCII and no-break space) collapsed and trimmed, in place. */
void html_squeeze(char *s);

struct article_text;
/* Title, byline and date from meta tags, JSON-LD and markup; body_hint gets
 * the JSON-LD articleBody when present (caller frees). */
void html_meta_extract(struct html_doc *hd, struct article_text *out, char **body_hint);

/* Readability: choose the main-text container(s); fills nodes (caller
 * frees) with the roots to emit in document order. */
size_t html_score_select(struct html_doc *hd, const char *title, const char *body_hint,
			 xmlNode ***nodes);
#endif
