# gen-tables.awk: turn syscall-defs/*.tbl into C (see README for the format).
#
#   awk -v what=WHAT -f gen-tables.awk FILES... > OUTPUT
#
# WHAT, with syscalls.tbl as the input (and -v tables="NAME..." listing the
# flag tables that exist, so that a reference to a missing one is an error):
#   sysnr        sysnr.h: PTSHIM_NR_<name>, PTSHIM_NSYSCALLS
#   printer_ids  printer_ids.h: enum sd_printer, one id per ptr(T) type
#   sysent       sysent.c: ptshim_sysent[]
#   printers_h   printers.h: the printers' and custom decoders' prototypes
#   decoders     decoders.c: the printer and custom decoder arrays of src/
#   man          a roff list of the system calls, their classes and (with
#                -v shim=shim/src/shim_syscalls.c) who answers each
#   shim_entries shim_entries.h: the declaration of each call's entry,
#                __shim_<name>, which shim/src/shim_syscalls.c defines
#   shim_table   shim_table.c: shim_table[], the entries by number
# WHAT, with flags/*.tbl, errno.tbl and signals.tbl as the input:
#   xlat_h       xlat.h: extern declarations of xlat_<table>
#   xlat_c       xlat.c: the tables
#
# POSIX awk only: it must run under mawk.  Errors go to stderr as
# file:line: message and make the exit status 1.

function fail(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}

function tablename(file,    n, parts) {
    n = split(file, parts, "/")
    sub(/\.tbl$/, "", parts[n])
    return parts[n]
}

# "%file,%desc" as roff: %file, %desc
function man_classes(spec,    out) {
    out = spec
    gsub(/,/, ", ", out)
    return out
}

function class_bits(spec,    n, i, c, bits, parts) {
    if (spec == "-")
        return "0"
    n = split(spec, parts, ",")
    bits = ""
    for (i = 1; i <= n; i++) {
        c = parts[i]
        if (!(c in CLASS))
            fail("unknown class '" c "'")
        bits = bits (bits == "" ? "" : "|") CLASS[c]
    }
    return bits
}

# Parse argument I of the current row into A_* arrays; length references
# are resolved once the whole row is read.
function parse_arg(i, spec,    p, name, type, inner, dir, m) {
    p = index(spec, ":")
    if (p < 2)
        fail("argument '" spec "' is not name:type")
    name = substr(spec, 1, p - 1)
    type = substr(spec, p + 1)
    if (name !~ /^[a-z_][a-z0-9_]*$/)
        fail("bad argument name '" name "'")
    A_NAME[i] = name; A_LENREF[i] = ""; A_XLAT[i] = ""; A_PRINTER[i] = ""; A_DIR[i] = "SD_DIR_NONE"
    if (type in SIMPLE) {
        A_TYPE[i] = SIMPLE[type]
    } else if (type ~ /^([io]buf|[io]xattr|opath)\[[a-z_][a-z0-9_]*\]$/) {
        m = index(type, "[")
        A_TYPE[i] = "SD_T_" toupper(substr(type, 1, m - 1))
        A_LENREF[i] = substr(type, m + 1, length(type) - m - 1)
        if (A_LENREF[i] == "ret" && substr(type, 1, 1) == "i")
            fail(substr(type, 1, m - 1) "[ret]: an input buffer's length cannot be the result")
    } else if (type ~ /^(flags|enum)\([a-z_][a-z0-9_]*\)$/) {
        m = index(type, "(")
        A_TYPE[i] = substr(type, 1, 1) == "f" ? "SD_T_FLAGS" : "SD_T_ENUM"
        A_XLAT[i] = substr(type, m + 1, length(type) - m - 1)
        if (!(A_XLAT[i] in TABLES))
            fail("unknown table '" A_XLAT[i] "' (no flags/" A_XLAT[i] ".tbl)")
    } else if (type ~ /^ptr\([A-Za-z_][A-Za-z0-9_ ]*(\[([a-z_][a-z0-9_]*|[1-9][0-9]*)\])?,(in|out|inout)\)$/) {
        inner = substr(type, 5, length(type) - 5)
        p = index(inner, ",")
        dir = substr(inner, p + 1)
        inner = substr(inner, 1, p - 1)
        A_DIR[i] = dir == "in" ? "SD_DIR_IN" : dir == "out" ? "SD_DIR_OUT" : "SD_DIR_INOUT"
        m = index(inner, "[")
        if (m) {
            A_LENREF[i] = substr(inner, m + 1, length(inner) - m - 1)
            inner = substr(inner, 1, m - 1)
        }
        gsub(/ +/, "_", inner)
        A_TYPE[i] = "SD_T_STRUCT"
        A_PRINTER[i] = inner
        if (!(inner in PRINTER_ID)) {
            PRINTER_ID[inner] = ++nprinters
            PRINTERS[nprinters] = inner
        }
    } else {
        fail("unknown type '" type "' of argument " name)
    }
}

