/* Storing throughput for bench/store_bench.sh: generated articles, each with
 * --per quotes attributed to speakers from a pool of 2,000 names, go through
 * quoted's real store path: quotes_extract() (before the clock starts), then
 * store_article() on a dbq (one quoted_store_article() statement per
 * article, pipelined), at most 256 articles waiting, as the poller keeps it
 * (MAX_DB_BACKLOG). The clock runs from the first submit to the last answer.
 * The database comes from libpq's environment and must be migrated and hold
 * feed --feed-id.
 *   store_bench [--articles N] [--per K] [--feed-id ID]
 * Prints INPUT, RUN and COUNT lines (bench_util.h); exits 1 when a store
 * failed or fewer quotes than generated were stored. */
#include <event2/event.h>
#include <inttypes.h>

#include "bench_util.h"
#include "quoted/dbq.h"
#include "quoted/log.h"
#include "quoted/quote.h"
#include "quoted/store.h"

#define WINDOW 256

static const char *const first_names[] = {
	"Ana", "Ben", "Chen", "Dara", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jonas",
	"Kenji", "Lena", "Marta", "Nikhil", "Olga", "Pavel", "Quinn", "Rosa", "Samir", "Tomas",
	"Ursula", "Viktor", "Wei", "Yara", "Zofia", "Adam", "Bianca", "Carlos", "Dmitri", "Esther",
	"Farid", "Greta", "Hassan", "Irene", "Jorge", "Karin", "Luis", "Mei", "Nadia", "Oscar"};
static const char *const surnames[] = {
	"Ruiz", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Novak", "Silva",
	"Fischer", "Rossi", "Ivanova", "Park", "Mensah", "Dubois", "Costa", "Yilmaz", "Jensen",
	"Alvarez", "Nakamura", "Petrov", "Santos", "Weber", "Kim", "Murphy", "Oyelaran", "Horvath",
	"Bauer", "Lopez", "Sato", "Nilsen", "Varga", "Keller", "Amini", "Duarte", "Berg", "Ortiz",
	"Hoffmann", "Rahman", "Castillo", "Meyer", "Grant", "Abe", "Ferreira", "Koval", "Ng",
	"Brandt", "Mora", "Quist", "Zhou"};
static const char *const roles[] = {"foreign minister", "spokesperson", "central bank governor",
				    "trade minister", "senator", "finance minister"};
static const char *const topics[] = {"trade", "security", "climate", "energy", "markets",
				     "health", "borders", "rates", "tariffs", "elections"};

struct job {
	char *key, *url, *body;
	struct quote_list quotes;
};

struct run {
	struct event_base *base;
	struct dbq *db;
	struct job *jobs;
	size_t n, next, done, stored, failed;
	int64_t feed_id;
	double t0, t1;
};

static void submit_next(struct run *r);

static void stored(int count, const char *err, void *arg)
{
	struct run *r = arg;
	if (count < 0) {
		fprintf(stderr, "store_bench: %s\n", err ? err : "store failed");
		r->failed++;
	} else {
		r->stored += (size_t)count;
	}
	if (++r->done == r->n) {
		r->t1 = bench_now();
		event_base_loopexit(r->base, NULL);
		return;
	}
	submit_next(r);
}

static void submit_next(struct run *r)
{
	while (r->next < r->n && r->next - r->done < WINDOW) {
		struct job *j = &r->jobs[r->next++];
		struct article_record rec = {
			.url = j->url,
			.title = "Bench article",
			.byline = NULL,
			.published = 1790000000 + (int64_t)r->next * 60,
			.body = j->body,
			.source = "feed",
		};
		store_article(r->db, r->feed_id, j->key, &rec, &j->quotes, stored, r);
	}
}

static void state(bool up, void *arg)
{
	struct run *r = arg;
	if (up && r->t0 == 0) {
		r->t0 = bench_now();
		submit_next(r);
	} else if (!up && r->t0 == 0) {
		fprintf(stderr, "store_bench: cannot connect to the database\n");
		event_base_loopexit(r->base, NULL);
	}
}

int main(int argc, char **argv)
{
	size_t per = 10, quotes = 0, bytes = 0;
	struct run r = {.n = 10000, .feed_id = 1};

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--articles") && i + 1 < argc)
			r.n = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--per") && i + 1 < argc)
			per = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--feed-id") && i + 1 < argc)
			r.feed_id = strtoll(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "usage: store_bench [--articles N] [--per K] [--feed-id ID]\n");
			return 2;
		}
	}
	if (!r.n || !per)
		return 2;
	log_init("store_bench", false);

	/* Articles and their quotes, extracted before the clock starts. */
	r.jobs = xcalloc(r.n, sizeof(*r.jobs));
	for (size_t a = 0; a < r.n; a++) {
		struct job *j = &r.jobs[a];
		struct buf b = {0};
		for (size_t k = 0; k < per; k++) {
			size_t s = (a * per + k) * 7919 % 2000;
			const char *topic = topics[(a + k) % 10];
			buf_printf(&b,
				   "%s\u201cOur talks on %s went well and statement %zu-%zu stands,\u201d %s %s %s "
				   "said on Monday, adding that the %s agenda was set.",
				   k ? "\n\n" : "", topic, a, k, roles[s % 6], first_names[s % 40],
				   surnames[s / 40], topic);
		}
		j->body = buf_steal(&b);
		bytes += strlen(j->body);
		j->key = xasprintf("bench-%zu", a);
		j->url = xasprintf("https://bench.invalid/articles/%zu", a);
		quotes_extract(j->body, strlen(j->body), &j->quotes);
		quotes += j->quotes.n;
	}
	printf("INPUT articles %zu quotes %zu bytes %zu\n", r.n, quotes, bytes);
	fflush(stdout);

	r.base = event_base_new();
	struct dbq_options opt = {.on_state = state, .arg = &r};
	r.db = dbq_new(r.base, &opt);
	event_base_dispatch(r.base);
	if (r.done == r.n)
		printf("RUN %.6f\n", r.t1 - r.t0);
	printf("COUNT quotes %zu\nCOUNT failed %zu\n", r.stored, r.failed);
	dbq_free(r.db);
	event_base_free(r.base);
	for (size_t a = 0; a < r.n; a++) {
		free(r.jobs[a].key);
		free(r.jobs[a].url);
		free(r.jobs[a].body);
		quote_list_free(&r.jobs[a].quotes);
	}
	free(r.jobs);
	return r.done == r.n && !r.failed && r.stored == quotes ? 0 : 1;
}
