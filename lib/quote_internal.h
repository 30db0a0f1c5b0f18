/* Internals of the quote extractor, shared by lib/quote_*.c only.
 *
 * The extractor is a sequence of linear passes over one document:
 *   quote_text.c      bytes -> tokens with byte offsets, paragraphs, sentences
 *   quote_spans.c     quotation marks -> quotation spans
 *   quote_lexicon.c   roles, cues, countries, given names: data/{roles,cues,...}.txt
 *   quote_mentions.c  noun phrases: people, organisations, roles, pronouns
 *   quote_attribute.c the attribution sieve
 *   quote.c           the public entry point and result assembly
 */
#ifndef QUOTED_QUOTE_INTERNAL_H
#define QUOTED_QUOTE_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quoted/quote.h"

#define QX_NONE ((size_t)-1)

struct qx_doc;

enum qx_kind {
	QK_WORD = 1,
	QK_NUM,
	QK_PUNCT,
	QK_QMARK,
};

/* token flags */
#define QF_CAP 0x0001     /* first letter upper case */
#define QF_UPPER 0x0002   /* two or more letters, all upper case */
#define QF_LOWER 0x0004   /* first letter lower case */
#define QF_ABBR 0x0008    /* a trailing period belongs to the word */
#define QF_POSS 0x0010    /* the possessive ending "'s" */
#define QF_PSTART 0x0020  /* first token of a paragraph */
#define QF_SSTART 0x0040  /* first token of a sentence */
#define QF_INQ 0x0080     /* inside a quotation span, marks included */
#define QF_INITIAL 0x0100 /* one capital letter and a period: "J." */
#define QF_SPACE 0x0200   /* white space precedes the token */
#define QF_LEXED 0x0400   /* word classes already set by the tokenizer */

/* The hash of the lexicon tables: eight key bytes at a time, little-endian,
 * the last chunk zero-padded.  qx_hash_mix takes the chunks, qx_hash_end
 * the length. */
static inline uint64_t qx_hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 29);
}

static inline uint64_t qx_hash_end(uint64_t h, size_t n)
{
	h ^= n * 0xFF51AFD7ED558CCDULL;
	h ^= h >> 32;
	h *= 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 29);
}

#define QX_HASH_SEED 0x9E3779B97F4A7C15ULL

/* word classes of a token (lower-cased), computed once per token */
#define QL_STOP 0x0001
#define QL_ORGWORD 0x0002
#define QL_ORGNOUN 0x0004
#define QL_PREMOD 0x0008
#define QL_AUX 0x0010
#define QL_PARTICLE 0x0020
#define QL_ORGSINGLE 0x0040
#define QL_ABBREV 0x0080 /* "Mr", "Jan": a following period ends no sentence */
#define QL_ROLE1 0x0100 /* may start a role */
#define QL_CUE1 0x0200  /* may start a cue */
#define QL_CTRY1 0x0400 /* may start a country name (case as written) */
#define QL_DET 0x0800   /* the, a, an, another, its, his, her, their, one, two */

/* quotation mark families and directions */
enum { QM_DOUBLE = 1, QM_SINGLE = 2 };
enum { QD_OPEN = 1, QD_CLOSE, QD_AMBIG, QD_APOS };

struct qx_tok {
	size_t s, e;        /* byte offsets */
	size_t para, sent;  /* paragraph and sentence index */
	size_t span;        /* quotation span holding it, or QX_NONE */
	uint16_t flags;
	uint16_t lex;       /* QL_* word classes, set by qx_classify */
	uint8_t kind;
	uint8_t mfam, mdir; /* QK_QMARK only */
	char c;             /* first byte */
};

struct qx_para {
	size_t s, e;   /* byte range, trimmed */
	size_t t0, t1; /* token range */
};

struct qx_span {
	size_t s, e;       /* quoted text, marks excluded, trimmed */
	size_t open, close; /* token index of the marks; close QX_NONE if unclosed */
	size_t t0, t1;     /* tokens strictly inside */
	size_t para;
	bool cont_prev;    /* continues an unclosed quote of the previous paragraph */
	bool cont_next;    /* unclosed; continues into the next paragraph */
	bool nested_ok;
};

