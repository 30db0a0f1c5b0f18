/* A hostile HTTP server for tests/integration/hostile_*.sh: every path is
 * one way a broken or malicious feed server can misbehave. Listens on
 * 127.0.0.1 only (ephemeral port written to --port-file), one thread per
 * connection, one request per connection ("Connection: close"), and logs
 * every request line to --log. Every response is bounded: the endless
 * ones stop at the first failed write (the client gave up) or after a cap
 * in bytes and seconds, so the server never runs away either.
 *
 *   /control.xml            a healthy RSS feed (the control)
 *   /articles/control.html  its article, with a quotation
 *   /slow.xml               1 byte per second
 *   /endless.xml            a body that never ends (no length, no chunks)
 *   /huge-length.xml        Content-Length: 100 TB
 *   /chunked.xml            a 1 GiB chunked body
 *   /gzip-bomb.xml          gzip that inflates to 10 GiB
 *   /redirect-loop.xml      302 to itself, forever
 *   /redirect-loopback.xml  302 to http://127.0.0.1:PORT/control.xml
 *   /redirect-metadata.xml  302 to http://169.254.169.254/latest/meta-data/
 *   /redirect-file.xml      302 to file:///etc/passwd
 *   /429.xml, /503.xml      with Retry-After (seconds, HTTP date)
 *   /html.xml               an HTML page where a feed should be
 *   /billion-laughs.xml     nested entity expansion
 *   /xxe.xml                external entity to --secret FILE, external DTD
 *   /evil.dtd               what an XXE would fetch (must never be asked for)
 *   /text-node.xml          one 10 MiB text node
 *   /nesting.xml            10,000 nested elements
 *   /invalid-utf8.xml       invalid UTF-8 and NUL bytes in the feed
 *   /invalid-utf8-article.xml  a healthy feed whose article has them
 *   /many-items.xml         100,000 items
 *   /deep-article.xml       a healthy feed whose article nests 10,000 deep
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_SECONDS 300                 /* no response lasts longer */
#define GiB (1024ULL * 1024ULL * 1024ULL)

static char base[64];
static const char *secret_path = "/nonexistent";
static FILE *req_log;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

