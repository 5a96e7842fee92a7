/*
 * ptshim.c: main().
 */
#include "config.h"

#include "options.h"
#include "pal.h"
#include "tracer.h"

int main(int argc, char** argv) {
    struct options opts;

    options_parse(argc, argv, &opts);
    g_pal_log_level = opts.log_level;
    tracer_main(&opts);
}
