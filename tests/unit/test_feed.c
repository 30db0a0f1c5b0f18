/* Feed parser: formats, encodings, entities, links, dates, keys, and the
 * hostile inputs a poller meets (entity bombs, XXE, deep nesting, junk). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quoted/feed.h"
#include "quoted/sha256.h"
#include "quoted/util.h"
#include "quoted/xmlsafe.h"
#include "testutil.h"

static char errbuf[256];

/* Parse a fixture; returns the rc of feed_parse. */
static int parse_file(const char *name, const char *base, const char *ctype, struct feed *f)
{
	char path[512];
	size_t len;
	snprintf(path, sizeof path, "%s/feeds/%s", FIXTURES, name);
	char *data = read_file(path, &len);
	if (!data) {
		fprintf(stderr, "cannot read %s\n", path);
		test_failures++;
		memset(f, 0, sizeof *f);
		return -2;
	}
	int rc = feed_parse(data, len, base, ctype, f, errbuf, sizeof errbuf);
	free(data);
	return rc;
}

static int parse_mem(const char *data, size_t len, struct feed *f)
{
	return feed_parse(data, len, NULL, NULL, f, errbuf, sizeof errbuf);
}

static bool valid_utf8(const char *s)
{
	if (!s)
		return true;
	char *t = utf8_sanitize(s, strlen(s));
	bool ok = strcmp(s, t) == 0;
	free(t);
	return ok;
}

static bool feed_all_utf8(const struct feed *f)
{
	bool ok = valid_utf8(f->title) && valid_utf8(f->link);
	for (size_t i = 0; i < f->n_items; i++) {
		const struct feed_item *it = &f->items[i];
		ok = ok && valid_utf8(it->guid) && valid_utf8(it->link) && valid_utf8(it->title) &&
		     valid_utf8(it->author) && valid_utf8(it->summary) && valid_utf8(it->content);
	}
	return ok;
}

static void test_rss20(void)
{
	struct feed f;
	CHECK(parse_file("rss20.xml", "https://gazette.example.org/world/rss.xml", NULL, &f) == 0);
	CHECK(f.format == FEED_RSS);
	CHECK_STR(f.title, "Harbour Gazette: World");
	CHECK_STR(f.link, "https://gazette.example.org/world/");
	CHECK(f.ttl_minutes == 30);
	CHECK(f.n_items == 3);
	if (f.n_items == 3) {
		struct feed_item *a = &f.items[0], *b = &f.items[1], *c = &f.items[2];
		CHECK_STR(a->guid, "gazette-2024-0311-quay");
		CHECK_STR(a->link, "https://gazette.example.org/world/2024/03/quay");
		CHECK_STR(a->title, "Port authority approves new quay");
		CHECK_STR(a->author, "Mira Olsen");
		CHECK_STR(a->summary, "The board voted <b>7 to 2</b> in favour.");
		CHECK_STR(a->content,
			  "<p>\"We have waited ten years for this,\" said harbour master Ines Vidal.</p>");
		CHECK(a->published == 1710145800);
		/* a permalink guid doubles as the link */
		CHECK_STR(b->link, "https://gazette.example.org/world/2024/03/ferry");
		CHECK_STR(b->author, "Tomas Berg");
		CHECK(b->published == 1710093600);
		CHECK_STR(c->link, "https://gazette.example.org/world/2024/03/relative");
		CHECK(c->guid == NULL);
	}
	feed_free(&f);
}

static void test_rss10(void)
{
	struct feed f;
	CHECK(parse_file("rss10.rdf", NULL, NULL, &f) == 0);
	CHECK(f.format == FEED_RDF);
	CHECK_STR(f.title, "Valley Courier");
	CHECK_STR(f.link, "https://valley.example.net/");
	CHECK(f.n_items == 1);
	if (f.n_items == 1) {
		CHECK_STR(f.items[0].guid, "https://valley.example.net/a/1");
		CHECK_STR(f.items[0].title, "Council delays bridge vote");
		CHECK_STR(f.items[0].author, "Ana Pires");
		CHECK(f.items[0].published == 1710245100);
	}
	feed_free(&f);
}

static void test_rss091(void)
{
	struct feed f;
	/* declares an external DTD: it must not be fetched */
	CHECK(parse_file("rss091.xml", NULL, NULL, &f) == 0);
	CHECK(f.format == FEED_RSS);
	CHECK_STR(f.title, "Old Town Wire");
	CHECK(f.n_items == 1);
	if (f.n_items == 1) {
		CHECK_STR(f.items[0].link, "http://oldtown.example.com/market");
		CHECK_STR(f.items[0].summary, "Stalls sell honey & bread.");
	}
	feed_free(&f);
}

