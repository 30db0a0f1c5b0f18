/* The quote extractor's entry point: run the passes (tokens, spans,
 * sentences, mentions, attribution) over one document and turn the
 * attributed spans into struct quote records. */
#include "quote_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quoted/util.h"

#define QX_TEASER_WORDS 40 /* longest headline, in tokens */

#ifndef QX_SCARE_WORDS
#define QX_SCARE_WORDS 0
#endif

static void quote_list_free_items(struct quote_list *l);

static char *qx_span_text(const struct qx_doc *d, size_t a, size_t b)
{
	if (a == QX_NONE || b == QX_NONE || b <= a)
		return NULL;
	return xstrndup(d->text + d->tok[a].s, d->tok[b - 1].e - d->tok[a].s);
}

static bool qx_is_det_tok(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD &&
	       (qx_word_is(d->text, t, "the") || qx_word_is(d->text, t, "a") ||
		qx_word_is(d->text, t, "an") || qx_word_is(d->text, t, "one") ||
		qx_word_is(d->text, t, "another"));
}

static bool qx_prev_word(const struct qx_doc *d, size_t k, const char *w)
{
	return k > d->para[d->tok[k].para].t0 && d->tok[k - 1].kind == QK_WORD &&
	       qx_word_is(d->text, &d->tok[k - 1], w);
}

/* Every word capitalised but the small ones: "Meet the Press". */
static bool qx_title_case(const struct qx_doc *d, const struct qx_span *sp)
{
	static const char *const small[] = {"a", "an", "the", "of", "and", "or", "for", "to", "in",
					    "on", "at", "by", "with", "from", NULL};
	bool first = true;
	for (size_t k = sp->t0; k < sp->t1; k++) {
		const struct qx_tok *t = &d->tok[k];
		bool sm = false;
		if (t->kind != QK_WORD || (t->flags & QF_POSS))
			continue;
		for (size_t i = 0; small[i] && !first; i++)
			sm = sm || qx_word_is(d->text, t, small[i]);
		if (!sm && !(t->flags & (QF_CAP | QF_UPPER)))
			return false;
		first = false;
	}
	return !first;
}

/* "statistics show", "polls show", "to play": the verb, not the noun of a
 * title ("the show", "reality show").  k is the word before the quotation. */
static bool qx_work_is_verb(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *p;
	if (!(qx_word_is(d->text, &d->tok[k], "show") || qx_word_is(d->text, &d->tok[k], "play")) ||
	    k == d->para[d->tok[k].para].t0)
		return false;
	p = &d->tok[k - 1];
	if (p->kind != QK_WORD || !(p->flags & QF_LOWER))
		return false;
	if (qx_tok_is(p, QL_AUX) || qx_word_is(d->text, p, "to"))
		return true;
	/* a plural subject: "figures show" */
	return qx_tlen(p) > 3 && d->text[p->e - 1] == 's' && d->text[p->e - 2] != 's' &&
	       !qx_tok_is(p, QL_STOP);
}

/* Is the word before token k a noun that names a work ("the film", "his
 * podcast", "the slogan"), not a verb ("figures show")? */
static bool qx_work_before(const struct qx_doc *d, size_t k)
{
	static const char *const works[] = {
		"film", "movie", "book", "novel", "song", "album", "show", "series",
		"play", "poem", "titled", "entitled", "hashtag", "slogan", "program",
		"programme", "documentary", "episode", "single", "memoir", "column",
		"headline", "word", "words", "phrase", "term", "label", "nickname", "podcast",
		"blog", "newsletter", "essay", "motto", "tagline", "catchphrase", "initiative",
		"operation", NULL,
	};
	for (size_t i = 0; works[i]; i++)
		if (qx_prev_word(d, k, works[i]))
			return !qx_work_is_verb(d, k - 1);
	return false;
}

/* Scare quotes and titles: a short quoted term after "so-called", or a
 * capitalised title after "the film", "the book"... is nobody's speech. */
static bool qx_is_scare(const struct qx_doc *d, const struct qx_span *sp)
{
	size_t words = 0, caps = 0, lo = d->para[sp->para].t0;
	for (size_t k = sp->t0; k < sp->t1; k++) {
		if (d->tok[k].kind == QK_WORD || d->tok[k].kind == QK_NUM) {
			words++;
			if (d->tok[k].flags & (QF_CAP | QF_UPPER))
				caps++;
		}
	}
	if (words <= 6 && words > 0 && qx_title_case(d, sp) && sp->open > lo) {
		const struct qx_tok *pv = &d->tok[sp->open - 1];
		/* a title in title case after an outlet or a preposition: NBC's
		 * "Meet the Press", on "Fox and Friends", In "The Long Corridor",
		 * she writes */
		if ((pv->flags & QF_POSS) || qx_prev_word(d, sp->open, "on") ||
		    (qx_prev_word(d, sp->open, "in") && words >= 2) ||
		    qx_prev_word(d, sp->open, "titled") || qx_prev_word(d, sp->open, "entitled"))
			return true;
		/* "his weekly radio show, "Generations with Kevin Swanson,"" */
		if (sp->open > lo + 1 && pv->kind == QK_PUNCT && pv->c == ',' &&
		    qx_work_before(d, sp->open - 1))
			return true;
	}
	if (words > 4)
		return false;
	if (qx_prev_word(d, sp->open, "so-called") || qx_prev_word(d, sp->open, "dubbed"))
		return true;
	return qx_work_before(d, sp->open) && (caps == words || words <= 2);
}

