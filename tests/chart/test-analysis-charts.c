/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts built from an analysis: what each one contains, its caption, and
 * that it draws, for a life cycle with a known shape, for the bundled
 * sample and for a scenario with nothing to analyse.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "plateau-analysis-charts.h"
#include "plateau-chart-private.h"
#include "plateau-document.h"

/* Twenty years of a logistic life cycle: cumulative return K / (1 + e^(−r(t − t0))) with
 * K = 1000, r = 0.6, t0 = 2012, on a steadily growing investment. */
static PlateauScenario *
logistic_scenario (void)
{
  PlateauScenario *scenario = plateau_scenario_new ("Logistic");
  double previous = 0;

  plateau_scenario_set_unit (scenario, "M€");
  for (int year = 2003; year <= 2022; year++)
    {
      double cumulative = 1000 / (1 + exp (-0.6 * (year - 2012)));
      g_autofree char *label = g_strdup_printf ("%d", year);

      plateau_scenario_append_period (scenario, label, 10 + 2.0 * (year - 2003),
                                      cumulative - previous);
      previous = cumulative;
    }

  return scenario;
}

static PlateauAnalysis *
logistic_analysis (void)
{
  g_autoptr (PlateauScenario) scenario = logistic_scenario ();

  return plateau_analysis_new (scenario);
}

static guint
count_kind (const PlateauChart *chart,
            PlateauSeriesKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < chart->series->len; i++)
    n += ((PlateauChartSeries *) g_ptr_array_index (chart->series, i))->kind == kind;

  return n;
}

static gboolean
draws_data (const PlateauChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  gboolean drew = plateau_chart_render (chart, plateau_theme_get (PLATEAU_THEME_LIGHT), cr, 640,
                                        400, 0);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return drew;
}

static void
test_roi (void)
{
  g_autoptr (PlateauAnalysis) analysis = logistic_analysis ();
  g_autoptr (PlateauChart) chart = plateau_chart_new_roi (analysis);
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);

  g_assert_cmpint (trend->status, ==, PLATEAU_FIT_OK);
  g_assert_cmpuint (count_kind (chart, PLATEAU_SERIES_BAND), ==, 1);
  g_assert_cmpuint (count_kind (chart, PLATEAU_SERIES_LINE), ==, 2);
  g_assert_cmpuint (count_kind (chart, PLATEAU_SERIES_SCATTER), ==, 1);
  g_assert_cmpuint (chart->stages->len, >=, 2);
  g_assert_cmpint (chart->axes[PLATEAU_AXIS_X].format, ==, PLATEAU_AXIS_FORMAT_YEAR);
  g_assert_true (g_str_has_prefix (plateau_chart_get_caption (chart),
                                   trend->slope_ci_hi.value < 0   ? "ROI falling"
                                   : trend->slope_ci_lo.value > 0 ? "ROI rising"
                                                                  : "No clear ROI trend"));
  g_assert_nonnull (strstr (plateau_chart_get_caption (chart), "95 % interval"));
  g_assert_true (draws_data (chart));

  /* Stage bands follow each other without gaps or overlaps. */
  for (guint i = 1; i < chart->stages->len; i++)
    g_assert_cmpfloat (g_array_index (chart->stages, PlateauChartStage, i).x_start, ==,
                       g_array_index (chart->stages, PlateauChartStage, i - 1).x_end);
}

