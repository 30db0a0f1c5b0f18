/* The poller: lease due feeds, fetch them, parse, fetch each new item's
 * page, extract text and quotes, and store each article in one statement.
 * I/O runs on one loop: libcurl through the fetcher, PostgreSQL through
 * the dbq; parsing and extraction run on worker threads (workers.c) and
 * come back to the loop with their results. A feed's validators advance only after all its new
 * articles committed, so a crash or a failed article means the items are
 * seen again on the next poll rather than lost. */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "quoted/feed.h"
#include "quoted/htmltext.h"
#include "quoted/log.h"
#include "quoted/quote.h"
#include "quoted/schedule.h"
#include "quoted/sha256.h"
#include "quoted/store.h"
#include "quoted/util.h"

#define LEASE_SECONDS 600
/* Stop leasing while this much database work is waiting. */
#define MAX_DB_BACKLOG 256
/* New items taken from one poll of one feed; the rest stay unknown and are
 * taken by the next polls. Bounds the work (fetches, transactions) that a
 * single hostile or archive-sized feed (100,000 items) can cause at once. */
#define MAX_NEW_ITEMS_PER_POLL 1000

struct poller {
	struct event_base *base;
	struct dbq *db;
	struct store_batch *batch;
	const struct config *cfg;
	struct fetcher *fetcher;
	struct workers *workers;
	struct event *tick;
	bool once, stopping, leasing;
	bool shutting_down; /* fetcher_free() is cancelling: record nothing */
	int feeds_in_progress;
	/* --once walks every active feed in id order, leasing a chunk at a
	 * time as the previous chunk drains, so the first transfers start at
	 * once and memory stays bounded however many feeds there are. */
	struct db_feed *backlog;
	size_t backlog_n, backlog_next;
	int64_t once_after_id; /* highest feed id leased so far */
	bool once_exhausted;   /* the last chunk came back short */
	struct poller_stats stats;
};

/* One poll of one feed, alive until its outcome is recorded. */
struct feed_poll {
	struct poller *p;
	struct db_feed feed;
	struct feed parsed;
	int articles_pending;
	int articles_failed;
	long status;
	long max_age_s;
	char *etag, *last_modified;
	char *moved_to; /* permanent redirect target, or NULL */
	char body_digest[65]; /* of a 200's body, or "" */
	bool body_unchanged;  /* the digest is the stored one: nothing to read */
	size_t items_deferred; /* new items left for later polls */
	char *first_failure;   /* why the first failed article failed, or NULL */
	/* The parse job: input copied from the fetch result, output filled
	 * on a worker thread. */
	char *body, *base_url, *content_type;
	size_t len;
	int parse_rc;
	char parse_err[256];
	char **keys; /* one per parsed item */
	size_t n_keys;
};

struct article_job {
	struct feed_poll *fp;
	char *item_key, *url, *title, *author, *content;
	int64_t published;
	/* The extraction job: the page (NULL: read the feed's content) ... */
	char *page, *page_url, *fetch_error;
	size_t page_len;
	/* ... and what a worker thread made of it. */
	struct article_text text;
	const char *source; /* NULL: no text found */
	char *body;
	struct quote_list quotes;
};

static char *opt_dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* A copy of a fetched body (which may hold NUL bytes), NUL-terminated: the
 * fetcher frees its own when the callback returns. */
static char *body_copy(const struct fetch_result *r)
{
	char *b = xmalloc(r->len + 1);
	memcpy(b, r->body, r->len);
	b[r->len] = '\0';
	return b;
}

/* What a body's parse depends on, hashed: our version (a new parser may
 * read more), the final URL (relative links) and Content-Type (charset).
 * Equal digests mean parsing again would find the same items. */
