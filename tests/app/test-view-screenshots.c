/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every view page with the sample document in the light and dark
 * styles and saves the images in the build folder for review
 * (screenshots/<page>-<style>-<language>.png). Run with --zh_CN it renders
 * them in Simplified Chinese (a language per process: gettext keeps what
 * it has looked up). Each image must not be blank, and the Chinese pages
 * must show their Chinese labels.
 */

#include "config.h"

#include "plateau-charts-page.h"
#include "plateau-export-dialog.h"
#include "plateau-forecast-page.h"
#include "plateau-graph-page.h"
#include "plateau-portfolio-page.h"
#include "plateau-strategy-page.h"
#include "plateau-views-hover.h"
#include "plateau-views-test.h"

typedef struct
{
  const char *language;       /* "en" or "zh_CN" */
  const char *suffix;
  gboolean dark;
} Variant;

static const Variant variants[] = {
  { "en", "light-en", FALSE },
  { "en", "dark-en", TRUE },
  { "zh_CN", "light-zh_CN", FALSE },
  { "zh_CN", "dark-zh_CN", TRUE },
};

static void
apply_variant (const Variant *variant)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      variant->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                    : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
save_shot (GtkWidget     *widget,
           const char    *page,
           const Variant *variant)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *name = g_strdup_printf ("screenshots/%s-%s.png", page, variant->suffix);
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0755);
  plateau_views_test_settle (widget);
  texture = plateau_test_render (widget);
  plateau_test_assert_not_blank (texture);
  path = plateau_test_save_png (texture, name);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static void
test_charts_page (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (PlateauAnalysis) analysis = NULL;
  PlateauChartsPage *page;
  GtkWindow *window;
  static const char *const kinds[] = { "roi", "returns", "scurve" };

  apply_variant (variant);
  document = plateau_views_test_sample ();
  analysis = plateau_analysis_new (plateau_document_get_scenario (document, 0));
  page = PLATEAU_CHARTS_PAGE (plateau_charts_page_new ());
  plateau_charts_page_set_analysis (page, analysis);
  window = plateau_views_test_show (GTK_WIDGET (page), 1200, 760);

  if (g_str_equal (variant->language, "zh_CN"))
    g_assert_nonnull (plateau_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON,
                                                label_is, "投资回报率走势"));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("charts-%s", kinds[i]);

      plateau_charts_page_set_kind (page, kinds[i]);
      if (i == 0)
        {
          plateau_views_test_settle (GTK_WIDGET (window));
          plateau_views_test_point_at (plateau_charts_page_get_chart_view (page), 8, 155.0 / 45);
        }
      save_shot (GTK_WIDGET (window), name, variant);
    }

  gtk_window_destroy (window);
}

static void
test_forecast_page (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (PlateauAnalysis) analysis = NULL;
  PlateauForecastPage *page;
  GtkWindow *window;

  apply_variant (variant);
  document = plateau_views_test_sample ();
  analysis = plateau_analysis_new (plateau_document_get_scenario (document, 0));
  page = PLATEAU_FORECAST_PAGE (plateau_forecast_page_new ());
  plateau_forecast_page_set_analysis (page, analysis);
  window = plateau_views_test_show (GTK_WIDGET (page), 1200, 860);
  save_shot (GTK_WIDGET (window), "forecast", variant);
  gtk_window_destroy (window);
}

static void
test_portfolio_page (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr (PlateauDocument) document = NULL;
  PlateauPortfolioPage *page;
  GtkWindow *window;

  apply_variant (variant);
  document = plateau_views_test_sample ();
  page = PLATEAU_PORTFOLIO_PAGE (plateau_portfolio_page_new ());
  plateau_portfolio_page_set_document (page, document);
  window = plateau_views_test_show (GTK_WIDGET (page), 1200, 1240);

  /* As in the application, the budget entry is not focused on arrival. */
  gtk_window_set_focus (window, NULL);
  save_shot (GTK_WIDGET (window), "portfolio", variant);
  gtk_window_destroy (window);
}

/* An analyst's note on the first step, in the language of the page, to
 * show the notes beside the evidence. */
static void
type_note (PlateauStrategyPage *page,
           const Variant       *variant)
{
  PlateauStrategyCard *card = plateau_strategy_page_get_card (page, PLATEAU_STRATEGY_STAGE);
  const char *note = g_str_equal (variant->language, "zh_CN")
                     ? "仍处于成长期，但投资回报率的走势并不显著：再观察两个时期。"
                     : "Still in growth, but the ROI trend is not significant: "
                       "watch the next two periods before moving money.";

  gtk_text_buffer_set_text (plateau_strategy_card_get_buffer (card), note, -1);
  plateau_strategy_page_commit_notes (page);
}

