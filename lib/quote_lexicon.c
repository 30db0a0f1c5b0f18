/* Lexicons of the quote extractor: roles, speech cues, countries and given
 * names, parsed once from the embedded data/{roles,role_classes,cues,countries,given_names}.txt
 * files, plus the closed word classes
 * (function words, organisation heads) kept here as small tables.  Built
 * under pthread_once and read-only afterwards, so extraction stays
 * thread-safe. */
#include "quote_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "quoted/embedded.h"
#include "quoted/util.h"

#define QX_MAXKEY 128
#define QX_MAXWORDS 6

struct qx_table {
	struct qx_entry *slot; /* open addressing; key NULL = empty */
	uint32_t *tag;         /* per slot: high hash bits | 1, 0 = empty; probed
				* first so that a look-up touches few cache lines */
	size_t mask;
	unsigned maxw;
	struct qx_table *first; /* first words of keys */
	struct qx_table *pre;   /* every proper prefix of a key that ends at a
				 * token boundary: lets qx_lex_match stop early */
};

/* word classes */
#define QW_STOP QL_STOP
#define QW_ORGWORD QL_ORGWORD
#define QW_ORGNOUN QL_ORGNOUN
#define QW_PREMOD QL_PREMOD
#define QW_AUX QL_AUX
#define QW_PARTICLE QL_PARTICLE
#define QW_ORGSINGLE QL_ORGSINGLE

static struct qx_table lex[QX_NLEX];
static struct qx_table words;
static struct qx_table names; /* given names: data/given_names.txt */
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static const char *const stopwords[] = {
	"the", "a", "an", "but", "and", "or", "nor", "in", "on", "at", "as", "when",
	"if", "yet", "so", "still", "now", "then", "also", "meanwhile", "however",
	"later", "earlier", "this", "that", "these", "those", "his", "her", "their",
	"its", "our", "my", "your", "he", "she", "they", "it", "we", "i", "you",
	"there", "here", "after", "before", "while", "since", "because", "although",
	"though", "with", "without", "for", "from", "by", "to", "of", "about",
	"under", "over", "during", "speaking", "asked", "last", "next", "every",
	"each", "some", "many", "most", "more", "other", "another", "such", "what",
	"which", "who", "whom", "whose", "why", "how", "where", "both", "either",
	"neither", "not", "no", "yes", "even", "just", "only", "instead", "indeed",
	"today", "tonight", "yesterday", "tomorrow", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "july", "august", "september", "october", "november",
	"december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
	"sept.", "oct.", "nov.", "dec.", "image",
	"sign",
	"do", "does", "did", "is", "are", "was", "were", "be",
	"been", "has", "have", "had", "will", "would", "could", "should", "can",
	"must", "all", "any", "one", "two", "three", "several", "few",
	"four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
	"thousands", "multiple", "numerous", "various",
	"according", "despite", "amid", "among", "against", "until", "unless",
	"whether", "once", "oh", "please", "thank", "thanks", "dear",
	"exclusive",
	"more", "also", "via",
	"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.",
	"gov.", "prof.", "st.", "inc.", "corp.", "ltd.", "co.", "no.", "vs.", "gen.",
	"lt.", "col.", "sgt.", "capt.", "adm.", "rev.", "etc.", "e.g.", "i.e.",
	"let", "let's", "don't", "it's", "that's", "we're", "i'm", "here's",
	"there's", "what's", "like", "unlike", "including", "plus", "minus",
	"per", "across", "around", "behind", "beyond", "into", "onto", "upon",
	"within", "toward", "towards", "through", "throughout", "near", "off",
	"out", "up", "down", "again", "ever", "never", "always", "often",
	"sometimes", "soon", "already", "almost", "perhaps", "maybe", "otherwise",
	"thus", "hence", "therefore", "furthermore", "moreover", "besides",
	"nevertheless", "nonetheless", "anyway", "first", "second", "third",
	"finally", "lastly", "overall", "together", "rather", "whereas",
	"four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety", "hundred", "hundreds", "thousands",
	"dozens", "dozen", "millions", "likewise", "similarly", "additionally",
	"see",
	NULL,
};

