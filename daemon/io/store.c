/* See quoted/store.h. Each call formats its parameters, submits one
 * statement to the dbq, and turns the result into the caller's callback. */
#include "quoted/store.h"

#include <inttypes.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "quoted/quote_json.h"
#include "quoted/util.h"

/* What a submitted statement needs to call its caller back. */
struct store_call {
	void (*done)(void);
	void *arg;
};

static struct store_call *call_new(void (*done)(void), void *arg)
{
	struct store_call *c = xcalloc(1, sizeof *c);
	c->done = done;
	c->arg = arg;
	return c;
}

void db_feed_clear(struct db_feed *f)
{
	free(f->url);
	free(f->etag);
	free(f->last_modified);
	free(f->body_digest);
	memset(f, 0, sizeof *f);
}

static void lease_done(const PGresult *res, const char *err, void *arg)
{
	struct store_call *c = arg;
	store_feeds_fn done = (store_feeds_fn)c->done;
	if (!res) {
		done(NULL, 0, err, c->arg);
		free(c);
		return;
	}
	int n = PQntuples(res);
	struct db_feed *v = xcalloc((size_t)n, sizeof *v);
	for (int i = 0; i < n; i++) {
		v[i].id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		v[i].url = xstrdup(PQgetvalue(res, i, 1));
		v[i].etag = PQgetisnull(res, i, 2) ? NULL : xstrdup(PQgetvalue(res, i, 2));
		v[i].last_modified = PQgetisnull(res, i, 3) ? NULL : xstrdup(PQgetvalue(res, i, 3));
		v[i].local = PQgetvalue(res, i, 4)[0] == 't';
		v[i].interval_s = atoi(PQgetvalue(res, i, 5));
		v[i].error_count = atoi(PQgetvalue(res, i, 6));
		v[i].body_digest = PQgetisnull(res, i, 7) ? NULL : xstrdup(PQgetvalue(res, i, 7));
	}
	done(v, n, NULL, c->arg);
	free(c);
}

/* The lease pushes next_poll_at forward, so another daemon (or this one
 * after a crash) picks the feed up only once the lease has run out. */
void store_lease(struct dbq *q, int64_t after_id, int limit, int lease_s, store_feeds_fn done, void *arg)
{
	char after[24], lim[16], lease[16];
	snprintf(after, sizeof after, "%" PRId64, after_id);
	snprintf(lim, sizeof lim, "%d", limit);
	snprintf(lease, sizeof lease, "%d", lease_s);
	void *cb = call_new((void (*)(void))done, arg);
	if (after_id < 0) {
		const char *params[] = {lim, lease};
		dbq_submit(q,
			   "UPDATE feeds f SET next_poll_at = now() + make_interval(secs => $2::int),"
			   " last_polled_at = now()"
			   " FROM (SELECT id FROM feeds WHERE state = 'active' AND next_poll_at <= now()"
			   "       ORDER BY next_poll_at, id LIMIT $1::int FOR UPDATE SKIP LOCKED) due"
			   " WHERE f.id = due.id"
			   " RETURNING f.id, f.url, f.etag, f.last_modified, f.local, f.interval_s, f.error_count,"
			   " f.body_digest",
			   2, params, lease_done, cb);
		return;
	}
	const char *params[] = {after, lim, lease};
	dbq_submit(q,
		   "UPDATE feeds f SET next_poll_at = now() + make_interval(secs => $3::int),"
		   " last_polled_at = now()"
		   " FROM (SELECT id FROM feeds WHERE state = 'active' AND id > $1::bigint"
		   "       ORDER BY id LIMIT $2::int FOR UPDATE SKIP LOCKED) due"
		   " WHERE f.id = due.id"
		   " RETURNING f.id, f.url, f.etag, f.last_modified, f.local, f.interval_s, f.error_count,"
		   " f.body_digest",
		   3, params, lease_done, cb);
}

/* Known-item checks go out in batches, Nagle-style: a check is sent at once
 * when no batch is waiting for the database, otherwise it joins the next
 * batch, which leaves when the one in flight returns (or it is full). So an
 * idle database adds no delay and a busy one gets large batches. */
#define BATCH_MAX 256

struct batch_call {
	store_known_fn done;
	void *arg;
	size_t n_keys;
	bool record;
};

struct store_batch {
	struct dbq *q;
	json_object *entries;
	struct batch_call *calls;
	size_t n, cap;
	int in_flight; /* batches sent, result not yet back */
};

/* One flushed batch, waiting for its statement's result. */
struct batch_flight {
	struct store_batch *b;
	struct batch_call *calls;
	size_t n;
};

static void batch_flush(struct store_batch *b);

