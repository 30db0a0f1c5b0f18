/* The attribution sieve.  Every quotation span goes through the rules from
 * the strongest to the weakest and keeps the first that names a source:
 *   cue_adjacent      "...," said X / "...," X said / X said: "..."
 *   dash_source       "..." – X   (a pull quote or headline signed after a dash)
 *   according_to      "...", according to X
 *   cue_sentence      a cue elsewhere in the quotation's sentence
 *   partial_indirect  X said the plan was "a disaster" (in indirect speech the
 *                     main clause's subject wins over a nearer place or group;
 *                     "..., calling it "x"" takes the subject of the clause)
 *   colon_intro       X was blunt: "..."   /   HEADLINE - X: "..."
 *   passive_by        "..." after a passive cue, its agent after it: called
 *                     "strategic ambiguity" by X
 *   claim_noun        inside what someone's claim says: X's conclusion that
 *                     her actions were "extremely careless"
 *   sentence_subject  no cue: X dismissed the audit as "a stunt"
 *   continuation      a later part of the same quotation or paragraph
 *   paragraph_cue     no cue in its sentence: a cue earlier in the paragraph
 *   sentence_before   no cue at all: the subject of the sentence just before
 *                     ("Devlin laughed. "Steve can say what he likes."")
 *   paragraph_follow  a quotation alone after an attributed paragraph
 *   name_line         quotation paragraphs under a line holding only a name
 *                     ("Christine Lagarde (ECB)"), past date lines
 *   paragraph_next    a quotation alone whose speaker the next paragraph names
 *                     ("That was X, speaking after the vote.")
 * A source that is a pronoun or a nominal is then resolved to an entity
 * (rules "pronoun" and "nominal"; "the minister" finds the last person whose
 * role ends in "minister").  An indefinite description that names no one
 * ("a senior campaign spokesman") is itself the speaker.  Each rule looks
 * at a bounded window, so the whole pass is linear in the number of tokens. */
#include "quote_internal.h"

#include <string.h>
#include <strings.h>

#include "quoted/util.h"

#define QX_WINDOW 40
#define QX_SENT_MAX 120 /* longest sentence walked back over, in tokens */

bool qx_is_cue(const struct qx_doc *d, size_t i, size_t lim, size_t *n, unsigned *flags)
{
	const struct qx_entry *e;
	const struct qx_tok *t = &d->tok[i];
	if (i >= lim || t->kind != QK_WORD || (t->flags & (QF_INQ | QF_UPPER)))
		return false;
	/* capitalised only at the start of a sentence: "According to X, ..." */
	if ((t->flags & QF_CAP) && !(t->flags & QF_SSTART))
		return false;
	e = qx_lex_match(QX_CUES, d->text, d->tok, i, lim, n);
	if (!e)
		return false;
	/* "the report", "his remarks": nouns, not verbs */
	if (i > 0 && d->tok[i - 1].kind == QK_WORD && d->tok[i - 1].para == t->para) {
		const struct qx_tok *p = &d->tok[i - 1];
		if (qx_word_is(d->text, p, "the") || qx_word_is(d->text, p, "a") ||
		    qx_word_is(d->text, p, "an") || qx_word_is(d->text, p, "his") ||
		    qx_word_is(d->text, p, "her") || qx_word_is(d->text, p, "their") ||
		    qx_word_is(d->text, p, "its") || qx_word_is(d->text, p, "this") ||
		    qx_word_is(d->text, p, "these") || qx_word_is(d->text, p, "our") ||
		    qx_word_is(d->text, p, "my") || qx_word_is(d->text, p, "your"))
			return false;
	}
	/* "many Asian states, and", "member states of the union": the noun;
	 * the verb takes "that", a colon, an object or an adjunct ("the
	 * report states that", "the Saudis state in the paper") */
	if (*n == 1 && (qx_word_is(d->text, t, "states") || qx_word_is(d->text, t, "state")) &&
	    i + 1 < lim &&
	    ((d->tok[i + 1].kind == QK_PUNCT && d->tok[i + 1].c != ':') ||
	     qx_word_is(d->text, &d->tok[i + 1], "of") || qx_word_is(d->text, &d->tok[i + 1], "and") ||
	     qx_word_is(d->text, &d->tok[i + 1], "or")))
		return false;
	/* "according to" must be spelled out; a bare "according" is no cue */
	for (size_t k = i; k < i + *n; k++)
		if (d->tok[k].flags & QF_INQ)
			return false;
	*flags = e->flags;
	return true;
}

bool qx_is_pronoun(const struct qx_doc *d, size_t i, int *gender)
{
	const struct qx_tok *t = &d->tok[i];
	if (t->kind != QK_WORD || (t->flags & QF_INQ))
		return false;
	if (qx_word_is(d->text, t, "he"))
		*gender = QX_G_MALE;
	else if (qx_word_is(d->text, t, "she"))
		*gender = QX_G_FEMALE;
	else if (qx_word_is(d->text, t, "they"))
		*gender = QX_G_PLURAL;
	else if (qx_word_is(d->text, t, "it"))
		*gender = QX_G_NEUTER;
	else if (qx_word_is(d->text, t, "we") || qx_word_is(d->text, t, "i"))
		*gender = QX_G_UNKNOWN;
	else
		return false;
	return true;
}

/* A source found by a rule: a mention or a pronoun token. */
struct qx_src {
	size_t men;
	size_t pron;
	int pgender;
};

/* A lower-case adverb in -ly: "initially", "quickly". */
static bool qx_is_ly(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && (t->flags & QF_LOWER) && qx_tlen(t) > 4 &&
	       memcmp(d->text + t->e - 2, "ly", 2) == 0;
}

/* A lower-case or sentence-initial word in -ing: "Speaking", "calling". */
static bool qx_is_ing(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && qx_tlen(t) > 4 && memcmp(d->text + t->e - 3, "ing", 3) == 0;
}

/* "on" before a day: "Sanders on Saturday criticized", "X said on Monday". */
static bool qx_is_on_day(const struct qx_doc *d, size_t k)
{
	return k + 1 < d->ntok && qx_word_is(d->text, &d->tok[k], "on") &&
	       d->tok[k + 1].kind == QK_WORD && (d->tok[k + 1].flags & QF_CAP) &&
	       qx_tok_is(&d->tok[k + 1], QL_AUX);
}

/* Words that stand between a subject and its verb: auxiliaries, adverbs in
 * -ly, "on Monday". */
static bool qx_adverbial(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && !(t->flags & QF_INQ) &&
	       (qx_tok_is(t, QL_AUX) || qx_is_ly(d, k) || qx_is_on_day(d, k) ||
		/* "Carter however said" */
		qx_word_is(d->text, t, "however") || qx_word_is(d->text, t, "meanwhile") ||
		qx_word_is(d->text, t, "nevertheless") || qx_word_is(d->text, t, "nonetheless"));
}

/* "then", "later", "also", "quickly": an adverb between "and" and a verb */
static bool qx_adverbial_word(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD && !(t->flags & QF_INQ) &&
	       (qx_is_ly(d, k) || qx_word_is(d->text, t, "then") || qx_word_is(d->text, t, "later") ||
		qx_word_is(d->text, t, "also") || qx_word_is(d->text, t, "again") ||
		qx_word_is(d->text, t, "once"));
}

static bool qx_skippable(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	if (t->flags & QF_INQ)
		return false;
	if (t->kind == QK_PUNCT)
		return t->c == ',';
	return qx_adverbial(d, k);
}

/* The mention or pronoun that starts exactly at k. */
static bool qx_src_at(const struct qx_doc *d, size_t k, size_t lim, struct qx_src *s)
{
	s->men = s->pron = QX_NONE;
	if (k >= lim)
		return false;
	if (d->tok_men[k] != QX_NONE && d->men[d->tok_men[k]].t0 == k) {
		s->men = d->tok_men[k];
		return true;
	}
	if (qx_is_pronoun(d, k, &s->pgender)) {
		s->pron = k;
		return true;
	}
	return false;
}

static bool qx_is_prep_tok(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	return t->kind == QK_WORD &&
	       (qx_word_is(d->text, t, "of") || qx_word_is(d->text, t, "in") ||
		qx_word_is(d->text, t, "from") || qx_word_is(d->text, t, "at") ||
		qx_word_is(d->text, t, "for") || qx_word_is(d->text, t, "with") ||
		qx_word_is(d->text, t, "to") || qx_word_is(d->text, t, "on") ||
		qx_word_is(d->text, t, "about") || qx_word_is(d->text, t, "by"));
}

/* Is token t one of the lower-case words in the NULL-terminated list? */
static bool qx_word_in(const struct qx_doc *d, const struct qx_tok *t, const char *const *words)
{
	return t->kind == QK_WORD && qx_word_in_list(d->text, t, words);
}

/* A day: "said Wednesday", "told reporters Monday". */
static bool qx_is_weekday(const struct qx_doc *d, size_t k)
{
	static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
					   "saturday", "sunday", "today", "yesterday", NULL};
	return qx_word_in(d, &d->tok[k], days);
}

/* A noun for something written, broadcast or staged: "The Rove ad hits
 * ...", "The Q poll also finds ...", "her Twitter account posted:", "The
 * Trump character functions ...": after a name, it is that thing, not the
 * name followed by a verb. */
static bool qx_is_doc_noun(const struct qx_doc *d, size_t k)
{
	static const char *const words[] = {
		"ad", "ads", "advert", "advertisement", "commercial", "poll", "survey", "study",
		"report", "post", "posts", "account", "tweet", "tweets", "video", "statement",
		"letter", "editorial", "column", "memo", "filing", "release", "article", "book",
		"website", "blog", "email", "message", "documentary", "broadcast", "page",
		"character", "film", "movie", "play", "show", "series", "podcast", "program",
		"programme", NULL};
	return (d->tok[k].flags & QF_LOWER) && qx_word_in(d, &d->tok[k], words);
}

/* A preposition of place or time: "in", "at", "on", "after" ... */
static bool qx_is_locative(const struct qx_doc *d, size_t k)
{
	static const char *const words[] = {"in", "at", "on", "near", "after", "before", "during",
					    "across", "outside", "inside", "throughout", NULL};
	return qx_word_in(d, &d->tok[k], words);
}

/* Past the place or time named after a locative at k: "the", then
 * capitalised words and numbers ("Birmingham", "the Group of 20"), and one
 * ", State" after a city ("Aspen, Colo.,"). */
static size_t qx_skip_place(const struct qx_doc *d, size_t k, size_t lim)
{
	bool any = false;
	/* "in the Capitol", "In a Fox interview", "at his rally in Ames" */
	if (k < lim && d->tok[k].kind == QK_WORD && !(d->tok[k].flags & QF_INQ) &&
	    qx_tok_is(&d->tok[k], QL_DET))
		k++;
	for (int part = 0; part < 2; part++) {
		size_t k0 = k;
		while (k < lim && !(d->tok[k].flags & QF_INQ) &&
		       ((d->tok[k].flags & QF_CAP) || d->tok[k].kind == QK_NUM ||
			(k > k0 && (qx_word_is(d->text, &d->tok[k], "of") ||
				    qx_punct_is(&d->tok[k], '.')))))
			k++;
		any |= k > k0;
		if (!any || part == 1 || k + 1 >= lim || !qx_punct_is(&d->tok[k], ',') ||
		    !(d->tok[k + 1].flags & QF_CAP))
			break;
		/* only when a comma closes the state too: "Aspen, Colo., the" */
		size_t j = k + 1;
		while (j < lim && ((d->tok[j].flags & QF_CAP) || qx_punct_is(&d->tok[j], '.')))
			j++;
		if (j >= lim || !qx_punct_is(&d->tok[j], ','))
			break;
		k++;
	}
	return k;
}

/* '-' or a multi-byte dash (any U+20xx punctuation starts with 0xE2) */
static bool qx_is_dash(const struct qx_tok *t)
{
	return t->kind == QK_PUNCT &&
	       (t->c == '-' || (qx_tlen(t) == 3 && (unsigned char)t->c == 0xE2));
}

static bool qx_is_comma_or_dash(const struct qx_tok *t)
{
	return t->kind == QK_PUNCT &&
	       (t->c == ',' || (t->c == '-' && qx_tlen(t) > 1) ||
		(qx_tlen(t) == 3 && (unsigned char)t->c == 0xE2));
}

/* "Rep. Earl Blumenauer (D-Ore.) said": a short parenthesis after a name
 * is skipped.  Forward: k at '(' -> the token after ')', else k.  Backward:
 * b just after ')' -> the index of '(', else b. */
static size_t qx_paren_fwd(const struct qx_doc *d, size_t k, size_t lim)
{
	if (k >= lim || !(d->tok[k].kind == QK_PUNCT && d->tok[k].c == '('))
		return k;
	for (size_t j = k + 1; j < lim && j < k + 10; j++) {
		if (d->tok[j].flags & QF_INQ)
			break;
		if (d->tok[j].kind == QK_PUNCT && d->tok[j].c == ')')
			return j + 1;
	}
	return k;
}

static size_t qx_paren_back(const struct qx_doc *d, size_t b, size_t lo)
{
	if (b <= lo || !(d->tok[b - 1].kind == QK_PUNCT && d->tok[b - 1].c == ')'))
		return b;
	for (size_t j = b - 1; j > lo && j + 10 > b; j--) {
		if (d->tok[j - 1].flags & QF_INQ)
			break;
		if (d->tok[j - 1].kind == QK_PUNCT && d->tok[j - 1].c == '(')
			return j - 1;
	}
	return b;
}

/* A mention ending at b, or when it sits inside a prepositional phrase
 * ("Smith of Acme", "a voter in Ohio") the mention that the phrase hangs
 * from. */
static size_t qx_men_ending(const struct qx_doc *d, size_t b, size_t lo, bool rel)
{
	size_t mi, hops = 0;
	if (b <= lo || d->tok_men[b - 1] == QX_NONE || d->men[d->tok_men[b - 1]].t1 != b)
		return QX_NONE;
	mi = d->tok_men[b - 1];
	while (hops++ < 3) {
		size_t t0 = d->men[mi].t0, p;
		/* "Baker of Columbia, South Carolina says": a bare name after
		 * the comma that follows a place in a prepositional phrase is
		 * that place's state or country */
		if (t0 > lo + 2 && qx_punct_is(&d->tok[t0 - 1], ',') && d->men[mi].n0 == t0 &&
		    d->men[mi].n1 == d->men[mi].t1 && d->men[mi].t1 - t0 <= 3 && !d->men[mi].role &&
		    (d->men[mi].kind == QX_PERSON || d->men[mi].kind == QX_ORG)) {
			size_t c = t0 - 1, pm = d->tok_men[c - 1];
			if (pm != QX_NONE && d->men[pm].t1 == c && d->men[pm].n0 == d->men[pm].t0 &&
			    d->men[pm].t0 > lo + 1 && qx_is_prep_tok(d, d->men[pm].t0 - 1) &&
			    d->tok_men[d->men[pm].t0 - 2] != QX_NONE &&
			    d->men[d->tok_men[d->men[pm].t0 - 2]].t1 == d->men[pm].t0 - 1) {
				mi = pm;
				continue;
			}
		}
		if (t0 <= lo + 1 || !qx_is_prep_tok(d, t0 - 1))
			break;
		p = t0 - 1;
		if (d->tok_men[p - 1] == QX_NONE || d->men[d->tok_men[p - 1]].t1 != p)
			break;
		mi = d->tok_men[p - 1];
	}
	/* "said Tuesday in Paris": a place, not the speaker (but "the message
	 * from X, who said" names X through the relative clause) */
	if (!rel && d->men[mi].t0 > lo && qx_is_prep_tok(d, d->men[mi].t0 - 1) &&
	    !qx_word_is(d->text, &d->tok[d->men[mi].t0 - 1], "by"))
		return QX_NONE;
	return mi;
}

