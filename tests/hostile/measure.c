/* Run a command and report how long it took and its peak memory:
 *   hostile_measure OUTFILE COMMAND [ARG...]
 * writes "SECONDS MAXRSS_KB EXIT" to OUTFILE (EXIT is 128+N for a signal)
 * and exits with the command's status. Used by the hostile suite instead
 * of /usr/bin/time, which a minimal machine may lack. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: hostile_measure OUTFILE COMMAND [ARG...]\n");
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	FILE *f = fopen(argv[1], "w");
	if (!f || fprintf(f, "%.2f %ld %d\n", secs, ru.ru_maxrss, rc) < 0 || fclose(f) != 0) {
		perror(argv[1]);
		return 2;
	}
	return rc;
}