static void qx_fill(const struct qx_doc *d, size_t i, struct quote *q)
{
	const struct qx_span *sp = &d->span[i];
	const struct qx_attr *a = &d->attr[i];
	const struct qx_mention *m = a->mention != QX_NONE ? &d->men[a->mention] : NULL;
	const struct qx_entity *e = a->entity != QX_NONE ? &d->ent[a->entity] : NULL;

	memset(q, 0, sizeof(*q));
	q->start = sp->s;
	q->end = sp->e;
	q->text = xstrndup(d->text + sp->s, sp->e - sp->s);
	q->paragraph = sp->para;
	q->partial = a->partial;
	for (size_t k = sp->t0; k < sp->t1; k++) {
		if (d->tok[k].kind == QK_WORD || d->tok[k].kind == QK_NUM) {
			if (d->tok[k].flags & QF_LOWER)
				q->partial = true;
			break;
		}
	}
	if (!a->set || qx_is_scare(d, sp))
		return;
	/* a title-case term found by a weak rule is a title, not speech */
	if (a->cue == QX_NONE && strcmp(a->rule, "dash_source") != 0 && strcmp(a->rule, "colon_intro") != 0 &&
	    strcmp(a->rule, "name_line") != 0 && qx_title_case(d, sp) && sp->t1 - sp->t0 >= 2)
		return;
	if (a->pron != QX_NONE || a->inherited)
		m = NULL;
	if (a->inherited && a->mention != QX_NONE && !e)
		m = &d->men[a->mention];
	if (e) {
		q->speaker = xstrdup(e->name);
		q->speaker_kind = e->kind == QX_ORG ? SPEAKER_ORGANIZATION : SPEAKER_PERSON;
	} else if (m && m->kind == QX_GROUP) {
		size_t t1 = m->n0 != QX_NONE ? m->n1 : m->r1;
		/* whom they speak for belongs to them: "officials in the Prime
		 * Minister's Office" */
		if (m->n0 == QX_NONE && m->o0 != QX_NONE && m->o0 >= t1 && m->o1 <= m->t1)
			t1 = m->o1;
		q->speaker = qx_span_text(d, m->t0, t1);
		q->speaker_kind = SPEAKER_GROUP;
	} else if (m && qx_nominal_names(d, a->mention)) {
		/* "a Clinton campaign spokesman", named by description only */
		size_t t0 = m->t0, t1 = m->r1;
		if (qx_is_det_tok(d, t0) && t0 + 1 < m->r1)
			t0++;
		/* whom the description ties the speaker to belongs to it: "a
		 * spokeswoman for the ministry", "an adviser to the governor" */
		if (m->o0 != QX_NONE && m->o0 >= m->r1 && m->o1 <= m->t1)
			t1 = m->o1;
		/* and so does how it is described: "a source close to the
		 * campaign" */
		if (m->q1 > t1 && m->q1 <= m->t1)
			t1 = m->q1;
		q->speaker = qx_span_text(d, t0, t1);
		q->speaker_kind = SPEAKER_PERSON;
	}
	/* "the diplomat" who is the ambassador named before: the role the
	 * person was given is the more precise one */
	bool general = m && m->role && e && e->role && e->kind == QX_PERSON &&
		       qx_role_in_class(e->role->value, m->role->value);
	if (m && m->role && m->kind != QX_ORG && !general) {
		q->role = xstrdup(m->role->value);
		q->role_stated = qx_span_text(d, m->r0, m->r1);
	} else if (e && e->role && e->kind == QX_PERSON) {
		q->role = xstrdup(e->role->value);
		q->role_stated = e->role_stated ? xstrdup(e->role_stated) : NULL;
	}
	if (e && e->kind == QX_ORG && e->desc && !q->role) {
		/* an organisation's role is what the text says it is */
		size_t n = strlen(e->desc);
		q->role = xmalloc(n + 1);
		qx_lower(e->desc, n, q->role, n + 1);
		q->role_stated = xstrdup(e->desc);
	}
	if (e && e->kind == QX_ORG)
		q->organization = xstrdup(e->name);
	else if (m && m->o0 != QX_NONE)
		q->organization = qx_span_text(d, m->o0, m->o1);
	else if (e && e->org)
		q->organization = xstrdup(e->org);
	if (m && m->country)
		q->country = xstrdup(m->country);
	else if (e && e->country)
		q->country = xstrdup(e->country);
	if (a->cue != QX_NONE)
		q->cue = qx_span_text(d, a->cue, a->cue + a->cue_n);
	q->rule = a->rule;
	q->confidence = q->speaker ? a->conf : 0.0;
}

