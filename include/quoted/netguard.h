/* Which socket addresses quoted refuses to connect to by default:
 * loopback, private, link-local, carrier-grade NAT, multicast and other
 * non-public ranges, including IPv4 addresses mapped into IPv6. Pure. */
#ifndef QUOTED_NETGUARD_H
#define QUOTED_NETGUARD_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

/* True when addr must not be reached from a fetch. Unknown families are refused. */
bool netguard_blocked(const struct sockaddr *addr);
/* addr as text ("127.0.0.1", "::1") into out. */
void netguard_format(const struct sockaddr *addr, char *out, size_t outlen);
#endif
