# shellcheck shell=sh
# view-lib.sh: sourced by the view tests (view-*.test), after lib.sh: a
# small root file system, and the reference every view is compared with:
# the same program run as root in a mount namespace of its own (unshare
# -m), with the same binds made by mount --bind, after a chroot to the
# root.

# require_view_reference_: skip unless the reference can run here
require_view_reference_() {
    [ "$(id -u)" = 0 ] || skip_ "the chroot reference needs root (running as $(id -un))"
    require_prog_ unshare chroot mount ldd
    [ -x /bin/busybox ] || skip_ "busybox is not installed (apt-get install busybox-static)"
    file -L /bin/busybox 2>/dev/null | grep -q 'statically linked' ||
        skip_ "/bin/busybox is not statically linked (busybox-static)"
    unshare -m true 2>/dev/null || skip_ "unshare -m is not permitted here"
}

# make_rootfs_ DIR PROGRAM...: busybox (sh, echo, cat, ls... as links to
# it) and each PROGRAM, dynamically linked, in /prog with the libraries
# ldd names, at their paths; /proc and /tmp are empty directories.
make_rootfs_() {
    mr_dir=$1
    shift
    mkdir -p "$mr_dir/bin" "$mr_dir/prog" "$mr_dir/proc" "$mr_dir/tmp" "$mr_dir/etc" \
        "$mr_dir/dev" || return 1
    cp /bin/busybox "$mr_dir/bin/busybox" || return 1
    for a in sh echo cat ls find tar stat pwd readlink mkdir rm ln touch true wc sort; do
        ln -s busybox "$mr_dir/bin/$a" || return 1
    done
    for p in "$@"; do
        cp "$p" "$mr_dir/prog/" || return 1
        for lib in $(ldd "$p" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
            mkdir -p "$mr_dir${lib%/*}" && cp -L "$lib" "$mr_dir$lib" || return 1
        done
    done
}

# tree_ DIR: what the files under DIR are, for a comparison: type, mode,
# name, link target and (for a file) its contents' checksum
tree_() {
    (cd "$1" && find . -path ./proc -prune -o -printf '%y %m %p %l\n' | sort &&
        find . -path ./proc -prune -o -type f -exec md5sum {} + | sort -k2)
}
