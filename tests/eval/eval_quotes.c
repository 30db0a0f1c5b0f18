/* The quote extractor against annotated news (../shared/eval/quotes and the
 * seed article), scored exactly as ../shared/eval/README.md describes:
 *
 * - quotes: a prediction matches a gold quote when their byte spans overlap
 *   by at least half of the longer span; matching is one-to-one (each
 *   prediction takes the unmatched gold quote it overlaps most).
 * - attribution: a prediction with a speaker is judged when it matches a
 *   gold quote whose speaker is named, or one with no source at all (any
 *   speaker is then wrong), or no gold quote (wrong).  It is right when the
 *   gold speaker's head word (last word before the first comma) is among
 *   the predicted speaker's words, or, for organisations, when at least half
 *   of the gold name's content words are.  P = right / judged, R = right /
 *   gold quotes with a named speaker.
 * - role: of correctly attributed quotes whose gold role is given, the share
 *   whose predicted role contains the gold role's head noun (spokesman and
 *   spokeswoman read as spokesperson).
 *
 * Gold offsets are in characters (code points); they are converted to
 * bytes.  The seed's gold has no offsets: quotes are located by substring
 * search, in order.
 *
 * Also scores our own held-out articles (--own DIR, see run_own()), which
 * need nothing from ../shared.
 *
 * usage: eval_quotes --shared DIR [--own DIR]... --baseline FILE [-v] [--set NAME]
 *                    [--dump FILE] [--record FILE]
 * Exit 77 when there is nothing to score, 1 when a score falls below the
 * baseline. */
#include <dirent.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "quoted/quote.h"
#include "quoted/util.h"

struct gold {
	size_t s, e;
	char *quote;
	char *speaker;   /* NULL: not named */
	bool no_source;  /* no source at all: any speaker is wrong */
	bool org;        /* gold speaker is an organisation */
	char *role;
	bool matched;
};

struct doc {
	char *id;
	char *text;
	size_t len;
	struct gold *g;
	size_t ng, cg;
};

struct docs {
	struct doc *v;
	size_t n, cap;
};

struct score {
	size_t gold, pred, match;
	size_t named, judged, right;
	size_t roles, roles_right;
	size_t bytes;
	double secs;
};

static int verbose;
static FILE *dump; /* --dump FILE: one JSON line per prediction and per missed gold quote */
static const char *dump_set; /* the set being scored, named in each dump line */

static void dump_str(const char *k, const char *v)
{
	json_object *o = v ? json_object_new_string(v) : NULL;
	fprintf(dump, ",\"%s\":%s", k, o ? json_object_to_json_string(o) : "null");
	json_object_put(o);
}

static const char *jstr(json_object *o, const char *k)
{
	json_object *v;
	if (!json_object_object_get_ex(o, k, &v) || json_object_get_type(v) != json_type_string)
		return NULL;
	return json_object_get_string(v);
}

static bool jhas(json_object *o, const char *k)
{
	json_object *v;
	return json_object_object_get_ex(o, k, &v);
}

static long jint(json_object *o, const char *k)
{
	json_object *v;
	if (!json_object_object_get_ex(o, k, &v) || json_object_get_type(v) != json_type_int)
		return -1;
	return (long)json_object_get_int64(v);
}

/* Byte offset of code point number ci in s. */
static size_t char_to_byte(const char *s, size_t len, size_t ci)
{
	size_t i = 0, c = 0, n;
	while (i < len && c < ci) {
		utf8_decode(s + i, len - i, &n);
		i += n ? n : 1;
		c++;
	}
	return i;
}

static struct doc *docs_find(struct docs *ds, const char *id)
{
	for (size_t i = 0; i < ds->n; i++)
		if (strcmp(ds->v[i].id, id) == 0)
			return &ds->v[i];
	return NULL;
}

static struct doc *docs_add(struct docs *ds, const char *id, char *text, size_t len)
{
	struct doc *d;
	xgrow((void **)&ds->v, &ds->cap, ds->n + 1, sizeof(*ds->v));
	d = &ds->v[ds->n++];
	memset(d, 0, sizeof(*d));
	d->id = xstrdup(id);
	d->text = text;
	d->len = len;
	return d;
}

