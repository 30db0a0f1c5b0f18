/* quotectl export --format csv|jsonl [--phrase P] [FILTERS]: every
 * matching row of research.quotes, oldest first, streamed through a cursor
 * so memory stays constant however many millions of quotes there are. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "statements.h"

static const char SQL[] =
	"SELECT v.quote_id, v.statement_id, to_char(v.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
	" v.speaker_id, v.speaker, v.speaker_kind, v.speaker_as_stated, v.role, v.role_stated,"
	" v.organization, v.country, v.quote, v.cue, v.partial, v.rule, v.confidence,"
	" v.article_id, v.article_title, v.article_url, v.feed_id, v.outlet, v.extractor_version"
	" FROM research.quotes v"
	" WHERE ($1::text IS NULL OR v.quote_tsv @@ phraseto_tsquery('english', $1::text))"
	QUOTE_FILTERS_SQL
	" ORDER BY v.quote_id";

static const struct out_col cols[] = {
	{"quote_id", "ID", OUT_INT, 0},
	{"statement_id", "STATEMENT", OUT_INT, 0},
	{"published_at", "PUBLISHED", OUT_TEXT, 0},
	{"speaker_id", "SPEAKER ID", OUT_INT, 0},
	{"speaker", "SPEAKER", OUT_TEXT, 0},
	{"speaker_kind", "KIND", OUT_TEXT, 0},
	{"speaker_as_stated", "AS STATED", OUT_TEXT, 0},
	{"role", "ROLE", OUT_TEXT, 0},
	{"role_stated", "ROLE STATED", OUT_TEXT, 0},
	{"organization", "ORGANIZATION", OUT_TEXT, 0},
	{"country", "COUNTRY", OUT_TEXT, 0},
	{"quote", "QUOTE", OUT_TEXT, 0},
	{"cue", "CUE", OUT_TEXT, 0},
	{"partial", "PARTIAL", OUT_BOOL, 0},
	{"rule", "RULE", OUT_TEXT, 0},
	{"confidence", "CONFIDENCE", OUT_REAL, 0},
	{"article_id", "ARTICLE", OUT_INT, 0},
	{"article_title", "TITLE", OUT_TEXT, 0},
	{"article_url", "URL", OUT_TEXT, 0},
	{"feed_id", "FEED", OUT_INT, 0},
	{"outlet", "OUTLET", OUT_TEXT, 0},
	{"extractor_version", "EXTRACTOR", OUT_TEXT, 0},
};

int cmd_export(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_FILTER_OPTIONS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"phrase", required_argument, NULL, OPT_PHRASE},
		{NULL, 0, NULL, 0},
	};
	struct cli_opts o = {0};
	const char *format = NULL, *phrase = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (c == OPT_FORMAT)
			format = optarg;
		else if (c == OPT_PHRASE)
			phrase = optarg;
		else {
			int r = cli_opt("export", &o, c, optarg);
			if (r < 0)
				return EXIT_USAGE;
			if (r == 0)
				return cli_usage_error("export", "unknown option");
		}
	}
	if (!format || (strcmp(format, "csv") && strcmp(format, "jsonl")))
		return cli_usage_error("export", "--format must be csv or jsonl");
	if (optind != argc)
		return cli_usage_error("export", "unexpected argument '%s'", argv[optind]);
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	const char *params[] = {cli_param(phrase), cli_param(o.speaker), cli_param(o.role),
				cli_param(o.country), cli_param(o.since), cli_param(o.until),
				cli_param(o.feed)};
	struct out out;
	out_init(&out, strcmp(format, "csv") == 0 ? OUT_CSV : OUT_JSON, cols, (int)(sizeof cols / sizeof cols[0]));
	long rows = cli_query_out(db, "export", SQL, 7, params, &out);
	PQfinish(db);
	return cli_listing_status(rows);
}