static void test_atom10(void)
{
	struct feed f;
	CHECK(parse_file("atom10.xml", NULL, NULL, &f) == 0);
	CHECK(f.format == FEED_ATOM);
	CHECK_STR(f.title, "Northern Ledger");
	CHECK_STR(f.link, "https://ledger.example.com/");
	CHECK(f.n_items == 2);
	if (f.n_items == 2) {
		struct feed_item *a = &f.items[0], *b = &f.items[1];
		CHECK_STR(a->guid, "tag:ledger.example.com,2024:55");
		CHECK_STR(a->link, "https://ledger.example.com/2024/mill");
		CHECK_STR(a->author, "Kofi Mensah");
		CHECK_STR(a->summary, "Workers return on Monday.");
		CHECK_STR(a->content,
			  "<p>\"It was <em>worth it</em>,\" said union steward Lea Brandt.</p>");
		CHECK(a->published == 1710162000);
		CHECK(a->updated == 1710234930);
		CHECK_STR(b->title, "Rates held");
		CHECK_STR(b->link, "https://ledger.example.com/2024/rates");
		CHECK_STR(b->author, "Ledger Newsroom"); /* inherited from the feed */
		CHECK_STR(b->content, "<p>The bank held rates.</p>");
	}
	feed_free(&f);
}

static void test_atom03(void)
{
	struct feed f;
	CHECK(parse_file("atom03.xml", NULL, NULL, &f) == 0);
	CHECK(f.format == FEED_ATOM);
	CHECK_STR(f.title, "Coastal Notes");
	CHECK_STR(f.link, "http://coastal.example.org/");
	CHECK(f.n_items == 1);
	if (f.n_items == 1) {
		struct feed_item *a = &f.items[0];
		CHECK_STR(a->title, "Tide & weather");
		CHECK_STR(a->link, "http://coastal.example.org/2004/05/tide");
		CHECK_STR(a->author, "Rui Costa");
		CHECK_STR(a->content, "<p>High tide at noon.</p>");
		CHECK_STR(a->summary, "Stormy weekend");
		CHECK(a->published == 1083412800);
		CHECK(a->updated == 1083412800);
	}
	feed_free(&f);
}

static void test_json(void)
{
	struct feed f;
	CHECK(parse_file("jsonfeed11.json", NULL, NULL, &f) == 0);
	CHECK(f.format == FEED_JSON);
	CHECK_STR(f.title, "Metro Daily");
	CHECK_STR(f.link, "https://metro.example.com/");
	CHECK(f.n_items == 2);
	if (f.n_items == 2) {
		struct feed_item *a = &f.items[0], *b = &f.items[1];
		CHECK_STR(a->guid, "md-1001");
		CHECK_STR(a->title, "Tram line extended");
		CHECK_STR(a->author, "Hana Sato");
		CHECK_STR(a->summary, "The tram reaches the airport.");
		CHECK_STR(a->content, "<p>\"Fewer cars,\" said planner Joon Park.</p>");
		CHECK(a->published == 1710190800);
		CHECK(a->updated == 1710194400);
		CHECK_STR(b->guid, "1002");
		CHECK_STR(b->link, "https://metro.example.com/1002");
		CHECK_STR(b->author, "Metro Desk");
		CHECK_STR(b->content, "Plain text story.");
	}
	feed_free(&f);

	const char *notjson = "{\"title\": \"x\"}";
	CHECK(parse_mem(notjson, strlen(notjson), &f) == -1);
	CHECK(strstr(errbuf, "not a feed") != NULL);
	feed_free(&f);
	const char *deep = "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}";
	CHECK(parse_mem(deep, strlen(deep), &f) == -1);
	feed_free(&f);
}

static void test_xmlbase(void)
{
	struct feed f;
	CHECK(parse_file("xmlbase.xml", "https://ignored.example.com/feed", NULL, &f) == 0);
	CHECK_STR(f.link, "https://base.example.com/news/index.html");
	CHECK(f.n_items == 3);
	if (f.n_items == 3) {
		CHECK_STR(f.items[0].link, "https://base.example.com/news/2024/one.html");
		CHECK_STR(f.items[1].link, "https://base.example.com/abs/two.html");
		CHECK_STR(f.items[2].link, "https://base.example.com/up/three.html");
	}
	feed_free(&f);
}

