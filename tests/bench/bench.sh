#!/bin/sh
# bench.sh BINDIR: what ptshim costs, next to native runs, strace and proot,
# as markdown tables (see tests/bench/README for how to read them).  POSIX sh
# and awk (mawk is enough); BINDIR holds the built workload and mintracer
# (tests/bench/limit).  `make bench` and `make bench-quick` run it.
#
# Sections (SECTIONS, in this order):
#   micro      the workload's modes, each timing its own loop (ns/op)
#   macro      whole programs, timed from outside (ms), inputs generated
#              in a temporary directory at run time
#   floor      ptshim against the minimal tracers (limit/run-forwarding.sh)
#   placement  where the tracer and the tracee run
#
# Every tool's run is paired with a native run right after it (tool, native,
# tool, native ...), PAIRS pairs after one warm-up run of each.  A cell is the
# median of the per-pair ratios tool/native, and their min-max.
#
# Environment (defaults for `make bench`; QUICK=1 gives `make bench-quick`'s):
#   PTSHIM=path          the ptshim to measure (required)
#   PTSHIM_VARIANTS      the ptshim columns: NAME:OPTIONS entries joined by |.
#                        Default 'default:|bpf:--seccomp-bpf|sysemu:--sysemu|
#                        trace:-o $tmp/trace|strict:--strict'.
#                        OPTIONS go before `--`; $tmp (the bench's temporary
#                        directory) is expanded. E.g. to add a column:
#                        PTSHIM_VARIANTS='default:|bpf:--seccomp-bpf'. The
#                        first one is also the ptshim of the floor and
#                        placement tables.
#   MACRO_SKIP           the ptshim variants (NAMEs) left out of the macro
#                        table, whose whole programs take long. Default
#                        "bpf sysemu".
#   OTHERS               the other tools, NAME:COMMAND-PREFIX entries joined
#                        by |. Default 'strace:strace -f -o /dev/null|proot:proot'.
#                        Set but empty (OTHERS=), no such column.
#   PAIRS=5 (quick: 3)   timed pairs per workload and tool
#   SCALE=70 (quick: 20) percent of each micro workload's operations
#   MICRO, MACRO         the workloads to run (names as in the tables)
#   SH_PROCS=500 GCC_LINES=2000 MAKE_UNITS=2 TAR_FILES=3000
#   FIND_ROOT=/usr PY_FILES=20000   sizes of the macro workloads (about 9
#                        of make bench's 10 minutes on an idle 2-core VM,
#                        find /usr half of it)
#   PLACEMENTS           NAME:OUTER:PTSHIM-OPTIONS:INNER entries joined by |:
#                        OUTER prefixes ptshim, PTSHIM-OPTIONS go before its
#                        `--`, INNER prefixes the program (under ptshim).
#                        Default: each --placement policy (free first, the
#                        reference of "x free"), and split: 'taskset -c
#                        0:--placement=free:taskset -c 1', the tracer and
#                        the program on two CPUs.
#   PLACEMENT_MICRO      the micro workloads of the placement table
#   FLOOR_N, FLOOR_ROUNDS, FLOOR_PLACEMENT   passed to run-forwarding.sh as
#                        N, ROUNDS, PLACEMENT
set -eu

dir=${1:?usage: bench.sh BINDIR}
: "${PTSHIM:?PTSHIM must name the ptshim to measure}"
here=$(cd "$(dirname "$0")" && pwd)
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
    PAIRS=${PAIRS:-3}
    SCALE=${SCALE:-20}
    MICRO=${MICRO:-"getpid pipe clock"}
    MACRO=${MACRO:-"shloop"}
    SH_PROCS=${SH_PROCS:-5}
    TAR_FILES=${TAR_FILES:-200}
    PY_FILES=${PY_FILES:-${TAR_FILES}}
    PLACEMENT_MICRO=${PLACEMENT_MICRO:-"getpid pipe"}
    FLOOR_N=${FLOOR_N:-800}
    FLOOR_ROUNDS=${FLOOR_ROUNDS:-3}
