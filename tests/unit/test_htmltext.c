/* HTML -> article text: metadata, boilerplate removal, paragraph boundaries,
 * charsets, fragments, and hostile input that must not crash or leak noise. */
#include "quoted/htmltext.h"
#include "quoted/util.h"
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool has_para(const struct article_text *a, const char *want)
{
	for (size_t i = 0; i < a->n_paragraphs; i++)
		if (strcmp(a->paragraphs[i], want) == 0)
			return true;
	fprintf(stderr, "missing paragraph: %s\n", want);
	return false;
}

static bool text_has(const struct article_text *a, const char *needle)
{
	char *t = article_text_join(a);
	bool r = strstr(t, needle) != NULL;
	free(t);
	return r;
}

static bool valid_utf8(const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t l;
		uint32_t cp = utf8_decode(s + i, n - i, &l);
		if (cp == 0xFFFD && l == 1 && (unsigned char)s[i] >= 0x80 &&
		    !((unsigned char)s[i] == 0xEF && i + 2 < n))
			return false;
		i += l;
	}
	return true;
}

static bool all_valid(const struct article_text *a)
{
	if (a->title && !valid_utf8(a->title))
		return false;
	for (size_t i = 0; i < a->n_paragraphs; i++)
		if (!valid_utf8(a->paragraphs[i]) || !a->paragraphs[i][0])
			return false;
	return true;
}

static struct article_text extract_file(const char *name)
{
	char path[512];
	size_t len = 0;
	struct article_text a;
	snprintf(path, sizeof(path), "%s/html/%s", FIXTURES, name);
	char *html = read_file(path, &len);
	CHECK(html != NULL);
	CHECK(html_extract_article(html ? html : "", html ? len : 0, "https://example.org/a", &a) == 0);
	free(html);
	return a;
}

static void test_news_article(void)
{
	struct article_text a = extract_file("news_article.html");

	CHECK_STR(a.title, "Harbour board approves night ferry trial");
	CHECK_STR(a.byline, "Mara Quellwood");
	CHECK_STR(a.published, "2024-03-14T09:30:00Z");
	CHECK(has_para(&a, "The Riverton harbour board voted on Wednesday to run a six-month "
			   "trial of late-evening ferries between the old quay and the island "
			   "villages, the first change to the timetable in more than a decade."));
	/* Curly quotes from entities, kept exactly; one <p>, one paragraph. */
	CHECK(has_para(&a, "\u201cPeople who work late shifts have been stranded on the wrong "
			   "side of the water for years,\u201d said Talia Brenning, who chairs "
			   "the board. \u201cThis trial is how we find out whether the demand is "
			   "really there.\u201d"));
	CHECK(has_para(&a, "Under the plan, two extra sailings will leave the quay at 22:15 and "
			   "23:40 on weekdays, with a single late crossing on Saturdays & Sundays."));
	CHECK(has_para(&a, "Cost questions"));
	CHECK(text_has(&a, "would cost \u00a3180,000, and asked: \"Who pays if the boats sail empty?\""));
	CHECK(has_para(&a, "\u2018We will publish the passenger numbers every month,\u2019 the "
			   "board said in a statement."));
	/* <br><br> splits a paragraph. */
	CHECK(has_para(&a, "The first late sailing is due on 2 April."));
	CHECK(has_para(&a, "Timetables will be posted at the quay and online."));
	/* Boilerplate stays out. */
	CHECK(!text_has(&a, "cookies"));
	CHECK(!text_has(&a, "Weather"));
	CHECK(!text_has(&a, "Bridge repairs"));
	CHECK(!text_has(&a, "missed the last boat"));
	CHECK(!text_has(&a, "All rights reserved"));
	CHECK(!text_has(&a, "Share on social"));
	CHECK(!text_has(&a, "Photo: Ledger staff"));
	CHECK(!text_has(&a, "dataLayer"));
	CHECK(!text_has(&a, "Transport Reporter"));
	/* The headline is the title, not a paragraph. */
	CHECK(a.paragraphs && strncmp(a.paragraphs[0], "The Riverton", 12) == 0);
	CHECK(all_valid(&a));

	char *j = article_text_join(&a);
	CHECK(strstr(j, "decade.\n\n\u201cPeople") != NULL);
	free(j);
	article_text_free(&a);
}

