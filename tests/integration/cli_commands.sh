#!/bin/sh
# Every quotectl command against a database that quoted populated from the
# research fixtures: results, filters, output modes, exit codes, and that
# nothing printed carries control characters.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cli_lib.sh"
new_db cli_commands
populate_research
TAB=$(printf '\t')
ESC=$(printf '\033')

# --- help -------------------------------------------------------------
expect_rc 0 quotectl --help
for cmd in who-said said-by speakers roles quote articles stats export feed db extract article; do
	assert_contains "$(cat "$WORK_DIR/out")" "  $cmd " "top-level help lists $cmd"
done
for cmd in who-said said-by speakers roles quote articles stats export feed db extract article; do
	expect_rc 0 quotectl "$cmd" --help
	assert_contains "$(cat "$WORK_DIR/out")" "usage: quotectl $cmd" "$cmd --help"
	assert_contains "$(cat "$WORK_DIR/out")" "said-by" "$cmd --help lists the commands"
done

# --- who-said ---------------------------------------------------------
expect_rc 0 quotectl who-said sovereignty
out=$(cat "$WORK_DIR/out")
[ "$(count_lines "$out")" = 5 ] || fail "who-said sovereignty: want 5 statements, got:
$out"
# Newest first; the statement two outlets carried is shown once, at its
# first appearance, with the outlet count.
first=$(printf '%s\n' "$out" | head -n 1)
assert_contains "$first" "2026-04-15${TAB}Hua Chunying" "newest first"
carried=$(printf '%s\n' "$out" | grep "China firmly safeguards")
[ "$(printf '%s\n' "$carried" | cut -f 5,6)" = "Eastland Daily: Diplomacy${TAB}2" ] ||
	fail "carried statement: want first outlet and 2 outlets, got: $carried"
[ "$(printf '%s\n' "$carried" | cut -f 9)" = 2 ] || fail "carried statement has 2 quotes: $carried"

expect_rc 0 quotectl who-said "bargaining chips" # stemmed phrase
assert_contains "$(cat "$WORK_DIR/out")" "Qin Gang" "stemmed phrase search"
expect_rc 1 quotectl who-said "chip bargaining" # a phrase keeps its order
expect_rc 0 quotectl who-said --exact "ARGAINING CH"
assert_contains "$(cat "$WORK_DIR/out")" "Sovereignty is not a bargaining chip" "--exact substring"
expect_rc 1 quotectl who-said --exact "bargaining chips"
expect_rc 1 quotectl who-said --exact "100%_"

expect_rc 0 quotectl who-said --speaker "Mr Qin" sovereignty
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 3 ] || fail "--speaker 'Mr Qin': $(cat "$WORK_DIR/out")"
assert_not_contains "$(cat "$WORK_DIR/out")" "Hua" "--speaker"
expect_rc 0 quotectl who-said --role "foreign minister" sovereignty
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 2 ] || fail "--role: $(cat "$WORK_DIR/out")"
expect_rc 0 quotectl who-said --role "Foreign ministry spokeswoman" sovereignty
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 2 ] || fail "--role as stated: $(cat "$WORK_DIR/out")"
expect_rc 0 quotectl who-said --since 2026-03 --until 2026-03-31 sovereignty
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 2 ] || fail "--since/--until: $(cat "$WORK_DIR/out")"
expect_rc 0 quotectl who-said --country "united states" "new chapter"
assert_contains "$(cat "$WORK_DIR/out")" "Anna Whitfield" "--country"
assert_not_contains "$(cat "$WORK_DIR/out")" "Qin Gang" "--country"
expect_rc 0 quotectl who-said --feed "Coastal Wire: Asia" sovereignty
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 2 ] || fail "--feed: $(cat "$WORK_DIR/out")"
expect_rc 0 quotectl who-said --limit 1 sovereignty
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 1 ] || fail "--limit 1"
expect_rc 2 quotectl who-said --since 2026-02-30 sovereignty
expect_rc 2 quotectl who-said --limit 0 sovereignty
expect_rc 2 quotectl who-said --bogus sovereignty

