/* Mentions: one left-to-right pass finds the noun phrases that can speak —
 * people ("US attorney general Eric Holder", "Martin Sutherland, managing
 * director of BAE Systems"), organisations ("China’s Ministry of Foreign
 * Affairs", "the Kremlin"), groups ("the Chinese", "officials") and
 * nominals ("the spokesman", "the ministry") — with the role, organisation
 * and country they carry.  A second pass merges the people and
 * organisations of one article into entities ("Holder", "Mr Holder" and
 * "Eric Holder"), so a role stated once carries to later mentions. */
#include "quote_internal.h"

#include <stdlib.h>
#include <string.h>

#include "quoted/util.h"

#define QX_NP_MAX 16

static bool qx_det(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && qx_tok_is(t, QL_DET);
}

/* Does the word at k end in `suffix` (and is longer)? */
static bool qx_ends_in(const struct qx_doc *d, size_t k, const char *suffix)
{
	size_t n = qx_tlen(&d->tok[k]), m = strlen(suffix);
	return n > m + 1 && memcmp(d->text + d->tok[k].e - m, suffix, m) == 0;
}

/* "1st", "2nd", "3rd", "4th" */
static bool qx_is_ordinal(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	const char *w = d->text + t->s;
	size_t n = qx_tlen(t);
	if (t->kind != QK_NUM || n < 3 || n > 4 || (t->flags & QF_INQ))
		return false;
	for (size_t i = 0; i + 2 < n; i++)
		if (w[i] < '0' || w[i] > '9')
			return false;
	return !memcmp(w + n - 2, "st", 2) || !memcmp(w + n - 2, "nd", 2) ||
	       !memcmp(w + n - 2, "rd", 2) || !memcmp(w + n - 2, "th", 2);
}

static bool qx_free_word(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return (t->kind == QK_WORD || t->kind == QK_NUM) && !(t->flags & QF_INQ);
}

/* A capitalised word that can belong to a name. */
static bool qx_capword(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	if (t->kind != QK_WORD || (t->flags & (QF_INQ | QF_POSS)))
		return false;
	if (t->flags & QF_INITIAL)
		return true;
	/* an initial written without its period: "A K Antony" */
	if (qx_tlen(t) == 1 && (t->flags & QF_CAP) && !(t->flags & QF_SSTART) && k + 1 < d->ntok &&
	    d->tok[k + 1].kind == QK_WORD && (d->tok[k + 1].flags & QF_CAP) &&
	    d->tok[k + 1].para == t->para && !(d->tok[k + 1].flags & QF_INQ))
		return true;
	if (!(t->flags & (QF_CAP | QF_UPPER)))
		return false;
	if (t->flags & QF_UPPER)
		return qx_tlen(t) > 1 || !qx_tok_is(t, QL_STOP);
	/* "4 June 2018", "May 21": a date, not a name */
	if ((qx_word_is(d->text, t, "may") || qx_word_is(d->text, t, "june") ||
	     qx_word_is(d->text, t, "april")) &&
	    ((k > 0 && d->tok[k - 1].kind == QK_NUM) ||
	     (k + 1 < d->ntok && d->tok[k + 1].kind == QK_NUM)))
		return false;
	/* "a Trump-style retort", "the GOP-led panel": a compound adjective
	 * before a common noun, not a name ("Ban Ki-moon" is one; so is
	 * "Texas-based Matt ..." or "Los Angeles-based ..." taken whole) */
	{
		static const char *const sfx[] = {"style", "era", "led", "based", "born", "backed",
						  "owned", "run", "funded", "linked", "like",
						  "type", "friendly", "leaning", "controlled",
						  "allied", "aligned", "sponsored", "inspired",
						  "affiliated", "appointed", "dominated", NULL};
		const char *w = d->text + t->s, *h = NULL;
		const struct qx_tok *nx = k + 1 < d->ntok ? &d->tok[k + 1] : NULL;
		if (nx && nx->kind == QK_WORD && (nx->flags & QF_LOWER) && qx_tlen(t) > 4 &&
		    !(k > 0 && d->tok[k - 1].kind == QK_WORD && (d->tok[k - 1].flags & QF_CAP) &&
		      d->tok[k - 1].para == t->para) &&
		    (h = memrchr(w, '-', qx_tlen(t))) && h > w) {
			size_t n = (size_t)(d->text + t->e - h - 1);
			for (size_t i = 0; sfx[i]; i++)
				if (strlen(sfx[i]) == n && memcmp(h + 1, sfx[i], n) == 0)
					return false;
		}
	}
	if ((t->flags & QF_SSTART) && qx_tlen(t) > 3) {
		const char *w = d->text + t->e;
		const struct qx_tok *nx = k + 1 < d->ntok && d->tok[k + 1].para == t->para ? &d->tok[k + 1] : NULL;
		/* "Kelly said", "Reilly told": a name before a verb of saying */
		size_t n;
		unsigned fl;
		bool cue_next = nx && nx->kind == QK_WORD && (nx->flags & QF_LOWER) &&
				qx_tok_is(nx, QL_CUE1) && !qx_tok_is(nx, QL_STOP) &&
				qx_is_cue(d, k + 1, d->para[t->para].t1, &n, &fl) &&
				!(fl & QC_PREP);
		/* "Recalling ...", "Clearly ...": not names ("Carly Fiorina",
		 * "Irving Berlin" are) */
		if (qx_tlen(t) > 4 && !cue_next &&
		    (memcmp(w - 3, "ing", 3) == 0 || memcmp(w - 2, "ly", 2) == 0) &&
		    !(nx && (nx->flags & QF_CAP) && qx_is_given_name(d->text + t->s, qx_tlen(t))))
			return false;
		/* "Reached by phone, X said", "Pressed on the point, X ...": a
		 * participle opening the sentence */
		if (memcmp(w - 2, "ed", 2) == 0 && nx && nx->kind == QK_WORD &&
		    (nx->flags & QF_LOWER) && qx_tok_is(nx, QL_STOP))
			return false;
		/* "Said Dorothy Poynter, ...": an inverted cue, not a first name */
		if (qx_tok_is(t, QL_CUE1) && nx && (nx->flags & QF_CAP) &&
		    qx_lex_match(QX_CUES, d->text, d->tok, k, k + 1, &n) && n == 1 &&
		    (memcmp(w - 2, "ed", 2) == 0 || w[-1] == 's' || memcmp(w - 3, "aid", 3) == 0))
			return false;
	}
	/* "George Will", "Will wrote", '"...," From said' (Al From): a
	 * function word is never capitalised inside a sentence, so there it
	 * is a name, for "will" anywhere and for others before a cue */
	if ((t->flags & QF_CAP) && !(t->flags & QF_SSTART) &&
	    !(k > 0 && d->tok[k - 1].kind == QK_QMARK &&
	      /* '"...," Will wrote': the sentence goes on after the comma */
	      !(k > 1 && qx_punct_is(&d->tok[k - 2], ',')))) {
		size_t cn;
		unsigned cf;
		if (qx_word_is(d->text, t, "will"))
			return true;
		static const char *const not_names[] = {
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"january", "february", "march", "april", "june", "july", "august", "september",
			"october", "november", "december", "that", "this", "these", "those", "then", NULL};
		int g;
		if (qx_tok_is(t, QL_STOP) && qx_tlen(t) > 2 && !qx_word_in_list(d->text, t, not_names) &&
		    !qx_is_pronoun(d, k, &g) &&
		    k + 1 < d->ntok && d->tok[k + 1].para == t->para &&
		    qx_is_cue(d, k + 1, d->para[t->para].t1, &cn, &cf) && !(cf & (QC_PREP | QC_WEAK)))
			return true;
	}
	return !qx_tok_is(t, QL_STOP);
}

static bool qx_lowname(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	const char *w = d->text + t->s;
	return t->kind == QK_WORD && !(t->flags & QF_INQ) && qx_tlen(t) > 3 &&
	       (memcmp(w, "al-", 3) == 0 || memcmp(w, "el-", 3) == 0);
}

static bool qx_is_poss(const struct qx_doc *d, size_t k, size_t lim)
{
	const struct qx_tok *t = k < lim ? &d->tok[k] : NULL, *p;
	if (!t || (t->flags & QF_INQ))
		return false;
	if (t->flags & QF_POSS)
		return true;
	/* "Sanders’ campaign": a single mark glued to a name in -s, a space
	 * after it, and no quotation made of it */
	if (t->kind != QK_QMARK || t->mfam != QM_SINGLE || (t->flags & QF_SPACE) || k == 0 ||
	    k + 1 >= lim || !(d->tok[k + 1].flags & QF_SPACE))
		return false;
	p = &d->tok[k - 1];
	return p->kind == QK_WORD && (p->flags & QF_CAP) &&
	       (d->text[p->e - 1] == 's' || d->text[p->e - 1] == 'S');
}

/* Is t a lone apostrophe, ' or ’? */
static bool qx_is_apostrophe(const struct qx_doc *d, const struct qx_tok *t)
{
	return (t->e - t->s == 1 && d->text[t->s] == '\'') ||
	       (t->e - t->s == 3 && memcmp(d->text + t->s, "\xe2\x80\x99", 3) == 0);
}

/* A plural's apostrophe at k, glued to a word in -s and followed by a
 * space: "the teachers' union". */