static void
test_returns (void)
{
  g_autoptr (PlateauAnalysis) analysis = logistic_analysis ();
  g_autoptr (PlateauChart) linear = plateau_chart_new_returns (analysis, FALSE);
  g_autoptr (PlateauChart) logarithmic = plateau_chart_new_returns (analysis, TRUE);
  const PlateauElasticity *e = plateau_analysis_get_elasticity (analysis);

  g_assert_cmpint (e->status, ==, PLATEAU_FIT_OK);
  g_assert_cmpuint (count_kind (linear, PLATEAU_SERIES_SCATTER), ==, 1);
  g_assert_cmpuint (count_kind (linear, PLATEAU_SERIES_LINE), ==, 1);
  g_assert_cmpint (linear->axes[PLATEAU_AXIS_X].scale, ==, PLATEAU_SCALE_LINEAR);
  g_assert_cmpint (logarithmic->axes[PLATEAU_AXIS_X].scale, ==, PLATEAU_SCALE_LOG);
  g_assert_cmpint (logarithmic->axes[PLATEAU_AXIS_Y].scale, ==, PLATEAU_SCALE_LOG);
  g_assert_true (g_str_has_prefix (plateau_chart_get_caption (linear), "Elasticity b = "));
  g_assert_true (draws_data (linear));
  g_assert_true (draws_data (logarithmic));
}

static void
test_scurve (void)
{
  g_autoptr (PlateauAnalysis) analysis = logistic_analysis ();
  g_autoptr (PlateauChart) chart = plateau_chart_new_scurve (analysis);
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (analysis);
  const PlateauChartMarker *inflection;

  g_assert_cmpint (l->status, ==, PLATEAU_FIT_OK);
  g_assert_cmpuint (chart->markers->len, ==, 1);
  inflection = &g_array_index (chart->markers, PlateauChartMarker, 0);
  g_assert_cmpint (inflection->kind, ==, PLATEAU_MARKER_VLINE);
  g_assert_cmpfloat_with_epsilon (inflection->x, 2012, 0.05);
  g_assert_cmpuint (count_kind (chart, PLATEAU_SERIES_BAND), ==, 1);
  g_assert_cmpuint (chart->stages->len, >=, 3);
  g_assert_nonnull (strstr (plateau_chart_get_caption (chart), "inflection at 2012.0"));
  g_assert_true (draws_data (chart));
}

/* The study's manufacturing series: returns still rising, so the S-curve's
 * ceiling is not identified; ROI falls, then rises, with no clear trend. */
static PlateauAnalysis *
manufacturing_analysis (void)
{
  g_autoptr (PlateauScenario) scenario = plateau_scenario_new ("Manufacturing");
  const double ret[] = { 50, 65, 80, 95, 110, 125, 140, 155, 180, 205, 230, 255, 280, 305,
                         330, 355, 380, 405, 430 };

  for (guint i = 0; i < G_N_ELEMENTS (ret); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);

      plateau_scenario_append_period (scenario, label, 10 + 5.0 * i, ret[i]);
    }

  return plateau_analysis_new (scenario);
}

static void
test_untrusted_fits (void)
{
  g_autoptr (PlateauAnalysis) analysis = manufacturing_analysis ();
  g_autoptr (PlateauChart) roi = plateau_chart_new_roi (analysis);
  g_autoptr (PlateauChart) scurve = plateau_chart_new_scurve (analysis);
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);

  /* A slope whose interval holds zero is not called rising or falling. */
  g_assert_cmpfloat (trend->slope_ci_lo.value, <, 0);
  g_assert_cmpfloat (trend->slope_ci_hi.value, >, 0);
  g_assert_true (g_str_has_prefix (plateau_chart_get_caption (roi),
                                   "No clear ROI trend: 0.0069 a period, 95 % interval "));

  /* An S-curve the analysis does not trust is not drawn, and the caption
   * says what the forecast follows instead. */
  g_assert_cmpint (plateau_analysis_get_lifecycle (analysis)->status, !=, PLATEAU_FIT_OK);
  for (guint i = 0; i < scurve->series->len; i++)
    g_assert_cmpstr (((PlateauChartSeries *) g_ptr_array_index (scurve->series, i))->name, !=,
                     "Fitted S-curve");
  g_assert_cmpuint (scurve->markers->len, ==, 0);
  g_assert_true (g_str_has_suffix (plateau_chart_get_caption (scurve),
                                   "; the forecast follows the ROI trend of the last 5 "
                                   "periods"));
  g_assert_true (draws_data (scurve));
}

