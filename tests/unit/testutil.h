/* A minimal test harness: CHECK records a failure and goes on; the test's
 * main returns test_report(). */
#ifndef QUOTED_TESTUTIL_H
#define QUOTED_TESTUTIL_H
#include <stdio.h>
#include <string.h>

static int test_failures, test_checks;

#define CHECK(cond)                                                                       \
	do {                                                                              \
		test_checks++;                                                            \
		if (!(cond)) {                                                            \
			test_failures++;                                                  \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                         \
	} while (0)

/* Compare strings, either may be NULL. */
#define CHECK_STR(got, want)                                                              \
	do {                                                                              \
		const char *g_ = (got), *w_ = (want);                                     \
		test_checks++;                                                            \
		if (!((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0))) { \
			test_failures++;                                                  \
			fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
				#got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");            \
		}                                                                         \
	} while (0)

static inline int test_report(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, test_checks, test_failures);
	return test_failures ? 1 : 0;
}
#endif
