/* quotectl feed check [--local] [--limit N] [--json|--csv] URL: fetch a
 * feed and its newest items' pages with quoted's own fetcher (libcurl on a
 * libevent loop, the same address guard and limits from the config), parse
 * and extract exactly as the daemon does, and show the quotes that would
 * be stored. Nothing is written; no database is needed. */
#include <event2/event.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoted/config.h"
#include "quoted/feed.h"
#include "quoted/fetch.h"
#include "quoted/htmltext.h"
#include "quoted/quote.h"
#include "quoted/util.h"

struct check;

struct check_item {
	struct check *ck;
	const struct feed_item *it;
	char *title;   /* as the page gives it, else the feed */
	char *error;   /* why there are no quotes, or NULL */
	struct quote_list quotes;
};

struct check {
	struct event_base *base;
	struct fetcher *fetcher;
	bool local;
	long limit;
	int pending;
	char *error; /* the feed itself failed */
	struct feed feed;
	struct check_item *items;
	size_t n_items;
};

static void check_done_one(struct check *ck)
{
	if (--ck->pending == 0)
		event_base_loopexit(ck->base, NULL);
}

/* The daemon's reading of an article: the page's main text, else the
 * feed's own content; then the extractor. */
static void item_extract(struct check_item *ci, const struct fetch_result *r)
{
	struct article_text at;
	const char *content = ci->it->content ? ci->it->content : ci->it->summary;
	if (!article_read(r ? r->body : NULL, r ? r->len : 0, r ? r->effective_url : NULL, content, &at)) {
		ci->error = xstrdup(r && r->error ? r->error : "no text found");
		article_text_free(&at);
		return;
	}
	ci->title = xstrdup(at.title ? at.title : ci->it->title ? ci->it->title : "");
	char *body = article_text_join(&at);
	quotes_extract(body, strlen(body), &ci->quotes);
	free(body);
	article_text_free(&at);
}

static void item_fetched(const struct fetch_result *r, void *arg)
{
	struct check_item *ci = arg;
	bool ok = !r->error && (r->status == 200 || (r->status == 0 && ci->ck->local));
	if (!ok && !r->error)
		ci->error = xasprintf("HTTP status %ld", r->status);
	item_extract(ci, ok ? r : NULL);
	check_done_one(ci->ck);
}

static void feed_fetched(const struct fetch_result *r, void *arg)
{
	struct check *ck = arg;
	char perr[256];
	if (r->error) {
		ck->error = xstrdup(r->error);
	} else if (r->status != 200 && !(r->status == 0 && ck->local)) {
		ck->error = xasprintf("HTTP status %ld", r->status);
	} else if (feed_parse(r->body, r->len, r->effective_url, r->content_type, &ck->feed, perr, sizeof perr) < 0) {
		ck->error = xasprintf("not a feed: %s", perr);
	} else {
		ck->n_items = ck->feed.n_items < (size_t)ck->limit ? ck->feed.n_items : (size_t)ck->limit;
		ck->items = xcalloc(ck->n_items ? ck->n_items : 1, sizeof *ck->items);
		for (size_t i = 0; i < ck->n_items; i++) {
			struct check_item *ci = &ck->items[i];
			ci->ck = ck;
			ci->it = &ck->feed.items[i];
			ck->pending++;
			if (ci->it->link) {
				struct fetch_request req = {
					.url = ci->it->link, .allow_file = ck->local, .done = item_fetched, .arg = ci};
				fetcher_submit(ck->fetcher, &req);
			} else {
				item_extract(ci, NULL);
				check_done_one(ck);
			}
		}
	}
	check_done_one(ck);
}

static const struct out_col cols[] = {
	{"item", "ITEM", OUT_INT, 0},
	{"speaker", "SPEAKER", OUT_TEXT, 0},
	{"role", "ROLE", OUT_TEXT, 0},
	{"quote", "QUOTE", OUT_TEXT, OUT_WIDE},
	{"article_title", "TITLE", OUT_TEXT, 0},
	{"article_url", "URL", OUT_TEXT, OUT_NOTABLE},
	{"organization", "ORGANIZATION", OUT_TEXT, OUT_NOTABLE},
	{"country", "COUNTRY", OUT_TEXT, OUT_NOTABLE},
	{"rule", "RULE", OUT_TEXT, OUT_NOTABLE},
	{"confidence", "CONFIDENCE", OUT_REAL, OUT_NOTABLE},
};

