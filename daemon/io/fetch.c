/* libcurl multi on libevent, after curl's hiperfifo.c: a socket callback
 * keeps one persistent event per socket, a timer callback arms one timer,
 * and both paths call curl_multi_socket_action() and then drain
 * curl_multi_info_read(). Requests wait in a queue until the global cap,
 * their host's cap and their host's politeness delay allow them to start. */
#include "quoted/fetch.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>

#include "quoted/feed.h"
#include "quoted/log.h"
#include "quoted/netguard.h"
#include "quoted/util.h"

struct fetch_host {
	char *name;
	int active;
	struct timeval next_start; /* politeness: earliest next start */
	struct fetch_host *next;
};

struct transfer {
	struct fetcher *f;
	CURL *easy;
	char *url, *etag_in, *lm_in;
	bool allow_file;
	fetch_done_fn done;
	void *arg;
	struct fetch_host *host;
	struct curl_slist *headers;
	struct buf body;
	bool too_big;
	char *refused; /* why the address guard refused, or NULL */
	char *etag, *last_modified;
	long retry_after_s;
	long max_age_s;
	long last_code;      /* status of the latest response seen */
	bool all_permanent;  /* every redirect so far was 301 or 308 */
	char errbuf[CURL_ERROR_SIZE];
	struct transfer *next; /* queue link, then in-flight list link */
};

struct sockinfo {
	curl_socket_t fd;
	struct event *ev;
	short kind; /* the events ev waits for */
	struct fetcher *f;
};

struct fetcher {
	struct event_base *base;
	CURLM *multi;
	struct event *curl_timer;
	struct event *dispatch_timer;
	struct transfer *queue_head, *queue_tail;
	struct transfer *in_flight; /* started, not finished */
	size_t queued, active;
	struct fetch_host *hosts;
	struct fetch_options opt;
	char *user_agent;
	struct fetch_stats stats;
	/* A reload turned the address guard on: connections opened while it
	 * was off may sit in libcurl's connection cache, and a reused
	 * connection never passes through fetch_opensocket(). From then on,
	 * every transfer opens (and closes) its own connection. */
	bool no_reuse;
};

static void fetch_dispatch(struct fetcher *f);

static struct fetch_host *fetch_host_get(struct fetcher *f, const char *url)
{
	char *host = NULL;
	CURLU *u = curl_url();
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		host = NULL;
	curl_url_cleanup(u);
	const char *name = host ? host : "";
	struct fetch_host *h;
	for (h = f->hosts; h; h = h->next)
		if (strcasecmp(h->name, name) == 0)
			break;
	if (!h) {
		h = xcalloc(1, sizeof *h);
		h->name = xstrdup(name);
		h->next = f->hosts;
		f->hosts = h;
	}
	curl_free(host);
	return h;
}

static size_t fetch_write(char *ptr, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t n = size * nmemb;
	/* Count the decoded bytes ourselves: CURLOPT_MAXFILESIZE misses chunked
	 * and compressed bodies. */
	if (t->body.len + n > (size_t)t->f->opt.max_body_bytes) {
		t->too_big = true;
		return 0;
	}
	buf_append(&t->body, ptr, n);
	return n;
}

static char *header_value(const char *line, size_t n, const char *name)
{
	size_t k = strlen(name);
	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return NULL;
	const char *v = line + k + 1, *e = line + n;
	while (v < e && (*v == ' ' || *v == '\t'))
		v++;
	while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return xstrndup(v, (size_t)(e - v));
}

static size_t fetch_header(char *line, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t n = size * nmemb;
	char *v;
	if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		const char *sp = memchr(line, ' ', n);
		long code = sp ? strtol(sp + 1, NULL, 10) : 0;
		if (code >= 100 && code < 200)
			return n; /* interim response */
		/* A new response after a redirect: note what kind of redirect
		 * led here and forget the previous hop's headers. */
		if (t->last_code && t->last_code != 301 && t->last_code != 308)
			t->all_permanent = false;
		t->last_code = code;
		free(t->etag), t->etag = NULL;
		free(t->last_modified), t->last_modified = NULL;
		t->retry_after_s = -1;
		t->max_age_s = -1;
	} else if ((v = header_value(line, n, "Cache-Control"))) {
		const char *m = strcasestr(v, "max-age=");
		if (m && (m == v || m[-1] == ' ' || m[-1] == ','))
			t->max_age_s = strtol(m + 8, NULL, 10);
		free(v);
	} else if ((v = header_value(line, n, "ETag"))) {
		free(t->etag), t->etag = v;
	} else if ((v = header_value(line, n, "Last-Modified"))) {
		free(t->last_modified), t->last_modified = v;
	} else if ((v = header_value(line, n, "Retry-After"))) {
		char *end;
		long s = strtol(v, &end, 10);
		if (end != v && *end == '\0' && s >= 0) {
			t->retry_after_s = s;
		} else {
			int64_t when = feed_parse_date(v);
			if (when > 0)
				t->retry_after_s = when > time(NULL) ? (long)(when - time(NULL)) : 0;
		}
		free(v);
	}
	return n;
}