/* Place a gold quote: trust the offsets when they hold the quote, else
 * search for it (the nearest occurrence to the hint). */
static bool place(const struct doc *d, const char *q, size_t hint, size_t *s)
{
	size_t ql = strlen(q);
	const char *best = NULL, *p = d->text;
	if (hint + ql <= d->len && memcmp(d->text + hint, q, ql) == 0) {
		*s = hint;
		return true;
	}
	if (ql == 0)
		return false;
	while ((p = memmem(p, d->len - (size_t)(p - d->text), q, ql))) {
		size_t off = (size_t)(p - d->text);
		if (!best || (off > hint ? off - hint : hint - off) <
				     ((size_t)(best - d->text) > hint ? (size_t)(best - d->text) - hint
								      : hint - (size_t)(best - d->text)))
			best = p;
		p++;
	}
	if (!best)
		return false;
	*s = (size_t)(best - d->text);
	return true;
}

static void gold_add(struct doc *d, json_object *o, size_t hint)
{
	const char *q = jstr(o, "quote"), *sp = jstr(o, "speaker"), *kind = jstr(o, "speaker_kind");
	struct gold *g;
	size_t s;
	if (!q || !place(d, q, hint, &s)) {
		fprintf(stderr, "eval_quotes: %s: gold quote not found: %.40s\n", d->id, q ? q : "?");
		return;
	}
	xgrow((void **)&d->g, &d->cg, d->ng + 1, sizeof(*d->g));
	g = &d->g[d->ng++];
	memset(g, 0, sizeof(*g));
	g->s = s;
	g->e = s + strlen(q);
	g->quote = xstrdup(q);
	g->speaker = sp ? xstrdup(sp) : NULL;
	g->no_source = !sp && jhas(o, "source_span") && !jstr(o, "source_span");
	g->org = kind && strcmp(kind, "organization") == 0;
	g->role = jstr(o, "role") ? xstrdup(jstr(o, "role")) : NULL;
}

static int load_jsonl(const char *path, int (*fn)(json_object *, void *), void *arg)
{
	size_t len;
	char *data = read_file(path, &len), *p, *nl;
	if (!data)
		return -1;
	for (p = data; p < data + len; p = nl + 1) {
		json_object *o;
		nl = memchr(p, '\n', (size_t)(data + len - p));
		if (!nl)
			nl = data + len;
		*nl = '\0';
		if (nl == p)
			continue;
		o = json_tokener_parse(p);
		if (o) {
			fn(o, arg);
			json_object_put(o);
		}
	}
	free(data);
	return 0;
}

static int on_doc(json_object *o, void *arg)
{
	const char *id = jstr(o, "id"), *text = jstr(o, "text");
	if (id && text)
		docs_add(arg, id, xstrdup(text), strlen(text));
	return 0;
}

static int on_gold(json_object *o, void *arg)
{
	struct docs *ds = arg;
	const char *id = jstr(o, "doc");
	struct doc *d = id ? docs_find(ds, id) : NULL;
	long cs = jint(o, "char_start");
	if (cs < 0)
		cs = jint(o, "start");
	if (!d)
		return 0;
	gold_add(d, o, cs >= 0 ? char_to_byte(d->text, d->len, (size_t)cs) : 0);
	return 0;
}

struct seed_ctx {
	struct doc *d;
	size_t pos;
};

static int on_seed_gold(json_object *o, void *arg)
{
	struct seed_ctx *c = arg;
	const char *q = jstr(o, "quote");
	const char *p = q ? memmem(c->d->text + c->pos, c->d->len - c->pos, q, strlen(q)) : NULL;
	size_t hint = p ? (size_t)(p - c->d->text) : 0;
	gold_add(c->d, o, hint);
	if (p)
		c->pos = hint + 1;
	return 0;
}

/* Letters, digits and '-'; Latin-1 and general punctuation and spaces
 * (U+00A0, U+2019...) separate words. */