static bool qx_plural_mark(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k], *p = &d->tok[k - 1];
	return t->kind == QK_QMARK && t->mfam == QM_SINGLE && !(t->flags & (QF_SPACE | QF_INQ)) &&
	       p->kind == QK_WORD && d->text[p->e - 1] == 's' && k + 1 < d->ntok &&
	       (d->tok[k + 1].flags & QF_SPACE);
}

struct qx_run {
	size_t s, e;
	bool org; /* holds an organisation head word */
};

static bool qx_run_is_org(const struct qx_doc *d, size_t s, size_t e, bool after_det)
{
	for (size_t k = s; k < e; k++) {
		const struct qx_tok *t = &d->tok[k];
		size_t n;
		if (qx_tok_is(t, QL_ORGWORD) && (t->flags & (QF_CAP | QF_UPPER)))
			return true;
		if ((t->flags & QF_UPPER) && qx_tlen(t) >= 2 &&
		    !qx_lex_match(QX_COUNTRIES, d->text, d->tok, k, k + 1, &n) &&
		    !qx_lex_match(QX_ROLES, d->text, d->tok, k, k + 1, &n))
			return true;
	}
	if (e - s <= 2) {
		char buf[64];
		size_t n = d->tok[e - 1].e - d->tok[s].s;
		if (n < sizeof(buf) && qx_lower(d->text + d->tok[s].s, n, buf, sizeof(buf)) &&
		    qx_is_org_singleton(buf, n))
			return true;
	}
	return after_det && e - s <= 3;
}

/* Extend a capitalised run from k: names, initials, particles, and inside
 * organisation names "of", "for", "and", "the", "&". */
static size_t qx_scan_run(const struct qx_doc *d, size_t k, size_t lim)
{
	size_t e = k, n = 0;
	bool org = false;
	while (e < lim && n < QX_NP_MAX) {
		const struct qx_tok *t = &d->tok[e];
		if (qx_capword(d, e) || (e > k && qx_lowname(d, e))) {
			size_t rn;
			const struct qx_entry *r;
			/* a role word ends the run if a name follows: "Foreign
			 * Minister Wang Yi"; otherwise it is part of the name */
			r = qx_lex_match(QX_ROLES, d->text, d->tok, e, lim, &rn);
			if (r && e > k && (d->tok[e - 1].flags & QF_LOWER))
				r = NULL; /* "Ministry of Foreign Affairs" */
			if (r && e > k && !(r->flags & QR_HONORIFIC)) {
				/* "Farmers Association", "Teachers Union": an
				 * organisation's word after it keeps the run */
				bool name_after = e + rn < lim && qx_capword(d, e + rn) &&
						  !qx_tok_is(&d->tok[e + rn], QL_ORGWORD);
				if (name_after || org || (d->tok[e].flags & QF_UPPER) || rn > 1)
					break;
			}
			if (r && e > k && (r->flags & (QR_HONORIFIC | QR_POSTNOM)))
				break;
			if (qx_tok_is(t, QL_ORGWORD))
				org = true;
			e++;
			n++;
			continue;
		}
		if (e > k && e + 1 < lim && t->kind == QK_WORD && !(t->flags & QF_INQ)) {
			bool link = qx_tok_is(t, QL_PARTICLE) && (t->flags & QF_LOWER);
			if (org && (qx_word_is(d->text, t, "of") || qx_word_is(d->text, t, "for") ||
				    qx_word_is(d->text, t, "and") || qx_word_is(d->text, t, "on")))
				link = true;
			if (link) {
				size_t j = e + 1;
				while (j < lim && j < e + 3 && d->tok[j].kind == QK_WORD &&
				       (d->tok[j].flags & QF_LOWER) &&
				       (qx_word_is(d->text, &d->tok[j], "the") ||
					qx_tok_is(&d->tok[j], QL_PARTICLE)))
					j++;
				if (j < lim && qx_capword(d, j)) {
					e = j;
					continue;
				}
			}
		}
		if (e > k && t->kind == QK_PUNCT && t->c == '&' && e + 1 < lim && qx_capword(d, e + 1)) {
			e++;
			continue;
		}
		/* "the Calverley Line Users’ Group": a plural possessive
		 * inside an organisation's name ("Reuters’ Luciana Lopez" is
		 * two names) */
		if (e > k && e + 1 < lim && d->text[d->tok[e - 1].e - 1] == 's' &&
		    qx_capword(d, e + 1) && qx_tok_is(&d->tok[e + 1], QL_ORGWORD) && qx_is_apostrophe(d, t)) {
			e++;
			continue;
		}
		/* "the Prime Minister's Office", "the King's Fund", "King's
		 * College London": a singular possessive followed at once by a
		 * word naming an organisation in general, or by an
		 * organisation's word more of the name follows ("China's
		 * Foreign Ministry" is a country's ministry, "Bush's Facebook
		 * post" his post) */
		if (e > k && e + 1 < lim && (t->flags & QF_POSS) && qx_capword(d, e + 1) &&
		    qx_tok_is(&d->tok[e + 1], QL_ORGWORD) &&
		    (qx_tok_is(&d->tok[e + 1], QL_ORGNOUN) || (e + 2 < lim && qx_capword(d, e + 2)))) {
			e++;
			continue;
		}
		break;
	}
	return e;
}

static bool qx_is_prep(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && !(t->flags & QF_INQ) &&
	       (qx_word_is(d->text, t, "of") || qx_word_is(d->text, t, "at") ||
		qx_word_is(d->text, t, "for") || qx_word_is(d->text, t, "with") ||
		qx_word_is(d->text, t, "from") || qx_word_is(d->text, t, "in") ||
		qx_word_is(d->text, t, "to"));
}

static bool qx_is_orgnoun_tok(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && !(t->flags & QF_INQ) && (t->flags & QF_LOWER) &&
	       qx_tok_is(t, QL_ORGNOUN);
}

/* An organisation noun at j and a capitalised name right after it. */
static bool qx_desc_then_name(const struct qx_doc *d, size_t j, size_t lim)
{
	return j + 1 < lim && qx_is_orgnoun_tok(d, j) && qx_capword(d, j + 1);
}

/* An organisation noun that names a body rather than a document: "the
 * Sanders campaign", "Rubio's campaign", "the Obama administration". */
static bool qx_is_body_noun(const struct qx_doc *d, size_t k)
{
	static const char *const docs[] = {"statement", "report", "study", "survey", "poll",
					   "letter", "filing", "complaint", "lawsuit", "indictment",
					   "ruling", "document", "memo", NULL};
	return qx_is_orgnoun_tok(d, k) && !qx_word_in_list(d->text, &d->tok[k], docs);
}

/* A capitalised title runs on into the name it precedes: "Deputy
 * Secretary of the Treasury Sigal Mandelker".  When the run [j, e) after
 * the title's "of" opens with an organisation ("the Treasury", "the Labour
 * Party") and ends in two or three capitalised words that are no part of
 * one, those words are the person; returns where they start, or e.  A
 * place ("Salt Lake City") or "Bank of New York" is not split: the part
 * kept must read as an organisation and the name must follow it directly,
 * not a particle. */
static size_t qx_title_name_split(const struct qx_doc *d, size_t j, size_t e)
{
	size_t ns, n;
	if (e < j + 3)
		return e;
	ns = e - 2;
	if ((d->tok[ns].flags & QF_INITIAL) && ns > j + 1)
		ns--; /* "Harry M. Reid" */
	for (size_t k = ns; k < e; k++) {
		const struct qx_tok *t = &d->tok[k];
		if (t->kind != QK_WORD || !(t->flags & QF_CAP) || (t->flags & QF_UPPER) ||
		    (t->flags & QF_INQ) || qx_tok_is(t, QL_ORGWORD | QL_STOP) ||
		    ((t->flags & QF_ABBR) && !(t->flags & QF_INITIAL)) ||
		    qx_lex_match(QX_COUNTRIES, d->text, d->tok, k, e, &n) ||
		    qx_lex_match(QX_ROLES, d->text, d->tok, k, e, &n))
			return e;
	}
	if (!(d->tok[ns - 1].flags & (QF_CAP | QF_UPPER)) || !qx_capword(d, ns - 1) ||
	    !qx_run_is_org(d, j, ns, false))
		return e;
	return ns;
}

/* A lower-case word that can only be a noun or adjective here: not a
 * stop word, determiner, auxiliary, cue, possessive or quotation. */
static bool qx_plain_noun(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && (t->flags & QF_LOWER) && !(t->flags & (QF_INQ | QF_POSS)) &&
	       !qx_tok_is(t, QL_STOP | QL_DET | QL_AUX | QL_CUE1);
}

/* Does a role start within `reach` plain nouns after k ("infectious
 * disease specialist" from "infectious")? */
static bool qx_role_within(const struct qx_doc *d, size_t k, size_t lim, size_t reach)
{
	size_t n;
	if (!qx_plain_noun(d, k))
		return false;
	for (size_t j = k + 1; j < lim && j <= k + reach; j++) {
		const struct qx_entry *r;
		/* "opposition MP": a role written in capitals after the name
		 * elsewhere is still the head here */
		if (qx_free_word(d, j) && (d->tok[j].flags & (QF_LOWER | QF_UPPER)) &&
		    (r = qx_lex_match(QX_ROLES, d->text, d->tok, j, lim, &n)) &&
		    ((d->tok[j].flags & QF_LOWER) || (r->flags & QR_POSTNOM)))
			return true;
		if (!qx_plain_noun(d, j))
			return false;
	}
	return false;
}

