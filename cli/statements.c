/* The statement listing shared by who-said and said-by: quotes matching a
 * search, grouped into statements (the same quotation across outlets),
 * each shown once at its first appearance with the number of outlets that
 * carried it, newest first. Reads only the research views, so a
 * quoted_reader login can use it. */
#include <string.h>

#include "cli.h"
#include "statements.h"
#include "quoted/util.h"

/* Parameters: $1 phrase, $2 speaker name, $3 role, $4 country, $5 since,
 * $6 until, $7 feed, $8 limit, $9 highlight. The SQL text is assembled
 * from the constant pieces below only. */
#define MATCH_PHRASE "v.quote_tsv @@ phraseto_tsquery('english', $1::text)"
#define MATCH_EXACT                                                                    \
	"v.quote ILIKE '%' || replace(replace(replace($1::text, '\\', '\\\\'), '%', '\\%'), " \
	"'_', '\\_') || '%'"
#define MATCH_ANY "($1::text IS NULL OR v.quote_tsv @@ phraseto_tsquery('english', $1::text))"

#define UNMARKED "translate(f.quote, chr(57344) || chr(57345), '')"
#define HEADLINE_PHRASE                                                                   \
	"replace(ts_headline('english', " UNMARKED ", phraseto_tsquery('english', $1::text), " \
	"'HighlightAll=true, StartSel=' || chr(57344) || ', StopSel=' || chr(57345)), "       \
	"chr(57345) || ' ' || chr(57344), ' ')"
#define HEADLINE_EXACT                                                                      \
	"regexp_replace(" UNMARKED ", regexp_replace($1::text, '([][\\\\.^$*+?(){}|-])', '\\\\\\1', " \
	"'g'), chr(57344) || '\\&' || chr(57345), 'gi')"

static const char SQL_HEAD[] =
	"WITH hits AS ("
	" SELECT DISTINCT v.statement_id FROM research.quotes v WHERE ";
static const char SQL_FILTERS[] =
	QUOTE_FILTERS_SQL
	"), firsts AS ("
	" SELECT f.*, c.outlets, c.quotes FROM hits h"
	" CROSS JOIN LATERAL (SELECT v.quote_id, v.statement_id, v.published_at, v.speaker, v.speaker_kind,"
	"   v.role, v.role_stated, v.organization, v.country, v.quote, v.outlet, v.article_title,"
	"   v.article_url, v.rule FROM research.quotes v WHERE v.statement_id = h.statement_id"
	"   ORDER BY v.published_at, v.quote_id LIMIT 1) f"
	" CROSS JOIN LATERAL (SELECT count(DISTINCT coalesce(v.outlet, v.article_url)) AS outlets,"
	"   count(*) AS quotes FROM research.quotes v WHERE v.statement_id = h.statement_id) c"
	" ORDER BY f.published_at DESC, f.quote_id DESC LIMIT $8::int)"
	" SELECT to_char(f.published_at, 'YYYY-MM-DD'),"
	" coalesce(f.speaker, '(unattributed)') || coalesce(', ' || f.role, ''), f.speaker, f.role, CASE WHEN $9::boolean THEN ";
static const char SQL_TAIL[] =
	" ELSE f.quote END, f.outlet, f.outlets, f.quote_id, f.statement_id, f.quotes, f.speaker_kind,"
	" f.role_stated, f.organization, f.country, f.article_title, f.article_url, f.rule"
	" FROM firsts f ORDER BY f.published_at DESC, f.quote_id DESC";

static const struct out_col statement_cols[] = {
	{"published", "DATE", OUT_TEXT, 0},
	{"who", "WHO", OUT_TEXT, OUT_TABLEONLY},
	{"speaker", "SPEAKER", OUT_TEXT, OUT_NOTABLE},
	{"role", "ROLE", OUT_TEXT, OUT_NOTABLE},
	{"quote", "QUOTE", OUT_TEXT, OUT_MARKS | OUT_WIDE},
	{"outlet", "FIRST IN", OUT_TEXT, 0},
	{"outlets", "OUTLETS", OUT_INT, 0},
	{"id", "ID", OUT_INT, 0},
	{"statement_id", "STATEMENT", OUT_INT, OUT_NOTABLE},
	{"quotes", "QUOTES", OUT_INT, OUT_NOTABLE},
	{"speaker_kind", "KIND", OUT_TEXT, OUT_NOTABLE},
	{"role_stated", "ROLE STATED", OUT_TEXT, OUT_NOTABLE},
	{"organization", "ORGANIZATION", OUT_TEXT, OUT_NOTABLE},
	{"country", "COUNTRY", OUT_TEXT, OUT_NOTABLE},
	{"article_title", "TITLE", OUT_TEXT, OUT_NOTABLE},
	{"article_url", "URL", OUT_TEXT, OUT_NOTABLE},
	{"rule", "RULE", OUT_TEXT, OUT_NOTABLE},
};

long statements_list(PGconn *db, const char *cmd, const struct statement_search *s)
{
	const struct cli_opts *o = s->opts;
	struct out out;
	out_init(&out, out_pick_mode(o->json, o->csv), statement_cols,
		 (int)(sizeof statement_cols / sizeof statement_cols[0]));
	bool highlight = out.color && s->phrase;

	struct buf sql = {0};
	buf_puts(&sql, SQL_HEAD);
	buf_puts(&sql, s->match == MATCH_BY_PHRASE ? MATCH_PHRASE : s->match == MATCH_BY_SUBSTRING ? MATCH_EXACT : MATCH_ANY);
	buf_puts(&sql, SQL_FILTERS);
	buf_puts(&sql, !highlight ? "f.quote" : s->match == MATCH_BY_SUBSTRING ? HEADLINE_EXACT : HEADLINE_PHRASE);
	buf_puts(&sql, SQL_TAIL);

	char limit[24];
	snprintf(limit, sizeof limit, "%ld", o->limit ? o->limit : 50);
	const char *params[] = {
		s->phrase, cli_param(s->speaker), cli_param(o->role), cli_param(o->country),
		cli_param(o->since), cli_param(o->until), cli_param(o->feed), limit, highlight ? "t" : "f",
	};
	long rows = cli_query_out(db, cmd, sql.data, 9, params, &out);
	buf_free(&sql);
	return rows;
}