/* Capitalised heads that make a name an organisation. */
static const char *const orgwords[] = {
	"ministry", "department", "agency", "inc", "inc.", "corp", "corp.",
	"corporation", "bank", "commission", "council", "party", "committee",
	"university", "institute", "institution", "association", "union", "group",
	"company", "co", "co.", "ltd", "ltd.", "llc", "plc", "gmbh", "ag", "sa",
	"times", "post", "news", "journal", "herald", "tribune", "telegraph",
	"guardian", "gazette", "press", "daily", "review", "magazine", "network",
	"networks", "fund", "organization", "organisation", "office", "court",
	"board", "service", "services", "administration", "authority",
	"foundation", "center", "centre", "assembly", "congress", "senate",
	"parliament", "government", "police", "army", "navy", "forces", "force",
	"systems", "airlines", "airways", "motors", "industries", "holdings",
	"partners", "capital", "securities", "technologies", "electric", "energy",
	"pharmaceuticals", "labs", "laboratories", "studios", "media", "broadcasting",
	"federation", "league", "alliance", "coalition", "campaign", "movement",
	"front", "society", "trust", "cabinet", "secretariat", "embassy",
	"consulate", "mission", "command", "guard", "reserve", "exchange",
	"tribunal", "unit", "bureau", "division", "directorate", "inspectorate",
	"regulator", "watchdog", "watch", "observatory", "project", "initiative", "program",
	"programme", "school", "college", "academy", "hospital", "clinic",
	"church", "club", "team", "fc", "steelworkers", "workers", "kremlin",
	"pentagon", "reuters", "bloomberg", "cnn", "bbc", "nbc", "abc", "cbs",
	"fox", "msnbc", "npr", "ap", "afp", "xinhua", "tass", "politico",
	"axios", "breitbart", "nyt", "wsj", "unicef", "who", "imf", "opec", "nato",
	"fbi", "cia", "nsa", "un", "eu", "ecb", "fed", "sec", "ftc", "fda", "cdc",
	"dhs", "doj", "epa", "irs", "wto", "oecd", "iaea", "g7", "g20", "brics",
	"gop", "dnc", "rnc", "msf", "nhs", "ofac", "boe", "ons", "tsmc", "pla",
	"rosatom", "gazprom", "twitter", "facebook", "google", "apple", "amazon",
	"microsoft", "meta", "tesla", "boeing", "airbus", "hyundai", "toyota",
	"huawei", "samsung", "walmart", "reddit", "instagram", "youtube",
	"tiktok", "linkedin", "wikileaks", "wikipedia", "nasdaq",
	"agreement", "treaty", "accord", "protocol", "act",
	NULL,
};

/* Names that stand for an organisation on their own (with or without
 * "the"): "the Kremlin said". */
static const char *const orgsingles[] = {
	"kremlin", "pentagon", "white house", "élysée", "elysee", "vatican",
	"downing street", "whitehall", "foggy bottom", "state department",
	"justice department", "treasury", "fed", "federal reserve", "congress",
	"senate", "parliament", "bundestag", "knesset", "duma", "politburo",
	"reuters", "bloomberg", "xinhua", "tass", "interfax", "fbi", "cia", "nsa",
	"nato", "un", "eu", "imf", "who", "wto", "opec", "unicef", "ecb", "boe",
	NULL,
};

/* Lower-case nouns naming an organisation: "the ministry said". */
static const char *const orgnouns[] = {
	"ministry", "department", "agency", "company", "firm", "bank", "commission",
	"council", "committee", "government", "administration", "embassy",
	"office", "group", "organisation", "organization", "union", "party",
	"campaign", "court", "regulator", "watchdog", "newspaper", "paper",
	"broadcaster", "network", "channel", "website", "site", "magazine",
	"agency", "carrier", "airline", "automaker", "carmaker", "manufacturer",
	"maker", "retailer", "insurer", "lender", "startup", "giant", "charity",
	"foundation", "institute", "university", "police", "military", "army",
	"kremlin", "club", "team", "board", "authority", "authorities", "fund",
	"statement", "report", "study", "survey", "poll", "letter", "filing",
	"complaint", "lawsuit", "indictment", "ruling", "document", "memo",
	"association", "federation", "confederation", "alliance", "coalition",
	"consortium", "exporter", "utility", "supplier",
	"hospital", "cooperative", "syndicate", "chamber", "mission", "delegation",
	"consulate", "secretariat",
	NULL,
};

