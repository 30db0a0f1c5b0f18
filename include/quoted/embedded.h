/* Files compiled into the binaries (see cmake/Embed.cmake). */
#ifndef QUOTED_EMBEDDED_H
#define QUOTED_EMBEDDED_H
#include <stddef.h>

struct embedded_file {
	const char *name; /* base name, e.g. "roles.txt" */
	const char *data; /* NUL-terminated */
	size_t size;      /* without the NUL */
};

/* Tables end with an entry whose name is NULL. */
extern const struct embedded_file data_files[]; /* data/NAME.txt */
extern const struct embedded_file sql_files[];  /* sql/NNN_*.sql, sorted */

/* The data file with this base name, or NULL. */
const struct embedded_file *embedded_data(const char *name);
#endif