static void batch_done(const PGresult *res, const char *err, void *arg)
{
	struct batch_flight *bf = arg;
	struct store_batch *b = bf->b;
	b->in_flight--;
	/* Rows are (entry, pos): a new key, or pos 0 for a recorded poll. */
	bool **known = xcalloc(bf->n, sizeof *known);
	bool *recorded = xcalloc(bf->n, sizeof *recorded);
	for (size_t e = 0; res && e < bf->n; e++) {
		size_t n_keys = bf->calls[e].n_keys;
		known[e] = xmalloc(n_keys ? n_keys : 1);
		memset(known[e], true, n_keys);
	}
	int rows = res ? PQntuples(res) : 0;
	for (int r = 0; r < rows; r++) {
		unsigned long e = strtoul(PQgetvalue(res, r, 0), NULL, 10);
		long pos = strtol(PQgetvalue(res, r, 1), NULL, 10);
		if (e < 1 || e > bf->n)
			continue;
		if (pos == 0)
			recorded[e - 1] = bf->calls[e - 1].record;
		else if (pos >= 1 && (size_t)pos <= bf->calls[e - 1].n_keys)
			known[e - 1][pos - 1] = false;
	}
	/* Send what gathered meanwhile before the callbacks add more. */
	batch_flush(b);
	for (size_t e = 0; e < bf->n; e++) {
		struct batch_call *c = &bf->calls[e];
		if (res)
			c->done(known[e], recorded[e], NULL, c->arg);
		else
			c->done(NULL, false, err, c->arg);
		free(known[e]);
	}
	free(known);
	free(recorded);
	free(bf->calls);
	free(bf);
}

static void batch_flush(struct store_batch *b)
{
	if (!b->n)
		return;
	struct batch_flight *bf = xcalloc(1, sizeof *bf);
	bf->b = b;
	b->in_flight++;
	bf->calls = b->calls;
	bf->n = b->n;
	const char *params[] = {json_object_to_json_string_ext(b->entries, JSON_C_TO_STRING_PLAIN)};
	dbq_submit(b->q, "SELECT entry, pos FROM quoted_feeds_polled($1::jsonb)", 1, params, batch_done, bf);
	json_object_put(b->entries);
	b->entries = NULL;
	b->calls = NULL;
	b->n = b->cap = 0;
}

struct store_batch *store_batch_new(struct dbq *q)
{
	struct store_batch *b = xcalloc(1, sizeof *b);
	b->q = q;
	return b;
}

void store_batch_free(struct store_batch *b)
{
	if (!b)
		return;
	json_object_put(b->entries);
	free(b->calls);
	free(b);
}

void store_known_items(struct store_batch *b, int64_t feed_id, char *const *keys, size_t n,
		       const struct feed_poll_record *rec, store_known_fn done, void *arg)
{
	json_object *entry = json_object_new_object();
	json_object *list = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(list, json_text(keys[i]));
	json_object_object_add(entry, "feed", json_object_new_int64(feed_id));
	json_object_object_add(entry, "keys", list);
	if (rec) {
		json_object *r = json_object_new_object();
		json_object_object_add(r, "status", json_object_new_int(rec->status));
		json_object_object_add(r, "etag", json_text(rec->etag));
		json_object_object_add(r, "last_modified", json_text(rec->last_modified));
		json_object_object_add(r, "title", json_text(rec->title));
		json_object_object_add(r, "body_digest", json_text(rec->body_digest));
		json_object_object_add(r, "interval", json_object_new_int(rec->interval_s));
		json_object_object_add(r, "next", json_object_new_int(rec->next_in_s));
		json_object_object_add(entry, "record", r);
	}
	if (!b->entries)
		b->entries = json_object_new_array();
	json_object_array_add(b->entries, entry);
	xgrow((void **)&b->calls, &b->cap, b->n + 1, sizeof *b->calls);
	b->calls[b->n++] = (struct batch_call){done, arg, n, rec != NULL};
	if (b->n >= BATCH_MAX || b->in_flight == 0)
		batch_flush(b);
}

/* The JSON document quoted_store_article() takes (sql/003_store_article.sql). */
static char *store_article_doc(const struct article_record *a, const struct quote_list *quotes)
{
	json_object *doc = json_object_new_object();
	json_object *list = json_object_new_array();
	const char *keys[] = {"url", "title", "byline", "body", "source"};
	const char *vals[] = {a->url, a->title, a->byline, a->body, a->source};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		json_object_object_add(doc, keys[i], json_text(vals[i]));
	json_object_object_add(doc, "published", a->published ? json_object_new_int64(a->published) : NULL);
	json_object_object_add(doc, "extractor_version", json_object_new_string(QUOTE_EXTRACTOR_VERSION));
	for (size_t i = 0; i < quotes->n; i++)
		json_object_array_add(list, quote_to_json(&quotes->v[i]));
	json_object_object_add(doc, "quotes", list);
	char *s = xstrdup(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PLAIN));
	json_object_put(doc);
	return s;
}