static void feed_body_digest(const struct fetch_result *r, char hex[65])
{
	struct sha256 s;
	unsigned char d[32];
	const char *parts[] = {QUOTED_VERSION, r->effective_url, r->content_type};
	sha256_init(&s);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i])
			sha256_update(&s, parts[i], strlen(parts[i]));
		sha256_update(&s, "", 1); /* a separator no part contains */
	}
	sha256_update(&s, r->body, r->len);
	sha256_final(&s, d);
	sha256_to_hex(d, hex);
}

static double random_unit(void)
{
	return (double)random() / RAND_MAX;
}

static void poller_lease(struct poller *p);
static void poller_drain_backlog(struct poller *p);

static void poller_check_done(struct poller *p)
{
	if (p->feeds_in_progress > 0 || p->leasing || p->backlog)
		return;
	if ((p->once && p->once_exhausted) || p->stopping)
		event_base_loopexit(p->base, NULL);
}

static void feed_poll_free(struct feed_poll *fp)
{
	db_feed_clear(&fp->feed);
	feed_free(&fp->parsed);
	free(fp->body);
	free(fp->base_url);
	free(fp->content_type);
	for (size_t i = 0; i < fp->n_keys; i++)
		free(fp->keys[i]);
	free(fp->keys);
	free(fp->etag);
	free(fp->last_modified);
	free(fp->moved_to);
	free(fp->first_failure);
	free(fp);
}

static void feed_poll_recorded(int count, const char *err, void *arg)
{
	struct feed_poll *fp = arg;
	struct poller *p = fp->p;
	if (count < 0)
		log_err("feed %" PRId64 ": cannot record the poll: %s", fp->feed.id, err);
	p->feeds_in_progress--;
	feed_poll_free(fp);
	/* Refill: lease the next due feeds as soon as half of a lease batch
	 * is done, not only on the next tick. Leasing only per tick capped a
	 * daemon at max_connections * 4 feeds per tick (128 per 5 s), so
	 * 10,000 feeds on 5-minute intervals could never all be polled in
	 * time (tests/load/load_fairness.sh). */
	if (!p->once && p->feeds_in_progress < p->cfg->max_connections * 2)
		poller_lease(p);
	poller_drain_backlog(p);
	poller_check_done(p);
}

static void feed_poll_error(struct feed_poll *fp, int status, long retry_after_s, const char *msg)
{
	struct poller *p = fp->p;
	int errors = fp->feed.error_count + 1;
	int next = schedule_jitter(schedule_backoff(errors, retry_after_s, p->cfg->min_interval_s,
						    p->cfg->max_error_backoff_s),
				   random_unit());
	p->stats.feeds_failed++;
	if (status == 410) {
		char reason[700];
		snprintf(reason, sizeof reason, "disabled: the server says the feed is gone (HTTP 410): %s", msg);
		log_warn("feed %" PRId64 " %s: %s", fp->feed.id, fp->feed.url, reason);
		store_feed_disable(p->db, fp->feed.id, reason, feed_poll_recorded, fp);
		return;
	}
	/* Rate-limit the log per feed: the 1st, 2nd, 4th, 8th... error in a row.
	 * Every error is still recorded on the feed (quotectl feed list). */
	if ((errors & (errors - 1)) == 0)
		log_warn("feed %" PRId64 " %s: %s (%d in a row); next attempt in %d s", fp->feed.id,
			 fp->feed.url, msg, errors, next);
	store_feed_error(p->db, fp->feed.id, status, msg, next, feed_poll_recorded, fp);
}

static void feed_moved_recorded(int count, const char *err, void *arg)
{
	struct feed_poll *fp = arg;
	if (count < 0)
		log_err("feed %" PRId64 ": cannot record its new URL: %s", fp->feed.id, err);
	else if (count == 0)
		log_warn("feed %" PRId64 " moved to %s, which is already a feed; keeping the old URL",
			 fp->feed.id, fp->moved_to);
	else
		log_info("feed %" PRId64 " moved permanently: %s -> %s", fp->feed.id, fp->feed.url,
			 fp->moved_to);
}