function resolve_lengths(nargs,    i, j) {
    for (i = 1; i <= nargs; i++) {
        A_LEN[i] = "SD_LEN_NONE"
        A_NELEM[i] = 0
        if (A_LENREF[i] == "")
            continue
        if (A_LENREF[i] ~ /^[0-9]+$/) {
            if (A_LENREF[i] + 0 > 255)
                fail("argument " A_NAME[i] ": more than 255 elements")
            A_NELEM[i] = A_LENREF[i] + 0
            continue
        }
        if (A_LENREF[i] == "ret") {
            A_LEN[i] = "SD_LEN_RET"
            continue
        }
        for (j = 1; j <= nargs; j++)
            if (A_NAME[j] == A_LENREF[i])
                A_LEN[i] = j - 1
        if (A_LEN[i] == "SD_LEN_NONE")
            fail("argument " A_NAME[i] ": length '" A_LENREF[i] "' names no argument")
    }
}

function emit_sysent(nr, name, ret, classes, nargs, custom,    i, s) {
    printf "    [%d] = {\n        .name = \"%s\", .nargs = %d, .ret = %s, .custom = %d,\n", \
        nr, name, nargs, RET[ret], custom
    printf "        .classes = %s,\n", classes
    if (nargs > 0) {
        printf "        .args = {\n"
        for (i = 1; i <= nargs; i++) {
            s = sprintf("{.name = \"%s\", .type = %s, .dir = %s, .len = %s", \
                        A_NAME[i], A_TYPE[i], A_DIR[i], A_LEN[i])
            if (A_PRINTER[i] != "")
                s = s ", .printer = SD_PRINTER_" A_PRINTER[i]
            if (A_NELEM[i])
                s = s ", .nelem = " A_NELEM[i]
            if (A_XLAT[i] != "")
                s = s ", .xlat = &xlat_" A_XLAT[i]
            printf "            %s},\n", s
        }
        printf "        },\n"
    }
    printf "    },\n"
}

function syscall_row(    nr, name, ret, nargs, i, custom, classes) {
    if (NF < 4)
        fail("a row needs at least nr, name, ret and classes")
    nr = $1; name = $2; ret = $3
    if (nr !~ /^[0-9]+$/)
        fail("bad number '" nr "'")
    nr = nr + 0
    if (nr <= last_nr)
        fail("number " nr " is not greater than the previous row's " last_nr)
    last_nr = nr
    if (name !~ /^[a-z_][a-z0-9_]*$/)
        fail("bad name '" name "'")
    if (name in SEEN_NAME)
        fail("duplicate name '" name "' (also number " SEEN_NAME[name] ")")
    SEEN_NAME[name] = nr
    if (!(ret in RET))
        fail("unknown return kind '" ret "'")
    classes = class_bits($4)
    custom = 0
    nargs = NF - 4
    if ($NF == "@custom") {
        custom = 1
        nargs--
    }
    if (nargs > 6)
        fail(name ": more than six arguments")
    for (i = 1; i <= nargs; i++)
        parse_arg(i, $(i + 4))
    resolve_lengths(nargs)

    if (what == "sysnr")
        printf "#define PTSHIM_NR_%s %d\n", name, nr
    else if (what == "sysent")
        emit_sysent(nr, name, ret, classes, nargs, custom)
    else if ((what == "decoders" || what == "printers_h") && custom)
        CUSTOM[++ncustom] = nr " " name
    else if (what == "man")
        printf ".TP\n.B %s\n%d%s%s\n", name, nr, $4 == "-" ? "" : "; " man_classes($4), \
            (name in STATUS) ? "; " STATUS[name] : ""
    else if (what == "shim_entries")
        printf "extern const struct shim_syscall __shim_%s;\n", name
    else if (what == "shim_table")
        printf "    [%d] = &__shim_%s,\n", nr, name
    NAMES[++nrows] = name
}

