/* Quotation spans.  Each paragraph is scanned twice, once per family of
 * marks (double: " “ ” „ « »; single: ' ‘ ’), with the direction of every
 * mark read from its neighbours so that apostrophes (don’t, the ’90s,
 * Clinton’s, rock ’n’ roll) are not taken for quotation marks.  Where spans
 * of the two families overlap, the outer one wins (British style puts double
 * marks inside single ones, American style the reverse).  A span never
 * leaves its paragraph: an unclosed double quotation runs to the end of the
 * paragraph and, if the next paragraph opens with a mark, continues there as
 * a new span, so unbalanced marks cannot swallow the document. */
#include "quote_internal.h"

#include <stdlib.h>
#include <string.h>

#include "quoted/util.h"

struct qx_cand {
	size_t open, close; /* close QX_NONE: runs to the paragraph end */
	int fam;
};

struct qx_cands {
	struct qx_cand *v;
	size_t n, cap;
};

static void qx_cand_push(struct qx_cands *c, size_t open, size_t close, int fam)
{
	if (c->n == c->cap)
		xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof(*c->v));
	c->v[c->n].open = open;
	c->v[c->n].close = close;
	c->v[c->n].fam = fam;
	c->n++;
}

static bool qx_is_open_punct(const struct qx_tok *t)
{
	return t->kind == QK_PUNCT && (t->c == '(' || t->c == '[' || t->c == '{' ||
				       t->c == '-' || t->c == '/' || t->c == ':' ||
				       (unsigned char)t->c == 0xE2);
}

static bool qx_is_close_punct(const struct qx_tok *t)
{
	return t->kind == QK_PUNCT && (t->c == ',' || t->c == '.' || t->c == ';' ||
				       t->c == ':' || t->c == '!' || t->c == '?' ||
				       t->c == ')' || t->c == ']' || t->c == '}' ||
				       t->c == '-' || (unsigned char)t->c == 0xE2);
}

/* Read a mark's direction from its neighbours within paragraph [p0, p1). */
static int qx_mark_dir(const struct qx_doc *d, size_t k, size_t p0, size_t p1)
{
	const struct qx_tok *t = &d->tok[k];
	const struct qx_tok *pv = k > p0 ? &d->tok[k - 1] : NULL;
	const struct qx_tok *nx = k + 1 < p1 ? &d->tok[k + 1] : NULL;
	bool lopen = !pv || (t->flags & QF_SPACE) || qx_is_open_punct(pv) ||
		     (pv->kind == QK_QMARK);
	bool rclose = !nx || (nx->flags & QF_SPACE) || qx_is_close_punct(nx) ||
		      nx->kind == QK_QMARK;
	bool ralnum = nx && !(nx->flags & QF_SPACE) &&
		      (nx->kind == QK_WORD || nx->kind == QK_NUM);
	bool lalnum = pv && !(t->flags & QF_SPACE) && !qx_is_open_punct(pv) &&
		      pv->kind != QK_QMARK;

	if (t->mfam == QM_DOUBLE) {
		if (t->mdir == QD_OPEN)
			return (lalnum && rclose) ? QD_CLOSE : QD_OPEN;
		if (t->mdir == QD_CLOSE)
			return (lopen && ralnum && !lalnum) ? QD_OPEN : QD_CLOSE;
		if (lopen && !rclose)
			return QD_OPEN;
		if (rclose && !lopen)
			return QD_CLOSE;
		return QD_AMBIG;
	}
	/* single marks; the second mark of ’n’ is an apostrophe */
	if (pv && k >= p0 + 2 && qx_tlen(pv) == 1 && (*(d->text + pv->s) == 'n') &&
	    d->tok[k - 2].kind == QK_QMARK)
		return QD_APOS;
	if (t->mdir == QD_OPEN)
		return lalnum ? QD_APOS : QD_OPEN;
	/* ‘... told me, “My son ...,”’ she said: closing right after a
	 * closing double mark */
	if (pv && pv->kind == QK_QMARK && pv->mfam == QM_DOUBLE && !(t->flags & QF_SPACE) && rclose &&
	    nx && !(nx->kind == QK_QMARK && !(nx->flags & QF_SPACE)))
		return QD_CLOSE;
	if (lalnum && ralnum)
		return QD_APOS;
	if (lopen && ralnum) {
		const char *w = d->text + nx->s;
		size_t wn = qx_tlen(nx);
		if (nx->kind == QK_NUM)
			return QD_APOS;
		if (t->mdir == QD_CLOSE)
			return QD_APOS; /* ’em, ’til, ’n’ */
		if ((wn == 1 && (*w == 'n' || *w == 'N')) ||
		    (wn == 2 && memcmp(w, "em", 2) == 0) ||
		    (wn == 3 && memcmp(w, "til", 3) == 0) ||
		    (wn == 5 && memcmp(w, "cause", 5) == 0) ||
		    (wn == 3 && memcmp(w, "tis", 3) == 0))
			return QD_APOS;
		return QD_OPEN;
	}
	if (lalnum && rclose)
		return QD_CLOSE;
	return QD_APOS;
}