# --json: one valid object per line; --csv: a header and one row each.
expect_rc 0 quotectl who-said --json sovereignty
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 5 ] || fail "--json lines"
while IFS= read -r line; do
	[ -n "$(json_field "$line" speaker)" ] || fail "bad JSON: $line"
done <"$WORK_DIR/out"
assert_contains "$(cat "$WORK_DIR/out")" '"outlets":2' "JSON outlet count"
expect_rc 0 quotectl who-said --csv sovereignty
assert_contains "$(head -n 1 "$WORK_DIR/out")" "published,speaker,role,quote,outlet,outlets,id" "CSV header"
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 6 ] || fail "CSV rows"
assert_contains "$(cat "$WORK_DIR/out")" '"China firmly safeguards its sovereignty and territorial integrity,"' "CSV quoting"

# On a terminal: an aligned table wrapped to the width, the match in bold.
COLUMNS=80 script -qec "$QUOTECTL_BIN who-said sovereignty" /dev/null >"$WORK_DIR/tty" </dev/null
assert_contains "$(cat "$WORK_DIR/tty")" "WHO" "table header"
assert_contains "$(cat "$WORK_DIR/tty")" "${ESC}[1msovereignty${ESC}[0m" "highlighted match"
sed 's/\x1b\[[0-9;]*m//g; s/\r$//' "$WORK_DIR/tty" | awk 'length($0) > 80 { bad = 1; print "too wide: " $0 } END { exit bad }' ||
	fail "table wider than the terminal"
NO_COLOR=1 COLUMNS=80 script -qec "$QUOTECTL_BIN who-said sovereignty" /dev/null >"$WORK_DIR/tty" </dev/null
assert_not_contains "$(cat "$WORK_DIR/tty")" "$ESC" "NO_COLOR"

# --- said-by ------------------------------------------------------------
for name in "Qin Gang" "Mr Qin" "Qin" "qin gang"; do
	expect_rc 0 quotectl said-by "$name"
	[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 4 ] || fail "said-by '$name': $(cat "$WORK_DIR/out")"
	assert_not_contains "$(cat "$WORK_DIR/out")" "Whitfield" "said-by '$name'"
done
expect_rc 0 quotectl said-by --phrase sovereignty --since 2026-03 Qin
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 2 ] || fail "said-by --phrase --since"
expect_rc 1 quotectl said-by "Nobody Here"
expect_rc 2 quotectl said-by

# --- speakers and roles ---------------------------------------------------
expect_rc 0 quotectl speakers
first=$(head -n 1 "$WORK_DIR/out")
assert_contains "$first" "Qin Gang${TAB}5${TAB}2026-01-14${TAB}2026-03-20${TAB}foreign ministry spokesperson 2026-01-14..2026-01-15; foreign minister 2026-03-03..2026-03-20" \
	"speakers: counts, first/last seen, roles over time"
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 3 ] || fail "speakers: one row per person (Qin merged)"
expect_rc 0 quotectl speakers --role "secretary of state"
[ "$(cut -f 1 "$WORK_DIR/out")" = "Anna Whitfield" ] || fail "speakers --role: $(cat "$WORK_DIR/out")"
expect_rc 0 quotectl speakers --country china
[ "$(cut -f 1 "$WORK_DIR/out")" = "Qin Gang" ] || fail "speakers --country: $(cat "$WORK_DIR/out")"
expect_rc 1 quotectl speakers --role astronaut
expect_rc 0 quotectl speakers --json
assert_contains "$(head -n 1 "$WORK_DIR/out")" '"name":"Qin Gang","quotes":5' "speakers --json"
expect_rc 0 quotectl roles
assert_contains "$(cat "$WORK_DIR/out")" "foreign ministry spokesperson${TAB}5${TAB}2${TAB}2026-01-14${TAB}2026-04-15" "roles"
expect_rc 0 quotectl roles --csv
assert_contains "$(head -n 1 "$WORK_DIR/out")" "role,quotes,speakers,first_seen,last_seen" "roles --csv"