/* What a poll that left work undone (failed articles, items deferred to
 * later polls) says in feeds.last_error. Without it, a feed whose every
 * article fails (text nested 10,000 deep, a page that is not HTML) looked
 * healthy. Caller frees. */
static char *feed_poll_note(const struct feed_poll *fp)
{
	struct buf b = {0};
	if (fp->articles_failed)
		buf_printf(&b, "%d new article(s) not stored; first: %s", fp->articles_failed,
			   fp->first_failure ? fp->first_failure : "?");
	if (fp->items_deferred)
		buf_printf(&b, "%s%zu more new items wait for later polls (at most %d per poll)",
			   b.len ? "; " : "", fp->items_deferred, MAX_NEW_ITEMS_PER_POLL);
	return buf_steal(&b);
}

/* When to poll again after this successful poll. */
static void feed_poll_schedule(const struct feed_poll *fp, int *interval, int *next)
{
	const struct config *cfg = fp->p->cfg;
	struct schedule_bounds b = {cfg->default_interval_s, cfg->min_interval_s, cfg->max_interval_s};
	bool parsed = fp->status != 304 && !fp->body_unchanged;
	*interval = schedule_interval(parsed ? &fp->parsed : NULL, fp->feed.interval_s, fp->max_age_s, &b);
	*next = schedule_jitter(*interval, random_unit());
}

/* What this successful poll records. A poll that must be read again
 * forgets the validators and the body digest, so the next poll reads the
 * whole feed again; stored items are skipped. */
static struct feed_poll_record feed_poll_record_of(const struct feed_poll *fp, bool reread, int interval,
						   int next)
{
	struct feed_poll_record rec = {
		.status = fp->status ? (int)fp->status : 200, /* file:// reports 0 */
		.etag = reread ? NULL : fp->etag,
		.last_modified = reread ? NULL : fp->last_modified,
		.body_digest = reread || !fp->body_digest[0] ? NULL : fp->body_digest,
		.title = fp->parsed.title,
		.interval_s = interval,
		.next_in_s = next,
	};
	if (reread && rec.status == 304)
		rec.status = 200;
	return rec;
}

/* All articles of this poll are settled: record success. */
static void feed_poll_finish(struct feed_poll *fp)
{
	struct poller *p = fp->p;
	int interval, next;
	feed_poll_schedule(fp, &interval, &next);
	/* A failed article is retried, and items deferred by
	 * MAX_NEW_ITEMS_PER_POLL taken, by reading the feed again. */
	bool reread = fp->articles_failed || fp->items_deferred;
	struct feed_poll_record rec = feed_poll_record_of(fp, reread, interval, next);
	p->stats.feeds_polled++;
	if (fp->moved_to)
		store_feed_moved(p->db, fp->feed.id, fp->moved_to, feed_moved_recorded, fp);
	char *note = reread ? feed_poll_note(fp) : NULL;
	store_feed_success(p->db, fp->feed.id, &rec, note, feed_poll_recorded, fp);
	free(note);
}

static void article_job_free(struct article_job *j)
{
	free(j->item_key);
	free(j->url);
	free(j->title);
	free(j->author);
	free(j->content);
	free(j->page);
	free(j->page_url);
	free(j->fetch_error);
	article_text_free(&j->text);
	free(j->body);
	quote_list_free(&j->quotes);
	free(j);
}

/* A job dropped at shutdown: not stored, not recorded; the lease runs out
 * and the next run fetches the item again. */
static void article_drop(struct article_job *j)
{
	struct feed_poll *fp = j->fp;
	article_job_free(j);
	if (--fp->articles_pending == 0) {
		fp->p->feeds_in_progress--;
		feed_poll_free(fp);
	}
}

static void article_settle(struct article_job *j, bool ok, const char *why)
{
	struct feed_poll *fp = j->fp;
	if (!ok) {
		if (!fp->first_failure)
			fp->first_failure = xasprintf("%s: %s", j->url ? j->url : j->item_key,
						      why ? why : "failed");
		fp->articles_failed++;
		fp->p->stats.articles_failed++;
	}
	article_job_free(j);
	if (--fp->articles_pending == 0)
		feed_poll_finish(fp);
}