/* A person or organisation whose name ends at the comma q and whose
 * mention runs on into the appositive that the comma opens, no further
 * than p: "Steve Huhn, a former HP vice president of ...". */
static size_t qx_men_named_at(const struct qx_doc *d, size_t q, size_t p)
{
	size_t mi = q > 0 ? d->tok_men[q - 1] : QX_NONE;
	if (mi == QX_NONE || d->men[mi].n0 == QX_NONE || d->men[mi].n1 != q ||
	    d->men[mi].t1 <= q || d->men[mi].t1 > p)
		return QX_NONE;
	return d->men[mi].kind == QX_PERSON || d->men[mi].kind == QX_ORG ? mi : QX_NONE;
}

static const char *const qx_relatives[] = {"who", "whom", "whose", "which", NULL};

/* The mention or pronoun that ends right before the cue at k.  Auxiliaries
 * ("has", "also", "later") may stand between, and so may a parenthetical
 * between commas or dashes ("X, who ran the campaign, said"). */
static bool qx_src_before(const struct qx_doc *d, size_t k, size_t lo, struct qx_src *s)
{
	size_t b = k, skipped = 0, mi;
	bool rel = false;
	s->men = s->pron = QX_NONE;
	while (b > lo && skipped < 4) {
		size_t p;
		b = qx_paren_back(d, b, lo);
		if (b <= lo)
			break;
		p = b - 1;
		if (qx_is_comma_or_dash(&d->tok[p])) {
			/* look for the opening comma of a parenthetical */
			size_t q = p, n = 0, pb = qx_paren_back(d, p, lo);
			/* "Gov. John Kasich (R-Ohio), said" */
			if (pb != p && (mi = qx_men_ending(d, pb, lo, false)) != QX_NONE &&
			    (d->men[mi].kind == QX_PERSON || d->men[mi].kind == QX_ORG)) {
				s->men = mi;
				return true;
			}
			while (q > lo && n < 25) {
				q--;
				n++;
				/* nor the sentence: "... such as Buffalo, will
				 * help. Her aide, Jake Sullivan, calls it" */
				if ((d->tok[q].flags & QF_INQ) || d->tok[q].sent != d->tok[p].sent)
					break;
				/* a comma-closed aside never spans a dash: "BEIJING,
				 * Jan 9 (Wire) - The ministry ..., calling it" */
				if (d->tok[p].c == ',' && qx_is_dash(&d->tok[q]) &&
				    (d->tok[q].flags & QF_SPACE))
					break;
				if (qx_is_comma_or_dash(&d->tok[q]) && d->tok[q].c == d->tok[p].c) {
					/* "Sen. Claire McCaskill (D-Mo.), who ...," */
					mi = qx_men_ending(d, qx_paren_back(d, q, lo), lo, false);
					/* "Steve Huhn, a former HP vice president of
					 * global sales, said": the mention took in the
					 * start of its appositive */
					if (mi == QX_NONE)
						mi = qx_men_named_at(d, q, p);
					if (mi != QX_NONE && (d->men[mi].kind == QX_PERSON ||
							      d->men[mi].kind == QX_ORG ||
							      d->men[mi].kind == QX_NOMINAL ||
							      d->men[mi].kind == QX_GROUP)) {
						s->men = mi;
						return true;
					}
					/* a relative clause between commas names no one
					 * it does not open with: in ", who has endorsed
					 * Clinton, said" Clinton is not the speaker */
					if (mi == QX_NONE && q + 1 < p && qx_word_in(d, &d->tok[q + 1], qx_relatives))
						return false;
					/* "X, during a meeting in Columbus, Ohio, said" */
					if (mi == QX_NONE && n < 20)
						continue;
					break;
				}
			}
		}
		/* "..., with Trump yelling:": the subject of an absolute
		 * participle, not the object of "with" */
		mi = d->tok_men[p];
		if (mi != QX_NONE && d->men[mi].t1 == b && d->men[mi].t0 > lo &&
		    qx_word_is(d->text, &d->tok[d->men[mi].t0 - 1], "with") && qx_is_ing(d, k) &&
		    (d->men[mi].kind == QX_PERSON || d->men[mi].kind == QX_ORG ||
		     (d->men[mi].kind == QX_NOMINAL && d->men[mi].role))) {
			s->men = mi;
			return true;
		}
		/* "Another intelligence source speaking to Fox News said": the
		 * object of a participle after the subject is not the speaker */
		mi = d->tok_men[p];
		if (mi != QX_NONE && d->men[mi].t1 == b && d->men[mi].t0 >= lo + 2 &&
		    qx_is_prep_tok(d, d->men[mi].t0 - 1) && qx_is_ing(d, d->men[mi].t0 - 2) &&
		    (d->tok[d->men[mi].t0 - 2].flags & QF_LOWER) && skipped < 3) {
			b = d->men[mi].t0 - 2;
			skipped++;
			continue;
		}
		mi = qx_men_ending(d, b, lo, rel);
		if (mi != QX_NONE) {
			s->men = mi;
			return true;
		}
		if (qx_is_pronoun(d, p, &s->pgender)) {
			s->pron = p;
			return true;
		}
		/* "Karl Jensen, who said" */
		if (qx_word_is(d->text, &d->tok[p], "who"))
			rel = true;
		else if (!qx_skippable(d, p))
			return false;
		b = p;
		skipped++;
	}
	return false;
}

/* Does the sentence end at k: a full stop, "!", "?", or the paragraph? */
static bool qx_sentence_ends_at(const struct qx_doc *d, size_t k, size_t lim)
{
	return k >= lim || (d->tok[k].kind == QK_PUNCT &&
			    (d->tok[k].c == '.' || d->tok[k].c == '!' || d->tok[k].c == '?'));
}

/* After an inverted cue, a person may be described by lower-case words the
 * mention does not take in: "said election lawyer X", "said undecided
 * Republican voter X".  Like qx_src_at, but steps over one or two such
 * words when a person whose mention opens with a role follows. */
static bool qx_src_at_inverted(const struct qx_doc *d, size_t k, size_t lim, struct qx_src *s)
{
	if (qx_src_at(d, k, lim, s)) {
		/* "said former Pennsylvania Gov. and Democratic National
		 * Committee Chairman Ed Rendell": two titles joined by "and",
		 * the name after the second */
		const struct qx_mention *m = s->men != QX_NONE ? &d->men[s->men] : NULL;
		size_t t = m ? m->t1 : QX_NONE, mi;
		if (m && m->kind == QX_NOMINAL && m->role && m->n0 == QX_NONE && t + 1 < lim &&
		    qx_word_is(d->text, &d->tok[t], "and") && (mi = d->tok_men[t + 1]) != QX_NONE &&
		    d->men[mi].t0 == t + 1 && d->men[mi].kind == QX_PERSON && d->men[mi].role &&
		    d->men[mi].n0 != QX_NONE)
			s->men = mi;
		/* "said the study's lead author, Dr Lena Hoffmann": the one
		 * owned speaks, not the owner */
		else if (m && t + 1 < lim && (d->tok[t].flags & QF_POSS) && m->n0 != QX_NONE && m->n1 == t &&
			 (mi = d->tok_men[t + 1]) != QX_NONE && d->men[mi].t0 == t + 1 &&
			 (d->men[mi].kind == QX_PERSON || d->men[mi].kind == QX_NOMINAL) && d->men[mi].role)
			s->men = mi;
		return true;
	}
	for (size_t j = k; j < lim && j < k + 2; j++) {
		const struct qx_tok *t = &d->tok[j];
		size_t mi, n;
		unsigned fl;
		if (t->kind != QK_WORD || !(t->flags & QF_LOWER) || (t->flags & QF_INQ) ||
		    qx_tok_is(t, QL_STOP | QL_AUX | QL_DET) || qx_is_prep_tok(d, j) ||
		    qx_is_cue(d, j, lim, &n, &fl))
			return false;
		mi = j + 1 < lim ? d->tok_men[j + 1] : QX_NONE;
		/* "said retired neurosurgeon Ben Carson": a describing noun the
		 * role lexicon lacks, before a full name */
		if (mi != QX_NONE && d->men[mi].t0 == j + 1 && d->men[mi].kind == QX_PERSON &&
		    ((d->men[mi].role && (d->men[mi].r0 == j + 1 || d->men[mi].o0 == j + 1)) ||
		     (!d->men[mi].role && d->men[mi].n0 == j + 1 && d->men[mi].n1 >= j + 3))) {
			s->men = mi;
			s->pron = QX_NONE;
			return true;
		}
	}
	return false;
}

/* Inverted order, "said X" before a quotation: only with verbs of saying
 * and when X is followed by the quotation, a colon or a comma. */
static bool qx_src_inverted(const struct qx_doc *d, size_t cue, size_t k, size_t lim,
			    bool closing, struct qx_src *s)
{
	const struct qx_tok *c = &d->tok[cue];
	size_t e;
	if (!(qx_word_is(d->text, c, "said") || qx_word_is(d->text, c, "says") ||
	      qx_word_is(d->text, c, "added") || qx_word_is(d->text, c, "wrote") ||
	      qx_word_is(d->text, c, "writes") || qx_word_is(d->text, c, "explained") ||
	      qx_word_is(d->text, c, "continued") || qx_word_is(d->text, c, "noted") ||
	      qx_word_is(d->text, c, "declared") || qx_word_is(d->text, c, "insisted") ||
	      qx_word_is(d->text, c, "adds") || qx_word_is(d->text, c, "tweeted") ||
	      qx_word_is(d->text, c, "warned") || qx_word_is(d->text, c, "replied") ||
	      qx_word_is(d->text, c, "stated")))
		return false;
	if (!qx_src_at_inverted(d, k, lim, s))
		return false;
	e = s->men != QX_NONE ? d->men[s->men].t1 : s->pron + 1;
	if (s->pron != QX_NONE)
		return false;
	/* "said X, deputy manager of Kerry's 2004 campaign.": the name is
	 * closed by the comma of an appositive, however it goes on */
	if (closing && d->men[s->men].n0 != QX_NONE && d->men[s->men].n1 < lim &&
	    d->men[s->men].n1 < e && qx_punct_is(&d->tok[d->men[s->men].n1], ','))
		return true;
	if (closing)
		e = qx_paren_fwd(d, e, lim); /* "said its chair X (pictured)." */
	/* closing: the quotation came before, "..." in the spring, said X. */
	return e >= lim || d->tok[e].kind == QK_QMARK ||
	       (d->tok[e].kind == QK_PUNCT && (d->tok[e].c == ':' || d->tok[e].c == ',')) ||
	       (closing && qx_sentence_ends_at(d, e, lim));
}

static void qx_set(struct qx_attr *a, const struct qx_src *s, size_t cue, size_t cue_n,
		   const char *rule, double conf)
{
	a->mention = s->men;
	a->entity = QX_NONE;
	a->cue = cue;
	a->cue_n = cue_n;
	a->rule = rule;
	a->conf = conf;
	a->set = true;
	a->pron = s->pron;
	a->pgender = s->pgender;
}

/* The comma that closes an appositive opened by the comma at k, when a cue
 * follows it: "X, executive director of a union that endorsed Sanders,
 * said".  A quotation inside is stepped over; a sentence end or a second
 * quotation of speech stops the search.  Returns that comma's index + 1,
 * or k when there is none. */
static size_t qx_appositive_end(const struct qx_doc *d, size_t k, size_t lim)
{
	size_t sent = d->tok[k].sent;
	for (size_t j = k + 1; j < lim && j < k + 30; j++) {
		const struct qx_tok *t = &d->tok[j];
		size_t n;
		unsigned fl;
		if (t->sent != sent)
			break;
		if (t->flags & QF_INQ) {
			const struct qx_span *sp = &d->span[t->span];
			/* a short quoted name or title inside the appositive */
			if (sp->close == QX_NONE || sp->t1 - sp->t0 > 6)
				break;
			j = sp->close;
			continue;
		}
		if (!qx_punct_is(t, ','))
			continue;
		if (j + 1 < lim && qx_is_cue(d, j + 1, lim, &n, &fl) && !(fl & (QC_PREP | QC_WEAK)))
			return j + 1;
	}
	return k;
}

/* After a quotation that closed its own sentence ("...arbitrary." Smith
 * warned ...), "X said" opens a new sentence that attributes the quotation
 * only when no clause of its own follows: "X said." or "X said at a
 * news conference.", not "X warned that the move ...", "X said he would
 * ..." or "X said: "..."".  k is
 * the token after the cue (or after the inverted source). */
static bool qx_cue_clause_ends(const struct qx_doc *d, size_t k, size_t lim)
{
	int g;
	if (k >= lim)
		return true;
	/* "Kasich said he would have fired him", "Clinton said Wednesday
	 * she, too, wanted": a reported clause */
	size_t pk = k;
	if (pk + 1 < lim && qx_is_weekday(d, pk))
		pk++;
	if (qx_is_pronoun(d, pk, &g) && !qx_word_is(d->text, &d->tok[pk], "it"))
		return false;
	/* "Critics praise his refusal ...", "Students would continue to
	 * take ...": an object or an infinitive makes a clause of its own
	 * (but "X told the newspaper." reports) */
	if (d->tok[k].kind == QK_WORD && !(d->tok[k].flags & QF_INQ) &&
	    ((qx_word_is(d->text, &d->tok[k], "to") && k + 1 < lim &&
	      d->tok[k + 1].kind == QK_WORD && (d->tok[k + 1].flags & QF_LOWER) &&
	      d->tok_men[k + 1] == QX_NONE && !qx_tok_is(&d->tok[k + 1], QL_DET)) ||
	     (qx_tok_is(&d->tok[k], QL_DET) && !qx_is_prep_tok(d, k - 1) &&
	      !qx_word_is(d->text, &d->tok[k - 1], "told") &&
	      !qx_word_is(d->text, &d->tok[k - 1], "tells") &&
	      !qx_word_is(d->text, &d->tok[k - 1], "asked"))))
		return false;
	for (size_t sent = d->tok[k - 1].sent; k < lim && d->tok[k].sent == sent; k++) {
		const struct qx_tok *t = &d->tok[k];
		if (t->kind == QK_QMARK || (t->flags & QF_INQ) || qx_punct_is(t, ':') ||
		    qx_word_is(d->text, t, "that"))
			return false;
		if (qx_punct_is(t, ','))
			break;
	}
	return true;
}

/* Does the quotation end its own sentence inside the marks: "... it."? */
static bool qx_span_ends_sentence(const struct qx_doc *d, const struct qx_span *sp)
{
	const struct qx_tok *t;
	if (sp->close == QX_NONE || sp->close == 0 || sp->close - 1 < sp->t0)
		return false;
	t = &d->tok[sp->close - 1];
	return t->kind == QK_PUNCT && (t->c == '.' || t->c == '!' || t->c == '?');
}

/* A finite verb of any kind by its ending: "retaliated", "quipped", "jokes".
 * Lower case, outside quotations, not a function word or preposition. */