/* Markup left in the text (<tweet author="@x">, <a href="...">): the marks
 * inside a tag delimit attribute values and quote nobody.  Token k is a '<'
 * directly followed by a name or '/'; returns the token of the closing '>'
 * within a short reach of the paragraph, or QX_NONE when k opens no tag. */
static size_t qx_tag_end(const struct qx_doc *d, size_t k, size_t p1)
{
	const struct qx_tok *nx = k + 1 < p1 ? &d->tok[k + 1] : NULL;
	if (!nx || (nx->flags & QF_SPACE) ||
	    !(nx->kind == QK_WORD || (nx->kind == QK_PUNCT && nx->c == '/')))
		return QX_NONE;
	for (size_t j = k + 2; j < p1 && j < k + 64; j++) {
		if (d->tok[j].kind == QK_PUNCT && (d->tok[j].c == '>' || d->tok[j].c == '<'))
			return d->tok[j].c == '>' ? j : QX_NONE;
	}
	return QX_NONE;
}

/* A mark glued to '=' before it or '>' after it belongs to a tag that a
 * paragraph break cut in two. */
static bool qx_markup_mark(const struct qx_doc *d, size_t k, size_t p0, size_t p1)
{
	const struct qx_tok *t = &d->tok[k];
	if (k > p0 && !(t->flags & QF_SPACE) && d->tok[k - 1].kind == QK_PUNCT &&
	    d->tok[k - 1].c == '=')
		return true;
	return k + 1 < p1 && !(d->tok[k + 1].flags & QF_SPACE) &&
	       d->tok[k + 1].kind == QK_PUNCT && d->tok[k + 1].c == '>';
}

/* 'the price for the Tories' mistakes.': a single mark after a word in
 * -s, followed by a lower-case word, is a plural possessive when another
 * single mark closes later in the paragraph. */
static bool qx_plural_poss(const struct qx_doc *d, size_t k, size_t p0, size_t p1)
{
	const struct qx_tok *pv = k > p0 ? &d->tok[k - 1] : NULL;
	const struct qx_tok *nx = k + 1 < p1 ? &d->tok[k + 1] : NULL;
	if (!pv || !nx || pv->kind != QK_WORD || (d->tok[k].flags & QF_SPACE) ||
	    (d->text[pv->e - 1] != 's' && d->text[pv->e - 1] != 'S') || nx->kind != QK_WORD ||
	    !(nx->flags & QF_LOWER) || !(nx->flags & QF_SPACE))
		return false;
	for (size_t j = k + 1; j < p1; j++) {
		const struct qx_tok *t = &d->tok[j], *after = j + 1 < p1 ? &d->tok[j + 1] : NULL;
		if (t->kind != QK_QMARK || t->mfam != QM_SINGLE)
			continue;
		/* that later mark must close for sure: after punctuation
		 * (",’ said"), or not itself followed by a lower-case word
		 * ("‘a mess’ and left the Jones’ house") */
		return qx_mark_dir(d, j, p0, p1) == QD_CLOSE &&
		       (d->tok[j - 1].kind == QK_PUNCT ||
			!(after && after->kind == QK_WORD && (after->flags & QF_LOWER)));
	}
	return false;
}

/* Does the paragraph starting at token k open with a single mark glued to
 * a word, as a continued quotation does? */
static bool qx_next_para_opens_single(const struct qx_doc *d, size_t k)
{
	return k + 1 < d->ntok && (d->tok[k].flags & QF_PSTART) && d->tok[k].kind == QK_QMARK &&
	       d->tok[k].mfam == QM_SINGLE && !(d->tok[k + 1].flags & QF_SPACE) &&
	       (d->tok[k + 1].kind == QK_WORD || d->tok[k + 1].kind == QK_NUM);
}