fi
PAIRS=${PAIRS:-5}
SCALE=${SCALE:-70}
MICRO=${MICRO:-"getpid getpgrp read1 write1 open stat mmap pipe fork spawn futex clock"}
MACRO=${MACRO:-"shloop gcc make tar find python"}
SH_PROCS=${SH_PROCS:-500}
GCC_LINES=${GCC_LINES:-2000}
MAKE_UNITS=${MAKE_UNITS:-2}
TAR_FILES=${TAR_FILES:-3000}
FIND_ROOT=${FIND_ROOT:-/usr}
PY_FILES=${PY_FILES:-20000}
PLACEMENT_MICRO=${PLACEMENT_MICRO:-"getpid pipe futex compute2"}
FLOOR_N=${FLOOR_N:-5000}
FLOOR_ROUNDS=${FLOOR_ROUNDS:-5}
FLOOR_PLACEMENT=${FLOOR_PLACEMENT:-same}
SECTIONS=${SECTIONS:-"micro macro floor placement"}
MACRO_SKIP=${MACRO_SKIP-"bpf sysemu"}
# Single quotes: $tmp is expanded when the variants are read, below.
# shellcheck disable=SC2016
PTSHIM_VARIANTS=${PTSHIM_VARIANTS-'default:|bpf:--seccomp-bpf|sysemu:--sysemu|trace:-o $tmp/trace|strict:--strict'}
OTHERS=${OTHERS-'strace:strace -f -o /dev/null|proot:proot'}
PLACEMENTS=${PLACEMENTS:-'free::--placement=free:|auto::--placement=auto:|together::--placement=together:|tracer::--placement=tracer:|split:taskset -c 0:--placement=free:taskset -c 1'}

for prog in workload mintracer; do
    if [ ! -x "$dir/$prog" ]; then
        echo "bench: $dir/$prog not built" >&2
        exit 2
    fi
done
case $(date +%N) in
*[!0-9]*) echo "bench: date +%N does not give nanoseconds (GNU date needed)" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/run"
start=$(date +%s)

# ---------------------------------------------------------------- tools
# $tmp/tools: one line per column: ID|HEADER|PREFIX|STATE, where PREFIX is
# the command line put before the program and STATE is "ok" or why not.
: >"$tmp/tools"
add_tool() { # ID HEADER PREFIX
    cmd=${3%% *}
    if [ -n "$cmd" ] && ! command -v "$cmd" >/dev/null 2>&1; then
        state="$cmd not installed"
    else
        state=ok
    fi
    echo "$1|$2|$3|$state" >>"$tmp/tools"
}
echo "$PTSHIM_VARIANTS" | tr '|' '\n' >"$tmp/variants"
while IFS= read -r v; do
    [ -n "$v" ] || continue
    name=${v%%:*} opts=${v#*:}
    [ "$name" != "$v" ] || opts=
    eval "opts=\"$opts\""
    add_tool "ptshim-$name" "ptshim $name" "$PTSHIM${opts:+ $opts} --"
done <"$tmp/variants"
echo "$OTHERS" | tr '|' '\n' >"$tmp/others"
while IFS= read -r o; do
    [ -n "$o" ] || continue
    add_tool "${o%%:*}" "${o%%:*}" "${o#*:}"
done <"$tmp/others"

tool_field() { # ID FIELD
    awk -F'|' -v id="$1" -v f="$2" '$1 == id { print $f }' "$tmp/tools"
}

# ---------------------------------------------------------------- runs
# The number of operations of each micro workload under a tool and natively
# (at SCALE 100): some 40-80 ms under a tracer on a 2-core VM (where a
# traced call costs 20-60 us, a fork 2-6 ms). Native runs do more
# operations, to last some 20-40 ms: the same count would last a few ms,
# where one preemption doubles the time.
micro_ops() { # MODE -> "N NATIVE_N"
    m=$1
    case $1 in
    getpid|getpgrp|read1|write1|stat) set -- 1500 15000 ;;
    open) set -- 700 7000 ;;
    mmap) set -- 200 600 ;;
    pipe) set -- 400 2000 ;;
    fork) set -- 15 15 ;;
    spawn) set -- 8 8 ;;
    futex) set -- 800 4000 ;;
    clock) set -- 1500000 1500000 ;;
    compute2) set -- 100 300 ;;
    *) echo "bench: unknown micro workload $1" >&2; exit 2 ;;
    esac
    # clock costs no stop: its runs stay long enough to be measured.
    if [ "$m" = clock ] && [ "$SCALE" -lt 33 ]; then
        echo "500000 500000"
        return 0
    fi
    echo "$((($1 * SCALE + 99) / 100)) $((($2 * SCALE + 99) / 100))"
}

