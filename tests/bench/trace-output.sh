#!/bin/sh
# trace-output.sh BINDIR: the cost of a full trace written to a file,
# ptshim -o FILE against strace -f -o FILE, on the same programs in the
# same run.  BINDIR holds the built workload (tests/bench/limit).
#
# Environment:
#   PTSHIM=path   the ptshim to measure (required)
#   ROUNDS=5      interleaved rounds: each runs ptshim, then strace, on
#                 every workload, so that drifts of the machine hit both
#   N=50000       calls of the micro workloads
#
# Prints a markdown table: for each workload the median wall time of each
# tool and their ratio (ptshim / strace: below 1 is faster), and for the
# micro workloads the median ns per call as the workload itself measures
# it (start-up excluded).
set -eu

dir=${1:?usage: trace-output.sh BINDIR}
: "${PTSHIM:?PTSHIM must name the ptshim to measure}"
ROUNDS=${ROUNDS:-5}
N=${N:-50000}
command -v strace >/dev/null 2>&1 || { echo "trace-output: strace is not installed" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# name|command (run by sh -c; output discarded)
workloads="read1|$dir/workload read1 $N
write1|$dir/workload write1 $N
getpid|$dir/workload getpid $N
find|find /usr/share -maxdepth 3
ls -lR|ls -lR /usr/share/doc
sh loop|sh -c 'i=0; while [ \$i -lt 200 ]; do /bin/true; i=\$((i + 1)); done'"

now_ns() { date +%s%N; }

run() { # TOOL NAME COMMAND: one timed run, appended to the results
    tool=$1 name=$2 cmd=$3
    case $tool in
    ptshim) runner="$PTSHIM -o $tmp/trace --" ;;
    strace) runner="strace -f -o $tmp/trace" ;;
    esac
    t0=$(now_ns)
    out=$(sh -c "exec $runner $cmd" 2>/dev/null | tail -n 1) || true
    t1=$(now_ns)
    per_call=$(echo "$out" | awk 'NF == 2 && $2 ~ /^[0-9]+$/ { print $2 }')
    echo "$tool|$name|$(( (t1 - t0) / 1000 ))|${per_call:--}" >>"$tmp/results"
}

# warm-up: page cache, binaries
echo "$workloads" | while IFS='|' read -r name cmd; do
    sh -c "$cmd" >/dev/null 2>&1 || true
done
r=1
while [ $r -le "$ROUNDS" ]; do
    echo "$workloads" | while IFS='|' read -r name cmd; do
        run ptshim "$name" "$cmd"
        run strace "$name" "$cmd"
    done
    r=$((r + 1))
done

median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'; }

echo "| workload | ptshim -o (ms) | strace -f -o (ms) | ratio | ptshim ns/call | strace ns/call |"
echo "|---|---:|---:|---:|---:|---:|"
echo "$workloads" | while IFS='|' read -r name cmd; do
    for tool in ptshim strace; do
        awk -F'|' -v t=$tool -v n="$name" '$1 == t && $2 == n { print $3 }' "$tmp/results" |
            median >"$tmp/$tool.wall"
        awk -F'|' -v t=$tool -v n="$name" '$1 == t && $2 == n && $4 != "-" { print $4 }' \
            "$tmp/results" | median >"$tmp/$tool.call"
    done
    pw=$(cat "$tmp/ptshim.wall") sw=$(cat "$tmp/strace.wall")
    awk -v n="$name" -v pw="$pw" -v sw="$sw" -v pc="$(cat "$tmp/ptshim.call")" \
        -v sc="$(cat "$tmp/strace.call")" \
        'BEGIN { printf "| %s | %.0f | %.0f | %.2f | %s | %s |\n", n, pw / 1000, sw / 1000, pw / sw, pc, sc }'
done
echo
echo "$ROUNDS interleaved rounds, medians; N=$N calls for the micro workloads; $(nproc) CPUs, unpinned."
