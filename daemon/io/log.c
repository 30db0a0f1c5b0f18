/* See quoted/log.h. */
#include "quoted/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

static const char *log_progname = "quoted";
static bool log_journal;
static bool log_verbose;

/* stderr is connected to the journal when JOURNAL_STREAM names its inode. */
static bool stderr_is_journal(void)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long dev, ino;
	struct stat st;
	if (!js || sscanf(js, "%lu:%lu", &dev, &ino) != 2 || fstat(2, &st) < 0)
		return false;
	return st.st_dev == dev && st.st_ino == ino;
}

void log_init(const char *progname, bool verbose)
{
	log_progname = progname;
	log_verbose = verbose;
	log_journal = stderr_is_journal();
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	static const char *names[] = {[LOG_LVL_ERR] = "error", [LOG_LVL_WARN] = "warning",
				      [LOG_LVL_INFO] = "info", [LOG_LVL_DEBUG] = "debug"};
	if (lvl == LOG_LVL_DEBUG && !log_verbose)
		return;
	char line[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	/* Feed text can reach log lines: never let it forge extra lines. */
	for (char *p = line; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	if (log_journal) {
		fprintf(stderr, "<%d>%s\n", (int)lvl, line);
	} else {
		char ts[32];
		struct timespec now;
		struct tm tm;
		clock_gettime(CLOCK_REALTIME, &now);
		strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", localtime_r(&now.tv_sec, &tm));
		fprintf(stderr, "%s.%03ld %s: %s: %s\n", ts, now.tv_nsec / 1000000, log_progname, names[lvl], line);
	}
}
