/* quotectl quote show [--json] ID: one quote in its paragraph (cut from
 * the article text by the stored byte offsets), its article, and every
 * outlet that carried the same statement, earliest first. */
#include <getopt.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoted/db.h"
#include "quoted/util.h"

enum { Q_ID, Q_STATEMENT, Q_TEXT, Q_SPEAKER, Q_AS_STATED, Q_ROLE, Q_ROLE_STATED, Q_ORG, Q_COUNTRY,
       Q_CUE, Q_RULE, Q_CONFIDENCE, Q_TITLE, Q_URL, Q_OUTLET, Q_PUBLISHED, Q_START, Q_END, Q_BODY, Q_NCOLS };

static const char SQL_QUOTE[] =
	"SELECT v.quote_id, v.statement_id, v.quote, v.speaker, v.speaker_as_stated, v.role, v.role_stated,"
	" v.organization, v.country, v.cue, v.rule, v.confidence, v.article_title, v.article_url, v.outlet,"
	" to_char(v.published_at, 'YYYY-MM-DD HH24:MI'), v.start_offset, v.end_offset, t.body"
	" FROM research.quotes v JOIN research.article_texts t ON t.article_id = v.article_id"
	" WHERE v.quote_id = $1::bigint";

static const char SQL_CARRIED[] =
	"SELECT to_char(v.published_at, 'YYYY-MM-DD HH24:MI'), v.outlet, v.speaker, v.role,"
	" v.article_title, v.quote_id, v.article_url"
	" FROM research.quotes v WHERE v.statement_id = $1::bigint"
	" ORDER BY v.published_at, v.quote_id";

static const struct out_col carried_cols[] = {
	{"published", "DATE", OUT_TEXT, 0},
	{"outlet", "OUTLET", OUT_TEXT, 0},
	{"speaker", "SPEAKER", OUT_TEXT, 0},
	{"role", "ROLE", OUT_TEXT, 0},
	{"article_title", "TITLE", OUT_TEXT, 0},
	{"quote_id", "QUOTE", OUT_INT, 0},
	{"article_url", "URL", OUT_TEXT, 0},
};

/* The paragraph of body around [start, end), with the quote marked.
 * Paragraphs are separated by blank lines ("\n\n"). */
static char *paragraph_marked(const char *body, long start, long end)
{
	long len = (long)strlen(body);
	if (start < 0 || end < start || end > len)
		return NULL;
	long ps = start, pe = end;
	while (ps > 0 && !(ps >= 2 && body[ps - 1] == '\n' && body[ps - 2] == '\n'))
		ps--;
	while (pe < len && !(body[pe] == '\n' && pe + 1 < len && body[pe + 1] == '\n'))
		pe++;
	struct buf b = {0};
	char *part = xstrndup(body + ps, (size_t)(start - ps));
	char *clean = out_cleaned(part, false);
	buf_puts(&b, clean);
	free(clean);
	free(part);
	buf_puts(&b, OUT_MARK_ON);
	part = xstrndup(body + start, (size_t)(end - start));
	clean = out_cleaned(part, false);
	buf_puts(&b, clean);
	free(clean);
	free(part);
	buf_puts(&b, OUT_MARK_OFF);
	part = xstrndup(body + end, (size_t)(pe - end));
	clean = out_cleaned(part, false);
	buf_puts(&b, clean);
	free(clean);
	free(part);
	return buf_steal(&b);
}