static curl_socket_t fetch_opensocket(void *clientp, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct transfer *t = clientp;
	if (!t->f->opt.allow_private && netguard_blocked(&a->addr)) {
		char ip[64];
		netguard_format(&a->addr, ip, sizeof ip);
		free(t->refused);
		t->refused = xasprintf("refused to connect to %s: a private, loopback or link-local address", ip);
		return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype, a->protocol);
}

static void transfer_free(struct transfer *t)
{
	if (t->easy) {
		curl_multi_remove_handle(t->f->multi, t->easy);
		curl_easy_cleanup(t->easy);
	}
	curl_slist_free_all(t->headers);
	buf_free(&t->body);
	free(t->url), free(t->etag_in), free(t->lm_in);
	free(t->refused), free(t->etag), free(t->last_modified);
	free(t);
}

/* Deliver the outcome of a finished (or failed to start) transfer. */
static void transfer_finish(struct transfer *t, CURLcode code)
{
	struct fetch_result r = {0};
	char *ctype = NULL, *eff = NULL;
	char errmsg[512];

	r.url = t->url;
	r.retry_after_s = t->retry_after_s;
	r.max_age_s = t->max_age_s;
	if (t->easy) {
		curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r.status);
		curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ctype);
		curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &eff);
	}
	r.content_type = ctype;
	r.effective_url = eff ? eff : t->url;
	long redirects = 0;
	if (t->easy)
		curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_COUNT, &redirects);
	if (redirects > 0 && t->all_permanent && code == CURLE_OK)
		r.permanent_url = r.effective_url;
	r.etag = t->etag;
	r.last_modified = t->last_modified;
	if (t->too_big) {
		snprintf(errmsg, sizeof errmsg, "body larger than %ld bytes; transfer stopped",
			 t->f->opt.max_body_bytes);
		r.error = errmsg;
	} else if (t->refused) {
		r.error = t->refused;
	} else if (code != CURLE_OK) {
		snprintf(errmsg, sizeof errmsg, "%s", t->errbuf[0] ? t->errbuf : curl_easy_strerror(code));
		r.error = errmsg;
	}
	if (r.error)
		r.status = r.status >= 300 ? r.status : 0;
	struct fetch_stats *st = &t->f->stats;
	st->by_status[r.status >= 0 && r.status < 600 ? r.status : 0]++;
	st->bytes += t->body.len;
	st->refused += t->refused != NULL;
	st->too_big += t->too_big;
	buf_append(&t->body, "", 0);
	r.body = t->body.data;
	r.len = t->body.len;
	t->done(&r, t->arg);
	transfer_free(t);
}

static void transfer_untrack(struct fetcher *f, struct transfer *t)
{
	for (struct transfer **pp = &f->in_flight; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	}
	f->active--;
	t->host->active--;
}

static void fetch_check_done(struct fetcher *f)
{
	CURLMsg *msg;
	int left;
	while ((msg = curl_multi_info_read(f->multi, &left))) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		struct transfer *t;
		CURLcode code = msg->data.result;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
		transfer_untrack(f, t);
		transfer_finish(t, code);
	}
	fetch_dispatch(f);
}

static void fetch_event_cb(evutil_socket_t fd, short what, void *arg)
{
	struct fetcher *f = arg;
	int running;
	int action = ((what & EV_READ) ? CURL_CSELECT_IN : 0) | ((what & EV_WRITE) ? CURL_CSELECT_OUT : 0);
	curl_multi_socket_action(f->multi, fd, action, &running);
	fetch_check_done(f);
}

static void fetch_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct fetcher *f = arg;
	int running;
	curl_multi_socket_action(f->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	fetch_check_done(f);
}

