/* The quote extractor's entry point: run the passes (tokens, spans,
 * sentences, mentions, attribution) over one document and turn the
 * attributed spans into struct quote records. */
#include "quote_internal.h"

#include <stdlib.h>
#include <string.h>

#include "quoted/util.h"

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

static bool qx_prev_word(const struct qx_doc *d, size_t k, const char *w)
{
	return k > d->para[d->tok[k].para].t0 && d->tok[k - 1].kind == QK_WORD &&
	       qx_word_is(d->text, &d->tok[k - 1], w);
}

/* Scare quotes and titles: a short quoted term after "so-called", or a
 * capitalised title after "the film", "the book"... is nobody's speech. */
static bool qx_is_scare(const struct qx_doc *d, const struct qx_span *sp)
{
	static const char *const works[] = {
		"film", "movie", "book", "novel", "song", "album", "show", "series",
		"play", "poem", "titled", "entitled", "hashtag", "slogan", "program",
		"programme", "documentary", "episode", "single", "memoir", "column",
		"headline", "word", "words", "phrase", "term", "label", "nickname", NULL,
	};
	size_t words = 0, caps = 0;
	for (size_t k = sp->t0; k < sp->t1; k++) {
		if (d->tok[k].kind == QK_WORD || d->tok[k].kind == QK_NUM) {
			words++;
			if (d->tok[k].flags & (QF_CAP | QF_UPPER))
				caps++;
		}
	}
	if (words > 4)
		return false;
	if (qx_prev_word(d, sp->open, "so-called") || qx_prev_word(d, sp->open, "dubbed"))
		return true;
	for (size_t i = 0; works[i]; i++)
		if (qx_prev_word(d, sp->open, works[i]))
			return caps == words || words <= 2;
	return false;
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
	if (a->pron != QX_NONE || a->inherited)
		m = NULL;
	if (a->inherited && a->mention != QX_NONE && !e)
		m = &d->men[a->mention];
	if (e) {
		q->speaker = xstrdup(e->name);
		q->speaker_kind = e->kind == QX_ORG ? SPEAKER_ORGANIZATION : SPEAKER_PERSON;
	} else if (m && m->kind == QX_GROUP) {
		q->speaker = qx_span_text(d, m->t0, m->n0 != QX_NONE ? m->n1 : m->r1);
		q->speaker_kind = SPEAKER_GROUP;
	}
	if (m && m->role && m->kind != QX_ORG) {
		q->role = xstrdup(m->role->value);
		q->role_stated = qx_span_text(d, m->r0, m->r1);
	} else if (e && e->role && e->kind == QX_PERSON) {
		q->role = xstrdup(e->role->value);
		q->role_stated = e->role_stated ? xstrdup(e->role_stated) : NULL;
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
	if (q->speaker || q->cue)
		return true;
	return words > QX_SCARE_WORDS;
}

static void qx_doc_free(struct qx_doc *d)
{
	for (size_t i = 0; i < d->nent; i++) {
		free(d->ent[i].name);
		free(d->ent[i].surname);
		free(d->ent[i].first);
		free(d->ent[i].role_stated);
		free(d->ent[i].org);
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
			if (qx_keep(&d, i, q)) {
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
