# Shared by the cli_* and research_* integration tests (sourced after
# lib.sh): a database populated by quoted itself from the research
# fixtures (tests/fixtures/research), served over HTTP.

# Serve the fixtures, add both feeds, run one pass of quoted. Sets BASE.
populate_research() {
	write_config
	start_httpd "$FIXTURES/research"
	quotectl db migrate >/dev/null
	quotectl feed add "$BASE/feeds/diplomacy.xml" >/dev/null
	quotectl feed add "$BASE/feeds/asia.atom" >/dev/null
	quoted -c "$CONFIG" --once 2>"$WORK_DIR/quoted.log" || { cat "$WORK_DIR/quoted.log"; fail "quoted --once failed"; }
	n=$(sql "SELECT count(*) FROM quotes")
	[ "$n" -ge 8 ] || fail "research fixtures gave $n quotes, want at least 8"
}

# expect_rc WANT CMD...: run CMD, keep its output in $WORK_DIR/out and err.
expect_rc() {
	want=$1
	shift
	rc=0
	"$@" >"$WORK_DIR/out" 2>"$WORK_DIR/err" || rc=$?
	[ "$rc" = "$want" ] || fail "'$*' exited $rc, want $want; stderr: $(cat "$WORK_DIR/err")"
}

assert_not_contains() { # haystack needle what
	case $1 in
	*"$2"*) fail "$3: did not expect '$2' in:
$1" ;;
	esac
}

# Lines of output.
count_lines() { printf '%s' "$1" | grep -c '' || true; }

# json_field JSON KEY: PostgreSQL parses the JSON (fails on invalid JSON)
# and prints the key's value.
json_field() {
	printf "SELECT (:'j'::jsonb)->>'%s'\n" "$2" | psql -X -q -A -t -v ON_ERROR_STOP=1 -v "j=$1"
}

# assert_no_controls FILE WHAT: no C0 control (other than tab and newline),
# DEL, C1 control or bidi override in FILE.
assert_no_controls() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" ||
		LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" ||
		LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')" "$1"; then
		od -c "$1" >&2
		fail "$2: control characters printed"
	fi
}
