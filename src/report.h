/*
 * report.h: what the tracer tells the front process, over a pipe.
 *
 * The front process is the one ptshim's caller waits for: it ends with the
 * program's status when the program ends, while the tracer goes on serving
 * any descendant still running (a daemon that double-forked), as they
 * would natively.
 */
#ifndef REPORT_H
#define REPORT_H

enum report_type {
    REPORT_STARTED, /* value: the program's process ID */
    REPORT_STOPPED, /* value: the signal that stopped the program */
    REPORT_EXITED,  /* value: the program's wait status */
    REPORT_FAILED,  /* value: ptshim's own exit status (125, 126, 127) */
};

struct report {
    int type;
    int value;
};

#endif /* REPORT_H */
