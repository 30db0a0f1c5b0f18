/* libxml2 hardening shared by every XML consumer (see quoted/xmlsafe.h). */
#include "quoted/xmlsafe.h"

#include <pthread.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* Refuse every external resource: DTDs, external entities, XInclude. */
static xmlParserInputPtr xmlsafe_refuse_loader(const char *url, const char *id,
					       xmlParserCtxtPtr ctxt)
{
	return NULL;
}

static void xmlsafe_silent(void *ctx, const char *msg, ...)
{
}

static void xmlsafe_silent_structured(void *ctx, xmlErrorPtr error)
{
}

static pthread_once_t xmlsafe_once = PTHREAD_ONCE_INIT;

static void xmlsafe_do_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(xmlsafe_refuse_loader);
	/* Error handlers are per thread in libxml2: set this thread's and the
	 * default for threads created later. Parsers in this project also
	 * install their own per-context handler. */
	xmlSetGenericErrorFunc(NULL, xmlsafe_silent);
	xmlThrDefSetGenericErrorFunc(NULL, xmlsafe_silent);
	xmlSetStructuredErrorFunc(NULL, xmlsafe_silent_structured);
	xmlThrDefSetStructuredErrorFunc(NULL, xmlsafe_silent_structured);
}

void xmlsafe_init(void)
{
	pthread_once(&xmlsafe_once, xmlsafe_do_init);
}
