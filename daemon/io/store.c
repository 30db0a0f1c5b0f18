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

/* A lease sets leased_until (sql/012), so another daemon skips the feed
 * until the lease runs out, and this one picks it up again then if it died
 * before recording the poll. The ids are locked (SKIP LOCKED) and updated
 * through the primary key. */
#define LEASE_RETURNING \
	" RETURNING id, url, etag, last_modified, local, interval_s, error_count, body_digest"

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
			   "UPDATE feeds SET leased_until = now() + make_interval(secs => $2::int),"
			   " last_polled_at = now()"
			   " WHERE id = ANY(ARRAY(SELECT id FROM feeds WHERE state = 'active'"
			   "  AND next_poll_at <= now() AND (leased_until IS NULL OR leased_until <= now())"
			   "  ORDER BY next_poll_at, id LIMIT $1::int FOR UPDATE SKIP LOCKED))" LEASE_RETURNING,
			   2, params, lease_done, cb);
		return;
	}
	/* One pass (--once) takes every active feed, due or not, in id order. */
	const char *params[] = {after, lim, lease};
	dbq_submit(q,
		   "UPDATE feeds SET leased_until = now() + make_interval(secs => $3::int),"
		   " last_polled_at = now()"
		   " WHERE id = ANY(ARRAY(SELECT id FROM feeds WHERE state = 'active' AND id > $1::bigint"
		   "  ORDER BY id LIMIT $2::int FOR UPDATE SKIP LOCKED))" LEASE_RETURNING,
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

/* The arrays quoted_feeds_polled() takes (sql/012), as PostgreSQL array
 * literals being built: one element per entry in the first eight, one per
 * item key in the last three. */
enum batch_array {
	BA_FEED, BA_STATUS, BA_ETAG, BA_LAST_MODIFIED, BA_TITLE, BA_BODY_DIGEST, BA_INTERVAL, BA_NEXT,
	BA_KEY_ENTRY, BA_KEY_POS, BA_ITEM_KEY,
	BA_COUNT
};

struct store_batch {
	struct dbq *q;
	struct buf arrays[BA_COUNT];
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

static void array_next(struct buf *a)
{
	buf_putc(a, a->len ? ',' : '{');
}

static void array_null(struct buf *a)
{
	array_next(a);
	buf_puts(a, "NULL");
}

static void array_int(struct buf *a, long long v)
{
	array_next(a);
	buf_printf(a, "%lld", v);
}

/* A text element, double-quoted with " and \ escaped; NULL for no value. */
static void array_text(struct buf *a, const char *s)
{
	if (!s) {
		array_null(a);
		return;
	}
	array_next(a);
	char *clean = utf8_sanitize(s, strlen(s));
	buf_putc(a, '"');
	for (const char *c = clean; *c; c++) {
		size_t run = strcspn(c, "\"\\");
		buf_append(a, c, run);
		c += run;
		if (!*c)
			break;
		buf_putc(a, '\\');
		buf_putc(a, *c);
	}
	buf_putc(a, '"');
	free(clean);
}

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
	char *params[BA_COUNT];
	for (int i = 0; i < BA_COUNT; i++) {
		if (!b->arrays[i].len)
			buf_putc(&b->arrays[i], '{');
		buf_putc(&b->arrays[i], '}');
		params[i] = buf_steal(&b->arrays[i]);
	}
	dbq_submit(b->q,
		   "SELECT entry, pos FROM quoted_feeds_polled($1::bigint[], $2::int[], $3::text[],"
		   " $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[],"
		   " $11::text[])",
		   BA_COUNT, (const char *const *)params, batch_done, bf);
	for (int i = 0; i < BA_COUNT; i++)
		free(params[i]);
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
	for (int i = 0; i < BA_COUNT; i++)
		buf_free(&b->arrays[i]);
	free(b->calls);
	free(b);
}

void store_known_items(struct store_batch *b, int64_t feed_id, char *const *keys, size_t n,
		       const struct feed_poll_record *rec, store_known_fn done, void *arg)
{
	struct buf *a = b->arrays;
	size_t entry = b->n + 1;
	array_int(&a[BA_FEED], feed_id);
	if (rec) {
		array_int(&a[BA_STATUS], rec->status);
		array_text(&a[BA_ETAG], rec->etag);
		array_text(&a[BA_LAST_MODIFIED], rec->last_modified);
		array_text(&a[BA_TITLE], rec->title);
		array_text(&a[BA_BODY_DIGEST], rec->body_digest);
		array_int(&a[BA_INTERVAL], rec->interval_s);
		array_int(&a[BA_NEXT], rec->next_in_s);
	} else {
		for (int i = BA_STATUS; i <= BA_NEXT; i++)
			array_null(&a[i]);
	}
	for (size_t i = 0; i < n; i++) {
		array_int(&a[BA_KEY_ENTRY], (long long)entry);
		array_int(&a[BA_KEY_POS], (long long)i + 1);
		array_text(&a[BA_ITEM_KEY], keys[i]);
	}
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
		   " next_poll_at = now() + make_interval(secs => $6::int), interval_s = $7::int,"
		   " leased_until = NULL WHERE id = $1::bigint",
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
		   " last_error_at = now(), leased_until = NULL WHERE id = $1::bigint",
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
		   " next_poll_at = now() + make_interval(secs => $4::int), leased_until = NULL"
		   " WHERE id = $1::bigint",
		   4, params, count_done, call_new((void (*)(void))done, arg));
	free(clean);
}