/* Premodifiers allowed inside a role: "former deputy ...". */
static const char *const premods[] = {
	"former", "senior", "deputy", "acting", "top", "chief", "vice", "assistant",
	"interim", "outgoing", "incoming", "retired", "associate", "lead",
	"principal", "special", "executive", "then", "then-", "longtime",
	"long-time", "veteran", "newly", "elected", "appointed", "current",
	"junior", "founding", "honorary", "regional", "national", "local",
	"federal", "state", "global", "international", "european", "foreign",
	"independent", "leading", "prominent", "influential", "well-known",
	"renowned", "republican", "democratic", "conservative", "liberal",
	"labour", "tory", "progressive", "shadow", "co-", "joint", "political",
	"military", "economic", "financial", "health", "security", "defence",
	"defense", "trade", "legal", "public", "private", "government", "company",
	"party", "campaign", "white", "house", "press", "policy", "senior-level",
	"high-ranking", "top-ranking", "unnamed", "anonymous", "another",
	NULL,
};

static const char *const auxes[] = {
	"has", "had", "have", "also", "later", "then", "was", "were", "is", "are",
	"would", "will", "had", "previously", "once", "further", "again", "simply",
	"just", "recently", "repeatedly", "publicly", "privately", "flatly",
	"reportedly", "allegedly", "apparently", "earlier", "told", "subsequently",
	"quickly", "promptly", "immediately", "bluntly", "angrily", "firmly",
	"calmly", "openly", "famously", "often", "frequently", "always", "never",
	"did", "does", "do", "not", "has been", "had been", "could", "might",
	"may", "must", "should", "can", "be", "been", "being", "already",
	"still", "even", "only", "himself", "herself", "themselves", "itself",
	"first", "last", "now", "today", "yesterday", "sunday", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "tonight",
	"directly", "specifically", "explicitly", "clearly", "emphatically",
	"separately", "likewise", "similarly", "succinctly", "candidly",
	"frankly", "tersely", "wryly", "dryly", "cheerfully", "confidently",
	NULL,
};

/* Abbreviations whose period does not end a sentence (stored with no period). */
static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep",
	"inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "prof", "lt",
	"col", "sgt", "capt", "adm", "rev", "mt", "ft", "ave", "dept", "univ",
	"approx", "cmdr", "maj", "supt", "insp", "det", "atty", "amb", "pres",
	"messrs", "mme", "mlle", "hon", "fig", "vol", "pp", "ed", "eds", "est",
	"bros", "cf", "al",
	NULL,
};

static const char *const dets[] = {
	"the", "a", "an", "another", "its", "his", "her", "their", "one", "two", NULL,
};

static const char *const particles[] = {
	"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "la",
	"le", "bin", "ibn", "al", "al-", "el", "ter", "ten", "dos", "das", "y",
	"zu", "mac", "st.", "bint", "abu",
	NULL,
};

/* Hash of s[0..n), ASCII upper case folded to lower when fold is set
 * (see qx_hash_mix in quote_internal.h). */
static inline uint64_t qx_hash_any(const char *s, size_t n, bool fold)
{
	uint64_t h = QX_HASH_SEED;
	for (size_t off = 0; off < n; off += 8) {
		uint64_t w = 0;
		size_t m = n - off < 8 ? n - off : 8;
		for (size_t i = 0; i < m; i++) {
			unsigned char c = (unsigned char)s[off + i];
			if (fold && c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + 32);
			w |= (uint64_t)c << (8 * i);
		}
		h = qx_hash_mix(h, w);
	}
	return qx_hash_end(h, n);
}

