/* RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with libxml2. Untrusted input: no
 * external entity or DTD is ever loaded, nothing touches the network, and
 * text gathering is bounded so entity expansion cannot blow up memory. */
#include <assert.h>
#include <ctype.h>
#include <iconv.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "feed_priv.h"
#include "quoted/util.h"
#include "quoted/xmlsafe.h"

/* Namespaces we tell apart, as bits so a lookup can accept several. */
enum {
	NS_NONE = 1 << 0,
	NS_RSS = 1 << 1, /* RSS 1.0, RSS 0.90, Userland RSS 2 */
	NS_ATOM = 1 << 2, /* Atom 1.0 and 0.3 */
	NS_DC = 1 << 3,
	NS_DCTERMS = 1 << 4,
	NS_CONTENT = 1 << 5,
	NS_XHTML = 1 << 6,
	NS_RDF = 1 << 7,
	NS_ITUNES = 1 << 8,
	NS_MEDIA = 1 << 9,
	NS_OTHER = 1 << 10,
};
#define NS_CORE (NS_NONE | NS_RSS) /* plain RSS elements */

/* The item child names xml_item() tells apart, as an X macro: each becomes
 * a field of struct xml_names. */
#define XML_ITEM_NAMES(X)                                                                  \
	X(abstract) X(author) X(body) X(content) X(created) X(creator) X(date) X(description) \
	X(encoded) X(fullitem) X(guid) X(id) X(issued) X(link) X(modified) X(pubDate)        \
	X(published) X(summary) X(title) X(updated)

/* Those names as interned in a parser context's dictionary. With
 * dictNames set (no XML_PARSE_NODICT), libxml2 takes every element name of
 * the document from that dictionary, so comparing a name is comparing a
 * pointer: string compares were a few percent of parsing a large feed.
 * dict is NULL when names are not interned; then strcmp() it is. */
struct xml_names {
	const xmlDict *dict;
#define XML_NAME_FIELD(w) const xmlChar *w;
	XML_ITEM_NAMES(XML_NAME_FIELD)
#undef XML_NAME_FIELD
};

/* Walk budget for one field: nodes visited and entity nesting. */
#define XML_MAX_VISITS 1000000
#define XML_MAX_ENT_DEPTH 40

struct xp {
	struct feed *f;
	size_t cap;
	xmlDocPtr doc;
	int core;	  /* namespace bits of the format's own elements */
	bool atom03;      /* Atom 0.3 text constructs (mode=) */
	bool nocase;      /* CDF: element names in any case */
	char *feed_author; /* Atom: inherited by entries without one */
	char reason[256];  /* first error libxml2 reported */
	/* Streaming: items are read and freed as soon as they end. */
	xmlNode *root;    /* NULL until the root element starts */
	xmlNode *channel; /* the element whose items count (besides root's) */
	bool is_feed;     /* root names a format we read */
	size_t len;       /* bytes of the document */
	bool atom;
	bool base_attr; /* an attribute named base (xml:base) was seen */
	const struct xml_names *ctxt_names; /* of the parser context */
	struct xml_names names; /* those, if this document uses them */
};

