/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plateau-cli chart: draws one chart of a document without a display.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "plateau-analysis-charts.h"
#include "plateau-chart-export.h"
#include "plateau-cli.h"
#include "plateau-document.h"

typedef struct
{
  char *chart;
  char *format;
  char *size;
  double dpi;
  char *theme;
  char *scenario;
  char *output;
  gboolean log_axes;
  gboolean transparent;
} ChartArgs;

static void
chart_args_clear (ChartArgs *args)
{
  g_free (args->chart);
  g_free (args->format);
  g_free (args->size);
  g_free (args->theme);
  g_free (args->scenario);
  g_free (args->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartArgs, chart_args_clear)

static PlateauAnalysis *
analyse_scenario (PlateauDocument *document,
                  const char      *file,
                  const char      *name)
{
  PlateauScenario *scenario;

  if (plateau_document_get_n_scenarios (document) == 0)
    {
      plateau_cli_print_error ("%s: the document holds no scenario", file);
      return NULL;
    }

  scenario = name != NULL ? plateau_document_find_scenario (document, name)
                          : plateau_document_get_scenario (document, 0);
  if (scenario == NULL)
    {
      plateau_cli_print_error ("%s: no scenario is called '%s'", file, name);
      return NULL;
    }

  return plateau_analysis_new (scenario);
}

static GPtrArray *
analyse_all (PlateauDocument *document)
{
  guint n = plateau_document_get_n_scenarios (document);
  GPtrArray *analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) plateau_analysis_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (analyses, plateau_analysis_new (plateau_document_get_scenario (document, i)));

  return analyses;
}

/* The budget is what the included scenarios invest now, so the chart
 * answers: how should today's money be split? Money of the scenarios left
 * out is not theirs to share. */
static PlateauChart *
portfolio_chart (PlateauDocument *document,
                 const char      *file)
{
  g_autoptr (GPtrArray) analyses = analyse_all (document);
  g_autoptr (PlateauPortfolio) portfolio = NULL;
  g_autoptr (GError) error = NULL;

  portfolio = plateau_portfolio_new ((PlateauAnalysis *const *) analyses->pdata, analyses->len,
                                     0, &error);
  if (portfolio == NULL)
    {
      plateau_cli_print_error ("%s: %s", file, error->message);
      return NULL;
    }

  return plateau_chart_new_allocation (portfolio);
}

static PlateauChart *
build_chart (PlateauDocument      *document,
             const char           *file,
             PlateauAnalysisChart  kind,
             const ChartArgs      *args)
{
  g_autoptr (PlateauAnalysis) analysis = NULL;

  if (kind == PLATEAU_ANALYSIS_CHART_PORTFOLIO)
    return portfolio_chart (document, file);
  if (kind == PLATEAU_ANALYSIS_CHART_COMPARISON)
    {
      g_autoptr (GPtrArray) analyses = analyse_all (document);

      return plateau_chart_new_comparison ((PlateauAnalysis *const *) analyses->pdata,
                                           analyses->len);
    }

  analysis = analyse_scenario (document, file, args->scenario);
  if (analysis == NULL)
    return NULL;

  switch (kind)
    {
    case PLATEAU_ANALYSIS_CHART_ROI:
      return plateau_chart_new_roi (analysis);
    case PLATEAU_ANALYSIS_CHART_RETURNS:
      return plateau_chart_new_returns (analysis, args->log_axes);
    case PLATEAU_ANALYSIS_CHART_SCURVE:
      return plateau_chart_new_scurve (analysis);
    case PLATEAU_ANALYSIS_CHART_PORTFOLIO:
    case PLATEAU_ANALYSIS_CHART_COMPARISON:
    default:
      g_assert_not_reached ();
    }
}