static void
test_strategy_page (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (PlateauAnalysis) analysis = NULL;
  g_autoptr (PlateauCommandStack) stack = plateau_command_stack_new ();
  PlateauScenario *scenario;
  PlateauStrategyPage *page;
  GtkWindow *window;

  apply_variant (variant);
  document = plateau_views_test_sample ();
  scenario = plateau_document_get_scenario (document, 0);
  analysis = plateau_analysis_new (scenario);
  page = PLATEAU_STRATEGY_PAGE (plateau_strategy_page_new ());
  plateau_strategy_page_set_scenario (page, scenario, stack);
  plateau_strategy_page_set_document (page, document);
  plateau_strategy_page_set_analysis (page, analysis);
  type_note (page, variant);
  window = plateau_views_test_show (GTK_WIDGET (page), 1200, 1000);

  if (g_str_equal (variant->language, "zh_CN"))
    g_assert_true (g_str_has_prefix (plateau_strategy_page_get_evidence (
      page, PLATEAU_STRATEGY_STAGE), "当前阶段"));

  gtk_window_set_focus (window, NULL);
  save_shot (GTK_WIDGET (window), "strategy", variant);
  gtk_window_destroy (window);
}

static void
test_graph_page (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr (PlateauDocument) document = NULL;
  PlateauGraphPage *page;
  GtkWindow *window;
  guint last;

  apply_variant (variant);
  document = plateau_views_test_sample ();
  last = plateau_document_get_n_graphs (document) - 1;
  page = PLATEAU_GRAPH_PAGE (plateau_graph_page_new ());
  plateau_graph_page_set_graph (page, plateau_document_get_graph (document, last));
  window = plateau_views_test_show (GTK_WIDGET (page), 1200, 760);
  save_shot (GTK_WIDGET (window), "graph", variant);

  /* The same page with an error in its third line. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (plateau_graph_page_get_buffer (page)),
                            "graph TB\n    A[Idea] --> B[Prototype]\n    B --> C[Product\n"
                            "    C --> D[Market]\n", -1);
  plateau_graph_page_update_now (page);
  save_shot (GTK_WIDGET (window), "graph-error", variant);
  gtk_window_destroy (window);
}

static void
test_export_dialog (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (PlateauAnalysis) analysis = NULL;
  PlateauChartsPage *page;
  PlateauExportDialog *dialog;
  GtkWindow *window;

  apply_variant (variant);
  document = plateau_views_test_sample ();
  analysis = plateau_analysis_new (plateau_document_get_scenario (document, 0));
  page = PLATEAU_CHARTS_PAGE (plateau_charts_page_new ());
  plateau_charts_page_set_analysis (page, analysis);
  plateau_charts_page_set_kind (page, "returns");
  window = plateau_views_test_show (GTK_WIDGET (page), 1000, 700);
  dialog = plateau_export_dialog_new (
    window, PLATEAU_EXPORTABLE (plateau_charts_page_get_chart_view (page)));
  gtk_window_present (GTK_WINDOW (dialog));
  save_shot (GTK_WIDGET (dialog), "export-dialog", variant);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = "en";

  if (argc > 1 && g_str_equal (argv[argc - 1], "--zh_CN"))
    {
      /* Honoured because the test environment sets LANG=C.UTF-8. */
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      language = "zh_CN";
      argc--;
    }

  /* The software GL of a headless server is slow to start for each window. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  plateau_i18n_init ();
  plateau_views_test_load_style ();

  /* Screenshots show the end of every transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autofree char *charts = NULL, *forecast = NULL, *portfolio = NULL, *graph = NULL;
      g_autofree char *export = NULL, *strategy = NULL;

      if (!g_str_equal (v->language, language))
        continue;

      charts = g_strdup_printf ("/screenshots/charts/%s", v->suffix);
      forecast = g_strdup_printf ("/screenshots/forecast/%s", v->suffix);
      portfolio = g_strdup_printf ("/screenshots/portfolio/%s", v->suffix);
      graph = g_strdup_printf ("/screenshots/graph/%s", v->suffix);
      export = g_strdup_printf ("/screenshots/export-dialog/%s", v->suffix);
      strategy = g_strdup_printf ("/screenshots/strategy/%s", v->suffix);

      g_test_add_data_func (charts, v, test_charts_page);
      g_test_add_data_func (forecast, v, test_forecast_page);
      g_test_add_data_func (portfolio, v, test_portfolio_page);
      g_test_add_data_func (graph, v, test_graph_page);
      g_test_add_data_func (export, v, test_export_dialog);
      g_test_add_data_func (strategy, v, test_strategy_page);
    }

  return g_test_run ();
}
