# trace-normalize.awk: make a "strace -f -o" style trace comparable between
# two runs and two tools (used by trace-vs-strace.test):
#  - thread IDs become P1, P2, ...: P1 is the first thread of the trace,
#    and the others are named in the order their creation is seen, reading
#    the lines of P1, then of P2, ... (the result of clone, clone3, fork,
#    vfork), so that the names do not depend on how the threads' lines
#    interleaved; every other occurrence of a known ID (si_pid=, wait4's
#    result) becomes the same name;
#  - addresses (0x followed by 5 or more hex digits) become 0xADDR: ASLR;
#  - a call split by another thread's line (<unfinished ...> and
#    <... NAME resumed>) is joined back into one line;
#  - lines are grouped by thread, each thread's lines in their order, since
#    how threads interleave is up to the scheduler.
{
    tid = $1
    if (!(tid in seen)) {
        seen[tid] = 1
        order[++nids] = tid
    }
    line = substr($0, index($0, " ") + 1)
    sub(/^ +/, "", line)
    if (line ~ / <unfinished \.\.\.>$/) {
        sub(/ <unfinished \.\.\.>$/, "", line)
        pending[tid] = line
        next
    }
    if (line ~ /^<\.\.\. [a-z0-9_]+ resumed>/) {
        sub(/^<\.\.\. [a-z0-9_]+ resumed>/, "", line)
        line = pending[tid] line
        delete pending[tid]
    }
    n[tid]++
    text[tid, n[tid]] = line
}
END {
    if (nids)
        add_name(order[1])
    for (q = 1; q <= nnamed; q++) {
        tid = named[q]
        for (j = 1; j <= n[tid]; j++) {
            line = text[tid, j]
            if (line ~ /^(clone|clone3|fork|vfork)\(.* = [0-9]+$/) {
                child = line
                sub(/.* = /, "", child)
                if ((child in seen) && !(child in name))
                    add_name(child)
            }
        }
    }
    for (i = 1; i <= nids; i++)
        if (!(order[i] in name))
            add_name(order[i])
    for (q = 1; q <= nnamed; q++) {
        tid = named[q]
        for (j = 1; j <= n[tid]; j++) {
            line = text[tid, j]
            gsub(/0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "0xADDR", line)
            for (k = 1; k <= nnamed; k++)
                line = replace_id(line, named[k], name[named[k]])
            print name[tid] " " line
        }
        if (tid in pending)
            print name[tid] " " pending[tid] " <unfinished ...>"
    }
}
function add_name(tid) {
    named[++nnamed] = tid
    name[tid] = "P" nnamed
}
# Replace ID where it stands as a whole number.
function replace_id(s, id, to,    out, p, before, after) {
    out = ""
    while ((p = index(s, id)) > 0) {
        before = p > 1 ? substr(s, p - 1, 1) : ""
        after = substr(s, p + length(id), 1)
        if (before !~ /[0-9a-zA-Z_]/ && after !~ /[0-9a-zA-Z_]/) {
            out = out substr(s, 1, p - 1) to
        } else {
            out = out substr(s, 1, p + length(id) - 1)
        }
        s = substr(s, p + length(id))
    }
    return out s
}
