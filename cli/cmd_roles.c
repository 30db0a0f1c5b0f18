/* quotectl roles [--limit N] [--json|--csv]: the canonical roles speakers
 * were quoted in, with counts and when each was first and last seen. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static const char SQL[] =
	"SELECT r.role, sum(r.quotes), count(*), to_char(min(r.first_seen), 'YYYY-MM-DD'),"
	" to_char(max(r.last_seen), 'YYYY-MM-DD')"
	" FROM research.speaker_roles r GROUP BY r.role"
	" ORDER BY sum(r.quotes) DESC, r.role LIMIT $1::int";

static const struct out_col cols[] = {
	{"role", "ROLE", OUT_TEXT, 0},
	{"quotes", "QUOTES", OUT_INT, 0},
	{"speakers", "SPEAKERS", OUT_INT, 0},
	{"first_seen", "FIRST", OUT_TEXT, 0},
	{"last_seen", "LAST", OUT_TEXT, 0},
};

int cmd_roles(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		CLI_LIMIT_OPTION,
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {.limit = 1000};
	int c;
	while ((c = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		int r = cli_opt("roles", &o, c == 'n' ? OPT_LIMIT : c, optarg);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0)
			return cli_usage_error("roles", "unknown option");
	}
	if (optind != argc)
		return cli_usage_error("roles", "unexpected argument '%s'", argv[optind]);
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	char limit[24];
	snprintf(limit, sizeof limit, "%ld", o.limit);
	const char *params[] = {limit};
	struct out out;
	out_init(&out, out_pick_mode(o.json, o.csv), cols, (int)(sizeof cols / sizeof cols[0]));
	long rows = cli_query_out(db, "roles", SQL, 1, params, &out);
	PQfinish(db);
	return cli_listing_status(rows);
}