static int fetch_curl_timer(CURLM *multi, long timeout_ms, void *userp)
{
	struct fetcher *f = userp;
	if (timeout_ms < 0) {
		evtimer_del(f->curl_timer);
		return 0;
	}
	struct timeval tv = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
	evtimer_add(f->curl_timer, &tv);
	return 0;
}

static int fetch_curl_socket(CURL *easy, curl_socket_t s, int what, void *userp, void *socketp)
{
	struct fetcher *f = userp;
	struct sockinfo *si = socketp;
	if (what == CURL_POLL_REMOVE) {
		if (si) {
			event_free(si->ev);
			free(si);
		}
		curl_multi_assign(f->multi, s, NULL);
		return 0;
	}
	short kind = (short)(((what & CURL_POLL_IN) ? EV_READ : 0) | ((what & CURL_POLL_OUT) ? EV_WRITE : 0) |
			     EV_PERSIST);
	if (!si) {
		si = xcalloc(1, sizeof *si);
		si->fd = s;
		si->f = f;
		si->ev = event_new(f->base, s, kind, fetch_event_cb, f);
		curl_multi_assign(f->multi, s, si);
	} else if (si->kind == kind) {
		return 0; /* already waiting for exactly this */
	} else {
		event_del(si->ev);
		event_assign(si->ev, f->base, s, kind, fetch_event_cb, f);
	}
	si->kind = kind;
	event_add(si->ev, NULL);
	return 0;
}