static void test_latin1(void)
{
	struct feed f;
	CHECK(parse_file("latin1.xml", NULL, NULL, &f) == 0);
	CHECK_STR(f.title, "Caf\u00e9 Nouvelles");
	CHECK(f.n_items == 1);
	if (f.n_items == 1) {
		CHECK_STR(f.items[0].title, "R\u00e9sum\u00e9 du march\u00e9");
		CHECK_STR(f.items[0].summary, "Prix en \u00a3 et \u00e0 la hausse");
	}
	feed_free(&f);

	/* No declaration: the HTTP charset decides. */
	const char *doc = "<rss><channel><title>Caf\xe9</title></channel></rss>";
	CHECK(feed_parse(doc, strlen(doc), NULL, "text/xml; charset=\"iso-8859-1\"", &f, errbuf,
			 sizeof errbuf) == 0);
	CHECK_STR(f.title, "Caf\u00e9");
	feed_free(&f);
	/* ... and windows-1252 is the guess when the bytes are not UTF-8 */
	const char *doc2 = "<rss><channel><title>\x93quoted\x94</title></channel></rss>";
	CHECK(parse_mem(doc2, strlen(doc2), &f) == 0);
	CHECK_STR(f.title, "\u201cquoted\u201d");
	feed_free(&f);
}

static void test_entities_cdata(void)
{
	struct feed f;
	CHECK(parse_file("htmlentities.xml", NULL, NULL, &f) == 0);
	CHECK_STR(f.title, "Entity\u00a0Weekly");
	CHECK(f.n_items == 1);
	if (f.n_items == 1) {
		CHECK_STR(f.items[0].title, "Caf\u00e9 owners \u2014 \u201cWe stay open\u201d");
		CHECK_STR(f.items[0].link, "http://entities.example.com/1?a=1&b=2");
		CHECK_STR(f.items[0].summary, "Price: 5\u20ac \u00a9 2024 & more");
	}
	feed_free(&f);

	CHECK(parse_file("cdata.xml", NULL, NULL, &f) == 0);
	CHECK_STR(f.title, "Riverside <Report>");
	CHECK(f.n_items == 1);
	if (f.n_items == 1) {
		CHECK_STR(f.items[0].title, "Flood & recovery");
		CHECK_STR(f.items[0].link, "http://river.example.com/flood?x=1&y=2");
		CHECK_STR(f.items[0].summary,
			  "<p>Water levels <b>fell</b> overnight &amp; roads reopened.</p>");
	}
	feed_free(&f);
}