static bool is_wordch(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9') || cp == '-';
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
		return false;
	return !(cp >= 0x2000 && cp <= 0x206F) && cp != 0x3000;
}

/* Lower-case words of s (letters, digits; possessive 's dropped). */
static size_t words_of(const char *s, char w[][64], size_t max)
{
	size_t n = 0, i = 0, len = strlen(s);
	while (i < len && n < max) {
		size_t k = 0, l;
		uint32_t cp = utf8_decode(s + i, len - i, &l);
		bool wordch = is_wordch(cp);
		if (!wordch) {
			i += l ? l : 1;
			continue;
		}
		while (i < len) {
			cp = utf8_decode(s + i, len - i, &l);
			wordch = is_wordch(cp);
			if (!wordch)
				break;
			for (size_t j = 0; j < l && k + 1 < 64; j++) {
				char c = s[i + j];
				w[n][k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
			}
			i += l;
		}
		w[n][k] = '\0';
		/* "Clinton's": drop the possessive */
		if (i < len && (s[i] == '\'' || (unsigned char)s[i] == 0xE2) ) {
			size_t j = s[i] == '\'' ? i + 1 : i + 3;
			if (j < len && s[j] == 's' && (j + 1 >= len || s[j + 1] == ' '))
				i = j + 1;
		}
		n++;
	}
	return n;
}

static bool has_word(char w[][64], size_t n, const char *x)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w[i], x) == 0)
			return true;
	return false;
}

static bool is_function_word(const char *w)
{
	static const char *const fw[] = {"the", "of", "and", "for", "a", "an", "in", "on",
					 "at", "to", "de", "la", "&", NULL};
	for (size_t i = 0; fw[i]; i++)
		if (strcmp(fw[i], w) == 0)
			return true;
	return false;
}

static bool speaker_right(const struct gold *g, const char *pred)
{
	char gw[32][64], pw[32][64], head[256];
	size_t gn, pn, comma = strcspn(g->speaker, ",");
	if (comma >= sizeof(head))
		comma = sizeof(head) - 1;
	memcpy(head, g->speaker, comma);
	head[comma] = '\0';
	pn = words_of(pred, pw, 32);
	gn = words_of(head, gw, 32);
	if (gn && has_word(pw, pn, gw[gn - 1]))
		return true;
	if (g->org) {
		size_t content = 0, found = 0;
		gn = words_of(g->speaker, gw, 32);
		for (size_t i = 0; i < gn; i++) {
			if (is_function_word(gw[i]))
				continue;
			content++;
			found += has_word(pw, pn, gw[i]);
		}
		return content && found * 2 >= content;
	}
	return false;
}

static const char *role_norm(const char *w)
{
	if (strcmp(w, "spokesman") == 0 || strcmp(w, "spokeswoman") == 0)
		return "spokesperson";
	return w;
}

/* The head noun of a gold role: the last word before a preposition
 * ("executive director of ..." -> director), unless that word names the
 * organisation ("bank of england governor" -> governor). */
static void role_head(const char *role, char *out, size_t cap)
{
	static const char *const preps[] = {"of", "to", "for", "at", "in", "on", NULL};
	static const char *const orgish[] = {"bank", "department", "ministry", "office", "house",
					     "fund", "state", "board", NULL};
	char w[32][64];
	size_t n = words_of(role, w, 32), cut = n;
	for (size_t i = 1; i < n && cut == n; i++)
		for (size_t j = 0; preps[j]; j++)
			if (strcmp(w[i], preps[j]) == 0)
				cut = i;
	out[0] = '\0';
	if (!n)
		return;
	{
		const char *h = w[cut - 1];
		for (size_t j = 0; orgish[j]; j++)
			if (strcmp(h, orgish[j]) == 0)
				h = w[n - 1];
		snprintf(out, cap, "%s", role_norm(h));
	}
}

