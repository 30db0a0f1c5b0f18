/* A small real HTTP server for tests: serves files under --root on
 * 127.0.0.1 (an ephemeral port written to --port-file), replaces
 * "{{BASE}}" in served files by its own http://127.0.0.1:PORT, honours
 * If-None-Match / If-Modified-Since with 304, and logs each request to
 * --log as "METHOD PATH STATUS inm=... ims=... ua=...". Two routes play
 * server behaviour:
 *   /status/NNN[/SECONDS]   answer status NNN (with Retry-After: SECONDS)
 *   /redirect/NNN/PATH      answer NNN with Location: /PATH */
#include <errno.h>
#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static const char *root = ".";
static int no_validators; /* --no-validators: plain 200s, as many servers do */
static FILE *request_log;
static char base_url[64];

static const char *content_type(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot)
		return "application/octet-stream";
	if (!strcmp(dot, ".xml") || !strcmp(dot, ".rss"))
		return "application/rss+xml; charset=utf-8";
	if (!strcmp(dot, ".atom"))
		return "application/atom+xml; charset=utf-8";
	if (!strcmp(dot, ".json"))
		return "application/feed+json; charset=utf-8";
	if (!strcmp(dot, ".html"))
		return "text/html; charset=utf-8";
	return "text/plain; charset=utf-8";
}

static void log_request(struct evhttp_request *req, const char *path, int status)
{
	struct evkeyvalq *h = evhttp_request_get_input_headers(req);
	const char *inm = evhttp_find_header(h, "If-None-Match");
	const char *ims = evhttp_find_header(h, "If-Modified-Since");
	const char *ua = evhttp_find_header(h, "User-Agent");
	fprintf(request_log, "GET %s %d inm=%s ims=%s ua=%s\n", path, status, inm ? inm : "-",
		ims ? ims : "-", ua ? ua : "-");
	fflush(request_log);
}

/* The file's bytes with {{BASE}} replaced. */
static struct evbuffer *load(const char *file)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return NULL;
	struct evbuffer *out = evbuffer_new();
	char *data = NULL;
	size_t len = 0, cap = 0, n;
	char chunk[8192];
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			data = realloc(data, cap);
		}
		memcpy(data + len, chunk, n);
		len += n;
	}
	fclose(f);
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *m = memmem(p, (size_t)(end - p), "{{BASE}}", 8);
		if (!m) {
			evbuffer_add(out, p, (size_t)(end - p));
			break;
		}
		evbuffer_add(out, p, (size_t)(m - p));
		evbuffer_add(out, base_url, strlen(base_url));
		p = m + 8;
	}
	free(data);
	return out;
}

/* /status/NNN[/S] and /redirect/NNN/PATH; 1 when handled. */
static int handle_route(struct evhttp_request *req, const char *path)
{
	int code, seconds, used = 0;
	struct evkeyvalq *out = evhttp_request_get_output_headers(req);
	if (sscanf(path, "/status/%d%n", &code, &used) == 1 && code >= 200 && code < 600) {
		char ra[32];
		if (sscanf(path + used, "/%d", &seconds) == 1) {
			snprintf(ra, sizeof ra, "%d", seconds);
			evhttp_add_header(out, "Retry-After", ra);
		}
		log_request(req, path, code);
		struct evbuffer *body = evbuffer_new();
		evbuffer_add_printf(body, "status %d\n", code);
		evhttp_send_reply(req, code, "Test", body);
		evbuffer_free(body);
		return 1;
	}
	if (sscanf(path, "/redirect/%d/%n", &code, &used) == 1 && used > 0 && code >= 300 && code < 400) {
		char loc[1024];
		snprintf(loc, sizeof loc, "%s/%s", base_url, path + used);
		evhttp_add_header(out, "Location", loc);
		log_request(req, path, code);
		evhttp_send_reply(req, code, "Moved", NULL);
		return 1;
	}
	return 0;
}

