#!/bin/sh
# Scale bench for issue 5: load generated quotes into a throwaway cluster
# with SQL generate_series, and time quotectl who-said, said-by and
# speakers at 10k, 100k and 1M quotes (best of 3 runs each). Prints the
# growth ratio from the first to the last size and EXPLAIN plans showing
# the indexes in use. Not run by ctest.
#   bench/who_said_scale.sh [BUILD_DIR] [SIZES]      e.g. build 10000,100000
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
sizes=$(echo "${2:-10000,100000,1000000}" | tr ',' ' ')
quotectl=$build/quotectl
[ -x "$quotectl" ] || { echo "no $quotectl: build first" >&2; exit 1; }

dir=$(mktemp -d /tmp/quoted-bench.XXXXXX)
chmod 755 "$dir"
PGCLUSTER_PORT=${PGCLUSTER_PORT:-54431} "$src/scripts/pg-cluster.sh" start "$dir/pg" "$dir/env" >/dev/null
trap '"$src/scripts/pg-cluster.sh" stop "$dir/pg"; rm -rf "$dir"' EXIT
. "$dir/env"
export PGDATABASE=bench
psql -X -q -d postgres -c "CREATE DATABASE bench"
"$quotectl" db migrate >/dev/null
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }

q "INSERT INTO feeds (url, title) VALUES ('https://bench.invalid/feed', 'Bench Wire')"
# 2000 speakers; quote g is by speaker 1 + g % 2000, in article g / 5.
q "INSERT INTO speakers (id, name) SELECT s, 'Speaker' || s || ' Surname' || s FROM generate_series(1, 2000) s;
   INSERT INTO speaker_aliases SELECT id, name FROM speakers;
   SELECT setval('speakers_id_seq', 2000)" >/dev/null

load() { # from to (quote numbers)
	q "INSERT INTO articles (id, url, title, published_at, body, feed_id)
	   SELECT a, 'https://bench.invalid/a/' || a, 'Article ' || a,
	          timestamptz '2020-01-01' + a * interval '7 minutes', '', 1
	     FROM generate_series($1 / 5 + 1, $2 / 5) a;
	   WITH g AS (
	     SELECT g, 'The ' || (ARRAY['minister','spokesperson','governor','director','senator'])[1 + g % 5]
	            || ' said ' || md5(g::text) || ' about ' ||
	            (ARRAY['trade','security','climate','energy','markets','health','borders','rates'])[1 + g % 8]
	            || ' and ' || md5((g * 7)::text)
	            -- a rare phrase, in exactly 20 quotes whatever the size
	            || CASE WHEN g <= 20 THEN ' with mutual strategic trust' ELSE '' END AS text
	       FROM generate_series($1 + 1, $2) g),
	   st AS (INSERT INTO statements (id, norm_hash, text)
	          SELECT g, quoted_text_hash(text), text FROM g RETURNING id)
	   INSERT INTO quotes (id, article_id, speaker_id, speaker_name, role, country, text,
	                       start_offset, end_offset, extractor_version, statement_id)
	   SELECT g, (g - 1) / 5 + 1, 1 + g % 2000, 'Speaker' || (1 + g % 2000),
	          (ARRAY['minister','spokesperson','governor','director','senator'])[1 + g % 5],
	          (ARRAY['China','United States','France','Brazil'])[1 + g % 4], text,
	          ((g - 1) % 5) * 100, ((g - 1) % 5) * 100 + 50, 'bench', g
	     FROM g;
	   SELECT setval('quotes_id_seq', $2), setval('statements_id_seq', $2), setval('articles_id_seq', $2 / 5)" >/dev/null
	q "VACUUM ANALYZE" >/dev/null
}

best_ms() { # command... -> best wall time of 3 runs, in ms
	best=
	for _ in 1 2 3; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
	done
	echo "$best"
}

prev=0
first_ws= first_sb= first_sp=
printf '%10s %12s %12s %12s\n' quotes who-said_ms said-by_ms speakers_ms
for n in $sizes; do
	load "$prev" "$n"
	prev=$n
	ws=$(best_ms "$quotectl" who-said "mutual strategic trust")
	sb=$(best_ms "$quotectl" said-by "Speaker42 Surname42")
	sp=$(best_ms "$quotectl" speakers --limit 20)
	printf '%10s %12s %12s %12s\n' "$n" "$ws" "$sb" "$sp"
	[ -n "$first_ws" ] || { first_ws=$ws; first_sb=$sb; first_sp=$sp; }
	last_ws=$ws last_sb=$sb last_sp=$sp
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a < 1) a = 1; printf "%.1f", b / a }'; }
echo "growth first->last size: who-said $(ratio "$first_ws" "$last_ws")x (target <= 3x), said-by $(ratio "$first_sb" "$last_sb")x, speakers $(ratio "$first_sp" "$last_sp")x"
echo "(times include process start and connection, about the same at every size)"

echo
echo "== plan: who-said phrase (GIN on quotes.tsv)"
q "EXPLAIN (COSTS OFF) SELECT DISTINCT v.statement_id FROM research.quotes v WHERE v.quote_tsv @@ phraseto_tsquery('english', 'mutual strategic trust')"
echo "== plan: who-said --exact (GIN trigram on quotes.text)"
q "EXPLAIN (COSTS OFF) SELECT DISTINCT v.statement_id FROM research.quotes v WHERE v.quote ILIKE '%strategic trust%'"
echo "== plan: said-by (speakers_named, then quotes by speaker)"
q "EXPLAIN (COSTS OFF) SELECT DISTINCT v.statement_id FROM research.quotes v WHERE v.speaker_id IN (SELECT speaker_id FROM research.speakers_named('Speaker42 Surname42'))"
echo "== plan: a statement's appearances (quotes_statement)"
q "EXPLAIN (COSTS OFF) SELECT v.quote_id FROM research.quotes v WHERE v.statement_id = 42 ORDER BY v.published_at LIMIT 1"