static bool role_right(const char *gold, const char *pred)
{
	char head[64], pw[32][64];
	size_t pn;
	if (!pred)
		return false;
	role_head(gold, head, sizeof(head));
	pn = words_of(pred, pw, 32);
	for (size_t i = 0; i < pn; i++)
		if (strcmp(role_norm(pw[i]), head) == 0)
			return true;
	return false;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t overlap(size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t s = a0 > b0 ? a0 : b0, e = a1 < b1 ? a1 : b1;
	return e > s ? e - s : 0;
}

static void score_doc(struct doc *d, struct score *sc)
{
	struct quote_list ql;
	double t0 = now();
	quotes_extract(d->text, d->len, &ql);
	sc->secs += now() - t0;
	sc->bytes += d->len;
	sc->gold += d->ng;
	sc->pred += ql.n;
	for (size_t i = 0; i < d->ng; i++) {
		d->g[i].matched = false;
		if (d->g[i].speaker)
			sc->named++;
	}
	for (size_t i = 0; i < ql.n; i++) {
		struct quote *q = &ql.v[i];
		struct gold *best = NULL;
		size_t bo = 0;
		for (size_t j = 0; j < d->ng; j++) {
			struct gold *g = &d->g[j];
			size_t o = overlap(q->start, q->end, g->s, g->e);
			size_t lq = q->end - q->start, lg = g->e - g->s;
			size_t longer = lq > lg ? lq : lg;
			if (g->matched || o * 2 < longer || o == 0)
				continue;
			if (o > bo) {
				bo = o;
				best = g;
			}
		}
		if (best) {
			best->matched = true;
			sc->match++;
		} else if (verbose) {
			printf("  [%s] extra: \"%.70s\"%s%s\n", d->id, q->text,
			       q->speaker ? " -> " : "", q->speaker ? q->speaker : "");
		}
		if (dump) {
			fprintf(dump, "{\"set\":\"%s\",\"doc\":\"%s\",\"start\":%zu,\"end\":%zu", dump_set, d->id,
				q->start, q->end);
			dump_str("text", q->text);
			dump_str("speaker", q->speaker);
			dump_str("role", q->role);
			dump_str("rule", q->rule);
			fprintf(dump, ",\"matched\":%s", best ? "true" : "false");
			if (best) {
				dump_str("gold_speaker", best->speaker);
				dump_str("gold_role", best->role);
				fprintf(dump, ",\"no_source\":%s,\"right\":%s", best->no_source ? "true" : "false",
					q->speaker && best->speaker && speaker_right(best, q->speaker) ? "true" : "false");
			}
			fprintf(dump, "}\n");
		}
		if (!q->speaker)
			continue;
		if (!best || best->speaker || best->no_source) {
			bool right = best && best->speaker && speaker_right(best, q->speaker);
			sc->judged++;
			if (right) {
				sc->right++;
				if (best->role) {
					sc->roles++;
					if (role_right(best->role, q->role))
						sc->roles_right++;
					else if (verbose)
						printf("  [%s] role: \"%s\" want \"%s\" (%s)\n", d->id,
						       q->role ? q->role : "-", best->role, q->speaker);
				}
			} else if (verbose && best) {
				printf("  [%s] wrong: \"%.60s\" -> %s [%s] want %s\n", d->id, q->text,
				       q->speaker, q->rule ? q->rule : "-",
				       best->speaker ? best->speaker : "(no source)");
			}
		}
	}
	for (size_t j = 0; j < d->ng && dump; j++) {
		if (d->g[j].matched)
			continue;
		fprintf(dump, "{\"set\":\"%s\",\"doc\":\"%s\",\"start\":%zu,\"end\":%zu,\"missed\":true",
			dump_set, d->id, d->g[j].s, d->g[j].e);
		dump_str("text", d->g[j].quote);
		dump_str("gold_speaker", d->g[j].speaker);
		fprintf(dump, "}\n");
	}
	for (size_t j = 0; j < d->ng && verbose; j++) {
		struct gold *g = &d->g[j];
		if (!g->matched)
			printf("  [%s] missed: \"%.70s\" (%s)\n", d->id, g->quote,
			       g->speaker ? g->speaker : "-");
	}
	/* named gold quotes left without a speaker */
	if (verbose) {
		for (size_t i = 0; i < ql.n; i++) {
			struct quote *q = &ql.v[i];
			if (q->speaker)
				continue;
			for (size_t j = 0; j < d->ng; j++) {
				struct gold *g = &d->g[j];
				size_t o = overlap(q->start, q->end, g->s, g->e);
				if (g->speaker && o * 2 >= (q->end - q->start) && o)
					printf("  [%s] unattributed: \"%.60s\" want %s\n", d->id,
					       q->text, g->speaker);
			}
		}
	}
	quote_list_free(&ql);
}

struct result {
	char name[64];
	double qp, qr, qf, ap, ar, af, role, mbs;
	bool has_role;
};

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void finish(const char *name, const struct score *sc, struct result *r)
{
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->qp = sc->pred ? (double)sc->match / (double)sc->pred : 0;
	r->qr = sc->gold ? (double)sc->match / (double)sc->gold : 0;
	r->qf = f1(r->qp, r->qr);
	r->ap = sc->judged ? (double)sc->right / (double)sc->judged : 0;
	r->ar = sc->named ? (double)sc->right / (double)sc->named : 0;
	r->af = f1(r->ap, r->ar);
	r->has_role = sc->roles > 0;
	r->role = sc->roles ? (double)sc->roles_right / (double)sc->roles : 0;
	r->mbs = sc->secs > 0 ? (double)sc->bytes / 1e6 / sc->secs : 0;
	printf("%-14s quote P %.3f R %.3f F1 %.3f | attribution P %.3f R %.3f F1 %.3f",
	       name, r->qp, r->qr, r->qf, r->ap, r->ar, r->af);
	if (r->has_role)
		printf(" | role %.3f (%zu)", r->role, sc->roles);
	printf(" | %zu gold, %zu named | %.1f MB/s\n", sc->gold, sc->named, r->mbs);
}

static void docs_free(struct docs *ds)
{
	for (size_t i = 0; i < ds->n; i++) {
		struct doc *d = &ds->v[i];
		for (size_t j = 0; j < d->ng; j++) {
			free(d->g[j].quote);
			free(d->g[j].speaker);
			free(d->g[j].role);
		}
		free(d->g);
		free(d->id);
		free(d->text);
	}
	free(ds->v);
	memset(ds, 0, sizeof(*ds));
}

static bool run_set(const char *shared, const char *set, struct result *r)
{
	struct docs ds = {0};
	struct score sc = {0};
	char *p1 = xasprintf("%s/eval/quotes/%s/docs.jsonl", shared, set);
	char *p2 = xasprintf("%s/eval/quotes/%s/gold.jsonl", shared, set);
	bool ok = load_jsonl(p1, on_doc, &ds) == 0 && load_jsonl(p2, on_gold, &ds) == 0;
	free(p1);
	free(p2);
	if (!ok) {
		printf("%s: absent, skipping\n", set);
		docs_free(&ds);
		return false;
	}
	dump_set = set;
	if (verbose)
		printf("== %s\n", set);
	for (size_t i = 0; i < ds.n; i++)
		score_doc(&ds.v[i], &sc);
	finish(set, &sc, r);
	docs_free(&ds);
	return true;
}

/* Our own held-out articles (tests/eval/own): NN.txt and NN.gold.tsv, one
 * line per quotation in order, "quote<TAB>speaker<TAB>role", "-" for none.
 * Written for the project, never tuned on: a check that the extractor
 * generalises beyond the corpora in ../shared. */
static bool run_own(const char *dir, const char *name, struct result *r)
{
	struct docs ds = {0};
	struct score sc = {0};
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		printf("%s: %s absent, skipping\n", name, dir);
		return false;
	}
	for (int i = 0; i < n; i++) {
		const char *f = names[i]->d_name;
		size_t fl = strlen(f), len, glen;
		if (fl > 4 && !strcmp(f + fl - 4, ".txt")) {
			char *tp = xasprintf("%s/%s", dir, f);
			char *gp = xasprintf("%s/%.*s.gold.tsv", dir, (int)(fl - 4), f);
			char *text = read_file(tp, &len), *gold = read_file(gp, &glen);
			if (text && gold) {
				char *id = xstrndup(f, fl - 4);
				struct doc *d = docs_add(&ds, id, text, len);
				size_t hint = 0;
				free(id);
				text = NULL;
				for (char *line = strtok(gold, "\n"); line; line = strtok(NULL, "\n")) {
					char *f2 = strchr(line, '\t'), *f3 = f2 ? strchr(f2 + 1, '\t') : NULL;
					json_object *o = json_object_new_object();
					if (!f2)
						continue;
					*f2++ = '\0';
					if (f3)
						*f3++ = '\0';
					json_object_object_add(o, "quote", json_object_new_string(line));
					if (strcmp(f2, "-") != 0)
						json_object_object_add(o, "speaker", json_object_new_string(f2));
					if (f3 && strcmp(f3, "-") != 0)
						json_object_object_add(o, "role", json_object_new_string(f3));
					gold_add(d, o, hint);
					if (d->ng)
						hint = d->g[d->ng - 1].e;
					json_object_put(o);
				}
			}
			free(text);
			free(gold);
			free(tp);
			free(gp);
		}
		free(names[i]);
	}
	free(names);
	if (!ds.n) {
		printf("%s: no articles in %s, skipping\n", name, dir);
		return false;
	}
	dump_set = name;
	if (verbose)
		printf("== %s\n", name);
	for (size_t i = 0; i < ds.n; i++)
		score_doc(&ds.v[i], &sc);
	finish(name, &sc, r);
	docs_free(&ds);
	return true;
}

