/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "plateau-cli.h"
#include "plateau-model.h"

/*
 * plateau-cli analyze: reads a document or a CSV file, analyses one
 * scenario and prints the analysis as JSON, or as a short summary for
 * people without --json.
 */

static void
write_value (PlateauJsonWriter  *w,
             const char         *name,
             const PlateauValue *value)
{
  plateau_json_writer_member (w, name);
  if (plateau_value_is_present (value))
    plateau_json_writer_double (w, value->value);
  else
    plateau_json_writer_null (w);
}

static void
write_interval (PlateauJsonWriter  *w,
                const char         *name,
                const PlateauValue *lo,
                const PlateauValue *hi)
{
  plateau_json_writer_member (w, name);
  if (!plateau_value_is_present (lo) || !plateau_value_is_present (hi))
    {
      plateau_json_writer_null (w);
      return;
    }

  plateau_json_writer_begin_array (w);
  plateau_json_writer_double (w, lo->value);
  plateau_json_writer_double (w, hi->value);
  plateau_json_writer_end_array (w);
}

static void
write_stage (PlateauJsonWriter *w,
             const char        *name,
             PlateauStage       stage)
{
  plateau_json_writer_member (w, name);
  plateau_json_writer_string (w, stage == PLATEAU_STAGE_UNKNOWN
                                 ? NULL : plateau_stage_to_string (stage));
}

static void
write_periods (PlateauJsonWriter     *w,
               const PlateauAnalysis *a)
{
  plateau_json_writer_member (w, "periods");
  plateau_json_writer_begin_array (w);

  for (guint i = 0; i < plateau_analysis_get_n_periods (a); i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (a, i);

      plateau_json_writer_begin_object (w);
      plateau_json_writer_member (w, "label");
      plateau_json_writer_string (w, p->label);
      plateau_json_writer_member (w, "t");
      plateau_json_writer_double (w, p->t);
      plateau_json_writer_member (w, "investment");
      plateau_json_writer_double (w, p->investment);
      plateau_json_writer_member (w, "return");
      plateau_json_writer_double (w, p->ret);
      write_value (w, "roi", &p->roi);
      write_value (w, "marginal_roi", &p->marginal_roi);
      plateau_json_writer_member (w, "cumulative_investment");
      plateau_json_writer_double (w, p->cumulative_investment);
      plateau_json_writer_member (w, "cumulative_return");
      plateau_json_writer_double (w, p->cumulative_return);
      write_value (w, "saturation", &p->saturation);
      write_stage (w, "stage", p->stage);
      plateau_json_writer_end_object (w);
    }

  plateau_json_writer_end_array (w);
}

static void
write_trend (PlateauJsonWriter *w,
             const PlateauTrend *t)
{
  plateau_json_writer_member (w, "trend");
  plateau_json_writer_begin_object (w);
  write_value (w, "slope", &t->slope);
  write_value (w, "intercept", &t->intercept);
  write_value (w, "r2", &t->r2);
  write_interval (w, "slope_ci", &t->slope_ci_lo, &t->slope_ci_hi);
  write_value (w, "p_value", &t->p_value);
  plateau_json_writer_member (w, "n");
  plateau_json_writer_int (w, t->n);
  write_value (w, "trailing_slope", &t->trailing_slope);
  plateau_json_writer_member (w, "trailing_window");
  plateau_json_writer_int (w, t->trailing_window);
  plateau_json_writer_end_object (w);
}

static void
write_elasticity (PlateauJsonWriter       *w,
                  const PlateauElasticity *e)
{
  plateau_json_writer_member (w, "elasticity");
  plateau_json_writer_begin_object (w);
  write_value (w, "a", &e->a);
  write_value (w, "b", &e->b);
  write_interval (w, "b_ci", &e->b_ci_lo, &e->b_ci_hi);
  write_value (w, "r2", &e->r2);
  plateau_json_writer_member (w, "verdict");
  plateau_json_writer_string (w, e->verdict == PLATEAU_RETURNS_UNKNOWN
                                 ? NULL : plateau_returns_verdict_to_string (e->verdict));
  plateau_json_writer_member (w, "n");
  plateau_json_writer_int (w, e->n);
  plateau_json_writer_end_object (w);
}