/* A sentence that opens with an organisation noun and names the body
 * after a comma: "The operators' association, Deltaport Employers, said".
 * The run [i, e) is then the organisation. */
static bool qx_org_appositive(const struct qx_doc *d, size_t i, size_t e, size_t lim)
{
	size_t j;
	if (i < 3 || e >= lim || d->tok[e].kind != QK_PUNCT || d->tok[e].c != ',' ||
	    d->tok[i - 1].kind != QK_PUNCT || d->tok[i - 1].c != ',' || !qx_is_orgnoun_tok(d, i - 2) ||
	    (d->tok[i - 2].flags & QF_POSS))
		return false;
	for (j = i - 3; j + 6 > i; j--) {
		const struct qx_tok *t = &d->tok[j];
		/* "The operators' association": the apostrophe of a plural */
		if ((t->kind != QK_WORD || (t->flags & QF_INQ)) && !qx_is_apostrophe(d, t))
			return false;
		if (t->flags & QF_SSTART)
			return qx_tok_is(t, QL_DET);
		if (j == 0)
			return false;
	}
	return false;
}

/* A role's qualifier the mention did not take in, up to a comma: "for the
 * bureau," after "A spokeswoman", "observation," after "The agency's
 * director of Earth". Returns the comma's index, or m->t1 when the words
 * up to the next comma are no such qualifier. */
static size_t qx_qualifier_to_comma(const struct qx_doc *d, const struct qx_mention *m, size_t lim)
{
	static const char *const preps[] = {"for", "of", "at", "on", "in", "with", NULL};
	size_t k = m->t1;
	bool tail = m->r1 < m->t1 || m->o0 != QX_NONE;
	if (k >= lim || d->tok[k].kind != QK_WORD || (d->tok[k].flags & QF_INQ) ||
	    !(qx_word_in_list(d->text, &d->tok[k], preps) || (tail && (d->tok[k].flags & QF_LOWER))))
		return m->t1;
	static const char *const owners[] = {"his", "her", "their", "its", "our", "my", "your", NULL};
	for (size_t j = k; j < lim && j <= k + 6; j++) {
		const struct qx_tok *t = &d->tok[j];
		size_t n = qx_tlen(t);
		if (j > k && t->kind == QK_PUNCT && t->c == ',')
			return j;
		/* words of a noun phrase, not a verb and its object ("the
		 * Florida senator suspended his campaign, Cruz said") */
		if (t->kind != QK_WORD || (t->flags & (QF_INQ | QF_POSS)) || qx_tok_is(t, QL_CUE1 | QL_AUX) ||
		    qx_word_in_list(d->text, t, owners) ||
		    ((t->flags & QF_LOWER) && n > 4 && memcmp(d->text + t->e - 2, "ed", 2) == 0))
			return m->t1;
	}
	return m->t1;
}

/* After a role: "of BAE Systems", "at the Center for ...", "to Russia",
 * "for the ministry".  Sets the organisation (or country) and returns the
 * new end, or k when nothing follows.  *split is set when a person's name
 * follows the organisation of a capitalised title. */
static size_t qx_role_tail(struct qx_doc *d, size_t k, size_t lim, struct qx_mention *m,
			   bool *split)
{
	size_t j, n;
	const struct qx_entry *c;

	if (k + 1 >= lim || !qx_is_prep(d, k))
		return k;
	j = k + 1;
	if (j < lim && qx_word_is(d->text, &d->tok[j], "the"))
		j++;
	/* "a spokesperson for the city's Law Department" */
	if (j + 2 < lim && qx_plain_noun(d, j) && qx_is_poss(d, j + 1, lim) && qx_capword(d, j + 2))
		j += 2;
	if (j >= lim)
		return k;
	if ((d->tok[j].flags & (QF_CAP | QF_UPPER)) &&
	    (c = qx_lex_match(QX_COUNTRIES, d->text, d->tok, j, lim, &n)) &&
	    (!(j + n < lim && qx_capword(d, j + n)) ||
	     (m->n0 == QX_NONE && j + n + 1 < lim && qx_capword(d, j + n + 1) &&
	      !qx_tok_is(&d->tok[j + n], QL_ORGWORD)))) {
		/* "ambassador to Russia", "Ambassador to Russia John Sullivan" */
		if (!m->country)
			m->country = c->value;
		return j + n;
	}
	if (qx_capword(d, j)) {
		size_t e = qx_scan_run(d, j, lim);
		if (split && m->n0 == QX_NONE && (d->tok[k - 1].flags & QF_CAP)) {
			size_t ns = qx_title_name_split(d, j, e);
			*split = ns != e;
			e = ns;
		}
		m->o0 = j;
		m->o1 = e;
		return e;
	}
	if (qx_is_orgnoun_tok(d, j) && j > k + 1) {
		m->o0 = j;
		m->o1 = j + 1;
		return j + 1;
	}
	/* "minister for religious affairs, Omar Faizal": a portfolio in
	 * lower case, part of the role as stated, before the name */
	if (j == k + 1 && m->r1 == k && qx_plain_noun(d, j)) {
		size_t e = j;
		while (e < lim && e < j + 3 && qx_plain_noun(d, e))
			e++;
		if (e < lim && e > j && d->tok[e].kind == QK_PUNCT && d->tok[e].c == ',') {
			m->r1 = e;
			return e;
		}
	}
	return k;
}

/* An appositive after a comma: ", managing director of BAE Systems",
 * ", the attorney general", ", a spokeswoman for the ministry".  Returns the
 * end of the appositive or k when there is none. */
static size_t qx_appositive(struct qx_doc *d, size_t k, size_t lim, struct qx_mention *m)
{
	size_t j = k + 1, n, prem = QX_NONE, o0 = QX_NONE, o1 = QX_NONE, steps = 0;
	const struct qx_entry *r = NULL, *c;
	const char *country = NULL;

	if (k >= lim || d->tok[k].kind != QK_PUNCT || d->tok[k].c != ',')
		return k;
	/* an age: "Smith, 45, a lawyer" */
	if (j + 1 < lim && d->tok[j].kind == QK_NUM && d->tok[j + 1].c == ',')
		j += 2;
	if (j < lim && qx_det(d, j))
		j++;
	while (j < lim && steps++ < QX_NP_MAX && qx_free_word(d, j)) {
		const struct qx_tok *t = &d->tok[j];
		if ((t->flags & (QF_CAP | QF_UPPER)) &&
		    (c = qx_lex_match(QX_COUNTRIES, d->text, d->tok, j, lim, &n))) {
			country = c->value;
			j += n;
			if (qx_is_poss(d, j, lim))
				j++;
			continue;
		}
		r = qx_lex_match(QX_ROLES, d->text, d->tok, j, lim, &n);
		if (r && !(r->flags & QR_HONORIFIC))
			break;
		r = NULL;
		/* "the port's chief executive", "the company's spokeswoman" */
		if ((t->flags & QF_LOWER) && o0 == QX_NONE && qx_is_poss(d, j + 1, lim)) {
			o0 = j;
			o1 = j + 1;
			j += 2;
			continue;
		}
		/* "the fire department's assistant chief" */
		if ((t->flags & QF_LOWER) && o0 == QX_NONE && j + 2 < lim && qx_free_word(d, j + 1) &&
		    (d->tok[j + 1].flags & QF_LOWER) && qx_is_poss(d, j + 2, lim) &&
		    qx_lex_match(QX_ROLES, d->text, d->tok, j + 3, lim, &n)) {
			o0 = j;
			o1 = j + 2;
			j += 3;
			continue;
		}
		/* "a 61-year-old school cleaner" */
		if (t->kind == QK_NUM && qx_tlen(t) > 9 &&
		    memcmp(d->text + t->e - 9, "-year-old", 9) == 0) {
			j++;
			continue;
		}
		/* "a Bristol-based artist", "a London-born chef": a place made
		 * into an adjective before the role */
		if ((t->flags & QF_CAP) && j + 1 < lim && (d->tok[j + 1].flags & QF_LOWER) &&
		    memchr(d->text + t->s, '-', qx_tlen(t)) && !qx_capword(d, j)) {
			j++;
			continue;
		}
		if ((qx_tok_is(t, QL_PREMOD) || qx_role_within(d, j, lim, 2)) &&
		    !qx_is_poss(d, j + 1, lim)) {
			/* "an infectious disease specialist": nouns before the
			 * role the lexicon does not list */
			if (prem == QX_NONE)
				prem = j;
			j++;
			continue;
		}
		if (qx_capword(d, j) && o0 == QX_NONE) {
			o0 = j;
			o1 = qx_scan_run(d, j, lim);
			j = o1;
			if (qx_is_poss(d, j, lim))
				j++;
			continue;
		}
		break;
	}
	/* "As Trump attacked Clinton, the attendees chanted": a plural role is
	 * no appositive of one person */
	if (!r || ((r->flags & QR_GROUP) && m->kind == QX_PERSON))
		return k;
	/* "chief euro zone economist", "the ministry's official spokesperson":
	 * a later role word is the head, the earlier one modifies it */
	{
		size_t j2 = j + n, rn;
		const struct qx_entry *r2, *c2;
		/* "chief UK economist": the country between goes to its field */
		if (j2 < lim && (d->tok[j2].flags & (QF_CAP | QF_UPPER)) &&
		    (c2 = qx_lex_match(QX_COUNTRIES, d->text, d->tok, j2, lim, &rn)) && j2 + rn < lim &&
		    qx_free_word(d, j2 + rn) && (d->tok[j2 + rn].flags & QF_LOWER)) {
			size_t hn;
			if (qx_lex_match(QX_ROLES, d->text, d->tok, j2 + rn, lim, &hn)) {
				if (!country)
					country = c2->value;
				j2 += rn;
			}
		}
		while (j2 < lim && j2 < j + n + 2 && qx_plain_noun(d, j2) &&
		       !qx_lex_match(QX_ROLES, d->text, d->tok, j2, lim, &rn))
			j2++;
		if (j2 < lim && qx_free_word(d, j2) && (d->tok[j2].flags & QF_LOWER) &&
		    (r2 = qx_lex_match(QX_ROLES, d->text, d->tok, j2, lim, &rn)) &&
		    !(r2->flags & (QR_HONORIFIC | QR_POSTNOM))) {
			if (prem == QX_NONE)
				prem = j;
			r = r2;
			j = j2;
			n = rn;
		}
	}
	/* "the NHS, Health Minister Maria Caulfield": a new phrase, not an
	 * appositive */
	if (j + n < lim && qx_capword(d, j + n) && (d->tok[j].flags & QF_CAP))
		return k;
	if (!m->role || (m->role->flags & (QR_POSTNOM | QR_RELATION | QR_TITLE))) {
		m->role = r;
		m->r0 = prem != QX_NONE && prem < j ? prem : j;
		m->r1 = j + n;
	}
	if (country && !m->country)
		m->country = country;
	j += n;
	if (o0 != QX_NONE && m->o0 == QX_NONE) {
		m->o0 = o0;
		m->o1 = o1;
	}
	return qx_role_tail(d, j, lim, m, NULL);
}

