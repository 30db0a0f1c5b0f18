/* Process-wide libxml2 set-up that makes parsing untrusted XML safe:
 * no external entity or DTD is ever loaded (file or network), and libxml2
 * prints nothing to stderr. Idempotent and thread-safe; feed_parse() calls
 * it itself, daemons may call it early at start-up. */
#ifndef QUOTED_XMLSAFE_H
#define QUOTED_XMLSAFE_H

void xmlsafe_init(void);
#endif
