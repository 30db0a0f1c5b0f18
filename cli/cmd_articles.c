/* quotectl articles [--feed FEED] [--since D] [--until D] [--limit N]
 * [--json|--csv]: stored articles, newest first. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static const char SQL[] =
	"SELECT to_char(a.published_at, 'YYYY-MM-DD'), a.outlet, a.quotes, a.title, a.article_id, a.url,"
	" a.feed_id, a.byline, a.source"
	" FROM research.articles a"
	" WHERE ($1::text IS NULL OR a.feed_id IN (SELECT o.feed_id FROM research.outlets o"
	"      WHERE o.feed_id::text = $1::text OR o.feed_url = $1::text OR o.outlet = $1::text))"
	" AND ($2::date IS NULL OR a.published_at >= $2::date)"
	" AND ($3::date IS NULL OR a.published_at < $3::date + 1)"
	" ORDER BY a.published_at DESC, a.article_id DESC LIMIT $4::int";

static const struct out_col cols[] = {
	{"published", "DATE", OUT_TEXT, 0},
	{"outlet", "OUTLET", OUT_TEXT, 0},
	{"quotes", "QUOTES", OUT_INT, 0},
	{"title", "TITLE", OUT_TEXT, 0},
	{"id", "ID", OUT_INT, 0},
	{"url", "URL", OUT_TEXT, OUT_NOTABLE},
	{"feed_id", "FEED", OUT_INT, OUT_NOTABLE},
	{"byline", "BYLINE", OUT_TEXT, OUT_NOTABLE},
	{"source", "SOURCE", OUT_TEXT, OUT_NOTABLE},
};

int cmd_articles(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		CLI_LIMIT_OPTION,
		{"feed", required_argument, NULL, OPT_FEED},
		{"since", required_argument, NULL, OPT_SINCE},
		{"until", required_argument, NULL, OPT_UNTIL},
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {.limit = 50};
	int c;
	while ((c = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		int r = cli_opt("articles", &o, c == 'n' ? OPT_LIMIT : c, optarg);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0)
			return cli_usage_error("articles", "unknown option");
	}
	if (optind != argc)
		return cli_usage_error("articles", "unexpected argument '%s'", argv[optind]);
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	char limit[24];
	snprintf(limit, sizeof limit, "%ld", o.limit);
	const char *params[] = {cli_param(o.feed), cli_param(o.since), cli_param(o.until), limit};
	struct out out;
	out_init(&out, out_pick_mode(o.json, o.csv), cols, (int)(sizeof cols / sizeof cols[0]));
	long rows = cli_query_out(db, "articles", SQL, 4, params, &out);
	PQfinish(db);
	return cli_listing_status(rows);
}
