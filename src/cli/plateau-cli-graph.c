/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plateau-cli graph: draws a Mermaid flowchart file as PNG, SVG or PDF, or
 * writes its layout as JSON.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-cli.h"
#include "plateau-graph-render.h"

typedef struct
{
  char *format;
  char *output;
  char *theme;
  double scale;
} GraphOptions;

static gboolean
parse_options (int          *argc,
               char       ***argv,
               GraphOptions *opts,
               GError      **error)
{
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opts->format,
      N_("Output format: png, svg, pdf or layout-json"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts->output,
      N_("The file to write"), "OUT" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &opts->theme,
      N_("light, dark or presentation (default light)"), "THEME" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &opts->scale,
      N_("Pixels per unit for PNG (default 2)"), "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE.mmd"));

  g_option_context_set_summary (context, _("Draw a Mermaid flowchart, or write its layout."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static int
usage_error (const char *message)
{
  plateau_cli_print_error ("graph: %s; run 'plateau-cli graph --help' for the options",
                           message);
  return PLATEAU_CLI_USAGE;
}

static int
draw_file (const char         *input,
           const GraphOptions *opts,
           PlateauGraphFormat  format,
           const PlateauTheme *theme)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (PlateauGraph) graph = NULL;
  g_autoptr (PlateauGraphLayout) layout = NULL;
  gsize length = 0;

  if (!g_file_get_contents (input, &text, &length, &error))
    {
      plateau_cli_print_error ("%s", error->message);
      return PLATEAU_CLI_BAD_INPUT;
    }

  graph = plateau_graph_parse (text, (gssize) length, NULL, &error);
  if (graph == NULL)
    {
      plateau_cli_print_error ("%s: %s", input, error->message);
      return PLATEAU_CLI_BAD_INPUT;
    }

  /* What the layout could not draw is worth knowing, but the drawing is still made. */
  layout = plateau_graph_layout_themed (graph, theme);
  for (guint i = 0; i < layout->warnings->len; i++)
    plateau_cli_print_error (_("%s: warning: %s"), input,
                             (const char *) g_ptr_array_index (layout->warnings, i));

  if (!plateau_graph_export (graph, layout, theme, format, opts->scale, opts->output, &error))
    {
      plateau_cli_print_error ("%s", error->message);
      return PLATEAU_CLI_BAD_INPUT;
    }

  return PLATEAU_CLI_OK;
}

/**
 * plateau_cli_graph:
 * @argc: argument count, the command name first
 * @argv: arguments
 *
 * Runs `plateau-cli graph FILE.mmd --format F -o OUT`.
 *
 * Returns: a #PlateauCliStatus
 */
int
plateau_cli_graph (int    argc,
                   char **argv)
{
  GraphOptions opts = { NULL, NULL, NULL, 2.0 };
  g_autoptr (GError) error = NULL;
  PlateauGraphFormat format;
  const PlateauTheme *theme;
  int status;

  if (!parse_options (&argc, &argv, &opts, &error))
    status = usage_error (error->message);
  else if (argc != 2)
    status = usage_error (_("expected exactly one input file"));
  else if (opts.format == NULL || !plateau_graph_format_from_name (opts.format, &format))
    status = usage_error (_("--format must be png, svg, pdf or layout-json"));
  else if (opts.output == NULL)
    status = usage_error (_("-o OUT is required"));
  else if ((theme = plateau_theme_lookup (opts.theme != NULL ? opts.theme : "light")) == NULL)
    status = usage_error (_("--theme must be light, dark or presentation"));
  else
    status = draw_file (argv[1], &opts, format, theme);

  g_free (opts.format);
  g_free (opts.output);
  g_free (opts.theme);
  return status;
}