static bool run_seed(const char *shared, struct result *r)
{
	struct docs ds = {0};
	struct score sc = {0};
	char *dir = xasprintf("%s/seed", shared), *gp = xasprintf("%s/seed/gold.jsonl", shared);
	DIR *dh = opendir(dir);
	struct dirent *de;
	bool ok = false;

	if (dh) {
		while ((de = readdir(dh))) {
			size_t l = strlen(de->d_name), len;
			char *path, *text;
			if (l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0)
				continue;
			path = xasprintf("%s/%s", dir, de->d_name);
			text = read_file(path, &len);
			free(path);
			if (text && ds.n == 0)
				docs_add(&ds, de->d_name, text, len);
			else
				free(text);
		}
		closedir(dh);
	}
	if (ds.n == 1) {
		struct seed_ctx c = {&ds.v[0], 0};
		ok = load_jsonl(gp, on_seed_gold, &c) == 0;
	}
	free(dir);
	free(gp);
	if (!ok) {
		printf("seed: absent, skipping\n");
		docs_free(&ds);
		return false;
	}
	dump_set = "seed";
	if (verbose)
		printf("== seed\n");
	score_doc(&ds.v[0], &sc);
	finish("seed", &sc, r);
	printf("seed           %zu/%zu quotes found, %zu/%zu speakers right\n", sc.match, sc.gold,
	       sc.right, sc.named);
	docs_free(&ds);
	return true;
}