/* lexicons (read-only after first use) */
#define QR_MALE 0x01
#define QR_FEMALE 0x02
#define QR_GROUP 0x04
#define QR_HONORIFIC 0x08
#define QR_POSTNOM 0x10 /* written after the name: "John Healey MP" */
#define QR_RELATION 0x20 /* a relation ("widow", "neighbour"): a later role wins */
#define QR_TITLE 0x40 /* a title of address ("Professor", "Councillor"): a role stated
			 * in an appositive wins */
#define QC_PREP 0x01 /* "according to" */
#define QC_WEAK 0x02 /* only next to the quotation */

struct qx_entry {
	const char *key;   /* lookup form */
	const char *value; /* canonical role / cue lemma / country */
	unsigned flags;
	unsigned nwords;
	size_t klen;
};

enum qx_lex { QX_ROLES, QX_CUES, QX_COUNTRIES, QX_NLEX };

/* Longest entry of lexicon lx matching tokens [i, lim) (at most 6 words);
 * returns it and sets *n to the number of tokens, or NULL. */
const struct qx_entry *qx_lex_match(enum qx_lex lx, const char *text,
				    const struct qx_tok *t, size_t i, size_t lim, size_t *n);
/* Is canonical role (or its last word) one of the roles the general role
 * cls covers, as "ambassador" is a "diplomat" (data/role_classes.txt)? */
bool qx_role_in_class(const char *role, const char *cls);
/* Closed word classes kept in code (function words, organisation heads). */
/* Set the QL_* classes of every word token (one look-up per table). */
void qx_classify(struct qx_doc *d);
#define qx_tok_is(t, cls) (((t)->lex & (cls)) != 0)
bool qx_is_stopword(const char *w, size_t n);
bool qx_is_orgword(const char *w, size_t n);
bool qx_is_orgnoun(const char *w, size_t n);
bool qx_is_premod(const char *w, size_t n);
bool qx_is_aux(const char *w, size_t n);
bool qx_is_particle(const char *w, size_t n);
bool qx_is_org_singleton(const char *w, size_t n);
bool qx_is_abbrev_word(const char *w, size_t n);
/* Gender of the given name w[0..n) (case folded) from data/given_names.txt:
 * QX_G_MALE, QX_G_FEMALE, or QX_G_UNKNOWN when absent or used for both. */
int qx_given_name_gender(const char *w, size_t n);
/* Is w a given name in data/given_names.txt (whatever its gender)? */
bool qx_is_given_name(const char *w, size_t n);
/* Build the lexicons (once per process; thread-safe). */
void qx_lex_ready(void);
/* QL_* classes of the word w[0..n), h its case-folded lexicon hash; needs
 * qx_lex_ready(). */
uint16_t qx_word_lex(const char *w, size_t n, uint64_t h);
/* Lower-case ASCII copy of s[0..n) into out (cap bytes); returns length or 0. */
size_t qx_lower(const char *s, size_t n, char *out, size_t cap);

enum qx_mkind {
	QX_PERSON = 1,
	QX_ORG,
	QX_GROUP,
	QX_PRONOUN,
	QX_NOMINAL,
};

enum { QX_G_UNKNOWN = 0, QX_G_MALE, QX_G_FEMALE, QX_G_PLURAL, QX_G_NEUTER };

struct qx_mention {
	size_t t0, t1;       /* whole phrase, appositive included */
	size_t n0, n1;       /* name tokens (person or organisation) */
	size_t r0, r1;       /* role tokens as stated */
	size_t o0, o1;       /* organisation tokens */
	size_t d0, d1;       /* what an organisation is: "security company" Mandiant */
	size_t q1;           /* a description's qualifier ends here: "a source close to
			      * the campaign"; 0 when there is none */
	const struct qx_entry *role;
	const char *country;
	int kind;
	int gender;
	size_t entity;       /* person/organisation entity, or QX_NONE */
	bool subject;        /* first mention of its sentence */
};

struct qx_entity {
	char *name;          /* fullest name seen */
	size_t name_words;
	char *surname;       /* lower-case last word, persons only */
	char *first;         /* lower-case first word */
	int kind, gender;
	int ngender;         /* gender of the given name; weaker than gender */
	const struct qx_entry *role;
	char *role_stated;
	char *org;
	const char *country;
	char *desc;          /* organisations: "security company" */
};