/* How an unnamed source is described after its role: "close to the
 * campaign", "familiar with the talks", "knowledgeable about the plan".
 * Returns the end of the qualifier's noun phrase, or k. */
static size_t qx_qualifier(const struct qx_doc *d, size_t k, size_t lim)
{
	size_t j, words = 0, cn;
	unsigned fl;
	const struct qx_tok *t;
	if (k + 2 >= lim)
		return k;
	t = &d->tok[k];
	if (!((qx_word_is(d->text, t, "close") && qx_word_is(d->text, &d->tok[k + 1], "to")) ||
	      (qx_word_is(d->text, t, "familiar") && qx_word_is(d->text, &d->tok[k + 1], "with")) ||
	      (qx_word_is(d->text, t, "knowledgeable") &&
	       qx_word_is(d->text, &d->tok[k + 1], "about"))))
		return k;
	for (j = k + 2; j < lim && j < k + 10; j++) {
		t = &d->tok[j];
		if (t->kind != QK_WORD || (t->flags & QF_INQ) || qx_tok_is(t, QL_AUX) ||
		    qx_word_is(d->text, t, "who") || qx_word_is(d->text, t, "that") ||
		    qx_is_cue(d, j, lim, &cn, &fl))
			break;
		if (!qx_tok_is(t, QL_STOP | QL_DET) || (t->flags & QF_POSS))
			words++;
	}
	/* end on a noun, not on "of" or "the" */
	while (j > k + 2 && d->tok[j - 1].kind == QK_WORD && !(d->tok[j - 1].flags & QF_POSS) &&
	       qx_tok_is(&d->tok[j - 1], QL_STOP | QL_DET))
		j--;
	return words > 0 && j > k + 2 ? j : k;
}

/* Does a nominal end in a place after "in" or "from": "a woman in
 * Worcester", "a farmer from Ames"?  A capitalised word after its comma is
 * then the state ("a woman in Worcester, Massachusetts, said"), not the
 * name of an appositive. */
static bool qx_ends_in_place(const struct qx_doc *d, const struct qx_mention *m)
{
	size_t p;
	if (m->o0 == QX_NONE || m->o1 != m->t1 || m->o0 < m->t0 + 2)
		return false;
	p = m->o0 - 1;
	if (qx_word_is(d->text, &d->tok[p], "the"))
		p--;
	return qx_word_is(d->text, &d->tok[p], "in") || qx_word_is(d->text, &d->tok[p], "from");
}

/* A role one addresses its holder by: "Mr. President", "Madam Speaker". */
static bool qx_address_role(const struct qx_doc *d, size_t k)
{
	static const char *const address[] = {"president", "speaker", "chairman", "chairwoman",
					       "chair", "secretary", "mayor", "ambassador",
					       "commissioner", "governor", "minister", "chancellor",
					       "premier", "senator", "justice", NULL};
	return d->tok[k].kind == QK_WORD && qx_word_in_list(d->text, &d->tok[k], address);
}

/* A capitalised role word with no determiner that opens a phrase and is
 * followed by an appositive or a speech cue is someone's name: "Dean, a
 * former party chairman, said", "Marshall said" (the role would need "the":
 * "the dean said"). Not in the headline, which drops its articles. */
static bool qx_bare_role_is_name(const struct qx_doc *d, size_t k, size_t lim, const struct qx_entry *e,
				 size_t n)
{
	const struct qx_tok *t = &d->tok[k];
	size_t cn;
	unsigned cf;
	if (n != 1 || (e->flags & (QR_GROUP | QR_HONORIFIC | QR_POSTNOM)) || !(t->flags & QF_CAP) ||
	    (t->flags & (QF_UPPER | QF_ABBR)) || t->para == 0 || k + 2 >= lim || qx_capword(d, k + 1) ||
	    qx_address_role(d, k))
		return false;
	if (qx_punct_is(&d->tok[k + 1], ',') && qx_det(d, k + 2))
		return true;
	return qx_is_cue(d, k + 1, lim, &cn, &cf) && !(cf & QC_WEAK);
}

/* Parse the noun phrase starting at token i; fills m and returns its end,
 * or i when no phrase that can speak starts there. */
