#!/bin/sh
# Run the fuzz targets, one after another.
#   fuzz/run.sh BUILD_DIR SECONDS_EACH OUTDIR [TARGET...]
# TARGET is feed, html, quote or config (default: all four). The corpus of
# each target grows in OUTDIR/corpus/TARGET (seeded from our fixtures and
# samples) and is reused by the next run; crashes go to OUTDIR/crashes/TARGET
# and a log to OUTDIR/TARGET.log. Set FUZZ_KEEP_GOING=1 for long sessions:
# libFuzzer then runs in fork mode and keeps going after a crash, recording
# each distinct one. Exit status: 0 when no target crashed, 1 otherwise.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS_EACH OUTDIR [TARGET...]}
secs=${2:?seconds}
out=${3:?outdir}
shift 3
targets=${*:-feed html quote config}
mkdir -p "$out"
"$src/fuzz/make-corpus.sh" "$out/seeds" >/dev/null
status=0
for t in $targets; do
	bin="$build/fuzz/fuzz_$t"
	[ -x "$bin" ] || { echo "fuzz: no $bin (build with CC=clang -DQUOTED_FUZZ=ON)" >&2; exit 2; }
	mkdir -p "$out/corpus/$t" "$out/crashes/$t"
	dict=
	case $t in feed | html) dict="-dict=$src/fuzz/xml.dict" ;; esac
	extra=
	[ "${FUZZ_KEEP_GOING:-0}" = 1 ] && extra="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
	start=$(date +%s)
	rc=0
	# -rss_limit_mb and -timeout turn runaway memory or time into findings.
	# shellcheck disable=SC2086
	timeout $((secs + 120)) "$bin" $dict $extra -max_total_time="$secs" -rss_limit_mb=2048 -timeout=20 \
		-max_len=262144 -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" \
		"$out/corpus/$t" "$out/seeds/$t" >"$out/$t.log" 2>&1 || rc=$?
	runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$t.log" | tail -1 | grep -o '[0-9]*$' || true)
	# Fork mode prints no final stats: take the last "#N: cov: ..." line.
	[ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\): cov.*/\1/p' "$out/$t.log" | tail -1)
	[ -n "$runs" ] || runs="?"
	found=$(find "$out/crashes/$t" -type f | wc -l)
	printf 'fuzz_%-7s %5ss  runs=%-10s corpus=%-6s crashes=%s rc=%s\n' "$t" "$(($(date +%s) - start))" \
		"$runs" "$(ls "$out/corpus/$t" | wc -l)" "$found" "$rc"
	if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
		status=1
		grep -E 'ERROR|runtime error|SUMMARY' "$out/$t.log" | sort | uniq -c | sort -rn | head -10 >&2 || true
	fi
done
exit $status
