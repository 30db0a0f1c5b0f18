/* Title, byline and publication date of a page. News sites state them
 * several ways at once (Open Graph and Twitter metas, JSON-LD, microdata,
 * plain markup); we collect every source in one pass over the tree and pick
 * by reliability. */
#include "html_int.h"
#include "quoted/htmltext.h"

#include <json-c/json.h>
#include <string.h>
#include <strings.h>

#define META_MAX_FIELD 2048 /* longer "titles" or "bylines" are not */

/* The candidates found, best source first within each field. */
struct meta_found {
	char *og_title, *tw_title, *ld_headline, *h1, *title, *site_name;
	char *meta_author, *ld_author, *rel_author, *class_author;
	char *meta_date, *ld_date, *time_date;
	char *ld_body;
};

/* Keep the first value seen for a slot; sanitised, squeezed, bounded. */
static void meta_set(char **slot, const char *v)
{
	if (*slot || !v)
		return;
	size_t n = strlen(v);
	char *s = utf8_sanitize(v, n > META_MAX_FIELD ? META_MAX_FIELD : n);
	html_squeeze(s);
	if (!*s) {
		free(s);
		return;
	}
	*slot = s;
}

static bool meta_is_url(const char *s)
{
	return str_has_prefix(s, "http://") || str_has_prefix(s, "https://") ||
	       str_has_prefix(s, "//") || str_has_prefix(s, "www.");
}

/* <meta property|name|itemprop=K content=V> */
static void meta_from_meta(struct meta_found *m, const xmlNode *n)
{
	static const char *const dates[] = {
		"article:published_time", "og:article:published_time", "datepublished",
		"pubdate", "publishdate", "publish-date", "article.published", "dc.date.issued",
		"dcterms.created", "dc.date", "sailthru.date", "parsely-pub-date", "date", NULL};
	static const char *const authors[] = {"author", "article:author", "byl", "dc.creator",
					      "sailthru.author", "parsely-author", NULL};
	const char *content = html_attr(n, "content");
	const char *keys[3] = {html_attr(n, "property"), html_attr(n, "name"),
			       html_attr(n, "itemprop")};

	if (!content)
		return;
	for (int k = 0; k < 3; k++) {
		const char *key = keys[k];
		if (!key)
			continue;
		if (str_ieq(key, "og:title"))
			meta_set(&m->og_title, content);
		else if (str_ieq(key, "twitter:title"))
			meta_set(&m->tw_title, content);
		else if (str_ieq(key, "og:site_name"))
			meta_set(&m->site_name, content);
		for (int i = 0; authors[i]; i++)
			if (str_ieq(key, authors[i]) && !meta_is_url(content))
				meta_set(&m->meta_author, content);
		/* Earlier entries in dates[] are more specific: keep the best. */
		for (int i = 0; dates[i]; i++) {
			if (!str_ieq(key, dates[i]))
				continue;
			if (i == 0) {
				free(m->meta_date);
				m->meta_date = NULL;
			}
			meta_set(&m->meta_date, content);
		}
	}
}

static bool meta_ld_is_article(json_object *o)
{
	static const char *const types[] = {"Article", "NewsArticle", "BlogPosting",
					    "ReportageNewsArticle", "AnalysisNewsArticle",
					    "OpinionNewsArticle", "ReviewNewsArticle",
					    "BackgroundNewsArticle", "LiveBlogPosting",
					    "TechArticle", "ScholarlyArticle", "Report",
					    "SocialMediaPosting", "Review", NULL};
	json_object *t;

	if (!json_object_object_get_ex(o, "@type", &t))
		return false;
	size_t n = json_object_is_type(t, json_type_array) ? json_object_array_length(t) : 1;
	for (size_t i = 0; i < n && i < 8; i++) {
		json_object *e = json_object_is_type(t, json_type_array)
					 ? json_object_array_get_idx(t, i) : t;
		const char *s = json_object_get_string(e);
		for (int k = 0; s && types[k]; k++)
			if (strcmp(s, types[k]) == 0)
				return true;
	}
	return false;
}