static size_t qx_np_parse(struct qx_doc *d, size_t i, size_t lim, struct qx_mention *m)
{
	size_t k = i, prem = QX_NONE, run_s = QX_NONE, run_e = QX_NONE;
	size_t onoun = QX_NONE, cty = QX_NONE, cty_e = QX_NONE, steps = 0, n, n2;
	bool det = false, hon = false;
	size_t body = QX_NONE, hon_end = QX_NONE;
	const struct qx_entry *e;

	memset(m, 0, sizeof(*m));
	m->t0 = i;
	m->n0 = m->r0 = m->o0 = m->d0 = m->entity = QX_NONE;
	if (k < lim && qx_free_word(d, k) && qx_det(d, k)) {
		det = true;
		k++;
		/* "a 2008 Clinton veteran", "the 2016 Republican nominee" */
		if (k + 1 < lim && d->tok[k].kind == QK_NUM && !(d->tok[k].flags & QF_INQ) &&
		    qx_free_word(d, k + 1))
			k++;
	}
	while (k < lim && steps++ < QX_NP_MAX && qx_free_word(d, k)) {
		const struct qx_tok *t = &d->tok[k];
		if ((t->flags & (QF_CAP | QF_UPPER)) && run_s == QX_NONE &&
		    (e = qx_lex_match(QX_COUNTRIES, d->text, d->tok, k, lim, &n))) {
			/* "China Daily", "America First": a name, not a country */
			if (!(k + n < lim && qx_capword(d, k + n) &&
			      !qx_lex_match(QX_ROLES, d->text, d->tok, k + n, lim, &n) &&
			      qx_tok_is(&d->tok[k + n], QL_ORGWORD))) {
				qx_lex_match(QX_COUNTRIES, d->text, d->tok, k, lim, &n);
				if (!m->country)
					m->country = e->value;
				cty = k;
				cty_e = k + n;
				k += n;
				if (qx_is_poss(d, k, lim))
					k++;
				continue;
			}
		}
		e = qx_lex_match(QX_ROLES, d->text, d->tok, k, lim, &n);
		if (e && (e->flags & QR_HONORIFIC)) {
			if (e->flags & QR_MALE)
				m->gender = QX_G_MALE;
			else if (e->flags & QR_FEMALE)
				m->gender = QX_G_FEMALE;
			hon = true;
			k += n;
			hon_end = k;
			continue;
		}
		if (e && hon_end == k && run_s == QX_NONE && !m->role && n == 1 && (t->flags & QF_CAP) &&
		    !(t->flags & QF_UPPER) && !(k + 1 < lim && qx_capword(d, k + 1)) &&
		    !qx_address_role(d, k)) {
			e = NULL; /* "Mr. King", "Ms. Bishop": a surname */
		}
		if (e && k == i && qx_bare_role_is_name(d, k, lim, e, n))
			e = NULL; /* "Dean, a former party chairman, ..." */
		if (e && run_s != QX_NONE && (t->flags & QF_CAP) && !(t->flags & QF_UPPER) &&
		    n == 1 && !(k + 1 < lim && qx_capword(d, k + 1)) &&
		    !qx_run_is_org(d, run_s, run_e, false) && !(t->flags & QF_ABBR)) {
			e = NULL; /* "Martin Luther King": a surname */
		}
		if (e && run_s != QX_NONE && m->n0 != QX_NONE)
			e = NULL;
		if (e && !(e->flags & (QR_GROUP | QR_HONORIFIC)) && run_s == QX_NONE && m->o0 == QX_NONE &&
		    !m->role && k + n + 1 < lim && qx_is_poss(d, k + n, lim) &&
		    qx_lex_match(QX_ROLES, d->text, d->tok, k + n + 1, lim, &n2)) {
			/* "The Prime Minister's spokesman": whose spokesman */
			m->o0 = prem != QX_NONE ? prem : k;
			m->o1 = k + n;
			prem = QX_NONE;
			k += n + 1;
			continue;
		}
		if (e && (e->flags & QR_GROUP) && det && k == i + 1 && m->o0 == QX_NONE && k + n + 1 < lim &&
		    qx_plural_mark(d, k + n) && (d->tok[k + n + 1].flags & QF_LOWER) &&
		    (qx_lex_match(QX_ROLES, d->text, d->tok, k + n + 1, lim, &n2) ||
		     qx_is_orgnoun_tok(d, k + n + 1) || qx_tok_is(&d->tok[k + n + 1], QL_PREMOD))) {
			/* "the teachers' union leader Ann Lee": whose leader */
			m->o0 = k;
			m->o1 = k + n;
			k += n + 1;
			continue;
		}
		if (e && (e->flags & QR_POSTNOM) &&
		    /* "Local MP David Oduya", "Labour MP Jo Cox": a title */
		    !(run_s == QX_NONE && !m->role && k + n < lim && qx_capword(d, k + n))) {
			if (run_s == QX_NONE || m->role)
				break;
			m->role = e; /* "John Healey MP" */
			m->r0 = k;
			m->r1 = k + n;
			k += n;
			break;
		}
		if (e) {
			if (run_s != QX_NONE) {
				/* "FBI director", "Boeing spokesperson" */
				m->o0 = run_s;
				m->o1 = run_e;
				run_s = run_e = QX_NONE;
			}
			m->role = e;
			m->r0 = prem != QX_NONE ? prem : k;
			m->r1 = k + n;
			if (e->flags & QR_MALE)
				m->gender = QX_G_MALE;
			else if (e->flags & QR_FEMALE)
				m->gender = QX_G_FEMALE;
			else if (e->flags & QR_GROUP)
				m->gender = QX_G_PLURAL;
			prem = QX_NONE;
			k += n;
			/* "Sgt. 1st Class Ana Pena" */
			if (k + 1 < lim && qx_is_ordinal(d, k) &&
			    qx_word_is(d->text, &d->tok[k + 1], "class"))
				m->r1 = k += 2;
			if (onoun != QX_NONE && onoun + 1 == m->r0) {
				m->o0 = onoun; /* "company spokesman" */
				m->o1 = onoun + 1;
				onoun = QX_NONE;
			}
			if (!qx_capword(d, k < lim ? k : i) || k >= lim) {
				bool split = false;
				size_t tail = qx_role_tail(d, k, lim, m, &split);
				if (tail != k) {
					k = tail;
					/* the name after "Ambassador to Russia" or
					 * "Secretary of the Treasury" */
					if ((m->o0 == QX_NONE || split) && run_s == QX_NONE &&
					    k < lim && qx_capword(d, k))
						continue;
					break;
				}
				if (run_s == QX_NONE && m->n0 == QX_NONE &&
				    (det || (e->flags & QR_GROUP))) {
					size_t qe = qx_qualifier(d, k, lim);
					if (qe != k) {
						m->q1 = k = qe;
						break;
					}
				}
			}
			continue;
		}
		if ((t->flags & QF_LOWER) && det && k == i + 1 && m->o0 == QX_NONE &&
		    qx_is_poss(d, k + 1, lim) &&
		    qx_lex_match(QX_ROLES, d->text, d->tok, k + 2, lim, &n)) {
			m->o0 = k; /* "the bureau's director" */
			m->o1 = k + 1;
			k += 2;
			continue;
		}
		if (run_s != QX_NONE && m->n0 == QX_NONE && !m->role && m->o0 == QX_NONE &&
		    t->kind == QK_WORD && (t->flags & QF_LOWER) && !(t->flags & QF_POSS) &&
		    !qx_tok_is(t, QL_STOP | QL_CUE1 | QL_AUX) && k + 2 < lim &&
		    qx_desc_then_name(d, (d->tok[k + 1].flags & QF_POSS) ? k + 2 : k + 1, lim)) {
			/* "the UN children's agency UNICEF", "the UN refugee
			 * agency UNHCR": the name after the description, not
			 * the parent body before it */
			prem = run_s;
			run_s = run_e = QX_NONE;
			k += (d->tok[k + 1].flags & QF_POSS) ? 2 : 1;
			continue;
		}
		if ((t->flags & QF_LOWER) && !(t->flags & QF_POSS) && k + 1 < lim &&
		    qx_free_word(d, k + 1) && (run_s != QX_NONE || m->country || det || prem != QX_NONE) &&
		    !qx_tok_is(t, QL_STOP | QL_CUE1 | QL_AUX) && !(d->tok[k + 1].flags & QF_CAP) &&
		    /* "Netanyahu rallied supporters": a verb, not a premodifier */
		    !(run_s != QX_NONE && !det && qx_ends_in(d, k, "ed")) &&
		    (qx_lex_match(QX_ROLES, d->text, d->tok, k + 1, lim, &n) ||
		     /* "law enforcement official" */
		     (k + 2 < lim && run_s == QX_NONE && qx_plain_noun(d, k + 1) &&
		      qx_free_word(d, k + 2) && !(d->tok[k + 2].flags & QF_CAP) &&
		      qx_lex_match(QX_ROLES, d->text, d->tok, k + 2, lim, &n)))) {
			/* "bureau chief", "consulting firm" + role */
			if (prem == QX_NONE)
				prem = k;
			k++;
			continue;
		}
		if (m->country && cty == i && run_s == QX_NONE && !m->role && m->o0 == QX_NONE &&
		    qx_plain_noun(d, k) && !qx_is_orgnoun_tok(d, k) &&
		    ((k + 1 < lim && qx_is_orgnoun_tok(d, k + 1)) ||
		     (k + 2 < lim && qx_plain_noun(d, k + 1) && qx_is_orgnoun_tok(d, k + 2)))) {
			/* "Kenya's central bank", "Japan's largest carmaker" */
			if (prem == QX_NONE)
				prem = k;
			k++;
			continue;
		}
		if (qx_is_ordinal(d, k) && k + 1 < lim &&
		    qx_lex_match(QX_ROLES, d->text, d->tok, k + 1, lim, &n)) {
			/* "Air Force 1st Lt. Tyler Livingston": a rank's grade */
			if (run_s != QX_NONE) {
				m->o0 = run_s;
				m->o1 = run_e;
				run_s = run_e = QX_NONE;
			}
			if (prem == QX_NONE)
				prem = k;
			k++;
			continue;
		}
		if (run_s == QX_NONE && m->o0 != QX_NONE && m->o1 + 1 == k &&
		    (!m->role || m->r1 == m->o0) &&
		    qx_is_poss(d, m->o1, lim) && qx_is_body_noun(d, k) &&
		    !(k + 1 < lim && qx_free_word(d, k + 1) &&
		      (qx_lex_match(QX_ROLES, d->text, d->tok, k + 1, lim, &n) ||
		       qx_tok_is(&d->tok[k + 1], QL_PREMOD) || qx_capword(d, k + 1)))) {
			/* "Rubio's campaign sent ...": the body itself, though
			 * "campaign" also premodifies roles ("campaign manager") */
			onoun = k++;
			break;
		}
		if (qx_tok_is(t, QL_PREMOD) && run_s == QX_NONE &&
		    ((t->flags & QF_LOWER) ||
		     /* "Former Gov. Linda Park", "State Sen. Marcus Webb" */
		     ((t->flags & QF_CAP) && !(t->flags & QF_UPPER) && k + 1 < lim &&
		      qx_free_word(d, k + 1) && (d->tok[k + 1].flags & QF_CAP) &&
		      qx_lex_match(QX_ROLES, d->text, d->tok, k + 1, lim, &n)) ||
		     /* "Security firm Nordvakt", "Former aide X" opening a sentence */
		     (k == i && (t->flags & QF_SSTART) && !(t->flags & QF_UPPER) && k + 1 < lim &&
		      (d->tok[k + 1].flags & QF_LOWER) && d->tok[k + 1].kind == QK_WORD)) &&
		    !(qx_is_orgnoun_tok(d, k) && k + 1 < lim && qx_capword(d, k + 1))) {
			if (prem == QX_NONE)
				prem = k;
			k++;
			continue;
		}
		if (run_s != QX_NONE && !m->role && m->n0 == QX_NONE && qx_is_body_noun(d, k) &&
		    !(k + 1 < lim && (qx_capword(d, k + 1) ||
				      qx_lex_match(QX_ROLES, d->text, d->tok, k + 1, lim, &n)))) {
			body = k; /* "the Sanders campaign" */
			k++;
			break;
		}
		if (qx_capword(d, k)) {
			size_t re;
			if (run_s != QX_NONE)
				break;
			re = qx_scan_run(d, k, lim);
			if (re <= k)
				break;
			run_s = k;
			run_e = re;
			k = re;
			if (qx_is_poss(d, k, lim)) {
				size_t j = k + 1;
				bool more = j < lim && qx_free_word(d, j) &&
					    (qx_lex_match(QX_ROLES, d->text, d->tok, j, lim, &n) ||
					     qx_tok_is(&d->tok[j], QL_PREMOD) ||
					     qx_capword(d, j) || qx_is_orgnoun_tok(d, j));
				if (more && m->n0 == QX_NONE) {
					m->o0 = run_s;
					m->o1 = run_e;
					run_s = run_e = QX_NONE;
					k = j;
					continue;
				}
				break;
			}
			continue;
		}
		if (qx_is_orgnoun_tok(d, k) && run_s == QX_NONE) {
			onoun = k;
			k++;
			if (k < lim && qx_capword(d, k)) {
				/* "security firm Mandiant" */
				m->d0 = prem != QX_NONE ? prem : onoun;
				m->d1 = k;
				continue;
			}
			break;
		}
		break;
	}
	if (prem != QX_NONE && prem < k && !m->role && run_s == QX_NONE && onoun == QX_NONE)
		k = prem;
	m->t1 = k;
	if (body != QX_NONE && run_s != QX_NONE) {
		m->kind = QX_ORG;
		m->n0 = m->o0 = run_s;
		m->n1 = m->o1 = body + 1;
	} else if (onoun != QX_NONE && m->o0 != QX_NONE && m->o1 + 1 == onoun &&
		   run_s == QX_NONE && (!m->role || m->r1 == m->o0) && qx_is_body_noun(d, onoun) &&
		   qx_is_poss(d, m->o1, lim)) {
		/* "Rubio's campaign"; "Sen. Kelly Ayotte's campaign": the
		 * title is the owner's, not the body's */
		m->role = NULL;
		m->r0 = QX_NONE;
		m->kind = QX_ORG;
		m->n0 = m->o0;
		m->n1 = m->o1 = onoun + 1;
	} else if (run_s != QX_NONE) {
		m->n0 = run_s;
		m->n1 = run_e;
		if ((onoun != QX_NONE && onoun < run_s) ||
		    (!hon && !m->role && qx_run_is_org(d, run_s, run_e, det && run_s == i + 1)) ||
		    /* "the operators' association, Deltaport Employers," */
		    (!hon && !m->role && run_s == i && qx_org_appositive(d, i, run_e, lim)) ||
		    (!hon && m->role == NULL && qx_run_is_org(d, run_s, run_e, false))) {
			m->kind = QX_ORG;
			if (m->o0 == QX_NONE) {
				m->o0 = run_s;
				m->o1 = run_e;
			}
		} else {
			m->kind = QX_PERSON;
		}
	} else if (m->role) {
		m->kind = (m->role->flags & QR_GROUP) ? QX_GROUP : QX_NOMINAL;
	} else if (onoun != QX_NONE && m->country && cty == i && !det && m->o0 == QX_NONE &&
		   qx_is_poss(d, cty_e, lim) && qx_is_body_noun(d, onoun)) {
		/* "China's foreign ministry": the country's body, named */
		m->kind = QX_ORG;
		m->n0 = cty;
		m->n1 = onoun + 1;
	} else if (onoun != QX_NONE && (det || m->country || m->o0 != QX_NONE)) {
		m->kind = QX_NOMINAL;
		m->n0 = onoun;
		m->n1 = onoun + 1;
		m->gender = QX_G_NEUTER;
	} else if (m->o0 != QX_NONE) {
		m->kind = QX_ORG;
		m->n0 = m->o0;
		m->n1 = m->o1;
	} else if (cty != QX_NONE && det) {
		m->kind = QX_GROUP;
		m->n0 = cty;
		m->n1 = cty_e;
		m->gender = QX_G_PLURAL;
	} else if (cty != QX_NONE && cty == i && cty_e == k) {
		/* "China said": the country speaks through its government */
		m->kind = QX_ORG;
		m->n0 = cty;
		m->n1 = cty_e;
	} else {
		return i;
	}
	if (m->kind == QX_ORG)
		m->gender = QX_G_NEUTER;
	/* appositive or inverted appositive */
	/* "In Washington, a State Department spokesperson said": a name
	 * after "in", "at" or "near" is a place, and what follows its comma
	 * is the sentence's subject, not an appositive */
	const struct qx_tok *before = i > 0 ? &d->tok[i - 1] : NULL;
	bool placed = !m->role && before && before->kind == QK_WORD && !(before->flags & QF_INQ) &&
		      (qx_word_is(d->text, before, "in") || qx_word_is(d->text, before, "at") ||
		       qx_word_is(d->text, before, "near"));
	if (m->kind == QX_PERSON && !placed && m->o0 == QX_NONE && m->t1 + 2 < lim &&
	    qx_word_is(d->text, &d->tok[m->t1], "of") && (d->tok[m->t1].flags & QF_LOWER)) {
		/* "Sara Mulder of the Centraal Planbureau", "Meenakshi Ganguly
		 * of Human Rights Watch": where the person works (a place, "of
		 * Wisconsin", is not kept) */
		size_t j = m->t1 + 1, oe;
		bool the = qx_word_is(d->text, &d->tok[j], "the");
		j += the;
		if (j < lim && qx_capword(d, j) && (oe = qx_scan_run(d, j, lim)) > j &&
		    qx_run_is_org(d, j, oe, the)) {
			m->o0 = j;
			m->o1 = oe;
			m->t1 = oe;
		}
	}
	if (m->kind == QX_PERSON && !m->role && m->t1 + 2 < lim && m->n1 > m->n0 + 1 && !placed &&
	    qx_word_is(d->text, &d->tok[m->t1], "as") && !(d->tok[m->t1].flags & QF_INQ)) {
		/* "named Priya Raman as Chief Executive Officer", "Smith as
		 * its new chairman": the role the person is given */
		size_t j = m->t1 + 1, rn;
		const struct qx_entry *r;
		if (qx_det(d, j))
			j++;
		if (j + 1 < lim && (qx_word_is(d->text, &d->tok[j], "new") ||
				    qx_word_is(d->text, &d->tok[j], "next")))
			j++;
		if (j < lim && !(d->tok[j].flags & QF_INQ) &&
		    (r = qx_lex_match(QX_ROLES, d->text, d->tok, j, lim, &rn)) &&
		    !(r->flags & (QR_HONORIFIC | QR_GROUP))) {
			m->role = r;
			m->r0 = j;
			m->r1 = j + rn;
		}
	}
	if ((m->kind == QX_PERSON || m->kind == QX_ORG) && !placed) {
		size_t a = qx_appositive(d, m->t1, lim, m);
		if (a != m->t1)
			m->t1 = a;
	} else if (m->kind == QX_NOMINAL && m->role && m->t1 + 1 < lim &&
		   (d->tok[m->t1].c == ',' ||
		    /* "A spokeswoman for the bureau, X," (not "as prime
		     * minister in March, X rallied") */
		    ((qx_det(d, m->t0) || m->o0 == m->t0 || qx_is_poss(d, m->t0 + 1, lim)) &&
		     qx_qualifier_to_comma(d, m, lim) != m->t1)) &&
		   !qx_ends_in_place(d, m)) {
		/* "the attorney general, Eric Holder,"; "the forum's moderator,
		 * radio host Dave Kline,": lower-case words ending in a role
		 * may come first; "A spokeswoman for the bureau, Karen
		 * Delgado,": so may what the role is for or of */
		size_t comma = d->tok[m->t1].c == ',' ? m->t1 : qx_qualifier_to_comma(d, m, lim);
		size_t j = comma + 1, rn, w0;
		/* "director of Earth observation,": the capitalised word was
		 * part of what the role is for, not an organisation */
		if (comma != m->t1 && m->o0 != QX_NONE && m->o1 == m->t1 &&
		    (d->tok[m->t1].flags & QF_LOWER))
			m->o0 = m->o1 = QX_NONE;
		/* "One victim, 88-year-old Edna Morgan," */
		if (j < lim && d->tok[j].kind == QK_NUM && qx_tlen(&d->tok[j]) > 9 &&
		    memcmp(d->text + d->tok[j].e - 9, "-year-old", 9) == 0)
			j++;
		/* "The jury president, the French actor Étienne Marchal," */
		if (j + 1 < lim && qx_word_is(d->text, &d->tok[j], "the"))
			j++;
		w0 = j;
		while (j < lim && j < w0 + 3 && d->tok[j].kind == QK_WORD &&
		       ((d->tok[j].flags & QF_LOWER) ||
			((d->tok[j].flags & QF_CAP) &&
			 qx_lex_match(QX_COUNTRIES, d->text, d->tok, j, j + 1, &rn))) &&
		       !(d->tok[j].flags & (QF_INQ | QF_POSS)) &&
		       !qx_tok_is(&d->tok[j], QL_STOP | QL_DET | QL_AUX | QL_CUE1))
			j++;
		if (j > w0 &&
		    !(qx_lex_match(QX_ROLES, d->text, d->tok, j - 1, lim, &rn) && j - 1 + rn == j))
			j = lim; /* the words did not end in a role */
		/* "the agency's representative, Dr Abdourahmane Diallo," */
		{
			const struct qx_entry *h;
			if (j < lim && (h = qx_lex_match(QX_ROLES, d->text, d->tok, j, lim, &rn)) &&
			    (h->flags & (QR_HONORIFIC | QR_TITLE)) && j + rn < lim && qx_capword(d, j + rn)) {
				if (h->flags & QR_MALE)
					m->gender = QX_G_MALE;
				else if (h->flags & QR_FEMALE)
					m->gender = QX_G_FEMALE;
				j += rn;
			}
		}
		if (j < lim && qx_capword(d, j)) {
			size_t re = qx_scan_run(d, j, lim);
			/* "a pastor at the Reformation Church of Elizabeth,
			 * Colorado,": one word after an organisation is its
			 * state or country, not the person's name */
			bool place = re == j + 1 && m->o0 != QX_NONE && m->o1 == m->t1;
			/* "..., said the association's general secretary, Helen
			 * Achter." may end the sentence */
			bool ends = re < lim && d->tok[re].kind == QK_PUNCT && d->tok[re].c == '.' &&
				    re >= j + 2;
			/* "The pro-Christie Union Leader, New Hampshire's
			 * largest newspaper,": a possessor, not the person */
			bool possessor = re < lim && (d->tok[re].flags & QF_POSS);
			if (re < lim && (d->tok[re].c == ',' || d->tok[re].kind == QK_WORD || ends) && !place &&
			    !possessor && !qx_run_is_org(d, j, re, false)) {
				m->n0 = j;
				m->n1 = re;
				m->kind = QX_PERSON;
				m->t1 = re;
				/* "Her neighbour, Walt Kessler, a retired
				 * firefighter," */
				m->t1 = qx_appositive(d, m->t1, lim, m);
			}
		}
	}
	return m->t1;
}

