/* Look-ups in the tables that cmake/Embed.cmake generates. */
#include "quoted/embedded.h"

#include <string.h>

const struct embedded_file *embedded_data(const char *name)
{
	for (const struct embedded_file *f = data_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