/* Write all of buf; -1 once the client is gone. */
static int put(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int putf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int putf(int fd, const char *fmt, ...)
{
	char *s = NULL;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	int rc = put(fd, s, (size_t)n);
	free(s);
	return rc;
}

static int headers(int fd, int status, const char *reason, const char *ctype, const char *extra)
{
	return putf(fd, "HTTP/1.1 %d %s\r\nServer: hostile\r\nConnection: close\r\nContent-Type: %s\r\n%s\r\n",
		    status, reason, ctype, extra ? extra : "");
}

static int whole(int fd, int status, const char *ctype, const char *body, size_t n)
{
	char cl[64];
	snprintf(cl, sizeof cl, "Content-Length: %zu\r\n", n);
	if (headers(fd, status, status == 200 ? "OK" : "Other", ctype, cl) < 0)
		return -1;
	return put(fd, body, n);
}

static int whole_str(int fd, const char *ctype, const char *body)
{
	return whole(fd, 200, ctype, body, strlen(body));
}

static int redirect(int fd, const char *location)
{
	return putf(fd, "HTTP/1.1 302 Found\r\nConnection: close\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n",
		    location);
}

static bool expired(time_t start)
{
	return time(NULL) - start > MAX_SECONDS;
}

#define OPENING "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
static const char *rss = "application/rss+xml; charset=utf-8";

static void control_feed(int fd, const char *path)
{
	char *s;
	if (asprintf(&s,
		     "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
		     "<title>Control</title><link>%s/</link><description>healthy</description>\n"
		     "<item><title>Transport minister on the port</title><link>%s/articles/%s.html</link>"
		     "<guid>%s-1</guid><pubDate>Mon, 05 Jan 2026 10:00:00 GMT</pubDate></item>\n"
		     "</channel></rss>\n",
		     base, base, path, path) < 0)
		return;
	whole_str(fd, rss, s);
	free(s);
}

static const char *article_paragraphs =
	"<p>The port of Eastbay will stay open through the winter storms, the transport ministry said on "
	"Monday, after a week in which three shipping lines warned they could divert cargo elsewhere.</p>\n"
	"<p>\"We will keep the port open to every ship that needs it,\" said Anna Berg, the transport "
	"minister, at a briefing in the capital. \"Nobody should doubt our commitment to the harbour.\"</p>\n"
	"<p>Dock workers have been asking for more staff on night shifts since the autumn, and their union "
	"has said it will watch the promises closely over the coming months, with a review planned.</p>\n"
	"<p>The ministry expects the new cranes to arrive in March, which would let the port handle larger "
	"vessels and cut waiting times for the ferries that link the islands to the mainland coast.</p>\n";

static void control_article(int fd)
{
	char *s;
	if (asprintf(&s,
		     "<!DOCTYPE html><html><head><title>Minister: port stays open</title></head><body>"
		     "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
		     "<h1>Minister: port stays open</h1><p class=\"byline\">By Test Reporter</p>\n%s"
		     "</article><footer>Copyright</footer></body></html>\n",
		     article_paragraphs) < 0)
		return;
	whole_str(fd, "text/html; charset=utf-8", s);
	free(s);
}

/* 10,000 nested <div>s around the article text. */
static void deep_article(int fd)
{
	if (headers(fd, 200, "OK", "text/html; charset=utf-8", NULL) < 0)
		return;
	putf(fd, "<!DOCTYPE html><html><head><title>Deep</title></head><body>");
	for (int i = 0; i < 10000; i++)
		if (put(fd, "<div>", 5) < 0)
			return;
	put(fd, article_paragraphs, strlen(article_paragraphs));
	for (int i = 0; i < 10000; i++)
		if (put(fd, "</div>", 6) < 0)
			return;
	put(fd, "</body></html>\n", 15);
}

static void slow(int fd)
{
	time_t start = time(NULL);
	if (putf(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: %s\r\nContent-Length: 100000\r\n\r\n",
		 rss) < 0)
		return;
	const char *doc = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>slow</title>";
	for (size_t i = 0; !expired(start); i++) {
		if (put(fd, &doc[i % strlen(doc)], 1) < 0)
			return;
		sleep(1);
	}
}

static void endless(int fd)
{
	time_t start = time(NULL);
	if (headers(fd, 200, "OK", rss, NULL) < 0 ||
	    put(fd, OPENING "endless</title>", strlen(OPENING "endless</title>")) < 0)
		return;
	static char block[65536];
	const char *item = "<item><title>again</title></item>";
	for (size_t i = 0; i + 33 <= sizeof block; i += 33)
		memcpy(block + i, item, 33);
	for (unsigned long long sent = 0; sent < 8 * GiB && !expired(start); sent += sizeof block - 19)
		if (put(fd, block, sizeof block - 19) < 0) /* whole items only */
			return;
}

static void huge_length(int fd)
{
	if (putf(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: %s\r\n"
		     "Content-Length: 100000000000000\r\n\r\n<?xml version=\"1.0\"?><rss version=\"2.0\">",
		 rss) < 0)
		return;
	/* Then nothing: hold the connection until the client gives up. */
	char c;
	struct timeval tv = {60, 0};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	while (recv(fd, &c, 1, 0) > 0)
		;
}

static void chunked(int fd)
{
	time_t start = time(NULL);
	if (headers(fd, 200, "OK", rss, "Transfer-Encoding: chunked\r\n") < 0)
		return;
	static char block[65536];
	memset(block, ' ', sizeof block);
	memcpy(block, OPENING, strlen(OPENING));
	for (unsigned long long sent = 0; sent < GiB && !expired(start); sent += sizeof block) {
		if (putf(fd, "%zx\r\n", sizeof block) < 0 || put(fd, block, sizeof block) < 0 || put(fd, "\r\n", 2) < 0)
			return;
		memset(block, ' ', strlen(OPENING));
	}
	put(fd, "0\r\n\r\n", 5);
}

/* Deflate 10 GiB of a feed's opening followed by spaces, as it is sent. */
static void gzip_bomb(int fd)
{
	time_t start = time(NULL);
	if (headers(fd, 200, "OK", rss, "Content-Encoding: gzip\r\n") < 0)
		return;
	z_stream z = {0};
	if (deflateInit2(&z, 9, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		return;
	static unsigned char in[1 << 20], out[1 << 16];
	memset(in, ' ', sizeof in);
	memcpy(in, OPENING, strlen(OPENING));
	unsigned long long total = 10 * GiB, fed = 0, compressed = 0;
	int flush = Z_NO_FLUSH;
	while (!expired(start)) {
		if (z.avail_in == 0 && flush == Z_NO_FLUSH) {
			z.next_in = in;
			z.avail_in = sizeof in;
			fed += sizeof in;
			if (fed >= total)
				flush = Z_FINISH;
		}
		z.next_out = out;
		z.avail_out = sizeof out;
		int rc = deflate(&z, flush);
		size_t have = sizeof out - z.avail_out;
		compressed += have;
		if (have && put(fd, out, have) < 0)
			break;
		if (rc == Z_STREAM_END)
			break;
		memset(in, ' ', strlen(OPENING));
	}
	deflateEnd(&z);
}

static void billion_laughs(int fd)
{
	const char *doc =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
		"<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		"<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		"<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		"<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
		"<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
		"<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
		"<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
		"<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
		"<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
		"]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>"
		"<item><title>&lol9;</title><guid>laughs-1</guid><description>&lol9;&lol9;</description></item>"
		"</channel></rss>\n";
	whole_str(fd, rss, doc);
}

static void xxe(int fd)
{
	char *s;
	if (asprintf(&s,
		     "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"%s/evil.dtd\" [\n"
		     "<!ENTITY xxe SYSTEM \"file://%s\">\n<!ENTITY net SYSTEM \"%s/evil.dtd?entity\">\n"
		     "<!ENTITY %% remote SYSTEM \"%s/evil.dtd?param\">\n%%remote;\n]>\n"
		     "<rss version=\"2.0\"><channel><title>XXE &xxe;</title>"
		     "<item><title>Item &xxe; &net;</title><guid>xxe-1</guid>"
		     "<description>&lt;p&gt;&quot;Leak &xxe; now,&quot; said Eve Mallory, the attacker.&lt;/p&gt;"
		     "</description></item></channel></rss>\n",
		     base, secret_path, base, base) < 0)
		return;
	whole_str(fd, rss, s);
	free(s);
}

static void text_node(int fd)
{
	const size_t n = 10u << 20;
	const char *head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>big</title>"
			   "<item><title>big</title><guid>big-1</guid><description>";
	const char *tail = "</description></item></channel></rss>\n";
	char cl[64];
	snprintf(cl, sizeof cl, "Content-Length: %zu\r\n", strlen(head) + n + strlen(tail));
	if (headers(fd, 200, "OK", rss, cl) < 0 || put(fd, head, strlen(head)) < 0)
		return;
	static char block[65536];
	for (size_t i = 0; i < sizeof block; i += 8)
		memcpy(block + i, "lorem ip", 8);
	for (size_t sent = 0; sent < n; sent += sizeof block)
		if (put(fd, block, sizeof block) < 0)
			return;
	put(fd, tail, strlen(tail));
}

static void nesting(int fd)
{
	if (headers(fd, 200, "OK", rss, NULL) < 0)
		return;
	const char *head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>deep</title>"
			   "<item><title>deep</title><guid>deep-1</guid><description>";
	put(fd, head, strlen(head));
	for (int i = 0; i < 10000; i++)
		if (put(fd, "<b>", 3) < 0)
			return;
	put(fd, "bottom", 6);
	for (int i = 0; i < 10000; i++)
		if (put(fd, "</b>", 4) < 0)
			return;
	putf(fd, "</description></item></channel></rss>\n");
}

static void invalid_utf8(int fd)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
		"<title>Bad \xff\xfe bytes \xc3\x28 and \xed\xa0\x80 surrogates</title>"
		"<item><title>NUL\0in\0title \xc0\xaf</title><link>{{BASE}}/articles/invalid-utf8.html</link>"
		"<guid>utf8-1</guid><description>\"Broken \xe2\x80 text\0 here,\" said Al\xffice.</description>"
		"</item></channel></rss>\n";
	char *body = malloc(sizeof doc + 64);
	size_t n = 0;
	for (size_t i = 0; i < sizeof doc - 1; i++) {
		if (!memcmp(doc + i, "{{BASE}}", 8)) {
			memcpy(body + n, base, strlen(base));
			n += strlen(base);
			i += 7;
		} else {
			body[n++] = doc[i];
		}
	}
	whole(fd, 200, rss, body, n);
	free(body);
}

static void invalid_utf8_article(int fd)
{
	static const char doc[] =
		"<!DOCTYPE html><html><head><title>Bad\xff\0bytes</title></head><body><article>"
		"<p>\"We \xe2\x80\x9cwill\xe2\x80 not \0 give in \xc3\x28 to broken bytes,\" said Maria \xff"
		"Lopez, the finance minister, on Tuesday in a long statement to reporters.</p>"
		"<p>Second \xf8\x88\x80\x80\x80 paragraph with an overlong \xc0\xaf slash and a lone \x80 byte, "
		"long enough to count as article text for the extractor's scoring rules.</p>"
		"</article></body></html>\n";
	whole(fd, 200, "text/html; charset=utf-8", doc, sizeof doc - 1);
}

static void many_items(int fd)
{
	if (headers(fd, 200, "OK", rss, NULL) < 0 ||
	    putf(fd, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>many</title>\n") < 0)
		return;
	char chunk[70000];
	size_t n = 0;
	for (int i = 0; i < 100000; i++) {
		n += (size_t)snprintf(chunk + n, sizeof chunk - n,
				      "<item><guid>many-%d</guid><title>Item %d</title><description>"
				      "&quot;Number %d is here,&quot; said the spokesman.</description></item>\n",
				      i, i, i);
		if (n > sizeof chunk - 300) {
			if (put(fd, chunk, n) < 0)
				return;
			n = 0;
		}
	}
	put(fd, chunk, n);
	put(fd, "</channel></rss>\n", 17);
}

static void route(int fd, const char *path)
{
	char loc[256];
	int k;
	if (!strcmp(path, "/control.xml"))
		control_feed(fd, "control");
	else if (!strcmp(path, "/articles/control.html"))
		control_article(fd);
	else if (!strcmp(path, "/deep-article.xml"))
		control_feed(fd, "deep");
	else if (!strcmp(path, "/articles/deep.html"))
		deep_article(fd);
	else if (!strcmp(path, "/slow.xml"))
		slow(fd);
	else if (!strcmp(path, "/endless.xml"))
		endless(fd);
	else if (!strcmp(path, "/huge-length.xml"))
		huge_length(fd);
	else if (!strcmp(path, "/chunked.xml"))
		chunked(fd);
	else if (!strcmp(path, "/gzip-bomb.xml"))
		gzip_bomb(fd);
	else if (sscanf(path, "/redirect-loop.xml?n=%d", &k) == 1 || !strcmp(path, "/redirect-loop.xml")) {
		if (strcmp(path, "/redirect-loop.xml") == 0)
			k = 0;
		snprintf(loc, sizeof loc, "/redirect-loop.xml?n=%d", k + 1);
		redirect(fd, loc);
	} else if (!strcmp(path, "/redirect-loopback.xml")) {
		snprintf(loc, sizeof loc, "http://127.0.0.1:%s/control.xml", strrchr(base, ':') + 1);
		redirect(fd, loc);
	} else if (!strcmp(path, "/redirect-metadata.xml"))
		redirect(fd, "http://169.254.169.254/latest/meta-data/");
	else if (!strcmp(path, "/redirect-file.xml"))
		redirect(fd, "file:///etc/passwd");
	else if (!strcmp(path, "/429.xml"))
		putf(fd, "HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nRetry-After: 3600\r\n"
			 "Content-Length: 0\r\n\r\n");
	else if (!strcmp(path, "/503.xml")) {
		char date[64];
		time_t when = time(NULL) + 7200;
		struct tm tm;
		gmtime_r(&when, &tm);
		strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
		putf(fd, "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: %s\r\n"
			 "Content-Length: 0\r\n\r\n", date);
	} else if (!strcmp(path, "/html.xml"))
		whole_str(fd, "text/html; charset=utf-8",
			  "<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>Our news</h1>"
			  "<p>This is a web page, not a feed.</p></body></html>\n");
	else if (!strcmp(path, "/billion-laughs.xml"))
		billion_laughs(fd);
	else if (!strcmp(path, "/xxe.xml"))
		xxe(fd);
	else if (!strncmp(path, "/evil.dtd", 9))
		whole_str(fd, "application/xml-dtd", "<!ENTITY leak \"EVIL-DTD-WAS-LOADED\">\n");
	else if (!strcmp(path, "/text-node.xml"))
		text_node(fd);
	else if (!strcmp(path, "/nesting.xml"))
		nesting(fd);
	else if (!strcmp(path, "/invalid-utf8.xml"))
		invalid_utf8(fd);
	else if (!strcmp(path, "/invalid-utf8-article.xml"))
		control_feed(fd, "invalid-utf8");
	else if (!strcmp(path, "/articles/invalid-utf8.html"))
		invalid_utf8_article(fd);
	else if (!strcmp(path, "/many-items.xml"))
		many_items(fd);
	else
		putf(fd, "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
}

static void *serve(void *arg)
{
	int fd = (int)(intptr_t)arg;
	char req[8192];
	size_t n = 0;
	struct timeval tv = {10, 0};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	while (n < sizeof req - 1) {
		ssize_t r = recv(fd, req + n, sizeof req - 1 - n, 0);
		if (r <= 0)
			break;
		n += (size_t)r;
		req[n] = '\0';
		if (strstr(req, "\r\n\r\n"))
			break;
	}
	req[n] = '\0';
	char method[16], path[4096];
	if (sscanf(req, "%15s %4095s", method, path) == 2) {
		pthread_mutex_lock(&log_lock);
		fprintf(req_log, "%s %s\n", method, path);
		fflush(req_log);
		pthread_mutex_unlock(&log_lock);
		route(fd, path);
	}
	shutdown(fd, SHUT_WR);
	close(fd);
	return NULL;
}

int main(int argc, char **argv)
{
	const char *port_file = NULL, *log_path = "/dev/null";
	static const struct option opts[] = {
		{"port-file", required_argument, NULL, 'p'},
		{"log", required_argument, NULL, 'l'},
		{"secret", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'p': port_file = optarg; break;
		case 'l': log_path = optarg; break;
		case 's': secret_path = optarg; break;
		default:
			fprintf(stderr, "usage: hostile_httpd --port-file FILE [--log FILE] [--secret FILE]\n");
			return 2;
		}
	}
	req_log = fopen(log_path, "a");
	if (!req_log) {
		perror(log_path);
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof sa;
	if (bind(ls, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(ls, 128) < 0 ||
	    getsockname(ls, (struct sockaddr *)&sa, &sl) < 0) {
		perror("hostile_httpd: 127.0.0.1");
		return 1;
	}
	snprintf(base, sizeof base, "http://127.0.0.1:%d", ntohs(sa.sin_port));
	if (port_file) {
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%s.tmp", port_file);
		FILE *pf = fopen(tmp, "w");
		if (!pf || fprintf(pf, "%d\n", ntohs(sa.sin_port)) < 0 || fclose(pf) != 0 || rename(tmp, port_file) < 0) {
			perror(port_file);
			return 1;
		}
	}
	for (;;) {
		int fd = accept(ls, NULL, NULL);
		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED || errno == EMFILE)
				continue;
			perror("accept");
			return 1;
		}
		pthread_t th;
		pthread_attr_t at;
		pthread_attr_init(&at);
		pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&th, &at, serve, (void *)(intptr_t)fd) != 0)
			close(fd);
		pthread_attr_destroy(&at);
	}
}
