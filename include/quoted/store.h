/* The daemon's writes and reads, asynchronous on the dbq: leasing feeds,
 * checking which items are known, storing articles with their quotes, and
 * recording poll outcomes. Every statement is idempotent, so the queue may
 * run one again after a lost connection. Values travel as parameters. */
#ifndef QUOTED_STORE_H
#define QUOTED_STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <event2/event.h>

#include "quoted/dbq.h"
#include "quoted/quote.h"

struct db_feed {
	int64_t id;
	char *url;
	char *etag;          /* or NULL */
	char *last_modified; /* or NULL */
	char *body_digest;   /* of the last body read in full, or NULL */
	bool local;
	int interval_s;
	int error_count;
};
void db_feed_clear(struct db_feed *f);

/* feeds (n of them) belong to the callee; NULL with err on failure. */
typedef void (*store_feeds_fn)(struct db_feed *feeds, int n, const char *err, void *arg);
/* Lease up to limit feeds for lease_s seconds, with FOR UPDATE SKIP LOCKED
 * so several daemons share the work: the due feeds, most overdue first,
 * when after_id < 0; otherwise every active feed with an id above after_id,
 * in id order (a --once pass walks all feeds a chunk at a time). */
void store_lease(struct dbq *q, int64_t after_id, int limit, int lease_s, store_feeds_fn done, void *arg);

/* What a successful poll records. On a 304 the stored validators and body
 * digest stay; otherwise these replace them (NULL clears). title NULL
 * keeps the stored title. */
struct feed_poll_record {
	int status;
	const char *etag, *last_modified, *title;
	const char *body_digest; /* see feed_body_digest() in the poller */
	int interval_s, next_in_s;
};
/* known[i] tells whether keys[i] was carried by this feed before. When rec
 * is given and no key is new, the same statement records the successful
 * poll and recorded is true: a quiet feed costs no statement of its own. */
typedef void (*store_known_fn)(const bool *known, bool recorded, const char *err, void *arg);

/* Checks of many feeds' items go to the database together, as one
 * statement (quoted_feeds_polled(), sql/012): a check leaves at once when
 * no batch is in flight, otherwise with the next batch, sent as soon as
 * the one in flight returns. */
struct store_batch;
struct store_batch *store_batch_new(struct dbq *q);
/* Calls still gathered are dropped without calling back (shutdown). */
void store_batch_free(struct store_batch *b);
void store_known_items(struct store_batch *b, int64_t feed_id, char *const *keys, size_t n,
		       const struct feed_poll_record *rec, store_known_fn done, void *arg);

struct article_record {
	const char *url;
	const char *title;
	const char *byline;
	int64_t published; /* Unix seconds, 0 when unknown */
	const char *body;  /* the text the extractor read */
	const char *source; /* "page" or "feed" */
};

/* count: quotes inserted (store_article) or rows updated; -1 with err. */
typedef void (*store_count_fn)(int count, const char *err, void *arg);
/* One statement, so one transaction: the article, the item, speakers, quotes. */
void store_article(struct dbq *q, int64_t feed_id, const char *item_key,
		   const struct article_record *a, const struct quote_list *quotes,
		   store_count_fn done, void *arg);
/* Record a poll's outcome; the next poll is next_in_s from now. Validators
 * advance only here, after the feed's articles have committed. A poll that
 * left work undone says why in note (else NULL): it goes to last_error
 * without counting as an error, so the feed is not backed off. */
void store_feed_success(struct dbq *q, int64_t feed_id, const struct feed_poll_record *rec,
			const char *note, store_count_fn done, void *arg);
/* The feed answered 410 Gone (or similar): stop polling it, saying why. */
void store_feed_disable(struct dbq *q, int64_t feed_id, const char *reason, store_count_fn done,
			void *arg);
/* Every redirect was permanent: poll the new URL from now on (unless
 * another feed already has it). */
void store_feed_moved(struct dbq *q, int64_t feed_id, const char *new_url, store_count_fn done,
		      void *arg);
void store_feed_error(struct dbq *q, int64_t feed_id, int status, const char *message,
		      int next_in_s, store_count_fn done, void *arg);
#endif
