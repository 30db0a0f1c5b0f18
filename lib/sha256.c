/* SHA-256 through libcrypto's EVP interface; see quoted/sha256.h. */
#include "quoted/sha256.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* Only memory can make these fail; treat it as xmalloc() does. */
static void sha256_check(int ok)
{
	if (!ok) {
		fputs("quoted: SHA-256 failed (out of memory?)\n", stderr);
		abort();
	}
}

/* OpenSSL 3 looks the algorithm up again on every init given EVP_sha256();
 * fetching it once saves a third of hashing a 2 KB feed body. */
static EVP_MD *sha256_md;
static pthread_once_t sha256_md_once = PTHREAD_ONCE_INIT;

static void sha256_md_fetch(void)
{
	sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);
}

static const EVP_MD *sha256_algorithm(void)
{
	pthread_once(&sha256_md_once, sha256_md_fetch);
	sha256_check(sha256_md != NULL);
	return sha256_md;
}

void sha256_init(struct sha256 *s)
{
	s->ctx = EVP_MD_CTX_new();
	sha256_check(s->ctx && EVP_DigestInit_ex(s->ctx, sha256_algorithm(), NULL));
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	sha256_check(EVP_DigestUpdate(s->ctx, data, n));
}

void sha256_final(struct sha256 *s, unsigned char out[32])
{
	unsigned int len = 0;
	sha256_check(EVP_DigestFinal_ex(s->ctx, out, &len) && len == 32);
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
}

void sha256_to_hex(const unsigned char d[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}

void sha256_hex(const void *data, size_t n, char hex[65])
{
	unsigned char d[32];
	sha256_check(EVP_Digest(data, n, d, NULL, sha256_algorithm(), NULL));
	sha256_to_hex(d, hex);
}
