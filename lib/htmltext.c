/* HTML -> paragraphs of plain text. html_score.c picks the article's
 * containers; here their text is cut into paragraphs the way a reader sees
 * them: every block element ends one, <br><br> ends one, inline markup
 * does not. Quotation marks, punctuation and entities come through as the
 * parser decoded them; only white space is collapsed. */
#include "quoted/htmltext.h"

#include "html_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct para_builder {
	struct buf cur;
	bool article;      /* page mode: drop advert labels and the like */
	char **v;
	size_t n, cap;
	size_t total;      /* bytes emitted, for HTML_MAX_OUTPUT */
	int br_run;        /* <br>s since the last visible text */
	bool blank_split;  /* plain-text habit: blank lines in text split */
};

/* A paragraph without a letter or digit (rules, "* * *", "___") is
 * decoration, not text. */
static bool pb_has_word(const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t l;
		uint32_t cp = utf8_decode(s + i, n - i, &l);
		if (cp < 0x80 ? isalnum((int)cp) && cp != '_'
			      : cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
					!(cp >= 0x2000 && cp <= 0x2BFF) &&
					!(cp >= 0x3000 && cp <= 0x303F) && cp != 0xFFFD)
			return true;
		i += l;
	}
	return false;
}

/* Labels that stand alone between paragraphs on news pages. */
static bool pb_is_label(const char *s)
{
	static const char *const labels[] = {
		"ad", "ads", "advert", "advertisement", "advertising", "sponsored",
		"continue reading", "continue reading below", "story continues below",
		"story continues below advertisement", "article continues below",
		"article continues below advertisement", "loading", "loading...", "loading…",
		NULL};
	for (int i = 0; labels[i]; i++)
		if (str_ieq(s, labels[i]))
			return true;
	return false;
}

static void pb_flush(struct para_builder *pb)
{
	pb->br_run = 0;
	if (!pb->cur.len)
		return;
	char *s = utf8_sanitize(pb->cur.data, pb->cur.len);
	buf_reset(&pb->cur);
	html_squeeze(s);
	size_t len = strlen(s);
	/* Past the output cap a paragraph is cut at a character boundary. */
	if (pb->total + len > HTML_MAX_OUTPUT) {
		len = HTML_MAX_OUTPUT - pb->total;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		s[len] = '\0';
	}
	if (!len || pb->n >= HTML_MAX_PARAGRAPHS || !pb_has_word(s) ||
	    (pb->article && pb_is_label(s))) {
		free(s);
		return;
	}
	pb->total += len;
	xgrow((void **)&pb->v, &pb->cap, pb->n + 1, sizeof(*pb->v));
	pb->v[pb->n++] = s;
}

static bool pb_all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Text node content; in blank_split mode "\n\s*\n" is a paragraph break. */
static void pb_text(struct para_builder *pb, const char *s)
{
	size_t n = strlen(s);

	if (!pb_all_space(s, n))
		pb->br_run = 0;
	if (!pb->blank_split) {
		buf_append(&pb->cur, s, n);
		return;
	}
	const char *p = s;
	while (*p) {
		const char *nl = strchr(p, '\n');
		if (!nl) {
			buf_puts(&pb->cur, p);
			break;
		}
		buf_append(&pb->cur, p, (size_t)(nl - p + 1));
		const char *q = nl + 1;
		while (*q == ' ' || *q == '\t' || *q == '\r')
			q++;
		if (*q == '\n') {
			pb_flush(pb);
			while (isspace((unsigned char)*q))
				q++;
		}
		p = q;
	}
}

/* Entering a node: returns whether to descend into its children. */
static bool pb_enter(struct para_builder *pb, xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			pb_text(pb, (const char *)n->content);
		return false;
	}
	const struct hnode *h = html_hnode(n);
	if (!h || h->drop || h->removed)
		return false;
	if (h->tag == HT_BR) {
		if (pb->br_run++ > 0)
			pb_flush(pb);
		else
			buf_putc(&pb->cur, ' ');
		return false;
	}
	/* A paragraph that is mostly links is a teaser for other pages. */
	if (pb->article && (h->tag == HT_P || h->tag == HT_LI) &&
	    html_link_density(n) > 0.7) {
		pb_flush(pb);
		return false;
	}
	/* A table row reads as one line: its cells are not paragraphs. */
	if (h->tag == HT_TD || h->tag == HT_TH) {
		buf_putc(&pb->cur, ' ');
		return true;
	}
	if (h->tflags & HF_BLOCK)
		pb_flush(pb);
	return true;
}

