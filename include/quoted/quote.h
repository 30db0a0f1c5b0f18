/* Quote extraction: plain text (paragraphs separated by blank lines or
 * newlines) -> direct quotations with speaker, role and how each was
 * attributed. Pure: no I/O, no globals beyond read-only lexicons. */
#ifndef QUOTED_QUOTE_H
#define QUOTED_QUOTE_H
#include <stdbool.h>
#include <stddef.h>

/* Stored with every quote (research.quotes.extractor_version), so that
 * rows written by different rule sets can be told apart: raised whenever
 * the extractor's output changes. */
#define QUOTE_EXTRACTOR_VERSION "0.3"

enum speaker_kind {
	SPEAKER_NONE = 0,
	SPEAKER_PERSON,
	SPEAKER_ORGANIZATION,
	SPEAKER_GROUP,
};

struct quote {
	size_t start, end;  /* byte offsets of the quoted text (marks excluded) */
	char *text;         /* the quoted text */
	size_t paragraph;   /* index of the paragraph where the quote starts */
	char *speaker;      /* canonical full name within the article, or NULL */
	enum speaker_kind speaker_kind;
	char *role;         /* canonical, gender-neutral ("spokesperson"), or NULL */
	char *role_stated;  /* as written ("spokesman"), or NULL */
	char *organization; /* or NULL */
	char *country;      /* full country name ("China"), or NULL */
	char *cue;          /* the cue word as written ("said"), or NULL */
	bool partial;       /* a fragment embedded in a sentence */
	const char *rule;   /* static string naming the attribution rule, or NULL */
	double confidence;  /* 0..1; 0 when unattributed */
};

struct quote_list {
	struct quote *v;
	size_t n, cap;
};

/* Extract every direct quotation from text. Returns 0, or -1 if the input
 * is not usable (it never crashes on any bytes). */
int quotes_extract(const char *text, size_t len, struct quote_list *out);
void quote_list_free(struct quote_list *l);
const char *speaker_kind_name(enum speaker_kind k); /* "person", ... or NULL */
#endif
