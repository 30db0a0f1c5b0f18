/* quotectl output: tables, TSV, CSV and JSON lines (see output.h). */
#include "output.h"

#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "quoted/util.h"

#define ANSI_BOLD "\033[1m"
#define ANSI_RESET "\033[0m"

static bool is_mark(uint32_t cp)
{
	return cp == 0xE000 || cp == 0xE001;
}

/* Code points that must never reach a terminal. */
static bool is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C;
}

char *out_cleaned(const char *s, bool keep_marks)
{
	if (!s)
		return xstrdup("");
	char *valid = utf8_sanitize(s, strlen(s));
	struct buf b = {0};
	size_t n = strlen(valid);
	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t cp = utf8_decode(valid + i, n - i, &len);
		if (cp == '\t' || cp == '\n' || cp == '\r')
			buf_putc(&b, ' ');
		else if (is_mark(cp) ? keep_marks : !is_control(cp))
			buf_append(&b, valid + i, len);
		i += len;
	}
	free(valid);
	return buf_steal(&b);
}

/* Columns a code point takes on a terminal (a small wcwidth that does not
 * depend on the locale). */
static int cp_width(uint32_t cp)
{
	if (is_mark(cp) || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

int out_display_width(const char *s)
{
	int w = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t len;
		w += cp_width(utf8_decode(s + i, n - i, &len));
		i += len;
	}
	return w;
}

int out_term_width(void)
{
	const char *cols = getenv("COLUMNS");
	if (cols && atoi(cols) >= 20)
		return atoi(cols);
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

bool out_want_color(void)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(STDOUT_FILENO) && !(nc && *nc);
}

enum out_mode out_pick_mode(bool json, bool csv)
{
	if (json)
		return OUT_JSON;
	if (csv)
		return OUT_CSV;
	return isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_TSV;
}

/* Split cleaned text into lines of at most width columns, breaking at
 * spaces; a word longer than a line is cut at a code point. */
struct lines {
	char **v;
	size_t n, cap;
};

static void lines_push(struct lines *l, struct buf *b)
{
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = buf_steal(b);
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void wrap_lines(const char *s, int width, struct lines *out)
{
	struct buf line = {0};
	int lw = 0;
	size_t n = strlen(s);
	if (width < 1)
		width = 1;
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t j = i;
		int ww = 0;
		while (j < n && s[j] != ' ') {
			size_t len;
			ww += cp_width(utf8_decode(s + j, n - j, &len));
			j += len;
		}
		if (lw > 0 && lw + 1 + ww <= width) {
			buf_putc(&line, ' ');
			buf_append(&line, s + i, j - i);
			lw += 1 + ww;
		} else {
			if (lw > 0 || line.len > 0) {
				lines_push(out, &line);
				lw = 0;
			}
			/* Place the word, cutting it when it is wider than a line. */
			for (size_t k = i; k < j;) {
				size_t len;
				int cw = cp_width(utf8_decode(s + k, j - k, &len));
				if (lw + cw > width && lw > 0) {
					lines_push(out, &line);
					lw = 0;
				}
				buf_append(&line, s + k, len);
				lw += cw;
				k += len;
			}
		}
		i = j;
	}
	if (line.len > 0 || out->n == 0)
		lines_push(out, &line);
	buf_free(&line);
}

/* Print one cleaned line; marks become bold (color) or nothing. in_mark
 * carries an open highlight across the lines of one cell. */
static void print_marked(FILE *f, const char *s, bool color, bool *in_mark)
{
	if (color && *in_mark)
		fputs(ANSI_BOLD, f);
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		if (is_mark(cp)) {
			*in_mark = cp == 0xE000;
			if (color)
				fputs(*in_mark ? ANSI_BOLD : ANSI_RESET, f);
		} else {
			fwrite(s + i, 1, len, f);
		}
		i += len;
	}
	if (color && *in_mark)
		fputs(ANSI_RESET, f);
}

void out_wrap(FILE *f, const char *text, int indent, int width, bool color)
{
	struct lines l = {0};
	bool in_mark = false;
	wrap_lines(text, width - indent, &l);
	for (size_t i = 0; i < l.n; i++) {
		fprintf(f, "%*s", indent, "");
		print_marked(f, l.v[i], color, &in_mark);
		fputc('\n', f);
	}
	lines_free(&l);
}