/* Iterative walk with enter and leave events (documents may be deep). */
static void pb_emit(struct para_builder *pb, xmlNode *root)
{
	xmlNode *n = root;

	for (;;) {
		bool descend = pb_enter(pb, n);
		if (descend && n->children) {
			n = n->children;
			continue;
		}
		for (;;) {
			unsigned tag = html_tag(n);
			if (tag == HT_TD || tag == HT_TH)
				buf_putc(&pb->cur, ' ');
			else if (html_is_block(n))
				pb_flush(pb);
			if (n == root)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

static void pb_finish(struct para_builder *pb, struct article_text *out)
{
	pb_flush(pb);
	buf_free(&pb->cur);
	out->paragraphs = pb->v;
	out->n_paragraphs = pb->n;
}

static void html_out_init(struct article_text *out)
{
	memset(out, 0, sizeof(*out));
}

int html_extract_article(const char *html, size_t len, const char *url, struct article_text *out)
{
	struct html_doc hd;
	struct para_builder pb = {.article = true};
	char *hint = NULL;
	xmlNode **roots = NULL;

	(void)url;
	html_out_init(out);
	if (html_doc_parse(&hd, html, len, false) < 0) {
		html_doc_free(&hd);
		return -1;
	}
	html_meta_extract(&hd, out, &hint);
	size_t n = html_score_select(&hd, out->title, hint, &roots);
	for (size_t i = 0; i < n; i++)
		pb_emit(&pb, roots[i]);
	pb_finish(&pb, out);
	free(roots);
	free(hint);
	html_doc_free(&hd);
	return 0;
}

/* Does s look like markup at all? "<" followed by a letter, '/' or '!'. */
static bool html_has_tags(const char *s, size_t len)
{
	for (const char *p = s; (p = memchr(p, '<', len - (size_t)(p - s))); p++) {
		if ((size_t)(p - s) + 1 >= len)
			break;
		unsigned char c = (unsigned char)p[1];
		if (isalpha(c) || c == '/' || c == '!')
			return true;
	}
	return false;
}

/* Block markup (or <br>) in a fragment means its blank lines mean nothing.
 * Looked for in the source: the parser invents <p>s around bare text. */
static bool html_has_block_markup(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] != '<')
			continue;
		size_t j = i + 1, k = 0;
		char name[12];
		if (s[j] == '/')
			j++;
		while (j < len && k + 1 < sizeof(name) && isalnum((unsigned char)s[j]))
			name[k++] = (char)tolower((unsigned char)s[j++]);
		name[k] = '\0';
		if (k && (strcmp(name, "br") == 0 || html_tag_is_block(name)))
			return true;
	}
	return false;
}

int html_fragment_paragraphs(const char *html, size_t len, struct article_text *out)
{
	struct para_builder pb = {0};

	html_out_init(out);
	if (!html)
		return -1;
	if (len > HTML_MAX_INPUT)
		len = HTML_MAX_INPUT;
	if (!html_has_tags(html, len)) {
		char *s = utf8_sanitize(html, len);
		pb.blank_split = true;
		pb_text(&pb, s);
		free(s);
		pb_finish(&pb, out);
		return 0;
	}
	struct html_doc hd;
	if (html_doc_parse(&hd, html, len, true) < 0) {
		html_doc_free(&hd);
		return -1;
	}
	xmlNode *root = xmlDocGetRootElement(hd.doc);
	pb.blank_split = !html_has_block_markup(html, len);
	if (root && html_hnode(root))
		pb_emit(&pb, root);
	pb_finish(&pb, out);
	html_doc_free(&hd);
	return 0;
}

char *article_text_join(const struct article_text *a)
{
	struct buf b = {0};

	buf_append(&b, "", 0);
	for (size_t i = 0; a && i < a->n_paragraphs; i++) {
		if (i)
			buf_append(&b, "\n\n", 2);
		buf_puts(&b, a->paragraphs[i]);
	}
	return buf_steal(&b);
}

void article_text_free(struct article_text *a)
{
	if (!a)
		return;
	free(a->title);
	free(a->byline);
	free(a->published);
	for (size_t i = 0; i < a->n_paragraphs; i++)
		free(a->paragraphs[i]);
	free(a->paragraphs);
	memset(a, 0, sizeof(*a));
}
