/* quotectl who-said [--json] [--limit N] PHRASE: phrase search over quote
 * text (stemmed tsvector), newest first, with speaker, role and article. */
#include <getopt.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoted/db.h"
#include "quoted/util.h"

enum { W_ID, W_TEXT, W_SPEAKER, W_KIND, W_ROLE, W_ORG, W_COUNTRY, W_TITLE, W_URL, W_DATE, W_RULE };

static void who_said_json(PGresult *res, int i)
{
	static const char *keys[] = {"id", "quote", "speaker", "speaker_kind", "role", "organization",
				     "country", "article_title", "article_url", "published", "rule"};
	json_object *o = json_object_new_object();
	for (int k = 0; k < (int)(sizeof keys / sizeof keys[0]); k++) {
		if (k == W_ID) {
			json_object_object_add(o, keys[k], json_object_new_int64(strtoll(PQgetvalue(res, i, k), NULL, 10)));
			continue;
		}
		json_object_object_add(o, keys[k], PQgetisnull(res, i, k) ? NULL : json_object_new_string(PQgetvalue(res, i, k)));
	}
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

static void who_said_text(PGresult *res, int i)
{
	out_clean(stdout, PQgetisnull(res, i, W_SPEAKER) ? "(unattributed)" : PQgetvalue(res, i, W_SPEAKER));
	if (!PQgetisnull(res, i, W_ROLE)) {
		printf(", ");
		out_clean(stdout, PQgetvalue(res, i, W_ROLE));
	}
	if (!PQgetisnull(res, i, W_ORG) || !PQgetisnull(res, i, W_COUNTRY)) {
		printf(" (");
		out_clean(stdout, PQgetisnull(res, i, W_ORG) ? "" : PQgetvalue(res, i, W_ORG));
		if (!PQgetisnull(res, i, W_ORG) && !PQgetisnull(res, i, W_COUNTRY))
			printf(", ");
		out_clean(stdout, PQgetisnull(res, i, W_COUNTRY) ? "" : PQgetvalue(res, i, W_COUNTRY));
		printf(")");
	}
	printf("\n  \"");
	out_clean(stdout, PQgetvalue(res, i, W_TEXT));
	printf("\"\n  ");
	out_clean(stdout, PQgetvalue(res, i, W_DATE));
	printf("  ");
	out_clean(stdout, PQgetisnull(res, i, W_TITLE) ? "(untitled)" : PQgetvalue(res, i, W_TITLE));
	printf("\n  ");
	out_clean(stdout, PQgetvalue(res, i, W_URL));
	printf("\n\n");
}

int cmd_who_said(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"limit", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	long limit = 50;
	int c;
	char *end;
	while ((c = getopt_long(argc, argv, "+hn:", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': json = true; break;
		case 'n':
			limit = strtol(optarg, &end, 10);
			if (*end || limit < 1 || limit > 1000000)
				return cli_usage_error("who-said", "--limit must be a number from 1 to 1000000");
			break;
		case 'h': printf("usage: quotectl who-said [--json] [--limit N] PHRASE\n"); return 0;
		default: return cli_usage_error("who-said", "unknown option");
		}
	}
	if (optind != argc - 1 || !*argv[optind])
		return cli_usage_error("who-said", "expected one PHRASE");
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	char lim[24], err[1024];
	snprintf(lim, sizeof lim, "%ld", limit);
	const char *params[] = {argv[optind], lim};
	PGresult *res = db_exec(db,
				"SELECT q.id, q.text, coalesce(s.name, q.speaker_name), s.kind, q.role,"
				" q.organization, q.country, a.title, a.url,"
				" to_char(coalesce(a.published_at, a.fetched_at), 'YYYY-MM-DD'), q.rule"
				" FROM quotes q JOIN articles a ON a.id = q.article_id"
				" LEFT JOIN speakers s ON s.id = q.speaker_id"
				" WHERE q.tsv @@ phraseto_tsquery('english', $1)"
				" ORDER BY coalesce(a.published_at, a.fetched_at) DESC, q.id"
				" LIMIT $2::int",
				2, params, err, sizeof err);
	if (!res) {
		fprintf(stderr, "quotectl who-said: %s\n", err);
		PQfinish(db);
		return EXIT_DB;
	}
	int n = PQntuples(res);
	for (int i = 0; i < n; i++) {
		if (json)
			who_said_json(res, i);
		else
			who_said_text(res, i);
	}
	if (!n && !json)
		fprintf(stderr, "nobody said \"%s\" in the quotes stored so far\n", argv[optind]);
	PQclear(res);
	PQfinish(db);
	return n ? EXIT_FOUND : EXIT_NOTHING;
}