/* Can an NP start at k?  A cheap test that keeps the scan linear. */
static bool qx_np_start(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	if (!qx_free_word(d, k) || (t->flags & QF_POSS))
		return false;
	if (t->flags & (QF_CAP | QF_UPPER | QF_INITIAL))
		return true;
	/* a lower-case word starts a phrase only as a determiner, a role, a
	 * premodifier or an organisation noun ("the", "spokesman", "former",
	 * "ministry"); anything else would be rejected by qx_np_parse */
	return (t->flags & QF_LOWER) &&
	       (qx_tok_is(t, QL_ROLE1 | QL_PREMOD | QL_ORGNOUN) || qx_det(d, k));
}

static void qx_men_push(struct qx_doc *d, const struct qx_mention *m)
{
	if (d->nmen == d->cmen)
		xgrow((void **)&d->men, &d->cmen, d->nmen + 1, sizeof(*d->men));
	d->men[d->nmen++] = *m;
}

/* A small string -> index map, per document. */
struct qx_map {
	char **key;
	size_t *val;
	size_t mask, n;
};

static uint64_t qx_strhash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static void qx_map_init(struct qx_map *m, size_t want)
{
	size_t cap = 16;
	while (cap < want * 2 + 8)
		cap <<= 1;
	m->key = xcalloc(cap, sizeof(*m->key));
	m->val = xcalloc(cap, sizeof(*m->val));
	m->mask = cap - 1;
	m->n = 0;
}

