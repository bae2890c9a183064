/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every command of plateau-cli. */
typedef enum
{
  PLATEAU_CLI_OK = 0,
  PLATEAU_CLI_BAD_INPUT = 1,
  PLATEAU_CLI_USAGE = 2,
} PlateauCliStatus;

/* Each command receives its own name as argv[0] and the arguments after it. */
typedef int (*PlateauCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *summary;
  PlateauCliCommandFunc run;
} PlateauCliCommand;

int plateau_cli_graph (int argc, char **argv);

void plateau_cli_print_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

int plateau_cli_analyze (int argc, char **argv);
int plateau_cli_chart (int argc, char **argv);

G_END_DECLS
