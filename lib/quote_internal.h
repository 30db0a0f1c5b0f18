/* Internals of the quote extractor, shared by lib/quote_*.c only.
 *
 * The extractor is a sequence of linear passes over one document:
 *   quote_text.c      bytes -> tokens with byte offsets, paragraphs, sentences
 *   quote_spans.c     quotation marks -> quotation spans
 *   quote_lexicon.c   roles, cues and countries parsed from data/{roles,cues,countries}.txt
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

/* quotation mark families and directions */
enum { QM_DOUBLE = 1, QM_SINGLE = 2 };
enum { QD_OPEN = 1, QD_CLOSE, QD_AMBIG, QD_APOS };

struct qx_tok {
	size_t s, e;        /* byte offsets */
	size_t para, sent;  /* paragraph and sentence index */
	size_t span;        /* quotation span holding it, or QX_NONE */
	uint16_t flags;
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
#define QC_PREP 0x01 /* "according to" */
#define QC_WEAK 0x02 /* only next to the quotation */

struct qx_entry {
	const char *key;   /* lookup form */
	const char *value; /* canonical role / cue lemma / country */
	unsigned flags;
	unsigned nwords;
};

enum qx_lex { QX_ROLES, QX_CUES, QX_COUNTRIES, QX_NLEX };

/* Longest entry of lexicon lx matching tokens [i, lim) (at most 6 words);
 * returns it and sets *n to the number of tokens, or NULL. */
const struct qx_entry *qx_lex_match(enum qx_lex lx, const char *text,
				    const struct qx_tok *t, size_t i, size_t lim, size_t *n);
/* Closed word classes kept in code (function words, organisation heads). */
bool qx_is_stopword(const char *w, size_t n);
bool qx_is_orgword(const char *w, size_t n);
bool qx_is_orgnoun(const char *w, size_t n);
bool qx_is_premod(const char *w, size_t n);
bool qx_is_aux(const char *w, size_t n);
bool qx_is_particle(const char *w, size_t n);
bool qx_is_org_singleton(const char *w, size_t n);
/* Lower-case ASCII copy of s[0..n) into out (cap bytes); returns length or 0. */
size_t qx_lower(const char *s, size_t n, char *out, size_t cap);
bool qx_word_is(const char *text, const struct qx_tok *t, const char *lower);

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
	const struct qx_entry *role;
	char *role_stated;
	char *org;
	const char *country;
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

bool qx_is_cue(const struct qx_doc *d, size_t i, size_t lim, size_t *n, unsigned *flags);
bool qx_is_pronoun(const struct qx_doc *d, size_t i, int *gender);
#endif
