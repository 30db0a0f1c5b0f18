/* quotectl stats [--json|--csv]: what the database holds, one metric per row. */
#include <getopt.h>

#include "cli.h"

static const char SQL[] =
	"SELECT 'feeds', count(*) FROM research.outlets"
	" UNION ALL SELECT 'feeds_active', count(*) FROM research.outlets WHERE state = 'active'"
	" UNION ALL SELECT 'feeds_paused', count(*) FROM research.outlets WHERE state = 'paused'"
	" UNION ALL SELECT 'feeds_disabled', count(*) FROM research.outlets WHERE state = 'disabled'"
	" UNION ALL SELECT 'articles', count(*) FROM research.articles"
	" UNION ALL SELECT 'quotes', count(*) FROM research.quotes"
	" UNION ALL SELECT 'quotes_attributed', count(*) FROM research.quotes WHERE speaker_id IS NOT NULL"
	" UNION ALL SELECT 'speakers', count(DISTINCT speaker_id) FROM research.quotes"
	" UNION ALL SELECT 'speaker_merges', count(*) FROM research.speaker_merges"
	" UNION ALL SELECT 'statements', count(DISTINCT statement_id) FROM research.quotes"
	" UNION ALL SELECT 'statements_in_several_articles', count(*) FROM (SELECT statement_id"
	"  FROM research.quotes GROUP BY statement_id HAVING count(DISTINCT article_id) > 1) x"
	" UNION ALL SELECT 'articles_last_7_days', count(*) FROM research.articles"
	"  WHERE published_at > now() - interval '7 days'";

static const struct out_col cols[] = {
	{"metric", "METRIC", OUT_TEXT, 0},
	{"value", "VALUE", OUT_INT, 0},
};

int cmd_stats(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {0};
	int c;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1)
		if (cli_opt("stats", &o, c, optarg) != 1)
			return cli_usage_error("stats", "unknown option");
	if (optind != argc)
		return cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	struct out out;
	out_init(&out, out_pick_mode(o.json, o.csv), cols, 2);
	long rows = cli_query_out(db, "stats", SQL, 0, NULL, &out);
	PQfinish(db);
	return rows < 0 ? EXIT_DB : EXIT_FOUND;
}