static void handle(struct evhttp_request *req, void *arg)
{
	const char *uri = evhttp_request_get_uri(req);
	struct evhttp_uri *parsed = evhttp_uri_parse(uri);
	const char *path = parsed ? evhttp_uri_get_path(parsed) : NULL;
	if (path && handle_route(req, path)) {
		evhttp_uri_free(parsed);
		return;
	}
	char file[4096];
	struct stat st;
	if (!path || strstr(path, "..") || snprintf(file, sizeof file, "%s%s", root, path) >= (int)sizeof file ||
	    stat(file, &st) < 0 || !S_ISREG(st.st_mode)) {
		log_request(req, path ? path : uri, 404);
		evhttp_send_error(req, 404, "Not Found");
		if (parsed)
			evhttp_uri_free(parsed);
		return;
	}
	char etag[64], lm[64];
	snprintf(etag, sizeof etag, "\"%lld-%lld\"", (long long)st.st_size, (long long)st.st_mtime);
	struct tm tm;
	gmtime_r(&st.st_mtime, &tm);
	strftime(lm, sizeof lm, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	struct evkeyvalq *in = evhttp_request_get_input_headers(req);
	struct evkeyvalq *out = evhttp_request_get_output_headers(req);
	const char *inm = evhttp_find_header(in, "If-None-Match");
	const char *ims = evhttp_find_header(in, "If-Modified-Since");
	if (!no_validators) {
		evhttp_add_header(out, "ETag", etag);
		evhttp_add_header(out, "Last-Modified", lm);
	}
	if (!no_validators && ((inm && !strcmp(inm, etag)) || (!inm && ims && !strcmp(ims, lm)))) {
		log_request(req, path, 304);
		evhttp_send_reply(req, 304, "Not Modified", NULL);
		evhttp_uri_free(parsed);
		return;
	}
	struct evbuffer *body = load(file);
	evhttp_add_header(out, "Content-Type", content_type(file));
	log_request(req, path, 200);
	evhttp_send_reply(req, 200, "OK", body);
	evbuffer_free(body);
	evhttp_uri_free(parsed);
}

int main(int argc, char **argv)
{
	const char *port_file = NULL, *log_path = "/dev/null";
	int c;
	static const struct option opts[] = {
		{"root", required_argument, NULL, 'r'},
		{"port-file", required_argument, NULL, 'p'},
		{"log", required_argument, NULL, 'l'},
		{"no-validators", no_argument, &no_validators, 1},
		{NULL, 0, NULL, 0},
	};
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': root = optarg; break;
		case 'p': port_file = optarg; break;
		case 'l': log_path = optarg; break;
		case 0: break;
		default: fprintf(stderr, "usage: test_httpd --root DIR --port-file FILE [--log FILE]\n"); return 2;
		}
	}
	request_log = fopen(log_path, "a");
	if (!request_log) {
		perror(log_path);
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	struct event_base *base = event_base_new();
	struct evhttp *http = evhttp_new(base);
	evhttp_set_gencb(http, handle, NULL);
	struct evhttp_bound_socket *sock = evhttp_bind_socket_with_handle(http, "127.0.0.1", 0);
	if (!sock) {
		fprintf(stderr, "test_httpd: cannot bind 127.0.0.1\n");
		return 1;
	}
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	getsockname(evhttp_bound_socket_get_fd(sock), (struct sockaddr *)&ss, &sl);
	int port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	snprintf(base_url, sizeof base_url, "http://127.0.0.1:%d", port);
	if (port_file) {
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%s.tmp", port_file);
		FILE *pf = fopen(tmp, "w");
		if (!pf || fprintf(pf, "%d\n", port) < 0 || fclose(pf) != 0 || rename(tmp, port_file) < 0) {
			fprintf(stderr, "test_httpd: %s: %s\n", port_file, strerror(errno));
			return 1;
		}
	}
	event_base_dispatch(base);
	return 0;
}
