/* Small helpers shared by every module: allocation that cannot fail silently,
 * a growable byte buffer, and UTF-8 / string odds and ends. */
#ifndef QUOTED_UTIL_H
#define QUOTED_UTIL_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation failure is a broken invariant for us: these abort with a message. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *v (of *cap elements of size elem) so that it holds at least need. */
void xgrow(void **v, size_t *cap, size_t need, size_t elem);

struct buf {
	char *data; /* always NUL-terminated once anything is appended */
	size_t len;
	size_t cap;
};

void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Give the contents to the caller (never NULL) and reset b. */
char *buf_steal(struct buf *b);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* Read a whole file ("-" is stdin). Returns NULL and sets errno on failure. */
char *read_file(const char *path, size_t *len);

/* Decode one UTF-8 code point at s (n bytes available). Invalid bytes decode
 * as U+FFFD with length 1, so a scan always advances. */
uint32_t utf8_decode(const char *s, size_t n, size_t *len);
/* Append code point cp as UTF-8. */
void buf_put_utf8(struct buf *b, uint32_t cp);
/* A copy of s with invalid UTF-8 replaced by U+FFFD and NULs dropped. */
char *utf8_sanitize(const char *s, size_t n);

/* Collapse runs of white space to one space and trim both ends, in place. */
void str_squeeze_space(char *s);
bool str_has_prefix(const char *s, const char *prefix);
bool str_ieq(const char *a, const char *b);
#endif