/* Short quoted terms nobody is said to have said (scare quotes, titles,
 * slogans) are left out, as are spans without a letter (tweet ids). */
static bool qx_keep(const struct qx_doc *d, size_t i, const struct quote *q)
{
	const struct qx_span *sp = &d->span[i];
	size_t words = 0;
	bool letters = false;
	for (size_t k = sp->t0; k < sp->t1; k++) {
		if (d->tok[k].kind == QK_WORD) {
			words++;
			letters = true;
		} else if (d->tok[k].kind == QK_NUM) {
			words++;
		}
	}
	if (!letters)
		return false;
	/* a title, a slogan or a headline in title case that nobody is said
	 * to have said: "Meet the Press", "Make America Great Again" */
	if (!q->speaker && words >= 2 && qx_title_case(d, sp))
		return false;
	if (q->speaker || q->cue)
		return true;
	return words > QX_SCARE_WORDS;
}

/* Do the words of span a (case folded, punctuation ignored) occur in a
 * row inside span b? */
static bool qx_words_within(const struct qx_doc *d, const struct qx_span *a, const struct qx_span *b)
{
	size_t wa[QX_TEASER_WORDS], na = 0;
	for (size_t k = a->t0; k < a->t1; k++) {
		if (d->tok[k].kind != QK_WORD && d->tok[k].kind != QK_NUM)
			continue;
		if (na == QX_TEASER_WORDS)
			return false;
		wa[na++] = k;
	}
	if (!na)
		return false;
	for (size_t k = b->t0; k < b->t1; k++) {
		size_t j = k, m = 0;
		while (m < na && j < b->t1) {
			const struct qx_tok *x = &d->tok[wa[m]], *y = &d->tok[j];
			if (y->kind != QK_WORD && y->kind != QK_NUM) {
				j++;
				continue;
			}
			if (qx_tlen(x) != qx_tlen(y) ||
			    strncasecmp(d->text + x->s, d->text + y->s, qx_tlen(x)) != 0)
				break;
			m++;
			j++;
		}
		if (m == na)
			return true;
	}
	return false;
}

/* A headline (the document's first paragraph, a short line) that quotes
 * words the body quotes again is a teaser of that quotation: the body
 * holds it with its real attribution, so the teaser is not kept twice. */
static bool qx_is_teaser(const struct qx_doc *d, size_t i)
{
	const struct qx_span *sp = &d->span[i];
	if (sp->para != 0 || d->npara < 2 || d->para[0].t1 - d->para[0].t0 > QX_TEASER_WORDS)
		return false;
	for (size_t j = i + 1; j < d->nspan; j++)
		if (d->span[j].para > 0 && qx_words_within(d, sp, &d->span[j]))
			return true;
	return false;
}

static void qx_doc_free(struct qx_doc *d)
{
	for (size_t i = 0; i < d->nent; i++) {
		free(d->ent[i].name);
		free(d->ent[i].surname);
		free(d->ent[i].first);
		free(d->ent[i].role_stated);
		free(d->ent[i].org);
		free(d->ent[i].desc);
	}
	free(d->ent);
	free(d->tok);
	free(d->para);
	free(d->span);
	free(d->men);
	free(d->tok_men);
	free(d->attr);
}

int quotes_extract(const char *text, size_t len, struct quote_list *out)
{
	struct qx_doc d;

	if (!out)
		return -1;
	memset(out, 0, sizeof(*out));
	if (!text && len)
		return -1;
	memset(&d, 0, sizeof(d));
	d.text = text ? text : "";
	d.len = len;
	qx_tokenize(&d);
	qx_classify(&d);
	qx_spans(&d);
	qx_sentences(&d);
	qx_mentions(&d);
	qx_attribute(&d);
	if (d.nspan) {
		out->v = xcalloc(d.nspan, sizeof(*out->v));
		out->cap = d.nspan;
		for (size_t i = 0; i < d.nspan; i++) {
			struct quote *q = &out->v[out->n];
			qx_fill(&d, i, q);
			if (qx_keep(&d, i, q) && !qx_is_teaser(&d, i)) {
				out->n++;
			} else {
				struct quote_list one = {q, 1, 1};
				quote_list_free_items(&one);
			}
		}
	}
	qx_doc_free(&d);
	return 0;
}

static void quote_list_free_items(struct quote_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct quote *q = &l->v[i];
		free(q->text);
		free(q->speaker);
		free(q->role);
		free(q->role_stated);
		free(q->organization);
		free(q->country);
		free(q->cue);
	}
}

void quote_list_free(struct quote_list *l)
{
	if (!l)
		return;
	quote_list_free_items(l);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const char *speaker_kind_name(enum speaker_kind k)
{
	switch (k) {
	case SPEAKER_PERSON: return "person";
	case SPEAKER_ORGANIZATION: return "organization";
	case SPEAKER_GROUP: return "group";
	default: return NULL;
	}
}
