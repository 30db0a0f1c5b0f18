#!/bin/sh
# Build the seed corpora for the fuzz targets from our own fixtures and
# samples:  fuzz/make-corpus.sh OUTDIR   -> OUTDIR/{feed,html,quote,config}/
# Each target reads its first byte as a mode switch (see fuzz_*.c), so the
# seeds are written with that byte in front.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: make-corpus.sh OUTDIR}
mkdir -p "$out/feed" "$out/html" "$out/quote" "$out/config"

seed() { # dir name prefix-byte-octal file
	{ printf "$3"; cat "$4"; } >"$out/$1/$2"
}
for f in "$src"/tests/fixtures/feeds/* "$src"/samples/feeds/*; do
	[ -f "$f" ] || continue
	seed feed "$(basename "$f")" '\000' "$f"
	seed feed "ct1-$(basename "$f")" '\001' "$f"
done
for f in "$src"/tests/fixtures/html/* "$src"/samples/articles/* "$src"/tests/fixtures/feeds/notafeed.html; do
	[ -f "$f" ] || continue
	cp "$f" "$out/html/$(basename "$f")"
	seed quote "html-$(basename "$f")" '\001' "$f"
	# The same page as plain text, so the text mode starts from real prose.
	sed -e 's/<[^>]*>//g' "$f" >"$out/quote/.tmp"
	seed quote "text-$(basename "$f")" '\000' "$out/quote/.tmp"
done
rm -f "$out/quote/.tmp"
for f in "$src"/fuzz/seeds/quote/*; do
	[ -f "$f" ] && seed quote "$(basename "$f")" '\000' "$f"
done
cp "$src/deploy/quoted.conf.example" "$out/config/example.conf"
for f in "$src"/fuzz/seeds/config/*; do
	[ -f "$f" ] && cp "$f" "$out/config/"
done
exit 0
