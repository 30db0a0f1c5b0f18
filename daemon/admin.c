/* The loopback admin endpoint on libevent's evhttp: /healthz answers 200
 * while the database is reachable and 503 otherwise; /metrics serves the
 * Prometheus text format. */
#include <arpa/inet.h>
#include <event2/buffer.h>
#include <event2/http.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "quoted/util.h"

struct admin {
	struct evhttp *http;
	admin_metrics_fn metrics;
	admin_health_fn health;
	void *arg;
};

static void admin_reply(struct evhttp_request *req, int code, const char *reason, const char *ctype,
			const char *body, size_t len)
{
	struct evbuffer *b = evbuffer_new();
	evbuffer_add(b, body, len);
	evhttp_add_header(evhttp_request_get_output_headers(req), "Content-Type", ctype);
	evhttp_send_reply(req, code, reason, b);
	evbuffer_free(b);
}

static void admin_handle(struct evhttp_request *req, void *arg)
{
	struct admin *a = arg;
	const char *path = evhttp_uri_get_path(evhttp_request_get_evhttp_uri(req));
	if (evhttp_request_get_command(req) != EVHTTP_REQ_GET) {
		evhttp_send_error(req, 405, "Method Not Allowed");
	} else if (path && strcmp(path, "/healthz") == 0) {
		bool ok = a->health(a->arg);
		const char *body = ok ? "ok\n" : "database unreachable\n";
		admin_reply(req, ok ? 200 : 503, ok ? "OK" : "Service Unavailable", "text/plain", body, strlen(body));
	} else if (path && strcmp(path, "/metrics") == 0) {
		struct buf b = {0};
		a->metrics(&b, a->arg);
		admin_reply(req, 200, "OK", "text/plain; version=0.0.4", b.data ? b.data : "", b.len);
		buf_free(&b);
	} else {
		evhttp_send_error(req, 404, "Not Found");
	}
}

/* Split "host:port" / "[v6]:port" and insist on a loopback host. */
static int admin_parse_listen(const char *listen, char *host, size_t hostlen, int *port, char *err,
			      size_t errlen)
{
	const char *colon = strrchr(listen, ':');
	if (!colon || colon == listen) {
		snprintf(err, errlen, "admin listen '%s' is not ADDRESS:PORT", listen);
		return -1;
	}
	const char *h = listen, *hend = colon;
	if (*h == '[' && hend[-1] == ']')
		h++, hend--;
	snprintf(host, hostlen, "%.*s", (int)(hend - h), h);
	char *end;
	long p = strtol(colon + 1, &end, 10);
	if (*end || p < 1 || p > 65535) {
		snprintf(err, errlen, "admin listen '%s': bad port", listen);
		return -1;
	}
	*port = (int)p;
	struct in_addr a4;
	struct in6_addr a6;
	bool loopback = false;
	if (inet_pton(AF_INET, host, &a4) == 1)
		loopback = (ntohl(a4.s_addr) >> 24) == 127;
	else if (inet_pton(AF_INET6, host, &a6) == 1)
		loopback = IN6_IS_ADDR_LOOPBACK(&a6);
	if (!loopback) {
		snprintf(err, errlen, "admin listen '%s': only loopback addresses (127.0.0.0/8, ::1) are allowed",
			 listen);
		return -1;
	}
	return 0;
}

struct admin *admin_new(struct event_base *base, const char *listen, admin_metrics_fn metrics,
			admin_health_fn health, void *arg, char *err, size_t errlen)
{
	char host[64];
	int port;
	if (admin_parse_listen(listen, host, sizeof host, &port, err, errlen) < 0)
		return NULL;
	struct admin *a = xcalloc(1, sizeof *a);
	a->http = evhttp_new(base);
	a->metrics = metrics;
	a->health = health;
	a->arg = arg;
	evhttp_set_gencb(a->http, admin_handle, a);
	evhttp_set_allowed_methods(a->http, EVHTTP_REQ_GET);
	evhttp_set_timeout(a->http, 10);
	if (evhttp_bind_socket(a->http, host, (ev_uint16_t)port) != 0) {
		snprintf(err, errlen, "admin listen %s: cannot bind", listen);
		admin_free(a);
		return NULL;
	}
	return a;
}

void admin_free(struct admin *a)
{
	if (!a)
		return;
	evhttp_free(a->http);
	free(a);
}