static void test_dupes_and_keys(void)
{
	struct feed f;
	CHECK(parse_file("dupguid.xml", NULL, NULL, &f) == 0);
	CHECK(f.n_items == 3);
	if (f.n_items == 3) {
		CHECK_STR(f.items[0].title, "First copy");
		CHECK_STR(f.items[1].title, "Other");
		CHECK_STR(f.items[2].title, "No guid");
		char *k = feed_item_key(&f.items[0]);
		CHECK_STR(k, "story-1");
		free(k);
		k = feed_item_key(&f.items[2]);
		CHECK_STR(k, "http://repeat.example.com/x");
		free(k);
	}
	feed_free(&f);

	struct feed_item it = {.title = "T", .content = "C"};
	char *k = feed_item_key(&it);
	CHECK(k && str_has_prefix(k, "sha256:") && strlen(k) == 7 + 64);
	struct feed_item it2 = {.title = "T", .content = "D"};
	char *k2 = feed_item_key(&it2);
	CHECK(k && k2 && strcmp(k, k2) != 0);
	free(k);
	free(k2);

	char hex[65];
	sha256_hex("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(m, strlen(m), hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* White space between inline elements of XHTML content is text: a parse
 * that drops "blank" nodes would run "Minister" into "Ruiz". */
static void test_xhtml_spaces(void)
{
	struct feed f;
	const char *doc =
		"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>T</title>\n"
		"  <entry>\n    <title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
		"<b>Big</b> <i>news</i></div></title>\n    <id>x1</id>\n"
		"    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Minister</b> "
		"<i>Ruiz</i> said</p> <p>more</p></div></content>\n  </entry>\n</feed>\n";
	CHECK(parse_mem(doc, strlen(doc), &f) == 0);
	CHECK(f.n_items == 1);
	if (f.n_items == 1) {
		CHECK_STR(f.items[0].title, "Big news");
		CHECK_STR(f.items[0].content, "<p><b>Minister</b> <i>Ruiz</i> said</p> <p>more</p>");
	}
	feed_free(&f);
}

/* Relative links inside HTML content follow the xml:base in effect; C1
 * controls become the windows-1252 punctuation they stand for; unknown
 * entities stay as text; Atom 1.0 non-text media types are base64. */
static void test_content_fixups(void)
{
	struct feed f;
	const char *doc =
		"<feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://x.example.com/a/'>"
		"<title>don&#146;t &bogus; stop</title>"
		"<entry xml:base='/news/'><id>1</id>"
		"<summary type='html'>&lt;a href=\"story.html\"&gt;more&lt;/a&gt; &lt;img alt='x y' src=' pic.jpg '&gt;</summary>"
		"<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><a href='#top'>t</a> 1 &lt; 2</div></content>"
		"</entry><entry><id>2</id><title type='text/html'>  Spaced\n  out  </title>"
		"<content type='image/png'>iVBORw0K</content>"
		"<summary type='text/plain'>QUJD</summary></entry></feed>";
	CHECK(parse_mem(doc, strlen(doc), &f) == 0);
	CHECK_STR(f.title, "don\u2019t &bogus; stop");
	CHECK(f.n_items == 2);
	if (f.n_items == 2) {
		CHECK_STR(f.items[0].summary,
			  "<a href=\"https://x.example.com/news/story.html\">more</a> "
			  "<img alt='x y' src='https://x.example.com/news/pic.jpg'>");
		CHECK_STR(f.items[0].content, "<a href=\"#top\">t</a> 1 &lt; 2");
		CHECK_STR(f.items[1].title, "Spaced out");
		CHECK_STR(f.items[1].summary, "QUJD"); /* text/plain is not base64 */
		CHECK(f.items[1].content && strncmp(f.items[1].content, "\xEF\xBF\xBDPNG", 6) == 0);
	}
	feed_free(&f);
}

static void test_hostile(void)
{
	struct feed f;
	/* An XML declaration that never closes within 512 bytes (found by
	 * fuzz_feed: it overran the declaration buffer by one byte). */
	char decl[600];
	memset(decl, ' ', sizeof decl);
	memcpy(decl, "<?xml version=\"1.0\"", 19);
	char err[256];
	struct feed d = {0};
	feed_parse(decl, sizeof decl, NULL, NULL, &d, err, sizeof err);
	feed_free(&d);
	clock_t t0 = clock();
	int rc = parse_file("billion_laughs.xml", NULL, NULL, &f);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	if (rc == 0) {
		CHECK(!f.title || strlen(f.title) <= (4u << 20));
		CHECK(feed_all_utf8(&f));
	} else {
		CHECK(errbuf[0] != '\0');
	}
	feed_free(&f);

	rc = parse_file("xxe.xml", NULL, NULL, &f);
	if (rc == 0) {
		CHECK(!f.title || !strstr(f.title, "root:"));
		for (size_t i = 0; i < f.n_items; i++) {
			CHECK(!f.items[i].title || !strstr(f.items[i].title, "root:"));
			CHECK(!f.items[i].summary || !strstr(f.items[i].summary, "root:"));
		}
	}
	feed_free(&f);

	CHECK(parse_file("notafeed.html", NULL, NULL, &f) == -1);
	CHECK(strstr(errbuf, "not a feed") && strstr(errbuf, "HTML"));
	feed_free(&f);

	CHECK(parse_mem("", 0, &f) == -1);
	feed_free(&f);
	CHECK(parse_mem("garbage", 7, &f) == -1);
	CHECK(errbuf[0] != '\0');
	feed_free(&f);
	const char *other = "<?xml version=\"1.0\"?><svg/>";
	CHECK(parse_mem(other, strlen(other), &f) == -1);
	CHECK(strstr(errbuf, "<svg>") != NULL);
	feed_free(&f);

	/* 10k nesting levels */
	struct buf b = {0};
	buf_puts(&b, "<rss><channel><title>deep</title><item><title>x</title><description>");
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, "<div>");
	buf_puts(&b, "bottom");
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, "</div>");
	buf_puts(&b, "</description></item></channel></rss>");
	rc = parse_mem(b.data, b.len, &f);
	CHECK(rc == 0 || errbuf[0]);
	CHECK(feed_all_utf8(&f));
	feed_free(&f);
	buf_free(&b);

	/* invalid UTF-8 and NUL bytes */
	const char junk[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>bad \xff\xfe "
			    "bytes</title><item><title>nul\0here</title></item></channel></rss>";
	rc = parse_mem(junk, sizeof junk - 1, &f);
	CHECK(feed_all_utf8(&f));
	feed_free(&f);

	/* a huge text node (above libxml2's 10 MB default limit) */
	size_t huge = 12u << 20;
	char *big = xmalloc(huge + 200);
	size_t n = (size_t)sprintf(big, "<rss><channel><title>big</title><item><description>");
	memset(big + n, 'a', huge);
	n += huge;
	n += (size_t)sprintf(big + n, "</description></item></channel></rss>");
	rc = parse_mem(big, n, &f);
	CHECK(rc == 0 || errbuf[0]);
	for (size_t i = 0; i < f.n_items; i++)
		CHECK(!f.items[i].summary || strlen(f.items[i].summary) <= (4u << 20));
	feed_free(&f);
	free(big);

	/* item cap */
	b = (struct buf){0};
	buf_puts(&b, "<rss><channel>");
	for (int i = 0; i < 100005; i++)
		buf_printf(&b, "<item><guid>g%d</guid></item>", i);
	buf_puts(&b, "</channel></rss>");
	CHECK(parse_mem(b.data, b.len, &f) == 0);
	CHECK(f.n_items == 100000);
	feed_free(&f);
	buf_free(&b);

	/* truncated document: partial result */
	const char *cut = "<rss><channel><title>Cut</title><item><title>one</title></item><item><ti";
	rc = parse_mem(cut, strlen(cut), &f);
	CHECK(rc == 0);
	CHECK_STR(f.title, "Cut");
	CHECK(f.n_items >= 1);
	feed_free(&f);
}

static void test_dates(void)
{
	static const struct {
		const char *in;
		int64_t want;
	} cases[] = {
		{"Mon, 11 Mar 2024 09:30:00 +0100", 1710145800},
		{"11 Mar 2024 09:30:00 +0100", 1710145800},
		{"Sun, 10 Mar 2024 18:00:00 GMT", 1710093600},
		{"Sun, 10 Mar 2024 18:00 GMT", 1710093600},
		{"Wed, 31 Dec 03 10:14:55 Z", 1072865695},
		{"Tue, 05 Jan 1999 00:00:00 EST", 915512400},
		{"Thu, 08 Jul 2004 23:56:58 PDT", 1089356218},
		{"Thu, 08 Jul 2004 23:56:58 -0700", 1089356218},
		{"Thu, 8 Jul 2004 23:56:58 -07:00", 1089356218},
		{"Wed, 02 Oct 2002 15:00:00 UT", 1033570800},
		{"Wed, 02 Oct 2002 08:00:00 PDT", 1033570800},
		{"Wed, 02 Oct 2002 11:00:00 EDT", 1033570800},
		{"Wed, 02 Oct 2002", 1033516800},
		{"2024-03-12T14:05:00+02:00", 1710245100},
		{"2024-03-12T12:05:00Z", 1710245100},
		{"2024-03-12T12:05:00.123456Z", 1710245100},
		{"2024-03-12 12:05:00", 1710245100},
		{"2024-03-12T17:35:00+0530", 1710245100},
		{"20240312T120500Z", 1710245100},
		{"2024-02-29T12:00:00+05:30", 1709188200},
		{"2004-01-01", 1072915200},
		{"2003-12-31T06:00Z", 1072850400},
		{"  2003-12-31T06:00:00Z  ", 1072850400},
		{"Wed Dec 31 06:00:00 2003", 1072850400},
		{"", 0},
		{"yesterday", 0},
		{"2023-02-29T00:00:00Z", 0},
		{"Mon, 32 Jan 2004 00:00:00 GMT", 0},
		{"2004-13-01", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t got = feed_parse_date(cases[i].in);
		if (got != cases[i].want)
			fprintf(stderr, "date \"%s\": got %lld want %lld\n", cases[i].in,
				(long long)got, (long long)cases[i].want);
		CHECK(got == cases[i].want);
	}
	CHECK(feed_parse_date(NULL) == 0);
}

int main(void)
{
	xmlsafe_init();
	test_rss20();
	test_rss10();
	test_rss091();
	test_atom10();
	test_atom03();
	test_json();
	test_xmlbase();
	test_latin1();
	test_entities_cdata();
	test_content_fixups();
	test_dupes_and_keys();
	test_hostile();
	test_dates();
	test_xhtml_spaces();
	return test_report("test_feed");
}
