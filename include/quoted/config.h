/* quoted.conf: an INI file parsed by libinih into typed settings with
 * defaults. Every key is documented in deploy/quoted.conf.example. */
#ifndef QUOTED_CONFIG_H
#define QUOTED_CONFIG_H
#include <stdbool.h>
#include <stddef.h>

struct config {
	char *conninfo;           /* [database] conninfo; NULL: libpq environment */
	/* [fetch] */
	char *contact_url;        /* named in the User-Agent */
	int max_connections;      /* global cap on transfers in flight */
	int per_host_connections; /* cap per host */
	int host_delay_ms;        /* minimum gap between starts to one host */
	long max_body_bytes;      /* decoded body cap */
	int connect_timeout_s;
	int timeout_s;
	bool allow_private;       /* allow loopback/private/link-local targets */
	int worker_threads;       /* parsing threads; 0: the loop thread; -1: auto */
	/* [schedule] */
	int default_interval_s;
	int min_interval_s;
	int max_interval_s;
	int max_error_backoff_s;
	int check_interval_s;     /* how often to look for due feeds */
	/* [admin] */
	char *admin_listen;       /* "127.0.0.1:8089"; NULL or "" disables */
};

/* Fill cfg with defaults. */
void config_defaults(struct config *cfg);
/* Load path over the defaults. Returns 0, or -1 with a reason in err
 * ("quoted.conf:12: unknown key 'foo' in [fetch]"). */
int config_load(const char *path, struct config *cfg, char *err, size_t errlen);
/* Parse INI text (for tests and fuzzing); name is used in messages. */
int config_parse_string(const char *text, const char *name, struct config *cfg, char *err,
			size_t errlen);
void config_free(struct config *cfg);
#endif
