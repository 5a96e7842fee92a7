# shellcheck shell=sh
# lib.sh: sourced by every integration test (tests/integration/*.test).
#
# Exit statuses follow automake: 0 pass, 1 fail, 77 skip, 99 hard error.
# The harness exports PTSHIM (the built ptshim), PROGS (the built
# tests/progs) and srcdir.

set -u

: "${PTSHIM:?PTSHIM must name the ptshim binary}"
: "${PROGS:?PROGS must name the tests/progs build directory}"
: "${srcdir:=.}"

skip_() { echo "SKIP: $*"; exit 77; }
fail_() { echo "FAIL: $*"; exit 1; }
framework_failure_() { echo "HARD ERROR: $*"; exit 99; }

# A scratch directory for this test, removed at exit.
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ptshim-test.XXXXXX") ||
    framework_failure_ "mktemp failed"
trap 'rm -rf "$TEST_TMP"' EXIT

require_prog_() {
    for p in "$@"; do
        command -v "$p" >/dev/null 2>&1 || skip_ "$p is not installed"
    done
}

# unused_user_ PROGRAM...: set AS_UNUSED to a setpriv(1) prefix that runs
# a command as a user ID of its own, which no account names and no process
# has (other tests run as nobody beside this one), and make TEST_TMP
# reachable to it.  Returns 1, the reason in UNUSED_WHY, where that cannot
# be (not root, no setpriv, a PROGRAM it cannot run).
# shellcheck disable=SC2034 # UNUSED_WHY is the caller's
unused_user_() {
    AS_UNUSED='' UNUSED_WHY=''
    if [ "$(id -u)" != 0 ]; then
        UNUSED_WHY="becoming another user needs root (running as $(id -un))"
        return 1
    fi
    command -v setpriv >/dev/null 2>&1 || { UNUSED_WHY="setpriv is not installed"; return 1; }
    for u in $((61000 + $$ % 1000)) $((62000 + $$ % 1000)) $((63000 + $$ % 1000)); do
        getent passwd "$u" >/dev/null 2>&1 && continue
        if [ -z "$(ps -o pid= -u "$u" 2>/dev/null)" ]; then
            AS_UNUSED="setpriv --reuid=$u --regid=$u --clear-groups"
            break
        fi
    done
    [ -n "$AS_UNUSED" ] || { UNUSED_WHY="no unused user ID found"; return 1; }
    $AS_UNUSED true 2>/dev/null || { UNUSED_WHY="setpriv cannot become user $u"; return 1; }
    for p in "$PTSHIM" "$@"; do
        $AS_UNUSED test -x "$p" || { UNUSED_WHY="user $u cannot run $p"; return 1; }
    done
    chmod 755 "$TEST_TMP"
}

# wait_until_ SECONDS COMMAND...: poll COMMAND every 50 ms until it
# succeeds; returns 1 if it still fails after SECONDS.
wait_until_() {
    tries=$(($1 * 20))
    shift
    until "$@"; do
        tries=$((tries - 1))
        [ $tries -gt 0 ] || return 1
        sleep 0.05
    done
}

# PTSHIM_TEST_OPTS (make check PTSHIM_TEST_OPTS=--sysemu): options every
# run of ptshim in the tests gets first, through a wrapper that execs it
# (same process, same exit status), so that the whole suite can run with
# each way of stopping system calls; a run that chooses its own (--sysemu,
# --seccomp-bpf) keeps it.  In perl, since a shell would add PWD to the
# program's environment.
# A test that must run the binary itself (under valgrind) runs
# "$PTSHIM_REAL" $PTSHIM_TEST_OPTS.
# shellcheck disable=SC2034 # for the tests that source this file
PTSHIM_REAL=$PTSHIM
if [ -n "${PTSHIM_TEST_OPTS:-}" ]; then
    # the values go into the script: runs get a fixed environment (env -i)
    # shellcheck disable=SC2016 # the $ are perl's
    { printf '#!/usr/bin/perl\nmy $p = q\001%s\001;\nmy @o = split(" ", q\001%s\001);\n@o = () if grep { $_ eq "--sysemu" || $_ eq "--seccomp-bpf" } @ARGV;\nexec { $p } $p, @o, @ARGV;\nexit 125;\n' \
        "$PTSHIM" "$PTSHIM_TEST_OPTS" >"$TEST_TMP/.wrapper" &&
        mkdir "$TEST_TMP/.bin" && mv "$TEST_TMP/.wrapper" "$TEST_TMP/.bin/ptshim" &&
        chmod +x "$TEST_TMP/.bin/ptshim"; } || framework_failure_ "cannot write the ptshim wrapper"
    # tests that run ptshim as another user (setpriv) must reach it
    chmod o+x "$TEST_TMP" "$TEST_TMP/.bin" || framework_failure_ "cannot open the wrapper's directory"
    PTSHIM=$TEST_TMP/.bin/ptshim
