/* Light text analysis for the quote extractor: one pass turns the bytes into
 * tokens with byte offsets (words, numbers, punctuation, quotation marks)
 * grouped in paragraphs (one per line); a second pass, run once quotation
 * spans are known, cuts sentences outside quotations. */
#include "quote_internal.h"

#include <string.h>

#include "quoted/util.h"

static bool qx_is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

static bool qx_is_qmark_cp(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D ||
	       cp == 0x201E || cp == 0x2018 || cp == 0x2019 || cp == 0x201A ||
	       cp == 0xAB || cp == 0xBB || cp == 0x201F || cp == 0x201B;
}

/* Non-ASCII punctuation that must not be read as a letter. */
static bool qx_is_punct_cp(uint32_t cp)
{
	return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
	       cp == 0xA1 || cp == 0xA7 || cp == 0xB6 || cp == 0xB7 || cp == 0xBF ||
	       cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD || (cp >= 0x2190 && cp <= 0x2BFF) ||
	       (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
	       cp == 0xA9 || cp == 0xAE || cp == 0xB0 || cp == 0xA3 || cp == 0xA5 ||
	       cp == 0x20AC || (cp >= 0x1F000 && cp <= 0x1FFFF);
}

static bool qx_is_letter_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	return !qx_is_space_cp(cp) && !qx_is_qmark_cp(cp) && !qx_is_punct_cp(cp);
}

static bool qx_is_upper_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == 0;
	if (cp >= 0x391 && cp <= 0x3A9)
		return true;
	if (cp >= 0x400 && cp <= 0x42F)
		return true;
	return false;
}

static bool qx_is_lower_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp >= 0xDF && cp <= 0xFF)
		return cp != 0xF7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == 1;
	if (cp >= 0x3B1 && cp <= 0x3C9)
		return true;
	if (cp >= 0x430 && cp <= 0x45F)
		return true;
	return false;
}

