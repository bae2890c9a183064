/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts page with the sample scenario: each chart of the picker draws,
 * the picker and the log option are actions, the key figure follows the
 * chart, and the pointer reads the ROI of a period.
 */

#include "config.h"

#include "plateau-charts-page.h"
#include "plateau-views-hover.h"
#include "plateau-views-test.h"

typedef struct
{
  PlateauDocument *document;
  PlateauAnalysis *analysis;
  PlateauChartsPage *page;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = plateau_views_test_sample ();
  fixture->analysis = plateau_analysis_new (plateau_document_get_scenario (fixture->document, 0));
  fixture->page = PLATEAU_CHARTS_PAGE (plateau_charts_page_new ());
  plateau_charts_page_set_analysis (fixture->page, fixture->analysis);
  fixture->window = plateau_views_test_show (GTK_WIDGET (fixture->page), 1000, 760);
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
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
check_draws (Fixture *fixture)
{
  PlateauChartView *view = plateau_charts_page_get_chart_view (fixture->page);
  g_autoptr (GdkTexture) texture = NULL;

  plateau_views_test_settle (GTK_WIDGET (fixture->window));
  texture = plateau_test_render (GTK_WIDGET (view));
  plateau_test_assert_not_blank (texture);
}

static void
test_picker (Fixture       *fixture,
             gconstpointer  data)
{
  guint kind_notified = 0;

  g_signal_connect (fixture->page, "notify::kind", G_CALLBACK (count_notify), &kind_notified);
  g_assert_cmpstr (plateau_charts_page_get_kind (fixture->page), ==, "roi");
  g_assert_true (g_str_has_prefix (plateau_charts_page_get_caption (fixture->page),
                                   "ROI trend: "));
  check_draws (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "charts.kind", "s", "returns");
  g_assert_cmpstr (plateau_charts_page_get_kind (fixture->page), ==, "returns");
  g_assert_true (g_str_has_prefix (plateau_charts_page_get_caption (fixture->page),
                                   "Elasticity b = "));
  check_draws (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "charts.kind", "s", "scurve");
  g_assert_true (g_str_has_prefix (plateau_charts_page_get_caption (fixture->page), "Stage: "));
  check_draws (fixture);

  /* Choosing the chart shown changes nothing. */
  plateau_charts_page_set_kind (fixture->page, "scurve");
  g_assert_cmpuint (kind_notified, ==, 2);
}

static void
test_log_scale (Fixture       *fixture,
                gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (fixture->page, "notify::log-scale", G_CALLBACK (count_notify), &notified);
  plateau_charts_page_set_kind (fixture->page, "returns");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "charts.log-scale", NULL);
  g_assert_true (plateau_charts_page_get_log_scale (fixture->page));
  g_assert_cmpuint (notified, ==, 1);
  check_draws (fixture);
  plateau_charts_page_set_log_scale (fixture->page, TRUE);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  PlateauChartView *view = plateau_charts_page_get_chart_view (fixture->page);

  /* Period 1 of the sample: 50 / 10 = 5. */
  plateau_views_test_point_at (view, 1, 5);
  g_assert_cmpstr (plateau_chart_view_get_readout (view), ==, "ROI\n1: 5");

  /* Period 19: 430 / 100 = 4.3. */
  plateau_views_test_point_at (view, 19, 4.3);
  g_assert_cmpstr (plateau_chart_view_get_readout (view), ==, "ROI\n19: 4.30");
}

static void
test_no_analysis (Fixture       *fixture,
                  gconstpointer  data)
{
  plateau_charts_page_set_analysis (fixture->page, NULL);
  g_assert_null (plateau_chart_view_get_chart (plateau_charts_page_get_chart_view (
    fixture->page)));
  g_assert_cmpstr (plateau_charts_page_get_caption (fixture->page), ==, "");
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
  ADD ("/charts-page/picker", test_picker);
  ADD ("/charts-page/log-scale", test_log_scale);
  ADD ("/charts-page/hover", test_hover);
  ADD ("/charts-page/no-analysis", test_no_analysis);
#undef ADD

  return g_test_run ();
}