static void article_stored(int added, const char *err, void *arg)
{
	struct article_job *j = arg;
	struct poller *p = j->fp->p;
	if (added < 0) {
		log_err("article %s: cannot store: %s", j->url ? j->url : j->item_key, err);
	} else {
		log_debug("article %s: %d new quotes", j->url ? j->url : j->item_key, added);
		p->stats.articles_stored++;
		p->stats.quotes_stored += added;
	}
	article_settle(j, added >= 0, err);
}

/* On a worker thread: turn the page (or the feed's own content) into text
 * and quotes. */
static void article_extract(void *arg)
{
	struct article_job *j = arg;
	j->source = article_read(j->page, j->page_len, j->page_url, j->content, &j->text);
	free(j->page);
	j->page = NULL;
	if (!j->source)
		return;
	j->body = article_text_join(&j->text);
	quotes_extract(j->body, strlen(j->body), &j->quotes);
}

/* Back on the loop: hand the text and quotes to the store. */
static void article_extracted(void *arg)
{
	struct article_job *j = arg;
	struct poller *p = j->fp->p;
	if (p->shutting_down) {
		article_drop(j);
		return;
	}
	if (!j->source) {
		const char *why = j->fetch_error ? j->fetch_error : "no text found";
		log_warn("article %s: %s", j->url ? j->url : j->item_key, why);
		article_settle(j, false, why);
		return;
	}
	int64_t published = j->published;
	if (!published && j->text.published)
		published = feed_parse_date(j->text.published);
	struct article_record rec = {
		.url = j->url ? j->url : j->item_key,
		.title = j->text.title ? j->text.title : j->title,
		.byline = j->text.byline ? j->text.byline : j->author,
		.published = published,
		.body = j->body,
		.source = j->source,
	};
	log_info("article %s: %zu quotes", rec.url, j->quotes.n);
	store_article(p->db, j->fp->feed.id, j->item_key, &rec, &j->quotes, article_stored, j);
}

static void article_fetched(const struct fetch_result *r, void *arg)
{
	struct article_job *j = arg;
	struct feed_poll *fp = j->fp;
	if (fp->p->shutting_down) {
		article_drop(j);
		return;
	}
	bool ok = !r->error && (r->status == 200 || (r->status == 0 && fp->feed.local));
	if (!ok && !r->error)
		log_warn("article %s: HTTP %ld", r->url, r->status);
	if (ok) {
		j->page = body_copy(r);
		j->page_len = r->len;
		j->page_url = opt_dup(r->effective_url);
	} else if (r->error) {
		j->fetch_error = xstrdup(r->error);
	}
	workers_submit(fp->p->workers, article_extract, article_extracted, j);
}

/* Queue the items this feed has not carried before. */
static void feed_items_checked(const bool *known, bool recorded, const char *err, void *arg)
{
	struct feed_poll *fp = arg;
	struct poller *p = fp->p;
	if (recorded) {
		/* Nothing new, and the poll is already recorded. */
		p->stats.feeds_polled++;
		feed_poll_recorded(1, NULL, fp);
		return;
	}
	if (!known) {
		log_err("feed %" PRId64 ": cannot check known items: %s", fp->feed.id, err);
		fp->articles_failed++;
	}
	/* Hold one count ourselves so the poll cannot finish while queuing. */
	fp->articles_pending = 1;
	size_t taken = 0;
	for (size_t i = 0; known && i < fp->parsed.n_items; i++) {
		const struct feed_item *it = &fp->parsed.items[i];
		if (known[i])
			continue;
		if (taken == MAX_NEW_ITEMS_PER_POLL) {
			fp->items_deferred++;
			continue;
		}
		taken++;
		struct article_job *j = xcalloc(1, sizeof *j);
		j->fp = fp;
		j->item_key = feed_item_key(it);
		j->url = opt_dup(it->link);
		j->title = opt_dup(it->title);
		j->author = opt_dup(it->author);
		j->content = opt_dup(it->content ? it->content : it->summary);
		j->published = it->published ? it->published : it->updated;
		fp->articles_pending++;
		if (j->url) {
			struct fetch_request req = {
				.url = j->url,
				.allow_file = fp->feed.local,
				.done = article_fetched,
				.arg = j,
			};
			fetcher_submit(p->fetcher, &req);
		} else {
			workers_submit(p->workers, article_extract, article_extracted, j);
		}
	}
	if (--fp->articles_pending == 0)
		feed_poll_finish(fp);
}

