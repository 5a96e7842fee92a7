# shellcheck shell=sh
# trace-progs.sh: run the trace-expectation programs of one list file
# (tests/progs/trace/LIST.list: "NAME<TAB>OPTIONS" per line) under ptshim
# and diff each program's expected trace (its stdout) against the trace
# ptshim wrote (stderr), as strace's test suite does.  Sourced by
# trace-LIST.test with LIST set.
. "$srcdir/tests/integration/lib.sh"

# shellcheck disable=SC2153 # LIST is the sourcing test's
list=$srcdir/tests/progs/trace/$LIST.list
[ -f "$list" ] || framework_failure_ "no list $list"

fails=0 runs=0 skips=0
while IFS='	' read -r name opts; do
    case $name in '' | '#'*) continue ;; esac
    prog=$PROGS/trace/$name
    [ -x "$prog" ] || framework_failure_ "$prog is not built"
    dir=$(mktemp -d "$TEST_TMP/$name.XXXXXX") || framework_failure_ "mktemp"
    # shellcheck disable=SC2086,SC3045 # OPTIONS are words; dash's ulimit has -c
    (cd "$dir" && ulimit -c 0 && exec timeout -k 5 60 "$PTSHIM" -f -q -a0 $opts -- "$prog" \
        >"$dir.expected" 2>"$dir.trace")
    rc=$?
    runs=$((runs + 1))
    if [ $rc = 77 ]; then
        skips=$((skips + 1))
        echo "skip: $name"
        continue
    fi
    if [ $rc != 0 ] || ! diff -u "$dir.expected" "$dir.trace" >"$dir.diff"; then
        fails=$((fails + 1))
        echo "FAIL: $name ($opts): exit status $rc"
        head -n 40 "$dir.diff"
    fi
done <"$list"
echo "$LIST: $runs programs, $fails failed, $skips skipped"
[ $fails = 0 ]