static void
write_lifecycle (PlateauJsonWriter            *w,
                 const PlateauLifecycle       *l,
                 const PlateauStageAssessment *c)
{
  plateau_json_writer_member (w, "lifecycle");
  plateau_json_writer_begin_object (w);
  plateau_json_writer_member (w, "model");
  plateau_json_writer_string (w, plateau_curve_model_to_string (l->model));
  plateau_json_writer_member (w, "basis");
  plateau_json_writer_string (w, plateau_curve_basis_to_string (l->basis));
  write_value (w, "K", &l->K);
  write_value (w, "r", &l->r);
  write_value (w, "t0", &l->t0);
  plateau_json_writer_member (w, "se");
  plateau_json_writer_begin_object (w);
  write_value (w, "K", &l->K_se);
  write_value (w, "r", &l->r_se);
  write_value (w, "t0", &l->t0_se);
  plateau_json_writer_end_object (w);
  write_value (w, "r2", &l->r2);
  write_value (w, "aic", &l->aic);
  plateau_json_writer_member (w, "converged");
  plateau_json_writer_boolean (w, l->converged);
  plateau_json_writer_member (w, "fit_status");
  plateau_json_writer_string (w, l->status == PLATEAU_FIT_OK ? "ok" : l->reason);
  plateau_json_writer_member (w, "method");
  plateau_json_writer_string (w, c->method);
  write_stage (w, "stage", c->stage);
  plateau_json_writer_member (w, "confidence");
  plateau_json_writer_string (w, plateau_confidence_to_string (c->confidence));
  plateau_json_writer_member (w, "reason");
  plateau_json_writer_string (w, c->reason);
  plateau_json_writer_end_object (w);
}

static void
write_forecast (PlateauJsonWriter     *w,
                const PlateauAnalysis *a)
{
  plateau_json_writer_member (w, "forecast_basis");
  plateau_json_writer_string (w, plateau_analysis_get_forecast_basis (a));
  plateau_json_writer_member (w, "forecast");
  plateau_json_writer_begin_array (w);

  for (guint i = 0; i < plateau_analysis_get_n_forecast (a); i++)
    {
      const PlateauForecastPoint *f = plateau_analysis_get_forecast (a, i);

      plateau_json_writer_begin_object (w);
      plateau_json_writer_member (w, "t");
      plateau_json_writer_double (w, f->t);
      plateau_json_writer_member (w, "investment");
      plateau_json_writer_double (w, f->investment);
      write_value (w, "return", &f->ret);
      write_value (w, "lo", &f->lo);
      write_value (w, "hi", &f->hi);
      plateau_json_writer_end_object (w);
    }

  plateau_json_writer_end_array (w);
}

static void
write_import_warning (PlateauJsonWriter *w,
                      const char        *code,
                      const char        *message)
{
  plateau_json_writer_begin_object (w);
  plateau_json_writer_member (w, "period");
  plateau_json_writer_null (w);
  plateau_json_writer_member (w, "code");
  plateau_json_writer_string (w, code);
  plateau_json_writer_member (w, "message");
  plateau_json_writer_string (w, message);
  plateau_json_writer_end_object (w);
}

/* The importer lists only the first rejections; the count of the others
 * must still reach the reader, or they would vanish without a trace. */
static char *
unlisted_rejections (const PlateauCsvImport *import)
{
  return g_strdup_printf ("%u more rows were rejected; only the first %u are listed",
                          import->n_rejected - import->rejections->len,
                          import->rejections->len);
}

static void
write_warnings (PlateauJsonWriter      *w,
                const PlateauAnalysis  *a,
                const PlateauCsvImport *import)
{
  plateau_json_writer_member (w, "warnings");
  plateau_json_writer_begin_array (w);

  for (guint i = 0; import != NULL && i < import->rejections->len; i++)
    {
      const PlateauCsvRejection *r = g_ptr_array_index (import->rejections, i);

      write_import_warning (w, "rejected-row", r->message);
    }

  if (import != NULL && import->n_rejected > import->rejections->len)
    {
      g_autofree char *message = unlisted_rejections (import);

      write_import_warning (w, "rejected-rows-not-listed", message);
    }

  for (guint i = 0; i < plateau_analysis_get_n_warnings (a); i++)
    {
      const PlateauWarning *warning = plateau_analysis_get_warning (a, i);

      plateau_json_writer_begin_object (w);
      plateau_json_writer_member (w, "period");
      plateau_json_writer_string (w, warning->period >= 0
                                     ? plateau_analysis_get_period (a, warning->period)->label
                                     : NULL);
      plateau_json_writer_member (w, "code");
      plateau_json_writer_string (w, warning->code);
      plateau_json_writer_member (w, "message");
      plateau_json_writer_string (w, warning->message);
      plateau_json_writer_end_object (w);
    }

  plateau_json_writer_end_array (w);
}

static char *
analysis_to_json (const PlateauAnalysis  *a,
                  const PlateauCsvImport *import)
{
  g_autoptr (PlateauJsonWriter) w = plateau_json_writer_new (TRUE);

  plateau_json_writer_begin_object (w);
  plateau_json_writer_member (w, "scenario");
  plateau_json_writer_string (w, plateau_analysis_get_name (a));
  plateau_json_writer_member (w, "unit");
  plateau_json_writer_string (w, plateau_analysis_get_unit (a));
  write_periods (w, a);
  write_trend (w, plateau_analysis_get_trend (a));
  write_elasticity (w, plateau_analysis_get_elasticity (a));
  write_lifecycle (w, plateau_analysis_get_lifecycle (a), plateau_analysis_get_current_stage (a));
  write_forecast (w, a);
  write_warnings (w, a, import);
  plateau_json_writer_end_object (w);

  return plateau_json_writer_steal (w, NULL);
}