struct qx_attr {
	size_t mention;      /* speaker mention, or QX_NONE */
	size_t entity;       /* resolved entity, or QX_NONE */
	size_t cue;          /* cue token, or QX_NONE */
	size_t cue_n;
	size_t pron;         /* pronoun token standing for the source, or QX_NONE */
	int pgender;
	bool inherited;      /* copied from another quotation */
	const char *rule;
	double conf;
	bool partial;
	bool set;
};

struct qx_doc {
	const char *text;
	size_t len;
	struct qx_tok *tok;
	size_t ntok, ctok;
	struct qx_para *para;
	size_t npara, cpara;
	size_t lede;         /* the lede's paragraph (after a headline, datelines, clutter) */
	size_t nsent;
	struct qx_span *span;
	size_t nspan, cspan;
	struct qx_mention *men;
	size_t nmen, cmen;
	size_t *tok_men;     /* per token: mention covering it, or QX_NONE */
	struct qx_entity *ent;
	size_t nent, cent;
	struct qx_attr *attr; /* one per span */
};

void qx_tokenize(struct qx_doc *d);
void qx_sentences(struct qx_doc *d);
void qx_spans(struct qx_doc *d);
void qx_mentions(struct qx_doc *d);
void qx_attribute(struct qx_doc *d);

/* Helpers over tokens. */
static inline size_t qx_tlen(const struct qx_tok *t)
{
	return t->e - t->s;
}

/* Is word token t one of the lower-case words of the NULL-terminated list?
 * The first letter is compared before anything else and no strlen() is
 * taken: lists of thirty words are walked for many tokens. */
static inline bool qx_word_in_list(const char *text, const struct qx_tok *t, const char *const *words)
{
	size_t n = t->e - t->s;
	const char *w = text + t->s;
	char c0 = (char)(w[0] | 0x20);
	for (size_t i = 0; words[i]; i++) {
		const char *l = words[i];
		size_t j = 1;
		if (l[0] != c0)
			continue;
		for (; j < n && l[j]; j++) {
			char c = w[j];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (c != l[j])
				break;
		}
		if (j == n && l[n] == '\0')
			return true;
	}
	return false;
}

/* Is token t the punctuation mark c? */
static inline bool qx_punct_is(const struct qx_tok *t, char c)
{
	return t->kind == QK_PUNCT && t->c == c;
}

/* Is token t the word `lower` (ASCII case folded)?  Inline so that the
 * length of the literal folds to a constant. */
static inline bool qx_word_is(const char *text, const struct qx_tok *t, const char *lower)
{
	size_t n = t->e - t->s;
	const char *w = text + t->s;
	if (__builtin_strlen(lower) != n || ((w[0] | 0x20) != lower[0]))
		return false;
	for (size_t i = 1; i < n; i++) {
		char c = w[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != lower[i])
			return false;
	}
	return true;
}

bool qx_is_cue(const struct qx_doc *d, size_t i, size_t lim, size_t *n, unsigned *flags);
bool qx_is_pronoun(const struct qx_doc *d, size_t i, int *gender);
bool qx_nominal_indef(const struct qx_doc *d, size_t mi);
/* A role that names what anyone may be ("official", "man", "voter"), not
 * a post someone holds. */
bool qx_role_generic(const struct qx_entry *role);
/* The first mention in the sentence of mention i. */
size_t qx_sentence_first_mention(const struct qx_doc *d, size_t i);
/* The first mention in the sentence right before mention i's, or QX_NONE
 * when the sentence before names no one. */
size_t qx_prev_sentence_first_mention(const struct qx_doc *d, size_t i);
bool qx_lede_indefinite(const struct qx_doc *d, size_t mi);
/* Give entity e the role mention m states (and its wording). */
void qx_entity_take_role(const struct qx_doc *d, struct qx_entity *e, const struct qx_mention *m);
size_t qx_skip_dateline(const struct qx_doc *d, size_t k, size_t at);
/* An indefinite or qualified description that is itself the speaker. */
bool qx_nominal_names(const struct qx_doc *d, size_t mi);
#endif