/* Write the achieved scores, rounded down to 3 decimals, as a baseline. */
static int record_baseline(const char *path, const struct result *r, size_t n)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		return 2;
	}
	fprintf(f, "# eval_quotes baseline: \"set.metric value\"; the achieved scores, rounded down.\n"
		   "# eval_quotes exits 1 when a score falls below its line here.\n"
		   "# Written by eval_quotes --record FILE.\n");
	for (size_t i = 0; i < n; i++) {
#define DOWN(x) (floor((x) * 1000 + 1e-9) / 1000)
		fprintf(f, "%s.quote_f1 %.3f\n%s.attr_p %.3f\n%s.attr_f1 %.3f\n", r[i].name,
			DOWN(r[i].qf), r[i].name, DOWN(r[i].ap), r[i].name, DOWN(r[i].af));
		if (r[i].has_role)
			fprintf(f, "%s.role_acc %.3f\n", r[i].name, DOWN(r[i].role));
#undef DOWN
	}
	return fclose(f) == 0 ? 0 : 2;
}

/* Compare with the baseline; lines "set.metric value". */
static int check_baseline(const char *path, const struct result *r, size_t n)
{
	size_t len;
	char *data = read_file(path, &len), *line, *save = NULL;
	int bad = 0;
	if (!data) {
		fprintf(stderr, "eval_quotes: no baseline %s\n", path);
		return 0;
	}
	for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char key[128], set[64], *dot;
		double want, got = -1;
		if (line[0] == '#' || sscanf(line, "%127s %lf", key, &want) != 2)
			continue;
		dot = strrchr(key, '.');
		if (!dot || (size_t)(dot - key) >= sizeof(set))
			continue;
		memcpy(set, key, (size_t)(dot - key));
		set[dot - key] = '\0';
		for (size_t i = 0; i < n; i++) {
			if (strcmp(r[i].name, set) != 0)
				continue;
			if (!strcmp(dot + 1, "quote_f1")) got = r[i].qf;
			else if (!strcmp(dot + 1, "quote_p")) got = r[i].qp;
			else if (!strcmp(dot + 1, "quote_r")) got = r[i].qr;
			else if (!strcmp(dot + 1, "attr_f1")) got = r[i].af;
			else if (!strcmp(dot + 1, "attr_p")) got = r[i].ap;
			else if (!strcmp(dot + 1, "attr_r")) got = r[i].ar;
			else if (!strcmp(dot + 1, "role_acc")) got = r[i].role;
		}
		if (got < 0)
			continue;
		if (got + 1e-9 < want) {
			printf("REGRESSION %s: %.4f < baseline %.4f\n", key, got, want);
			bad = 1;
		}
	}
	free(data);
	return bad;
}