static int xml_ns(const xmlNode *n)
{
	static const struct {
		const char *uri;
		int bit;
	} known[] = {
		{"http://www.w3.org/2005/atom", NS_ATOM},
		{"http://purl.org/atom/ns#", NS_ATOM},
		{"http://purl.org/rss/1.0/modules/content/", NS_CONTENT},
		{"http://purl.org/rss/1.0/", NS_RSS},
		{"http://my.netscape.com/rdf/simple/0.9/", NS_RSS},
		{"http://backend.userland.com/rss", NS_RSS},
		{"http://blogs.law.harvard.edu/tech/rss", NS_RSS},
		{"http://purl.org/net/rss1.1#", NS_RSS},
		{"http://purl.org/dc/elements/1.", NS_DC},
		{"http://purl.org/dc/terms/", NS_DCTERMS},
		{"http://www.w3.org/1999/xhtml", NS_XHTML},
		{"http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF},
		{"http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES},
		{"http://search.yahoo.com/mrss", NS_MEDIA},
	};
	xmlNs *ns = n->ns;
	if (!ns || !ns->href || !*ns->href)
		return NS_NONE;
	/* Asked for every element, often more than once: the answer is kept
	 * in the declaration's application field (libxml2 never uses it). */
	if (ns->_private)
		return (int)(intptr_t)ns->_private;
	const char *uri = (const char *)ns->href;
	int bit = NS_OTHER;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strncasecmp(uri, known[i].uri, strlen(known[i].uri)) == 0) {
			bit = known[i].bit;
			break;
		}
	ns->_private = (void *)(intptr_t)bit;
	return bit;
}

static bool xml_is(const struct xp *p, const xmlNode *n, int ns, const char *name)
{
	if (n->type != XML_ELEMENT_NODE || !(xml_ns(n) & ns))
		return false;
	if (p->nocase)
		return strcasecmp((const char *)n->name, name) == 0;
	return strcmp((const char *)n->name, name) == 0;
}

/* Is an element's name want? interned is want's copy in the dictionary.
 * Case matters, for the namespaced elements of CDF too. */
static bool xml_name_eq(const struct xp *p, const xmlChar *name, const xmlChar *interned,
			const char *want)
{
	if (!p->names.dict)
		return strcmp((const char *)name, want) == 0;
	assert(xmlDictOwns((xmlDict *)p->names.dict, name) == 1);
	return name == interned;
}
#define XML_EQ(p, name, w) xml_name_eq(p, name, (p)->names.w, #w)

/* xml_is() for an element whose namespace is already known to match:
 * XML_EQ(), but in any case for CDF. */
#define XML_NAME_IS(p, name, w) \
	((p)->nocase ? strcasecmp((const char *)(name), #w) == 0 : XML_EQ(p, name, w))

static void xml_names_intern(struct xml_names *nm, xmlDict *dict)
{
	*nm = (struct xml_names){0};
	if (!dict)
		return;
#define XML_NAME_INTERN(w) \
	if (!(nm->w = xmlDictLookup(dict, (const xmlChar *)#w, -1))) \
		return;
	XML_ITEM_NAMES(XML_NAME_INTERN)
#undef XML_NAME_INTERN
	nm->dict = dict; /* only once every name is in */
}

static xmlNode *xml_child(const struct xp *p, const xmlNode *parent, int ns, const char *name)
{
	for (xmlNode *c = parent->children; c; c = c->next)
		if (xml_is(p, c, ns, name))
			return c;
	return NULL;
}

/* Attribute by local name in no namespace (or any, if none matches). */
static char *xml_attr(const struct xp *p, const xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next) {
		bool eq = p->nocase ? strcasecmp((const char *)a->name, name) == 0
				    : strcmp((const char *)a->name, name) == 0;
		if (eq)
			return (char *)xmlNodeGetContent((xmlNode *)a);
	}
	return NULL;
}

struct xml_walk {
	struct buf b;
	size_t visits;
	bool markup; /* serialize child elements instead of only their text */
};

static void xml_dump(struct xml_walk *w, xmlNode *n)
{
	xmlBufferPtr xb = xmlBufferCreate();
	if (!xb)
		return;
	xmlNodeDump(xb, n->doc, n, 0, 0);
	if (w->b.len + (size_t)xmlBufferLength(xb) <= FEED_MAX_FIELD)
		buf_append(&w->b, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
}

/* Concatenate the text under a node list. Entity references are followed
 * (they are not substituted at parse time) with a bound on nesting, visits
 * and output, so "billion laughs" style documents stay cheap. */
static void xml_walk(struct xml_walk *w, xmlNode *n, int depth)
{
	for (; n; n = n->next) {
		if (++w->visits > XML_MAX_VISITS || w->b.len >= FEED_MAX_FIELD)
			return;
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content)
				buf_puts(&w->b, (const char *)n->content);
			break;
		case XML_ENTITY_REF_NODE: {
			xmlEntityPtr ent = (xmlEntityPtr)n->children;
			if (ent && ent->type == XML_ENTITY_DECL && depth < XML_MAX_ENT_DEPTH)
				xml_walk(w, ent->children, depth + 1);
			break;
		}
		case XML_ELEMENT_NODE:
			if (w->markup)
				xml_dump(w, n);
			else if (depth < XML_MAX_ENT_DEPTH + 300)
				xml_walk(w, n->children, depth + 1);
			break;
		default:
			break;
		}
	}
}

/* The content of n when it is one text node (the usual case), else NULL. */
static const char *xml_only_text(const xmlNode *n)
{
	const xmlNode *c = n->children;
	if (c && !c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
	    c->content)
		return (const char *)c->content;
	return NULL;
}

/* Text of an element (markup=false) or its content as an HTML string, with
 * child elements serialized (markup=true). Never NULL. */
static char *xml_text(xmlNode *n, bool markup)
{
	const char *one = xml_only_text(n);
	if (one)
		return xstrdup(one);
	struct xml_walk w = {.markup = markup};
	buf_append(&w.b, "", 0);
	xml_walk(&w, n->children, 0);
	return buf_steal(&w.b);
}

/* Inline XHTML: the children of n serialized (text escaped again). */
static char *xml_markup(xmlNode *n)
{
	struct xml_walk w = {.markup = true};
	buf_append(&w.b, "", 0);
	for (xmlNode *c = n->children; c; c = c->next)
		xml_dump(&w, c);
	return buf_steal(&w.b);
}

/* The base URI in effect at n: xml:base attributes up the tree, then the
 * document URL. A base with a script scheme is ignored. */
static xmlChar *xml_base(const struct xp *p, xmlNode *n)
{
	xmlChar *base;
	/* Without xml:base attributes (nor a DTD that could default one),
	 * xmlNodeGetBase() walks every ancestor to find none and returns the
	 * document URL: the common case, asked for each link and summary. */
	if (!p->base_attr && !p->doc->intSubset && !p->doc->extSubset)
		base = p->doc->URL ? xmlStrdup(p->doc->URL) : NULL;
	else
		base = xmlNodeGetBase(p->doc, n);
	if (base && (!strncasecmp((char *)base, "javascript:", 11) ||
		     !strncasecmp((char *)base, "vbscript:", 9) || !strncasecmp((char *)base, "data:", 5))) {
		xmlFree(base);
		base = p->doc->URL ? xmlStrdup(p->doc->URL) : NULL;
	}
	return base;
}

/* Summaries and contents are kept as HTML, but the xml:base that governs
 * their relative links is gone once the feed is parsed: make them absolute
 * here. */
static char *xml_html_abs(const struct xp *p, xmlNode *n, char *html)
{
	xmlChar *base = xml_base(p, n);
	if (!base)
		return html;
	char *s = feed_html_resolve(html, (const char *)base);
	xmlFree(base);
	free(html);
	return s;
}

/* Resolve a link (trimmed) against xml:base of its element and the
 * document URL. Takes s (malloc'd): returns it when there is no base. */
static char *xml_resolve_owned(const struct xp *p, xmlNode *n, char *s)
{
	xmlChar *base = xml_base(p, n);
	if (!base)
		return s;
	xmlChar *abs = xmlBuildURI((const xmlChar *)s, base);
	xmlFree(base);
	if (!abs)
		return s;
	free(s);
	s = xstrdup((const char *)abs);
	xmlFree(abs);
	return s;
}

static char *xml_resolve(const struct xp *p, xmlNode *n, const char *href)
{
	char *s = xstrdup(href);
	feed_trim(s);
	return xml_resolve_owned(p, n, s);
}

static void xml_set_plain(char **field, char *s)
{
	if (!*field && s)
		str_squeeze_space(s);
	feed_set_owned(field, s);
}

/* Plain-text title from RSS-style text that may or may not be HTML. */
static char *xml_plain(xmlNode *n)
{
	char *s = xml_text(n, false);
	if (feed_looks_like_html(s)) {
		char *t = feed_html_to_text(s);
		free(s);
		s = t;
	}
	return s;
}

static void xml_set_date(int64_t *field, xmlNode *n)
{
	if (*field)
		return;
	const char *one = xml_only_text(n);
	if (one) {
		*field = feed_parse_date(one);
		return;
	}
	char *s = xml_text(n, false);
	*field = feed_parse_date(s);
	free(s);
}

static char *xml_base64(const char *s)
{
	static const char tbl[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf b = {0};
	uint32_t acc = 0;
	int bits = 0;
	buf_append(&b, "", 0);
	for (; *s && *s != '='; s++) {
		const char *c = strchr(tbl, *s);
		if (!c || !*s)
			continue;
		acc = (acc << 6) | (uint32_t)(c - tbl);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_putc(&b, (char)((acc >> bits) & 0xFF));
		}
	}
	return buf_steal(&b);
}

/* An Atom text construct (title, summary, content, ...). plain: return
 * plain text (for titles), else the value as HTML or text as given. */
static char *atom_text(const struct xp *p, xmlNode *n, bool plain)
{
	char *type = xml_attr(p, n, "type"), *mode = xml_attr(p, n, "mode");
	char *s;
	bool xhtml = false, html = false, text = true;

	if (type && !*type) {
		xmlFree(type); /* type="" is no type */
		type = NULL;
	}
	if (type) {
		const char *t = type;
		xhtml = !strcasecmp(t, "xhtml") || !strcasecmp(t, "application/xhtml+xml");
		html = !strcasecmp(t, "html") || !strcasecmp(t, "text/html");
		text = !strcasecmp(t, "text") || !strcasecmp(t, "text/plain");
		/* Atom 1.0: other non-XML, non-text media types are base64 */
		if (!p->atom03 && !xhtml && !html && !text && !strcasestr(t, "xml") &&
		    strncasecmp(t, "text/", 5) && !mode)
			mode = (char *)xmlStrdup((const xmlChar *)"base64");
	}
	if (mode && !strcasecmp(mode, "escaped")) {
		html = !text || html;
		xhtml = false;
	}
	if (mode && !strcasecmp(mode, "base64")) {
		char *raw = xml_text(n, false);
		s = xml_base64(raw);
		free(raw);
		if (plain && (html || feed_looks_like_html(s))) {
			char *t = feed_html_to_text(s);
			free(s);
			s = t;
		}
	} else if (xhtml || (p->atom03 && html && (!mode || !strcasecmp(mode, "xml")) &&
			     xmlFirstElementChild(n))) {
		/* inline markup; Atom 1.0 wraps it in one xhtml:div */
		xmlNode *div = xmlFirstElementChild(n), *from = n;
		if (xhtml && !strcasecmp(type, "xhtml") && div && xml_is(p, div, NS_XHTML, "div") &&
		    !xmlNextElementSibling(div))
			from = div; /* Atom 1.0 wraps xhtml in one div */
		s = plain ? xml_text(from, false) : xml_markup(from);
	} else if (html) {
		s = xml_text(n, false);
		if (plain) {
			char *t = feed_html_to_text(s);
			free(s);
			s = t;
		}
	} else if (text) {
		/* markup where text was declared: keep it rather than lose it */
		s = xml_text(n, !plain && xmlFirstElementChild(n));
	} else {
		s = xml_text(n, true); /* other media types: as given */
	}
	xmlFree(type);
	xmlFree(mode);
	return s;
}

/* Pick a link: rel=alternate (the default rel) wins, preferring an HTML
 * type; Atom-style links in RSS (atom:link) also count. */
static char *atom_link(const struct xp *p, xmlNode *parent, int ns)
{
	xmlNode *best = NULL;
	int best_score = 0;
	for (xmlNode *c = parent->children; c; c = c->next) {
		if (!xml_is(p, c, ns, "link"))
			continue;
		char *rel = xml_attr(p, c, "rel"), *type = xml_attr(p, c, "type");
		char *href = xml_attr(p, c, "href");
		int score = 0;
		if (!href) {
			href = xml_text(c, false);
			feed_trim(href);
			if (!*href) {
				free(href);
				href = NULL;
			} else {
				char *t = (char *)xmlStrdup((xmlChar *)href);
				free(href);
				href = t;
			}
		}
		if (href && (!rel || !strcasecmp(rel, "alternate")))
			score = !type || strcasestr(type, "html") ? 3 : 2;
		if (score > best_score)
			best = c, best_score = score;
		xmlFree(rel);
		xmlFree(type);
		xmlFree(href);
	}
	if (!best)
		return NULL;
	char *href = xml_attr(p, best, "href");
	if (!href) {
		char *t = xml_text(best, false);
		char *abs = xml_resolve(p, best, t);
		free(t);
		return abs;
	}
	char *abs = xml_resolve(p, best, href);
	xmlFree(href);
	return abs;
}

static char *atom_person(const struct xp *p, xmlNode *n)
{
	xmlNode *name = xml_child(p, n, NS_ATOM | NS_NONE, "name");
	if (name)
		return xml_plain(name);
	return NULL;
}

/* "jane@example.com (Jane Doe)" or "Jane Doe <jane@...>" -> "Jane Doe". */
static char *rss_author_name(char *s)
{
	char *open = strchr(s, '('), *close = open ? strrchr(open, ')') : NULL;
	char *at = strchr(s, '@');
	if (open && close && at && at < open) {
		char *t = xstrndup(open + 1, (size_t)(close - open - 1));
		free(s);
		return t;
	}
	if (open && close && at && at > open && at < close && open > s) {
		*open = '\0'; /* "Jane Doe (jane@example.com)" */
		return s;
	}
	char *lt = strchr(s, '<');
	if (lt && lt > s && strchr(lt, '@') && strchr(lt, '>')) {
		*lt = '\0';
		return s;
	}
	return s;
}

static void xml_item(struct xp *p, xmlNode *item, bool atom)
{
	struct feed_item *it = feed_add_item(p->f, &p->cap);
	char *guid_link = NULL;
	xmlNode *media_title = NULL;

	if (!it)
		return;
	for (xmlNode *c = item->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		int ns = xml_ns(c);
		const xmlChar *name = c->name;
		bool core = (ns & p->core) != 0;

		if (atom && core) {
			if (XML_EQ(p, name, id)) {
				xml_set_plain(&it->guid, xml_text(c, false));
			} else if (XML_EQ(p, name, title)) {
				xml_set_plain(&it->title, atom_text(p, c, true));
			} else if (XML_EQ(p, name, summary)) {
				feed_set_owned(&it->summary, xml_html_abs(p, c, atom_text(p, c, false)));
			} else if (XML_EQ(p, name, content)) {
				feed_set_owned(&it->content, xml_html_abs(p, c, atom_text(p, c, false)));
			} else if (XML_EQ(p, name, author)) {
				xml_set_plain(&it->author, atom_person(p, c));
			} else if (XML_EQ(p, name, published) || XML_EQ(p, name, updated)) {
				/* the Atom 1.0 names win over 0.3's, the last one wins */
				int64_t *d = name[0] == 'p' ? &it->published : &it->updated;
				int64_t old = *d;
				*d = 0;
				xml_set_date(d, c);
				if (!*d)
					*d = old;
			} else if (XML_EQ(p, name, issued) || XML_EQ(p, name, created)) {
				xml_set_date(&it->published, c);
			} else if (XML_EQ(p, name, modified)) {
				xml_set_date(&it->updated, c);
			}
			continue;
		}
		if (core) {
			if (XML_NAME_IS(p, name, title)) {
				xml_set_plain(&it->title, xml_plain(c));
			} else if (XML_NAME_IS(p, name, link) && !it->link) {
				char *href = p->nocase ? xml_attr(p, c, "href") : NULL;
				char *s = href ? xstrdup(href) : xml_text(c, false);
				xmlFree(href);
				feed_trim(s);
				if (*s)
					it->link = xml_resolve_owned(p, c, s);
				else
					free(s);
			} else if (XML_NAME_IS(p, name, guid)) {
				char *s = xml_text(c, false);
				feed_trim(s);
				if (!it->guid &&
				    (str_has_prefix(s, "http://") || str_has_prefix(s, "https://"))) {
					/* the attribute only matters for a URL */
					char *perma = xml_attr(p, c, "isPermaLink");
					if (!perma || strcasecmp(perma, "false"))
						guid_link = xml_resolve(p, c, s);
					xmlFree(perma);
				}
				xml_set_plain(&it->guid, s);
			} else if (XML_NAME_IS(p, name, description) || XML_NAME_IS(p, name, abstract)) {
				feed_set_owned(&it->summary, xml_html_abs(p, c, xml_text(c, true)));
			} else if (XML_NAME_IS(p, name, body) || XML_NAME_IS(p, name, fullitem)) {
				feed_set_owned(&it->content, xml_html_abs(p, c, xml_text(c, true)));
			} else if (XML_NAME_IS(p, name, author)) {
				xml_set_plain(&it->author, rss_author_name(xml_plain(c)));
			} else if (XML_NAME_IS(p, name, pubDate)) {
				xml_set_date(&it->published, c);
			}
		} else if (ns == NS_CONTENT && XML_EQ(p, name, encoded)) {
			feed_set_owned(&it->content, xml_html_abs(p, c, xml_text(c, true)));
		} else if (ns == NS_XHTML && XML_EQ(p, name, body)) {
			feed_set_owned(&it->content, xml_html_abs(p, c, xml_markup(c)));
		} else if (ns == NS_DC) {
			if (XML_EQ(p, name, title))
				xml_set_plain(&it->title, xml_plain(c));
			else if (XML_EQ(p, name, creator) || XML_EQ(p, name, author))
				xml_set_plain(&it->author, rss_author_name(xml_plain(c)));
			else if (XML_EQ(p, name, date))
				xml_set_date(&it->published, c);
			else if (XML_EQ(p, name, description))
				feed_set_owned(&it->summary, xml_html_abs(p, c, xml_text(c, true)));
		} else if (ns == NS_DCTERMS) {
			if (XML_EQ(p, name, issued) || XML_EQ(p, name, created))
				xml_set_date(&it->published, c);
			else if (XML_EQ(p, name, modified))
				xml_set_date(&it->updated, c);
		} else if (ns == NS_ATOM) {
			if (XML_EQ(p, name, link) && !it->link)
				it->link = atom_link(p, item, NS_ATOM);
			else if (XML_EQ(p, name, updated))
				xml_set_date(&it->updated, c);
			else if (XML_EQ(p, name, published))
				xml_set_date(&it->published, c);
		} else if (ns == NS_ITUNES && XML_EQ(p, name, author)) {
			xml_set_plain(&it->author, xml_plain(c));
		} else if (ns == NS_ITUNES && XML_EQ(p, name, summary)) {
			feed_set_owned(&it->summary, xml_text(c, true));
		} else if (ns == NS_MEDIA && XML_EQ(p, name, title) && !media_title) {
			media_title = c;
		}
	}
	if (media_title)
		xml_set_plain(&it->title, xml_plain(media_title)); /* only a fallback */
	if (atom && !it->link)
		it->link = atom_link(p, item, p->core);
	if (!atom && !it->guid) {
		/* RSS 1.0: the item's rdf:about is its identity */
		xmlChar *about = xmlGetNsProp(item, (const xmlChar *)"about",
					      (const xmlChar *)"http://www.w3.org/1999/02/22-rdf-syntax-ns#");
		if (about)
			feed_set(&it->guid, (const char *)about);
		xmlFree(about);
	}
	if (!it->link && guid_link)
		it->link = guid_link;
	else
		free(guid_link);
	if (p->nocase && !it->link) {
		char *href = xml_attr(p, item, "HREF");
		if (href)
			it->link = xml_resolve(p, item, href);
		xmlFree(href);
	}
	if (p->nocase && !it->updated) {
		char *lm = xml_attr(p, item, "LASTMOD");
		it->updated = lm ? feed_parse_date(lm) : 0;
		xmlFree(lm);
	}
}

/* Feed-level fields of an RSS channel or an Atom feed element. */
static void xml_channel(struct xp *p, xmlNode *ch, bool atom)
{
	struct feed *f = p->f;
	for (xmlNode *c = ch->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		int ns = xml_ns(c);
		bool core = (ns & p->core) != 0;
		if (core && xml_is(p, c, ns, "title")) {
			xml_set_plain(&f->title, atom ? atom_text(p, c, true) : xml_plain(c));
		} else if (!atom && ns == NS_DC && !strcmp((const char *)c->name, "title")) {
			xml_set_plain(&f->title, xml_plain(c));
		} else if (!atom && core && xml_is(p, c, ns, "link") && !f->link) {
			char *s = xml_text(c, false);
			feed_trim(s);
			if (*s)
				f->link = xml_resolve(p, c, s);
			free(s);
		} else if (!atom && core && xml_is(p, c, ns, "ttl")) {
			char *s = xml_text(c, false);
			long v = strtol(s, NULL, 10);
			f->ttl_minutes = v > 0 && v < 1000000 ? (int)v : 0;
			free(s);
		} else if (atom && core && xml_is(p, c, ns, "author") && !p->feed_author) {
			char *s = atom_person(p, c);
			if (s)
				str_squeeze_space(s);
			feed_set(&p->feed_author, s);
			free(s);
		}
	}
	if (!f->link)
		f->link = atom_link(p, ch, atom ? p->core : NS_ATOM);
	if (p->nocase && !f->link) {
		char *href = xml_attr(p, ch, "HREF");
		if (href)
			f->link = xml_resolve(p, ch, href);
		xmlFree(href);
	}
}

/* Format of the document from its root element: sets out->format, the
 * namespace bits of its own elements, and whether it is a feed at all. */
static void xml_classify(struct xp *p, xmlNode *root)
{
	const char *rname = (const char *)root->name;
	struct feed *out = p->f;

	p->is_feed = true;
	if (!strcmp(rname, "rss")) {
		out->format = FEED_RSS;
		p->core = NS_CORE | (xml_ns(root) & NS_OTHER);
	} else if (!strcmp(rname, "RDF")) {
		out->format = FEED_RDF;
		p->core = NS_CORE;
	} else if (!strcmp(rname, "feed")) {
		/* Atom, or a namespace variant of it (pre-0.3 drafts) */
		out->format = FEED_ATOM;
		p->core = NS_ATOM | NS_NONE | xml_ns(root);
		p->atom03 = root->ns && !strcasecmp((const char *)root->ns->href, "http://purl.org/atom/ns#");
	} else if (!strcasecmp(rname, "channel")) {
		out->format = FEED_RSS; /* CDF, or a bare RSS 0.9x channel */
		p->core = NS_CORE;
		p->nocase = strcmp(rname, "channel") != 0;
	} else {
		p->is_feed = false;
	}
	p->atom = out->format == FEED_ATOM;
	if (p->is_feed && (p->atom || !strcasecmp(rname, "channel")))
		p->channel = root; /* Atom's feed, CDF or a bare RSS 0.9x channel */
}

/* SAX2 start of the document, once the XML declaration is read and the
 * encoding is settled. A document in memory that needs no conversion is
 * all in the parser's buffer already, yet libxml2 2.9 still calls its
 * "read more" path (buffer growth, an end-of-input callback) at nearly
 * every token of its last 250 bytes, which is all of a small feed. With
 * no read callback it knows there is nothing more to read. Only done when
 * the buffer provably holds every byte of the document. */
static void xml_sax_start_doc(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xp *p = ctxt->_private;
	xmlParserInputPtr in = ctxt->input;

	xmlSAX2StartDocument(ctx);
	if (in && in->buf && !in->buf->encoder && in->base && in->end && ctxt->inputNr == 1 &&
	    (size_t)(in->end - in->base) + in->consumed == p->len)
		in->buf->readcallback = NULL;
}

/* SAX2 start of an element: the tree is built as usual (libxml2's own
 * handler); the root decides the format, and the first <channel> under an
 * RSS root is the one whose items we read. */
static void xml_sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			  const xmlChar *uri, int nb_ns, const xmlChar **ns, int nb_attrs,
			  int nb_defaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xp *p = ctxt->_private;
	xmlNode *parent = ctxt->node;

	/* attrs holds 5 pointers per attribute, its local name first */
	for (int i = 0; i < nb_attrs && !p->base_attr; i++)
		p->base_attr = strcmp((const char *)attrs[5 * i], "base") == 0;
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_ns, ns, nb_attrs, nb_defaulted, attrs);
	xmlNode *n = ctxt->node;
	if (!n || n == parent || n->type != XML_ELEMENT_NODE)
		return;
	if (!p->root && !parent) {
		p->root = n;
		p->doc = ctxt->myDoc;
		/* Names come from the dictionary only when the document uses it. */
		if (ctxt->dictNames && p->doc && p->doc->dict == ctxt->dict &&
		    p->ctxt_names->dict == ctxt->dict)
			p->names = *p->ctxt_names;
		xml_classify(p, n);
	} else if (p->is_feed && !p->channel && parent == p->root && xml_is(p, n, p->core, "channel")) {
		p->channel = n;
	}
}

/* SAX2 end of an element: an item of the feed is complete (its ancestors,
 * their xml:base and the document's entities are all in place), so read it
 * now and drop its subtree; the tree never holds more than one item. */
static void xml_sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xp *p = ctxt->_private;
	xmlNode *n = ctxt->node;

	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	if (!p->is_feed || !n || n->type != XML_ELEMENT_NODE || n == p->root ||
	    (n->parent != p->root && (!p->channel || n->parent != p->channel)) ||
	    !xml_is(p, n, p->core, p->atom ? "entry" : "item"))
		return;
	xmlNode *parent = n->parent;
	xml_item(p, n, p->atom);
	xmlUnlinkNode(n);
	xmlFreeNode(n);
	/* The parent's last child may now be the text (white space, mostly)
	 * before the item, which libxml2 would append the text after it to,
	 * one realloc at a time. Nothing reads text directly under the root or
	 * the channel: drop it, so the next text starts a node of its own. */
	xmlNode *last = parent->last;
	if (last && (last->type == XML_TEXT_NODE || last->type == XML_CDATA_SECTION_NODE)) {
		xmlUnlinkNode(last);
		xmlFreeNode(last);
	}
	ctxt->nodemem = 0;
	ctxt->nodelen = 0;
}

/* libxml2 error sink: keep the first error as a one-line reason. */
static void xml_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xp *p = ctxt ? ctxt->_private : NULL;
	if (!p || !e || p->reason[0] || e->level < XML_ERR_ERROR)
		return;
	snprintf(p->reason, sizeof p->reason, "line %d: %s", e->line,
		 e->message ? e->message : "XML error");
	char *nl = strchr(p->reason, '\n');
	if (nl)
		*nl = '\0';
}