static bool qx_is_finite_verb(const struct qx_doc *d, size_t k)
{
	const struct qx_tok *t = &d->tok[k];
	const char *w = d->text + t->s;
	size_t n = qx_tlen(t);
	if (t->kind != QK_WORD || !(t->flags & QF_LOWER) || (t->flags & QF_INQ) || n < 4 ||
	    qx_tok_is(t, QL_STOP | QL_AUX | QL_DET) || qx_is_prep_tok(d, k))
		return false;
	return memcmp(w + n - 2, "ed", 2) == 0 ||
	       (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i');
}

/* "an angry Hollande": a person after a determiner and one adjective. */
static bool qx_src_at_described(const struct qx_doc *d, size_t k, size_t lim, struct qx_src *s)
{
	const struct qx_tok *t = &d->tok[k];
	size_t mi;
	if (k + 2 >= lim || t->kind != QK_WORD || !qx_tok_is(t, QL_DET) ||
	    d->tok[k + 1].kind != QK_WORD || !(d->tok[k + 1].flags & QF_LOWER) ||
	    qx_tok_is(&d->tok[k + 1], QL_STOP | QL_DET | QL_AUX) || (d->tok[k + 1].flags & QF_INQ))
		return false;
	mi = d->tok_men[k + 2];
	if (mi == QX_NONE || d->men[mi].t0 != k + 2 || d->men[mi].kind != QX_PERSON ||
	    d->men[mi].n0 != k + 2)
		return false;
	s->men = mi;
	s->pron = QX_NONE;
	return true;
}

/* "...," X retaliated.  /  "...," retorted X.  Where a quotation is
 * followed only by a source and a verb closing the sentence, the verb
 * reports the quotation whatever it is; k is the first token after the
 * quotation's comma. */
static bool qx_rule_any_verb(struct qx_doc *d, size_t k, size_t lim, struct qx_attr *a)
{
	struct qx_src s;
	size_t e;
	if (qx_src_at(d, k, lim, &s) || qx_src_at_described(d, k, lim, &s)) {
		if (s.pron != QX_NONE && s.pgender == QX_G_UNKNOWN)
			return false;
		e = s.men != QX_NONE ? d->men[s.men].t1 : s.pron + 1;
		e = qx_paren_fwd(d, e, lim);
		while (e < lim && qx_is_ly(d, e))
			e++;
		if (e < lim && qx_is_finite_verb(d, e) &&
		    (qx_sentence_ends_at(d, e + 1, lim) ||
		     (e + 2 <= lim && qx_is_ly(d, e + 1) && qx_sentence_ends_at(d, e + 2, lim)))) {
			qx_set(a, &s, e, 1, "cue_adjacent", 0.8);
			return true;
		}
		return false;
	}
	/* inverted: "...," remembered Anna Pike, the firm's press officer. */
	if (qx_is_finite_verb(d, k) && qx_src_at(d, k + 1, lim, &s) && s.men != QX_NONE &&
	    d->men[s.men].kind == QX_PERSON && d->men[s.men].n0 == k + 1) {
		e = d->men[s.men].t1;
		if (qx_sentence_ends_at(d, e, lim) || qx_punct_is(&d->tok[e], ',')) {
			qx_set(a, &s, k, 1, "cue_adjacent", 0.8);
			return true;
		}
	}
	return false;
}

static bool qx_asked_active(const struct qx_doc *d, size_t e);
static bool qx_told_passive(const struct qx_doc *d, size_t e);

/* Is the cue word at c used as a noun: "a Twitter comment", "his
 * remarks", "the statement"?  A determiner or possessive before it, or
 * before a name that modifies it. */
static bool qx_cue_is_noun(const struct qx_doc *d, size_t c, size_t lo)
{
	size_t p = c;
	while (p > lo && c - p < 3 && d->tok[p - 1].kind == QK_WORD &&
	       (d->tok[p - 1].flags & QF_CAP) && !(d->tok[p - 1].flags & QF_INQ))
		p--;
	if (p <= lo)
		return false;
	static const char *const before[] = {"a", "an", "the", "his", "her", "their", "its",
					     "this", "that", NULL};
	const struct qx_tok *t = &d->tok[p - 1];
	return !(t->flags & QF_INQ) && qx_word_in(d, t, before);
}

/* Is token c in a clause that opens its sentence with "as", "when",
 * "while", "after", "before" or "if"? */
static bool qx_in_opening_clause(const struct qx_doc *d, size_t c)
{
	size_t lo = d->para[d->tok[c].para].t0, sent = d->tok[c].sent, k = c;
	while (k > lo && d->tok[k - 1].sent == sent && c - k < 20 && !qx_punct_is(&d->tok[k - 1], ','))
		k--;
	static const char *const openers[] = {"as", "when", "while", "after", "before", "if", NULL};
	if (k > lo && d->tok[k - 1].sent == sent)
		return false; /* a comma came first: not the sentence's opening */
	return qx_word_in(d, &d->tok[k], openers);
}

/* "will say", "to tell", "might call": a cue for speech not yet made */
static bool qx_modal_before(const struct qx_doc *d, size_t c)
{
	static const char *const modals[] = {"will", "to", "can", "might", "may", "should", "must",
					     NULL};
	const struct qx_tok *t = &d->tok[c - 1];
	return !(t->flags & QF_INQ) && qx_word_in(d, t, modals);
}

/* Does the cue ending at k run straight into another quotation: "writes
 * back, "..."", "said: "..."" (past "back" and a comma or colon)? */
static bool qx_cue_introduces_next(const struct qx_doc *d, size_t k)
{
	if (k < d->ntok && qx_word_is(d->text, &d->tok[k], "back"))
		k++;
	return k + 1 < d->ntok && d->tok[k].kind == QK_PUNCT &&
	       (d->tok[k].c == ',' || d->tok[k].c == ':') && (d->tok[k + 1].flags & QF_INQ) &&
	       d->tok[k + 1].para == d->tok[k].para;
}

/* Is there a speech cue earlier in the sentence that opens at `open`? */
static bool qx_cue_before(const struct qx_doc *d, size_t open)
{
	size_t lo = d->para[d->tok[open].para].t0, sent = d->tok[open].sent, n;
	unsigned fl;
	for (size_t k = open; k > lo && open - k < QX_SENT_MAX;) {
		k--;
		if (d->tok[k].sent != sent)
			break;
		if (!(d->tok[k].flags & QF_INQ) && qx_is_cue(d, k, open, &n, &fl) && !(fl & QC_WEAK))
			return true;
	}
	return false;
}

/* The source after "according to": a name, or the one whose document is
 * cited, "according to a statement from the Ministry of Trade". */
static bool qx_according_src(const struct qx_doc *d, size_t k, size_t lim, struct qx_src *s)
{
	size_t j = k;
	if (j < lim && d->tok[j].kind == QK_WORD && qx_tok_is(&d->tok[j], QL_DET))
		j++;
	if (j + 2 < lim && qx_is_doc_noun(d, j) &&
	    (qx_word_is(d->text, &d->tok[j + 1], "from") || qx_word_is(d->text, &d->tok[j + 1], "by") ||
	     qx_word_is(d->text, &d->tok[j + 1], "of"))) {
		for (size_t t = j + 2; t < lim && t <= j + 3; t++)
			if (qx_src_at(d, t, lim, s) && s->men != QX_NONE &&
			    (d->men[s->men].kind == QX_PERSON || d->men[s->men].kind == QX_ORG))
				return true;
	}
	/* "according to her," (not "according to her lawyer") */
	if (k < lim && d->tok[k].kind == QK_WORD && !(d->tok[k].flags & QF_INQ) &&
	    (k + 1 >= lim || d->tok[k + 1].kind == QK_PUNCT) &&
	    (qx_word_is(d->text, &d->tok[k], "her") || qx_word_is(d->text, &d->tok[k], "him"))) {
		s->men = QX_NONE;
		s->pron = k;
		s->pgender = qx_word_is(d->text, &d->tok[k], "her") ? QX_G_FEMALE : QX_G_MALE;
		return true;
	}
	return qx_src_at(d, k, lim, s);
}

/* "...," said X   |   "...," X said   |   "...," X, the minister, said */
static bool qx_rule_after(struct qx_doc *d, const struct qx_span *sp, struct qx_attr *a)
{
	size_t lim = d->para[sp->para].t1, j, n;
	unsigned fl;
	struct qx_src s;

	bool dash = false, ended;

	if (sp->close == QX_NONE)
		return false;
	j = sp->close + 1;
	while (j < lim && d->tok[j].kind == QK_PUNCT &&
	       (d->tok[j].c == ',' || qx_is_dash(&d->tok[j]))) {
		dash = dash || qx_is_dash(&d->tok[j]);
		j++;
	}
	if (j >= lim)
		return false;
	/* a pull quote or headline signed after a dash: "..." – UNICEF Chief;
	 * not when the sentence has its own cue, where the name after the
	 * dash signs the paragraph: 'Rajoy insisted it was "the first
	 * force."--Kim Hjelmgaard' */
	if (dash && qx_src_at(d, j, lim, &s) && s.men != QX_NONE && !qx_cue_before(d, sp->open)) {
		size_t e = d->men[s.men].t1;
		while (e < lim && d->tok[e].kind == QK_PUNCT && d->tok[e].c != ',')
			e++;
		/* a description signs only when it names its body: "– UNICEF
		 * Chief", not "– a spokesman" */
		if (e == lim && (d->men[s.men].kind != QX_NOMINAL ||
				 (d->men[s.men].role && d->men[s.men].o0 != QX_NONE))) {
			qx_set(a, &s, QX_NONE, 0, "dash_source", 0.7);
			return true;
		}
	}
	ended = qx_span_ends_sentence(d, sp);
	if (qx_is_cue(d, j, lim, &n, &fl)) {
		size_t k = j + n;
		/* "said on Monday X" is rare; "said X" and "told X" are not;
		 * "...," promising the voters: a participle's object */
		if (!(fl & QC_PREP) && !qx_is_ing(d, j) && qx_src_at_inverted(d, k, lim, &s) &&
		    (s.men != QX_NONE || s.pgender != QX_G_UNKNOWN) &&
		    (!ended || qx_cue_clause_ends(d, s.men != QX_NONE ? d->men[s.men].t1 : s.pron + 1, lim))) {
			/* "told reporters": an object, not the speaker */
			if (!(s.men != QX_NONE && d->men[s.men].kind == QX_GROUP &&
			      qx_word_is(d->text, &d->tok[j], "told"))) {
				qx_set(a, &s, j, n, "cue_adjacent", 0.95);
				return true;
			}
		}
		if ((fl & QC_PREP) && qx_according_src(d, k, lim, &s)) {
			qx_set(a, &s, j, n, "according_to", 0.9);
			return true;
		}
		return false;
	}
	if (qx_src_at(d, j, lim, &s)) {
		size_t k = s.men != QX_NONE ? d->men[s.men].t1 : s.pron + 1, skipped = 0;
		k = qx_paren_fwd(d, k, lim);
		/* "...," X, a delegate wearing "Cruz" pins, said: an appositive
		 * the mention did not take in, closed by a comma before the cue */
		if (s.men != QX_NONE && k < lim && !qx_is_cue(d, k + 1, lim, &n, &fl) &&
		    (qx_punct_is(&d->tok[k], ',') ||
		     (d->men[s.men].n0 != QX_NONE && d->men[s.men].n1 < k &&
		      qx_punct_is(&d->tok[d->men[s.men].n1], ','))))
			k = qx_appositive_end(d, k, lim);
		while (k < lim && skipped < 4 && !qx_is_cue(d, k, lim, &n, &fl) &&
		       qx_skippable(d, k)) {
			k++;
			skipped++;
		}
		/* 'After Ruiz said ports "could lose routes," Diaz said: "..."':
		 * a cue with a colon introduces the next quotation, not a
		 * partial one earlier in its sentence */
		bool forward = k < lim && k + n + 1 < lim && qx_punct_is(&d->tok[k + n], ':') &&
			       (d->tok[k + n + 1].flags & QF_INQ) && qx_cue_before(d, sp->open);
		if (k < lim && !forward && qx_is_cue(d, k, lim, &n, &fl) && !(fl & QC_PREP) &&
		    (!ended || qx_cue_clause_ends(d, k + n, lim))) {
			qx_set(a, &s, k, n, "cue_adjacent", 0.95);
			return true;
		}
	}
	/* only after the comma of a quotation that is a sentence's object:
	 * "...," X retaliated. -- not a quoted word inside a clause */
	if (ended || dash ||
	    !(qx_punct_is(&d->tok[sp->close + 1], ',') ||
	      (sp->close > sp->t0 && qx_punct_is(&d->tok[sp->close - 1], ','))))
		return false;
	return qx_rule_any_verb(d, j, lim, a);
}

static bool qx_subject_of(const struct qx_doc *d, size_t at, struct qx_src *s);

/* A participle after a comma, "..., calling it", "..., saying": its subject
 * is the subject of the clause before. */
static bool qx_is_participle(const struct qx_doc *d, size_t c)
{
	const struct qx_tok *t = &d->tok[c];
	size_t n = qx_tlen(t);
	const struct qx_tok *p = c > 0 ? &d->tok[c - 1] : NULL;
	/* ", saying", and "by warning", "after saying", "while adding":
	 * the main clause's subject speaks */
	return n > 4 && memcmp(d->text + t->e - 3, "ing", 3) == 0 && p &&
	       (qx_punct_is(p, ',') ||
		(!(p->flags & QF_INQ) &&
		 (qx_word_is(d->text, p, "by") || qx_word_is(d->text, p, "after") ||
		  qx_word_is(d->text, p, "before") || qx_word_is(d->text, p, "while") ||
		  qx_word_is(d->text, p, "when"))));
}

/* "Trump blasted the witness ... and then tweeted that she was ...": a cue
 * that is the second verb of its subject, after "and" or "but" (and an
 * adverb or two). */
static bool qx_coordinated_verb(const struct qx_doc *d, size_t c, size_t lo)
{
	size_t k = c;
	while (k > lo && k + 3 > c && qx_adverbial_word(d, k - 1))
		k--;
	return k > lo && !(d->tok[k - 1].flags & QF_INQ) &&
	       (qx_word_is(d->text, &d->tok[k - 1], "and") || qx_word_is(d->text, &d->tok[k - 1], "but"));
}

/* "..., Fiorina said, adding that ...": the source of the nearest cue
 * before c in its sentence. */
static bool qx_prev_cue_source(const struct qx_doc *d, size_t c, size_t lo, struct qx_src *s)
{
	size_t sent = d->tok[c].sent, n;
	unsigned fl;
	for (size_t k = c - 1, seen = 0; k > lo && seen < 12; k--, seen++) {
		if (d->tok[k].sent != sent || (d->tok[k].flags & QF_INQ))
			break;
		if (!qx_is_cue(d, k, c, &n, &fl) || (fl & (QC_PREP | QC_WEAK)) || qx_cue_is_noun(d, k, lo))
			continue;
		if (qx_src_before(d, k, lo, s))
			return true;
		if (k > lo && (d->tok[k - 1].flags & QF_INQ) &&
		    qx_src_at(d, k + n, c, s) && s->men != QX_NONE)
			return true; /* "...," said X, adding */
		return false;
	}
	return false;
}

/* Where a source starts: its mention or pronoun token. */
static size_t qx_src_start(const struct qx_doc *d, const struct qx_src *s)
{
	return s->men != QX_NONE ? d->men[s->men].t0 : s->pron;
}

/* Does a source starting at s0 open a clause of its own: after ";",
 * "and", "but", "while", "as", "when", "after" or "before" (past a
 * determiner: "while the Farm Bureau said")? */
static bool qx_opens_clause(const struct qx_doc *d, size_t s0, size_t lo)
{
	static const char *const joins[] = {"and", "but", "while", "whereas", "as", "when",
					    "after", "before", NULL};
	const struct qx_tok *p;
	if (s0 <= lo)
		return false;
	p = &d->tok[s0 - 1];
	if (s0 > lo + 1 && p->kind == QK_WORD && qx_tok_is(p, QL_DET))
		p = &d->tok[s0 - 2];
	return qx_punct_is(p, ';') || qx_word_in(d, p, joins);
}

/* The cue at c and its source s sit inside the clause reported by an
 * earlier cue of the sentence: "Rep. Israel said Clinton called ...",
 * "Rubio said ... Trump, whom he called ...".  Finds that earlier cue's
 * source.  A source opening a clause of its own after "and", "but" or a
 * semicolon ("Smith said X, and Jones called it ...") is not inside it. */
static bool qx_outer_source(const struct qx_doc *d, size_t c, size_t lo, const struct qx_src *s,
			    struct qx_src *out)
{
	size_t sent = d->tok[c].sent, s0 = qx_src_start(d, s), n;
	unsigned fl;
	if (s0 == QX_NONE || s0 <= lo)
		return false;
	if (qx_opens_clause(d, s0, lo))
		return false;
	for (size_t k = s0, seen = 0; k > lo && seen < QX_WINDOW; seen++) {
		size_t c0 = --k;
		if (d->tok[c0].sent != sent || qx_punct_is(&d->tok[c0], ';'))
			break;
		if (d->tok[c0].flags & QF_INQ)
			continue;
		if (!qx_is_cue(d, c0, c, &n, &fl) || (fl & (QC_WEAK | QC_PREP)) || c0 + n > s0)
			continue;
		/* "As Lind spoke, the union was urging ...": a cue closed by a
		 * comma reports no clause after it; nor does one inside an
		 * opening clause ("After Trump argued that ..., Rubio said
		 * only that his "numbers don't add up."") */
		if ((c0 + n < s0 && qx_punct_is(&d->tok[c0 + n], ',')) || qx_in_opening_clause(d, c0))
			return false;
		/* the earlier cue must be the main clause's, not one in an
		 * opening clause: "While not everything Trump says is true,
		 * Jamieson said Trump is "..."" */
		if (qx_src_before(d, c0, lo, out) && qx_src_start(d, out) < c0) {
			struct qx_src subj;
			return out->pron != QX_NONE || !qx_subject_of(d, c + 1, &subj) ||
			       qx_src_start(d, &subj) == qx_src_start(d, out);
		}
		return false;
	}
	return false;
}

/* How the stretch between a cue and the quotation reads: nothing but a
 * colon, comma or "that" (direct), or more words (indirect speech). */
static bool qx_gap_direct(const struct qx_doc *d, size_t cue, size_t from, size_t to)
{
	const struct qx_tok *c = &d->tok[cue];
	bool tell = qx_word_is(d->text, c, "told") || qx_word_is(d->text, c, "tells") ||
		    qx_word_is(d->text, c, "telling") || qx_word_is(d->text, c, "tell") ||
		    qx_word_is(d->text, c, "asked") || qx_word_is(d->text, c, "wrote") ||
		    qx_word_is(d->text, c, "said") || qx_word_is(d->text, c, "says") ||
		    qx_word_is(d->text, c, "added");
	size_t words = 0;
	if (to > from && d->tok[to - 1].kind == QK_WORD && !qx_word_is(d->text, &d->tok[to - 1], "that"))
		return false; /* the quotation continues a clause */
	for (size_t k = from; k < to; k++) {
		const struct qx_tok *t = &d->tok[k];
		if (t->kind == QK_PUNCT)
			continue;
		if (qx_word_is(d->text, t, "that"))
			continue;
		if (tell && d->tok_men[k] != QX_NONE)
			continue; /* "told reporters", "said in a statement" */
		words++;
	}
	return words <= 4;
}

/* A cue earlier in the quotation's sentence: X said: "..." / X said the
 * plan was "a disaster" / according to X, "...". */
static bool qx_rule_before(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	const struct qx_span *sp = &d->span[si];
	size_t lo = d->para[sp->para].t0, sent = d->tok[sp->open].sent, seen = 0;
	size_t lim = d->para[sp->para].t1;

	for (size_t k = sp->open; k > lo && seen < QX_WINDOW;) {
		size_t c = k - 1, n;
		unsigned fl;
		struct qx_src s;
		if (d->tok[c].sent != sent)
			break;
		if (d->tok[c].flags & QF_INQ) {
			size_t o = d->span[d->tok[c].span].open;
			k = o < c ? o : c;
			continue;
		}
		k = c;
		seen++;
		if (!qx_is_cue(d, c, lim, &n, &fl))
			continue;
		if (fl & QC_PREP) {
			if (qx_according_src(d, c + n, lim, &s)) {
				qx_set(a, &s, c, n, "according_to", 0.9);
				return true;
			}
			continue;
		}
		/* "Trump was asked, "...?"": the question is the asker's, named
		 * when "by" follows ("was asked by moderator Gerard Baker
		 * whether ..."); so is what someone "was told" */
		if ((qx_word_is(d->text, &d->tok[c], "asked") && !qx_asked_active(d, c)) ||
		    qx_told_passive(d, c)) {
			if (c + 2 < sp->open && qx_word_is(d->text, &d->tok[c + 1], "by") &&
			    qx_src_at_inverted(d, c + 2, sp->open, &s) && s.men != QX_NONE) {
				a->partial = !qx_gap_direct(d, c, c + 1, sp->open);
				qx_set(a, &s, c, 1, a->partial ? "partial_indirect" : "cue_adjacent", 0.8);
				return true;
			}
			continue;
		}
		if ((fl & QC_WEAK) && sp->open - (c + n) > 5)
			continue;
		/* "Obama said he expected Americans will say "no"": speech that
		 * is yet to come is the reporting speaker's words */
		if (c > lo && qx_modal_before(d, c))
			continue;
		/* "As Blumenthal spoke, the NRA was whipping lawmakers against
		 * "..."": "spoke" closing an opening clause has no content ("As
		 * Politico reported, "..."" does) */
		if ((qx_word_is(d->text, &d->tok[c], "spoke") || qx_word_is(d->text, &d->tok[c], "speaks")) &&
		    c + n < sp->open && qx_punct_is(&d->tok[c + n], ',') && qx_in_opening_clause(d, c))
			continue;
		if ((qx_is_participle(d, c) &&
		     (qx_prev_cue_source(d, c, lo, &s) || qx_subject_of(d, c, &s))) ||
		    qx_src_before(d, c, lo, &s) || qx_src_inverted(d, c, c + n, sp->open, false, &s) ||
		    (qx_coordinated_verb(d, c, lo) && qx_subject_of(d, c, &s))) {
			bool direct = qx_gap_direct(d, c, c + n, sp->open);
			struct qx_src subj;
			/* "X emailed supporters saying: "..."": the participle's
			 * subject is the clause's, not the verb's object */
			if (qx_is_ing(d, c) && !qx_is_participle(d, c) && s.men != QX_NONE &&
			    d->men[s.men].t0 > lo && d->men[s.men].t1 == c &&
			    d->tok[d->men[s.men].t0 - 1].kind == QK_WORD &&
			    (d->tok[d->men[s.men].t0 - 1].flags & QF_LOWER) &&
			    !qx_tok_is(&d->tok[d->men[s.men].t0 - 1], QL_STOP | QL_DET) &&
			    !qx_is_prep_tok(d, d->men[s.men].t0 - 1) && qx_subject_of(d, c, &subj))
				s = subj;
			/* indirect speech: the quoted words belong to the main clause,
			 * "Clinton, during a town hall in Columbus, said she was "..."" */
			if (!direct && s.men != QX_NONE &&
			    (d->men[s.men].kind != QX_PERSON ||
			     (d->men[s.men].t0 > lo && qx_is_prep_tok(d, d->men[s.men].t0 - 1))) &&
			    !qx_opens_clause(d, d->men[s.men].t0, lo) && qx_subject_of(d, c + 1, &subj))
				s = subj;
			/* a clause reported by an earlier cue: "Israel said Clinton
			 * called on members to be "..."" is Israel's report */
			if (!direct && qx_outer_source(d, c, lo, &s, &subj))
				s = subj;
			a->partial = !direct;
			qx_set(a, &s, c, n, direct ? "cue_adjacent" : "partial_indirect",
			       direct ? 0.9 : 0.8);
			return true;
		}
	}
	return false;
}

/* A cue later in the sentence: "...a disaster" and will fail, X said. */
static bool qx_rule_later(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	const struct qx_span *sp = &d->span[si];
	size_t lim = d->para[sp->para].t1, sent = d->tok[sp->open].sent, seen = 0;
	size_t k = sp->close != QX_NONE ? sp->close + 1 : lim;

	while (k < lim && seen < QX_WINDOW) {
		size_t n;
		unsigned fl;
		struct qx_src s;
		if (d->tok[k].sent != sent)
			break;
		if (d->tok[k].flags & QF_INQ) {
			size_t sj = d->tok[k].span;
			k = d->span[sj].close != QX_NONE ? d->span[sj].close + 1 : lim;
			continue;
		}
		seen++;
		/* "X accuses Y of an "artful smear" while Y suggests ...": a
		 * cue past a contrasting conjunction is another clause's */
		static const char *const contrasts[] = {"while", "whereas", "although", NULL};
		if (qx_word_in(d, &d->tok[k], contrasts))
			break;
		if (!qx_is_cue(d, k, lim, &n, &fl)) {
			k++;
			continue;
		}
		if (fl & QC_PREP) {
			if (qx_according_src(d, k + n, lim, &s)) {
				qx_set(a, &s, k, n, "according_to", 0.85);
				return true;
			}
		} else if (!(fl & QC_WEAK) &&
			   /* '"..." that Sanders can win, said X': after a comma
			    * the cue's source follows it */
			   ((k > 0 && qx_punct_is(&d->tok[k - 1], ',') &&
			     qx_src_inverted(d, k, k + n, lim, true, &s)) ||
			    qx_src_before(d, k, sp->close != QX_NONE ? sp->close + 1 : k, &s) ||
			    qx_src_inverted(d, k, k + n, lim, true, &s))) {
			qx_set(a, &s, k, n, "cue_sentence", 0.75);
			return true;
		}
		k += n;
	}
	return false;
}

/* Is there a comma among tokens [a, b)?  (a mention that took in an
 * appositive) */
static bool qx_has_comma(const struct qx_doc *d, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (qx_punct_is(&d->tok[k], ','))
			return true;
	return false;
}

/* The first mention of a sentence, its likely subject. */
static bool qx_sentence_subject(const struct qx_doc *d, size_t from, size_t to,
				struct qx_src *s)
{
	for (size_t k = from; k < to; k++) {
		if (d->tok[k].flags & QF_INQ)
			return false;
		/* "At a rally in Birmingham, Alabama, ...", "later that week on
		 * Radio Nova:", "after the Group of 20 summit": a name governed
		 * by a preposition of place or time is where or when, not who
		 * ("More from Jones:" and "sent by Sanders" name the speaker) */
		if (qx_is_locative(d, k)) {
			k = qx_skip_place(d, k + 1, to) - 1;
			continue;
		}
		/* "The timing of Sanders' surge doesn't surprise X:" */
		if (qx_word_is(d->text, &d->tok[k], "of") && k + 1 < to && d->tok_men[k + 1] != QX_NONE &&
		    d->men[d->tok_men[k + 1]].t0 == k + 1) {
			k = d->men[d->tok_men[k + 1]].t1 - 1;
			continue;
		}
		/* "Obama's first five questioners": the owner is not the
		 * subject */
		if (d->tok_men[k] != QX_NONE && d->men[d->tok_men[k]].t0 == k &&
		    d->men[d->tok_men[k]].t1 < to && (d->tok[d->men[d->tok_men[k]].t1].flags & QF_POSS) &&
		    !qx_has_comma(d, k, d->men[d->tok_men[k]].t1)) {
			k = d->men[d->tok_men[k]].t1;
			continue;
		}
		if (qx_src_at(d, k, to, s))
			return s->men == QX_NONE || d->men[s->men].kind != QX_NOMINAL ||
			       d->men[s->men].role;
	}
	return false;
}


/* A dateline opening the sentence, "PHILADELPHIA, July 25 (UPI) — ":
 * the index after its dash, else k. */
size_t qx_skip_dateline(const struct qx_doc *d, size_t k, size_t at)
{
	if (!(d->tok[k].flags & QF_PSTART))
		return k;
	if (!(d->tok[k].flags & QF_UPPER)) {
		/* "Lisbon (Wire) – ", "São Paulo (AP) - ": a place in mixed
		 * case takes the agency in brackets */
		size_t j = k + 1;
		if (!(d->tok[k].flags & QF_CAP))
			return k;
		while (j < at && j < k + 3 && (d->tok[j].flags & QF_CAP))
			j++;
		if (j + 3 >= at || !qx_punct_is(&d->tok[j], '('))
			return k;
		for (j++; j < at && j < k + 9 && !qx_punct_is(&d->tok[j], ')'); j++)
			if (!(d->tok[j].flags & (QF_CAP | QF_UPPER)))
				return k;
		return j + 1 < at && qx_punct_is(&d->tok[j], ')') && qx_is_dash(&d->tok[j + 1]) ? j + 2 : k;
	}
	for (size_t j = k + 1; j < at && j < k + 12; j++) {
		if (d->tok[j].flags & QF_INQ)
			break;
		/* "LONDON — ", "NEW YORK — ": the place alone */
		if (qx_is_dash(&d->tok[j]) && j <= k + 3 && (d->tok[j - 1].flags & QF_UPPER))
			return j + 1;
		if (qx_is_dash(&d->tok[j]) && j > k + 1 &&
		    (qx_punct_is(&d->tok[j - 1], ')') || d->tok[j - 1].kind == QK_NUM ||
		     (d->tok[j - 1].flags & QF_UPPER) ||
		     /* "DECATUR, Ill. —": a state abbreviated after the city */
		     (qx_punct_is(&d->tok[k + 1], ',') && j < k + 6 &&
		      ((d->tok[j - 1].flags & QF_ABBR) || qx_punct_is(&d->tok[j - 1], '.')))))
			return j + 1;
	}
	return k;
}

/* A form of "be" at k, making the participle after it passive. */
static bool qx_be_at(const struct qx_doc *d, size_t k)
{
	static const char *const be[] = {"was", "were", "is", "are", "been", "being", "be", NULL};
	return qx_word_in(d, &d->tok[k], be);
}

/* "Smith asked the board to ..." makes Smith the asker; "Smith was asked
 * by ..." (or "They are asked ...") makes Smith the one addressed. */
static bool qx_asked_active(const struct qx_doc *d, size_t e)
{
	return qx_word_is(d->text, &d->tok[e], "asked") && !(e > 0 && qx_be_at(d, e - 1));
}

/* "Price was told by the city attorney that ...": the one told is no
 * speaker; the one after "by" is. */
static bool qx_told_passive(const struct qx_doc *d, size_t e)
{
	return qx_word_is(d->text, &d->tok[e], "told") && e > 0 && qx_be_at(d, e - 1);
}

/* Is the source s followed (past a parenthesis, aside and auxiliaries) by
 * a lower-case word, its verb? */
static bool qx_src_verb(const struct qx_doc *d, const struct qx_src *s, size_t at)
{
	size_t e = s->men != QX_NONE ? d->men[s->men].t1 : s->pron + 1, e0;
	e0 = e = qx_paren_fwd(d, e, at);
	while (e < at && qx_adverbial(d, e))
		e++;
	return e < at && d->tok[e].kind == QK_WORD && (d->tok[e].flags & QF_LOWER) &&
	       !(d->tok[e].flags & QF_INQ) && !qx_is_prep_tok(d, e) &&
	       !(e == e0 && qx_is_doc_noun(d, e)) &&
	       (!qx_tok_is(&d->tok[e], QL_STOP) || qx_asked_active(d, e));
}

/* "It comes as ...", "It is clear that ...": an "it" that stands for no
 * one. */
static bool qx_expletive_it(const struct qx_doc *d, size_t k, size_t at)
{
	static const char *const verbs[] = {"is", "was", "comes", "came", "seems", "seemed",
					    "appears", "appeared", "remains", "remained", NULL};
	const struct qx_tok *v;
	if (!qx_word_is(d->text, &d->tok[k], "it") || k + 1 >= at)
		return false;
	v = &d->tok[k + 1];
	/* "it's prohibited when ..." */
	if ((v->flags & QF_POSS) || qx_word_in(d, v, verbs))
		return true;
	/* "It has not helped that ...", "It would be wrong to ...": an
	 * auxiliary, a word or two and no cue, then "that" or "to" */
	if (!qx_tok_is(v, QL_AUX))
		return false;
	for (size_t j = k + 2; j < at && j < k + 6; j++) {
		size_t n;
		unsigned fl;
		const struct qx_tok *t = &d->tok[j];
		if (t->kind != QK_WORD || (t->flags & QF_INQ) || qx_is_cue(d, j, at, &n, &fl))
			return false;
		if (qx_word_is(d->text, t, "that") || qx_word_is(d->text, t, "to"))
			return j > k + 2;
	}
	return false;
}

/* "A woman in Worcester", "a farmer from Ames": a described nominal
 * starting at k whose phrase ends in a place after "in" or "from". */
static bool qx_described_by_place(const struct qx_doc *d, size_t mi, size_t k)
{
	const struct qx_mention *m = &d->men[mi];
	size_t p;
	if (!m->role || !qx_tok_is(&d->tok[k], QL_DET) || m->o0 == QX_NONE ||
	    m->o1 != m->t1 || m->o0 < m->t0 + 2 ||
	    (m->kind != QX_NOMINAL && m->kind != QX_GROUP))
		return false;
	p = m->o0 - 1;
	if (qx_word_is(d->text, &d->tok[p], "the"))
		p--;
	return qx_word_is(d->text, &d->tok[p], "in") || qx_word_is(d->text, &d->tok[p], "from");
}

/* The subject of the sentence holding token `at`: the person, organisation
 * or pronoun that opens it (after an adverbial such as "On Sunday," or "In
 * a statement,"), followed by a verb.  Sets s and returns true. */
static bool qx_subject_of(const struct qx_doc *d, size_t at, struct qx_src *s)
{
	size_t lo = d->para[d->tok[at].para].t0, k = at, e, e0, sent = d->tok[at].sent;

	/* a bounded walk back to the sentence start keeps the pass linear */
	while (k > lo && d->tok[k - 1].sent == sent && at - k < QX_SENT_MAX)
		k--;
	if (k > lo && d->tok[k - 1].sent == sent)
		return false;
	k = qx_skip_dateline(d, k, at);
	/* "And after the court ruled, X blamed ...": a conjunction before an
	 * opening clause */
	if (k + 1 < at && (qx_word_is(d->text, &d->tok[k], "and") ||
			   qx_word_is(d->text, &d->tok[k], "but") ||
			   qx_word_is(d->text, &d->tok[k], "so") ||
			   qx_word_is(d->text, &d->tok[k], "yet")) &&
	    (qx_is_prep_tok(d, k + 1) || qx_word_is(d->text, &d->tok[k + 1], "after") ||
	     qx_word_is(d->text, &d->tok[k + 1], "when") ||
	     qx_word_is(d->text, &d->tok[k + 1], "while") ||
	     qx_word_is(d->text, &d->tok[k + 1], "during")))
		k++;
	{
		/* a prepositional or participial opening may be long, and hold
		 * commas of its own: "Speaking at a town hall in Salem, New
		 * Hampshire, which votes next, Bush said" (at most three) */
		static const char *const openers[] = {
			"after", "during", "while", "when", "amid", "despite", "following", "since",
			"until", "although", "though", "because", "unless", "once", "without",
			"under", "among", "throughout", "across", "within", "before", "upon",
			"over", "against", "unlike", "beyond", NULL,
		};
		bool longo = qx_is_prep_tok(d, k) || qx_is_ing(d, k) || qx_word_in(d, &d->tok[k], openers);
		size_t maxn = longo ? 20 : 8;
		for (size_t hop = 0; hop < (longo ? 3 : 1); hop++) {
			size_t j = k, n = 0, mk = d->tok_men[k];
			/* "A woman in Worcester, Massachusetts, said": a subject
			 * described by where it is from is no opening clause */
			bool named = mk != QX_NONE && d->men[mk].t0 == k &&
				     (d->men[mk].kind == QX_PERSON || d->men[mk].kind == QX_ORG ||
				      (hop == 0 && qx_described_by_place(d, mk, k)));
			struct qx_src probe;
			if (hop > 0 && qx_src_at(d, k, at, &probe) && qx_src_verb(d, &probe, at))
				break;
			while (j < at && n < maxn && !(d->tok[j].flags & QF_INQ) &&
			       !qx_punct_is(&d->tok[j], ','))
				j++, n++;
			if (j < at && qx_punct_is(&d->tok[j], ',') && n < maxn &&
			    (!named || hop > 0) && !(mk != QX_NONE && d->men[mk].t1 > j))
				k = j + 1;
			else
				break;
		}
	}
	/* "And then Trump went ...", "But Smith said ..." */
	for (size_t n = 0; n < 2 && k < at && d->tok[k].kind == QK_WORD &&
			   qx_tok_is(&d->tok[k], QL_STOP) && !qx_src_at(d, k, at, s);
	     n++)
		k++;
	if (k >= at || !qx_src_at(d, k, at, s))
		return false;
	/* "The World Health Organization's country representative, Dr X,
	 * said": the owner is not the subject, the one it owns is */
	if (s->men != QX_NONE && d->men[s->men].t1 + 1 < at &&
	    (d->tok[d->men[s->men].t1].flags & QF_POSS) && d->men[s->men].n0 != QX_NONE &&
	    d->men[s->men].n1 == d->men[s->men].t1 && d->tok_men[d->men[s->men].t1 + 1] != QX_NONE) {
		struct qx_src owned;
		size_t o = d->men[s->men].t1 + 1;
		if (d->men[d->tok_men[o]].t0 == o && qx_src_at(d, o, at, &owned) && owned.men != QX_NONE &&
		    d->men[owned.men].kind != QX_ORG)
			*s = owned;
	}
	/* still inside an opening clause too long to skip: "After the
	 * Supreme Court failed to ..." */
	if (k > lo && (qx_is_locative(d, k - 1) ||
		       (k > lo + 1 && qx_word_is(d->text, &d->tok[k - 1], "the") &&
			qx_is_locative(d, k - 2))))
		return false;
	if (s->men != QX_NONE) {
		const struct qx_mention *m = &d->men[s->men];
		if (m->kind == QX_NOMINAL && !m->role)
			return false;
		e = m->t1;
		/* the mention took in the start of an appositive: "Ted Nordhaus,
		 * co-founder of the Breakthrough Institute and ..., welcomed" */
		if (m->n0 != QX_NONE && m->n1 < m->t1 && qx_punct_is(&d->tok[m->n1], ','))
			e = m->n1;
	} else {
		if (s->pgender == QX_G_UNKNOWN || qx_expletive_it(d, s->pron, at))
			return false;
		e = s->pron + 1;
	}
	/* "Collins (Maine)", "Trump, who leads in delegates,", "Diament,
	 * executive director of advocacy,"; an appositive may hold commas of
	 * its own: "Garin, a pollster working with Priorities USA, a super
	 * PAC, said" (at most three) */
	e = qx_paren_fwd(d, e, at);
	for (size_t hop = 0; hop < 3 && e < at &&
			     (qx_punct_is(&d->tok[e], ',') || qx_word_is(d->text, &d->tok[e], "who"));
	     hop++) {
		size_t j = e + 1;
		while (j < at && j < e + 40 && !(d->tok[j].flags & QF_INQ) &&
		       !qx_punct_is(&d->tok[j], ','))
			j++;
		if (!(j < at && j < e + 40 && qx_punct_is(&d->tok[j], ',')))
			break;
		e = j + 1;
		if (e < at && d->tok[e].kind == QK_WORD && (d->tok[e].flags & QF_LOWER) &&
		    (qx_tok_is(&d->tok[e], QL_AUX) || qx_is_ly(d, e) ||
		     (!qx_tok_is(&d->tok[e], QL_STOP | QL_DET) && !qx_is_prep_tok(d, e))))
			break;
		e = j;
	}
	if (e < at && qx_punct_is(&d->tok[e], ','))
		e++;
	/* "Trump at the time said", "Smith in a statement said": a short
	 * phrase of time or manner between the subject and its cue */
	if (e < at && (qx_is_locative(d, e) || qx_word_is(d->text, &d->tok[e], "in"))) {
		size_t j = e + 1, cn;
		unsigned cfl;
		while (j < at && j < e + 5 && d->tok[j].kind == QK_WORD &&
		       !(d->tok[j].flags & QF_INQ) && !qx_is_cue(d, j, at, &cn, &cfl))
			j++;
		if (j > e + 1 && j < at && qx_is_cue(d, j, at, &cn, &cfl) && !(cfl & QC_PREP))
			e = j;
	}
	e0 = e;
	while (e < at && qx_adverbial(d, e))
		e++;
	return e < at && d->tok[e].kind == QK_WORD && (d->tok[e].flags & QF_LOWER) &&
	       !(d->tok[e].flags & QF_INQ) &&
	       (!qx_tok_is(&d->tok[e], QL_STOP) || qx_asked_active(d, e)) &&
	       !qx_is_prep_tok(d, e) && !(e == e0 && qx_is_doc_noun(d, e));
}

/* A single quoted word is a judgement the subject made when a verb of
 * judging or calling governs it: "dismissed the report as "absurd"",
 * "called the plan "crazy"", "hailed it as a "breakthrough"". */
static bool qx_judged_as(const struct qx_doc *d, size_t open)
{
	size_t lo = d->para[d->tok[open].para].t0, sent = d->tok[open].sent;
	for (size_t k = open, n = 0; k > lo && n < 12; n++) {
		size_t c = --k, cn;
		unsigned fl;
		if (d->tok[c].sent != sent || (d->tok[c].flags & QF_INQ))
			break;
		if (n < 3 && qx_word_is(d->text, &d->tok[c], "as"))
			return true;
		if (qx_is_cue(d, c, open, &cn, &fl) && (fl & QC_WEAK))
			return true;
	}
	return false;
}

/* No cue at all: "Weaver dismissed that as a sign of "disarray."" -- the
 * subject of the quotation's sentence is the one whose words are quoted. */
static bool qx_rule_subject(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	const struct qx_span *sp = &d->span[si];
	struct qx_src s;
	size_t words = 0;
	/* a single quoted word with no cue is most often a scare quote:
	 * nobody's speech */
	for (size_t k = sp->t0; k < sp->t1 && words < 2; k++)
		words += d->tok[k].kind == QK_WORD || d->tok[k].kind == QK_NUM;
	if (words < 1 || (words < 2 && !qx_judged_as(d, sp->open)) || !qx_subject_of(d, sp->open, &s))
		return false;
	qx_set(a, &s, QX_NONE, 0, "sentence_subject", 0.55);
	a->partial = true;
	return true;
}

/* A name set right before the colon that introduces the quotation:
 * "HEADLINE - Michael P. McDonald: "..."", "Pollsters agree - Carl
 * Bialik: "..."", "More from Blumenthal and Cohen: "..."".  It beats any
 * cue earlier in the sentence. */
static bool qx_rule_colon_named(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	const struct qx_span *sp = &d->span[si];
	size_t lo = d->para[sp->para].t0, mi, b;
	struct qx_src s;
	if (sp->open == lo || !qx_punct_is(&d->tok[sp->open - 1], ':'))
		return false;
	mi = qx_men_ending(d, sp->open - 1, lo, false);
	if (mi == QX_NONE || (d->men[mi].kind != QX_PERSON && d->men[mi].kind != QX_ORG) ||
	    d->men[mi].t0 <= lo)
		return false;
	b = d->men[mi].t0 - 1;
	/* "More from Blumenthal and Cohen:" */
	if (b > lo + 1 && qx_word_is(d->text, &d->tok[b], "and") && d->tok_men[b - 1] != QX_NONE &&
	    d->men[d->tok_men[b - 1]].t1 == b && d->men[d->tok_men[b - 1]].t0 > lo)
		b = d->men[d->tok_men[b - 1]].t0 - 1;
	if (!qx_is_dash(&d->tok[b]) &&
	    !(qx_word_is(d->text, &d->tok[b], "from") && b > lo &&
	      (qx_is_dash(&d->tok[b - 1]) || qx_word_is(d->text, &d->tok[b - 1], "more") ||
	       (d->tok[b - 1].flags & QF_SSTART) || qx_is_dash(&d->tok[b - 1]))))
		return false;
	s.men = mi;
	s.pron = QX_NONE;
	s.pgender = QX_G_UNKNOWN;
	qx_set(a, &s, QX_NONE, 0, "colon_intro", 0.7);
	return true;
}

/* X was blunt: "..." */
static bool qx_rule_colon(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	const struct qx_span *sp = &d->span[si];
	size_t lo = d->para[sp->para].t0, k;
	struct qx_src s;

	if (sp->open == lo || !qx_punct_is(&d->tok[sp->open - 1], ':'))
		return false;
	k = sp->open - 1;
	while (k > lo && d->tok[k - 1].sent == d->tok[sp->open].sent && sp->open - k < QX_SENT_MAX)
		k--;
	/* the subject after an opening clause ("With party leaders worried
	 * about turnout, Governor X is rolling out a message: ..."), else the
	 * first source in the sentence ("More from Jones:") */
	if (qx_subject_of(d, sp->open - 1, &s) || qx_sentence_subject(d, k, sp->open - 1, &s)) {
		qx_set(a, &s, QX_NONE, 0, "colon_intro", 0.7);
		return true;
	}
	return false;
}

/* "This has been called "strategic ambiguity" by Joshua Hendrick", "was
 * described as "reckless" by the minister": a passive weak cue before the
 * quotation, its agent after it. */
static bool qx_rule_passive_by(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	const struct qx_span *sp = &d->span[si];
	size_t lo = d->para[sp->para].t0, lim = d->para[sp->para].t1, k, n;
	unsigned fl;
	struct qx_src s;
	if (sp->close == QX_NONE)
		return false;
	k = sp->close + 1;
	if (k < lim && qx_punct_is(&d->tok[k], ','))
		k++;
	if (k + 1 >= lim || !qx_word_is(d->text, &d->tok[k], "by") || !qx_src_at(d, k + 1, lim, &s) ||
	    s.men == QX_NONE ||
	    !(d->men[s.men].kind == QX_PERSON || d->men[s.men].kind == QX_ORG ||
	      (d->men[s.men].kind == QX_NOMINAL && d->men[s.men].role)))
		return false;
	for (size_t c = sp->open; c-- > lo && sp->open - c <= 3;) {
		if (d->tok[c].sent != d->tok[sp->open].sent || (d->tok[c].flags & QF_INQ))
			return false;
		if (!qx_is_cue(d, c, lim, &n, &fl) || !(fl & QC_WEAK))
			continue;
		for (size_t b = c; b-- > lo && c - b <= 2;)
			if (qx_be_at(d, b)) {
				qx_set(a, &s, c, n, "passive_by", 0.75);
				a->partial = true;
				return true;
			}
		return false;
	}
	return false;
}

/* "FBI Director James Comey's conclusion that her actions were "extremely
 * careless."", "Trump's recent assertion that "thousands" ...", "the
 * contention of Hillary Clinton that ... "over-classification."": the
 * quotation is part of what someone's claim, statement or warning says
 * (the noun and "that"), and the owner of the noun is its source. Only
 * with no other quotation between the noun and this one, in the same
 * sentence. */
static bool qx_rule_claim(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	static const char *const claims[] = {
		"claim", "claims", "assertion", "assertions", "conclusion", "contention",
		"statement", "remark", "remarks", "comment", "comments", "suggestion",
		"insistence", "warning", "argument", "charge", "accusation", "allegation",
		"promise", "pledge", "vow", "boast", "complaint", "admission", "prediction",
		"declaration", "assessment", "verdict", "description", "characterization",
		"characterisation", "view", "belief", "words", NULL,
	};
	const struct qx_span *sp = &d->span[si];
	size_t sent = d->tok[sp->open].sent, lo = d->para[sp->para].t0;
	struct qx_src s;
	for (size_t k = sp->open; k-- > lo && sp->open - k < 30 && d->tok[k].sent == sent;) {
		if (d->tok[k].flags & QF_INQ)
			return false;
		if (!qx_word_in(d, &d->tok[k], claims))
			continue;
		/* "the contention of X that ..." */
		if (k + 2 < sp->open && qx_word_is(d->text, &d->tok[k + 1], "of") &&
		    qx_src_at(d, k + 2, sp->open, &s) && s.men != QX_NONE &&
		    (d->men[s.men].kind == QX_PERSON || d->men[s.men].kind == QX_ORG) &&
		    d->men[s.men].t1 < sp->open && qx_word_is(d->text, &d->tok[d->men[s.men].t1], "that")) {
			qx_set(a, &s, QX_NONE, 0, "claim_noun", 0.6);
			return true;
		}
		/* the quotation is what the claim says: "X's claim that ..."; in
		 * "Y called X's remarks a "new low"" it is Y's verdict on them */
		if (k + 1 >= sp->open || !qx_word_is(d->text, &d->tok[k + 1], "that"))
			return false;
		/* "X's (recent, evidence-free) assertion" */
		size_t j = k, adj = 0;
		while (j > lo && adj < 3 && d->tok[j - 1].kind == QK_WORD && (d->tok[j - 1].flags & QF_LOWER) &&
		       !(d->tok[j - 1].flags & (QF_INQ | QF_POSS)))
			j--, adj++;
		if (j < lo + 2 || !(d->tok[j - 1].flags & QF_POSS))
			return false;
		size_t mi = d->tok_men[j - 2];
		if (mi == QX_NONE || d->men[mi].t1 != j - 1 ||
		    (d->men[mi].kind != QX_PERSON && d->men[mi].kind != QX_ORG &&
		     !(d->men[mi].kind == QX_NOMINAL && d->men[mi].role)))
			return false;
		s.men = mi;
		s.pron = QX_NONE;
		s.pgender = 0;
		qx_set(a, &s, QX_NONE, 0, "claim_noun", 0.6);
		return true;
	}
	return false;
}

/* A quotation that opens with a speaker label, "WALLACE: ...", as the
 * lines of a transcript do: each line names its own speaker. */
static bool qx_transcript_line(const struct qx_doc *d, const struct qx_span *sp)
{
	size_t k = sp->t0;
	while (k < sp->t1 && k < sp->t0 + 3 && (d->tok[k].flags & QF_UPPER))
		k++;
	return k > sp->t0 && k < sp->t1 && qx_punct_is(&d->tok[k], ':');
}

/* "X issued the following statement:" closing paragraph p introduces the
 * quotation that opens the next one: the subject of p's last sentence. */
static bool qx_rule_colon_para(struct qx_doc *d, size_t p, struct qx_attr *a)
{
	size_t lo = d->para[p].t0, k = d->para[p].t1;
	struct qx_src s;
	if (k <= lo || !qx_punct_is(&d->tok[k - 1], ':') || (d->tok[k - 1].flags & QF_INQ))
		return false;
	/* a subject and its verb: not "Partial transcript as follows:" */
	if (!qx_subject_of(d, k - 1, &s))
		return false;
	qx_set(a, &s, QX_NONE, 0, "colon_intro", 0.6);
	return true;
}

/* Does a paragraph hold nothing but quotations (and attribution-free
 * punctuation)? */
static bool qx_para_only_quotes(const struct qx_doc *d, size_t p)
{
	for (size_t k = d->para[p].t0; k < d->para[p].t1; k++)
		if (!(d->tok[k].flags & QF_INQ) && d->tok[k].kind != QK_PUNCT)
			return false;
	return true;
}

/* "The board is not hiding anything, said its chair X.": after a comma,
 * a person right behind the cue is its source, not the object of the
 * clause before it. */
static bool qx_src_comma_inverted(const struct qx_doc *d, size_t k, size_t n, size_t lo,
				  size_t lim, struct qx_src *s)
{
	return k > lo && qx_punct_is(&d->tok[k - 1], ',') &&
	       qx_src_inverted(d, k, k + n, lim, true, s) && d->men[s->men].kind == QX_PERSON;
}

/* The first cue of paragraph p with its source, outside quotations. */
static bool qx_para_cue(struct qx_doc *d, size_t p, bool first_sentence, struct qx_attr *a,
			const char *rule)
{
	size_t lo = d->para[p].t0, lim = d->para[p].t1, sent = d->tok[lo].sent;
	for (size_t k = lo; k < lim; k++) {
		size_t n;
		unsigned fl;
		struct qx_src s;
		if (first_sentence && d->tok[k].sent != sent)
			break;
		if (d->tok[k].flags & QF_INQ)
			continue;
		if (!qx_is_cue(d, k, lim, &n, &fl) || (fl & QC_WEAK))
			continue;
		if (!(fl & QC_PREP) && qx_src_comma_inverted(d, k, n, lo, lim, &s)) {
			qx_set(a, &s, QX_NONE, 0, rule, 0.5);
			return true;
		}
		if ((fl & QC_PREP) ? qx_according_src(d, k + n, lim, &s)
				   : (qx_src_before(d, k, lo, &s) || qx_src_inverted(d, k, k + n, lim, false, &s))) {
			qx_set(a, &s, QX_NONE, 0, rule, 0.5);
			return true;
		}
	}
	return false;
}

/* The paragraph after a quotation alone names who spoke it: "That was Tom
 * Lisle, the developer's planning director, speaking after the vote.",
 * "Those were the words of ...", "So said ...". */
static bool qx_rule_that_was(const struct qx_doc *d, size_t p, struct qx_attr *a)
{
	static const char *const these[] = {"that", "this", "those", "these", NULL};
	static const char *const be[] = {"was", "is", "were", "are", NULL};
	size_t k = d->para[p].t0, lim = d->para[p].t1;
	struct qx_src s;
	if (k + 3 >= lim || (d->tok[k].flags & QF_INQ))
		return false;
	if (qx_word_is(d->text, &d->tok[k], "so") && qx_word_is(d->text, &d->tok[k + 1], "said")) {
		k += 2;
	} else if (qx_word_in(d, &d->tok[k], these) && qx_word_in(d, &d->tok[k + 1], be)) {
		k += 2;
		/* "the words of", "the verdict of", "the view of" */
		if (k + 3 < lim && qx_word_is(d->text, &d->tok[k], "the") &&
		    qx_word_is(d->text, &d->tok[k + 2], "of"))
			k += 3;
	} else {
		return false;
	}
	if (!qx_src_at(d, k, lim, &s) || s.men == QX_NONE || d->men[s.men].t0 != k ||
	    (d->men[s.men].kind != QX_PERSON && d->men[s.men].kind != QX_ORG))
		return false;
	qx_set(a, &s, QX_NONE, 0, "paragraph_next", 0.6);
	return true;
}

/* Is paragraph p a name line, a person's name alone (an organisation in
 * parentheses or a colon may follow): "Christine Lagarde (ECB)"?  Returns
 * the mention or QX_NONE. */
static size_t qx_name_line(const struct qx_doc *d, size_t p)
{
	size_t k = d->para[p].t0, lim = d->para[p].t1, mi = d->tok_men[k];
	if (lim - k > 16 || mi == QX_NONE || d->men[mi].t0 != k || d->men[mi].kind != QX_PERSON ||
	    d->men[mi].n0 == QX_NONE || d->men[mi].n1 - d->men[mi].n0 < 2)
		return QX_NONE;
	k = qx_paren_fwd(d, d->men[mi].t1, lim);
	while (k < lim && d->tok[k].kind == QK_PUNCT && (d->tok[k].c == ':' || d->tok[k].c == ','))
		k++;
	return k == lim ? mi : QX_NONE;
}

/* A short line with no one in it, a date or a dateline: "19 May 2023". */
static bool qx_filler_line(const struct qx_doc *d, size_t p)
{
	bool num = false, person = false;
	if (d->para[p].t1 - d->para[p].t0 > 6)
		return false;
	for (size_t k = d->para[p].t0; k < d->para[p].t1; k++) {
		num = num || d->tok[k].kind == QK_NUM;
		person = person ||
			 (d->tok_men[k] != QX_NONE && d->men[d->tok_men[k]].kind == QX_PERSON);
	}
	return num || !person;
}

/* A quotation paragraph under a name line, maybe past dates and other
 * quotation paragraphs: a speaker named only by the page's structure. */
static bool qx_rule_name_line(struct qx_doc *d, size_t p, struct qx_attr *a)
{
	for (size_t q = p, n = 0; q-- > 0 && n < 8; n++) {
		size_t mi = qx_name_line(d, q);
		if (mi != QX_NONE) {
			struct qx_src s = {mi, QX_NONE, 0};
			qx_set(a, &s, QX_NONE, 0, "name_line", 0.5);
			return true;
		}
		if (!qx_para_only_quotes(d, q) && !qx_filler_line(d, q))
			return false;
	}
	return false;
}

/* A signature line under a quotation paragraph: "- Bernie Sanders." or
 * "-Senator Ann Wells, in a tweet".  A dash, a person or organisation
 * opening the line, then nothing but a full stop or a comma and an aside. */
static bool qx_rule_signature(struct qx_doc *d, size_t p, struct qx_attr *a)
{
	size_t k, lim, mi;
	if (p + 1 >= d->npara)
		return false;
	k = d->para[p + 1].t0;
	lim = d->para[p + 1].t1;
	if (lim - k > 16 || !qx_is_dash(&d->tok[k]))
		return false;
	while (k < lim && qx_is_dash(&d->tok[k]))
		k++;
	if (k >= lim || (mi = d->tok_men[k]) == QX_NONE || d->men[mi].t0 != k ||
	    (d->men[mi].kind != QX_PERSON && d->men[mi].kind != QX_ORG) ||
	    (d->tok[k].flags & QF_INQ))
		return false;
	k = qx_paren_fwd(d, d->men[mi].t1, lim);
	if (k < lim && qx_punct_is(&d->tok[k], ','))
		; /* "-President Obama, tweeting after the speech." */
	else if (k < lim && !(k + 1 == lim && qx_punct_is(&d->tok[k], '.')))
		return false;
	{
		struct qx_src s = {mi, QX_NONE, 0};
		qx_set(a, &s, QX_NONE, 0, "signature", 0.6);
	}
	return true;
}

/* A cue in an earlier sentence of the quotation's paragraph: "Smith
 * attacked the plan. It is "a disaster", and it will fail." */
static bool qx_rule_para_before(struct qx_doc *d, size_t si, struct qx_attr *a)
{
	const struct qx_span *sp = &d->span[si];
	size_t lo = d->para[sp->para].t0, lim = d->para[sp->para].t1, seen = 0;
	size_t sent = d->tok[sp->open].sent, words = 0;
	/* a word or two quoted in a later sentence is a term being used or
	 * mentioned, not the earlier speaker's words */
	for (size_t k = sp->t0; k < sp->t1 && words < 3; k++)
		words += d->tok[k].kind == QK_WORD || d->tok[k].kind == QK_NUM;
	if (words < 3)
		return false;
	for (size_t k = sp->open; k > lo && seen < 3 * QX_WINDOW;) {
		size_t c = --k, n;
		unsigned fl;
		struct qx_src s;
		seen++;
		if (d->tok[c].sent == sent || (d->tok[c].flags & QF_INQ))
			continue;
		if (!qx_is_cue(d, c, lim, &n, &fl) || (fl & (QC_WEAK | QC_PREP)))
			continue;
		if (qx_src_comma_inverted(d, c, n, lo, lim, &s) || qx_src_before(d, c, lo, &s)) {
			qx_set(a, &s, QX_NONE, 0, "paragraph_cue", 0.5);
			return true;
		}
	}
	/* no cue: "Asked about that, Devlin laughed. "Steve can say what he
	 * likes."" -- a quotation that opens a sentence right after one about
	 * a person is that person's */
	if (sp->open > lo && d->tok[sp->open - 1].sent != sent && !(d->tok[sp->open - 1].flags & QF_INQ)) {
		struct qx_src s;
		size_t k = sp->open - 1, psent = d->tok[k].sent;
		while (k > lo && d->tok[k - 1].sent == psent) {
			if (d->tok[k - 1].flags & QF_INQ)
				return false; /* it quotes someone itself */
			k--;
		}
		/* "Trump's comments had angered ...": the owner is not the subject */
		if (qx_subject_of(d, sp->open - 1, &s) &&
		    (s.men != QX_NONE ? (d->men[s.men].kind == QX_PERSON || d->men[s.men].kind == QX_ORG) &&
					    !(d->tok[d->men[s.men].t1].flags & QF_POSS)
				      : s.pgender == QX_G_MALE || s.pgender == QX_G_FEMALE)) {
			qx_set(a, &s, QX_NONE, 0, "sentence_before", 0.45);
			return true;
		}
	}
	return false;
}

/* Does an entity's name read as a place rather than a person: "New
 * Hampshire", "South Carolina", "San Diego", "Yazoo City"?  Two words or
 * more, opening with a compass or "New"/"San"-type word or closing with a
 * settlement noun.  He and she never stand for one. */
static bool qx_name_is_place(const struct qx_entity *e)
{
	static const char *const first[] = {"new ", "north ", "south ", "east ", "west ",
					    "san ", "santa ", "los ", "las ", "fort ",
					    "port ", "mount ", "lake ", "saint ", "st. "};
	static const char *const last[] = {" city", " county", " beach", " springs",
					   " heights", " falls", " valley", " island",
					   " islands", " bay", " harbor", " harbour",
					   " road", " street", " avenue", " boulevard", " lane",
					   " drive", " highway", " square", " park"};
	const char *n = e->name, *sp;
	size_t len;
	if (!n || e->name_words < 2 || !(sp = strrchr(n, ' ')))
		return false;
	len = strlen(n);
	/* "South Korean-born Monte Haines" is a person */
	for (size_t i = 0; i < sizeof(first) / sizeof(first[0]) && e->name_words <= 3 &&
			   !strchr(n, '-');
	     i++)
		if (strncasecmp(n, first[i], strlen(first[i])) == 0)
			return true;
	for (size_t i = 0; i < sizeof(last) / sizeof(last[0]); i++) {
		size_t m = strlen(last[i]);
		if (len > m && strcasecmp(n + len - m, last[i]) == 0)
			return true;
	}
	return false;
}

/* Can a person entity be "he" or "she" (gender g)?  Stated gender (a title,
 * a gendered role, an earlier pronoun) wins over that of the given name. */
static bool qx_pronoun_fits(const struct qx_entity *e, int g)
{
	if (e->kind != QX_PERSON)
		return false;
	if (e->gender && e->gender != g)
		return false;
	if (!e->gender && e->ngender && e->ngender != g)
		return false;
	if (e->name_words < 2 && !e->role && !e->gender)
		return false;
	return e->role || e->gender || !qx_name_is_place(e);
}

/* Is mention mi the subject of its sentence? */
static bool qx_is_subject(const struct qx_doc *d, size_t mi)
{
	struct qx_src s;
	size_t at = d->men[mi].t1, sent = d->tok[d->men[mi].t0].sent;
	/* leave room for the verb after it */
	while (at < d->ntok && at < d->men[mi].t1 + 4 && d->tok[at].sent == sent &&
	       !(d->tok[at].flags & QF_INQ))
		at++;
	return at < d->ntok && qx_subject_of(d, at, &s) && s.men == mi;
}

/* Resolve a pronoun at token k to the nearest earlier compatible mention.
 * Within its own sentence a "he" or "she" in a later clause stands for the
 * sentence's subject before any nearer object: "Olsen said she had called
 * Ruiz to thank him for what she called ...". */
static size_t qx_resolve_pronoun_at(struct qx_doc *d, size_t k, int g, int depth);

static size_t qx_resolve_pronoun(struct qx_doc *d, size_t k, int g)
{
	return qx_resolve_pronoun_at(d, k, g, 0);
}

/* The subject of the sentence before the one holding token k, in the same
 * paragraph, when it is "he" or "she" of gender g: "Orr is less sure. He
 * says Devlin "still blames the referee". "I'd shake his hand," he said."
 * -- the second "he" goes on with the first, not with Devlin between.
 * Returns its token or QX_NONE. */
static size_t qx_prev_subject_pronoun(const struct qx_doc *d, size_t k, int g)
{
	size_t lo = d->para[d->tok[k].para].t0, sent = d->tok[k].sent, j = k;
	struct qx_src s;
	while (j > lo && d->tok[j - 1].sent == sent)
		j--;
	if (j == lo || d->tok[j - 1].flags & QF_INQ)
		return QX_NONE;
	if (!qx_subject_of(d, j - 1, &s) || s.men != QX_NONE || s.pgender != g)
		return QX_NONE;
	return s.pron;
}

static size_t qx_resolve_pronoun_at(struct qx_doc *d, size_t k, int g, int depth)
{
	size_t lo = 0, hi = d->nmen, looked = 0;
	if (g == QX_G_MALE || g == QX_G_FEMALE) {
		struct qx_src s;
		size_t pk;
		if (qx_subject_of(d, k, &s) && s.men != QX_NONE && d->men[s.men].t1 <= k &&
		    d->men[s.men].entity != QX_NONE &&
		    qx_pronoun_fits(&d->ent[d->men[s.men].entity], g))
			return d->men[s.men].entity;
		if (depth < 3 && (pk = qx_prev_subject_pronoun(d, k, g)) != QX_NONE) {
			size_t e = qx_resolve_pronoun_at(d, pk, g, depth + 1);
			if (e != QX_NONE)
				return e;
		}
	}
	/* mentions are in text order: find the last one before k */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->men[mid].t0 < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t weak = QX_NONE, weak_para = 0;
	for (size_t i = lo; i-- > 0 && looked < 60; looked++) {
		const struct qx_mention *m = &d->men[i];
		const struct qx_entity *e;
		if (d->tok[m->t0].para + 6 < d->tok[k].para ||
		    (weak != QX_NONE && d->tok[m->t0].para + 1 < weak_para))
			break;
		if (m->entity == QX_NONE)
			continue;
		e = &d->ent[m->entity];
		if (g == QX_G_MALE || g == QX_G_FEMALE) {
			if (!qx_pronoun_fits(e, g) || m->entity == weak)
				continue;
			/* "Ms Raman joins from Solent Power, where she was ...":
			 * a name of no known gender that is not its sentence's
			 * subject gives way to a subject whose gender fits */
			bool known = e->gender || e->ngender || e->role;
			if (!known && !m->subject && !qx_is_subject(d, i)) {
				if (weak == QX_NONE) {
					weak = m->entity;
					weak_para = d->tok[m->t0].para;
				}
				continue;
			}
			return m->entity;
		}
		if (g == QX_G_NEUTER && e->kind == QX_ORG)
			return m->entity;
		if (g == QX_G_PLURAL)
			return QX_NONE;
	}
	return weak;
}

/* Does role value r hold word w ("vice" in "senior vice president", also
 * as "vice-" or "ex-" glued to the next word)? */
static bool qx_role_has_word(const char *r, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = r; (p = strstr(p, w)) != NULL; p += n)
		if ((p == r || p[-1] == ' ') && (p[n] == ' ' || p[n] == '-' || p[n] == '\0'))
			return true;
	return false;
}

