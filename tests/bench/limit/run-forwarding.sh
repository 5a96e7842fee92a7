#!/bin/sh
# run-forwarding.sh [BINDIR]: cost per system call of the ways to run a call
# on the host after a PTRACE_SYSEMU stop (see mintracer.c), next to native,
# ptshim and strace, and the floor table: ptshim's cost over the minimal
# tracer that does the same thing. BINDIR holds the built workload and
# mintracer (default: the directory of this script). Builds nothing.
# `make bench-forwarding` runs it whole; `make bench` runs its floor part.
#
# Environment:
#   N=20000         calls per run. 200000 does not fit the two-minute budget
#                   on a 2-core VM: the slowest variant costs ~30 us per call
#                   even pinned, and there are 13 variants x 4 modes x ROUNDS.
#   ROUNDS=5        interleaved rounds; each runs every variant once, in order.
#   MODES           the workload's modes (default: getpid getpgrp read1 write1)
#   PTSHIM=path     also measure ptshim itself (its default forwarding), in
#                   the same rounds as the minimal tracers
#   PTSHIM_CMD      the command line put before the program to run it under
#                   ptshim (default "$PTSHIM --"), for other ptshim options
#   FLOOR=1         run only what the floor table needs (each mode's minimal
#                   tracer and ptshim) and print only that table
#   PLACEMENT=same  same:  tracer and tracee pinned together on CPU 0
#                   split: tracer on CPU 0, tracee on CPU 1 (every stop wakes
#                          the other CPU)
#                   free:  the scheduler decides; bimodal, noisy, slow
#
# Prints markdown tables. The first: median ns per call for each mode, its
# ratio to native and to strace, and the stops per call of each mintracer
# method (the stops it reported, less those of a 1-call run: start and
# exit). The floor: for each mode, ptshim's ns per call over the floor's:
# getpid over emu-getpid (a call answered in the tracer), read1 and write1
# over fromtracer-read (fd I/O done by the tracer), any other mode over the
# fastest forwarder (the method with the lowest median); the median of the
# per-round ratios and their min-max, against DESIGN.md's target of 1.2.
set -eu

dir=${1:-$(dirname "$0")}
N=${N:-20000}
ROUNDS=${ROUNDS:-5}
PLACEMENT=${PLACEMENT:-same}
FLOOR=${FLOOR:-0}
modes=${MODES:-"getpid getpgrp read1 write1"}
methods="emu-getpid rewind4 rewind3 trampoline fromtracer-read ptrace-syscall
         seccomp-rewind seccomp seccomp-exit seccomp-emu-getpid"
# The methods that run every call inside the tracee (emu-getpid and
# fromtracer-read forward the others as rewind4, seccomp-emu-getpid as seccomp).
forwarders="rewind4 rewind3 trampoline ptrace-syscall seccomp-rewind seccomp seccomp-exit"
target=1.2
if [ -z "${PTSHIM_CMD:-}" ] && [ -n "${PTSHIM:-}" ]; then
    PTSHIM_CMD="$PTSHIM --"
fi

for prog in workload mintracer; do
    if [ ! -x "$dir/$prog" ]; then
        echo "run-forwarding: $dir/$prog not built" >&2
        exit 2
    fi
done
variants="native $methods"
if [ -n "${PTSHIM_CMD:-}" ]; then
    variants="$variants ptshim"
fi
if command -v strace >/dev/null 2>&1; then
    variants="$variants strace"
fi
if [ "$FLOOR" = 1 ] && [ -z "${PTSHIM_CMD:-}" ]; then
    echo "run-forwarding: FLOOR=1 needs PTSHIM or PTSHIM_CMD" >&2
    exit 2
fi

# The minimal tracers a mode's ptshim figure is compared with.
floor_of() { # MODE
    case $1 in
    getpid) echo emu-getpid ;;
    read1|write1) echo fromtracer-read ;;
    *) echo "$forwarders" ;;
    esac
}

variants_for() { # MODE
    if [ "$FLOOR" = 1 ]; then
        echo "$(floor_of "$1") ptshim"
    else
        echo "$variants"
    fi
}

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

