/* libFuzzer target: quoted.conf parsing (libinih plus our typed key
 * table), as `quoted --check-config` and SIGHUP reloads run it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quoted/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct config cfg;
	char err[512];
	config_defaults(&cfg);
	volatile size_t sink = 0;
	if (config_parse_string(text, "fuzz.conf", &cfg, err, sizeof err) == 0) {
		/* What the daemon reads after a successful load. */
		sink += cfg.conninfo ? strlen(cfg.conninfo) : 0;
		sink += cfg.contact_url ? strlen(cfg.contact_url) : 0;
		sink += cfg.admin_listen ? strlen(cfg.admin_listen) : 0;
		if (cfg.min_interval_s > cfg.max_interval_s)
			abort(); /* config_check must have refused this */
	} else {
		sink += strlen(err);
	}
	(void)sink;
	config_free(&cfg);
	free(text);
	return 0;
}
