/* One quote as a JSON object: the fields DESIGN.md lists for
 * `quotectl extract --json`, also the shape the store sends to PostgreSQL. */
#ifndef QUOTED_QUOTE_JSON_H
#define QUOTED_QUOTE_JSON_H
#include <json-c/json.h>

#include "quoted/quote.h"

/* A new object (caller puts it); absent values are JSON null, strings are
 * valid UTF-8. */
json_object *quote_to_json(const struct quote *q);
/* A JSON string of s with invalid UTF-8 replaced, or NULL (JSON null) for NULL. */
json_object *json_text(const char *s);
#endif