static const char *val(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static void add_str(json_object *o, const char *key, const char *v)
{
	char *clean = v ? out_cleaned(v, false) : NULL;
	json_object_object_add(o, key, clean ? json_object_new_string(clean) : NULL);
	free(clean);
}

static void show_json(const PGresult *q, const PGresult *carried, const char *para)
{
	static const char *keys[Q_NCOLS] = {"id", "statement_id", "quote", "speaker", "speaker_as_stated", "role",
					    "role_stated", "organization", "country", "cue", "rule", "confidence",
					    "article_title", "article_url", "outlet", "published"};
	json_object *o = json_object_new_object();
	for (int k = 0; k < Q_START; k++) {
		const char *v = val(q, 0, k);
		if (v && (k == Q_ID || k == Q_STATEMENT))
			json_object_object_add(o, keys[k], json_object_new_int64(strtoll(v, NULL, 10)));
		else if (v && k == Q_CONFIDENCE)
			json_object_object_add(o, keys[k], json_object_new_double(strtod(v, NULL)));
		else
			add_str(o, keys[k], v);
	}
	char *plain = para ? out_cleaned(para, false) : NULL;
	add_str(o, "paragraph_text", plain);
	free(plain);
	json_object *list = json_object_new_array();
	for (int i = 0; carried && i < PQntuples(carried); i++) {
		json_object *c = json_object_new_object();
		for (int k = 0; k < (int)(sizeof carried_cols / sizeof carried_cols[0]); k++) {
			const char *v = val(carried, i, k);
			if (v && carried_cols[k].type == OUT_INT)
				json_object_object_add(c, carried_cols[k].key, json_object_new_int64(strtoll(v, NULL, 10)));
			else
				add_str(c, carried_cols[k].key, v);
		}
		json_object_array_add(list, c);
	}
	json_object_object_add(o, "carried_by", list);
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

static void label(const char *name, const char *v)
{
	printf("%-10s", name);
	out_clean(stdout, v ? v : "-");
	putchar('\n');
}

static void show_text(const PGresult *q, const PGresult *carried, const char *para)
{
	bool color = out_want_color();
	int width = out_term_width();
	printf("quote %s", PQgetvalue(q, 0, Q_ID));
	if (val(q, 0, Q_STATEMENT))
		printf(" (statement %s)", PQgetvalue(q, 0, Q_STATEMENT));
	printf("\n\n");
	char *text = out_cleaned(PQgetvalue(q, 0, Q_TEXT), false);
	out_wrap(stdout, text, 2, width, false);
	free(text);
	putchar('\n');
	label("speaker", val(q, 0, Q_SPEAKER) ? val(q, 0, Q_SPEAKER) : "(unattributed)");
	if (val(q, 0, Q_AS_STATED) && val(q, 0, Q_SPEAKER) && strcmp(val(q, 0, Q_AS_STATED), val(q, 0, Q_SPEAKER)))
		label("as stated", val(q, 0, Q_AS_STATED));
	label("role", val(q, 0, Q_ROLE));
	if (val(q, 0, Q_ROLE_STATED) && val(q, 0, Q_ROLE) && strcmp(val(q, 0, Q_ROLE_STATED), val(q, 0, Q_ROLE)))
		label("as stated", val(q, 0, Q_ROLE_STATED));
	if (val(q, 0, Q_ORG))
		label("org", val(q, 0, Q_ORG));
	if (val(q, 0, Q_COUNTRY))
		label("country", val(q, 0, Q_COUNTRY));
	printf("%-10s", "how");
	out_clean(stdout, val(q, 0, Q_CUE) ? val(q, 0, Q_CUE) : "-");
	printf(", rule ");
	out_clean(stdout, val(q, 0, Q_RULE) ? val(q, 0, Q_RULE) : "-");
	printf(", confidence %s\n", PQgetvalue(q, 0, Q_CONFIDENCE));
	label("article", val(q, 0, Q_TITLE) ? val(q, 0, Q_TITLE) : "(untitled)");
	label("url", val(q, 0, Q_URL));
	label("outlet", val(q, 0, Q_OUTLET));
	label("published", val(q, 0, Q_PUBLISHED));
	if (para) {
		printf("\nin its paragraph:\n");
		out_wrap(stdout, para, 2, width, color);
	}
	int n = carried ? PQntuples(carried) : 0;
	printf("\ncarried by %d article%s, earliest first:\n", n, n == 1 ? "" : "s");
	for (int i = 0; i < n; i++) {
		printf("  %s  ", PQgetvalue(carried, i, 0));
		out_clean(stdout, val(carried, i, 1) ? val(carried, i, 1) : "-");
		printf("  ");
		out_clean(stdout, val(carried, i, 2) ? val(carried, i, 2) : "(unattributed)");
		printf("  quote %s\n    ", PQgetvalue(carried, i, 5));
		out_clean(stdout, val(carried, i, 4) ? val(carried, i, 4) : "(untitled)");
		printf("\n    ");
		out_clean(stdout, val(carried, i, 6));
		putchar('\n');
	}
}

int cmd_quote(const struct cli_global *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, OPT_JSON},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	int c;
	if (argc < 2 || strcmp(argv[1], "show"))
		return cli_usage_error("quote", "expected: show ID");
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (c != OPT_JSON)
			return cli_usage_error("quote", "unknown option");
		json = true;
	}
	if (argc - optind != 1)
		return cli_usage_error("quote", "expected: show ID");
	const char *id = argv[optind];
	char *end;
	long long n = strtoll(id, &end, 10);
	if (*end || end == id || n < 1)
		return cli_usage_error("quote", "ID must be a quote number (see who-said)");
	PGconn *db = cli_connect(g);
	if (!db)
		return EXIT_DB;
	char err[1024];
	const char *params[] = {id};
	PGresult *q = db_exec(db, SQL_QUOTE, 1, params, err, sizeof err);
	if (!q) {
		cli_error("quote", "%s", err);
		PQfinish(db);
		return EXIT_DB;
	}
	if (PQntuples(q) == 0) {
		cli_error("quote", "no quote %s", id);
		PQclear(q);
		PQfinish(db);
		return EXIT_NOTHING;
	}
	PGresult *carried = NULL;
	if (val(q, 0, Q_STATEMENT)) {
		const char *sp[] = {PQgetvalue(q, 0, Q_STATEMENT)};
		carried = db_exec(db, SQL_CARRIED, 1, sp, err, sizeof err);
		if (!carried) {
			cli_error("quote", "%s", err);
			PQclear(q);
			PQfinish(db);
			return EXIT_DB;
		}
	}
	char *para = paragraph_marked(PQgetvalue(q, 0, Q_BODY), atol(PQgetvalue(q, 0, Q_START)),
				      atol(PQgetvalue(q, 0, Q_END)));
	if (json)
		show_json(q, carried, para);
	else
		show_text(q, carried, para);
	free(para);
	PQclear(carried);
	PQclear(q);
	PQfinish(db);
	return EXIT_FOUND;
}