static uint32_t qx_cp(const char *s, size_t len, size_t i, size_t *n)
{
	if (i >= len) {
		*n = 0;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	return utf8_decode(s + i, len - i, n);
}

static bool qx_is_abbrev(const char *s, size_t n)
{
	return qx_is_abbrev_word(s, n);
}

/* ASCII classes: 1 letter, 2 digit, 4 upper case */
static const unsigned char qx_ascii[128] = {
	['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2,
	['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
#define U(c) [c] = 5, [c + 32] = 1
	U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'),
	U('J'), U('K'), U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'),
	U('S'), U('T'), U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
#undef U
};

static struct qx_tok *qx_push(struct qx_doc *d, size_t s, size_t e, uint8_t kind)
{
	struct qx_tok *t;
	if (d->ntok == d->ctok)
		xgrow((void **)&d->tok, &d->ctok, d->ntok + 1, sizeof(*d->tok));
	t = &d->tok[d->ntok++];
	memset(t, 0, sizeof(*t));
	t->s = s;
	t->e = e;
	t->kind = kind;
	t->span = QX_NONE;
	t->c = d->text[s];
	t->para = d->npara;
	return t;
}

/* Scan one word starting at i; returns its end.  Handles U.S.-style
 * abbreviations, inner hyphens and apostrophes (don't), and stops before a
 * possessive 's so that "Clinton's" gives "Clinton" and "'s". */
static size_t qx_scan_word(const char *s, size_t len, size_t i, bool *abbr, bool *poss_next)
{
	size_t seg = 0, n;
	bool dotted = false;

	*abbr = false;
	*poss_next = false;
	while (i < len) {
		uint32_t cp;
		if ((unsigned char)s[i] < 0x80 && qx_ascii[(unsigned char)s[i]] & 3) {
			i++;
			seg++;
			continue;
		}
		cp = qx_cp(s, len, i, &n);
		if (qx_is_letter_cp(cp) || (cp >= '0' && cp <= '9')) {
			i += n;
			seg++;
			continue;
		}
		if (cp == '-' || cp == '&' || cp == '\'' || cp == 0x2019 || cp == '.') {
			size_t n2;
			uint32_t nx = qx_cp(s, len, i + n, &n2);
			bool nx_letter = qx_is_letter_cp(nx) || (nx >= '0' && nx <= '9');
			if ((cp == '\'' || cp == 0x2019) && nx_letter) {
				size_t n3;
				uint32_t nn = qx_cp(s, len, i + n + n2, &n3);
				if ((nx == 's' || nx == 'S') && !qx_is_letter_cp(nn)) {
					*poss_next = true;
					return i;
				}
				i += n;
				continue;
			}
			if (cp == '.') {
				if (nx_letter && seg <= 2 && nx < 0x80 && nx != ' ') {
					dotted = true;
					i += n;
					seg = 0;
					continue;
				}
				if (seg == 1 || dotted) {
					*abbr = true;
					return i + 1;
				}
				return i;
			}
			if ((cp == '-' || cp == '&') && nx_letter) {
				i += n;
				continue;
			}
		}
		break;
	}
	return i;
}

static void qx_word_flags(struct qx_doc *d, struct qx_tok *t)
{
	const char *s = d->text;
	size_t i = t->s, n, letters = 0, upper = 0;
	bool first = true;

	/* ASCII words, the common case */
	for (; i < t->e && (unsigned char)s[i] < 0x80; i++) {
		unsigned char c = qx_ascii[(unsigned char)s[i]];
		if (c & 1) {
			letters++;
			upper += (c >> 2) & 1;
			if (first) {
				t->flags |= (c & 4) ? QF_CAP : QF_LOWER;
				first = false;
			}
		} else if ((c & 2) && first) {
			first = false;
		}
	}
	while (i < t->e) {
		uint32_t cp = qx_cp(s, t->e, i, &n);
		if (qx_is_letter_cp(cp)) {
			letters++;
			if (qx_is_upper_cp(cp))
				upper++;
			if (first) {
				if (qx_is_upper_cp(cp))
					t->flags |= QF_CAP;
				else if (qx_is_lower_cp(cp))
					t->flags |= QF_LOWER;
				first = false;
			}
		} else if (cp >= '0' && cp <= '9' && first) {
			first = false;
		}
		i += n ? n : 1;
	}
	if (letters >= 2 && upper == letters)
		t->flags |= QF_UPPER;
	if ((t->flags & QF_ABBR) && letters == 1 && upper == 1)
		t->flags |= QF_INITIAL;
}

static void qx_para_close(struct qx_doc *d, size_t t0)
{
	struct qx_para *p;
	if (d->ntok == t0)
		return;
	if (d->npara == d->cpara)
		xgrow((void **)&d->para, &d->cpara, d->npara + 1, sizeof(*d->para));
	p = &d->para[d->npara++];
	p->t0 = t0;
	p->t1 = d->ntok;
	p->s = d->tok[t0].s;
	p->e = d->tok[d->ntok - 1].e;
	d->tok[t0].flags |= QF_PSTART;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define QX_LITTLE_ENDIAN 1
#else
#define QX_LITTLE_ENDIAN 0
#endif

/* The case-folded lexicon hash of the ASCII letters and digits s[i..j):
 * for those bytes folding is OR 0x20, so whole 8-byte loads are folded at
 * once (byte by byte near the end of the text, never reading past it). */
static uint64_t qx_hash_alnum(const char *s, size_t len, size_t i, size_t j)
{
	uint64_t h = QX_HASH_SEED;
	for (size_t off = i; off < j; off += 8) {
		size_t m = j - off < 8 ? j - off : 8;
		uint64_t w = 0;
		if (QX_LITTLE_ENDIAN && off + 8 <= len) {
			memcpy(&w, s + off, 8);
			if (m < 8)
				w &= (1ULL << (8 * m)) - 1;
			w |= 0x2020202020202020ULL & ((m < 8 ? (1ULL << (8 * m)) : 0) - 1);
		} else {
			for (size_t k = 0; k < m; k++)
				w |= (uint64_t)((unsigned char)s[off + k] | 0x20) << (8 * k);
		}
		h = qx_hash_mix(h, w);
	}
	return qx_hash_end(h, j - i);
}

void qx_tokenize(struct qx_doc *d)
{
	const char *s = d->text;
	size_t len = d->len, i = 0, t0 = 0, n;
	bool space = true;

	qx_lex_ready();
	/* news runs about one token per five bytes: reserve once rather than
	 * grow (and copy) the array ten times */
	if (len / 5 + 16 > d->ctok)
		xgrow((void **)&d->tok, &d->ctok, len / 5 + 16, sizeof(*d->tok));
	while (i < len) {
		uint32_t cp;
		if (s[i] == ' ') {
			space = true;
			i++;
			continue;
		}
		/* fast path: a plain ASCII word ending at a byte that cannot
		 * continue it (no '.', '-', '&', apostrophe or non-ASCII) */
		if ((unsigned char)s[i] < 0x80 && (qx_ascii[(unsigned char)s[i]] & 3)) {
			size_t j = i, letters = 0, upper = 0;
			unsigned char c0 = qx_ascii[(unsigned char)s[i]], c;
			while (j < len && (unsigned char)s[j] < 0x80 &&
			       ((c = qx_ascii[(unsigned char)s[j]]) & 3)) {
				letters += c & 1;
				upper += (c >> 2) & 1;
				j++;
			}
			if (j >= len || ((unsigned char)s[j] < 0x80 && s[j] != '.' && s[j] != '-' &&
					 s[j] != '&' && s[j] != '\'')) {
				struct qx_tok *t = qx_push(d, i, j, (c0 & 2) ? QK_NUM : QK_WORD);
				t->flags |= space ? QF_SPACE : 0;
				if (c0 & 1)
					t->flags |= (c0 & 4) ? QF_CAP : QF_LOWER;
				if (letters >= 2 && upper == letters)
					t->flags |= QF_UPPER;
				t->lex = qx_word_lex(s + i, j - i, qx_hash_alnum(s, len, i, j));
				t->flags |= QF_LEXED;
				i = j;
				space = false;
				continue;
			}
		}
		cp = qx_cp(s, len, i, &n);
		if (cp == '\n') {
			qx_para_close(d, t0);
			t0 = d->ntok;
			space = true;
			i += n;
			continue;
		}
		if (qx_is_space_cp(cp)) {
			space = true;
			i += n;
			continue;
		}
		if (qx_is_qmark_cp(cp)) {
			struct qx_tok *t = qx_push(d, i, i + n, QK_QMARK);
			t->flags |= space ? QF_SPACE : 0;
			if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
			    cp == 0xAB || cp == 0xBB || cp == 0x201F)
				t->mfam = QM_DOUBLE;
			else
				t->mfam = QM_SINGLE;
			if (cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x2018 ||
			    cp == 0x201A || cp == 0x201F || cp == 0x201B)
				t->mdir = QD_OPEN;
			else if (cp == 0x201D || cp == 0xBB || cp == 0x2019)
				t->mdir = QD_CLOSE;
			else
				t->mdir = QD_AMBIG;
			i += n;
			space = false;
			continue;
		}
		if ((cp < 0x80 && (qx_ascii[cp] & 3)) ||
		    (cp >= 0x80 && !qx_is_qmark_cp(cp) && qx_is_letter_cp(cp))) {
			bool abbr, poss;
			size_t e = qx_scan_word(s, len, i, &abbr, &poss);
			struct qx_tok *t;
			if (e <= i)
				e = i + n;
			t = qx_push(d, i, e, (cp >= '0' && cp <= '9') ? QK_NUM : QK_WORD);
			t->flags |= space ? QF_SPACE : 0;
			if (!abbr && e < len && s[e] == '.' && qx_is_abbrev(s + i, e - i)) {
				abbr = true;
				e++;
				t->e = e;
			}
			if (abbr)
				t->flags |= QF_ABBR;
			qx_word_flags(d, t);
			i = e;
			if (poss) {
				size_t n1, n2;
				qx_cp(s, len, i, &n1);
				qx_cp(s, len, i + n1, &n2);
				t = qx_push(d, i, i + n1 + n2, QK_WORD);
				t->flags |= QF_POSS | QF_LOWER;
				i += n1 + n2;
			}
			space = false;
			continue;
		}
		/* punctuation: runs of periods are one token */
		{
			size_t e = i + n;
			if (cp == '.')
				while (e < len && s[e] == '.')
					e++;
			struct qx_tok *t = qx_push(d, i, e, QK_PUNCT);
			t->flags |= space ? QF_SPACE : 0;
			i = e;
			space = false;
		}
	}
	qx_para_close(d, t0); /* qx_push set each token's paragraph */
}

static bool qx_is_terminal(const struct qx_doc *d, const struct qx_tok *t)
{
	if (t->kind != QK_PUNCT)
		return false;
	if (t->c == '!' || t->c == '?')
		return true;
	if (t->c == '.')
		return qx_tlen(t) == 1 || qx_tlen(t) == 3;
	/* U+2026 HORIZONTAL ELLIPSIS */
	return qx_tlen(t) == 3 && memcmp(d->text + t->s, "\xE2\x80\xA6", 3) == 0;
}

/* Sentences: a terminal mark outside quotations ends one when the next
 * token is not a lower-case word; paragraphs always end one.  Marks inside a
 * quotation never split, so a quotation stays in the sentence that
 * introduces or attributes it. */
void qx_sentences(struct qx_doc *d)
{
	size_t sent = 0;
	for (size_t p = 0; p < d->npara; p++) {
		bool start = true;
		for (size_t k = d->para[p].t0; k < d->para[p].t1; k++) {
			struct qx_tok *t = &d->tok[k];
			if (start)
				t->flags |= QF_SSTART;
			start = false;
			t->sent = sent;
			/* a quotation that ends its sentence inside the marks,
			 * then a new capitalised sentence: "... death." Bernie
			 * Sanders called ... */
			if (t->kind == QK_QMARK && t->span != QX_NONE && d->span[t->span].close == k &&
			    k > d->para[p].t0 && qx_is_terminal(d, &d->tok[k - 1]) &&
			    k + 1 < d->para[p].t1 && d->tok[k + 1].kind == QK_WORD &&
			    (d->tok[k + 1].flags & QF_CAP)) {
				sent++;
				start = true;
				continue;
			}
			if (t->span != QX_NONE || !qx_is_terminal(d, t))
				continue;
			if (k + 1 < d->para[p].t1) {
				const struct qx_tok *nx = &d->tok[k + 1];
				if (nx->flags & QF_LOWER)
					continue;
				if (nx->kind == QK_PUNCT && nx->c != '(' && nx->c != '-')
					continue;
				/* a closing mark right after the period belongs here */
				if (nx->kind == QK_QMARK && nx->span == QX_NONE)
					continue;
				sent++;
				start = true;
			}
		}
		sent++;
	}
	d->nsent = sent;
}