/* If the batch could not record it, record it on its own (which says why
 * if the database is still failing). */
static void feed_quiet_recorded(const bool *known, bool recorded, const char *err, void *arg)
{
	struct feed_poll *fp = arg;
	if (!recorded) {
		feed_poll_finish(fp);
		return;
	}
	fp->p->stats.feeds_polled++;
	feed_poll_recorded(1, NULL, fp);
}

/* Record a poll that brought nothing to read (a 304, or a body read in
 * full before) in the batched statement that records quiet feeds, not in
 * one statement of its own: most polls of a running daemon are these. A
 * moved feed takes the ordinary path, which also records its new URL. */
static void feed_poll_quiet(struct feed_poll *fp)
{
	if (fp->moved_to) {
		feed_poll_finish(fp);
		return;
	}
	int interval, next;
	feed_poll_schedule(fp, &interval, &next);
	struct feed_poll_record rec = feed_poll_record_of(fp, false, interval, next);
	store_known_items(fp->p->batch, fp->feed.id, NULL, 0, &rec, feed_quiet_recorded, fp);
}

/* On a worker thread: parse the feed and compute its items' keys. */
static void feed_parse_work(void *arg)
{
	struct feed_poll *fp = arg;
	fp->parse_rc = feed_parse(fp->body, fp->len, fp->base_url, fp->content_type, &fp->parsed,
				  fp->parse_err, sizeof fp->parse_err);
	free(fp->body);
	fp->body = NULL;
	if (fp->parse_rc < 0)
		return;
	fp->keys = xcalloc(fp->parsed.n_items ? fp->parsed.n_items : 1, sizeof *fp->keys);
	for (size_t i = 0; i < fp->parsed.n_items; i++)
		fp->keys[i] = feed_item_key(&fp->parsed.items[i]);
	fp->n_keys = fp->parsed.n_items;
}

/* Back on the loop: check which items are new (and record a quiet poll in
 * the same statement). */
static void feed_parsed(void *arg)
{
	struct feed_poll *fp = arg;
	struct poller *p = fp->p;
	if (p->shutting_down) {
		p->feeds_in_progress--;
		feed_poll_free(fp);
		return;
	}
	if (fp->parse_rc < 0) {
		feed_poll_error(fp, (int)fp->status, -1, fp->parse_err);
		return;
	}
	log_debug("feed %" PRId64 " %s: %zu items", fp->feed.id, fp->feed.url, fp->parsed.n_items);
	/* A quiet poll is recorded by the same statement; a moved feed takes
	 * the ordinary path, which also records its new URL. */
	int interval, next;
	feed_poll_schedule(fp, &interval, &next);
	struct feed_poll_record rec = feed_poll_record_of(fp, false, interval, next);
	store_known_items(p->batch, fp->feed.id, fp->keys, fp->n_keys, fp->moved_to ? NULL : &rec,
			  feed_items_checked, fp);
}