# --- quote show -----------------------------------------------------------
id=$(sql "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.text LIKE 'China firmly%' AND a.url LIKE '%/beijing-rejects-statement.html'")
expect_rc 0 quotectl quote show "$id"
out=$(cat "$WORK_DIR/out")
assert_contains "$out" "Qin told a regular news briefing in Beijing" "quote show: the paragraph"
assert_contains "$out" "carried by 2 articles, earliest first" "quote show: outlets"
east=$(printf '%s\n' "$out" | grep -n "Eastland Daily" | tail -n 1 | cut -d: -f1)
coast=$(printf '%s\n' "$out" | grep -n "Coastal Wire" | cut -d: -f1)
[ "$east" -lt "$coast" ] || fail "quote show: earliest outlet first"
expect_rc 0 quotectl quote show --json "$id"
assert_contains "$(cat "$WORK_DIR/out")" '"outlet":"Coastal Wire: Asia"' "quote show --json carried_by"
assert_contains "$(cat "$WORK_DIR/out")" '"paragraph_text":"' "quote show --json paragraph"
expect_rc 1 quotectl quote show 999999
expect_rc 2 quotectl quote show abc
expect_rc 2 quotectl quote

# --- articles, stats, export ------------------------------------------------
expect_rc 0 quotectl articles
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 7 ] || fail "articles"
expect_rc 0 quotectl articles --feed "Coastal Wire: Asia"
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 3 ] || fail "articles --feed"
expect_rc 0 quotectl articles --feed "$BASE/feeds/diplomacy.xml" --since 2026-04
[ "$(cut -f 4 "$WORK_DIR/out")" = "Beijing summons envoy over patrol" ] || fail "articles --feed URL --since"
expect_rc 0 quotectl stats
assert_contains "$(cat "$WORK_DIR/out")" "quotes${TAB}8" "stats quotes"
assert_contains "$(cat "$WORK_DIR/out")" "statements${TAB}7" "stats statements"
assert_contains "$(cat "$WORK_DIR/out")" "statements_in_several_articles${TAB}1" "stats carried"
expect_rc 0 quotectl stats --json
assert_contains "$(cat "$WORK_DIR/out")" '{"metric":"speakers","value":3}' "stats --json"

expect_rc 0 quotectl export --format csv
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 9 ] || fail "export csv: header and 8 rows"
assert_contains "$(head -n 1 "$WORK_DIR/out")" "quote_id,statement_id,published_at,speaker_id,speaker" "export header"
expect_rc 0 quotectl export --format jsonl --speaker Qin
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 5 ] || fail "export --speaker"
while IFS= read -r line; do
	[ "$(json_field "$line" speaker)" = "Qin Gang" ] || fail "export JSON: $line"
done <"$WORK_DIR/out"
expect_rc 1 quotectl export --format jsonl --since 2030-01-01
expect_rc 2 quotectl export --format xml
expect_rc 2 quotectl export

# --- feeds ------------------------------------------------------------------
expect_rc 0 quotectl feed list
assert_contains "$(cat "$WORK_DIR/out")" "1${TAB}active${TAB}$BASE/feeds/diplomacy.xml" "feed list"
expect_rc 0 quotectl feed pause "$BASE/feeds/asia.atom"
expect_rc 0 quotectl feed list --json
assert_contains "$(cat "$WORK_DIR/out")" '"state":"paused"' "feed pause"
[ "$(sql "SELECT state FROM feeds WHERE url = '$BASE/feeds/asia.atom'")" = paused ] || fail "paused in SQL"
expect_rc 0 quotectl feed resume 2
[ "$(sql "SELECT state FROM feeds WHERE id = 2")" = active ] || fail "feed resume by id"
expect_rc 1 quotectl feed pause "$BASE/feeds/none.xml"
expect_rc 2 quotectl feed frobnicate