static void
print_rejections (const PlateauCsvImport *import)
{
  if (import == NULL || import->n_rejected == 0)
    return;

  printf ("Rejected rows: %u\n", import->n_rejected);
  for (guint i = 0; i < import->rejections->len; i++)
    {
      const PlateauCsvRejection *r = g_ptr_array_index (import->rejections, i);

      printf ("  %s\n", r->message);
    }

  if (import->n_rejected > import->rejections->len)
    {
      g_autofree char *message = unlisted_rejections (import);

      printf ("  %s\n", message);
    }
}

static void
print_summary (const PlateauAnalysis  *a,
               const PlateauCsvImport *import)
{
  const PlateauStageAssessment *c = plateau_analysis_get_current_stage (a);
  const PlateauTrend *t = plateau_analysis_get_trend (a);
  const PlateauElasticity *e = plateau_analysis_get_elasticity (a);

  printf ("%s: %u periods\n", plateau_analysis_get_name (a), plateau_analysis_get_n_periods (a));
  printf ("Stage: %s (%s)\n  %s\n", plateau_stage_get_display_name (c->stage),
          plateau_confidence_get_display_name (c->confidence), c->reason);
  if (plateau_value_is_present (&t->slope))
    printf ("ROI trend: %+.4g per period\n", t->slope.value);
  if (plateau_value_is_present (&e->b))
    printf ("Elasticity b: %.4g (%s returns to scale)\n", e->b.value,
            plateau_returns_verdict_to_string (e->verdict));
  for (guint i = 0; i < plateau_analysis_get_n_warnings (a); i++)
    printf ("Warning: %s\n", plateau_analysis_get_warning (a, i)->message);
  print_rejections (import);
}

static gboolean
is_csv (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv")
         || g_str_has_suffix (lower, ".txt");
}

static PlateauScenario *
pick_scenario (PlateauDocument *document,
               const char      *path,
               const char      *name,
               int             *status)
{
  PlateauScenario *scenario;

  if (name == NULL)
    {
      if (plateau_document_get_n_scenarios (document) > 0)
        return g_object_ref (plateau_document_get_scenario (document, 0));

      plateau_cli_print_error ("%s: the document has no scenarios", path);
      *status = PLATEAU_CLI_BAD_INPUT;
      return NULL;
    }

  scenario = plateau_document_find_scenario (document, name);
  if (scenario != NULL)
    return g_object_ref (scenario);

  plateau_cli_print_error ("%s: there is no scenario named '%s'", path, name);
  *status = PLATEAU_CLI_USAGE;
  return NULL;
}

static PlateauScenario *
load_scenario (const char        *path,
               const char        *name,
               PlateauCsvImport **import,
               int               *status)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  *status = PLATEAU_CLI_BAD_INPUT;

  if (is_csv (path))
    {
      *import = plateau_csv_import_file (file, NULL, &error);
      if (*import == NULL)
        {
          plateau_cli_print_error ("%s", error->message);
          return NULL;
        }
      return g_object_ref ((*import)->scenario);
    }

  document = plateau_document_load (file, NULL, &error);
  if (document == NULL)
    {
      plateau_cli_print_error ("%s", error->message);
      return NULL;
    }

  return pick_scenario (document, path, name, status);
}

/**
 * plateau_cli_analyze:
 * @argc: the number of arguments, the command's name included
 * @argv: the arguments
 *
 * Runs `plateau-cli analyze FILE [--scenario NAME] [--json]`.
 *
 * Returns: the exit status
 */
int
plateau_cli_analyze (int    argc,
                     char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauCsvImport) import = NULL;
  g_autoptr (PlateauScenario) scenario = NULL;
  g_autoptr (PlateauAnalysis) analysis = NULL;
  g_autofree char *name = NULL;
  gboolean json = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &name,
      "The scenario to analyse (the first by default)", "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the analysis as JSON", NULL },
    { NULL }
  };

  g_option_context_set_summary (context, "Analyse one scenario of a .plateau document or a "
                                         "CSV file of periods.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      plateau_cli_print_error ("analyze: %s", error->message);
      return PLATEAU_CLI_USAGE;
    }

  if (argc != 2)
    {
      plateau_cli_print_error ("analyze: expected one FILE; run 'plateau-cli analyze --help'");
      return PLATEAU_CLI_USAGE;
    }

  scenario = load_scenario (argv[1], name, &import, &status);
  if (scenario == NULL)
    return status;

  analysis = plateau_analysis_new (scenario);
  if (json)
    {
      g_autofree char *text = analysis_to_json (analysis, import);

      fputs (text, stdout);
    }
  else
    print_summary (analysis, import);

  return PLATEAU_CLI_OK;
}