/* Checks the options and turns them into export options. */
static gboolean
resolve_options (const ChartArgs       *args,
                 PlateauAnalysisChart  *kind,
                 const PlateauTheme   **theme,
                 PlateauExportOptions  *options)
{
  PlateauExportFormat format;
  g_autoptr (GError) error = NULL;
  double dpi = 0;

  if (args->chart == NULL || !plateau_analysis_chart_from_name (args->chart, kind))
    {
      plateau_cli_print_error ("--chart must be roi, returns, scurve, portfolio or comparison");
      return FALSE;
    }
  if (args->format == NULL || !plateau_export_format_from_name (args->format, &format))
    {
      plateau_cli_print_error ("--format must be png, svg or pdf");
      return FALSE;
    }
  *theme = plateau_theme_lookup (args->theme != NULL ? args->theme : "light");
  if (*theme == NULL)
    {
      plateau_cli_print_error ("--theme must be light, dark or presentation");
      return FALSE;
    }
  if (args->output == NULL)
    {
      plateau_cli_print_error ("give the output file with -o FILE");
      return FALSE;
    }
  if (args->dpi != 0 && (args->dpi < 24 || args->dpi > 1200))
    {
      plateau_cli_print_error ("--dpi must be between 24 and 1200");
      return FALSE;
    }

  plateau_export_options_init (options, *theme, format);
  if (args->size != NULL
      && !plateau_export_parse_size (args->size, &options->width, &options->height, &dpi, &error))
    {
      plateau_cli_print_error ("--size: %s", error->message);
      return FALSE;
    }
  options->dpi = args->dpi != 0 ? args->dpi : dpi;
  options->transparent = args->transparent;

  return TRUE;
}

static int
parse_args (int        argc,
            char     **argv,
            ChartArgs *args,
            char     **file)
{
  GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_STRING, &args->chart,
      "roi, returns, scurve, portfolio or comparison", "KIND" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args->format, "png, svg or pdf", "FORMAT" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &args->size, "WIDTHxHEIGHT in pixels, a4 or letter",
      "SIZE" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &args->dpi, "Scale the drawing for this resolution",
      "N" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &args->theme, "light, dark or presentation", "THEME" },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &args->scenario, "The scenario (default: the first)",
      "NAME" },
    { "log", 0, 0, G_OPTION_ARG_NONE, &args->log_axes, "Logarithmic axes (returns chart)", NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &args->transparent, "No background", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output, "The file to write", "OUT" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context, "Draw a chart of a Plateau document.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      plateau_cli_print_error ("chart: %s", error->message);
      return PLATEAU_CLI_USAGE;
    }
  if (argc != 2)
    {
      plateau_cli_print_error ("chart: give exactly one FILE; see 'plateau-cli chart --help'");
      return PLATEAU_CLI_USAGE;
    }

  *file = g_strdup (argv[1]);
  return PLATEAU_CLI_OK;
}

/**
 * plateau_cli_chart:
 * @argc: the number of arguments, the command's name included
 * @argv: the arguments
 *
 * Runs `plateau-cli chart FILE --chart KIND --format FORMAT -o OUT`.
 *
 * Returns: a #PlateauCliStatus.
 */
int
plateau_cli_chart (int    argc,
                   char **argv)
{
  g_auto (ChartArgs) args = { 0 };
  g_autofree char *file = NULL;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (PlateauChart) chart = NULL;
  g_autoptr (GFile) in = NULL, out = NULL;
  g_autoptr (GError) error = NULL;
  const PlateauTheme *theme;
  PlateauExportOptions options;
  PlateauAnalysisChart kind;
  int status;

  status = parse_args (argc, argv, &args, &file);
  if (status != PLATEAU_CLI_OK)
    return status;
  if (!resolve_options (&args, &kind, &theme, &options))
    return PLATEAU_CLI_USAGE;

  in = g_file_new_for_commandline_arg (file);
  document = plateau_document_load (in, NULL, &error);
  if (document == NULL)
    {
      plateau_cli_print_error ("%s", error->message);
      return PLATEAU_CLI_BAD_INPUT;
    }

  chart = build_chart (document, file, kind, &args);
  if (chart == NULL)
    return PLATEAU_CLI_BAD_INPUT;

  out = g_file_new_for_commandline_arg (args.output);
  if (!plateau_chart_export (chart, theme, &options, out, &error))
    {
      plateau_cli_print_error ("%s", error->message);
      return PLATEAU_CLI_BAD_INPUT;
    }

  return PLATEAU_CLI_OK;
}