static inline uint64_t qx_hash(const char *s, size_t n)
{
	return qx_hash_any(s, n, false);
}

static inline uint64_t qx_hash_fold(const char *s, size_t n)
{
	return qx_hash_any(s, n, true);
}

/* Keys are short: compare them inline. */
static bool qx_key_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static uint32_t qx_tag(uint64_t h)
{
	return (uint32_t)(h >> 32) | 1u;
}

static struct qx_entry *qx_table_slot(struct qx_table *t, const char *k, size_t n)
{
	uint64_t h = qx_hash(k, n);
	size_t i = (size_t)h & t->mask;
	for (;;) {
		struct qx_entry *e = &t->slot[i];
		if (!e->key) {
			t->tag[i] = qx_tag(h);
			return e;
		}
		if (e->klen == n && memcmp(e->key, k, n) == 0)
			return e;
		i = (i + 1) & t->mask;
	}
}

static void qx_table_init(struct qx_table *t, size_t want)
{
	size_t cap = 64;
	while (cap < want * 2 + 16)
		cap <<= 1;
	t->slot = xcalloc(cap, sizeof(*t->slot));
	t->tag = xcalloc(cap, sizeof(*t->tag));
	t->mask = cap - 1;
	t->maxw = 1;
}

static unsigned qx_count_words(const char *k)
{
	unsigned n = 1;
	for (; *k; k++)
		if (*k == ' ')
			n++;
	return n;
}

/* Insert key (copied) unless present; the first entry wins. */
static struct qx_entry *qx_table_put(struct qx_table *t, const char *k, size_t n)
{
	struct qx_entry *e = qx_table_slot(t, k, n);
	if (!e->key) {
		e->key = xstrndup(k, n);
		e->klen = n;
		e->nwords = qx_count_words(e->key);
		if (e->nwords > t->maxw)
			t->maxw = e->nwords;
	}
	return e;
}

size_t qx_lower(const char *s, size_t n, char *out, size_t cap)
{
	if (n + 1 > cap)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	out[n] = '\0';
	return n;
}

static unsigned qx_parse_flags(const char *f, size_t n)
{
	unsigned fl = 0;
	for (size_t i = 0; i < n; i++) {
		switch (f[i]) {
		case 'm': fl |= QR_MALE; break;
		case 'f': fl |= QR_FEMALE; break;
		case 'g': fl |= QR_GROUP; break;
		case 'h': fl |= QR_HONORIFIC; break;
		case 'n': fl |= QR_POSTNOM; break;
		case 'r': fl |= QR_RELATION; break;
		case 't': fl |= QR_TITLE; break;
		case 'p': fl |= QC_PREP; break;
		case 'w': fl |= QC_WEAK; break;
		default: break;
		}
	}
	return fl;
}