static void count_done(const PGresult *res, const char *err, void *arg)
{
	struct store_call *c = arg;
	store_count_fn done = (store_count_fn)c->done;
	int count = -1;
	if (res)
		count = PQntuples(res) > 0 ? atoi(PQgetvalue(res, 0, 0)) : atoi(PQcmdTuples((PGresult *)res));
	done(count, err, c->arg);
	free(c);
}

void store_article(struct dbq *q, int64_t feed_id, const char *item_key,
		   const struct article_record *a, const struct quote_list *quotes,
		   store_count_fn done, void *arg)
{
	char fid[24];
	snprintf(fid, sizeof fid, "%" PRId64, feed_id);
	char *doc = store_article_doc(a, quotes);
	const char *params[] = {fid, item_key, doc};
	dbq_submit(q, "SELECT quoted_store_article($1, $2, $3::jsonb)", 3, params, count_done,
		   call_new((void (*)(void))done, arg));
	free(doc);
}

void store_feed_success(struct dbq *q, int64_t feed_id, const struct feed_poll_record *rec,
			const char *note, store_count_fn done, void *arg)
{
	char fid[24], st[16], next[16], interval[16];
	snprintf(fid, sizeof fid, "%" PRId64, feed_id);
	snprintf(st, sizeof st, "%d", rec->status);
	snprintf(next, sizeof next, "%d", rec->next_in_s);
	snprintf(interval, sizeof interval, "%d", rec->interval_s);
	const char *title = rec->title;
	char *clean_title = title ? utf8_sanitize(title, strlen(title)) : NULL;
	size_t note_len = note ? strlen(note) : 0;
	char *clean_note = note ? utf8_sanitize(note, note_len > 900 ? 900 : note_len) : NULL;
	const char *params[] = {fid, st, rec->etag, rec->last_modified, clean_title,
				next, interval, clean_note, rec->body_digest};
	/* A 304 carries no new validators: keep the ones we have (and the
	 * digest of the body they stand for). */
	dbq_submit(q,
		   "UPDATE feeds SET last_status = $2::int, last_success_at = now(),"
		   " etag = CASE WHEN $2::int = 304 THEN etag ELSE $3 END,"
		   " last_modified = CASE WHEN $2::int = 304 THEN last_modified ELSE $4 END,"
		   " body_digest = CASE WHEN $2::int = 304 THEN body_digest ELSE $9 END,"
		   " title = coalesce($5, title), error_count = 0, last_error = $8::text,"
		   " last_error_at = CASE WHEN $8::text IS NULL THEN last_error_at ELSE now() END,"
		   " next_poll_at = now() + make_interval(secs => $6::int), interval_s = $7::int"
		   " WHERE id = $1::bigint",
		   9, params, count_done, call_new((void (*)(void))done, arg));
	free(clean_title);
	free(clean_note);
}

void store_feed_disable(struct dbq *q, int64_t feed_id, const char *reason, store_count_fn done,
			void *arg)
{
	char fid[24];
	snprintf(fid, sizeof fid, "%" PRId64, feed_id);
	const char *params[] = {fid, reason};
	dbq_submit(q,
		   "UPDATE feeds SET state = 'disabled', disabled_reason = $2, last_error = $2,"
		   " last_error_at = now() WHERE id = $1::bigint",
		   2, params, count_done, call_new((void (*)(void))done, arg));
}

void store_feed_moved(struct dbq *q, int64_t feed_id, const char *new_url, store_count_fn done,
		      void *arg)
{
	char fid[24];
	snprintf(fid, sizeof fid, "%" PRId64, feed_id);
	const char *params[] = {fid, new_url};
	dbq_submit(q,
		   "UPDATE feeds SET url = $2 WHERE id = $1::bigint"
		   " AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = $2)",
		   2, params, count_done, call_new((void (*)(void))done, arg));
}

void store_feed_error(struct dbq *q, int64_t feed_id, int status, const char *message,
		      int next_in_s, store_count_fn done, void *arg)
{
	char fid[24], st[16], next[16];
	snprintf(fid, sizeof fid, "%" PRId64, feed_id);
	snprintf(st, sizeof st, "%d", status);
	snprintf(next, sizeof next, "%d", next_in_s);
	char *clean = utf8_sanitize(message, strlen(message));
	const char *params[] = {fid, status ? st : NULL, clean, next};
	dbq_submit(q,
		   "UPDATE feeds SET last_status = $2::int, last_error = $3, last_error_at = now(),"
		   " error_count = error_count + 1,"
		   " next_poll_at = now() + make_interval(secs => $4::int)"
		   " WHERE id = $1::bigint",
		   4, params, count_done, call_new((void (*)(void))done, arg));
	free(clean);
}