static void
test_portfolio_and_comparison (void)
{
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "samples",
                                                 "sample.plateau", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) analyses = g_ptr_array_new_with_free_func (
    (GDestroyNotify) plateau_analysis_unref);
  g_autoptr (PlateauPortfolio) portfolio = NULL;
  g_autoptr (PlateauChart) allocation = NULL, comparison = NULL;
  guint n;

  document = plateau_document_load (file, NULL, &error);
  g_assert_no_error (error);
  n = plateau_document_get_n_scenarios (document);
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (analyses, plateau_analysis_new (plateau_document_get_scenario (document, i)));

  portfolio = plateau_portfolio_new ((PlateauAnalysis *const *) analyses->pdata, n, 500, &error);
  g_assert_no_error (error);
  allocation = plateau_chart_new_allocation (portfolio);
  /* Agriculture's returns did not follow its investment and the early
   * technology's are increasing: they are named, not drawn. */
  g_assert_cmpuint (allocation->categories->len, ==, n - 2);
  g_assert_true (g_str_has_suffix (allocation->subtitle,
                                   "; left out: Precision agriculture (illustrative), "
                                   "AI-assisted diagnosis in healthcare (illustrative)"));
  g_assert_cmpuint (count_kind (allocation, PLATEAU_SERIES_BAR), ==, 2);
  g_assert_true (g_str_has_prefix (plateau_chart_get_caption (allocation), "The best split"));
  g_assert_true (draws_data (allocation));

  comparison = plateau_chart_new_comparison ((PlateauAnalysis *const *) analyses->pdata, n);
  g_assert_cmpuint (count_kind (comparison, PLATEAU_SERIES_LINE), ==, n);
  /* Years and period numbers mixed: every series starts at period 1. */
  for (guint i = 0; i < comparison->series->len; i++)
    {
      PlateauChartSeries *s = g_ptr_array_index (comparison->series, i);

      if (s->kind == PLATEAU_SERIES_LINE)
        g_assert_cmpfloat (s->x[0], ==, 1);
    }
  g_assert_true (draws_data (comparison));
}

/* A scenario with no periods: every chart says so instead of drawing. */
static void
test_nothing_to_analyse (void)
{
  g_autoptr (PlateauScenario) scenario = plateau_scenario_new ("Empty");
  g_autoptr (PlateauAnalysis) analysis = plateau_analysis_new (scenario);
  PlateauChart *charts[] = {
    plateau_chart_new_roi (analysis),
    plateau_chart_new_returns (analysis, TRUE),
    plateau_chart_new_scurve (analysis),
  };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_assert_false (draws_data (charts[i]));
      g_assert_nonnull (plateau_chart_get_caption (charts[i]));
      plateau_chart_free (charts[i]);
    }
}

static void
test_names (void)
{
  PlateauAnalysisChart kind;

  g_assert_true (plateau_analysis_chart_from_name ("scurve", &kind));
  g_assert_cmpint (kind, ==, PLATEAU_ANALYSIS_CHART_SCURVE);
  g_assert_true (plateau_analysis_chart_from_name ("portfolio", &kind));
  g_assert_cmpint (kind, ==, PLATEAU_ANALYSIS_CHART_PORTFOLIO);
  g_assert_false (plateau_analysis_chart_from_name ("pie", &kind));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis-charts/roi", test_roi);
  g_test_add_func ("/analysis-charts/returns", test_returns);
  g_test_add_func ("/analysis-charts/scurve", test_scurve);
  g_test_add_func ("/analysis-charts/untrusted-fits", test_untrusted_fits);
  g_test_add_func ("/analysis-charts/portfolio", test_portfolio_and_comparison);
  g_test_add_func ("/analysis-charts/nothing-to-analyse", test_nothing_to_analyse);
  g_test_add_func ("/analysis-charts/names", test_names);

  return g_test_run ();
}
