/* quoted.conf: defaults, typed values, and errors that name the line. */
#include <stdlib.h>

#include "quoted/config.h"
#include "testutil.h"

static int parse(const char *text, struct config *cfg, char *err, size_t errlen)
{
	config_defaults(cfg);
	return config_parse_string(text, "test.conf", cfg, err, errlen);
}

int main(void)
{
	struct config cfg;
	char err[256];

	CHECK(parse("", &cfg, err, sizeof err) == 0);
	CHECK(cfg.max_connections == 32);
	CHECK(cfg.per_host_connections == 2);
	CHECK(cfg.max_body_bytes == 16L << 20);
	CHECK(cfg.connect_timeout_s == 10 && cfg.timeout_s == 30);
	CHECK(cfg.default_interval_s == 900);
	CHECK(!cfg.allow_private);
	CHECK(cfg.conninfo == NULL);
	config_free(&cfg);

	CHECK(parse("; comment\n[database]\nconninfo = dbname=q host=/tmp\n[fetch]\n"
		    "allow_private_addresses = yes\nmax_connections=8\nmax_body_bytes = 1048576\n"
		    "contact_url = https://example.org/bot\n",
		    &cfg, err, sizeof err) == 0);
	CHECK_STR(cfg.conninfo, "dbname=q host=/tmp");
	CHECK_STR(cfg.contact_url, "https://example.org/bot");
	CHECK(cfg.allow_private);
	CHECK(cfg.max_connections == 8);
	CHECK(cfg.max_body_bytes == 1048576);
	config_free(&cfg);

	CHECK(parse("[fetch]\nmax_connections = many\n", &cfg, err, sizeof err) < 0);
	CHECK_STR(err, "test.conf:2: max_connections must be a whole number from 1 to 1024, not 'many'");
	config_free(&cfg);

	CHECK(parse("[fetch]\n\nmax_connectoins = 3\n", &cfg, err, sizeof err) < 0);
	CHECK_STR(err, "test.conf:3: unknown key 'max_connectoins' in [fetch]");
	config_free(&cfg);

	CHECK(parse("[fetch]\nallow_private_addresses = perhaps\n", &cfg, err, sizeof err) < 0);
	config_free(&cfg);

	CHECK(parse("[schedule]\nmin_interval = 600\nmax_interval = 60\n", &cfg, err, sizeof err) < 0);
	config_free(&cfg);

	CHECK(parse("[fetch\nmax_connections = 3\n", &cfg, err, sizeof err) < 0);
	config_free(&cfg);

	/* An empty conninfo means "use libpq's environment". */
	CHECK(parse("[database]\nconninfo =\n", &cfg, err, sizeof err) == 0);
	CHECK(cfg.conninfo == NULL);
	config_free(&cfg);
	return test_report("config");
}