static void test_jsonld_article(void)
{
	struct article_text a = extract_file("jsonld_article.html");

	CHECK_STR(a.title, "Orchard growers count frost damage");
	CHECK_STR(a.byline, "Ines Harrowgate, Pell Dunmore");
	CHECK_STR(a.published, "2023-04-21T06:00:00+02:00");
	CHECK(has_para(&a, "Growers across the upper valley spent the weekend walking their "
			   "rows after two nights of hard frost, and many did not like what "
			   "they found."));
	/* A single <br> does not split. */
	CHECK(text_has(&a, "half the crop.\" The cooperative has asked"));
	CHECK(!text_has(&a, "Tags:"));
	CHECK(!text_has(&a, "Mill Lane"));
	CHECK(!text_has(&a, "Farming"));
	CHECK(all_valid(&a));
	article_text_free(&a);
}

static void test_title_suffix(void)
{
	const char *html = "<html><head><title>Council delays vote on new bus lanes - The "
			   "Daily Spoke</title></head><body><p>Short.</p></body></html>";
	struct article_text a;
	CHECK(html_extract_article(html, strlen(html), NULL, &a) == 0);
	CHECK_STR(a.title, "Council delays vote on new bus lanes");
	CHECK(a.byline == NULL);
	CHECK(a.published == NULL);
	CHECK(has_para(&a, "Short."));
	article_text_free(&a);

	html = "<title>Home | Short</title><p>x</p>";
	CHECK(html_extract_article(html, strlen(html), NULL, &a) == 0);
	CHECK_STR(a.title, "Home | Short");
	article_text_free(&a);
}

static void test_charset(void)
{
	/* windows-1252 curly quotes and e-acute, declared the old way. */
	const char *html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
			   "charset=windows-1252\"></head><body><p>\x93" "Caf\xe9" " au lait,\x94 "
			   "she said.</p></body></html>";
	struct article_text a;
	CHECK(html_extract_article(html, strlen(html), NULL, &a) == 0);
	CHECK(has_para(&a, "\u201cCaf\u00e9 au lait,\u201d she said."));
	article_text_free(&a);

	/* A Latin-1 label means windows-1252, as in browsers. */
	html = "<meta charset=\"ISO-8859-1\"><p>\x91quoted\x92 \xa3" "5</p>";
	CHECK(html_extract_article(html, strlen(html), NULL, &a) == 0);
	CHECK(has_para(&a, "\u2018quoted\u2019 \u00a3" "5"));
	article_text_free(&a);

	/* Default UTF-8; invalid bytes become U+FFFD, NULs disappear. */
	const char bad[] = "<p>ok \xff\xfe caf\xc3\xa9 \xc3 end\0hidden nul</p>";
	CHECK(html_extract_article(bad, sizeof(bad) - 1, NULL, &a) == 0);
	CHECK(all_valid(&a));
	CHECK(text_has(&a, "caf\u00e9"));
	CHECK(text_has(&a, "hidden nul"));
	article_text_free(&a);

	/* UTF-8 BOM and a conflicting meta: the BOM wins. */
	html = "\xef\xbb\xbf<meta charset=\"iso-8859-1\"><p>na\xc3\xafve</p>";
	CHECK(html_extract_article(html, strlen(html), NULL, &a) == 0);
	CHECK(has_para(&a, "na\u00efve"));
	article_text_free(&a);
}

