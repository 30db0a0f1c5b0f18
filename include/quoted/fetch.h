/* The fetcher: libcurl's multi interface driven by libevent (the
 * hiperfifo pattern), with conditional GET, size caps, timeouts, a global
 * and a per-host concurrency cap, politeness delays and a guard that
 * refuses private, loopback and link-local addresses after DNS. */
#ifndef QUOTED_FETCH_H
#define QUOTED_FETCH_H
#include <event2/event.h>
#include <stdbool.h>
#include <stddef.h>

#include "quoted/config.h"

struct fetch_options {
	int max_connections;
	int per_host;
	int host_delay_ms;
	long max_body_bytes;
	int connect_timeout_s;
	int timeout_s;
	bool allow_private;
	const char *user_agent; /* copied */
};

struct fetch_result {
	const char *url;           /* as requested */
	long status;               /* HTTP status, 0 when the transfer failed */
	char *body;                /* NUL-terminated, decoded; owned by the fetcher */
	size_t len;
	const char *etag;          /* response validators, verbatim, or NULL */
	const char *last_modified;
	const char *content_type;
	const char *effective_url; /* after redirects */
	long retry_after_s;        /* from Retry-After, or -1 */
	long max_age_s;            /* from Cache-Control max-age, or -1 */
	const char *permanent_url; /* final URL when every redirect was 301/308, or NULL */
	const char *error;         /* NULL on transport success */
};

/* Called once per request, on the loop; result is valid during the call. */
typedef void (*fetch_done_fn)(const struct fetch_result *result, void *arg);

struct fetch_request {
	const char *url;
	const char *etag;          /* sent as If-None-Match, or NULL */
	const char *last_modified; /* sent as If-Modified-Since, or NULL */
	bool allow_file;           /* file:// is allowed (operator-marked local feeds) */
	fetch_done_fn done;
	void *arg;
};

/* Counters for metrics. */
struct fetch_stats {
	unsigned long by_status[600]; /* [0]: transport failures */
	unsigned long long bytes;     /* decoded body bytes received */
	unsigned long refused;        /* stopped by the address guard */
	unsigned long too_big;        /* stopped by the body cap */
};

/* The [fetch] settings of cfg as fetch options. *ua receives the
 * User-Agent ("quoted/VERSION (+contact_url)"), which the caller frees
 * after fetcher_new() or fetcher_set_options() copied it. */
void fetch_options_from_config(const struct config *cfg, struct fetch_options *fo, char **ua);

struct fetcher;
struct fetcher *fetcher_new(struct event_base *base, const struct fetch_options *opt);
/* New limits for requests started from now on (a configuration reload). */
void fetcher_set_options(struct fetcher *f, const struct fetch_options *opt);
const struct fetch_stats *fetcher_stats(const struct fetcher *f);
/* Queue a request; it starts when the caps allow. Strings are copied. */
void fetcher_submit(struct fetcher *f, const struct fetch_request *req);
/* Requests queued or in flight. */
size_t fetcher_pending(const struct fetcher *f);
/* Abort everything (callbacks run with an error) and free. */
void fetcher_free(struct fetcher *f);
#endif
