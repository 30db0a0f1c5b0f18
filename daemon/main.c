/* quoted: poll news feeds, extract who said what, store it in PostgreSQL.
 * One libevent loop carries signals, the poller's timers and libcurl. */
#include <event2/event.h>
#include <getopt.h>
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

struct daemon_state {
	struct event_base *base;
	struct dbq *db;
	struct poller *poller;
	struct event *stop_deadline;
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
	sd_notify(0, up ? "STATUS=polling feeds" : "STATUS=database unreachable; reconnecting");
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'}, {"once", no_argument, NULL, 'o'},
		{"check-config", no_argument, NULL, 'k'}, {"verbose", no_argument, NULL, 'v'},
		{"version", no_argument, NULL, 'V'},      {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *config_path = NULL;
	bool once = false, check_only = false, verbose = false;
	int c;
	while ((c = getopt_long(argc, argv, "c:vVh", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': config_path = optarg; break;
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

	struct config cfg;
	char err[1024];
	config_defaults(&cfg);
	if (!config_path && access(DEFAULT_CONFIG, R_OK) == 0)
		config_path = DEFAULT_CONFIG;
	if (config_path && config_load(config_path, &cfg, err, sizeof err) < 0) {
		fprintf(stderr, "quoted: %s\n", err);
		return 1;
	}
	if (check_only) {
		printf("%s: ok\n", config_path ? config_path : "(built-in defaults)");
		config_free(&cfg);
		return 0;
	}

	const char *source = cfg.conninfo ? (config_path ? config_path : "config") : "libpq environment (PGHOST, PGDATABASE, ...)";
	PGconn *db = db_connect(cfg.conninfo, source, err, sizeof err);
	if (!db) {
		log_err("%s", err);
		config_free(&cfg);
		return 1;
	}
	int pending = db_pending_migrations(db, err, sizeof err);
	if (pending != 0) {
		if (pending < 0)
			log_err("%s", err);
		else
			log_err("the database schema has %d pending migration(s): run 'quotectl db migrate'", pending);
		PQfinish(db);
		config_free(&cfg);
		return 1;
	}

	PQfinish(db); /* the start-up check is done; the loop has its own connection */

	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	struct daemon_state d = {0};
	d.base = event_base_new();
	struct dbq_options dbo = {
		.conninfo = cfg.conninfo,
		.listen = "quoted_feeds",
		.on_notify = on_notify,
		.on_state = on_db_state,
		.arg = &d,
	};
	d.db = dbq_new(d.base, &dbo);
	d.poller = poller_new(d.base, d.db, &cfg, once);
	d.stop_deadline = evtimer_new(d.base, on_deadline, &d);
	struct event *sigterm = evsignal_new(d.base, SIGTERM, on_stop_signal, &d);
	struct event *sigint = evsignal_new(d.base, SIGINT, on_stop_signal, &d);
	event_add(sigterm, NULL);
	event_add(sigint, NULL);
	signal(SIGPIPE, SIG_IGN);

	poller_start(d.poller);
	sd_notify(0, "READY=1\nSTATUS=polling feeds");
	log_info("started%s", once ? " (one pass)" : "");
	event_base_dispatch(d.base);

	const struct poller_stats *st = poller_stats(d.poller);
	log_info("done: %ld feeds polled (%ld unchanged), %ld failed; %ld articles stored, %ld failed; %ld new quotes",
		 st->feeds_polled, st->feeds_unchanged, st->feeds_failed, st->articles_stored,
		 st->articles_failed, st->quotes_stored);
	poller_free(d.poller);
	event_free(sigterm);
	event_free(sigint);
	event_free(d.stop_deadline);
	event_base_free(d.base);
	dbq_free(d.db);
	config_free(&cfg);
	return 0;
}