# why STATUS: the reason of a failed run, for a table cell (no "|").
why() {
    echo "exit status $1: $(grep -v '^ptshim: strict:' "$tmp/err" | head -n 1)" |
        tr '|' '/' >"$tmp/why"
}

# run_micro PREFIX MODE N: ns/op on stdout; on failure, "fail" and the
# reason in $tmp/why. $PREFIX is split into words on purpose.
run_micro() {
    # shellcheck disable=SC2086
    if $1 "$dir/workload" "$2" "$3" </dev/null >"$tmp/out" 2>"$tmp/err"; then
        r=$(awk -v m="$2" '$1 == m && NF == 2 && $2 ~ /^[0-9.]+$/ { print $2 }' "$tmp/out")
        if [ -z "$r" ]; then
            echo "no result line" >"$tmp/why"
            r=fail
        fi
        echo "$r"
    else
        why $?
        echo fail
    fi
}

# run_macro PREFIX NAME OUT: wall time in ns on stdout, the program's
# stdout to OUT; "fail" and $tmp/why on failure.
run_macro() {
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    if (cd "$tmp/run" && exec $1 /bin/sh "$tmp/macro/$2.sh") </dev/null >"$3" 2>"$tmp/err"; then
        t1=$(date +%s%N)
        echo $((t1 - t0))
    else
        why $?
        echo fail
    fi
}

# What a run produced, to compare with the native run's: the micro
# workload's mode (its numbers differ), or the macro workload's stdout and
# the files it made (its .check script).
digest() { # KIND NAME
    if [ "$1" = micro ]; then
        awk 'NF == 2 && $2 ~ /^[0-9.]+$/ { print $1 }' "$tmp/out"
    else
        cksum <"$tmp/vout"
        if [ -f "$tmp/macro/$2.check" ]; then
            /bin/sh "$tmp/macro/$2.check" 2>&1 | cksum
        fi
    fi
}

one_run() { # KIND PREFIX NAME N OUT
    if [ "$1" = micro ]; then
        run_micro "$2" "$3" "$4"
    else
        run_macro "$2" "$3" "$5"
    fi
}

# measure KIND NAME NATIVE_N TOOL_N: the warm-up (which checks each tool's
# output against the native one), then PAIRS interleaved pairs per tool.
# Appends "NAME|TOOL|STATE" to $tmp/state and "NAME|TOOL|tool|native" to
# $tmp/pairs.
measure() {
    kind=$1 name=$2 nn=$3 tn=$4
    v=$(one_run "$kind" "" "$name" "$nn" "$tmp/vout")
    if [ "$v" = fail ]; then
        echo "$name|native|native run failed: $(cat "$tmp/why")" >>"$tmp/state"
        return 0
    fi
    want=$(digest "$kind" "$name")
    ids=""
    while IFS='|' read -r id hdr prefix state; do
        if [ "$state" != ok ]; then
            echo "$name|$id|$state" >>"$tmp/state"
            continue
        fi
        v=$(one_run "$kind" "$prefix" "$name" "$tn" "$tmp/vout")
        if [ "$v" = fail ]; then
            echo "$name|$id|n/a: $(cat "$tmp/why")" >>"$tmp/state"
        elif [ "$(digest "$kind" "$name")" != "$want" ]; then
            echo "$name|$id|n/a: output differs from native" >>"$tmp/state"
        else
            echo "$name|$id|ok" >>"$tmp/state"
            ids="$ids $id"
        fi
    done <"$tmp/tools"
    p=1
    while [ "$p" -le "$PAIRS" ]; do
        for id in $ids; do
            tv=$(one_run "$kind" "$(tool_field "$id" 3)" "$name" "$tn" /dev/null)
            nv=$(one_run "$kind" "" "$name" "$nn" /dev/null)
            echo "$name|$id|$tv|$nv" >>"$tmp/pairs"
        done
        p=$((p + 1))
    done
}

