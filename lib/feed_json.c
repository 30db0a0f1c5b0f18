/* JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) with json-c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libxml/uri.h>

#include "feed_priv.h"
#include "quoted/util.h"

#define JSON_MAX_DEPTH 64

static const char *json_str(json_object *o, const char *key)
{
	json_object *v;
	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* Author name: 1.1 "authors": [{name}], 1.0 "author": {name}. */
static const char *json_author(json_object *o)
{
	json_object *v;
	if (json_object_object_get_ex(o, "authors", &v) && json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);
		for (size_t i = 0; i < n; i++) {
			json_object *a = json_object_array_get_idx(v, i);
			if (json_object_is_type(a, json_type_object) && json_str(a, "name"))
				return json_str(a, "name");
		}
	}
	if (json_object_object_get_ex(o, "author", &v) && json_object_is_type(v, json_type_object))
		return json_str(v, "name");
	return NULL;
}

static char *json_resolve(const char *base, const char *href)
{
	if (!base)
		return xstrdup(href);
	xmlChar *abs = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
	if (!abs)
		return xstrdup(href);
	char *s = xstrdup((const char *)abs);
	xmlFree(abs);
	return s;
}

static void json_set_link(char **field, const char *base, const char *href)
{
	if (!href || *field)
		return;
	char *s = json_resolve(base, href);
	feed_set(field, s);
	free(s);
}

static void json_set_text(char **field, const char *s)
{
	if (*field || !s)
		return;
	char *t = xstrdup(s);
	str_squeeze_space(t);
	feed_set(field, t);
	free(t);
}

static void json_item(struct feed *f, size_t *cap, json_object *o, const char *base,
		      const char *feed_author)
{
	struct feed_item *it;
	json_object *id;

	if (!json_object_is_type(o, json_type_object) || !(it = feed_add_item(f, cap)))
		return;
	if (json_object_object_get_ex(o, "id", &id) &&
	    (json_object_is_type(id, json_type_string) || json_object_is_type(id, json_type_int)))
		feed_set(&it->guid, json_object_get_string(id));
	json_set_link(&it->link, base, json_str(o, "url"));
	json_set_link(&it->link, base, json_str(o, "external_url"));
	json_set_text(&it->title, json_str(o, "title"));
	json_set_text(&it->author, json_author(o));
	json_set_text(&it->author, feed_author);
	feed_set(&it->summary, json_str(o, "summary"));
	feed_set(&it->content, json_str(o, "content_html"));
	feed_set(&it->content, json_str(o, "content_text"));
	it->published = feed_parse_date(json_str(o, "date_published"));
	it->updated = feed_parse_date(json_str(o, "date_modified"));
}

int feed_parse_json(const char *data, size_t len, const char *base_url, struct feed *out,
		    char *err, size_t errlen)
{
	json_tokener *tok = json_tokener_new_ex(JSON_MAX_DEPTH);
	json_object *root, *items;
	size_t cap = 0;

	if (!tok || len > INT32_MAX) {
		json_tokener_free(tok);
		snprintf(err, errlen, "JSON document too large");
		return -1;
	}
	root = json_tokener_parse_ex(tok, data, (int)len);
	if (!root) {
		snprintf(err, errlen, "not a feed: invalid JSON at offset %zu: %s",
			 json_tokener_get_parse_end(tok),
			 json_tokener_error_desc(json_tokener_get_error(tok)));
		json_tokener_free(tok);
		return -1;
	}
	json_tokener_free(tok);
	const char *version = json_object_is_type(root, json_type_object) ? json_str(root, "version") : NULL;
	if (!version || !str_has_prefix(version, "https://jsonfeed.org/version/")) {
		snprintf(err, errlen, "not a feed: JSON without a jsonfeed.org version");
		json_object_put(root);
		return -1;
	}
	out->format = FEED_JSON;
	const char *base = json_str(root, "feed_url") ? json_str(root, "feed_url") : base_url;
	if (base_url)
		base = base_url;
	json_set_text(&out->title, json_str(root, "title"));
	json_set_link(&out->link, base, json_str(root, "home_page_url"));
	if (json_object_object_get_ex(root, "items", &items) &&
	    json_object_is_type(items, json_type_array)) {
		size_t n = json_object_array_length(items);
		for (size_t i = 0; i < n && i < FEED_MAX_ITEMS; i++)
			json_item(out, &cap, json_object_array_get_idx(items, i), base,
				  json_author(root));
	}
	json_object_put(root);
	return 0;
}
