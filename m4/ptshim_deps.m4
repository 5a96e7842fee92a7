# PTSHIM_REQUIRE_PKG(VARIABLE-PREFIX, MODULES, DEBIAN-PACKAGE)
# -----------------------------------------------------------
# pkg-config look-up that fails with the name of the package to install.
AC_DEFUN([PTSHIM_REQUIRE_PKG], [
    PKG_CHECK_MODULES([$1], [$2], [],
        [AC_MSG_ERROR([$2 not found by pkg-config; install the Debian package $3 (apt-get install $3)])])
])