# ---------------------------------------------------------------- tables
# table UNIT DIVISOR WORKLOADS...: one row per workload, one column per tool.
table() {
    unit=$1 div=$2
    shift 2
    echo "$*" | tr ' ' '\n' >"$tmp/names"
    awk -F'|' -v unit="$unit" -v div="$div" '
        function sort(a, n,    i, j, t) {
            for (i = 2; i <= n; i++)
                for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
                    t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
                }
        }
        function median(a, n) {
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        function num(x) {
            return x >= 100 ? sprintf("%.0f", x) : sprintf("%.3g", x)
        }
        FILENAME == ARGV[1] { nt++; id[nt] = $1; hdr[nt] = $2; next }
        FILENAME == ARGV[2] { nw++; w[nw] = $1; next }
        FILENAME == ARGV[3] { state[$1 "|" $2] = $3; next }
        {
            key = $1 "|" $2
            if ($3 == "fail" || $4 == "fail") { bad[key]++; next }
            k = ++cnt[key]
            ratio[key, k] = $3 / $4
            nk = ++ncnt[$1]
            nat[$1, nk] = $4
        }
        END {
            line = "| workload | native (" unit ") |"; sep = "|---|---:|"
            for (t = 1; t <= nt; t++) {
                line = line " " hdr[t] " |"; sep = sep "---:|"
            }
            print line; print sep
            for (i = 1; i <= nw; i++) {
                n = ncnt[w[i]]
                for (k = 1; k <= n; k++)
                    a[k] = nat[w[i], k]
                sort(a, n)
                if (state[w[i] "|native"] != "")
                    line = "| " w[i] " | " state[w[i] "|native"] " |"
                else
                    line = "| " w[i] " | " (n ? num(median(a, n) / div) : "-") " |"
                for (t = 1; t <= nt; t++) {
                    key = w[i] "|" id[t]
                    s = state[key]
                    n = cnt[key]
                    if (s != "ok" && s != "")
                        cell = s
                    else if (bad[key])
                        cell = "failed in " bad[key] " pair(s)"
                    else if (!n)
                        cell = "-"
                    else {
                        for (k = 1; k <= n; k++)
                            a[k] = ratio[key, k]
                        sort(a, n)
                        cell = sprintf("%.2f (%.2f-%.2f)", median(a, n), a[1], a[n])
                    }
                    line = line " " cell " |"
                }
                print line
            }
        }' "$tmp/tools" "$tmp/names" "$tmp/state" "$tmp/pairs"
}

legend() {
    echo "Columns: the median of the $PAIRS per-pair ratios tool/native (min-max);" \
         "native: median absolute time."
    while IFS='|' read -r id hdr prefix state; do
        echo "- $hdr: \`$prefix PROGRAM\`"
    done <"$tmp/tools"
}

section_time() {
    echo
    echo "($(($(date +%s) - $1)) s; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
}

# ---------------------------------------------------------------- micro
section_micro() {
    t=$(date +%s)
    : >"$tmp/state"; : >"$tmp/pairs"
    for mode in $MICRO; do
        # shellcheck disable=SC2046 # two numbers
        set -- $(micro_ops "$mode")
        measure micro "$mode" "$2" "$1"
    done
    echo "## Micro workloads: ns per operation, ratio to native"
    echo
    echo "Each mode of limit/workload times its own loop (start-up excluded): see"
    echo "workload.c. Native runs do more operations than traced ones (micro_ops in"
    echo "bench.sh, here at SCALE=$SCALE%), so that both last tens of ms; ns/op compared."
    echo
    # shellcheck disable=SC2086 # a list of names
    table ns/op 1 $MICRO
    echo
    legend
    section_time "$t"
}