/* HTML named entities (&nbsp; &eacute; ...) are common in feeds that
 * declare none. Declare them on first use, as character references, so the
 * parse goes on and the text comes out right; an unknown name stays as the
 * literal text "&name;". */
static xmlEntityPtr xml_get_entity(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	xmlEntityPtr ent = xmlSAX2GetEntity(ctx, name);
	if (ent || !ctxt->myDoc || ctxt->inSubset)
		return ent;
	size_t n = strlen((const char *)name);
	unsigned cp = feed_html_entity((const char *)name, n);
	char ref[80];
	if (cp)
		snprintf(ref, sizeof ref, "&#%u;", cp);
	else if (n < 64)
		snprintf(ref, sizeof ref, "&#38;%s;", name); /* unknown: keep it as text */
	else
		return NULL;
	if (!ctxt->myDoc->intSubset &&
	    !xmlCreateIntSubset(ctxt->myDoc, (const xmlChar *)"feed", NULL, NULL))
		return NULL;
	return xmlAddDocEntity(ctxt->myDoc, name, XML_INTERNAL_GENERAL_ENTITY, NULL, NULL,
			       (const xmlChar *)ref);
}

/* Which encoding to impose: none when the document says (BOM or XML
 * declaration), else the HTTP charset, else windows-1252 for bytes that
 * are not UTF-8 (the usual culprit). */