# check: fetch, parse and extract without storing, through the address guard.
before=$(sql "SELECT count(*) FROM quotes")
expect_rc 0 quotectl -c "$CONFIG" feed check "$BASE/feeds/diplomacy.xml"
assert_contains "$(cat "$WORK_DIR/out")" "Hua Chunying${TAB}foreign ministry spokesperson" "feed check shows quotes"
assert_contains "$(cat "$WORK_DIR/err")" "5 quotes would be stored" "feed check summary"
[ "$(sql "SELECT count(*) FROM quotes")" = "$before" ] || fail "feed check stored something"
expect_rc 0 quotectl -c "$CONFIG" feed check --json --limit 1 "$BASE/feeds/asia.atom"
[ "$(count_lines "$(cat "$WORK_DIR/out")")" = 1 ] || fail "feed check --limit"
printf '[fetch]\n' >"$WORK_DIR/strict.conf"
expect_rc 1 quotectl -c "$WORK_DIR/strict.conf" feed check "$BASE/feeds/diplomacy.xml"
assert_contains "$(cat "$WORK_DIR/err")" "refused" "feed check keeps the address guard"
expect_rc 1 quotectl -c "$CONFIG" feed check "$BASE/articles/arms-sale.html"
assert_contains "$(cat "$WORK_DIR/err")" "not a feed" "feed check on a page"

# --- control characters never reach the terminal ----------------------------
sql "SELECT quoted_store_article(1, 'evil', '{\"url\":\"http://evil.invalid/a\",\"title\":\"Evil\u001b]0;owned\u0007 title\",\"body\":\"x\",\"quotes\":[{\"quote\":\"Steer \u001b[2J the \u009b31m terminal \u202e now\",\"start\":0,\"end\":1,\"speaker\":\"Evil \u001b[31mSpeaker\",\"speaker_kind\":\"person\"}]}'::jsonb)" >/dev/null
for mode in "" --json --csv; do
	expect_rc 0 quotectl who-said $mode "steer"
	assert_no_controls "$WORK_DIR/out" "who-said $mode"
	assert_contains "$(cat "$WORK_DIR/out")" "Steer [2J the 31m terminal  now" "cleaned text"
done
expect_rc 0 quotectl export --format jsonl --phrase steer
assert_no_controls "$WORK_DIR/out" "export"
id=$(sql "SELECT id FROM quotes WHERE text LIKE 'Steer%'")
expect_rc 0 quotectl quote show "$id"
assert_no_controls "$WORK_DIR/out" "quote show"
COLUMNS=80 script -qec "$QUOTECTL_BIN who-said steer" /dev/null >"$WORK_DIR/tty" </dev/null
sed 's/\x1b\[[01]m//g; s/\r$//' "$WORK_DIR/tty" >"$WORK_DIR/tty.plain"
assert_no_controls "$WORK_DIR/tty.plain" "terminal table"

# --- connection errors --------------------------------------------------------
expect_rc 3 quotectl --db "host=$WORK_DIR port=1 connect_timeout=2" speakers
assert_contains "$(cat "$WORK_DIR/err")" "settings from --db" "names --db"
printf '[database]\nconninfo = host=%s port=1 connect_timeout=2\n' "$WORK_DIR" >"$WORK_DIR/db.conf"
expect_rc 3 quotectl -c "$WORK_DIR/db.conf" stats
assert_contains "$(cat "$WORK_DIR/err")" "conninfo in $WORK_DIR/db.conf" "names the config file"
assert_contains "$(cat "$WORK_DIR/err")" "hint:" "says what to try"
expect_rc 3 env PGDATABASE=no_such_db_here "$QUOTECTL_BIN" stats
assert_contains "$(cat "$WORK_DIR/err")" "libpq environment" "names the environment"
echo "cli_commands: ok"