# ---------------------------------------------------------------- macro
# Inputs, made at run time in $tmp. Each workload is the script
# $tmp/macro/NAME.sh, run by /bin/sh in $tmp/run, timed from outside; its
# optional NAME.check prints what it made, for the warm-up's comparison.
gen_c() { # LINES PREFIX: about LINES lines of C, functions PREFIX0...
    awk -v lines="$1" -v p="$2" 'BEGIN {
        for (i = 0; i * 16 < lines - 20; i++) {
            printf "struct %ss%d { int a[8]; double d; const char *name; };\n", p, i
            printf "static int %sf%d(struct %ss%d *s, int n)\n{\n", p, i, p, i
            printf "    int acc = %d;\n    for (int k = 0; k < n; k++) {\n", i
            printf "        s->a[k & 7] += k * %d;\n", i % 13 + 1
            printf "        acc ^= s->a[(k + %d) & 7] << (k & 3);\n", i
            printf "        switch (k %% 3) {\n"
            printf "        case 0: s->d += acc * 0.5; break;\n"
            printf "        case 1: acc += (int)strlen(s->name); break;\n"
            printf "        default: acc -= k; break;\n        }\n    }\n"
            printf "    return acc + (int)s->d;\n}\n"
            printf "int %sg%d(int n) { struct %ss%d v = { {0}, 0, \"%d\" }; return %sf%d(&v, n); }\n",
                   p, i, p, i, i, p, i
        }
        printf "int %sall(int n)\n{\n    int acc = 0;\n", p
        for (j = 0; j < i; j++)
            printf "    acc += %sg%d(n);\n", p, j
        printf "    return acc;\n}\n"
    }'
}

needs() { # TOOL...: empty if all are installed, else what is missing
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || { echo "$c not installed"; return 0; }
    done
}

# make_input NAME: the script (and inputs) of one workload.
make_input() {
    m=$tmp/macro
    mkdir -p "$m"
    case $1 in
    shloop)
        cat >"$m/shloop.sh" <<EOF
i=0
while [ \$i -lt $SH_PROCS ]; do
    /bin/true
    i=\$((i + 1))
done
echo \$i
EOF
        ;;
    gcc)
        mkdir -p "$tmp/gcc"
        { echo '#include <string.h>'; gen_c "$GCC_LINES" x; } >"$tmp/gcc/gen.c"
        echo "exec gcc -O0 -c -o $tmp/gcc/gen.o $tmp/gcc/gen.c" >"$m/gcc.sh"
        echo "cksum <$tmp/gcc/gen.o" >"$m/gcc.check"
        ;;
    make)
        mkdir -p "$tmp/make"
        u=0 objs="" calls=""
        while [ "$u" -lt "$MAKE_UNITS" ]; do
            { echo '#include <string.h>'; gen_c 150 "u${u}_"; } >"$tmp/make/u$u.c"
            objs="$objs u$u.o" calls="$calls int u${u}_all(int); acc += u${u}_all(9);"
            u=$((u + 1))
        done
        cat >"$tmp/make/main.c" <<EOF
#include <stdio.h>
int main(void)
{
    int acc = 0;
    { $calls }
    printf("%d\n", acc);
    return 0;
}
EOF
        # shellcheck disable=SC2016 # make's $
        printf 'CFLAGS = -O0\nprog: main.o%s\n\t$(CC) -o $@ main.o%s\n' "$objs" "$objs" \
            >"$tmp/make/Makefile"
        echo "exec make -s -B -j2 -C $tmp/make" >"$m/make.sh"
        echo "$tmp/make/prog" >"$m/make.check"
        ;;
    tar)
        make_files "$TAR_FILES"
        dirs=$(awk -v t="$TAR_FILES" 'BEGIN {
            for (i = 0; i * 200 < t; i++) printf " d%03d", i }')
        echo "cd $tmp/files && exec tar -cf -$dirs" >"$m/tar.sh"
        ;;
    find)
        echo "exec find $FIND_ROOT" >"$m/find.sh"
        ;;
    python)
        make_files "$PY_FILES"
        cat >"$tmp/stat.py" <<'EOF'
import os, sys
total = count = 0
top, n = sys.argv[1], int(sys.argv[2])
for d in sorted(os.listdir(top)):
    for f in sorted(os.listdir(os.path.join(top, d))):
        if int(f[1:]) < n:
            total += os.stat(os.path.join(top, d, f)).st_size
            count += 1
print(count, total)
EOF
        # python3 may be a wrapper (pyenv) that starts other programs first.
        py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)
        echo "exec ${py:-python3} $tmp/stat.py $tmp/files $PY_FILES" >"$m/python.sh"
        ;;
    esac
}