static void test_fragment(void)
{
	struct article_text a;
	const char *f = "<p>One &amp; only.</p><p>Two <b>bold</b> words&#8230;</p>"
			"<script>var x = 1;</script><ul><li>item a</li><li>item b</li></ul>";
	CHECK(html_fragment_paragraphs(f, strlen(f), &a) == 0);
	CHECK(a.n_paragraphs == 4);
	if (a.n_paragraphs == 4) {
		CHECK_STR(a.paragraphs[0], "One & only.");
		CHECK_STR(a.paragraphs[1], "Two bold words\u2026");
		CHECK_STR(a.paragraphs[2], "item a");
		CHECK_STR(a.paragraphs[3], "item b");
	}
	article_text_free(&a);

	/* Plain text: blank lines split, single newlines do not. */
	f = "First paragraph here.\n\nSecond one\ncontinues.\n \n\nThird 1 < 2.";
	CHECK(html_fragment_paragraphs(f, strlen(f), &a) == 0);
	CHECK(a.n_paragraphs == 3);
	if (a.n_paragraphs == 3) {
		CHECK_STR(a.paragraphs[0], "First paragraph here.");
		CHECK_STR(a.paragraphs[1], "Second one continues.");
		CHECK_STR(a.paragraphs[2], "Third 1 < 2.");
	}
	article_text_free(&a);

	/* Inline markup only: blank lines still split. */
	f = "He said <i>\"no\"</i>.\n\nThen <a href=\"x\">left</a>.";
	CHECK(html_fragment_paragraphs(f, strlen(f), &a) == 0);
	CHECK(a.n_paragraphs == 2);
	if (a.n_paragraphs == 2)
		CHECK_STR(a.paragraphs[0], "He said \"no\".");
	article_text_free(&a);

	/* <br><br> splits, one <br> does not. */
	f = "<div>line one<br>line two<br><br>line three</div>";
	CHECK(html_fragment_paragraphs(f, strlen(f), &a) == 0);
	CHECK(a.n_paragraphs == 2);
	if (a.n_paragraphs == 2) {
		CHECK_STR(a.paragraphs[0], "line one line two");
		CHECK_STR(a.paragraphs[1], "line three");
	}
	article_text_free(&a);

	/* Feed content is UTF-8 whatever a stray <meta> says. */
	f = "<meta charset=\"windows-1252\"><p>caf\xc3\xa9</p>";
	CHECK(html_fragment_paragraphs(f, strlen(f), &a) == 0);
	CHECK(a.n_paragraphs == 1 && strcmp(a.paragraphs[0], "caf\u00e9") == 0);
	article_text_free(&a);

	CHECK(html_fragment_paragraphs("", 0, &a) == 0);
	CHECK(a.n_paragraphs == 0);
	char *j = article_text_join(&a);
	CHECK_STR(j, "");
	free(j);
	article_text_free(&a);
}

/* Run f with stderr redirected to a temporary file; return bytes written. */
static long stderr_bytes(void (*f)(void))
{
	char path[] = "/tmp/test_htmltext_XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	fflush(stderr);
	dup2(fd, 2);
	f();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	long n = lseek(fd, 0, SEEK_END);
	close(fd);
	unlink(path);
	return n;
}

static void hostile_nesting(void)
{
	struct buf b = {0};
	struct article_text a;
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, i % 3 ? "<div class=\"content\">" : "<span><b>");
	buf_puts(&b, "deep text, deep text, deep text, deep text, deep text.");
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, "</div>");
	buf_puts(&b, "<p>After the deep part, an ordinary paragraph with enough words to be text.</p>");
	CHECK(html_extract_article(b.data, b.len, NULL, &a) == 0);
	CHECK(all_valid(&a));
	article_text_free(&a);
	CHECK(html_fragment_paragraphs(b.data, b.len, &a) == 0);
	CHECK(all_valid(&a));
	article_text_free(&a);
	buf_free(&b);

	/* Unclosed tables and lists, 10k deep. */
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, "<table><tr><td><ul><li><p>x, ");
	CHECK(html_extract_article(b.data, b.len, NULL, &a) == 0);
	article_text_free(&a);
	buf_free(&b);
}

static void hostile_big_text(void)
{
	struct buf b = {0};
	struct article_text a;
	buf_puts(&b, "<html><body><article><p>");
	char *chunk = xmalloc(1 << 20);
	for (int i = 0; i < (1 << 20); i++)
		chunk[i] = "abcd, efgh ijkl. "[i % 17];
	for (int i = 0; i < 10; i++)
		buf_append(&b, chunk, 1 << 20);
	free(chunk);
	buf_puts(&b, "</p></article></body></html>");
	CHECK(html_extract_article(b.data, b.len, NULL, &a) == 0);
	CHECK(a.n_paragraphs >= 1);
	CHECK(all_valid(&a));
	article_text_free(&a);
	buf_free(&b);
}

