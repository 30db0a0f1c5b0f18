/* See quoted/netguard.h. */
#include "quoted/netguard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static bool netguard_v4_blocked(uint32_t a)
{
	static const struct {
		uint32_t net, mask;
	} blocked[] = {
		{0x00000000, 0xFF000000}, /* 0.0.0.0/8 "this network" */
		{0x0A000000, 0xFF000000}, /* 10/8 private */
		{0x64400000, 0xFFC00000}, /* 100.64/10 carrier-grade NAT */
		{0x7F000000, 0xFF000000}, /* 127/8 loopback */
		{0xA9FE0000, 0xFFFF0000}, /* 169.254/16 link-local, cloud metadata */
		{0xAC100000, 0xFFF00000}, /* 172.16/12 private */
		{0xC0000000, 0xFFFFFF00}, /* 192.0.0/24 IETF protocol assignments */
		{0xC0A80000, 0xFFFF0000}, /* 192.168/16 private */
		{0xC6120000, 0xFFFE0000}, /* 198.18/15 benchmarking */
		{0xE0000000, 0xE0000000}, /* 224/3 multicast, reserved, broadcast */
	};
	for (size_t i = 0; i < sizeof blocked / sizeof blocked[0]; i++)
		if ((a & blocked[i].mask) == blocked[i].net)
			return true;
	return false;
}

bool netguard_blocked(const struct sockaddr *addr)
{
	if (addr->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)addr;
		return netguard_v4_blocked(ntohl(in->sin_addr.s_addr));
	}
	if (addr->sa_family != AF_INET6)
		return true;
	const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr;
	const uint8_t *b = in6->sin6_addr.s6_addr;
	static const uint8_t v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
	static const uint8_t nat64[12] = {0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
	static const uint8_t zero[16] = {0};
	if (!memcmp(b, v4mapped, 12) || !memcmp(b, nat64, 12) || !memcmp(b, zero, 12)) {
		/* ::ffff:a.b.c.d, 64:ff9b::a.b.c.d and the old ::a.b.c.d forms
		 * reach IPv4: judge the embedded address (this also covers ::1 and ::). */
		uint32_t a = (uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 | (uint32_t)b[14] << 8 | b[15];
		if (!memcmp(b, zero, 12) && a <= 1)
			return true;
		return netguard_v4_blocked(a);
	}
	if ((b[0] & 0xFE) == 0xFC) /* fc00::/7 unique local */
		return true;
	if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) /* fe80::/10 link-local */
		return true;
	if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) /* fec0::/10 site-local (deprecated) */
		return true;
	if (b[0] == 0xFF) /* multicast */
		return true;
	if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) /* documentation */
		return true;
	return false;
}

void netguard_format(const struct sockaddr *addr, char *out, size_t outlen)
{
	const void *src = NULL;
	if (addr->sa_family == AF_INET)
		src = &((const struct sockaddr_in *)addr)->sin_addr;
	else if (addr->sa_family == AF_INET6)
		src = &((const struct sockaddr_in6 *)addr)->sin6_addr;
	if (!src || !inet_ntop(addr->sa_family, src, out, (socklen_t)outlen))
		snprintf(out, outlen, "(address family %d)", addr->sa_family);
}
