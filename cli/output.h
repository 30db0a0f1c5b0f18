/* quotectl output: one place that decides how rows look.
 *   table  on a terminal: aligned columns, long text wrapped to the width,
 *          search matches highlighted;
 *   tsv    when piped: tab-separated, no header;
 *   csv    --csv: RFC 4180 with a header line;
 *   json   --json: one object per row per line.
 * Every string printed passes out_clean(): control characters (C0, DEL,
 * C1) and bidirectional overrides are removed, because feed text must not
 * steer a terminal. */
#ifndef QUOTECTL_OUTPUT_H
#define QUOTECTL_OUTPUT_H
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

enum out_mode { OUT_TABLE, OUT_TSV, OUT_CSV, OUT_JSON };
enum out_type { OUT_TEXT, OUT_INT, OUT_REAL, OUT_BOOL };

/* Column flags. */
#define OUT_NOTABLE 1u /* left out of the terminal table (too wide, or redundant) */
#define OUT_MARKS 2u   /* may hold highlight marks (OUT_MARK_ON / OUT_MARK_OFF) */
#define OUT_WIDE 4u    /* the main text: other columns narrow first */
#define OUT_TABLEONLY 8u /* shown only in the terminal table (a summary of other columns) */

/* Highlight marks a query puts around matches: private-use code points,
 * removed from stored text before marking (so text cannot fake them). */
#define OUT_MARK_ON "\xee\x80\x80"  /* U+E000 */
#define OUT_MARK_OFF "\xee\x80\x81" /* U+E001 */

struct out_col {
	const char *key;    /* JSON key and CSV header */
	const char *header; /* table header */
	enum out_type type;
	unsigned flags;
};

struct out {
	enum out_mode mode;
	const struct out_col *cols;
	int ncols;
	FILE *f;
	bool color; /* table: highlight with ANSI bold */
	int width;  /* table: terminal width */
	char **cells; /* table: buffered rows, ncols per row */
	size_t nrows, cap;
	long count;
	bool header_done;
};

/* --json wins over --csv; otherwise a table on a terminal, TSV elsewhere. */
enum out_mode out_pick_mode(bool json, bool csv);
void out_init(struct out *o, enum out_mode mode, const struct out_col *cols, int ncols);
/* One row: vals[ncols], NULL for SQL NULL. */
void out_row(struct out *o, const char *const *vals);
/* One row from a result whose columns match the out columns in order. */
void out_row_pg(struct out *o, const PGresult *res, int row);
/* Print the buffered table (if any), free, return the number of rows. */
long out_finish(struct out *o);

/* A malloc'd copy of s that is safe to print: invalid UTF-8 replaced,
 * tabs and newlines turned into spaces, other control characters and
 * bidi controls dropped; highlight marks kept only when keep_marks. */
char *out_cleaned(const char *s, bool keep_marks);
/* Terminal width of stdout (COLUMNS, then the tty, then 80). */
int out_term_width(void);
/* Display width of s (marks count zero). */
int out_display_width(const char *s);
/* Print text wrapped to width, each line after indent spaces; marks become
 * ANSI bold when color, else vanish. text must already be cleaned. */
void out_wrap(FILE *f, const char *text, int indent, int width, bool color);
/* Whether to use ANSI highlighting on stdout (a terminal, NO_COLOR unset). */
bool out_want_color(void);
#endif