function add_include(h) {
    if (!(h in INCLUDED)) {
        INCLUDED[h] = 1
        INCLUDES[++nincludes] = h
    }
}

# flags/*.tbl, errno.tbl, signals.tbl
function xlat_line(    t, d, nd, name, val, msg) {
    t = tablename(FILENAME)
    if (!(t in XREG)) {
        XREG[t] = 1
        XORDER[++ntables] = t
        if (t == "errno" || t == "signals") {
            XKIND[t] = "XLAT_ENUM"
            add_include(t == "errno" ? "<errno.h>" : "<signal.h>")
        }
    }
    if (substr($0, 1, 1) == "#") {
        nd = split($0, d, /[ \t]+/)
        if (d[1] == "#kind") {
            if (d[2] != "bits" && d[2] != "enum")
                fail("#kind must be bits or enum")
            XKIND[t] = d[2] == "bits" ? "XLAT_BITS" : "XLAT_ENUM"
        } else if (d[1] == "#include") {
            if (!(t in XKIND))
                fail("the first directive must be #kind bits|enum")
            if (d[2] !~ /^<[A-Za-z0-9_\/.]+>$/)
                fail("#include <header.h>")
            add_include(d[2])
        } else if (d[1] == "#unknown") {
            if (nd != 2 || d[2] !~ /^[A-Za-z_?][A-Za-z0-9_?]*$/)
                fail("#unknown TEXT, one word such as O_???")
            XUNK[t] = d[2]
        } else if (d[1] == "#shifted") {
            if (XKIND[t] != "XLAT_BITS")
                fail("#shifted outside a bits table")
            if (nd != 4 || d[3] !~ /^[0-9]+$/ || d[4] !~ /^[A-Z_][A-Z0-9_]*$/)
                fail("#shifted MASK SHIFT NAME")
            XSHMASK[t] = d[2]
            XSHIFT[t] = d[3]
            XSHNAME[t] = d[4]
        } else if (d[1] == "#mask") {
            if (XKIND[t] != "XLAT_BITS")
                fail("#mask outside a bits table")
            if (nd < 3 || d[3] !~ /^enum\([a-z_][a-z0-9_]*\)$/)
                fail("#mask MASK enum(TABLE)")
            XMASK[t] = d[2]
            XMASKT[t] = substr(d[3], 6, length(d[3]) - 6)
            MASKREF[XMASKT[t]] = FILENAME ":" FNR
        }
        return
    }
    if (!(t in XKIND))
        fail("the first directive must be #kind bits|enum")
    name = $1
    if (name !~ /^[A-Za-z_][A-Za-z0-9_]*$/)
        fail("bad constant name '" name "'")
    if ((t SUBSEP name) in XENTRY)
        fail("duplicate entry " name " in " t)
    XENTRY[t, name] = 1
    val = NF >= 2 ? $2 : ""
    msg = NF >= 3 ? $3 : ""
    if (substr(val, 1, 1) == "=") {
        # the kernel's value, whatever the C library's macro says
        val = substr(val, 2)
        if (val !~ /^(-?[0-9]+|0[xX][0-9a-fA-F]+)[uUlL]*$/)
            fail("bad value '=" val "' for " name)
        XLIT[t, XN[t] + 1] = val
    } else if (val != "") {
        if (val !~ /^(-?[0-9]+|0[xX][0-9a-fA-F]+)[uUlL]*$/)
            fail("bad fallback value '" val "' for " name)
        if (!(name in FALLBACK)) {
            FALLBACK[name] = val
            FALLBACKS[++nfallbacks] = name
        } else if (FALLBACK[name] != val) {
            fail("fallback " val " for " name " differs from an earlier " FALLBACK[name])
        }
    }
    XN[t]++
    XNAME[t, XN[t]] = name
    XMSG[t, XN[t]] = msg
}

