/* quotectl who-said [--exact] [FILTERS] [--limit N] [--json|--csv] PHRASE:
 * phrase search over quote text (stemmed tsvector; --exact: substring via
 * pg_trgm), one row per statement at its first appearance, newest first. */
#include <getopt.h>

#include "cli.h"
#include "statements.h"

int cmd_who_said(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		CLI_FILTER_OPTIONS,
		CLI_LIMIT_OPTION,
		{"exact", no_argument, NULL, OPT_EXACT},
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {0};
	int c;
	while ((c = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		int r = cli_opt("who-said", &o, c == 'n' ? OPT_LIMIT : c, optarg);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0)
			return cli_usage_error("who-said", "unknown option");
	}
	if (optind != argc - 1 || !*argv[optind])
		return cli_usage_error("who-said", "expected one PHRASE");
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	struct statement_search s = {
		.match = o.exact ? MATCH_BY_SUBSTRING : MATCH_BY_PHRASE,
		.phrase = argv[optind],
		.speaker = o.speaker,
		.opts = &o,
	};
	long rows = statements_list(db, "who-said", &s);
	if (rows == 0 && !o.json && !o.csv) {
		fputs("nobody said \"", stderr);
		out_clean(stderr, argv[optind]);
		fputs("\" in the quotes stored so far (matching the filters)\n", stderr);
	}
	PQfinish(db);
	return cli_listing_status(rows);
}