/* Parse one data file of FORM<TAB>VALUE[<TAB>FLAGS] lines into t. */
static void qx_load(struct qx_table *t, const char *name, bool fold)
{
	const struct embedded_file *f = embedded_data(name);
	const char *p, *end;
	size_t lines = 0;

	t->first = xcalloc(1, sizeof(*t->first));
	t->pre = xcalloc(1, sizeof(*t->pre));
	if (!f) {
		qx_table_init(t, 0);
		qx_table_init(t->first, 0);
		qx_table_init(t->pre, 0);
		return;
	}
	for (size_t i = 0; i < f->size; i++)
		lines += f->data[i] == '\n';
	qx_table_init(t, lines + 1);
	qx_table_init(t->first, lines + 1);
	qx_table_init(t->pre, 4 * lines + 1);
	p = f->data;
	end = f->data + f->size;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *tab1, *tab2, *vend;
		char key[QX_MAXKEY];
		size_t kn;
		struct qx_entry *e;

		if (!eol)
			eol = end;
		if (p == eol || *p == '#')
			goto next;
		tab1 = memchr(p, '\t', (size_t)(eol - p));
		if (!tab1)
			tab1 = eol;
		kn = (size_t)(tab1 - p);
		if (kn == 0 || kn + 1 > sizeof(key))
			goto next;
		if (fold)
			qx_lower(p, kn, key, sizeof(key));
		else
			memcpy(key, p, kn);
		e = qx_table_put(t, key, kn);
		if (e->value)
			goto next;
		{
			size_t fn = 0;
			while (fn < kn && key[fn] != ' ' && key[fn] != '\'' &&
			       !(fn + 2 < kn && memcmp(key + fn, "\xE2\x80\x99", 3) == 0))
				fn++;
			struct qx_entry *fe = qx_table_put(t->first, key, fn);
			fe->value = fe->key;
			/* cut points: before a space or an apostrophe, around '-' and '&' */
			for (size_t c = 1; c < kn; c++) {
				bool cut = key[c] == ' ' || key[c] == '\'' || key[c] == '-' ||
					   key[c] == '&' || key[c - 1] == '-' || key[c - 1] == '&' ||
					   (c + 2 < kn && memcmp(key + c, "\xE2\x80\x99", 3) == 0);
				if (cut) {
					fe = qx_table_put(t->pre, key, c);
					fe->value = fe->key;
				}
			}
		}
		tab2 = tab1 < eol ? memchr(tab1 + 1, '\t', (size_t)(eol - tab1 - 1)) : NULL;
		vend = tab2 ? tab2 : eol;
		if (vend > tab1 + 1 && !(vend - tab1 == 2 && tab1[1] == '='))
			e->value = xstrndup(tab1 + 1, (size_t)(vend - tab1 - 1));
		else
			e->value = e->key;
		if (tab2)
			e->flags = qx_parse_flags(tab2 + 1, (size_t)(eol - tab2 - 1));
next:
		p = eol + 1;
	}
}

static void qx_words_add(const char *const *list, unsigned cls)
{
	for (size_t i = 0; list[i]; i++) {
		struct qx_entry *e = qx_table_put(&words, list[i], strlen(list[i]));
		e->flags |= cls;
		e->value = e->key;
	}
}

static void qx_words_first(const struct qx_table *t, unsigned cls)
{
	char key[QX_MAXKEY];
	for (size_t i = 0; i <= t->first->mask; i++) {
		const struct qx_entry *f = &t->first->slot[i];
		struct qx_entry *e;
		if (!f->key || !qx_lower(f->key, f->klen, key, sizeof(key)))
			continue;
		e = qx_table_put(&words, key, f->klen);
		e->flags |= cls;
		if (!e->value)
			e->value = e->key;
	}
}

static void qx_lex_init(void);

/* data/role_classes.txt: (role, class) pairs, few enough to scan. */
struct qx_role_class {
	char *role, *cls;
};
static struct qx_role_class *role_classes;
static size_t n_role_classes;

static void qx_load_role_classes(void)
{
	const struct embedded_file *f = embedded_data("role_classes.txt");
	size_t cap = 0;
	for (const char *p = f ? f->data : NULL, *end = f ? f->data + f->size : NULL; p && p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *tab = memchr(p, '\t', (size_t)(eol - p));
		if (*p != '#' && tab && tab > p && eol > tab + 1) {
			xgrow((void **)&role_classes, &cap, n_role_classes + 1, sizeof(*role_classes));
			role_classes[n_role_classes].role = xstrndup(p, (size_t)(tab - p));
			role_classes[n_role_classes].cls = xstrndup(tab + 1, (size_t)(eol - tab - 1));
			n_role_classes++;
		}
		p = eol + 1;
	}
}

bool qx_role_in_class(const char *role, const char *cls)
{
	const char *head = strrchr(role, ' ');
	head = head ? head + 1 : role;
	pthread_once(&lex_once, qx_lex_init);
	for (size_t i = 0; i < n_role_classes; i++)
		if (strcmp(role_classes[i].cls, cls) == 0 &&
		    (strcmp(role_classes[i].role, role) == 0 || strcmp(role_classes[i].role, head) == 0))
			return true;
	return false;
}