static void hostile_bytes(void)
{
	struct article_text a;
	/* Pseudo-random bytes with tags sprinkled in: any result, no crash. */
	unsigned seed = 12345;
	for (int round = 0; round < 50; round++) {
		size_t n = 2000 + (size_t)round * 97;
		char *s = xmalloc(n);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) & 0xff;
			static const char *const bits[] = {"<p>", "</p>", "<br>", "<div>", "&amp;",
							   "<script>", "&#0;", "&#xD800;", "<!--",
							   "<![CDATA[", "<meta charset=koi8-r>"};
			if (r < 11 && i + 24 < n) {
				size_t l = strlen(bits[r]);
				memcpy(s + i, bits[r], l);
				i += l - 1;
			} else {
				s[i] = (char)r;
			}
		}
		CHECK(html_extract_article(s, n, NULL, &a) == 0 || a.n_paragraphs == 0);
		CHECK(all_valid(&a));
		article_text_free(&a);
		CHECK(html_fragment_paragraphs(s, n, &a) == 0 || a.n_paragraphs == 0);
		CHECK(all_valid(&a));
		article_text_free(&a);
		free(s);
	}
	/* Character references outside Unicode or to NUL. */
	const char *refs = "<p>a&#0;b &#x110000; c&#xDFFF;d &#65;&#x263A;</p>";
	CHECK(html_extract_article(refs, strlen(refs), NULL, &a) == 0);
	CHECK(all_valid(&a));
	CHECK(text_has(&a, "A\u263a"));
	article_text_free(&a);
	/* Broken or hostile JSON-LD. */
	struct buf b = {0};
	buf_puts(&b, "<script type=\"application/ld+json\">");
	for (int i = 0; i < 5000; i++)
		buf_puts(&b, "{\"@type\":\"NewsArticle\",\"author\":[");
	buf_puts(&b, "</script><p>Body text.</p>");
	CHECK(html_extract_article(b.data, b.len, NULL, &a) == 0);
	CHECK(a.byline == NULL);
	article_text_free(&a);
	buf_free(&b);
	CHECK(html_extract_article("", 0, NULL, &a) <= 0);
	article_text_free(&a);
}

static void test_hostile(void)
{
	CHECK(stderr_bytes(hostile_nesting) == 0);
	CHECK(stderr_bytes(hostile_big_text) == 0);
	CHECK(stderr_bytes(hostile_bytes) == 0);
}

/* Class and id words match case-insensitively as substrings, but not across
 * a camelCase boundary ("pageRow" is not "pager"); screen-reader text and
 * aria-hidden decoration stay out of the text. */
static void test_class_names(void)
{
	const char *html =
		"<html><body><div class=\"pageRow\">"
		"<p>The council met on Tuesday evening to discuss the budget for the coming "
		"year, and members agreed on most points after a long debate.</p>"
		"<div class=\"Related-Links\"><p>Related: ten things to do this weekend in the "
		"city centre.</p></div>"
		"<p>Officials said the new plan would fund road repairs, library hours and a "
		"small grant scheme for local clubs, starting in the spring.</p>"
		"<p>Residents who spoke at the meeting asked for more detail on costs, and the "
		"council promised to publish the full figures next week.</p>"
		"<p><span class=\"SR-Only\">Screen reader note. </span>A final vote is expected "
		"at the next meeting of the full council in March, officials said.</p>"
		"<p>The mayor said she was confident the budget would pass<span "
		"aria-hidden=\"true\"> (icon)</span>, despite objections from two members.</p>"
		"</div></body></html>";
	struct article_text a;

	CHECK(html_extract_article(html, strlen(html), NULL, &a) == 0);
	CHECK(text_has(&a, "The council met on Tuesday"));
	CHECK(has_para(&a, "A final vote is expected at the next meeting of the full council "
			   "in March, officials said."));
	CHECK(text_has(&a, "would pass, despite"));
	CHECK(!text_has(&a, "Related:"));
	CHECK(!text_has(&a, "Screen reader"));
	CHECK(!text_has(&a, "(icon)"));
	article_text_free(&a);
}

int main(void)
{
	test_news_article();
	test_jsonld_article();
	test_title_suffix();
	test_charset();
	test_fragment();
	test_hostile();
	test_class_names();
	return test_report("test_htmltext");
}
