#!/bin/sh
# Identity in SQL: one-word names join the full name where name and context
# agree (and not otherwise), merges are recorded, and the same quotation in
# different articles is one statement whatever its punctuation.
. "$(dirname "$0")/../lib.sh"
new_db research_identity
quotectl db migrate >/dev/null
sql "INSERT INTO feeds (url, title) VALUES ('https://a.invalid/feed', 'Outlet A'), ('https://b.invalid/feed', 'Outlet B')" >/dev/null

store() { # feed key url quotes-json
	sql "SELECT quoted_store_article($1, '$2', '{\"url\":\"$3\",\"body\":\"text\",\"published\":$4,\"quotes\":$5}'::jsonb)" >/dev/null
}
q() { # text speaker country [start] -> one quote object
	c=null
	[ -n "$3" ] && c="\"$3\""
	printf '{"quote":"%s","start":%d,"end":1,"speaker":"%s","speaker_kind":"person","country":%s}' "$1" "${4:-0}" "$2" "$c"
}
speaker_of() { sql "SELECT s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE q.text = '$1'"; }

# A one-word name first, then the full name with the same country: merged.
store 1 k1 https://a.invalid/1 1767225600 "[$(q 'Sovereignty is not a bargaining chip.' Qin China)]"
[ "$(speaker_of 'Sovereignty is not a bargaining chip.')" = Qin ] || fail "one-word speaker first"
store 1 k2 https://a.invalid/2 1767312000 "[$(q 'We will open a new chapter.' 'Qin Gang' China)]"
[ "$(speaker_of 'Sovereignty is not a bargaining chip.')" = "Qin Gang" ] || fail "one-word speaker not merged into the full name"
[ "$(sql "SELECT count(*) FROM speakers WHERE name LIKE 'Qin%'")" = 1 ] || fail "two Qin speakers remain"
[ "$(sql "SELECT from_name || ' -> ' || into_name FROM research.speaker_merges")" = "Qin -> Qin Gang" ] ||
	fail "merge not recorded"
# Later one-word mentions with agreeing context join directly; an honorific is dropped.
store 2 k3 https://b.invalid/3 1767398400 "[$(q 'No comment.' 'Mr Qin' China)]"
[ "$(speaker_of 'No comment.')" = "Qin Gang" ] || fail "'Mr Qin' with the same country"
# Without agreeing context, no merge.
store 2 k4 https://b.invalid/4 1767484800 "[$(q 'Prices will fall.' Qin Singapore)]"
[ "$(speaker_of 'Prices will fall.')" = Qin ] || fail "a different Qin (other country) was merged"
# Within one article a one-word name joins the only fuller name containing it.
store 1 k5 https://a.invalid/5 1767571200 "[$(q 'First.' 'Li Wei' ''), $(q 'Second.' Li '' 10)]"
[ "$(speaker_of 'Second.')" = "Li Wei" ] || fail "same-article one-word name"
# said-by style lookup finds the full name from every form.
for n in "Qin Gang" "Mr Qin" "qin"; do
	[ "$(sql "SELECT count(*) FROM research.speakers_named('$n') x JOIN speakers s ON s.id = x.speaker_id WHERE s.name = 'Qin Gang'")" = 1 ] ||
		fail "speakers_named('$n')"
done

# The order articles arrive in does not matter: the full name first without
# a country, then the one-word name with one (a speaker of its own, as no
# full name had that country yet), then the full name with that country.
store 1 k7 https://a.invalid/7 1767744000 "[$(q 'Exports rose.' 'Ana Ruiz' '')]"
store 2 k8 https://b.invalid/8 1767744000 "[$(q 'Tariffs will go.' Ruiz Chile)]"
[ "$(speaker_of 'Tariffs will go.')" = Ruiz ] || fail "one-word name before its context exists"
store 1 k9 https://a.invalid/9 1767830400 "[$(q 'Talks went well.' 'Ana Ruiz' Chile)]"
[ "$(speaker_of 'Tariffs will go.')" = "Ana Ruiz" ] || fail "one-word name not absorbed once the full name had its country"
[ "$(sql "SELECT count(*) FROM speakers WHERE name LIKE '%Ruiz'")" = 1 ] || fail "two Ruiz speakers remain"
# ... and only where no other full name with that word could claim it.
store 1 k10 https://a.invalid/10 1767830400 "[$(q 'Rates hold.' 'Tom Berg' '')]"
store 2 k11 https://b.invalid/11 1767830400 "[$(q 'Rates fall.' 'Eva Berg' '')]"
store 2 k12 https://b.invalid/12 1767830400 "[$(q 'We wait.' Berg Norway)]"
store 1 k13 https://a.invalid/13 1767916800 "[$(q 'We act.' 'Tom Berg' Norway)]"
[ "$(speaker_of 'We wait.')" = Berg ] || fail "an ambiguous one-word name was absorbed"

# Statements: the same words with other punctuation, case and quote marks.
store 2 k6 https://b.invalid/6 1767657600 "[$(q '“we will OPEN a new chapter”' 'Qin Gang' China)]"
[ "$(sql "SELECT count(DISTINCT statement_id) FROM quotes WHERE text ILIKE '%new chapter%'")" = 1 ] ||
	fail "same quotation became two statements"
[ "$(sql "SELECT outlets || ' ' || first_outlet FROM research.statements WHERE text ILIKE '%new chapter%'")" = "2 Outlet A" ] ||
	fail "statement outlets / first appearance"
[ "$(sql "SELECT count(*) FROM quotes WHERE statement_id IS NULL")" = 0 ] || fail "quote without statement"
[ "$(sql "SELECT count(*) FROM statements")" = "$(sql "SELECT count(DISTINCT quoted_text_hash(text)) FROM quotes")" ] ||
	fail "statements do not match the distinct normalised texts"
echo "research_identity: ok"
