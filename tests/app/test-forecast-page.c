/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forecast page with the sample scenario: the chart draws, the table
 * has one row per forecast period with the analysis' figures, the key
 * figure names the horizon, and the pointer reads the chart.
 */

#include "config.h"

#include "plateau-forecast-page.h"
#include "plateau-format.h"
#include "plateau-table-row.h"
#include "plateau-views-hover.h"
#include "plateau-views-test.h"

typedef struct
{
  PlateauDocument *document;
  PlateauAnalysis *analysis;
  PlateauForecastPage *page;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = plateau_views_test_sample ();
  fixture->analysis = plateau_analysis_new (plateau_document_get_scenario (fixture->document, 0));
  fixture->page = PLATEAU_FORECAST_PAGE (plateau_forecast_page_new ());
  plateau_forecast_page_set_analysis (fixture->page, fixture->analysis);
  fixture->window = plateau_views_test_show (GTK_WIDGET (fixture->page), 1000, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  plateau_analysis_unref (fixture->analysis);
  g_object_unref (fixture->document);
}

static void
test_draws (Fixture       *fixture,
            gconstpointer  data)
{
  PlateauChartView *view = plateau_forecast_page_get_chart_view (fixture->page);
  g_autoptr (GdkTexture) texture = plateau_test_render (GTK_WIDGET (view));

  plateau_test_assert_not_blank (texture);
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *rows = plateau_forecast_page_get_rows (fixture->page);
  guint n = plateau_analysis_get_n_forecast (fixture->analysis);

  /* The sample has 19 periods and a horizon of 5: periods 20 to 24. */
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PlateauTableRow) row = g_list_model_get_item (rows, i);
      const PlateauForecastPoint *point = plateau_analysis_get_forecast (fixture->analysis, i);
      g_autofree char *period = g_strdup_printf ("%u", 20 + i);
      g_autofree char *ret = plateau_format_amount (point->ret.value);
      g_autofree char *lo = plateau_format_amount (point->lo.value);
      g_autofree char *hi = plateau_format_amount (point->hi.value);

      g_assert_cmpstr (plateau_table_row_get_cell (row, 0), ==, period);
      g_assert_cmpstr (plateau_table_row_get_cell (row, 2), ==, ret);
      g_assert_cmpstr (plateau_table_row_get_cell (row, 3), ==, lo);
      g_assert_cmpstr (plateau_table_row_get_cell (row, 4), ==, hi);
      g_assert_cmpfloat (point->lo.value, <=, point->ret.value);
      g_assert_cmpfloat (point->ret.value, <=, point->hi.value);
    }

  g_assert_true (g_str_has_prefix (plateau_forecast_page_get_caption (fixture->page),
                                   "By period 24 the cumulative return"));
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  PlateauChartView *view = plateau_forecast_page_get_chart_view (fixture->page);

  /* The last period of the sample: return 430 in period 19. */
  plateau_views_test_point_at (view, 19, 430);
  g_assert_cmpstr (plateau_chart_view_get_readout (view), ==, "Return\n19: 430 units");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (PlateauScenario) scenario = plateau_scenario_new ("Empty");
  g_autoptr (PlateauAnalysis) analysis = plateau_analysis_new (scenario);

  plateau_forecast_page_set_analysis (fixture->page, analysis);
  g_assert_cmpuint (g_list_model_get_n_items (plateau_forecast_page_get_rows (fixture->page)),
                    ==, 0);
  g_assert_null (plateau_chart_view_get_chart (plateau_forecast_page_get_chart_view (
    fixture->page)));
}

int
main (int   argc,
      char *argv[])
{
  /* The software GL of a headless server is slow to start for each window. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  plateau_i18n_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/forecast-page/draws", test_draws);
  ADD ("/forecast-page/table", test_table);
  ADD ("/forecast-page/hover", test_hover);
  ADD ("/forecast-page/empty", test_empty);
#undef ADD

  return g_test_run ();
}