static void transfer_start(struct fetcher *f, struct transfer *t)
{
	CURL *e = curl_easy_init();
	t->easy = e;
	if (!e) {
		snprintf(t->errbuf, sizeof t->errbuf, "cannot create a curl handle");
		transfer_finish(t, CURLE_OUT_OF_MEMORY);
		return;
	}
	curl_easy_setopt(e, CURLOPT_URL, t->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, fetch_opensocket);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, t->allow_file ? "http,https,file" : "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, (long)f->opt.connect_timeout_s);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, (long)f->opt.timeout_s);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 100L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, 15L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->opt.max_body_bytes);
	if (f->no_reuse) {
		curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
		curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
	}
	if (t->etag_in) {
		char *h = xasprintf("If-None-Match: %s", t->etag_in);
		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	if (t->lm_in) {
		char *h = xasprintf("If-Modified-Since: %s", t->lm_in);
		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	if (t->headers)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	f->active++;
	t->host->active++;
	t->next = f->in_flight;
	f->in_flight = t;
	CURLMcode rc = curl_multi_add_handle(f->multi, e);
	if (rc != CURLM_OK) {
		transfer_untrack(f, t);
		snprintf(t->errbuf, sizeof t->errbuf, "cannot start transfer: %s", curl_multi_strerror(rc));
		transfer_finish(t, CURLE_FAILED_INIT);
	}
}

static void fetch_dispatch_cb(evutil_socket_t fd, short what, void *arg)
{
	fetch_dispatch(arg);
}

/* Start every queued transfer the caps allow, in queue order; arm a timer
 * for the earliest politeness delay still pending. */
static void fetch_dispatch(struct fetcher *f)
{
	struct timeval now, wait = {0, 0};
	bool must_wait = false;
	gettimeofday(&now, NULL);
	struct transfer **pp = &f->queue_head, *prev = NULL;
	while (*pp && f->active < (size_t)f->opt.max_connections) {
		struct transfer *t = *pp;
		struct fetch_host *h = t->host;
		if (h->active >= f->opt.per_host) {
			prev = t, pp = &t->next;
			continue;
		}
		if (timercmp(&h->next_start, &now, >)) {
			struct timeval d;
			timersub(&h->next_start, &now, &d);
			if (!must_wait || timercmp(&d, &wait, <))
				wait = d;
			must_wait = true;
			prev = t, pp = &t->next;
			continue;
		}
		*pp = t->next;
		if (f->queue_tail == t)
			f->queue_tail = prev;
		f->queued--;
		/* Politeness is for remote hosts; local files (no host) need none. */
		int delay_ms = h->name[0] ? f->opt.host_delay_ms : 0;
		struct timeval delay = {delay_ms / 1000, (delay_ms % 1000) * 1000};
		timeradd(&now, &delay, &h->next_start);
		transfer_start(f, t);
	}
	if (must_wait && !evtimer_pending(f->dispatch_timer, NULL))
		evtimer_add(f->dispatch_timer, &wait);
}

struct fetcher *fetcher_new(struct event_base *base, const struct fetch_options *opt)
{
	static bool curl_ready;
	if (!curl_ready) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		curl_ready = true;
	}
	struct fetcher *f = xcalloc(1, sizeof *f);
	f->base = base;
	f->opt = *opt;
	f->user_agent = xstrdup(opt->user_agent ? opt->user_agent : "quoted");
	f->opt.user_agent = f->user_agent;
	f->multi = curl_multi_init();
	f->curl_timer = evtimer_new(base, fetch_timer_cb, f);
	f->dispatch_timer = evtimer_new(base, fetch_dispatch_cb, f);
	curl_multi_setopt(f->multi, CURLMOPT_SOCKETFUNCTION, fetch_curl_socket);
	curl_multi_setopt(f->multi, CURLMOPT_SOCKETDATA, f);
	curl_multi_setopt(f->multi, CURLMOPT_TIMERFUNCTION, fetch_curl_timer);
	curl_multi_setopt(f->multi, CURLMOPT_TIMERDATA, f);
	return f;
}

void fetcher_set_options(struct fetcher *f, const struct fetch_options *opt)
{
	if (f->opt.allow_private && !opt->allow_private)
		f->no_reuse = true;
	free(f->user_agent);
	f->opt = *opt;
	f->user_agent = xstrdup(opt->user_agent ? opt->user_agent : "quoted");
	f->opt.user_agent = f->user_agent;
	fetch_dispatch(f);
}

const struct fetch_stats *fetcher_stats(const struct fetcher *f)
{
	return &f->stats;
}

void fetcher_submit(struct fetcher *f, const struct fetch_request *req)
{
	struct transfer *t = xcalloc(1, sizeof *t);
	t->f = f;
	t->url = xstrdup(req->url);
	t->etag_in = req->etag ? xstrdup(req->etag) : NULL;
	t->lm_in = req->last_modified ? xstrdup(req->last_modified) : NULL;
	t->allow_file = req->allow_file;
	t->done = req->done;
	t->arg = req->arg;
	t->retry_after_s = -1;
	t->max_age_s = -1;
	t->all_permanent = true;
	t->host = fetch_host_get(f, req->url);
	if (f->queue_tail)
		f->queue_tail->next = t;
	else
		f->queue_head = t;
	f->queue_tail = t;
	f->queued++;
	/* Start from the loop, not from inside the caller's callback. */
	if (!evtimer_pending(f->dispatch_timer, NULL)) {
		struct timeval zero = {0, 0};
		evtimer_add(f->dispatch_timer, &zero);
	}
}

size_t fetcher_pending(const struct fetcher *f)
{
	return f->queued + f->active;
}

void fetcher_free(struct fetcher *f)
{
	if (!f)
		return;
	while (f->queue_head) {
		struct transfer *t = f->queue_head;
		f->queue_head = t->next;
		snprintf(t->errbuf, sizeof t->errbuf, "fetcher shut down");
		transfer_finish(t, CURLE_ABORTED_BY_CALLBACK);
	}
	while (f->in_flight) {
		struct transfer *t = f->in_flight;
		transfer_untrack(f, t);
		snprintf(t->errbuf, sizeof t->errbuf, "fetcher shut down");
		transfer_finish(t, CURLE_ABORTED_BY_CALLBACK);
	}
	curl_multi_cleanup(f->multi);
	event_free(f->curl_timer);
	event_free(f->dispatch_timer);
	while (f->hosts) {
		struct fetch_host *h = f->hosts;
		f->hosts = h->next;
		free(h->name);
		free(h);
	}
	free(f->user_agent);
	free(f);
}

void fetch_options_from_config(const struct config *cfg, struct fetch_options *fo, char **ua)
{
	*ua = cfg->contact_url ? xasprintf("quoted/%s (+%s)", QUOTED_VERSION, cfg->contact_url)
			       : xasprintf("quoted/%s", QUOTED_VERSION);
	struct fetch_options o = {
		.max_connections = cfg->max_connections,
		.per_host = cfg->per_host_connections,
		.host_delay_ms = cfg->host_delay_ms,
		.max_body_bytes = cfg->max_body_bytes,
		.connect_timeout_s = cfg->connect_timeout_s,
		.timeout_s = cfg->timeout_s,
		.allow_private = cfg->allow_private,
		.user_agent = *ua,
	};
	*fo = o;
}