/* Pair the marks of one family in paragraph [p0, p1). */
static void qx_pair_family(struct qx_doc *d, size_t p0, size_t p1, int fam,
			   struct qx_cands *out)
{
	size_t open = QX_NONE;
	for (size_t k = p0; k < p1; k++) {
		const struct qx_tok *t = &d->tok[k];
		int dir;
		if (t->kind == QK_PUNCT && t->c == '<') {
			size_t e = qx_tag_end(d, k, p1);
			if (e != QX_NONE)
				k = e;
			continue;
		}
		if (t->kind != QK_QMARK || t->mfam != fam || qx_markup_mark(d, k, p0, p1))
			continue;
		dir = qx_mark_dir(d, k, p0, p1);
		if (dir == QD_APOS)
			continue;
		if (open == QX_NONE) {
			if (dir == QD_OPEN || (dir == QD_AMBIG && fam == QM_DOUBLE))
				open = k;
			continue;
		}
		if (dir == QD_CLOSE && fam == QM_SINGLE && qx_plural_poss(d, k, p0, p1))
			continue;
		if (dir == QD_CLOSE || dir == QD_AMBIG) {
			qx_cand_push(out, open, k, fam);
			open = QX_NONE;
		} else if (fam == QM_DOUBLE) {
			/* a new opening mark: the previous quotation was never closed */
			qx_cand_push(out, open, k, -fam); /* unclosed, ends before k */
			open = k;
		} else {
			open = k; /* the earlier single mark was an apostrophe */
		}
	}
	if (open != QX_NONE) {
		/* single marks left open only count at the start of a paragraph,
		 * as in a British multi-paragraph quotation, or when the next
		 * paragraph opens with one ('Judge Ellory said: ‘You were
		 * trusted ... / ‘You exploited ...') */
		if (fam == QM_DOUBLE || open == p0 || qx_next_para_opens_single(d, p1))
			qx_cand_push(out, open, QX_NONE, fam);
	}
}

static bool qx_has_words(const struct qx_doc *d, size_t t0, size_t t1)
{
	for (size_t k = t0; k < t1; k++)
		if (d->tok[k].kind == QK_WORD || d->tok[k].kind == QK_NUM)
			return true;
	return false;
}

static void qx_span_add(struct qx_doc *d, size_t p, const struct qx_cand *c)
{
	const struct qx_para *pa = &d->para[p];
	size_t t1, s, e;
	bool closed = c->close != QX_NONE && c->fam > 0;
	struct qx_span *sp;

	t1 = c->close != QX_NONE ? c->close : pa->t1;
	if (!qx_has_words(d, c->open + 1, t1))
		return;
	s = d->tok[c->open].e;
	e = c->close != QX_NONE ? d->tok[c->close].s : pa->e;
	while (s < e && (d->text[s] == ' ' || d->text[s] == '\t'))
		s++;
	while (e > s && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t' ||
			 d->text[e - 1] == '\r'))
		e--;
	if (e <= s)
		return;
	if (d->nspan == d->cspan)
		xgrow((void **)&d->span, &d->cspan, d->nspan + 1, sizeof(*d->span));
	sp = &d->span[d->nspan];
	memset(sp, 0, sizeof(*sp));
	sp->s = s;
	sp->e = e;
	sp->open = c->open;
	sp->close = closed ? c->close : QX_NONE;
	sp->t0 = c->open + 1;
	sp->t1 = t1;
	sp->para = p;
	for (size_t k = c->open; k < (closed ? c->close + 1 : t1); k++) {
		d->tok[k].span = d->nspan;
		d->tok[k].flags |= QF_INQ;
	}
	if (c->close == QX_NONE && p + 1 < d->npara) {
		const struct qx_tok *f = &d->tok[d->para[p + 1].t0];
		if (f->kind == QK_QMARK && f->mfam == (c->fam < 0 ? -c->fam : c->fam))
			sp->cont_next = true;
	}
	if (c->open == pa->t0 && d->nspan > 0) {
		const struct qx_span *pv = &d->span[d->nspan - 1];
		if (pv->cont_next && pv->para + 1 == p)
			sp->cont_prev = true;
	}
	d->nspan++;
}

static size_t qx_cand_end(const struct qx_cand *c, size_t pend)
{
	return c->close != QX_NONE ? c->close : pend;
}

void qx_spans(struct qx_doc *d)
{
	struct qx_cands dbl = {0}, sgl = {0};

	for (size_t p = 0; p < d->npara; p++) {
		size_t p0 = d->para[p].t0, p1 = d->para[p].t1, i = 0, j = 0;
		dbl.n = sgl.n = 0;
		qx_pair_family(d, p0, p1, QM_DOUBLE, &dbl);
		qx_pair_family(d, p0, p1, QM_SINGLE, &sgl);
		/* merge the two sorted lists, the outer span winning overlaps */
		while (i < dbl.n || j < sgl.n) {
			struct qx_cand *a = i < dbl.n ? &dbl.v[i] : NULL;
			struct qx_cand *b = j < sgl.n ? &sgl.v[j] : NULL;
			if (a && b) {
				size_t ae = qx_cand_end(a, p1), be = qx_cand_end(b, p1);
				if (ae <= b->open) {
					qx_span_add(d, p, a);
					i++;
				} else if (be <= a->open) {
					qx_span_add(d, p, b);
					j++;
				} else if (b->open < a->open && be > ae) {
					i++; /* double inside single */
				} else {
					j++; /* single inside (or crossing) double */
				}
			} else if (a) {
				qx_span_add(d, p, a);
				i++;
			} else {
				qx_span_add(d, p, b);
				j++;
			}
		}
	}
	free(dbl.v);
	free(sgl.v);
}