fi

# ptrace may be forbidden (yama scope 3, a container's seccomp policy):
# then no integration test can say anything.
require_ptrace_() {
    if ! "$PTSHIM" -- true 2>"$TEST_TMP/ptrace.err"; then
        if grep -q 'Operation not permitted' "$TEST_TMP/ptrace.err"; then
            skip_ "ptrace is not permitted here: $(cat "$TEST_TMP/ptrace.err")"
        fi
    fi
}
require_ptrace_

# The fixed environment both runs get (with HOME and PROGS), for env -i.
FIXED_ENV="PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C LC_ALL=C TZ=UTC TERM=dumb"

# run_waited_ OUT -- COMMAND...: run COMMAND as a child of perl, which
# writes its exact wait status to OUT ("exit N", "signal N", "signal N core"
# or "timeout"), so a death by SIGTERM is not taken for "exit 143".  No core
# files (they would land in the compared directory); a run that hangs is
# killed after RUN_TIMEOUT seconds.
run_waited_() {
    out=$1
    shift 2
    # shellcheck disable=SC3045 # dash's ulimit has -c, as bash's
    ulimit -c 0
    perl -e '
        my $out = shift;
        my $pid = fork() // die "fork: $!";
        if ($pid == 0) { exec { $ARGV[0] } @ARGV; exit 127; }
        local $SIG{ALRM} = sub { kill "KILL", $pid; };
        alarm($ENV{RUN_TIMEOUT} || 60);
        waitpid($pid, 0);
        my $st = $?;
        my $timed_out = alarm(0) == 0;
        open(my $fh, ">", $out) or die "$out: $!";
        if ($timed_out && ($st & 127) == 9) { print $fh "timeout\n"; }
        elsif ($st & 127) { printf $fh "signal %d%s\n", $st & 127, ($st & 128) ? " core" : ""; }
        else { printf $fh "exit %d\n", $st >> 8; }
    ' "$out" "$@"
}

# Describe what a run left in its directory: type, mode, size, link target
# and checksum of every entry, sorted.  Times are left out: they differ.
snapshot_dir_() {
    (
        cd "$1" || exit 99
        find . -mindepth 1 -printf '%y %m %s %p -> %l\n' | LC_ALL=C sort
        find . -mindepth 1 -type f -print0 | LC_ALL=C sort -z | xargs -0r md5sum
    )
}

# run_in_dir_ DIR MODE STDIN COMMAND...: one run, in DIR, with the fixed
# environment; outputs and status in $TEST_TMP/MODE.{out,err,status}.
run_in_dir_() {
    (
        cd "$1" || exit 99
        mode=$2 stdin=$3
        shift 3
        # shellcheck disable=SC2086
        run_waited_ "$TEST_TMP/$mode.status" -- env -i $FIXED_ENV HOME="$PWD" PROGS="$PROGS" \
            "$@" <"$stdin" >"$TEST_TMP/$mode.out" 2>"$TEST_TMP/$mode.err"
    )
}