# What a value no entry names prints as, after it: the names' common
# prefix up to its last _, then ???  (SEEK_SET, SEEK_CUR... -> SEEK_???).
function unknown_text(t,    p, j, k) {
    if (!XN[t])
        return ""
    p = XNAME[t, 1]
    for (j = 2; j <= XN[t]; j++)
        while (p != "" && substr(XNAME[t, j], 1, length(p)) != p)
            p = substr(p, 1, length(p) - 1)
    for (k = length(p); k > 0 && substr(p, k, 1) != "_"; k--)
        ;
    return k > 1 ? substr(p, 1, k) "???" : ""
}

function emit_xlat_c(    i, j, t, name, unk) {
    print "/* Generated by syscall-defs/gen-tables.awk from syscall-defs/; do not edit. */\n#include \"config.h\"\n"
    for (i = 1; i <= nincludes; i++)
        print "#include " INCLUDES[i]
    print "\n#include \"syscall_defs.h\"\n"
    for (i = 1; i <= nfallbacks; i++) {
        name = FALLBACKS[i]
        printf "#ifdef %s\n_Static_assert((%s) == (%s), \"%s: the headers and the table's fallback differ\");\n#else\n#define %s %s\n#endif\n", \
            name, name, FALLBACK[name], name, name, FALLBACK[name]
    }
    for (i = 1; i <= ntables; i++) {
        t = XORDER[i]
        printf "\nstatic const struct xlat_entry %s_entries[] = {\n", t
        for (j = 1; j <= XN[t]; j++)
            printf "    {(uint64_t)(%s), \"%s\", %s},\n", \
                ((t SUBSEP j) in XLIT) ? XLIT[t, j] : XNAME[t, j], XNAME[t, j], \
                XMSG[t, j] == "" ? "NULL" : "\"" XMSG[t, j] "\""
        printf "};\nconst struct xlat xlat_%s = {\n    .name = \"%s\", .kind = %s,\n", t, t, XKIND[t]
        unk = (t in XUNK) ? XUNK[t] : unknown_text(t)
        if (unk != "")
            printf "    .unknown = \"%s\",\n", unk
        if (t in XSHMASK)
            printf "    .shift_mask = (uint64_t)(%s), .shift = %s, .shift_name = \"%s\",\n", \
                XSHMASK[t], XSHIFT[t], XSHNAME[t]
        if (t in XMASK)
            printf "    .mask = (uint64_t)(%s), .mask_xlat = &xlat_%s,\n", XMASK[t], XMASKT[t]
        printf "    .n = sizeof(%s_entries) / sizeof(%s_entries[0]), .e = %s_entries,\n};\n", t, t, t
    }
}