static void qx_lex_init(void)
{
	qx_load_role_classes();
	qx_load(&lex[QX_ROLES], "roles.txt", true);
	qx_load(&lex[QX_CUES], "cues.txt", true);
	qx_load(&lex[QX_COUNTRIES], "countries.txt", false);
	qx_load(&names, "given_names.txt", true);
	qx_table_init(&words, 2048);
	qx_words_add(stopwords, QW_STOP);
	qx_words_add(orgwords, QW_ORGWORD);
	qx_words_add(orgsingles, QW_ORGSINGLE);
	qx_words_add(orgnouns, QW_ORGNOUN);
	qx_words_add(premods, QW_PREMOD);
	qx_words_add(auxes, QW_AUX);
	qx_words_add(particles, QW_PARTICLE);
	qx_words_add(abbrevs, QL_ABBREV);
	qx_words_add(dets, QL_DET);
	/* one look-up per token in qx_classify: the first words of roles and
	 * cues (lower case) and of countries (folded here, case checked by
	 * qx_lex_match) carry their QL_*1 bit in the same table */
	qx_words_first(&lex[QX_ROLES], QL_ROLE1);
	qx_words_first(&lex[QX_CUES], QL_CUE1);
	qx_words_first(&lex[QX_COUNTRIES], QL_CTRY1);
}

static const struct qx_entry *qx_table_get_h(const struct qx_table *t, const char *k, size_t n,
					     uint64_t h)
{
	uint32_t tag = qx_tag(h);
	size_t i = (size_t)h & t->mask;
	for (;;) {
		uint32_t g = t->tag[i];
		if (!g)
			return NULL;
		if (g == tag) {
			const struct qx_entry *e = &t->slot[i];
			if (e->klen == n && qx_key_eq(e->key, k, n))
				return e;
		}
		i = (i + 1) & t->mask;
	}
}

/* Look up text w[0..n) case-folded, with h = qx_hash_fold(w, n). */
static const struct qx_entry *qx_table_get_fold(const struct qx_table *t, const char *w, size_t n,
						uint64_t h)
{
	uint32_t tag = qx_tag(h);
	size_t i = (size_t)h & t->mask;
	for (;;) {
		uint32_t g = t->tag[i];
		if (!g)
			return NULL;
		if (g == tag) {
			const struct qx_entry *e = &t->slot[i];
			if (e->klen == n) {
				size_t j = 0;
				for (; j < n; j++) {
					char c = w[j];
					c = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
					if (c != e->key[j])
						break;
				}
				if (j == n)
					return e;
			}
		}
		i = (i + 1) & t->mask;
	}
}

static bool qx_word_class(const char *w, size_t n, unsigned cls)
{
	const struct qx_entry *e;

	pthread_once(&lex_once, qx_lex_init);
	if (n == 0 || n >= QX_MAXKEY)
		return false;
	e = qx_table_get_fold(&words, w, n, qx_hash_fold(w, n));
	return e && (e->flags & cls);
}

bool qx_is_stopword(const char *w, size_t n)
{
	return qx_word_class(w, n, QW_STOP);
}

bool qx_is_orgword(const char *w, size_t n)
{
	return qx_word_class(w, n, QW_ORGWORD);
}

bool qx_is_orgnoun(const char *w, size_t n)
{
	return qx_word_class(w, n, QW_ORGNOUN);
}

bool qx_is_premod(const char *w, size_t n)
{
	return qx_word_class(w, n, QW_PREMOD);
}

bool qx_is_aux(const char *w, size_t n)
{
	return qx_word_class(w, n, QW_AUX);
}

bool qx_is_particle(const char *w, size_t n)
{
	return qx_word_class(w, n, QW_PARTICLE);
}

bool qx_is_abbrev_word(const char *w, size_t n)
{
	return qx_word_class(w, n, QL_ABBREV);
}

bool qx_is_org_singleton(const char *w, size_t n)
{
	return qx_word_class(w, n, QW_ORGSINGLE);
}

bool qx_is_given_name(const char *w, size_t n)
{
	pthread_once(&lex_once, qx_lex_init);
	return n >= 2 && n < QX_MAXKEY && qx_table_get_fold(&names, w, n, qx_hash_fold(w, n)) != NULL;
}

