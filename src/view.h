/*
 * view.h: the file-system view of -r, -R, -b and -w, set up before the
 * program starts.
 */
#ifndef VIEW_H
#define VIEW_H

#include "options.h"

/* Set up the view OPTS describes, if any: the shim's mount table, the
 * program's starting directory (this process's, which the program
 * inherits) and the file the PAL executes for it.  Returns the program's
 * arguments (a script's interpreter's, when the program is a script).
 * Dies with a message when a directory or a bind cannot be used, and
 * ends as exec would when a script's interpreter cannot be run. */
char** view_setup(const struct options* opts);

#endif /* VIEW_H */