/* Do roles a and b end in the same word ("defence minister", "minister")? */
static bool qx_role_head_eq(const char *a, const char *b)
{
	/* a shadow chancellor, a vice president or a deputy minister is
	 * someone other than "the chancellor", "the president", "the
	 * minister" */
	static const char *const other[] = {"shadow", "vice", "deputy", "assistant", "under",
					    "associate", "former", "ex", NULL};
	const char *ha = strrchr(a, ' '), *hb = strrchr(b, ' ');
	for (size_t i = 0; other[i]; i++)
		if (qx_role_has_word(a, other[i]) != qx_role_has_word(b, other[i]))
			return false;
	ha = ha ? ha + 1 : a;
	hb = hb ? hb + 1 : b;
	return (ha != a || hb != b) && strcmp(ha, hb) == 0;
}

/* Does role r of entity e fall in the general role of nominal m ("the
 * diplomat", "the UNICEF chief")? Not when both name an organisation and
 * they differ: "the UNICEF chief" is not the WHO's director-general. */
static bool qx_class_match(const struct qx_doc *d, const struct qx_mention *m, const struct qx_entity *e,
			   const struct qx_entry *r)
{
	if (!qx_role_in_class(r->value, m->role->value))
		return false;
	if (m->o0 == QX_NONE || !e->org)
		return true;
	size_t n = d->tok[m->o1 - 1].e - d->tok[m->o0].s;
	return strlen(e->org) == n && strncasecmp(e->org, d->text + d->tok[m->o0].s, n) == 0;
}