void out_init(struct out *o, enum out_mode mode, const struct out_col *cols, int ncols)
{
	memset(o, 0, sizeof *o);
	o->mode = mode;
	o->cols = cols;
	o->ncols = ncols;
	o->f = stdout;
	o->color = mode == OUT_TABLE && out_want_color();
	o->width = out_term_width();
}

static void csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && !(s[0] && s[strlen(s) - 1] == ' ')) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static json_object *json_value(const struct out_col *c, const char *v)
{
	if (!v)
		return NULL;
	switch (c->type) {
	case OUT_INT: return json_object_new_int64(strtoll(v, NULL, 10));
	case OUT_REAL: return json_object_new_double(strtod(v, NULL));
	case OUT_BOOL: return json_object_new_boolean(v[0] == 't');
	case OUT_TEXT: break;
	}
	char *clean = out_cleaned(v, false);
	json_object *s = json_object_new_string(clean);
	free(clean);
	return s;
}

static void row_json(struct out *o, const char *const *vals)
{
	json_object *obj = json_object_new_object();
	for (int c = 0; c < o->ncols; c++)
		if (!(o->cols[c].flags & OUT_TABLEONLY))
			json_object_object_add(obj, o->cols[c].key, json_value(&o->cols[c], vals[c]));
	fputs(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE),
	      o->f);
	fputc('\n', o->f);
	json_object_put(obj);
}

static void csv_header(struct out *o)
{
	bool first = true;
	for (int c = 0; c < o->ncols; c++) {
		if (o->cols[c].flags & OUT_TABLEONLY)
			continue;
		if (!first)
			fputc(',', o->f);
		first = false;
		csv_field(o->f, o->cols[c].key);
	}
	fputc('\n', o->f);
	o->header_done = true;
}

static void row_delimited(struct out *o, const char *const *vals, bool csv)
{
	if (csv && !o->header_done)
		csv_header(o);
	bool first = true;
	for (int c = 0; c < o->ncols; c++) {
		if (o->cols[c].flags & OUT_TABLEONLY)
			continue;
		if (!first)
			fputc(csv ? ',' : '\t', o->f);
		first = false;
		char *clean = out_cleaned(vals[c], false);
		if (csv)
			csv_field(o->f, clean);
		else
			fputs(clean, o->f);
		free(clean);
	}
	fputc('\n', o->f);
}

void out_row(struct out *o, const char *const *vals)
{
	o->count++;
	switch (o->mode) {
	case OUT_JSON: row_json(o, vals); return;
	case OUT_CSV: row_delimited(o, vals, true); return;
	case OUT_TSV: row_delimited(o, vals, false); return;
	case OUT_TABLE: break;
	}
	xgrow((void **)&o->cells, &o->cap, (o->nrows + 1) * (size_t)o->ncols, sizeof *o->cells);
	for (int c = 0; c < o->ncols; c++)
		o->cells[o->nrows * (size_t)o->ncols + (size_t)c] =
			vals[c] ? out_cleaned(vals[c], (o->cols[c].flags & OUT_MARKS) != 0) : xstrdup("-");
	o->nrows++;
}

void out_row_pg(struct out *o, const PGresult *res, int row)
{
	const char *vals[64];
	int n = o->ncols < 64 ? o->ncols : 64;
	for (int c = 0; c < n; c++)
		vals[c] = c < PQnfields(res) && !PQgetisnull(res, row, c) ? PQgetvalue(res, row, c) : NULL;
	out_row(o, vals);
}

/* Column widths that fit the terminal: start from the natural widths and
 * narrow the widest text column one step at a time. */
