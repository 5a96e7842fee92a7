#!/bin/sh
# run-forwarding.sh [BINDIR]: cost per system call of the ways to run a call
# on the host after a PTRACE_SYSEMU stop (see mintracer.c), next to native
# and strace. BINDIR holds the built workload and mintracer (default: the
# directory of this script). Builds nothing.
#
# Environment:
#   N=20000         calls per run. 200000 does not fit the two-minute budget
#                   on a 2-core VM: the slowest variant costs ~30 us per call
#                   even pinned, and there are 13 variants x 3 modes x ROUNDS.
#   ROUNDS=5        interleaved rounds; each runs every variant once, in order.
#   PTSHIM=path     also measure ptshim itself (its default forwarding), in
#                   the same rounds as the minimal tracers
#   PLACEMENT=same  same:  tracer and tracee pinned together on CPU 0
#                   split: tracer on CPU 0, tracee on CPU 1 (every stop wakes
#                          the other CPU)
#                   free:  the scheduler decides; bimodal, noisy, slow
#
# Prints a markdown table: median ns per call for each mode, its ratio to
# native and to strace, and the stops per call of each mintracer method (the
# stops it reported, less those of a 1-call run: start and exit).
set -eu

dir=${1:-$(dirname "$0")}
N=${N:-20000}
ROUNDS=${ROUNDS:-5}
PLACEMENT=${PLACEMENT:-same}
modes="getpid read1 write1"
methods="emu-getpid rewind4 rewind3 trampoline fromtracer-read ptrace-syscall
         seccomp-rewind seccomp seccomp-exit seccomp-emu-getpid"

for prog in workload mintracer; do
    if [ ! -x "$dir/$prog" ]; then
        echo "run-forwarding: $dir/$prog not built" >&2
        exit 2
    fi
done
variants="native $methods"
if [ -n "${PTSHIM:-}" ]; then
    variants="$variants ptshim"
fi
if command -v strace >/dev/null 2>&1; then
    variants="$variants strace"
fi

# The tracer's pinning is inherited by the tracee unless the tracee re-pins.
case $PLACEMENT in
same)  outer="taskset -c 0"; inner="" ;;
split) outer="taskset -c 0"; inner="taskset -c 1" ;;
free)  outer=""; inner="" ;;
*)     echo "run-forwarding: PLACEMENT is same, split or free" >&2; exit 2 ;;
esac
if [ -n "$outer" ] && ! command -v taskset >/dev/null 2>&1; then
    echo "run-forwarding: no taskset, running with PLACEMENT=free" >&2
    PLACEMENT=free; outer=""; inner=""
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
results=$tmp/results
: >"$results"
failed=0

# run VARIANT MODE COUNT FILE: append "variant mode ns stops" to FILE.
run() {
    work="$inner $dir/workload $2 $3"
    case $1 in
    native) cmd="$outer $work" ;;
    strace) cmd="$outer strace -f -o /dev/null $work" ;;
    ptshim) cmd="$outer $PTSHIM -- $work" ;;
    *)      cmd="$outer $dir/mintracer $1 -- $work" ;;
    esac
    # $cmd is split on purpose: it is a command line made of plain words.
    if ! $cmd >"$tmp/out" 2>"$tmp/err"; then
        echo "run-forwarding: failed: $cmd" >&2
        cat "$tmp/err" >&2
        failed=1
        return 0
    fi
    ns=$(awk -v m="$2" '$1 == m { print $2 }' "$tmp/out")
    stops=$(awk '/^mintracer: .*: [0-9]+ stops$/ { print $(NF - 1) }' "$tmp/err")
    echo "$1 $2 ${ns:-nan} ${stops:--}" >>"$4"
}

# Stops of a 1-call run: the program's start and exit, subtracted below.
for mode in $modes; do
    for v in $methods; do
        run "$v" "$mode" 1 "$tmp/base"
    done
done

start=$(date +%s)
round=1
while [ "$round" -le "$ROUNDS" ]; do
    for mode in $modes; do
        for v in $variants; do
            run "$v" "$mode" "$N" "$results"
        done
    done
    round=$((round + 1))
done
elapsed=$(($(date +%s) - start))

echo "## Forwarding a system call after a SYSEMU stop: ns per call"
echo
echo "$(uname -r), $(nproc) CPUs, N=$N, $ROUNDS interleaved rounds, median;" \
     "placement: $PLACEMENT; ${elapsed}s"
echo
awk -v modes="$modes" -v variants="$variants" -v n="$N" '
    FILENAME != ARGV[1] { base[$1 " " $2] = $4; next }
    { key = $1 " " $2; cnt[key]++; val[key, cnt[key]] = $3; stops[key] = $4 }
    function median(key,    k, i, j, t, a) {
        k = cnt[key]
        if (!k)
            return "nan"
        for (i = 1; i <= k; i++)
            a[i] = val[key, i] + 0
        for (i = 2; i <= k; i++)
            for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
                t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
            }
        return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    function ratio(x, y) {
        return (x == "nan" || y == "nan" || y == 0) ? "-" : sprintf("%.2f", x / y)
    }
    END {
        nm = split(modes, m, " ")
        nv = split(variants, v, " ")
        hdr = "| variant |"; sep = "|---|"
        for (i = 1; i <= nm; i++) {
            hdr = hdr sprintf(" %s ns | x native | x strace |", m[i])
            sep = sep "---:|---:|---:|"
        }
        print hdr " stops/call (" modes ") |"
        print sep "---|"
        for (i = 1; i <= nm; i++) {
            nat[m[i]] = median("native " m[i])
            st[m[i]] = median("strace " m[i])
        }
        for (j = 1; j <= nv; j++) {
            line = "| " v[j] " |"
            spc = ""
            for (i = 1; i <= nm; i++) {
                key = v[j] " " m[i]
                x = median(key)
                line = line sprintf(" %s | %s | %s |", x, ratio(x, nat[m[i]]),
                                    ratio(x, st[m[i]]))
                s = stops[key]
                b = base[key]
                spc = spc (i > 1 ? " / " : "") (s == "-" || b == "" || b == "-" || n < 2 ? "-" : \
                      sprintf("%.2f", (s - b) / (n - 1)))
            }
            print line " " spc " |"
        }
    }' "$results" "$tmp/base"
exit "$failed"