static size_t *qx_map_get(struct qx_map *m, const char *k, bool create)
{
	size_t i = (size_t)qx_strhash(k) & m->mask;
	while (m->key[i]) {
		if (strcmp(m->key[i], k) == 0)
			return &m->val[i];
		i = (i + 1) & m->mask;
	}
	if (!create)
		return NULL;
	m->key[i] = xstrdup(k);
	m->val[i] = QX_NONE;
	m->n++;
	return &m->val[i];
}

static void qx_map_free(struct qx_map *m)
{
	for (size_t i = 0; i <= m->mask; i++)
		free(m->key[i]);
	free(m->key);
	free(m->val);
}

/* Text of tokens [a, b), as written. */
static char *qx_text(const struct qx_doc *d, size_t a, size_t b)
{
	if (a == QX_NONE || b <= a)
		return NULL;
	return xstrndup(d->text + d->tok[a].s, d->tok[b - 1].e - d->tok[a].s);
}

static char *qx_lower_tok(const struct qx_doc *d, size_t k)
{
	size_t n = qx_tlen(&d->tok[k]);
	char *s = xmalloc(n + 1);
	qx_lower(d->text + d->tok[k].s, n, s, n + 1);
	if (n > 1 && s[n - 1] == '.')
		s[n - 1] = '\0';
	return s;
}