static long check_print(struct check *ck, const struct cli_opts *o)
{
	struct out out;
	out_init(&out, out_pick_mode(o->json, o->csv), cols, (int)(sizeof cols / sizeof cols[0]));
	size_t quotes = 0;
	for (size_t i = 0; i < ck->n_items; i++) {
		struct check_item *ci = &ck->items[i];
		char item[24];
		snprintf(item, sizeof item, "%zu", i + 1);
		if (ci->error) {
			fprintf(stderr, "item %zu ", i + 1);
			out_clean(stderr, ci->it->link ? ci->it->link : ci->it->title);
			fputs(": ", stderr);
			out_clean(stderr, ci->error);
			fputc('\n', stderr);
		}
		for (size_t k = 0; k < ci->quotes.n; k++) {
			const struct quote *q = &ci->quotes.v[k];
			char conf[32];
			snprintf(conf, sizeof conf, "%.2f", q->confidence);
			const char *vals[] = {item, q->speaker, q->role, q->text, ci->title, ci->it->link,
					      q->organization, q->country, q->rule, conf};
			out_row(&out, vals);
			quotes++;
		}
	}
	out_finish(&out);
	fprintf(stderr, "feed \"");
	out_clean(stderr, ck->feed.title ? ck->feed.title : "");
	fprintf(stderr, "\": %zu items, %zu checked, %zu quotes would be stored (nothing was stored)\n",
		ck->feed.n_items, ck->n_items, quotes);
	return (long)quotes;
}

static void check_free(struct check *ck)
{
	for (size_t i = 0; i < ck->n_items; i++) {
		free(ck->items[i].title);
		free(ck->items[i].error);
		quote_list_free(&ck->items[i].quotes);
	}
	free(ck->items);
	feed_free(&ck->feed);
	free(ck->error);
}

int cmd_feed_check(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		CLI_LIMIT_OPTION,
		{"local", no_argument, NULL, OPT_LOCAL},
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {.limit = 20};
	struct check ck = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (c == OPT_LOCAL) {
			ck.local = true;
			continue;
		}
		int r = cli_opt("feed", &o, c, optarg);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0)
			return cli_usage_error("feed", "check: unknown option");
	}
	if (optind != argc - 1)
		return cli_usage_error("feed", "check needs one URL");
	const char *url = argv[optind];
	bool is_file = strncmp(url, "file://", 7) == 0;
	if (!is_file && strncmp(url, "http://", 7) && strncmp(url, "https://", 8))
		return cli_usage_error("feed", "'%s' is not an http, https or file URL", url);
	if (is_file && !ck.local)
		return cli_usage_error("feed", "file:// feeds must be marked --local");

	struct config cfg;
	if (cli_load_config(g, &cfg, NULL) < 0) {
		config_free(&cfg);
		return EXIT_USAGE;
	}
	struct fetch_options fo;
	char *ua;
	fetch_options_from_config(&cfg, &fo, &ua);
	ck.limit = o.limit;
	ck.base = event_base_new();
	ck.fetcher = fetcher_new(ck.base, &fo);
	free(ua);
	config_free(&cfg);
	ck.pending = 1;
	struct fetch_request req = {.url = url, .allow_file = ck.local, .done = feed_fetched, .arg = &ck};
	fetcher_submit(ck.fetcher, &req);
	event_base_dispatch(ck.base);

	int rc;
	if (ck.error) {
		fprintf(stderr, "quotectl feed check: ");
		out_clean(stderr, url);
		fputs(": ", stderr);
		out_clean(stderr, ck.error);
		fputc('\n', stderr);
		rc = EXIT_NOTHING;
	} else {
		rc = check_print(&ck, &o) > 0 ? EXIT_FOUND : EXIT_NOTHING;
	}
	fetcher_free(ck.fetcher);
	event_base_free(ck.base);
	check_free(&ck);
	return rc;
}