/* Does role r of entity e answer to nominal m's role: the same role, the
 * same head ("the minister" for the defence minister), or a role its
 * class covers ("the diplomat" for the ambassador)? */
static bool qx_role_answers(const struct qx_doc *d, const struct qx_mention *m, const struct qx_entity *e,
			    const struct qx_entry *r)
{
	return strcmp(r->value, m->role->value) == 0 || qx_role_head_eq(r->value, m->role->value) ||
	       qx_class_match(d, m, e, r);
}

/* The first person named with nominal mi's role (or its head: "district
 * judge" for "a federal judge", or a role its class covers) within the
 * next three paragraphs. */
static size_t qx_resolve_nominal_forward(const struct qx_doc *d, size_t mi)
{
	const struct qx_mention *m = &d->men[mi];
	size_t para = d->tok[m->t0].para;
	if (!m->role || (m->role->flags & QR_GROUP))
		return QX_NONE;
	for (size_t i = mi + 1; i < d->nmen; i++) {
		const struct qx_mention *o = &d->men[i];
		if (d->tok[o->t0].para > para + 3)
			break;
		if (o->kind != QX_PERSON || o->n0 == QX_NONE || o->entity == QX_NONE ||
		    (m->country && o->country && strcmp(m->country, o->country) != 0))
			continue;
		/* the person's own role, or the one the lede gave them */
		const struct qx_entry *r = o->role ? o->role : d->ent[o->entity].role;
		if (r && qx_role_answers(d, m, &d->ent[o->entity], r))
			return o->entity;
	}
	return QX_NONE;
}

