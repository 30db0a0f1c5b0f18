/* quoted: poll news feeds, extract who said what, store it in PostgreSQL.
 * One libevent loop carries signals, the poller's timers, libcurl, the
 * database queue and the admin endpoint. */
#include <event2/event.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <time.h>
#include <unistd.h>

#include "daemon.h"
#include "quoted/db.h"
#include "quoted/log.h"
#include "quoted/util.h"
#include "quoted/xmlsafe.h"

#define DEFAULT_CONFIG QUOTED_SYSCONFDIR "/quoted/quoted.conf"
#define STOP_GRACE_SECONDS 8
#define JANITOR_SECONDS 30

/* What the database says about the feeds, refreshed by the janitor. */
struct feed_counts {
	long active, paused, disabled, failing, quotes_today;
	bool known;
};

struct daemon_state {
	struct event_base *base;
	struct config cfg;
	const char *config_path;
	struct dbq *db;
	struct poller *poller;
	struct admin *admin;
	struct event *stop_deadline, *watchdog, *janitor;
	struct feed_counts counts;
	bool counting;
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: quoted [-c FILE] [--once] [--check-config] [-v]\n"
		"  -c, --config FILE   configuration file (default " DEFAULT_CONFIG ";\n"
		"                      without it, built-in defaults and libpq's environment)\n"
		"      --once          poll every active feed once, store everything, exit 0\n"
		"      --check-config  check the configuration file and exit\n"
		"  -v, --verbose       debug logging\n"
		"  -V, --version       print the version\n"
		"  -h, --help          this help\n");
}

static void on_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct daemon_state *d = arg;
	log_warn("work still in flight after %d s; stopping anyway (uncommitted work is redone next run)",
		 STOP_GRACE_SECONDS);
	event_base_loopbreak(d->base);
}

/* SIGTERM/SIGINT arrive as ordinary loop callbacks (evsignal). */
static void on_stop_signal(evutil_socket_t sig, short what, void *arg)
{
	struct daemon_state *d = arg;
	log_info("received %s, stopping", strsignal((int)sig));
	sd_notify(0, "STOPPING=1");
	poller_stop(d->poller);
	struct timeval grace = {STOP_GRACE_SECONDS, 0};
	evtimer_add(d->stop_deadline, &grace);
}

/* SIGHUP: load the file again; keep the running configuration if the new
 * one is invalid. The database connection and the admin address cannot
 * change without a restart. */