# run VARIANT MODE COUNT FILE: append "round variant mode ns stops" to FILE.
run() {
    work="$inner $dir/workload $2 $3"
    case $1 in
    native) cmd="$outer $work" ;;
    strace) cmd="$outer strace -f -o /dev/null $work" ;;
    ptshim) cmd="$outer $PTSHIM_CMD $work" ;;
    *)      cmd="$outer $dir/mintracer $1 -- $work" ;;
    esac
    # $cmd is split on purpose: it is a command line made of plain words.
    if ! $cmd </dev/null >"$tmp/out" 2>"$tmp/err"; then
        echo "run-forwarding: failed: $cmd" >&2
        cat "$tmp/err" >&2
        failed=1
        return 0
    fi
    ns=$(awk -v m="$2" '$1 == m { print $2 }' "$tmp/out")
    stops=$(awk '/^mintracer: .*: [0-9]+ stops$/ { print $(NF - 1) }' "$tmp/err")
    echo "$round $1 $2 ${ns:-nan} ${stops:--}" >>"$4"
}

# Stops of a 1-call run: the program's start and exit, subtracted below.
round=0
: >"$tmp/base"
if [ "$FLOOR" != 1 ]; then
    for mode in $modes; do
        for v in $methods; do
            run "$v" "$mode" 1 "$tmp/base"
        done
    done
fi

start=$(date +%s)
round=1
while [ "$round" -le "$ROUNDS" ]; do
    for mode in $modes; do
        for v in $(variants_for "$mode"); do
            run "$v" "$mode" "$N" "$results"
        done
    done
    round=$((round + 1))
done
elapsed=$(($(date +%s) - start))

# The floor table, from the same rounds.
floor_table() {
    echo "| call | ptshim ns | floor | floor ns | ptshim / floor | target | met |"
    echo "|---|---:|---|---:|---:|---:|---|"
    for mode in $modes; do
        awk -v mode="$mode" -v floors="$(floor_of "$mode")" -v target="$target" '
            function sort(a, n,    i, j, t) {
                for (i = 2; i <= n; i++)
                    for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
                        t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
                    }
            }
            function median(key,    n, k, a) {
                n = cnt[key]
                for (k = 1; k <= n; k++)
                    a[k] = val[key, k]
                sort(a, n)
                return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
            }
            $3 == mode && $4 != "nan" {
                cnt[$2]++; val[$2, cnt[$2]] = $4 + 0; at[$2, $1] = $4 + 0; rounds[$1] = 1
            }
            END {
                what["getpid"] = "getpid (answered in the tracer)"
                what["read1"] = "read1 (fd I/O from the tracer)"
                what["write1"] = "write1 (fd I/O from the tracer)"
                name = mode in what ? what[mode] : mode " (passed to the host)"
                nf = split(floors, f, " ")
                best = ""
                for (i = 1; i <= nf; i++)
                    if (cnt[f[i]] && (best == "" || median(f[i]) < median(best)))
                        best = f[i]
                if (!cnt["ptshim"] || best == "") {
                    printf "| %s | - | %s | - | - | %.1f | no run |\n", name, floors, target
                    exit
                }
                n = 0
                for (r in rounds)
                    if ((best, r) in at && ("ptshim", r) in at)
                        ratio[++n] = at["ptshim", r] / at[best, r]
                sort(ratio, n)
                m = n % 2 ? ratio[(n + 1) / 2] : (ratio[n / 2] + ratio[n / 2 + 1]) / 2
                label = nf > 1 ? best " (fastest of " nf ")" : best
                printf "| %s | %.0f | %s | %.0f | %.2f (%.2f-%.2f) | %.1f | %s |\n", name,
                       median("ptshim"), label, median(best), m, ratio[1], ratio[n], target,
                       m <= target ? "yes" : "no"
            }' "$results"
    done
    echo
    echo "$(uname -r), $(nproc) CPUs, N=$N, $ROUNDS interleaved rounds, median and" \
         "min-max of the per-round ratios; placement: $PLACEMENT; ${elapsed}s."
    echo "ptshim: \`$PTSHIM_CMD PROGRAM\`. Forwarders: $forwarders."
}

if [ "$FLOOR" = 1 ]; then
    floor_table
    exit "$failed"
fi

echo "## Forwarding a system call after a SYSEMU stop: ns per call"
echo
echo "$(uname -r), $(nproc) CPUs, N=$N, $ROUNDS interleaved rounds, median;" \
     "placement: $PLACEMENT; ${elapsed}s"
echo
awk -v modes="$modes" -v variants="$variants" -v n="$N" '
    FILENAME != ARGV[1] { base[$2 " " $3] = $5; next }
    { key = $2 " " $3; cnt[key]++; val[key, cnt[key]] = $4; stops[key] = $5 }
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
if [ -n "${PTSHIM_CMD:-}" ]; then
    echo
    echo "## The floor: ptshim over the minimal tracer doing the same"
    echo
    floor_table
fi
exit "$failed"
