/* See quoted/quote_json.h. */
#include "quoted/quote_json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quoted/util.h"

json_object *json_text(const char *s)
{
	if (!s)
		return NULL;
	char *clean = utf8_sanitize(s, strlen(s));
	json_object *o = json_object_new_string(clean);
	free(clean);
	return o;
}

json_object *quote_to_json(const struct quote *q)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "quote", json_text(q->text));
	json_object_object_add(o, "start", json_object_new_int64((int64_t)q->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)q->end));
	json_object_object_add(o, "paragraph", json_object_new_int64((int64_t)q->paragraph));
	json_object_object_add(o, "speaker", json_text(q->speaker));
	json_object_object_add(o, "speaker_kind", json_text(speaker_kind_name(q->speaker_kind)));
	json_object_object_add(o, "role", json_text(q->role));
	json_object_object_add(o, "role_stated", json_text(q->role_stated));
	json_object_object_add(o, "organization", json_text(q->organization));
	json_object_object_add(o, "country", json_text(q->country));
	json_object_object_add(o, "cue", json_text(q->cue));
	json_object_object_add(o, "partial", json_object_new_boolean(q->partial));
	json_object_object_add(o, "rule", json_text(q->rule));
	json_object_object_add(o, "confidence", json_object_new_double(q->confidence));
	return o;
}