static void on_reload_signal(evutil_socket_t sig, short what, void *arg)
{
	struct daemon_state *d = arg;
	char err[1024], msg[1100];
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	sd_notifyf(0, "RELOADING=1\nMONOTONIC_USEC=%" PRIu64,
		   (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u);
	struct config fresh;
	config_defaults(&fresh);
	if (!d->config_path) {
		log_info("SIGHUP: no configuration file to reload");
	} else if (config_load(d->config_path, &fresh, err, sizeof err) < 0) {
		log_err("reload failed, keeping the running configuration: %s", err);
		snprintf(msg, sizeof msg, "READY=1\nSTATUS=reload failed: %s", err);
		sd_notify(0, msg);
		config_free(&fresh);
		return;
	} else {
		bool same_db = (!fresh.conninfo && !d->cfg.conninfo) ||
			       (fresh.conninfo && d->cfg.conninfo && !strcmp(fresh.conninfo, d->cfg.conninfo));
		bool same_admin = (!fresh.admin_listen && !d->cfg.admin_listen) ||
				  (fresh.admin_listen && d->cfg.admin_listen &&
				   !strcmp(fresh.admin_listen, d->cfg.admin_listen));
		if (!same_db)
			log_warn("reload: [database] conninfo changes need a restart; keeping the current connection");
		if (!same_admin)
			log_warn("reload: [admin] listen changes need a restart");
		config_free(&d->cfg);
		d->cfg = fresh; /* the poller points at d->cfg */
		poller_reconfigure(d->poller);
		log_info("configuration reloaded from %s", d->config_path);
	}
	sd_notify(0, "READY=1");
}

static void on_watchdog(evutil_socket_t fd, short what, void *arg)
{
	sd_notify(0, "WATCHDOG=1");
}

static void status_line(struct daemon_state *d)
{
	const struct poller_stats *st = poller_stats(d->poller);
	if (!dbq_connected(d->db)) {
		sd_notify(0, "STATUS=database unreachable; reconnecting, no new work taken");
		return;
	}
	if (!d->counts.known) {
		sd_notify(0, "STATUS=polling feeds");
		return;
	}
	sd_notifyf(0, "STATUS=%ld feeds, %ld failing, %ld quotes today (%ld stored since start)",
		   d->counts.active, d->counts.failing, d->counts.quotes_today, st->quotes_stored);
}

static void counts_done(const PGresult *res, const char *err, void *arg)
{
	struct daemon_state *d = arg;
	d->counting = false;
	if (!res || PQntuples(res) != 1) {
		log_debug("janitor: %s", err ? err : "no counts");
		return;
	}
	d->counts.active = atol(PQgetvalue(res, 0, 0));
	d->counts.paused = atol(PQgetvalue(res, 0, 1));
	d->counts.disabled = atol(PQgetvalue(res, 0, 2));
	d->counts.failing = atol(PQgetvalue(res, 0, 3));
	d->counts.quotes_today = atol(PQgetvalue(res, 0, 4));
	d->counts.known = true;
	status_line(d);
}

/* Periodic housekeeping: refresh the counts behind STATUS and /metrics. */
static void on_janitor(evutil_socket_t fd, short what, void *arg)
{
	struct daemon_state *d = arg;
	status_line(d);
	if (d->counting || !dbq_connected(d->db))
		return;
	d->counting = true;
	dbq_submit(d->db,
		   "SELECT count(*) FILTER (WHERE state = 'active'),"
		   " count(*) FILTER (WHERE state = 'paused'),"
		   " count(*) FILTER (WHERE state = 'disabled'),"
		   " count(*) FILTER (WHERE state = 'active' AND error_count > 0),"
		   " (SELECT count(*) FROM quotes WHERE created_at >= date_trunc('day', now()))"
		   " FROM feeds",
		   0, NULL, counts_done, d);
}

static void on_notify(const char *channel, void *arg)
{
	struct daemon_state *d = arg;
	log_debug("notified on %s", channel);
	if (d->poller)
		poller_wake(d->poller);
}

static void on_db_state(bool up, void *arg)
{
	struct daemon_state *d = arg;
	if (up && d->poller)
		poller_wake(d->poller);
	if (d->poller)
		status_line(d);
}

static bool admin_health(void *arg)
{
	struct daemon_state *d = arg;
	return dbq_connected(d->db);
}

static void admin_metrics(struct buf *b, void *arg)
{
	struct daemon_state *d = arg;
	const struct poller_stats *st = poller_stats(d->poller);
	const struct fetch_stats *fs = poller_fetch_stats(d->poller);

	buf_puts(b, "# HELP quoted_feeds Feeds by state (from the database, refreshed every 30 s).\n"
		    "# TYPE quoted_feeds gauge\n");
	buf_printf(b, "quoted_feeds{state=\"active\"} %ld\n", d->counts.active);
	buf_printf(b, "quoted_feeds{state=\"failing\"} %ld\n", d->counts.failing);
	buf_printf(b, "quoted_feeds{state=\"paused\"} %ld\n", d->counts.paused);
	buf_printf(b, "quoted_feeds{state=\"disabled\"} %ld\n", d->counts.disabled);
	buf_puts(b, "# HELP quoted_fetches_total Finished fetches by HTTP status (0: transport failure).\n"
		    "# TYPE quoted_fetches_total counter\n");
	for (int i = 0; i < 600; i++)
		if (fs->by_status[i])
			buf_printf(b, "quoted_fetches_total{status=\"%d\"} %lu\n", i, fs->by_status[i]);
	buf_printf(b, "# HELP quoted_fetch_bytes_total Decoded body bytes received.\n"
		      "# TYPE quoted_fetch_bytes_total counter\nquoted_fetch_bytes_total %llu\n", fs->bytes);
	buf_printf(b, "# HELP quoted_fetch_refused_total Fetches refused by the address guard.\n"
		      "# TYPE quoted_fetch_refused_total counter\nquoted_fetch_refused_total %lu\n", fs->refused);
	buf_printf(b, "# HELP quoted_fetch_too_big_total Fetches stopped by the body cap.\n"
		      "# TYPE quoted_fetch_too_big_total counter\nquoted_fetch_too_big_total %lu\n", fs->too_big);
	buf_printf(b, "# HELP quoted_feed_polls_total Feed polls by outcome.\n"
		      "# TYPE quoted_feed_polls_total counter\n"
		      "quoted_feed_polls_total{outcome=\"ok\"} %ld\n"
		      "quoted_feed_polls_total{outcome=\"unchanged\"} %ld\n"
		      "quoted_feed_polls_total{outcome=\"failed\"} %ld\n",
		   st->feeds_polled - st->feeds_unchanged, st->feeds_unchanged, st->feeds_failed);
	buf_printf(b, "# HELP quoted_articles_total Articles by outcome.\n"
		      "# TYPE quoted_articles_total counter\n"
		      "quoted_articles_total{outcome=\"stored\"} %ld\n"
		      "quoted_articles_total{outcome=\"failed\"} %ld\n",
		   st->articles_stored, st->articles_failed);
	buf_printf(b, "# HELP quoted_quotes_total Quotes stored since start.\n"
		      "# TYPE quoted_quotes_total counter\nquoted_quotes_total %ld\n", st->quotes_stored);
	buf_printf(b, "# HELP quoted_quotes_today Quotes stored today (all daemons).\n"
		      "# TYPE quoted_quotes_today gauge\nquoted_quotes_today %ld\n", d->counts.quotes_today);
	buf_printf(b, "# HELP quoted_db_up Whether the database connection is up.\n"
		      "# TYPE quoted_db_up gauge\nquoted_db_up %d\n", dbq_connected(d->db) ? 1 : 0);
	buf_printf(b, "# HELP quoted_db_latency_seconds Duration of the last database statement.\n"
		      "# TYPE quoted_db_latency_seconds gauge\nquoted_db_latency_seconds %.6f\n",
		   dbq_last_latency_us(d->db) / 1e6);
	buf_printf(b, "# HELP quoted_queue_depth Work waiting, by queue.\n"
		      "# TYPE quoted_queue_depth gauge\n"
		      "quoted_queue_depth{queue=\"fetch\"} %zu\n"
		      "quoted_queue_depth{queue=\"work\"} %zu\n"
		      "quoted_queue_depth{queue=\"database\"} %zu\n"
		      "quoted_queue_depth{queue=\"feeds_in_progress\"} %d\n",
		   poller_fetch_queue(d->poller), poller_work_queue(d->poller), dbq_depth(d->db),
		   poller_feeds_in_progress(d->poller));
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'}, {"once", no_argument, NULL, 'o'},
		{"check-config", no_argument, NULL, 'k'}, {"verbose", no_argument, NULL, 'v'},
		{"version", no_argument, NULL, 'V'},      {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct daemon_state d = {0};
	bool once = false, check_only = false, verbose = false;
	int c;
	while ((c = getopt_long(argc, argv, "c:vVh", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': d.config_path = optarg; break;
		case 'o': once = true; break;
		case 'k': check_only = true; break;
		case 'v': verbose = true; break;
		case 'V': printf("quoted %s\n", QUOTED_VERSION); return 0;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "quoted: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	log_init("quoted", verbose);
	xmlsafe_init();

	char err[1024];
	config_defaults(&d.cfg);
	if (!d.config_path && access(DEFAULT_CONFIG, R_OK) == 0)
		d.config_path = DEFAULT_CONFIG;
	if (d.config_path && config_load(d.config_path, &d.cfg, err, sizeof err) < 0) {
		fprintf(stderr, "quoted: %s\n", err);
		return 1;
	}
	if (check_only) {
		printf("%s: ok\n", d.config_path ? d.config_path : "(built-in defaults)");
		config_free(&d.cfg);
		return 0;
	}

	/* Check the database once, synchronously, so a bad start fails loudly. */
	const char *source = d.cfg.conninfo ? d.config_path : "libpq environment (PGHOST, PGDATABASE, ...)";
	PGconn *db = db_connect(d.cfg.conninfo, source, err, sizeof err);
	if (!db) {
		log_err("%s", err);
		config_free(&d.cfg);
		return 1;
	}
	int pending = db_pending_migrations(db, err, sizeof err);
	if (pending != 0) {
		PQfinish(db);
		if (pending < 0)
			log_err("%s", err);
		else
			log_err("the database schema has %d pending migration(s): run 'quotectl db migrate'", pending);
		config_free(&d.cfg);
		return 1;
	}

	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	signal(SIGPIPE, SIG_IGN);
	d.base = event_base_new();
	struct dbq_options dbo = {
		.conninfo = d.cfg.conninfo,
		.listen = "quoted_feeds",
		.on_notify = on_notify,
		.on_state = on_db_state,
		.arg = &d,
		.adopt = db, /* the checked connection becomes the queue's */
	};
	d.db = dbq_new(d.base, &dbo);
	d.poller = poller_new(d.base, d.db, &d.cfg, once);
	if (d.cfg.admin_listen && *d.cfg.admin_listen && !once) {
		d.admin = admin_new(d.base, d.cfg.admin_listen, admin_metrics, admin_health, &d, err, sizeof err);
		if (!d.admin) {
			log_err("%s", err);
			poller_free(d.poller);
			dbq_free(d.db);
			event_base_free(d.base);
			config_free(&d.cfg);
			return 1;
		}
		log_info("admin endpoint on http://%s/ (healthz, metrics)", d.cfg.admin_listen);
	}
	d.stop_deadline = evtimer_new(d.base, on_deadline, &d);
	struct event *sigs[] = {
		evsignal_new(d.base, SIGTERM, on_stop_signal, &d),
		evsignal_new(d.base, SIGINT, on_stop_signal, &d),
		evsignal_new(d.base, SIGHUP, on_reload_signal, &d),
	};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		event_add(sigs[i], NULL);
	uint64_t wd_usec = 0;
	if (sd_watchdog_enabled(0, &wd_usec) > 0 && wd_usec > 0) {
		struct timeval half = {(time_t)(wd_usec / 2000000u), (suseconds_t)((wd_usec / 2) % 1000000u)};
		d.watchdog = event_new(d.base, -1, EV_PERSIST, on_watchdog, &d);
		event_add(d.watchdog, &half);
	}
	d.janitor = event_new(d.base, -1, EV_PERSIST, on_janitor, &d);
	struct timeval every = {JANITOR_SECONDS, 0};
	event_add(d.janitor, &every);

	poller_start(d.poller);
	sd_notify(0, "READY=1\nSTATUS=starting");
	log_info("started%s", once ? " (one pass)" : "");
	event_base_dispatch(d.base);

	const struct poller_stats *st = poller_stats(d.poller);
	log_info("done: %ld feeds polled (%ld unchanged), %ld failed; %ld articles stored, %ld failed; %ld new quotes",
		 st->feeds_polled, st->feeds_unchanged, st->feeds_failed, st->articles_stored,
		 st->articles_failed, st->quotes_stored);
	poller_free(d.poller);
	admin_free(d.admin);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		event_free(sigs[i]);
	event_free(d.stop_deadline);
	if (d.watchdog)
		event_free(d.watchdog);
	event_free(d.janitor);
	dbq_free(d.db);
	event_base_free(d.base);
	config_free(&d.cfg);
	return 0;
}
