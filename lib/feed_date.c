/* Feed dates: RFC 822 / RFC 1123 (and the variants feeds really use) and
 * ISO 8601 / RFC 3339, to Unix seconds UTC. */
#include "quoted/feed.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil), so no timegm() and no TZ dependence. */
static int64_t date_days(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int date_mdays(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : md[m - 1];
}

/* Assemble and range-check; 0 means invalid. */
static int64_t date_make(int y, int mo, int d, int h, int mi, int s, int off_min)
{
	if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > date_mdays(y, mo))
		return 0;
	if (h < 0 || h > 24 || mi < 0 || mi > 59 || s < 0 || s > 60)
		return 0;
	if (h == 24 && (mi || s))
		return 0;
	if (s == 60)
		s = 59; /* leap second: close enough */
	int64_t t = date_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - (int64_t)off_min * 60;
	return t > 0 ? t : 0;
}

/* Read up to max digits; returns the count read (0 if none). */
static int date_num(const char **p, int max, int *out)
{
	int n = 0, v = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++, n++;
	}
	*out = v;
	return n;
}

static void date_skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\r' || **p == '\n')
		(*p)++;
}

/* Month from the first three letters of s, any case; 0 if none. */
static int date_month(const char *s)
{
	static const char mon[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	if (!isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]) ||
	    !isalpha((unsigned char)s[2]))
		return 0;
	char a = (char)(s[0] | 0x20), b = (char)(s[1] | 0x20), c = (char)(s[2] | 0x20);
	for (int i = 0; i < 12; i++)
		if (mon[3 * i] == a && mon[3 * i + 1] == b && mon[3 * i + 2] == c)
			return i + 1;
	return 0;
}

/* A numeric or named zone at *p; sets *off in minutes east of UTC.
 * Unknown or absent zones count as UTC, as feed readers usually do. */
static void date_zone(const char **p, int *off)
{
	static const struct {
		const char *name;
		int hours;
	} zones[] = {
		{"UT", 0},   {"UTC", 0},  {"GMT", 0},  {"Z", 0},    {"EST", -5}, {"EDT", -4},
		{"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7},
		{"AST", -4}, {"ADT", -3}, {"BST", 1},  {"CET", 1},  {"CEST", 2}, {"EET", 2},
		{"EEST", 3}, {"JST", 9},  {"MSK", 3},  {"IST", 5},  {"HST", -10}, {"AKST", -9},
		{"AKDT", -8},
	};
	const char *s = *p;
	int sign = 0;

	*off = 0;
	date_skip_space(&s);
	if (strncasecmp(s, "GMT", 3) == 0 && (s[3] == '+' || s[3] == '-'))
		s += 3; /* "GMT+01:00" */
	if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		s++;
		int hh, mm = 0, n = date_num(&s, 4, &hh);
		if (n == 4) {
			mm = hh % 100, hh /= 100;
		} else if (n == 3) {
			mm = hh % 100, hh /= 100;
		} else if (n >= 1 && *s == ':') {
			s++;
			date_num(&s, 2, &mm);
		} else if (n == 0) {
			return;
		}
		*off = sign * (hh * 60 + mm);
		*p = s;
		return;
	}
	size_t n = 0;
	while (isalpha((unsigned char)s[n]))
		n++;
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		if (strlen(zones[i].name) == n && strncasecmp(s, zones[i].name, n) == 0) {
			*off = zones[i].hours * 60;
			*p = s + n;
			return;
		}
	}
	if (n == 1) {
		/* RFC 822 military zones; their signs are famously unreliable. */
		int c = toupper((unsigned char)*s);
		if (c >= 'A' && c <= 'I')
			*off = (c - 'A' + 1) * 60;
		else if (c >= 'K' && c <= 'M')
			*off = (c - 'K' + 10) * 60;
		else if (c >= 'N' && c <= 'Y')
			*off = -(c - 'N' + 1) * 60;
	}
	*p = s + n;
}

/* "hh:mm[:ss]" */
static bool date_clock(const char **p, int *h, int *mi, int *s)
{
	const char *q = *p;
	*s = 0;
	if (!date_num(&q, 2, h) || *q != ':')
		return false;
	q++;
	if (date_num(&q, 2, mi) != 2)
		return false;
	if (*q == ':') {
		q++;
		if (!date_num(&q, 2, s))
			return false;
		if (*q == '.' || *q == ',')
			for (q++; isdigit((unsigned char)*q); q++)
				;
	}
	*p = q;
	return true;
}

