/* The address guard refuses every non-public range, including IPv4 in
 * IPv6 clothing, and lets public addresses through. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "quoted/netguard.h"
#include "testutil.h"

static bool blocked(const char *ip)
{
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	if (strchr(ip, ':')) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
		a->sin6_family = AF_INET6;
		if (inet_pton(AF_INET6, ip, &a->sin6_addr) != 1)
			return false;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;
		a->sin_family = AF_INET;
		if (inet_pton(AF_INET, ip, &a->sin_addr) != 1)
			return false;
	}
	return netguard_blocked((struct sockaddr *)&ss);
}

int main(void)
{
	const char *refused[] = {
		"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
		"169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
		"::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
		"::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "64:ff9b::7f00:1",
		"::127.0.0.1",
	};
	const char *allowed[] = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111",
				 "::ffff:93.184.216.34", "100.128.0.1"};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		if (!blocked(refused[i]))
			fprintf(stderr, "not refused: %s\n", refused[i]);
		CHECK(blocked(refused[i]));
	}
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		if (blocked(allowed[i]))
			fprintf(stderr, "refused: %s\n", allowed[i]);
		CHECK(!blocked(allowed[i]));
	}
	struct sockaddr_un_like {
		sa_family_t family;
	} unix_addr = {AF_UNIX};
	CHECK(netguard_blocked((struct sockaddr *)&unix_addr));
	return test_report("netguard");
}
