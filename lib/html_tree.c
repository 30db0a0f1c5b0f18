/* Parsing HTML into a read-only tree shaped like libxml2's own (xmlDoc,
 * xmlNode, xmlAttr), built from the HTML parser's SAX events into one
 * arena.  The analysis only reads the tree, so it needs none of what
 * libxml2's tree builder does per node (a malloc for every node, attribute
 * and string, a free for each afterwards): building it here is about a
 * third faster, and freeing it is freeing a few blocks.
 *
 * The parser is set up as htmlReadMemory() sets it up, so the events are
 * the ones libxml2's own builder receives, and the tree has its shape:
 * element names without a namespace prefix ("o:p" is "p"), attributes
 * with one text child (a bare boolean one has its own name as value, any
 * other none), text and CDATA (script, style) merged as libxml2 merges
 * them, nothing outside the root element.  Comments, processing
 * instructions, the doctype and the content of scripts other than JSON-LD
 * and of style sheets are left out: nothing reads them.  On the
 * benchmark pages, our fixtures and the HTML fuzzing corpus the text
 * quoted reads from the two trees is byte for byte the same. */
#include "html_int.h"

#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64u << 10)

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

/* Blocks of finished trees are kept for the next document on the same
 * thread (up to SPARE_MAX of them, 1 MiB), so that a page costs few fresh
 * pages. */
#define SPARE_MAX 16
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static _Thread_local struct arena_block *spare;
static _Thread_local size_t n_spare;

/* Called at thread exit (the key holds a marker, not the list, which
 * changes after every document). */
