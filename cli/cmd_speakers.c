/* quotectl speakers [--role R] [--country C] [--limit N] [--json|--csv]:
 * canonical speakers, most quoted first, with first and last seen and the
 * roles they held over time (roles belong to quotes: people change jobs). */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static const char SQL[] =
	"SELECT s.name, s.quotes, to_char(s.first_seen, 'YYYY-MM-DD'), to_char(s.last_seen, 'YYYY-MM-DD'),"
	" (SELECT string_agg(r.role || ' ' || to_char(r.first_seen, 'YYYY-MM-DD')"
	"   || CASE WHEN r.last_seen::date <> r.first_seen::date"
	"      THEN '..' || to_char(r.last_seen, 'YYYY-MM-DD') ELSE '' END,"
	"   '; ' ORDER BY r.first_seen, r.role)"
	"   FROM research.speaker_roles r WHERE r.speaker_id = s.speaker_id),"
	" array_to_string(s.countries, '; '), s.speaker_id, s.kind, s.statements,"
	" array_to_string(s.aliases, '; '), array_to_string(s.organizations, '; ')"
	" FROM research.speakers s"
	" WHERE s.quotes > 0"
	" AND ($1::text IS NULL OR EXISTS (SELECT 1 FROM research.speaker_roles r"
	"      WHERE r.speaker_id = s.speaker_id AND lower(r.role) = lower($1::text)))"
	" AND ($2::text IS NULL OR lower($2::text) IN (SELECT lower(c) FROM unnest(s.countries) c))"
	" ORDER BY s.quotes DESC, s.name LIMIT $3::int";

static const struct out_col cols[] = {
	{"name", "SPEAKER", OUT_TEXT, 0},
	{"quotes", "QUOTES", OUT_INT, 0},
	{"first_seen", "FIRST", OUT_TEXT, 0},
	{"last_seen", "LAST", OUT_TEXT, 0},
	{"roles", "ROLES (FIRST..LAST SEEN)", OUT_TEXT, 0},
	{"countries", "COUNTRY", OUT_TEXT, 0},
	{"speaker_id", "ID", OUT_INT, 0},
	{"kind", "KIND", OUT_TEXT, OUT_NOTABLE},
	{"statements", "STATEMENTS", OUT_INT, OUT_NOTABLE},
	{"aliases", "ALIASES", OUT_TEXT, OUT_NOTABLE},
	{"organizations", "ORGANIZATIONS", OUT_TEXT, OUT_NOTABLE},
};

int cmd_speakers(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_OUTPUT_OPTIONS,
		CLI_LIMIT_OPTION,
		{"role", required_argument, NULL, OPT_ROLE},
		{"country", required_argument, NULL, OPT_COUNTRY},
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {.limit = 50};
	int c;
	while ((c = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		int r = cli_opt("speakers", &o, c == 'n' ? OPT_LIMIT : c, optarg);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0)
			return cli_usage_error("speakers", "unknown option");
	}
	if (optind != argc)
		return cli_usage_error("speakers", "unexpected argument '%s'", argv[optind]);
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	char limit[24];
	snprintf(limit, sizeof limit, "%ld", o.limit);
	const char *params[] = {cli_param(o.role), cli_param(o.country), limit};
	struct out out;
	out_init(&out, out_pick_mode(o.json, o.csv), cols, (int)(sizeof cols / sizeof cols[0]));
	long rows = cli_query_out(db, "speakers", SQL, 3, params, &out);
	PQfinish(db);
	return cli_listing_status(rows);
}