static void feed_fetched(const struct fetch_result *r, void *arg)
{
	struct feed_poll *fp = arg;
	struct poller *p = fp->p;
	char msg[600];

	if (p->shutting_down) {
		p->feeds_in_progress--;
		feed_poll_free(fp);
		return;
	}
	if (r->error) {
		feed_poll_error(fp, (int)r->status, r->retry_after_s, r->error);
		return;
	}
	fp->status = r->status;
	fp->max_age_s = r->max_age_s;
	if (r->permanent_url && strcmp(r->permanent_url, fp->feed.url) != 0)
		fp->moved_to = xstrdup(r->permanent_url);
	if (r->status == 304) {
		p->stats.feeds_unchanged++;
		feed_poll_quiet(fp);
		return;
	}
	/* file:// transfers report status 0. */
	if (r->status != 200 && !(r->status == 0 && fp->feed.local)) {
		snprintf(msg, sizeof msg, "HTTP status %ld", r->status);
		feed_poll_error(fp, (int)r->status, r->retry_after_s, msg);
		return;
	}
	fp->etag = opt_dup(r->etag);
	fp->last_modified = opt_dup(r->last_modified);
	feed_body_digest(r, fp->body_digest);
	if (fp->feed.body_digest && strcmp(fp->feed.body_digest, fp->body_digest) == 0) {
		fp->body_unchanged = true;
		p->stats.feeds_unchanged++;
		feed_poll_quiet(fp);
		return;
	}
	fp->body = body_copy(r);
	fp->len = r->len;
	fp->base_url = opt_dup(r->effective_url);
	fp->content_type = opt_dup(r->content_type);
	workers_submit(p->workers, feed_parse_work, feed_parsed, fp);
}

/* Feeds in progress at most while a --once backlog drains. */
static int poller_once_cap(const struct poller *p)
{
	return p->cfg->max_connections * 4;
}

static void poller_start_feed(struct poller *p, struct db_feed *feed)
{
	struct feed_poll *fp = xcalloc(1, sizeof *fp);
	fp->p = p;
	fp->feed = *feed;
	p->feeds_in_progress++;
	struct fetch_request req = {
		.url = fp->feed.url,
		.etag = fp->feed.etag,
		.last_modified = fp->feed.last_modified,
		.allow_file = fp->feed.local,
		.done = feed_fetched,
		.arg = fp,
	};
	fetcher_submit(p->fetcher, &req);
}

/* Start backlogged feeds up to the cap and lease the next chunk once less
 * than a cap's worth is left; when stopping, drop the rest (leased but not
 * started: the lease runs out and another pass takes them). */
static void poller_drain_backlog(struct poller *p)
{
	while (p->backlog_next < p->backlog_n && !p->stopping &&
	       p->feeds_in_progress < poller_once_cap(p))
		poller_start_feed(p, &p->backlog[p->backlog_next++]);
	if (p->once && !p->once_exhausted && p->backlog_n - p->backlog_next < (size_t)poller_once_cap(p))
		poller_lease(p);
	if (p->backlog && (p->stopping || p->backlog_next == p->backlog_n)) {
		for (size_t i = p->backlog_next; i < p->backlog_n; i++)
			db_feed_clear(&p->backlog[i]);
		free(p->backlog);
		p->backlog = NULL;
		p->backlog_n = p->backlog_next = 0;
	}
}

static void poller_leased(struct db_feed *feeds, int n, const char *err, void *arg)
{
	struct poller *p = arg;
	p->leasing = false;
	if (!feeds) {
		log_err("cannot lease feeds: %s", err);
		poller_check_done(p);
		return;
	}
	if (p->once) {
		if (n < poller_once_cap(p) || p->stopping)
			p->once_exhausted = true;
		for (int i = 0; i < n; i++) /* RETURNING keeps no order */
			if (feeds[i].id > p->once_after_id)
				p->once_after_id = feeds[i].id;
		/* Append the chunk to what is left of the backlog. */
		size_t left = p->backlog_n - p->backlog_next;
		struct db_feed *merged = xcalloc(left + (size_t)n + 1, sizeof *merged);
		if (left)
			memcpy(merged, p->backlog + p->backlog_next, left * sizeof *merged);
		if (n)
			memcpy(merged + left, feeds, (size_t)n * sizeof *merged);
		free(p->backlog);
		free(feeds);
		p->backlog = merged;
		p->backlog_n = left + (size_t)n;
		p->backlog_next = 0;
		poller_drain_backlog(p);
		poller_check_done(p);
		return;
	}
	for (int i = 0; i < n; i++) {
		if (p->stopping)
			db_feed_clear(&feeds[i]); /* the lease runs out; another pass takes it */
		else
			poller_start_feed(p, &feeds[i]);
	}
	free(feeds);
	poller_check_done(p);
}

