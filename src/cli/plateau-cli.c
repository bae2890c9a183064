/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plateau-cli: the headless front end. It dispatches to one function per
 * command; each command lives in a file of its own beside this one.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plateau-cli.h"

static const PlateauCliCommand commands[] = {
  { "analyze", "Analyse a scenario and print the results", plateau_cli_analyze },
  { "chart", "Draw a chart of a document as PNG, SVG or PDF", plateau_cli_chart },
  { "graph", "Draw a Mermaid flowchart as PNG, SVG or PDF, or write its layout",
    plateau_cli_graph },
  { NULL, NULL, NULL },
};

/**
 * plateau_cli_print_error:
 * @format: a printf-style format for one line, without the newline
 *
 * Writes one line to stderr, prefixed with the program name, so that every
 * failure of the tool reads the same way.
 */
void
plateau_cli_print_error (const char *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  fputs ("plateau-cli: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: plateau-cli COMMAND [OPTION…]\n\n");
  fprintf (out, "Analyse technology investment scenarios and draw their charts and\n"
                "concept graphs without a display.\n\n");
  fprintf (out, "Commands:\n");

  for (const PlateauCliCommand *c = commands; c->name != NULL; c++)
    fprintf (out, "  %-10s %s\n", c->name, c->summary);

  fprintf (out, "\nOptions:\n"
                "  --help     Show this help and exit\n"
                "  --version  Show the version and exit\n\n"
                "Run 'plateau-cli COMMAND --help' for the options of a command.\n");
}

/* The model, chart and graph libraries translate their messages in
 * Plateau's domain; bind it before any of them runs. PLATEAU_LOCALEDIR,
 * when set, replaces the installed folder for the uninstalled build. */
static void
init_i18n (void)
{
  const char *localedir = g_getenv ("PLATEAU_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static const PlateauCliCommand *
find_command (const char *name)
{
  for (const PlateauCliCommand *c = commands; c->name != NULL; c++)
    {
      if (strcmp (c->name, name) == 0)
        return c;
    }

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const PlateauCliCommand *command;

  init_i18n ();

  if (argc < 2)
    {
      print_usage (stderr);
      return PLATEAU_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return PLATEAU_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("plateau-cli %s\n", PACKAGE_VERSION);
      return PLATEAU_CLI_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      plateau_cli_print_error ("unknown command '%s'; run 'plateau-cli --help' for the list",
                               argv[1]);
      return PLATEAU_CLI_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