# make_files N: files f0..f(N-1) of one line, 200 per directory d000...,
# shared by tar and python (each takes the first N it needs).
make_files() {
    have=$(cat "$tmp/nfiles" 2>/dev/null || echo 0)
    [ "$1" -gt "$have" ] || return 0
    mkdir -p "$tmp/files"
    awk -v from="$have" -v n="$1" -v top="$tmp/files" 'BEGIN {
        for (i = from - from % 200; i < n; i += 200) printf "%s/d%03d\n", top, i / 200
    }' | xargs mkdir -p
    awk -v from="$have" -v n="$1" -v top="$tmp/files" 'BEGIN {
        for (i = from; i < n; i++) {
            f = sprintf("%s/d%03d/f%d", top, i / 200, i)
            print "file " i > f
            close(f)
        }
    }'
    echo "$1" >"$tmp/nfiles"
}

section_macro() {
    t=$(date +%s)
    : >"$tmp/state"; : >"$tmp/pairs"
    # the columns of MACRO_SKIP are left out of this table (its whole
    # programs take long): the tools file is filtered for it
    cp "$tmp/tools" "$tmp/tools.all"
    for id in $MACRO_SKIP; do
        awk -F'|' -v id="ptshim-$id" '$1 != id' "$tmp/tools" >"$tmp/tools.f" &&
            mv "$tmp/tools.f" "$tmp/tools"
    done
    for w in $MACRO; do
        case $w in
        shloop) missing= ;;
        gcc) missing=$(needs gcc) ;;
        make) missing=$(needs make gcc) ;;
        tar) missing=$(needs tar) ;;
        find) missing=$(needs find) ;;
        python) missing=$(needs python3) ;;
        *) echo "bench: unknown macro workload $w" >&2; exit 2 ;;
        esac
        if [ -n "$missing" ]; then
            echo "$w|native|$missing" >>"$tmp/state"
            continue
        fi
        make_input "$w"
        measure macro "$w" 0 0
    done
    echo "## Macro workloads: whole programs, ratio to native"
    echo
    for w in $MACRO; do
        case $w in
        shloop) echo "- shloop: sh starts /bin/true $SH_PROCS times" ;;
        gcc) # shellcheck disable=SC2002 # a missing file counts 0 lines, silently
            echo "- gcc: gcc -O0 -c of a generated $(cat "$tmp/gcc/gen.c" 2>/dev/null | wc -l)-line C file" ;;
        make) echo "- make: make -j2 -B of a main.c and $MAKE_UNITS generated unit(s), linked" ;;
        tar) echo "- tar: tar -cf - of $TAR_FILES generated files to /dev/null" ;;
        find) echo "- find: find $FIND_ROOT to /dev/null" ;;
        python) echo "- python: python3 stats $PY_FILES generated files" ;;
        esac
    done
    echo
    # shellcheck disable=SC2086 # a list of names
    table ms 1000000 $MACRO
    echo
    legend
    mv "$tmp/tools.all" "$tmp/tools"
    section_time "$t"
}

# ---------------------------------------------------------------- floor
section_floor() {
    t=$(date +%s)
    popts=$(awk -F'|' '/^ptshim-/ { print $3; exit }' "$tmp/tools")
    echo "## The floor: ptshim against the minimal tracers"
    echo
    FLOOR=1 N=$FLOOR_N ROUNDS=$FLOOR_ROUNDS PLACEMENT=$FLOOR_PLACEMENT \
        PTSHIM_CMD="${popts:-$PTSHIM --}" \
        /bin/sh "$here/limit/run-forwarding.sh" "$dir" || echo "(run-forwarding.sh failed)"
    section_time "$t"
}