/* Lease what is due, unless the database is away or busy, or we stop. */
static void poller_lease(struct poller *p)
{
	if (p->stopping || p->leasing || (p->once && p->once_exhausted))
		return;
	if (!dbq_connected(p->db) || dbq_depth(p->db) > MAX_DB_BACKLOG)
		return;
	int limit = p->once ? poller_once_cap(p) : p->cfg->max_connections * 4;
	if (!p->once && fetcher_pending(p->fetcher) > (size_t)limit)
		return;
	p->leasing = true;
	store_lease(p->db, p->once ? p->once_after_id : -1, limit, LEASE_SECONDS, poller_leased, p);
}

static void poller_tick(evutil_socket_t fd, short what, void *arg)
{
	poller_lease(arg);
}

struct poller *poller_new(struct event_base *base, struct dbq *db, const struct config *cfg, bool once)
{
	struct poller *p = xcalloc(1, sizeof *p);
	p->base = base;
	p->db = db;
	p->cfg = cfg;
	p->once = once;
	struct fetch_options fo;
	char *ua;
	fetch_options_from_config(cfg, &fo, &ua);
	p->fetcher = fetcher_new(base, &fo);
	free(ua);
	int threads = cfg->worker_threads;
	if (threads < 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cpus < 1 ? 1 : cpus > 4 ? 4 : (int)cpus;
	}
	p->workers = workers_new(base, threads);
	p->batch = store_batch_new(db);
	p->tick = event_new(base, -1, EV_PERSIST, poller_tick, p);
	return p;
}

void poller_reconfigure(struct poller *p)
{
	struct fetch_options fo;
	char *ua;
	fetch_options_from_config(p->cfg, &fo, &ua);
	fetcher_set_options(p->fetcher, &fo);
	free(ua);
	struct timeval every = {p->cfg->check_interval_s, 0};
	if (!p->stopping)
		event_add(p->tick, &every);
}

const struct fetch_stats *poller_fetch_stats(const struct poller *p)
{
	return fetcher_stats(p->fetcher);
}

size_t poller_fetch_queue(const struct poller *p)
{
	return fetcher_pending(p->fetcher);
}

size_t poller_work_queue(const struct poller *p)
{
	return workers_queued(p->workers);
}

int poller_feeds_in_progress(const struct poller *p)
{
	return p->feeds_in_progress;
}

void poller_start(struct poller *p)
{
	struct timeval every = {p->cfg->check_interval_s, 0};
	event_add(p->tick, &every);
	poller_lease(p);
}

void poller_wake(struct poller *p)
{
	poller_lease(p);
}

void poller_stop(struct poller *p)
{
	p->stopping = true;
	event_del(p->tick);
	poller_drain_backlog(p);
	poller_check_done(p);
}

bool poller_idle(const struct poller *p)
{
	return p->feeds_in_progress == 0;
}

const struct poller_stats *poller_stats(const struct poller *p)
{
	return &p->stats;
}

void poller_free(struct poller *p)
{
	if (!p)
		return;
	p->shutting_down = true;
	p->stopping = true;
	poller_drain_backlog(p);
	fetcher_free(p->fetcher);
	workers_free(p->workers); /* jobs still queued see shutting_down */
	store_batch_free(p->batch);
	event_free(p->tick);
	free(p);
}