/* qx_lower_tok into buf when it fits, else a fresh allocation. */
static char *qx_lower_tok_buf(const struct qx_doc *d, size_t k, char *buf, size_t cap)
{
	size_t n = qx_tlen(&d->tok[k]);
	if (n + 1 > cap)
		return qx_lower_tok(d, k);
	qx_lower(d->text + d->tok[k].s, n, buf, cap);
	if (n > 1 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
}

static size_t qx_entity_new(struct qx_doc *d, const struct qx_mention *m)
{
	struct qx_entity *e;
	if (d->nent == d->cent)
		xgrow((void **)&d->ent, &d->cent, d->nent + 1, sizeof(*d->ent));
	e = &d->ent[d->nent];
	memset(e, 0, sizeof(*e));
	e->name = qx_text(d, m->n0, m->n1);
	e->name_words = m->n1 - m->n0;
	e->kind = m->kind;
	e->gender = m->gender;
	if (m->kind == QX_PERSON) {
		e->surname = qx_lower_tok(d, m->n1 - 1);
		e->first = qx_lower_tok(d, m->n0);
		if (e->name_words >= 2)
			e->ngender = qx_given_name_gender(e->first, strlen(e->first));
	}
	return d->nent++;
}

/* Give entity e the role mention m states, as stated there: the lede's
 * description, a copula, a second reference, a resolved nominal. */
void qx_entity_take_role(const struct qx_doc *d, struct qx_entity *e, const struct qx_mention *m)
{
	free(e->role_stated);
	e->role = m->role;
	e->role_stated = qx_text(d, m->r0, m->r1);
}

/* Attach what a mention says about its entity (first statement wins). */
static void qx_entity_learn(struct qx_doc *d, size_t ei, const struct qx_mention *m)
{
	struct qx_entity *e = &d->ent[ei];
	if (m->kind == QX_PERSON && m->n1 - m->n0 > e->name_words) {
		free(e->name);
		e->name = qx_text(d, m->n0, m->n1);
		e->name_words = m->n1 - m->n0;
		free(e->first);
		e->first = qx_lower_tok(d, m->n0);
		e->ngender = qx_given_name_gender(e->first, strlen(e->first));
	}
	/* "Her neighbour, Walt Kessler, a retired firefighter": a relation
	 * gives way to a role stated later */
	if (m->role && (!e->role || ((e->role->flags & (QR_RELATION | QR_TITLE)) &&
				     !(m->role->flags & (QR_RELATION | QR_TITLE)))))
		qx_entity_take_role(d, e, m);
	if (!e->org && m->o0 != QX_NONE && m->kind == QX_PERSON)
		e->org = qx_text(d, m->o0, m->o1);
	if (!e->country && m->country)
		e->country = m->country;
	if (!e->desc && m->kind == QX_ORG && m->d0 != QX_NONE)
		e->desc = qx_text(d, m->d0, m->d1);
	if (!e->gender && m->gender)
		e->gender = m->gender;
}

/* A particle that opens a surname: "de Vries", "van der Berg", "al-". */
static bool qx_name_particle(const char *w)
{
	static const char *const particles[] = {"de", "van", "von", "da", "di", "del", "della",
						"la", "le", "du", "dos", "das", "der", "den",
						"ter", "ten", "bin", "ibn", "al", "el", NULL};
	for (size_t i = 0; particles[i]; i++)
		if (strcmp(w, particles[i]) == 0)
			return true;
	return false;
}

/* A role that many people hold at once and so names no one in
 * particular: "an official", "a source", "the protester". */
bool qx_role_generic(const struct qx_entry *role)
{
	static const char *const generic[] = {"official", "source", "aide", "adviser", "advisor",
					      "analyst", "expert", "resident", "witness", "member",
					      "supporter", "voter", "worker", "protester", "lawmaker",
					      "diplomat", "spokesperson", "person", "man", "woman",
					      "boy", "girl", "candidate", "commenter", "user", "attendee",
					      "participant", NULL};
	const char *v = role->value, *sp = strrchr(v, ' ');
	for (size_t i = 0; generic[i]; i++)
		if (strcmp(sp ? sp + 1 : v, generic[i]) == 0)
			return true;
	return false;
}

/* "A federal judge on Friday blocked ..." opening a story, the judge named
 * in the next paragraphs: an indefinite description in the lede with a
 * specific role (not "an official", "a source") introduces the person
 * the story goes on to name. */
bool qx_lede_indefinite(const struct qx_doc *d, size_t mi)
{
	const struct qx_mention *m = &d->men[mi];
	return m->role && d->tok[m->t0].para <= d->lede && !qx_role_generic(m->role);
}

/* The lede: the first paragraph after the headline that reads like one
 * (fifteen words or more), so a dateline line, a byline or a page's
 * leftovers in between do not count; the first paragraph itself when it
 * is that long (no headline). */
static size_t qx_find_lede(const struct qx_doc *d)
{
	for (size_t p = 0; p < d->npara && p < 8; p++) {
		size_t words = 0;
		for (size_t k = d->para[p].t0; k < d->para[p].t1; k++)
			words += d->tok[k].kind == QK_WORD;
		if (words >= (p == 0 ? 25 : 15))
			return p;
	}
	return 1;
}

/* Is entity ei mentioned in paragraph para, before mention before? */
static bool qx_entity_in_para(const struct qx_doc *d, size_t ei, size_t para, size_t before)
{
	for (size_t k = 0; k < before; k++)
		if (d->men[k].entity == ei && d->tok[d->men[k].t0].para == para)
			return true;
	return false;
}

/* "A former Cabinet minister has described ..." opening a story, then
 * "Dame Helen Wyatt-Morris, who served as ..." in the next paragraph: the
 * role the lede gave belongs to the person the story names next, when the
 * text gives that person no role of their own. Only the lede's first such
 * description, and only a person the lede did not name ("A judge blocked
 * Smith's order": Smith is someone else). */
static void qx_lede_role(struct qx_doc *d)
{
	for (size_t i = 0; i < d->nmen; i++) {
		const struct qx_mention *m = &d->men[i];
		size_t para = d->tok[m->t0].para;
		if (para > d->lede)
			return;
		/* opening its sentence, or after a dateline ("LONDON — A former
		 * ..."): not "Over a career as a lobbyist, X ..." */
		bool subject = (d->tok[m->t0].flags & QF_SSTART) ||
			       (i > 0 && d->tok[d->men[i - 1].t0].sent == d->tok[m->t0].sent &&
				d->men[i - 1].subject && qx_skip_dateline(d, d->men[i - 1].t0, m->t0) == m->t0);
		if (!subject || !qx_nominal_indef(d, i) || !qx_lede_indefinite(d, i) ||
		    (m->role->flags & (QR_GROUP | QR_RELATION)))
			continue;
		for (size_t j = i + 1; j < d->nmen; j++) {
			const struct qx_mention *o = &d->men[j];
			if (o->kind != QX_PERSON || o->entity == QX_NONE)
				continue;
			size_t op = d->tok[o->t0].para;
			if (op > para + 2)
				return;
			if (op == para || qx_entity_in_para(d, o->entity, para, j))
				continue;
			if (!d->ent[o->entity].role)
				qx_entity_take_role(d, &d->ent[o->entity], m);
			return;
		}
		return;
	}
}

/* The first mention in the sentence of mention i. */
size_t qx_sentence_first_mention(const struct qx_doc *d, size_t i)
{
	size_t sent = d->tok[d->men[i].t0].sent;
	while (i > 0 && d->tok[d->men[i - 1].t0].sent == sent)
		i--;
	return i;
}

/* The first mention in the sentence right before mention i's, or QX_NONE
 * when the sentence before names no one. */
size_t qx_prev_sentence_first_mention(const struct qx_doc *d, size_t i)
{
	size_t p = qx_sentence_first_mention(d, i);
	if (p == 0)
		return QX_NONE;
	size_t s = qx_sentence_first_mention(d, p - 1);
	return d->tok[d->men[s].t0].sent + 1 == d->tok[d->men[i].t0].sent ? s : QX_NONE;
}

/* "Nell Garside, who has died aged 88, was a founder member of the team",
 * "Smith is the chief executive of Acme": a role given by "is" or "was"
 * to the person the sentence opens with, when they have none of their
 * own. */
static void qx_copula_roles(struct qx_doc *d)
{
	static const char *const copulas[] = {"is", "was", NULL};
	for (size_t i = 1; i < d->nmen; i++) {
		const struct qx_mention *m = &d->men[i];
		if (m->kind != QX_NOMINAL || !m->role || (m->role->flags & (QR_GROUP | QR_RELATION)) ||
		    m->t0 < 1 || !qx_det(d, m->t0) || !qx_word_in_list(d->text, &d->tok[m->t0 - 1], copulas) ||
		    (d->tok[m->t0 - 1].flags & QF_INQ))
			continue;
		/* the sentence's first mention, a person, and no one else
		 * named between it and the copula */
		size_t s = qx_sentence_first_mention(d, i);
		const struct qx_mention *subj = &d->men[s];
		if (s == i || subj->kind != QX_PERSON || subj->entity == QX_NONE ||
		    !(d->tok[subj->t0].flags & QF_SSTART))
			continue;
		bool other = false;
		for (size_t k = s + 1; k < i; k++)
			other = other || d->men[k].kind == QX_PERSON || d->men[k].kind == QX_ORG;
		if (!other && !d->ent[subj->entity].role)
			qx_entity_take_role(d, &d->ent[subj->entity], m);
	}
}

/* "Kerrigan was asked about his captain. The manager said the decision
 * had been tactical.": a story's second reference by role. A sentence
 * opening with "The" and a bare role (lower case, nothing qualifying it),
 * the story's first use of that role, right after a sentence that opens
 * with a person who has no role and while no one named holds it: the
 * role is that person's. */
static void qx_second_reference_roles(struct qx_doc *d)
{
	for (size_t i = 1; i < d->nmen; i++) {
		const struct qx_mention *m = &d->men[i];
		if (m->kind != QX_NOMINAL || !m->role || (m->role->flags & (QR_GROUP | QR_RELATION)) ||
		    qx_role_generic(m->role) ||
		    !(d->tok[m->t0].flags & QF_SSTART) || !qx_word_is(d->text, &d->tok[m->t0], "the") ||
		    m->r0 != m->t0 + 1 || m->r1 != m->t1 || m->o0 != QX_NONE || m->country ||
		    !(d->tok[m->r0].flags & QF_LOWER))
			continue;
		bool known = false;
		for (size_t k = 0; k < i && !known; k++)
			known = d->men[k].role == m->role ||
				(d->men[k].entity != QX_NONE && d->ent[d->men[k].entity].role == m->role);
		/* the previous sentence's first mention */
		size_t p = qx_prev_sentence_first_mention(d, i);
		if (known || p == QX_NONE)
			continue;
		const struct qx_mention *subj = &d->men[p];
		if (subj->kind != QX_PERSON || subj->entity == QX_NONE ||
		    !(d->tok[subj->t0].flags & QF_SSTART) || d->ent[subj->entity].role)
			continue;
		qx_entity_take_role(d, &d->ent[subj->entity], m);
	}
}

static void qx_entities(struct qx_doc *d)
{
	struct qx_map sur, first, org;
	size_t npers = 0, norg = 0;
	for (size_t i = 0; i < d->nmen; i++) {
		npers += d->men[i].kind == QX_PERSON;
		norg += d->men[i].kind == QX_ORG;
	}
	qx_map_init(&sur, npers);
	qx_map_init(&first, npers);
	qx_map_init(&org, norg);
	for (size_t i = 0; i < d->nmen; i++) {
		struct qx_mention *m = &d->men[i];
		size_t *slot, ei = QX_NONE;
		if (m->kind == QX_PERSON) {
			char snb[64], fnb[64];
			char *sn = qx_lower_tok_buf(d, m->n1 - 1, snb, sizeof(snb));
			char *fn = qx_lower_tok_buf(d, m->n0, fnb, sizeof(fnb));
			size_t words = m->n1 - m->n0;
			slot = qx_map_get(&sur, sn, false);
			if (slot) {
				struct qx_entity *e = &d->ent[*slot];
				if (words == 1 || e->name_words == 1 || strcmp(e->first, fn) == 0 ||
				    /* "De Vries" after "Henk de Vries", "Van der
				     * Berg" after "Joost van der Berg" */
				    (words >= 2 && qx_name_particle(fn)) ||
				    (d->tok[m->n0].flags & QF_INITIAL && e->first[0] == fn[0]))
					ei = *slot;
			}
			if (ei == QX_NONE && words == 1 && (slot = qx_map_get(&first, fn, false)))
				ei = *slot;
			if (ei == QX_NONE)
				ei = qx_entity_new(d, m);
			*qx_map_get(&sur, sn, true) = ei;
			if (words > 1 && !qx_map_get(&first, fn, false))
				*qx_map_get(&first, fn, true) = ei;
			if (sn != snb)
				free(sn);
			if (fn != fnb)
				free(fn);
		} else if (m->kind == QX_ORG) {
			size_t n = d->tok[m->n1 - 1].e - d->tok[m->n0].s;
			char kb[128];
			char *k = n < sizeof(kb) ? kb : xmalloc(n + 1);
			qx_lower(d->text + d->tok[m->n0].s, n, k, n + 1);
			slot = qx_map_get(&org, k, true);
			if (*slot == QX_NONE)
				*slot = qx_entity_new(d, m);
			ei = *slot;
			if (k != kb)
				free(k);
		}
		if (ei != QX_NONE) {
			m->entity = ei;
			qx_entity_learn(d, ei, m);
		}
	}
	qx_map_free(&sur);
	qx_map_free(&first);
	qx_map_free(&org);
	qx_lede_role(d);
	qx_copula_roles(d);
	qx_second_reference_roles(d);
}

void qx_mentions(struct qx_doc *d)
{
	d->lede = qx_find_lede(d);
	size_t last_sent = QX_NONE;
	d->tok_men = xmalloc((d->ntok ? d->ntok : 1) * sizeof(*d->tok_men));
	for (size_t k = 0; k < d->ntok; k++)
		d->tok_men[k] = QX_NONE;
	for (size_t p = 0; p < d->npara; p++) {
		size_t lim = d->para[p].t1, k = d->para[p].t0;
		while (k < lim) {
			struct qx_mention m;
			size_t e;
			if (!qx_np_start(d, k)) {
				k++;
				continue;
			}
			e = qx_np_parse(d, k, lim, &m);
			if (e <= k) {
				k++;
				continue;
			}
			m.subject = d->tok[k].sent != last_sent;
			last_sent = d->tok[k].sent;
			for (size_t j = m.t0; j < m.t1; j++)
				d->tok_men[j] = d->nmen;
			qx_men_push(d, &m);
			k = e;
		}
	}
	qx_entities(d);
}
