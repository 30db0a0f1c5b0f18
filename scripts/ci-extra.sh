#!/bin/sh
# CI additions for issue 6 (hostile input, faults and load), called from
# .ci/run after the ordinary test run:
#  (a) the whole CTest suite once in an AddressSanitizer + UBSan build;
#  (b) every libFuzzer target, first on its regression inputs
#      (fuzz/regress/TARGET), then for FUZZ_SECONDS (default 60) each;
#  (c) `systemd-analyze security --offline=yes` scores deploy/quoted.service
#      at 2.0 or better.
# About 8-10 minutes on 2 cores. Build dirs: build-ci-asan, build-ci-fuzz.
# Set CI_EXTRA_SKIP to any of "asan fuzz unit" to leave parts out.
set -eu
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
skip=${CI_EXTRA_SKIP:-}
scripts/deps.sh
if ! command -v systemd-analyze >/dev/null 2>&1; then
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends systemd >/dev/null
fi
t0=$(date +%s)
failed=  # steps that failed; every step runs, the script fails at the end
step() { echo "== ci-extra: $* ($(($(date +%s) - t0)) s)"; }

# (c) first: it takes a second and needs no build.
step "systemd unit exposure"
# The unit is deploy/quoted.service, or generated from deploy/quoted.service.in
# (CMake's configure_file with @VAR@ paths): fill the paths in the same way.
unitdir=$(mktemp -d)
if [ -f deploy/quoted.service ]; then
	cp deploy/quoted.service "$unitdir/quoted.service"
else
	sed -e 's|@CMAKE_INSTALL_FULL_SBINDIR@|/usr/sbin|g' -e 's|@CMAKE_INSTALL_FULL_BINDIR@|/usr/bin|g' \
		-e 's|@CMAKE_INSTALL_FULL_SYSCONFDIR@|/etc|g' deploy/quoted.service.in >"$unitdir/quoted.service"
fi
score=$(systemd-analyze security --offline=yes "$unitdir/quoted.service" 2>/dev/null |
	sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
[ -n "$score" ] || { echo "ci-extra: systemd-analyze gave no score" >&2; exit 1; }
rm -rf "$unitdir"
echo "quoted.service exposure: $score (must be <= 2.0)"
awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }' || { echo "ci-extra: exposure $score > 2.0" >&2; exit 1; }

# (d) No SQL is built by pasting input: every statement is a constant and
# values travel as parameters (PQexecParams / PQsendQueryParams). A
# printf-style call whose format holds SQL and a conversion is allowed only
# where the pasted part is our own constant, listed here.
step "no SQL built with printf"
allowed='daemon/io/dbq.c:.*"LISTEN \\"%s\\""
cli/query.c:.*"DECLARE quotectl_cursor NO SCROLL CURSOR FOR %s"'
found=$(grep -rnE '(x?asprintf|s?n?printf|buf_printf|buf_vprintf)[[:space:]]*\(' daemon cli lib |
	grep -E '"[^"]*\b(SELECT|INSERT|UPDATE|DELETE|LISTEN|NOTIFY|DECLARE|FETCH|COPY|CREATE|DROP|ALTER|GRANT)\b[^"]*%' |
	grep -vE "$(echo "$allowed" | paste -sd'|')" || true)
if [ -n "$found" ]; then
	echo "ci-extra: SQL built with printf (use a constant statement and parameters):" >&2
	echo "$found" >&2
	exit 1
fi

# (a) the whole suite under ASan + UBSan. LeakSanitizer is on: a leak is a
# failure like any other.
case $skip in *asan*) ;; *)
	step "ASan + UBSan build and the whole CTest suite"
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
	export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
	BUILD_DIR=build-ci-asan QUOTED_CMAKE_ARGS="-DQUOTED_SANITIZE=ON" scripts/test || failed="$failed asan-suite"
	;;
esac

# (b) the fuzzers, under ASan + UBSan, with clang.
case $skip in *fuzz*) ;; *)
	step "fuzz targets (clang, libFuzzer, ASan + UBSan)"
	CC=clang cmake -S . -B build-ci-fuzz -DQUOTED_FUZZ=ON -DQUOTED_SANITIZE=ON >/dev/null
	cmake --build build-ci-fuzz -j"$(nproc)" --target fuzz_feed fuzz_html fuzz_quote fuzz_config >/dev/null
	status=0
	for t in feed html quote config; do
		if [ -d "fuzz/regress/$t" ] && [ -n "$(ls "fuzz/regress/$t")" ]; then
			build-ci-fuzz/fuzz/fuzz_$t -runs=1 fuzz/regress/$t/* >"build-ci-fuzz/regress-$t.log" 2>&1 || {
				echo "ci-extra: fuzz_$t fails on a regression input (fuzz/regress/$t):" >&2
				grep -E 'runtime error|ERROR|Running:' "build-ci-fuzz/regress-$t.log" | tail -5 >&2
				status=1
			}
		fi
	done
	# Two targets at a time on two cores.
	out=build-ci-fuzz/run
	rm -rf "$out"
	fuzz/run.sh build-ci-fuzz "$FUZZ_SECONDS" "$out/a" feed html >"build-ci-fuzz/fuzz-a.txt" 2>&1 &
	a=$!
	fuzz/run.sh build-ci-fuzz "$FUZZ_SECONDS" "$out/b" quote config >"build-ci-fuzz/fuzz-b.txt" 2>&1 || status=1
	wait $a || status=1
	cat build-ci-fuzz/fuzz-a.txt build-ci-fuzz/fuzz-b.txt
	if [ $status != 0 ]; then
		echo "ci-extra: a fuzz target failed; crash inputs are under $out/*/crashes/" >&2
		failed="$failed fuzz"
	fi
	;;
esac
if [ -n "$failed" ]; then
	step "FAILED:$failed"
	exit 1
fi
step "done"