int main(int argc, char **argv)
{
	const char *shared = NULL, *own[4], *baseline = NULL, *only = NULL, *record = NULL;
	size_t nown = 0;
	static const char *const sets[] = {"polnear-train", "polnear-dev", "news-dev", NULL};
	struct result r[8];
	size_t nr = 0;
	struct stat st;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--shared") && i + 1 < argc)
			shared = argv[++i];
		else if (!strcmp(argv[i], "--own") && i + 1 < argc && nown < 4)
			own[nown++] = argv[++i];
		else if (!strcmp(argv[i], "--baseline") && i + 1 < argc)
			baseline = argv[++i];
		else if (!strcmp(argv[i], "--record") && i + 1 < argc)
			record = argv[++i];
		else if (!strcmp(argv[i], "--set") && i + 1 < argc)
			only = argv[++i];
		else if (!strcmp(argv[i], "--dump") && i + 1 < argc) {
			if (!(dump = fopen(argv[++i], "w"))) {
				perror(argv[i]);
				return 2;
			}
		} else if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else {
			fprintf(stderr, "usage: eval_quotes --shared DIR [--own DIR]... --baseline FILE [-v]\n"
					"                   [--set NAME] [--dump FILE] [--record FILE]\n");
			return 2;
		}
	}
	for (size_t i = 0; i < nown; i++) {
		/* the set is named after its directory: tests/eval/own2 is "own2" */
		const char *slash = strrchr(own[i], '/');
		const char *name = slash && slash[1] ? slash + 1 : own[i];
		if ((!only || !strcmp(only, name)) && run_own(own[i], name, &r[nr]))
			nr++;
	}
	if (!shared || stat(shared, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("eval_quotes: %s absent, skipping its sets\n", shared ? shared : "shared dir");
		shared = NULL;
	}
	for (size_t i = 0; shared && sets[i]; i++)
		if ((!only || !strcmp(only, sets[i])) && run_set(shared, sets[i], &r[nr]))
			nr++;
	if (shared && (!only || !strcmp(only, "seed")) && run_seed(shared, &r[nr]))
		nr++;
	if (nr == 0) {
		printf("eval_quotes: no evaluation material under %s, skipping\n", shared);
		return 77;
	}
	if (dump)
		fclose(dump);
	if (record)
		return record_baseline(record, r, nr);
	return baseline ? check_baseline(baseline, r, nr) : 0;
}
