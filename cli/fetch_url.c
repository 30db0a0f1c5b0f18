/* One URL fetched the way the daemon fetches: quoted's fetcher on a
 * short-lived libevent loop, with the configuration's limits and its
 * address guard. */
#include <event2/event.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoted/fetch.h"
#include "quoted/util.h"

struct fetch_one {
	struct event_base *base;
	char *body, *effective_url, *error;
	size_t len;
};

static void fetch_one_done(const struct fetch_result *r, void *arg)
{
	struct fetch_one *f = arg;
	if (r->error)
		f->error = xstrdup(r->error);
	else if (r->status != 200)
		f->error = xasprintf("HTTP status %ld", r->status);
	else {
		f->body = xstrndup(r->body, r->len);
		f->len = r->len;
		f->effective_url = xstrdup(r->effective_url);
	}
	event_base_loopexit(f->base, NULL);
}

char *cli_fetch_url(const struct cli_global *g, const char *cmd, const char *url, size_t *len,
		    char **effective_url)
{
	struct config cfg;
	if (cli_load_config(g, &cfg, NULL) < 0) {
		config_free(&cfg);
		return NULL;
	}
	struct fetch_options fo;
	char *ua;
	fetch_options_from_config(&cfg, &fo, &ua);
	struct fetch_one f = {.base = event_base_new()};
	struct fetcher *fetcher = fetcher_new(f.base, &fo);
	free(ua);
	config_free(&cfg);
	struct fetch_request req = {.url = url, .done = fetch_one_done, .arg = &f};
	fetcher_submit(fetcher, &req);
	event_base_dispatch(f.base);
	fetcher_free(fetcher);
	event_base_free(f.base);
	if (f.error) {
		fprintf(stderr, "quotectl %s: ", cmd);
		out_clean(stderr, url);
		fputs(": ", stderr);
		out_clean(stderr, f.error);
		fputc('\n', stderr);
		free(f.error);
		return NULL;
	}
	*len = f.len;
	*effective_url = f.effective_url;
	return f.body;
}