/* "The Des Moines Register", "the Sun-Times": a name whose last word (or
 * the part after its hyphen) is one newspapers take. */
static bool qx_org_is_newspaper(const struct qx_doc *d, const struct qx_mention *o)
{
	static const char *const words[] = {
		"times", "post", "journal", "herald", "tribune", "gazette", "news", "register",
		"star", "chronicle", "guardian", "telegraph", "globe", "mail", "independent",
		"observer", "express", "sun", "mirror", "standard", "inquirer", "courier",
		"bulletin", "dispatch", "examiner", "press", "record", "review", "daily", "leader",
		"monitor", "statesman", "enquirer", "sentinel", "ledger", "republic", "bee",
		"today", "age", "australian", "hindu", "nation", "citizen", "advertiser", "argus",
		"plain", "dealer", "oregonian", NULL};
	size_t last = QX_NONE;
	for (size_t j = o->t0; j < o->t1; j++)
		if (d->tok[j].kind == QK_WORD && !(d->tok[j].flags & QF_POSS))
			last = j;
	if (last == QX_NONE)
		return false;
	struct qx_tok t = d->tok[last];
	for (size_t c = t.e; c > t.s + 1; c--)
		if (d->text[c - 1] == '-') {
			t.s = c;
			break;
		}
	return t.s < t.e && qx_word_in_list(d->text, &t, words);
}

