# PTSHIM_WARN_CFLAGS
# ------------------
# Probe each warning flag with -Werror and keep those the compiler accepts,
# so an older or different compiler still builds.  Result in WARN_CFLAGS.
AC_DEFUN([PTSHIM_WARN_CFLAGS], [
    WARN_CFLAGS=
    for ptshim_flag in -Wall -Wextra -Wformat=2 -Wformat-security \
            -Wimplicit-fallthrough -Winit-self -Wlogical-op -Wmissing-prototypes \
            -Wstrict-prototypes -Wold-style-definition -Wnested-externs -Wshadow \
            -Wundef -Wwrite-strings -Wpointer-arith -Wcast-qual -Wvla \
            -Wnull-dereference -Wduplicated-cond -Wduplicated-branches \
            -Wno-unused-parameter -Wno-missing-field-initializers; do
        AS_VAR_PUSHDEF([ptshim_cv], [ptshim_cv_warn_$ptshim_flag])
        AC_CACHE_CHECK([whether $CC accepts $ptshim_flag], [ptshim_cv], [
            save_CFLAGS=$CFLAGS
            CFLAGS="$CFLAGS -Werror $ptshim_flag"
            AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
                              [AS_VAR_SET([ptshim_cv], [yes])],
                              [AS_VAR_SET([ptshim_cv], [no])])
            CFLAGS=$save_CFLAGS])
        AS_VAR_IF([ptshim_cv], [yes], [WARN_CFLAGS="$WARN_CFLAGS $ptshim_flag"])
        AS_VAR_POPDEF([ptshim_cv])
    done
    AC_SUBST([WARN_CFLAGS])
])