static const char *xml_encoding(const char *data, size_t len, const char *charset)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)))
		return NULL;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return NULL;
	if (len >= 4 && (u[0] == 0 || u[1] == 0))
		return NULL; /* UTF-16/32 without BOM: libxml2 detects it */
	if (len >= 5 && memcmp(data, "<?xml", 5) == 0) {
		char decl[512];
		size_t end = 5;
		/* Stop one short of the buffer: decl[end] takes the NUL. */
		while (end + 1 < len && end < sizeof decl - 1 && !(data[end] == '?' && data[end + 1] == '>'))
			end++;
		memcpy(decl, data, end);
		decl[end] = '\0';
		if (strstr(decl, "encoding"))
			return NULL;
	}
	if (charset)
		return charset;
	size_t i = 0;
	while (i < len) {
		if (i + 8 <= len) {
			uint64_t w; /* ASCII eight bytes at a time */
			memcpy(&w, data + i, 8);
			if (!(w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		size_t l;
		uint32_t cp = utf8_decode(data + i, len - i, &l);
		if (cp == 0xFFFD && l == 1 && u[i] >= 0x80)
			return "windows-1252";
		i += l;
	}
	return NULL;
}

static bool xml_looks_html(xmlNode *root, const char *data, size_t len)
{
	if (root)
		return !strcasecmp((const char *)root->name, "html");
	size_t n = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 14 <= n; i++)
		if (!strncasecmp(data + i, "<html", 5) || !strncasecmp(data + i, "<!doctype html", 14))
			return true;
	return false;
}

/* Items whose end never came (a recovering parse of a cut-off document)
 * are still in the tree: read them too, in document order. */
static void xml_rest(struct xp *p)
{
	const char *item_name = p->atom ? "entry" : "item";
	for (xmlNode *c = p->root->children; c; c = c->next) {
		if (xml_is(p, c, p->core, item_name))
			xml_item(p, c, p->atom);
		else if (c == p->channel)
			for (xmlNode *k = c->children; k; k = k->next)
				if (xml_is(p, k, p->core, item_name))
					xml_item(p, k, p->atom);
	}
}

/* Documents in an encoding libxml2 does not have built in go through
 * iconv, and glibc loads the converter module (a dlopen) on iconv_open()
 * and unloads it soon after the last iconv_close(): for each document of
 * a polled euc-kr or windows-1252 feed. One descriptor per encoding is
 * kept open for good, so the module stays loaded. */
#define XML_PINNED_MAX 16
#ifdef LIBXML_ICONV_ENABLED
static iconv_t xml_pinned[XML_PINNED_MAX]; /* never closed, on purpose */
#endif
static void xml_pin_encoding(xmlParserCtxtPtr ctxt)
{
#ifdef LIBXML_ICONV_ENABLED
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static char names[XML_PINNED_MAX][32];
	static size_t n_names;
	xmlCharEncodingHandlerPtr h =
		ctxt->input && ctxt->input->buf ? ctxt->input->buf->encoder : NULL;
	if (!h || !h->iconv_in || !h->name || strlen(h->name) >= sizeof names[0])
		return;
	pthread_mutex_lock(&lock);
	size_t i = 0;
	while (i < n_names && strcmp(names[i], h->name) != 0)
		i++;
	if (i == n_names && n_names < XML_PINNED_MAX) {
		iconv_t cd = iconv_open("UTF-8", h->name);
		if (cd != (iconv_t)-1) {
			xml_pinned[n_names] = cd;
			strcpy(names[n_names++], h->name);
		}
	}
	pthread_mutex_unlock(&lock);
#else
	(void)ctxt;
#endif
}

/* Forget what a parse that turned out not well-formed had read. */
static void xml_restart(struct xp *p)
{
	feed_free(p->f);
	free(p->feed_author);
	char reason[sizeof p->reason];
	memcpy(reason, p->reason, sizeof reason);
	*p = (struct xp){.f = p->f, .len = p->len, .ctxt_names = p->ctxt_names};
	memcpy(p->reason, reason, sizeof reason);
}

/* A parser context per thread, reused: making one (its dictionary, its
 * stacks) and freeing it cost more than parsing a small feed. libxml2
 * resets it for each document; it is made anew now and then so that its
 * dictionary of names does not grow for good. */
#define XML_CTXT_USES 256
#define XML_CTXT_DICT_MAX 20000
static pthread_key_t xml_ctxt_key;
static pthread_once_t xml_ctxt_once = PTHREAD_ONCE_INIT;
static _Thread_local xmlParserCtxtPtr xml_ctxt_cached;
static _Thread_local struct xml_names xml_ctxt_names; /* of xml_ctxt_cached */
static _Thread_local unsigned xml_ctxt_uses;

static void xml_ctxt_destroy(void *ctxt)
{
	xmlFreeParserCtxt(ctxt);
}

static void xml_ctxt_key_init(void)
{
	if (pthread_key_create(&xml_ctxt_key, xml_ctxt_destroy) != 0)
		abort();
}

/* The names travel with their context: interning them is a cost per
 * context, not per document, which matters for small feeds. */
static xmlParserCtxtPtr xml_ctxt_get(struct xml_names *names)
{
	xmlParserCtxtPtr ctxt = xml_ctxt_cached;
	*names = xml_ctxt_names;
	xml_ctxt_cached = NULL; /* taken: a nested call would make its own */
	if (ctxt && (++xml_ctxt_uses > XML_CTXT_USES || !ctxt->dict ||
		     xmlDictSize(ctxt->dict) > XML_CTXT_DICT_MAX)) {
		pthread_setspecific(xml_ctxt_key, NULL);
		xmlFreeParserCtxt(ctxt);
		ctxt = NULL;
	}
	if (!ctxt) {
		ctxt = xmlNewParserCtxt();
		xml_ctxt_uses = 0;
		xml_names_intern(names, ctxt ? ctxt->dict : NULL);
	}
	return ctxt;
}

static void xml_ctxt_put(xmlParserCtxtPtr ctxt, const struct xml_names *names)
{
	pthread_once(&xml_ctxt_once, xml_ctxt_key_init);
	if (xml_ctxt_cached)
		xmlFreeParserCtxt(xml_ctxt_cached);
	ctxt->_private = NULL;
	xml_ctxt_cached = ctxt;
	xml_ctxt_names = *names;
	pthread_setspecific(xml_ctxt_key, ctxt); /* freed when the thread ends */
}

int feed_parse_xml(const char *data, size_t len, const char *base_url, const char *charset,
		   struct feed *out, char *err, size_t errlen)
{
	struct xp p = {.f = out, .len = len};
	const int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
	xmlDocPtr doc = NULL;
	bool recovered = false;
	int rc = -1;

	xmlsafe_init();
	if (len > INT32_MAX) {
		snprintf(err, errlen, "document too large");
		return -1;
	}
	struct xml_names names;
	xmlParserCtxtPtr ctxt = xml_ctxt_get(&names);
	if (!ctxt) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	ctxt->_private = &p;
	p.ctxt_names = &names;
	ctxt->sax->serror = xml_error;
	ctxt->sax->getEntity = xml_get_entity;
	ctxt->sax->startDocument = xml_sax_start_doc;
	ctxt->sax->startElementNs = xml_sax_start;
	ctxt->sax->endElementNs = xml_sax_end;
	/* Nothing reads comments or processing instructions: no nodes for them
	 * (the feedparser fixtures, for one, open with a comment each). */
	ctxt->sax->comment = NULL;
	ctxt->sax->processingInstruction = NULL;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	const char *enc = xml_encoding(data, len, charset);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, base_url, enc, opts);
	if (!doc) {
		/* Not well-formed: take what a recovering parse can get. */
		xml_restart(&p);
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, base_url, enc, opts | XML_PARSE_RECOVER);
		recovered = true;
	}
	xml_pin_encoding(ctxt);
	p.doc = doc;
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;

	if (!root) {
		if (xml_looks_html(NULL, data, len))
			snprintf(err, errlen, "not a feed: an HTML document");
		else
			snprintf(err, errlen, "not a feed: %s", p.reason[0] ? p.reason : "no root element");
	} else if (root != p.root) {
		snprintf(err, errlen, "not a feed: unexpected document structure");
	} else if (p.is_feed) {
		rc = 0;
	} else if (xml_looks_html(root, data, len)) {
		snprintf(err, errlen, "not a feed: an HTML document");
	} else {
		snprintf(err, errlen, "not a feed: root element <%.64s>", (const char *)root->name);
	}
	if (rc == 0) {
		if (p.channel)
			xml_channel(&p, p.channel, p.atom);
		xml_rest(&p);
		for (size_t i = 0; p.feed_author && i < out->n_items; i++)
			if (!out->items[i].author)
				out->items[i].author = xstrdup(p.feed_author);
		if (recovered && out->n_items == 0) {
			/* Broken beyond repair (an entity bomb, a cut-off body):
			 * an error for the operator, not a quiet empty feed. */
			snprintf(err, errlen, "malformed XML, no items recovered: %s", p.reason);
			rc = -1;
		} else if (recovered) {
			snprintf(err, errlen, "recovered from malformed XML: %s", p.reason);
		}
	}
	free(p.feed_author);
	xmlFreeDoc(doc);
	xml_ctxt_put(ctxt, &names);
	return rc;
}
