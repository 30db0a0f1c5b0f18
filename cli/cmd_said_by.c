/* quotectl said-by [FILTERS] [--phrase P] [--limit N] [--json|--csv] NAME:
 * a speaker's statements, newest first. NAME matches loosely through the
 * aliases ("Qin Gang", "Mr Qin", "Qin"); see research.speakers_named(). */
#include <getopt.h>

#include "cli.h"
#include "statements.h"

int cmd_said_by(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		CLI_FILTER_OPTIONS,
		CLI_LIMIT_OPTION,
		{"phrase", required_argument, NULL, OPT_PHRASE},
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {0};
	const char *phrase = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		if (c == OPT_PHRASE) {
			phrase = optarg;
			continue;
		}
		int r = cli_opt("said-by", &o, c == 'n' ? OPT_LIMIT : c, optarg);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0 || c == OPT_SPEAKER)
			return cli_usage_error("said-by", "unknown option");
	}
	if (optind != argc - 1 || !*argv[optind])
		return cli_usage_error("said-by", "expected one NAME");
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	struct statement_search s = {
		.match = MATCH_BY_OPTIONAL_PHRASE,
		.phrase = cli_param(phrase),
		.speaker = argv[optind],
		.opts = &o,
	};
	long rows = statements_list(db, "said-by", &s);
	if (rows == 0 && !o.json && !o.csv) {
		fputs("no quotes by \"", stderr);
		out_clean(stderr, argv[optind]);
		fputs("\" (matching the filters)\n", stderr);
	}
	PQfinish(db);
	return cli_listing_status(rows);
}