static int date_fix_year(int y, int digits)
{
	if (digits <= 2)
		return y < 50 ? 2000 + y : 1900 + y;
	if (digits == 3)
		return 1900 + y; /* "104" from tm_year */
	return y;
}

/* RFC 822 and friends: "[Wkd,] D Mon YY[YY] [hh:mm[:ss]] [zone]", also
 * "Wkd Mon D hh:mm:ss [zone] YYYY" (asctime) and "D-Mon-YYYY". */
static int64_t date_rfc822(const char *s)
{
	int d, mo, y, h = 0, mi = 0, sec = 0, off = 0, n;
	const char *p = s;

	date_skip_space(&p);
	/* Optional weekday, with or without a comma or a dot. */
	if (isalpha((unsigned char)*p) && !date_month(p)) {
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',' || *p == '.')
			p++;
		date_skip_space(&p);
	}
	if (isalpha((unsigned char)*p)) {
		/* asctime: "Mon D hh:mm:ss [zone] YYYY" */
		mo = date_month(p);
		if (!mo)
			return 0;
		while (isalpha((unsigned char)*p))
			p++;
		date_skip_space(&p);
		if (!date_num(&p, 2, &d))
			return 0;
		date_skip_space(&p);
		if (!date_clock(&p, &h, &mi, &sec))
			return 0;
		date_skip_space(&p);
		if (!isdigit((unsigned char)*p))
			date_zone(&p, &off);
		date_skip_space(&p);
		n = date_num(&p, 4, &y);
		if (n < 2)
			return 0;
		return date_make(date_fix_year(y, n), mo, d, h, mi, sec, off);
	}
	if (!date_num(&p, 2, &d))
		return 0;
	while (*p == ' ' || *p == '-')
		p++;
	const char *m = p;
	while (isalpha((unsigned char)*p))
		p++;
	mo = p - m >= 3 ? date_month(m) : 0;
	if (!mo)
		return 0;
	if (*p == '.')
		p++;
	while (*p == ' ' || *p == '-')
		p++;
	n = date_num(&p, 4, &y);
	if (n < 2)
		return 0;
	y = date_fix_year(y, n);
	date_skip_space(&p);
	if (*p && date_clock(&p, &h, &mi, &sec))
		date_zone(&p, &off);
	return date_make(y, mo, d, h, mi, sec, off);
}

/* ISO 8601 / RFC 3339: "YYYY[-MM[-DD]][(T| )hh:mm[:ss[.f]]][Z|(+|-)hh[:]mm]",
 * the basic form "YYYYMMDDThhmmssZ", and ordinal "YYYY-DDD". */
static int64_t date_iso8601(const char *s)
{
	int y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, off = 0;
	const char *p = s;

	date_skip_space(&p);
	if (date_num(&p, 4, &y) != 4)
		return 0;
	if (isdigit((unsigned char)*p)) {
		/* basic format */
		if (date_num(&p, 2, &mo) != 2 || date_num(&p, 2, &d) != 2)
			return 0;
		if (*p == 'T' || *p == 't') {
			p++;
			if (date_num(&p, 2, &h) != 2 || date_num(&p, 2, &mi) != 2)
				return 0;
			date_num(&p, 2, &sec);
			date_zone(&p, &off);
		}
		return date_make(y, mo, d, h, mi, sec, off);
	}
	if (*p == '-') {
		p++;
		int n = date_num(&p, 3, &mo);
		if (n == 3) {
			/* ordinal date */
			int doy = mo;
			for (mo = 1; mo <= 12 && doy > date_mdays(y, mo); mo++)
				doy -= date_mdays(y, mo);
			d = doy;
			if (mo > 12)
				return 0;
		} else if (n == 2 && *p == '-') {
			p++;
			if (!date_num(&p, 2, &d))
				return 0;
		} else if (n != 2) {
			return 0;
		}
	}
	if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
		p++;
		if (!date_clock(&p, &h, &mi, &sec))
			return 0;
		date_zone(&p, &off);
	}
	return date_make(y, mo, d, h, mi, sec, off);
}

int64_t feed_parse_date(const char *s)
{
	const char *p = s;
	int digits = 0;

	if (!s)
		return 0;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	while (isdigit((unsigned char)p[digits]))
		digits++;
	if (digits >= 4)
		return date_iso8601(p);
	return date_rfc822(p);
}
