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

/* Per-element analysis, reached through xmlNode._private. */
struct hnode {
	double score;      /* readability content score */
	size_t text_len;   /* visible characters in the subtree */
	size_t link_len;   /* of which inside links */
	size_t commas;     /* commas in the subtree */
	unsigned depth;    /* below the document root */
	bool candidate;    /* has been initialised as a candidate */
	bool block_desc;   /* has a block descendant (div, p, table, ...) */
	bool data_table;   /* a table of data, not of layout */
	bool gone;         /* this or an ancestor is dropped or removed */
	bool drop;         /* never visible (script, hidden, too deep, ...) */
	bool removed;      /* removed by boilerplate cleaning */
};

/* One parsed document and its per-element side table. */
struct html_doc {
	htmlDocPtr doc;
	struct hnode *nodes; /* one per element, in document order */
	xmlNode **order;     /* the elements in document order */
	size_t n_nodes;
};

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

/* Tag name test (lower-case, as libxml2's HTML parser produces). */
bool html_is(const xmlNode *n, const char *tag);
bool html_is_heading(const xmlNode *n);
bool html_is_p_like(const xmlNode *n);
/* Block-level for paragraph splitting. */
bool html_is_block(const xmlNode *n);
bool html_tag_is_block(const char *lower_name);
/* Never visible: script, style, form controls, ... */
bool html_is_invisible_tag(const xmlNode *n);
/* Attribute value as stored (not a copy), or NULL. */
const char *html_attr(const xmlNode *n, const char *name);
bool html_is_hidden(const xmlNode *n);
/* Visible text of a subtree, white space collapsed (caller frees). */
char *html_inner_text(const xmlNode *n, size_t max);
/* Link density of an element from its statistics. */
double html_link_density(const xmlNode *n);

/* Case-insensitive: does s contain any of the NULL-terminated words? */
bool html_match_any(const char *s, const char *const *words);

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