int qx_given_name_gender(const char *w, size_t n)
{
	const struct qx_entry *e;

	pthread_once(&lex_once, qx_lex_init);
	if (n < 2 || n >= QX_MAXKEY)
		return QX_G_UNKNOWN;
	e = qx_table_get_fold(&names, w, n, qx_hash_fold(w, n));
	if (!e || (e->flags & (QR_MALE | QR_FEMALE)) == (QR_MALE | QR_FEMALE))
		return QX_G_UNKNOWN;
	if (e->flags & QR_MALE)
		return QX_G_MALE;
	if (e->flags & QR_FEMALE)
		return QX_G_FEMALE;
	return QX_G_UNKNOWN;
}

/* Longest key of lexicon lx over tokens [i, lim): the key is built word
 * by word as the lexicon writes it (a space where the text has white space,
 * nothing where it has none, as in "People's"), its hash carried along, and
 * the scan stops as soon as the words so far begin no key. */
const struct qx_entry *qx_lex_match(enum qx_lex lx, const char *text,
				    const struct qx_tok *t, size_t i, size_t lim, size_t *n)
{
	const struct qx_table *tb;
	const struct qx_entry *best = NULL;
	bool fold = lx != QX_COUNTRIES;
	char key[QX_MAXKEY];
	size_t kn = 0, maxk;
	uint64_t h;

	static const uint16_t first_bit[QX_NLEX] = {QL_ROLE1, QL_CUE1, QL_CTRY1};
	pthread_once(&lex_once, qx_lex_init);
	tb = &lex[lx];
	if (i >= lim || (t[i].kind != QK_WORD && t[i].kind != QK_NUM) || !(t[i].lex & first_bit[lx]))
		return NULL;
	maxk = lim - i;
	if (maxk > tb->maxw)
		maxk = tb->maxw;
	if (maxk > QX_MAXWORDS)
		maxk = QX_MAXWORDS;
	for (size_t k = 1; k <= maxk; k++) {
		const struct qx_tok *w = &t[i + k - 1];
		size_t l = qx_tlen(w);
		const struct qx_entry *e;
		if (w->kind != QK_WORD && w->kind != QK_NUM &&
		    !(w->kind == QK_PUNCT && (w->c == '&' || w->c == '-')))
			break;
		if (k > 1 && (w->flags & QF_SPACE))
			key[kn++] = ' ';
		if (kn + l + 1 >= sizeof(key))
			break;
		if (fold)
			qx_lower(text + w->s, l, key + kn, sizeof(key) - kn);
		else
			memcpy(key + kn, text + w->s, l);
		kn += l;
		h = qx_hash(key, kn);
		if (k == 1 && !qx_table_get_h(tb->first, key, kn, h))
			return NULL;
		if ((e = qx_table_get_h(tb, key, kn, h))) {
			best = e;
			*n = k;
		}
		if (k < maxk && !qx_table_get_h(tb->pre, key, kn, h))
			break;
	}
	return best;
}

void qx_lex_ready(void)
{
	pthread_once(&lex_once, qx_lex_init);
}

/* The caller has called qx_lex_ready(). */
uint16_t qx_word_lex(const char *w, size_t n, uint64_t h)
{
	const struct qx_entry *e;
	if (n >= QX_MAXKEY)
		return 0;
	e = qx_table_get_fold(&words, w, n, h);
	return e ? (uint16_t)e->flags : 0;
}

void qx_classify(struct qx_doc *d)
{
	pthread_once(&lex_once, qx_lex_init);
	for (size_t i = 0; i < d->ntok; i++) {
		struct qx_tok *t = &d->tok[i];
		size_t n = qx_tlen(t);
		const char *w = d->text + t->s;
		const struct qx_entry *e;
		if ((t->kind != QK_WORD && t->kind != QK_NUM) || n >= QX_MAXKEY ||
		    (t->flags & QF_LEXED))
			continue;
		if ((e = qx_table_get_fold(&words, w, n, qx_hash_fold(w, n))))
			t->lex |= (uint16_t)e->flags;
	}
}