# compare_runs [OPTIONS] -- COMMAND [ARGS...]
#
# Runs COMMAND natively and then under ptshim, each time in the same freshly
# emptied directory $TEST_TMP/run (so absolute paths agree) with the fixed
# environment, and compares stdout, stderr, the exit status and the files
# written there.  Options:
#   --stdin FILE     feed FILE on standard input (default /dev/null)
#   --setup 'CMD'    run shell CMD in the empty directory before each run
#   --filter 'SED'   sed script applied to stdout and stderr of both runs
#                    (a declared normalisation, e.g. of pids or times)
#   --ptshim-opts 'OPTS'  extra ptshim options (word-split)
#   --no-files       do not compare the directory contents
#   --exec-may-fail  the command itself may exit 126/127 (a shell testing a
#                    failing execve); otherwise that is a harness error
#   --reference 'PREFIX'  the run to compare with is PREFIX COMMAND instead
#                    of COMMAND natively (word-split; e.g. "strace -f -o
#                    /dev/null" where a traced program differs from a free one)
#   --wrap 'PREFIX'  both runs are started by PREFIX (word-split; e.g. a
#                    setpriv(1) that runs them, ptshim included, as another
#                    user)
compare_runs() {
    stdin=/dev/null setup='' filter='' popts='' files=yes exec_may_fail='' reference='' wrap=''

    while [ $# -gt 0 ]; do
        case $1 in
        --stdin) stdin=$2; shift 2 ;;
        --setup) setup=$2; shift 2 ;;
        --filter) filter=$2; shift 2 ;;
        --ptshim-opts) popts=$2; shift 2 ;;
        --no-files) files=; shift ;;
        --exec-may-fail) exec_may_fail=yes; shift ;;
        --reference) reference=$2; shift 2 ;;
        --wrap) wrap=$2; shift 2 ;;
        --) shift; break ;;
        *) framework_failure_ "compare_runs: unknown option $1" ;;
        esac
    done
    dir=$TEST_TMP/run
    for mode in native ptshim; do
        { rm -rf "$dir" && mkdir "$dir"; } || framework_failure_ "cannot make $dir"
        if [ -n "$setup" ]; then
            (cd "$dir" && eval "$setup") || framework_failure_ "setup failed: $setup"
        fi
        # shellcheck disable=SC2086
        if [ $mode = native ]; then
            run_in_dir_ "$dir" $mode "$stdin" $wrap $reference "$@"
        else
            run_in_dir_ "$dir" $mode "$stdin" $wrap "$PTSHIM" $popts -- "$@"
        fi
        [ -s "$TEST_TMP/$mode.status" ] || framework_failure_ "no status recorded for: $*"
        if [ -n "$filter" ]; then
            for s in out err; do
                sed -e "$filter" "$TEST_TMP/$mode.$s" >"$TEST_TMP/$mode.$s.f" &&
                    mv "$TEST_TMP/$mode.$s.f" "$TEST_TMP/$mode.$s"
            done
        fi
        if [ -n "$files" ]; then
            snapshot_dir_ "$dir" >"$TEST_TMP/$mode.files"
        else
            : >"$TEST_TMP/$mode.files"
        fi
    done
    # a tracee program whose own setup failed (tests/progs/tests.h) proves
    # nothing either
    if grep -q ': CHECK(.*) failed' "$TEST_TMP/native.err"; then
        framework_failure_ "the native run failed its setup: $(head -c 300 "$TEST_TMP/native.err")"
    fi
    # a command that did not run at all proves nothing
    case $(cat "$TEST_TMP/native.status") in
    timeout) framework_failure_ "the native run timed out: $*" ;;
    esac
    case $exec_may_fail$(cat "$TEST_TMP/native.status") in
    "exit 126" | "exit 127") framework_failure_ "the native run could not execute: $* ($(head -c 300 "$TEST_TMP/native.err"))" ;;
    esac
    rc=0
    ref=native
    [ -z "$reference" ] || ref="$reference"
    for s in status out err files; do
        if ! cmp -s "$TEST_TMP/native.$s" "$TEST_TMP/ptshim.$s"; then
            echo "--- $s differs ($ref vs ptshim) for: $*"
            diff -u "$TEST_TMP/native.$s" "$TEST_TMP/ptshim.$s" | head -n 40
            rc=1
        fi
    done
    [ $rc = 0 ] || fail_ "$ref and ptshim runs differ: $*"
    echo "ok: $* (status $(cat "$TEST_TMP/native.status")${reference:+, as under $reference})"
}

# sum_reports_ OUT REPORT...: the rows of several ptshim --report files
# (text) added up call by call into OUT, in their layout (the calls in
# the order first seen, the layer column made again from the sums): what
# one run of all the programs would have reported, for a family of calls
# that several programs make.
sum_reports_() {
    out=$1
    shift
    awk '
        FNR == 1 {
            if (!ncols) { ncols = NF; for (i = 1; i <= NF; i++) head[i] = $i }
            next
        }
        $1 == "total" { next }
        {
            if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
            for (i = 2; i < ncols; i++) sum[$1, i] += $i
        }
        END {
            printf "%-24s", head[1]
            for (i = 2; i < ncols; i++) printf " %10s", head[i]
            printf "  %s\n", head[ncols]
            for (r = 1; r <= n; r++) {
                name = order[r]
                layers = ""
                printf "%-24s", name
                for (i = 2; i < ncols; i++) {
                    printf " %10d", sum[name, i]
                    total[i] += sum[name, i]
                    if (i > 2 && sum[name, i]) layers = layers (layers == "" ? "" : "+") head[i]
                }
                printf "  %s\n", layers
            }
            printf "%-24s", "total"
            for (i = 2; i < ncols; i++) printf " %10d", total[i]
            printf "\n"
        }' "$@" >"$out" || framework_failure_ "cannot add up the reports $*"
}

# by_shim_ REPORT CALL [HOST]: the row of CALL in the --report table REPORT
# says the shim took every one of its calls, at least one: answered them
# itself ("shim") or checked them and had the host run them as made
# ("checked"); none went to the host unchecked (but HOST of them, 0 unless
# given: the program's first execve) and none was refused with ENOSYS.
# Columns: syscall calls shim checked host enosys layer.
by_shim_() {
    awk -v c="$2" -v host="${3:-0}" '
        $1 == c { found = 1; ok = $3 + $4 >= 1 && $3 + $4 == $2 - host && $5 == host && $6 == 0 }
        END { exit !(found && ok) }' "$1"
}
