/* quoted.conf parsing on libinih: a table of typed keys with bounds, so an
 * unknown key or a bad value is an error that names the line. */
#include "quoted/config.h"

#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quoted/util.h"

enum key_type { KEY_STRING, KEY_INT, KEY_LONG, KEY_BOOL };

struct config_key {
	const char *section, *name;
	enum key_type type;
	size_t offset;
	long min, max;
};

#define KEY(sec, nm, type, field, lo, hi) {sec, nm, type, offsetof(struct config, field), lo, hi}
static const struct config_key config_keys[] = {
	KEY("database", "conninfo", KEY_STRING, conninfo, 0, 0),
	KEY("fetch", "contact_url", KEY_STRING, contact_url, 0, 0),
	KEY("fetch", "max_connections", KEY_INT, max_connections, 1, 1024),
	KEY("fetch", "per_host_connections", KEY_INT, per_host_connections, 1, 64),
	KEY("fetch", "host_delay_ms", KEY_INT, host_delay_ms, 0, 600000),
	KEY("fetch", "max_body_bytes", KEY_LONG, max_body_bytes, 4096, 1L << 30),
	KEY("fetch", "connect_timeout", KEY_INT, connect_timeout_s, 1, 300),
	KEY("fetch", "timeout", KEY_INT, timeout_s, 1, 3600),
	KEY("fetch", "allow_private_addresses", KEY_BOOL, allow_private, 0, 1),
	KEY("fetch", "worker_threads", KEY_INT, worker_threads, 0, 64),
	KEY("schedule", "default_interval", KEY_INT, default_interval_s, 1, 7 * 86400),
	KEY("schedule", "min_interval", KEY_INT, min_interval_s, 1, 7 * 86400),
	KEY("schedule", "max_interval", KEY_INT, max_interval_s, 1, 7 * 86400),
	KEY("schedule", "max_error_backoff", KEY_INT, max_error_backoff_s, 1, 7 * 86400),
	KEY("schedule", "check_interval", KEY_INT, check_interval_s, 1, 3600),
	KEY("admin", "listen", KEY_STRING, admin_listen, 0, 0),
};

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->max_connections = 32;
	cfg->per_host_connections = 2;
	cfg->host_delay_ms = 1000;
	cfg->max_body_bytes = 16L << 20;
	cfg->connect_timeout_s = 10;
	cfg->timeout_s = 30;
	cfg->default_interval_s = 900;
	cfg->min_interval_s = 300;
	cfg->max_interval_s = 86400;
	cfg->max_error_backoff_s = 6 * 3600;
	cfg->check_interval_s = 5;
	cfg->worker_threads = -1;
}

struct parse_state {
	struct config *cfg;
	const char *name;
	char *err;
	size_t errlen;
	int failed;
};

/* libinih (as Debian builds it) passes no line number to the handler; the
 * handler's message gets one from ini_parse_string()'s return value. */
static int config_set(struct parse_state *st, const struct config_key *k, const char *value)
{
	char *field = (char *)st->cfg + k->offset;
	char *end;
	long v;

	switch (k->type) {
	case KEY_STRING:
		free(*(char **)field);
		*(char **)field = xstrdup(value);
		return 0;
	case KEY_BOOL:
		if (!strcasecmp(value, "true") || !strcasecmp(value, "yes") || !strcmp(value, "1") ||
		    !strcasecmp(value, "on")) {
			*(bool *)field = true;
		} else if (!strcasecmp(value, "false") || !strcasecmp(value, "no") ||
			   !strcmp(value, "0") || !strcasecmp(value, "off")) {
			*(bool *)field = false;
		} else {
			snprintf(st->err, st->errlen, "%s must be true or false, not '%s'", k->name, value);
			return -1;
		}
		return 0;
	case KEY_INT:
	case KEY_LONG:
		errno = 0;
		v = strtol(value, &end, 10);
		if (errno || end == value || *end || v < k->min || v > k->max) {
			snprintf(st->err, st->errlen, "%s must be a whole number from %ld to %ld, not '%s'",
				 k->name, k->min, k->max, value);
			return -1;
		}
		if (k->type == KEY_INT)
			*(int *)field = (int)v;
		else
			*(long *)field = v;
		return 0;
	}
	return -1;
}

static int config_handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse_state *st = user;
	if (st->failed)
		return 0;
	for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++) {
		const struct config_key *k = &config_keys[i];
		if (strcmp(k->section, section) || strcmp(k->name, name))
			continue;
		if (config_set(st, k, value) < 0) {
			st->failed = 1;
			return 0;
		}
		return 1;
	}
	snprintf(st->err, st->errlen, "unknown key '%s' in [%s]", name, section);
	st->failed = 1;
	return 0;
}

static int config_check(struct config *cfg, const char *name, char *err, size_t errlen)
{
	if (cfg->min_interval_s > cfg->max_interval_s) {
		snprintf(err, errlen, "%s: min_interval (%d) is above max_interval (%d)", name,
			 cfg->min_interval_s, cfg->max_interval_s);
		return -1;
	}
	if (cfg->conninfo && !*cfg->conninfo) {
		free(cfg->conninfo);
		cfg->conninfo = NULL;
	}
	return 0;
}

int config_parse_string(const char *text, const char *name, struct config *cfg, char *err,
			size_t errlen)
{
	struct parse_state st = {cfg, name, err, errlen, 0};
	int rc = ini_parse_string(text, config_handler, &st);
	if (st.failed) {
		char *msg = xstrdup(err);
		snprintf(err, errlen, "%s:%d: %s", name, rc, msg);
		free(msg);
		return -1;
	}
	if (rc != 0) {
		snprintf(err, errlen, "%s:%d: syntax error", name, rc);
		return -1;
	}
	return config_check(cfg, name, err, errlen);
}

int config_load(const char *path, struct config *cfg, char *err, size_t errlen)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (strlen(text) != len) {
		snprintf(err, errlen, "%s: contains a NUL byte", path);
		free(text);
		return -1;
	}
	int rc = config_parse_string(text, path, cfg, err, errlen);
	free(text);
	return rc;
}

void config_free(struct config *cfg)
{
	for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++) {
		if (config_keys[i].type != KEY_STRING)
			continue;
		char **field = (char **)((char *)cfg + config_keys[i].offset);
		free(*field);
		*field = NULL;
	}
}