# ---------------------------------------------------------------- placement
section_placement() {
    t=$(date +%s)
    echo "$PLACEMENTS" | tr '|' '\n' >"$tmp/placements"
    : >"$tmp/pl"
    have_taskset=$(needs taskset)
    ref=$(awk -F'|' '/^ptshim-/ { print $3; exit }' "$tmp/tools")
    ref=${ref:-$PTSHIM --}
    for mode in $PLACEMENT_MICRO; do
        # shellcheck disable=SC2046 # two numbers
        set -- $(micro_ops "$mode")
        tn=$1 nn=$2
        run_micro "" "$mode" "$nn" >/dev/null # warm-up
        while IFS=: read -r pname outer popts inner; do
            [ -n "$pname" ] || continue
            case "$outer $inner" in
            *taskset*) if [ -n "$have_taskset" ]; then
                    echo "$mode|$pname|skip|$have_taskset" >>"$tmp/pl"
                    continue
                fi ;;
            esac
            cmd="$outer ${ref% --}${popts:+ $popts} -- $inner"
            if [ "$(run_micro "$cmd" "$mode" "$tn")" = fail ]; then
                echo "$mode|$pname|skip|n/a: $(cat "$tmp/why")" >>"$tmp/pl"
                continue
            fi
            echo "$mode|$pname|cmd|$cmd" >>"$tmp/pl"
        done <"$tmp/placements"
        p=1
        while [ "$p" -le "$PAIRS" ]; do
            awk -F'|' -v m="$mode" '$1 == m && $3 == "cmd" { print $2 "|" $4 }' "$tmp/pl" >"$tmp/plcmds"
            while IFS='|' read -r pname cmd; do
                tv=$(run_micro "$cmd" "$mode" "$tn")
                nv=$(run_micro "" "$mode" "$nn")
                echo "$mode|$pname|pair|$tv|$nv" >>"$tmp/pl"
            done <"$tmp/plcmds"
            p=$((p + 1))
        done
    done
    echo "## CPU placement of the tracer and the tracee"
    echo
    echo "\`${ref% --}\` (the first of PTSHIM_VARIANTS) under each placement, paired with"
    echo "a native run left to the scheduler; ratio = ptshim's ns/op under the placement"
    echo "over that native run's."
    echo
    echo "| workload | placement | native ns/op | ptshim ns/op | ratio to native | x free |"
    echo "|---|---|---:|---:|---:|---:|"
    awk -F'|' '
        function sort(a, n,    i, j, t) {
            for (i = 2; i <= n; i++)
                for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
                    t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
                }
        }
        function median(a, n) {
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        !seen[$1 "|" $2]++ { nr++; row[nr] = $1 "|" $2; mode[nr] = $1; pl[nr] = $2 }
        $3 == "skip" { why[$1 "|" $2] = $4 }
        $3 == "pair" && $4 != "fail" && $5 != "fail" {
            key = $1 "|" $2; k = ++cnt[key]
            tv[key, k] = $4; nv[key, k] = $5; r[key, k] = $4 / $5
        }
        END {
            for (i = 1; i <= nr; i++) {
                key = row[i]; n = cnt[key]
                if (why[key] != "" || !n) {
                    printf "| %s | %s | - | %s | - | - |\n", mode[i], pl[i], why[key] != "" ? why[key] : "no run"
                    continue
                }
                for (k = 1; k <= n; k++) a[k] = tv[key, k]
                sort(a, n); t = median(a, n)
                for (k = 1; k <= n; k++) a[k] = nv[key, k]
                sort(a, n); nat = median(a, n)
                for (k = 1; k <= n; k++) a[k] = r[key, k]
                sort(a, n)
                if (pl[i] == "free" || !(mode[i] in free))
                    free[mode[i]] = t
                printf "| %s | %s | %.0f | %.0f | %.2f (%.2f-%.2f) | %.2f |\n", mode[i], pl[i],
                       nat, t, median(a, n), a[1], a[n], t / free[mode[i]]
            }
        }' "$tmp/pl"
    echo
    echo "Placements (OUTER ptshim PTSHIM-OPTIONS -- INNER PROGRAM):"
    while IFS=: read -r pname outer popts inner; do
        [ -n "$pname" ] || continue
        echo "- $pname: \`${outer:+$outer }ptshim${popts:+ $popts} -- ${inner:+$inner }PROGRAM\`"
    done <"$tmp/placements"
    echo "x free: ptshim's median ns/op over its median under the first placement listed."
    section_time "$t"
}

# ---------------------------------------------------------------- main
echo "# ptshim benchmarks"
echo
echo "$(uname -sr), $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC');" \
     "$PAIRS pairs per cell after a warm-up; load average at start" \
     "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')."
[ "$QUICK" = 1 ] && echo "Quick run (make bench-quick): fewer pairs, fewer operations, a subset."
for s in $SECTIONS; do
    echo
    case $s in
    micro) section_micro ;;
    macro) section_macro ;;
    floor) section_floor ;;
    placement) section_placement ;;
    *) echo "bench: unknown section $s" >&2; exit 2 ;;
    esac
done
echo
echo "Total: $(($(date +%s) - start)) s."