/* JSON-LD "author": a string, an object with a name, or an array of those. */
static void meta_ld_author(struct meta_found *m, json_object *a)
{
	struct buf b = {0};

	if (!a)
		return;
	size_t n = json_object_is_type(a, json_type_array) ? json_object_array_length(a) : 1;
	for (size_t i = 0; i < n && i < 16; i++) {
		json_object *e = json_object_is_type(a, json_type_array)
					 ? json_object_array_get_idx(a, i) : a;
		json_object *name = NULL;
		const char *s = NULL;
		if (json_object_is_type(e, json_type_string))
			s = json_object_get_string(e);
		else if (json_object_is_type(e, json_type_object) &&
			 json_object_object_get_ex(e, "name", &name) &&
			 json_object_is_type(name, json_type_string))
			s = json_object_get_string(name);
		if (!s || !*s || meta_is_url(s))
			continue;
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, s);
	}
	if (b.len)
		meta_set(&m->ld_author, b.data);
	buf_free(&b);
}

static const char *meta_ld_string(json_object *o, const char *key)
{
	json_object *v;
	if (json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return NULL;
}

/* Look for the article object in a JSON-LD value: arrays, @graph and
 * mainEntity wrap it on various sites. Depth is bounded by json-c's
 * tokener (32) and by our own limit. */
static void meta_ld_walk(struct meta_found *m, json_object *o, int depth)
{
	if (!o || depth > 6)
		return;
	if (json_object_is_type(o, json_type_array)) {
		size_t n = json_object_array_length(o);
		for (size_t i = 0; i < n && i < 64; i++)
			meta_ld_walk(m, json_object_array_get_idx(o, i), depth + 1);
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	if (meta_ld_is_article(o)) {
		json_object *a = NULL;
		meta_set(&m->ld_headline, meta_ld_string(o, "headline"));
		meta_set(&m->ld_date, meta_ld_string(o, "datePublished"));
		if (json_object_object_get_ex(o, "author", &a))
			meta_ld_author(m, a);
		if (!m->ld_body && meta_ld_string(o, "articleBody")) {
			const char *b = meta_ld_string(o, "articleBody");
			m->ld_body = utf8_sanitize(b, strlen(b));
		}
	}
	json_object *g;
	if (json_object_object_get_ex(o, "@graph", &g))
		meta_ld_walk(m, g, depth + 1);
	if (json_object_object_get_ex(o, "mainEntity", &g))
		meta_ld_walk(m, g, depth + 1);
}

static void meta_from_ld(struct meta_found *m, xmlNode *script)
{
	xmlChar *txt = xmlNodeGetContent(script);
	if (!txt)
		return;
	json_tokener *tok = json_tokener_new();
	const char *s = (const char *)txt;
	size_t len = strlen(s);
	/* Some sites wrap the JSON in a CDATA section or a comment. */
	while (len && strchr(" \t\r\n", *s))
		s++, len--;
	if (str_has_prefix(s, "<!--"))
		s += 4, len -= 4;
	else if (str_has_prefix(s, "//<![CDATA["))
		s += 11, len -= 11;
	json_object *o = tok ? json_tokener_parse_ex(tok, s, (int)(len > INT32_MAX ? INT32_MAX : len))
			     : NULL;
	if (o)
		meta_ld_walk(m, o, 0);
	json_object_put(o);
	if (tok)
		json_tokener_free(tok);
	xmlFree(txt);
}

static char *meta_text(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	if (!t)
		return NULL;
	size_t l = strlen((const char *)t);
	char *s = utf8_sanitize((const char *)t, l > META_MAX_FIELD ? META_MAX_FIELD : l);
	xmlFree(t);
	html_squeeze(s);
	return s;
}

/* class byline or author, itemprop author: worked out by html_doc.c. */
static bool meta_class_is_byline(const struct hnode *h)
{
	return h->names & (NM_META_BYLINE | NM_ITEMPROP_AUTHOR);
}

/* One pass over the whole tree (iterative: the document may be deep). */
static void meta_collect(struct html_doc *hd, struct meta_found *m)
{
	xmlNode *root = xmlDocGetRootElement(hd->doc);

	for (xmlNode *n = root; n;) {
		bool descend = true;
		if (n->type != XML_ELEMENT_NODE) {
			n = html_walk_next(n, root, false);
			continue;
		}
		unsigned tag = html_tag(n);
		if (tag == HT_META) {
			meta_from_meta(m, n);
		} else if (tag == HT_SCRIPT) {
			const char *t = html_attr(n, "type");
			if (t && str_ieq(t, "application/ld+json"))
				meta_from_ld(m, n);
			descend = false;
		} else if (tag == HT_STYLE) {
			descend = false;
		} else if (tag == HT_TITLE && !m->title) {
			m->title = meta_text(n);
			descend = false;
		} else if (tag == HT_H1 && !m->h1) {
			m->h1 = meta_text(n);
			descend = false;
		} else if (tag == HT_TIME && !m->time_date) {
			meta_set(&m->time_date, html_attr(n, "datetime"));
		} else if ((tag == HT_A || tag == HT_LINK) && !m->rel_author) {
			const char *rel = html_attr(n, "rel");
			if (rel && str_ieq(rel, "author") && tag == HT_A) {
				m->rel_author = meta_text(n);
				descend = false;
			}
		} else if (!m->class_author && html_hnode(n) && html_hnode(n)->text_len < 200 &&
			   meta_class_is_byline(html_hnode(n))) {
			char *t = meta_text(n);
			if (t && *t && strlen(t) < 100)
				m->class_author = t;
			else
				free(t);
		}
		n = html_walk_next(n, root, descend);
	}
}

static int meta_word_count(const char *s, size_t n)
{
	int w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* "Headline | Site" -> "Headline": a known site name first, otherwise the
 * part before the last separator when it is long enough to be a headline. */
static void meta_strip_site(char *t, const char *site)
{
	static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " / ", " » ",
					   " · ", " • ", NULL};
	size_t tl = strlen(t);

	if (site && *site) {
		size_t sl = strlen(site);
		for (int i = 0; seps[i]; i++) {
			size_t pl = strlen(seps[i]);
			if (tl > sl + pl && strcasecmp(t + tl - sl, site) == 0 &&
			    strncmp(t + tl - sl - pl, seps[i], pl) == 0) {
				t[tl - sl - pl] = '\0';
				return;
			}
			if (tl > sl + pl && strncasecmp(t, site, sl) == 0 &&
			    strncmp(t + sl, seps[i], pl) == 0) {
				memmove(t, t + sl + pl, tl - sl - pl + 1);
				return;
			}
		}
	}
	const char *last = NULL;
	size_t last_len = 0;
	for (int i = 0; seps[i]; i++) {
		const char *p = t, *q;
		while ((q = strstr(p, seps[i]))) {
			if (!last || q > last)
				last = q, last_len = strlen(seps[i]);
			p = q + 1;
		}
	}
	(void)last_len;
	if (last && meta_word_count(t, (size_t)(last - t)) >= 3)
		t[last - t] = '\0';
}

static char *meta_take(char **slot)
{
	char *s = *slot;
	*slot = NULL;
	return s;
}

static char *meta_clean_byline(char *s)
{
	if (!s)
		return NULL;
	if (strncasecmp(s, "by ", 3) == 0)
		memmove(s, s + 3, strlen(s + 3) + 1);
	html_squeeze(s);
	if (!*s) {
		free(s);
		return NULL;
	}
	return s;
}

void html_meta_extract(struct html_doc *hd, struct article_text *out, char **body_hint)
{
	struct meta_found m = {0};

	meta_collect(hd, &m);
	if (m.og_title)
		out->title = meta_take(&m.og_title);
	else if (m.tw_title)
		out->title = meta_take(&m.tw_title);
	else if (m.ld_headline)
		out->title = meta_take(&m.ld_headline);
	else if (m.h1)
		out->title = meta_take(&m.h1);
	else if (m.title) {
		meta_strip_site(m.title, m.site_name);
		out->title = meta_take(&m.title);
	}
	if (out->title && m.site_name)
		meta_strip_site(out->title, m.site_name);

	if (m.meta_author)
		out->byline = meta_take(&m.meta_author);
	else if (m.ld_author)
		out->byline = meta_take(&m.ld_author);
	else if (m.rel_author)
		out->byline = meta_take(&m.rel_author);
	else if (m.class_author)
		out->byline = meta_take(&m.class_author);
	out->byline = meta_clean_byline(out->byline);

	if (m.meta_date)
		out->published = meta_take(&m.meta_date);
	else if (m.ld_date)
		out->published = meta_take(&m.ld_date);
	else if (m.time_date)
		out->published = meta_take(&m.time_date);

	*body_hint = meta_take(&m.ld_body);
	char **all[] = {&m.og_title, &m.tw_title, &m.ld_headline, &m.h1, &m.title,
			&m.site_name, &m.meta_author, &m.ld_author, &m.rel_author,
			&m.class_author, &m.meta_date, &m.ld_date, &m.time_date, &m.ld_body};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		free(*all[i]);
}