static void spare_destroy(void *marker)
{
	(void)marker;
	for (struct arena_block *b = spare, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	spare = NULL;
	n_spare = 0;
}

static void spare_key_init(void)
{
	if (pthread_key_create(&spare_key, spare_destroy) != 0)
		abort();
}

/* Tag names are interned by the parser: their pointers key a small cache
 * of html_tag_lookup(), filled as elements come. */
#define TAG_CACHE 256

struct html_tree {
	struct arena_block *blocks;
	const xmlChar *tag_name[TAG_CACHE];
	unsigned short tag_info[TAG_CACHE];
	size_t n_elements, n_tag_names;
	xmlDictPtr dict;   /* element and attribute names live here */
	xmlDoc doc;
	xmlNode *cur;      /* the open element, or NULL at the top */
	size_t depth;      /* of cur; elements deeper are not kept */
	size_t skipped;    /* elements opened below the depth cap */
	bool no_merge;     /* a comment came between: do not merge text */
	xmlNode *grow;     /* the text node last appended to, and its room */
	size_t grow_len, grow_cap;
	bool failed;       /* out of memory */
};

static void *arena_alloc(struct html_tree *t, size_t n)
{
	struct arena_block *b = t->blocks;
	n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (!b || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		if (cap == ARENA_BLOCK && spare) {
			b = spare;
			spare = b->next;
			n_spare--;
		} else {
			b = malloc(sizeof(*b) + cap);
		}
		if (!b) {
			t->failed = true;
			return NULL;
		}
		b->used = 0;
		b->cap = cap;
		b->next = t->blocks;
		t->blocks = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

static xmlChar *arena_strndup(struct html_tree *t, const xmlChar *s, size_t n)
{
	xmlChar *d = arena_alloc(t, n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* A text (or CDATA) node holding a copy of [s, s+n), not yet linked. */
static xmlNode *arena_text_node(struct html_tree *t, xmlElementType type, const xmlChar *s, size_t n)
{
	xmlNode *v = arena_alloc(t, sizeof(*v));
	if (!v)
		return NULL;
	memset(v, 0, sizeof(*v));
	v->type = type;
	v->name = xmlStringText;
	v->content = arena_strndup(t, s, n);
	v->doc = &t->doc;
	return v;
}

static void tree_append(struct html_tree *t, xmlNode *n)
{
	xmlNode *p = t->cur;
	n->doc = &t->doc;
	if (p) {
		n->parent = p;
		n->prev = p->last;
		if (p->last)
			p->last->next = n;
		else
			p->children = n;
		p->last = n;
	} else {
		n->parent = (xmlNode *)&t->doc;
		n->prev = t->doc.last;
		if (t->doc.last)
			t->doc.last->next = n;
		else
			t->doc.children = n;
		t->doc.last = n;
	}
}

static struct html_tree *tree_of(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct html_tree *t = tree_of(ctx);
	xmlNode *n;
	if (t->failed || t->skipped || t->depth >= HTML_MAX_DEPTH + 8) {
		t->skipped++;
		return;
	}
	n = arena_alloc(t, sizeof(*n));
	if (!n)
		return;
	memset(n, 0, sizeof(*n));
	n->type = XML_ELEMENT_NODE;
	n->name = name; /* interned in the parser's dictionary, which we keep */
	if (strchr((const char *)name, ':')) {
		/* "o:p", "fb:like": libxml2 keeps the part after the prefix */
		xmlChar *prefix = NULL, *local = xmlSplitQName(ctx, name, &prefix);
		if (local) {
			n->name = arena_strndup(t, local, strlen((const char *)local));
			xmlFree(local);
		}
		xmlFree(prefix);
		if (!n->name)
			return;
	}
	xmlAttr *last = NULL;
	for (size_t i = 0; atts && atts[i]; i += 2) {
		xmlAttr *a = arena_alloc(t, sizeof(*a));
		if (!a)
			return;
		memset(a, 0, sizeof(*a));
		a->type = XML_ATTRIBUTE_NODE;
		a->name = atts[i];
		a->parent = n;
		a->doc = &t->doc;
		/* a bare boolean attribute (<script defer>) has its name as its
		 * value, as libxml2's tree builder gives it */
		const xmlChar *val = atts[i + 1];
		if (!val && htmlIsBooleanAttr(atts[i]))
			val = atts[i];
		if (val) {
			xmlNode *v = arena_text_node(t, XML_TEXT_NODE, val, strlen((const char *)val));
			if (!v)
				return;
			v->parent = (xmlNode *)a;
			a->children = a->last = v;
		}
		a->prev = last;
		if (last)
			last->next = a;
		else
			n->properties = a;
		last = a;
	}
	/* the element's tag and flags, for doc_index(): in fields libxml2
	 * leaves to its users */
	size_t h = ((uintptr_t)n->name >> 4) & (TAG_CACHE - 1);
	while (t->tag_name[h] && t->tag_name[h] != n->name)
		h = (h + 1) & (TAG_CACHE - 1);
	if (!t->tag_name[h] && t->n_tag_names < TAG_CACHE / 2) {
		unsigned fl;
		unsigned tag = html_tag_lookup((const char *)n->name, &fl);
		t->tag_name[h] = n->name;
		t->tag_info[h] = (unsigned short)(tag | fl << 8);
		t->n_tag_names++;
	}
	if (t->tag_name[h] == n->name) {
		n->extra = (unsigned short)((t->tag_info[h] & 0xff) + 1);
		n->line = (unsigned short)(t->tag_info[h] >> 8);
	}
	t->n_elements++;
	tree_append(t, n);
	t->cur = n;
	t->depth++;
	t->no_merge = false;
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct html_tree *t = tree_of(ctx);
	(void)name;
	if (t->skipped) {
		t->skipped--;
		return;
	}
	if (t->cur) {
		xmlNode *p = t->cur->parent;
		t->cur = p && p->type == XML_ELEMENT_NODE ? p : NULL;
		t->depth--;
	}
	t->no_merge = false;
}

/* Text is added to the last child when that is text of the same kind, as
 * libxml2 does (the parser hands long text and scripts over in chunks of
 * about a thousand bytes); the node's room doubles as it grows, so the
 * copying stays linear. */
static void on_text(struct html_tree *t, const xmlChar *s, int len, xmlElementType type)
{
	xmlNode *last;
	size_t n = (size_t)len;
	if (t->failed || t->skipped || len <= 0)
		return;
	if (!t->cur)
		return; /* libxml2 keeps no text outside the elements */
	last = t->cur->last;
	if (last && last->type == type && !t->no_merge) {
		size_t old = last == t->grow ? t->grow_len : strlen((const char *)last->content);
		size_t cap = last == t->grow ? t->grow_cap : old;
		if (old + n > cap) {
			size_t ncap = cap * 2 > old + n ? cap * 2 : old + n;
			xmlChar *c = arena_alloc(t, ncap + 1);
			if (!c)
				return;
			memcpy(c, last->content, old);
			last->content = c;
			cap = ncap;
		}
		memcpy(last->content + old, s, n);
		last->content[old + n] = '\0';
		t->grow = last;
		t->grow_len = old + n;
		t->grow_cap = cap;
		return;
	}
	xmlNode *node = arena_text_node(t, type, s, n);
	if (!node)
		return;
	tree_append(t, node);
	t->grow = node;
	t->grow_len = t->grow_cap = n;
	t->no_merge = false;
}

static void on_characters(void *ctx, const xmlChar *s, int len)
{
	on_text(tree_of(ctx), s, len, XML_TEXT_NODE);
}

/* Script and style content is kept only for JSON-LD, the one script the
 * analysis reads (html_meta.c); the rest is most of a page's bytes. */
static bool keeps_cdata(const xmlNode *n)
{
	unsigned tag = n && n->extra ? n->extra - 1u : HT_OTHER; /* 0: not looked up */
	if (tag == HT_STYLE)
		return false;
	if (tag != HT_SCRIPT)
		return true;
	const char *type = html_attr(n, "type");
	return type && str_ieq(type, "application/ld+json");
}

static void on_cdata(void *ctx, const xmlChar *s, int len)
{
	struct html_tree *t = tree_of(ctx);
	if (keeps_cdata(t->cur))
		on_text(t, s, len, XML_CDATA_SECTION_NODE);
}

static void on_comment(void *ctx, const xmlChar *value)
{
	(void)value;
	tree_of(ctx)->no_merge = true;
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)target;
	(void)data;
	tree_of(ctx)->no_merge = true;
}

static void on_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

htmlDocPtr html_tree_parse(const char *buf, size_t len, struct html_tree **out)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;
	xmlCharEncodingHandlerPtr utf8;
	struct html_tree *t;

	*out = NULL;
	if (len > INT32_MAX)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->doc.type = XML_HTML_DOCUMENT_NODE;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = 1;
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_characters;
	sax.cdataBlock = on_cdata;
	sax.comment = on_comment;
	sax.processingInstruction = on_pi;
	sax.error = on_error;
	sax.warning = on_error;
	/* set up as htmlReadMemory() does, so that the parser reads the
	 * bytes exactly as it does there */
	ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
	if (!ctxt) {
		free(t);
		return NULL;
	}
	memcpy(ctxt->sax, &sax, sizeof(xmlSAXHandlerV1));
	ctxt->_private = t;
	ctxt->userData = ctxt;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					 HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
					 XML_PARSE_HUGE);
	ctxt->html = 1;
	utf8 = xmlFindCharEncodingHandler("UTF-8");
	if (utf8)
		xmlSwitchToEncoding(ctxt, utf8);
	htmlParseDocument(ctxt);
	t->dict = ctxt->dict;
	if (t->dict)
		xmlDictReference(t->dict);
	htmlFreeParserCtxt(ctxt);
	*out = t;
	if (t->failed)
		return NULL;
	return &t->doc;
}

size_t html_tree_elements(const struct html_tree *t)
{
	return t ? t->n_elements : 0;
}

void html_tree_free(struct html_tree *t)
{
	if (!t)
		return;
	pthread_once(&spare_once, spare_key_init);
	for (struct arena_block *b = t->blocks, *n; b; b = n) {
		n = b->next;
		if (b->cap == ARENA_BLOCK && n_spare < SPARE_MAX) {
			b->next = spare;
			spare = b;
			n_spare++;
		} else {
			free(b);
		}
	}
	if (spare && !pthread_getspecific(spare_key))
		pthread_setspecific(spare_key, &spare_key); /* freed when the thread ends */
	if (t->dict)
		xmlDictFree(t->dict);
	free(t);
}