/* A mention right after a preposition or "telling" ("rallied at Temple
 * University", "telling Fox 35", "speaking to Trump"): a place, an
 * audience, someone spoken to; not who acts in the sentence. */
static bool qx_mention_after_preposition(const struct qx_doc *d, const struct qx_mention *o)
{
	static const char *const before[] = {"at", "in", "on", "to", "from", "with", "near", "into",
					     "outside", "inside", "telling", "told", "by", "for", NULL};
	size_t k = o->t0; /* before "the", whether the mention holds it or not */
	if (!qx_word_is(d->text, &d->tok[k], "the") && k > 0 && qx_word_is(d->text, &d->tok[k - 1], "the"))
		k--;
	return k > 0 && d->tok[k - 1].kind == QK_WORD && qx_word_in_list(d->text, &d->tok[k - 1], before);
}

/* Resolve a nominal ("the spokesman", "the ministry") to the last entity it
 * can name. */
static size_t qx_resolve_nominal(struct qx_doc *d, size_t mi)
{
	const struct qx_mention *m = &d->men[mi];
	size_t looked = 0;
	for (size_t i = mi; i-- > 0 && looked < 200; looked++) {
		const struct qx_mention *o = &d->men[i];
		const struct qx_entity *e;
		if (o->entity == QX_NONE)
			continue;
		e = &d->ent[o->entity];
		if (m->role) {
			if (e->kind == QX_PERSON && e->role && qx_role_answers(d, m, e, e->role))
				return o->entity;
			continue;
		}
		if (e->kind == QX_ORG && m->n0 != QX_NONE) {
			/* "the ministry" names the last organisation holding "Ministry";
			 * "the company", "the firm", "the group" the last organisation
			 * that acts in the story, not one only named after a
			 * preposition ("rallied at Temple University"); "the
			 * newspaper" the last one whose name is a newspaper's */
			const struct qx_tok *h = &d->tok[m->n0];
			size_t hn = qx_tlen(h);
			const char *hw = d->text + h->s;
			if (qx_word_is(d->text, h, "newspaper") || qx_word_is(d->text, h, "paper")) {
				if (qx_org_is_newspaper(d, o))
					return o->entity;
				continue;
			}
			if (qx_word_is(d->text, h, "company") || qx_word_is(d->text, h, "firm") ||
			    qx_word_is(d->text, h, "group")) {
				if (!qx_mention_after_preposition(d, o))
					return o->entity;
				continue;
			}
			for (size_t j = o->n0; j < o->n1; j++)
				if (qx_tlen(&d->tok[j]) == hn &&
				    strncasecmp(d->text + d->tok[j].s, hw, hn) == 0)
					return o->entity;
		}
	}
	/* "France's president said on Wednesday that ..." in a lede, then
	 * "President Louis Marchand said" further down.  Only in the opening
	 * paragraphs or for a qualified role ("the company's chief
	 * executive"); a bare "the senator" later on is someone named before. */
	if (d->tok[m->t0].para <= d->lede || m->country || m->o0 != QX_NONE)
		return qx_resolve_nominal_forward(d, mi);
	return QX_NONE;
}

/* May person entity e be "the ROLE" of nominal m: no role of its own, or
 * one the nominal's role names, and no gender against it? */
static bool qx_nominal_fits(const struct qx_doc *d, const struct qx_mention *m, const struct qx_entity *e)
{
	if (e->kind != QX_PERSON)
		return false;
	if (e->role && !qx_role_answers(d, m, e, e->role))
		return false;
	if (((m->role->flags & QR_MALE) && e->gender == QX_G_FEMALE) ||
	    ((m->role->flags & QR_FEMALE) && e->gender == QX_G_MALE))
		return false;
	return true;
}

/* The person a story is about right where "the ROLE" speaks: the subject
 * opening the nominal's sentence ("Cruz defends his record in an ad:
 * "...," the senator says"), or, when that sentence opens with the
 * quotation, the one opening the sentence before in the same paragraph
 * ("Bill Clinton joined in on Monday. "...," the former president said").
 * Only after a quotation, for a post someone holds (not "the man", "the
 * source"), a person named in full somewhere, and not the speaker of the
 * quotation just before: in a hearing "the judge said" answers the
 * lawyer. QX_NONE when there is none that fits. */
static size_t qx_nominal_near_subject(const struct qx_doc *d, size_t mi)
{
	const struct qx_mention *m = &d->men[mi];
	if (!m->role || (m->role->flags & (QR_GROUP | QR_RELATION)) || qx_role_generic(m->role) ||
	    !qx_word_is(d->text, &d->tok[m->t0], "the"))
		return QX_NONE;
	/* only right after a quotation ("...," the senator said): before
	 * one, "But Trump has one thing in common with them, the columnist
	 * wrote:" opens with what the columnist said, not who */
	bool after_quote = false;
	for (size_t i = 0; i < d->nspan && !after_quote; i++)
		after_quote = d->span[i].close != QX_NONE && d->span[i].close < m->t0 &&
			      m->t0 - d->span[i].close <= 2;
	if (!after_quote)
		return QX_NONE;
	size_t s = qx_sentence_first_mention(d, mi);
	if (s == mi) {
		s = qx_prev_sentence_first_mention(d, mi);
		if (s == QX_NONE || d->tok[d->men[s].t0].para != d->tok[m->t0].para)
			return QX_NONE;
	}
	const struct qx_mention *o = &d->men[s];
	if (o->kind != QX_PERSON || o->entity == QX_NONE || d->ent[o->entity].name_words < 2 ||
	    qx_mention_after_preposition(d, o) || !qx_nominal_fits(d, m, &d->ent[o->entity]))
		return QX_NONE;
	size_t last = QX_NONE;
	for (size_t i = 0; i < d->nspan && d->span[i].open < m->t0; i++)
		if (d->attr[i].set && d->attr[i].entity != QX_NONE)
			last = d->attr[i].entity;
	return last == o->entity ? QX_NONE : o->entity;
}

