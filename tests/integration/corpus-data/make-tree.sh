# shellcheck shell=sh
# Sourced by corpus tests in a --setup: builds a small tree ./tree with every
# kind of entry and fixed times, so listings and archives of it are stable.
mkdir -p tree/sub/deeper tree/empty tree/docs
printf 'hello\n' >tree/a.txt
printf 'second file\nwith two lines\n' >tree/b.txt
printf 'int main(void) { return 0; }\n' >tree/sub/main.c
printf 'int helper(void) { return 1; }\n' >tree/sub/deeper/helper.c
head -c 5000 /dev/zero >tree/sub/zeros.bin
seq 1 2000 >tree/docs/numbers.txt
printf '# notes\n' >tree/docs/README.md
printf '#!/bin/sh\necho run\n' >tree/run.sh
: >tree/.hidden
chmod 755 tree/run.sh
chmod 600 tree/a.txt
chmod 750 tree/sub/deeper
ln -s a.txt tree/link
ln -s ../missing tree/sub/dangling
ln tree/b.txt tree/hardlink
mkfifo tree/fifo
find . -exec touch -h -d '2001-02-03 04:05:06' {} +
touch -d '1999-12-31 23:59:59' tree/sub/zeros.bin
touch -d '2010-06-07 08:09:10' tree/docs/numbers.txt