static void table_widths(struct out *o, int *w)
{
	int total = 0, shown = 0;
	int minw[64];
	for (int c = 0; c < o->ncols; c++) {
		w[c] = 0;
		if (o->cols[c].flags & OUT_NOTABLE)
			continue;
		int hw = out_display_width(o->cols[c].header);
		w[c] = hw;
		for (size_t r = 0; r < o->nrows; r++) {
			int cw = out_display_width(o->cells[r * (size_t)o->ncols + (size_t)c]);
			if (cw > w[c])
				w[c] = cw;
		}
		/* Numbers and short single words (dates, ids) never wrap. */
		bool shortword = true;
		for (size_t r = 0; r < o->nrows && shortword; r++) {
			const char *cell = o->cells[r * (size_t)o->ncols + (size_t)c];
			shortword = !strchr(cell, ' ') && out_display_width(cell) <= 12;
		}
		minw[c] = o->cols[c].type == OUT_TEXT && !shortword ? (hw > 8 ? hw : 8) : w[c];
		if (minw[c] > w[c])
			minw[c] = w[c];
		total += w[c];
		shown++;
	}
	total += 2 * (shown - 1);
	/* First narrow the other columns to a comfortable width, then all. */
	for (int pass = 0; pass < 2; pass++) {
		while (total > o->width) {
			int best = -1;
			for (int c = 0; c < o->ncols; c++) {
				unsigned fl = o->cols[c].flags;
				int floor = pass == 0 ? (minw[c] > 16 ? minw[c] : 16) : minw[c];
				if (fl & OUT_NOTABLE || (pass == 0 && fl & OUT_WIDE) || w[c] <= floor)
					continue;
				if (best < 0 || w[c] > w[best])
					best = c;
			}
			if (best < 0)
				break;
			w[best]--;
			total--;
		}
	}
}

static void table_print(struct out *o)
{
	int w[64];
	if (o->ncols > 64 || o->nrows == 0)
		return;
	table_widths(o, w);
	int last = -1;
	for (int c = 0; c < o->ncols; c++)
		if (!(o->cols[c].flags & OUT_NOTABLE))
			last = c;
	/* Header. */
	if (o->color)
		fputs(ANSI_BOLD, o->f);
	for (int c = 0; c <= last; c++) {
		if (o->cols[c].flags & OUT_NOTABLE)
			continue;
		int pad = c == last ? 0 : w[c] - out_display_width(o->cols[c].header);
		fprintf(o->f, "%s%*s%s", o->cols[c].header, pad, "", c == last ? "" : "  ");
	}
	if (o->color)
		fputs(ANSI_RESET, o->f);
	fputc('\n', o->f);

	struct lines *cell = xcalloc((size_t)o->ncols, sizeof *cell);
	bool spaced = false;
	for (size_t r = 0; r < o->nrows; r++) {
		size_t height = 1;
		for (int c = 0; c <= last; c++) {
			if (o->cols[c].flags & OUT_NOTABLE)
				continue;
			wrap_lines(o->cells[r * (size_t)o->ncols + (size_t)c], w[c], &cell[c]);
			if (cell[c].n > height)
				height = cell[c].n;
		}
		if (height > 1 && r > 0 && !spaced)
			fputc('\n', o->f);
		bool in_mark[64] = {false};
		for (size_t l = 0; l < height; l++) {
			for (int c = 0; c <= last; c++) {
				if (o->cols[c].flags & OUT_NOTABLE)
					continue;
				const char *s = l < cell[c].n ? cell[c].v[l] : "";
				int pad = w[c] - out_display_width(s);
				bool right = o->cols[c].type != OUT_TEXT;
				if (right)
					fprintf(o->f, "%*s", pad, "");
				print_marked(o->f, s, o->color, &in_mark[c]);
				if (c != last)
					fprintf(o->f, "%*s  ", right ? 0 : pad, "");
			}
			fputc('\n', o->f);
		}
		spaced = height > 1;
		if (spaced && r + 1 < o->nrows)
			fputc('\n', o->f);
		for (int c = 0; c <= last; c++)
			lines_free(&cell[c]);
	}
	free(cell);
}

long out_finish(struct out *o)
{
	if (o->mode == OUT_TABLE)
		table_print(o);
	else if (o->mode == OUT_CSV && !o->header_done)
		csv_header(o); /* an empty CSV still names its columns */
	for (size_t i = 0; i < o->nrows * (size_t)o->ncols; i++)
		free(o->cells[i]);
	free(o->cells);
	o->cells = NULL;
	o->nrows = 0;
	fflush(o->f);
	return o->count;
}