/* Is entity e named in mention mi's sentence or the one before? */
static bool qx_entity_near(const struct qx_doc *d, size_t e, size_t mi)
{
	size_t sent = d->tok[d->men[mi].t0].sent;
	for (size_t i = mi; i-- > 0 && d->tok[d->men[i].t0].sent + 1 >= sent;)
		if (d->men[i].entity == e)
			return true;
	return false;
}

/* "the manager" alone: not "the Florida senator", "the party's leader",
 * "the US diplomat". */
static bool qx_plain_the_role(const struct qx_doc *d, const struct qx_mention *m)
{
	if (!m->role || m->o0 != QX_NONE || m->country || !qx_word_is(d->text, &d->tok[m->t0], "the") ||
	    m->r0 != m->t0 + 1 || m->r1 != m->t1)
		return false;
	for (size_t k = m->r0; k < m->r1; k++)
		if (!(d->tok[k].flags & QF_LOWER))
			return false;
	return true;
}

/* "Stuart Kerrigan has dismissed talk of the sack. "...," he said. ...
 * "...," the manager said.": a definite description whose role no one
 * named holds is the speaker of the quotations before it, when that person
 * was named without a role of their own, spoke within the last two
 * paragraphs, and is the only one quoted so far, and when the description
 * is new to the story. */
static size_t qx_resolve_nominal_to_last_speaker(const struct qx_doc *d, size_t mi)
{
	const struct qx_mention *m = &d->men[mi];
	size_t para = d->tok[m->t0].para, last = QX_NONE;
	if (!qx_plain_the_role(d, m) || (m->role->flags & (QR_GROUP | QR_RELATION)))
		return QX_NONE;
	/* the story spoke of "the judge" or "an organizer" before: someone
	 * of their own, beside the person it names */
	for (size_t k = 0; k < mi; k++)
		if (d->men[k].kind == QX_NOMINAL && d->men[k].role == m->role)
			return QX_NONE;
	/* only while that person is the story's one speaker so far: in an
	 * interview or a hearing "the judge said" is the other party */
	size_t last_para = 0;
	for (size_t i = 0; i < d->nspan && d->span[i].open < m->t0; i++) {
		const struct qx_attr *p = &d->attr[i];
		if (!p->set || (p->entity == QX_NONE && p->mention == mi)) /* being resolved */
			continue;
		if (p->entity == QX_NONE || (last != QX_NONE && p->entity != last))
			return QX_NONE;
		last = p->entity;
		last_para = d->span[i].para;
	}
	if (last == QX_NONE || last_para + 2 < para || d->ent[last].kind != QX_PERSON || d->ent[last].role)
		return QX_NONE;
	return last;
}

static void qx_resolve(struct qx_doc *d, struct qx_attr *a)
{
	if (a->pron != QX_NONE) {
		a->entity = qx_resolve_pronoun(d, a->pron, a->pgender);
		if (a->entity != QX_NONE) {
			struct qx_entity *e = &d->ent[a->entity];
			if (!e->gender && (a->pgender == QX_G_MALE || a->pgender == QX_G_FEMALE))
				e->gender = a->pgender;
			if (strcmp(a->rule, "cue_adjacent") == 0 || strcmp(a->rule, "cue_sentence") == 0)
				a->rule = "pronoun";
			a->conf *= 0.85;
		}
		return;
	}
	if (a->mention == QX_NONE)
		return;
	if (d->men[a->mention].entity != QX_NONE) {
		a->entity = d->men[a->mention].entity;
		return;
	}
	/* "said one longtime adviser": an indefinite description introduces
	 * someone new, never the adviser named before */
	if (d->men[a->mention].kind == QX_NOMINAL) {
		if (!qx_nominal_indef(d, a->mention)) {
			/* The one the story is about here wins over someone
			 * further back who holds the role: "Rubio sought to
			 * stoke ... "...," the senator said" is not about the
			 * senator named three paragraphs up. */
			size_t near = qx_nominal_near_subject(d, a->mention);
			a->entity = qx_resolve_nominal(d, a->mention);
			if (near != QX_NONE && a->entity != near &&
			    (a->entity == QX_NONE || !qx_entity_near(d, a->entity, a->mention)))
				a->entity = near;
			if (a->entity == QX_NONE)
				a->entity = qx_resolve_nominal_to_last_speaker(d, a->mention);
		} else if (qx_lede_indefinite(d, a->mention))
			a->entity = qx_resolve_nominal_forward(d, a->mention);
		if (a->entity != QX_NONE) {
			/* "the manager said" of a man named without a title:
			 * the role is his from now on, for all his quotes */
			struct qx_entity *e = &d->ent[a->entity];
			const struct qx_mention *m = &d->men[a->mention];
			if (e->kind == QX_PERSON && !e->role && m->role && !(m->role->flags & QR_GROUP) &&
			    qx_plain_the_role(d, m))
				qx_entity_take_role(d, e, m);
			if (strcmp(a->rule, "cue_adjacent") == 0 || strcmp(a->rule, "cue_sentence") == 0)
				a->rule = "nominal";
			a->conf *= 0.85;
		}
	}
}

/* "a Clinton campaign spokesman", "one Trump adviser": an indefinite
 * description with a role, which names no one the article names. */
bool qx_nominal_indef(const struct qx_doc *d, size_t mi)
{
	const struct qx_mention *m = &d->men[mi];
	const struct qx_tok *t = &d->tok[m->t0];
	return m->kind == QX_NOMINAL && m->role && t->kind == QK_WORD &&
	       (qx_word_is(d->text, t, "a") || qx_word_is(d->text, t, "an") ||
		qx_word_is(d->text, t, "one") || qx_word_is(d->text, t, "another"));
}

/* "the Florida senator", "the senior Cruz adviser", "the Gawker employee",
 * "Lazlo's defence counsel": a definite description whose role a proper
 * name qualifies.  When it
 * resolves to no one the article names, the description itself is the
 * speaker, as the text gives it.  A country alone does not qualify ("the
 * US diplomat" is someone the article has named). */
static bool qx_nominal_described(const struct qx_doc *d, size_t mi)
{
	const struct qx_mention *m = &d->men[mi];
	if (m->kind != QX_NOMINAL || !m->role || m->country || m->r0 == QX_NONE)
		return false;
	/* "Lazlo's defence counsel": a possessive name makes it definite */
	if (m->o0 == m->t0 && m->o1 > m->o0 && m->o1 < m->r0 && (d->tok[m->o1].flags & QF_POSS) &&
	    (d->tok[m->o0].flags & (QF_CAP | QF_UPPER)))
		return true;
	if (!qx_word_is(d->text, &d->tok[m->t0], "the"))
		return false;
	for (size_t k = m->t0 + 1; k < m->r0; k++) {
		const struct qx_tok *t = &d->tok[k];
		/* a party says no more than a country: "the Republican nominee"
		 * is the candidate the article is about */
		if (t->kind == QK_WORD && (t->flags & (QF_CAP | QF_UPPER)) && !(t->flags & QF_SSTART) &&
		    !qx_word_is(d->text, t, "republican") && !qx_word_is(d->text, t, "democratic") &&
		    !qx_word_is(d->text, t, "democrat") && !qx_word_is(d->text, t, "gop") &&
		    !qx_word_is(d->text, t, "conservative") && !qx_word_is(d->text, t, "labour") &&
		    !qx_word_is(d->text, t, "liberal") && !qx_word_is(d->text, t, "green"))
			return true;
	}
	return false;
}

bool qx_nominal_names(const struct qx_doc *d, size_t mi)
{
	return qx_nominal_indef(d, mi) || qx_nominal_described(d, mi);
}

static bool qx_attr_named(const struct qx_doc *d, const struct qx_attr *a)
{
	if (!a->set)
		return false;
	if (a->entity != QX_NONE)
		return true;
	/* a group ("officials") or a described person ("a campaign spokesman")
	 * that names no one in particular is still a named source */
	return a->mention != QX_NONE && a->pron == QX_NONE &&
	       (d->men[a->mention].kind == QX_GROUP ||
		(d->men[a->mention].kind == QX_NOMINAL && qx_nominal_names(d, a->mention)));
}

/* An attribution with nothing found. */
static void qx_attr_reset(struct qx_attr *a)
{
	memset(a, 0, sizeof(*a));
	a->mention = a->entity = a->cue = a->pron = QX_NONE;
}

/* Is quotation i joined to the one before it in the same sentence by a
 * conjunction or a comma alone ("a "fascist" and a "Stalinist"",
 * ""reckless," "cynical" and "cruel"")? */
static bool qx_coordinated(const struct qx_doc *d, size_t i)
{
	static const char *const glue[] = {"and", "or", "a", "an", "the", NULL};
	const struct qx_span *pv = &d->span[i - 1], *sp = &d->span[i];
	bool joined = false;
	if (pv->close == QX_NONE || pv->para != sp->para || sp->open <= pv->close ||
	    sp->open - pv->close > 4 || d->tok[pv->open].sent != d->tok[sp->open].sent)
		return false;
	for (size_t k = pv->close + 1; k < sp->open; k++) {
		const struct qx_tok *t = &d->tok[k];
		if (qx_punct_is(t, ','))
			joined = true;
		else if (qx_word_in(d, t, glue))
			joined = joined || qx_word_is(d->text, t, "and") || qx_word_is(d->text, t, "or");
		else
			return false;
	}
	return joined;
}

static void qx_inherit(struct qx_attr *a, const struct qx_attr *from, const char *rule,
		       double conf)
{
	*a = *from;
	a->rule = rule;
	a->conf = conf;
	a->cue = QX_NONE;
	a->cue_n = 0;
	a->partial = false;
	a->inherited = true;
}

void qx_attribute(struct qx_doc *d)
{
	d->attr = xcalloc(d->nspan ? d->nspan : 1, sizeof(*d->attr));
	for (size_t i = 0; i < d->nspan; i++) {
		struct qx_attr *a = &d->attr[i];
		qx_attr_reset(a);
		if (qx_rule_colon_named(d, i, a) || qx_rule_after(d, &d->span[i], a) ||
		    qx_rule_before(d, i, a) ||
		    qx_rule_later(d, i, a) || qx_rule_colon(d, i, a) || qx_rule_passive_by(d, i, a) ||
		    qx_rule_claim(d, i, a)) {
			/* A named source right before the quotation wins over 'Feinstein
			 * said "...," she said' (a pronoun after it) and over 'Ruiz
			 * responds to Mills with, "Why now?" Mills then writes back,
			 * "..."' (a cue after it that introduces the next one). */
			bool weak = (a->mention == QX_NONE && a->pron != QX_NONE) ||
				    (a->cue != QX_NONE && a->cue > d->span[i].open &&
				     qx_cue_introduces_next(d, a->cue + a->cue_n));
			struct qx_attr named;
			qx_attr_reset(&named);
			if (weak && qx_rule_before(d, i, &named) && named.mention != QX_NONE &&
			    strcmp(named.rule, "cue_adjacent") == 0)
				*a = named;
			qx_resolve(d, a);
		}
	}
	/* backward: a multi-paragraph quotation attributed at its end */
	for (size_t i = d->nspan; i-- > 1;) {
		const struct qx_span *sp = &d->span[i];
		if (sp->cont_prev && qx_attr_named(d, &d->attr[i]) && !d->attr[i - 1].set)
			qx_inherit(&d->attr[i - 1], &d->attr[i], "continuation", 0.65);
	}
	/* quotations alone in their paragraph */
	for (size_t i = 0; i < d->nspan; i++) {
		struct qx_attr *a = &d->attr[i];
		const struct qx_span *sp = &d->span[i];
		size_t p = sp->para;
		if (a->set)
			continue;
		/* 'called him a "fascist" and a "Stalinist"': the same cue
		 * governs both, so the second keeps it (a lone capitalised
		 * word found by a weaker rule would be taken for a title) */
		if (i > 0 && qx_coordinated(d, i) && qx_attr_named(d, &d->attr[i - 1]) &&
		    d->attr[i - 1].cue != QX_NONE) {
			*a = d->attr[i - 1];
			a->conf *= 0.9;
			a->inherited = true;
			continue;
		}
		/* a sentence of its own with its own subject: "On May 21, Pompeo
		 * listed 12 "basic requirements"" */
		if (!sp->cont_prev && sp->open != d->para[p].t0 && qx_rule_subject(d, i, a)) {
			qx_resolve(d, a);
			if (qx_attr_named(d, a))
				continue;
			qx_attr_reset(a);
		}
		/* a word or two in a later sentence with a subject of its own:
		 * 'Weaver dismissed that as a sign of a campaign in "disarray."'
		 * is Weaver's judgement, not the earlier speaker's words */
		if (!sp->cont_prev && i > 0 && d->span[i - 1].para == p &&
		    d->tok[d->span[i - 1].open].sent != d->tok[sp->open].sent) {
			struct qx_src s;
			if (qx_subject_of(d, sp->open, &s) && s.men != QX_NONE &&
			    (d->men[s.men].kind == QX_PERSON || d->men[s.men].kind == QX_ORG)) {
				qx_set(a, &s, QX_NONE, 0, "sentence_subject", 0.5);
				a->partial = true;
				qx_resolve(d, a);
				if (qx_attr_named(d, a))
					continue;
				qx_attr_reset(a);
			}
		}
		/* continuation: a later part of a quotation or paragraph */
		if (i > 0 && (sp->cont_prev || d->span[i - 1].para == p) &&
		    qx_attr_named(d, &d->attr[i - 1])) {
			qx_inherit(a, &d->attr[i - 1], "continuation", 0.7);
			continue;
		}
		if (sp->open != d->para[p].t0 || !qx_para_only_quotes(d, p)) {
			if (qx_rule_subject(d, i, a) || qx_rule_para_before(d, i, a))
				qx_resolve(d, a);
			if (!qx_attr_named(d, a)) {
				qx_attr_reset(a);
			}
			continue;
		}
		if ((i + 1 == d->nspan || d->span[i + 1].para != p) && qx_rule_signature(d, p, a)) {
			qx_resolve(d, a);
			if (qx_attr_named(d, a))
				continue;
			qx_attr_reset(a);
		}
		if (p + 1 < d->npara && qx_rule_that_was(d, p + 1, a)) {
			qx_resolve(d, a);
			if (qx_attr_named(d, a))
				continue;
			qx_attr_reset(a);
		}
		if (i > 0 && d->span[i - 1].para + 1 == p && qx_attr_named(d, &d->attr[i - 1])) {
			qx_inherit(a, &d->attr[i - 1], "paragraph_follow", 0.5);
			continue;
		}
		if (p > 0 && qx_para_cue(d, p - 1, false, a, "paragraph_follow")) {
			qx_resolve(d, a);
			if (qx_attr_named(d, a))
				continue;
		}
		if (p > 0 && !qx_transcript_line(d, sp) && qx_rule_colon_para(d, p - 1, a)) {
			qx_resolve(d, a);
			if (qx_attr_named(d, a))
				continue;
		}
		if (qx_rule_name_line(d, p, a)) {
			qx_resolve(d, a);
			if (qx_attr_named(d, a))
				continue;
		}
		a->set = false;
		if (p + 1 < d->npara && !qx_para_only_quotes(d, p + 1) &&
		    qx_para_cue(d, p + 1, true, a, "paragraph_next")) {
			qx_resolve(d, a);
			if (qx_attr_named(d, a))
				continue;
		}
		qx_attr_reset(a);
	}
}