BEGIN {
    FS = "\t+"
    last_nr = -1
    split("int long ssize fd pid off hex ptr octal signo noreturn", r, " ")
    split("INT LONG SSIZE FD PID OFF HEX PTR OCTAL SIGNO NORETURN", rc, " ")
    for (i in r)
        RET[r[i]] = "SD_RET_" rc[i]
    split("int uint long ulong hex size off fd dirfd path str mode signo pid uid gid ptr strv hidden", s, " ")
    for (i in s)
        SIMPLE[s[i]] = "SD_T_" toupper(s[i])
    split("file desc process network signal ipc memory clock creds stat lstat fstat statfs fstatfs pure", c, " ")
    for (i in c)
        CLASS["%" c[i]] = "SD_CLASS_" toupper(c[i])
    CLASS["%%stat"] = "SD_CLASS_STAT_LIKE"
    CLASS["%%statfs"] = "SD_CLASS_STATFS_LIKE"
    n = split(tables, tl, " ")
    for (i = 1; i <= n; i++)
        TABLES[tl[i]] = 1
    # who answers each call: the form of its line in shim_syscalls.c
    if (shim != "") {
        while ((getline line < shim) > 0) {
            if (line !~ /^(DEFINE_SHIM_SYSCALL|SHIM_SYSCALL_PASSTHROUGH|SHIM_SYSCALL_RETURN_ENOSYS)\(/)
                continue
            p = index(line, "(")
            kind = substr(line, 1, p - 1)
            nm = substr(line, p + 1)
            sub(/,.*/, "", nm)
            STATUS[nm] = kind == "DEFINE_SHIM_SYSCALL" ? "implemented by the shim" : \
                         kind == "SHIM_SYSCALL_PASSTHROUGH" ? "passed to the host" : \
                         "ENOSYS (not supported)"
        }
        close(shim)
    }
    if (what == "sysnr")
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#ifndef SYSNR_H\n#define SYSNR_H"
    else if (what == "sysent")
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#include \"config.h\"\n\n#include \"syscall_defs.h\"\n\nconst struct sysent ptshim_sysent[PTSHIM_NSYSCALLS] = {"
    else if (what == "shim_entries")
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#ifndef SHIM_ENTRIES_H\n#define SHIM_ENTRIES_H\n\nstruct shim_syscall;\n"
    else if (what == "shim_table")
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#include \"config.h\"\n\n#include \"shim_internal.h\"\n\nconst struct shim_syscall* const shim_table[PTSHIM_NSYSCALLS] = {"
    else if (what !~ /^(printer_ids|printers_h|decoders|man|xlat_h|xlat_c)$/) {
        print "gen-tables.awk: unknown what='" what "'" > "/dev/stderr"
        failed = 1
        exit 1
    }
}

/^[ \t]*$/ { next }

what ~ /^xlat/ { xlat_line(); next }

/^#/ { next }

{ syscall_row() }

END {
    if (failed)
        exit 1
    if (what == "sysnr") {
        printf "\n#define PTSHIM_NSYSCALLS %d\n\n#endif\n", last_nr + 1
    } else if (what == "sysent" || what == "shim_table") {
        print "};"
    } else if (what == "shim_entries") {
        print "\n#endif"
    } else if (what == "printer_ids") {
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#ifndef PRINTER_IDS_H\n#define PRINTER_IDS_H\n\nenum sd_printer {\n    SD_PRINTER_NONE,"
        for (i = 1; i <= nprinters; i++)
            printf "    SD_PRINTER_%s,\n", PRINTERS[i]
        print "    SD_NPRINTERS,\n};\n\n#endif"
    } else if (what == "printers_h") {
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#ifndef PRINTERS_H\n#define PRINTERS_H\n\nstruct tcb;\n"
        for (i = 1; i <= nprinters; i++)
            printf "void print_%s(struct tcb* t, PAL_NUM addr, long count);\n", PRINTERS[i]
        print ""
        for (i = 1; i <= ncustom; i++) {
            split(CUSTOM[i], cu, " ")
            printf "int decode_%s(struct tcb* t);\n", cu[2]
        }
        print "\n#endif"
    } else if (what == "decoders") {
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#include \"config.h\"\n\n#include \"decode.h\"\n"
        print "const print_fn g_printers[SD_NPRINTERS] = {"
        for (i = 1; i <= nprinters; i++)
            printf "    [SD_PRINTER_%s] = print_%s,\n", PRINTERS[i], PRINTERS[i]
        print "};\n"
        print "const decode_fn g_decoders[PTSHIM_NSYSCALLS] = {"
        for (i = 1; i <= ncustom; i++) {
            split(CUSTOM[i], cu, " ")
            printf "    [%d] = decode_%s,\n", cu[1], cu[2]
        }
        print "};"
    } else if (what == "xlat_h") {
        print "/* Generated by syscall-defs/gen-tables.awk; do not edit. */\n#ifndef XLAT_H\n#define XLAT_H\n"
        for (i = 1; i <= ntables; i++)
            printf "extern const struct xlat xlat_%s;\n", XORDER[i]
        print "\n#endif"
    } else if (what == "xlat_c") {
        for (t in MASKREF)
            if (!(t in XKIND)) {
                print MASKREF[t] ": #mask names unknown table '" t "'" > "/dev/stderr"
                exit 1
            }
        emit_xlat_c()
    }
}
