/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every view of the workspace in the light and the dark style, in
 * the language of the environment, into the build folder for review:
 * screenshot-<view>-<style>-<language>.png. Each rendering must show
 * something (not a blank window).
 *
 * It also renders the screenshots of the AppStream metadata and the
 * README, at a laptop's window size, into appstream/ in the build folder;
 * data/screenshots/take-screenshots.sh copies them into the source tree.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plateau-charts-page.h"
#include "plateau-strategy-page.h"
#include "plateau-workspace-test.h"

static const char *
language (void)
{
  const char *value = g_getenv ("LANGUAGE");

  return value != NULL && *value != '\0' ? value : "en";
}

static void
shoot (GtkWidget  *widget,
       const char *view,
       const char *style)
{
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("screenshot-%s-%s-%s.png", view, style,
                                           language ());
  g_autofree char *path = NULL;

  plateau_test_wait_for_frame (widget);
  plateau_test_drain ();
  plateau_test_wait_for_frame (widget);
  texture = plateau_test_render (widget);
  path = plateau_test_save_png (texture, name);
  plateau_test_assert_not_blank (texture);
}

static void
shoot_all (PlateauWindow *window,
           const char    *style)
{
  PlateauDocument *document = plateau_window_get_document (window);
  const char *pages[] = { "charts", "forecast", "portfolio", "strategy" };
  GtkWidget *dialog;
  g_autoptr (GFile) csv = NULL;
  g_autofree char *path = NULL;

  /* The Data page of the first scenario, a cell refused. */
  plateau_test_type_into (window, 4, PLATEAU_DATA_COLUMN_INVESTMENT, "3O");
  shoot (GTK_WIDGET (window), "data", style);
  plateau_test_type_into (window, 4, PLATEAU_DATA_COLUMN_INVESTMENT, "30");

  /* The other pages of the scenario, then a concept graph. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwViewStack *stack = plateau_scenario_view_get_stack (
        PLATEAU_SCENARIO_VIEW (plateau_window_get_scenario_view (window)));

      adw_view_stack_set_visible_child_name (stack, pages[i]);
      shoot (GTK_WIDGET (window), pages[i], style);
      adw_view_stack_set_visible_child_name (stack, "data");
    }
  plateau_test_select_graph (window, 1);
  shoot (GTK_WIDGET (window), "graph", style);

  g_assert_nonnull (document);

  /* The CSV import preview. */
  path = g_test_build_filename (G_TEST_DIST, "app", "import-sample.csv", NULL);
  csv = g_file_new_for_path (path);
  dialog = plateau_window_import_csv_file (window, csv);
  g_assert_nonnull (dialog);
  shoot (dialog, "import-csv", style);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The empty state, after the edits are dropped. */
  plateau_window_set_document (window, NULL, NULL);
  shoot (GTK_WIDGET (window), "empty", style);
}

static void
check_light (PlateauApplication *app,
             PlateauWindow      *window,
             gconstpointer       data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  shoot_all (window, "light");
}

static void
check_dark (PlateauApplication *app,
            PlateauWindow      *window,
            gconstpointer       data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_all (window, "dark");
}

static AdwViewStack *
page_stack (PlateauWindow *window)
{
  GtkWidget *view = plateau_window_get_scenario_view (window);

  return plateau_scenario_view_get_stack (PLATEAU_SCENARIO_VIEW (view));
}

static void
shoot_appstream (GtkWidget  *widget,
                 const char *view,
                 const char *style)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "appstream", NULL);
  g_autofree char *name = g_strdup_printf ("appstream/plateau-%s-%s-%s.png", view, style,
                                           language ());
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0755);
  plateau_test_wait_for_frame (widget);
  plateau_test_drain ();
  plateau_test_wait_for_frame (widget);
  texture = plateau_test_render (widget);
  plateau_test_assert_not_blank (texture);
  path = plateau_test_save_png (texture, name);
}

/* The life cycle of precision agriculture, the sample's scenario that has
 * been through every stage, as an S-curve with its stage bands. */
static void
show_s_curve (PlateauWindow *window)
{
  GtkWidget *view = plateau_window_get_scenario_view (window);
  GtkWidget *page;

  plateau_test_select_scenario (window, 1);
  adw_view_stack_set_visible_child_name (page_stack (window), "charts");
  plateau_test_drain ();
  page = plateau_scenario_view_get_page (PLATEAU_SCENARIO_VIEW (view), "charts");
  plateau_charts_page_set_kind (PLATEAU_CHARTS_PAGE (page), "scurve");
}

/* Autonomous freight transport is past its inflection: its strategy has
 * evidence from a trusted S-curve, and the analyst's first note. */
static void
show_strategy (PlateauWindow *window)
{
  GtkWidget *view = plateau_window_get_scenario_view (window);
  PlateauStrategyPage *page;
  PlateauStrategyCard *card;
  const char *note = g_str_equal (language (), "zh_CN")
                     ? "已过拐点，收益正接近上限：开始规划下一代技术。"
                     : "Past its inflection and close to the ceiling: "
                       "start planning the technology that follows it.";

  plateau_test_select_scenario (window, 2);
  adw_view_stack_set_visible_child_name (page_stack (window), "strategy");
  plateau_test_drain ();
  page = PLATEAU_STRATEGY_PAGE (plateau_scenario_view_get_page (PLATEAU_SCENARIO_VIEW (view),
                                                                "strategy"));
  card = plateau_strategy_page_get_card (page, PLATEAU_STRATEGY_STAGE);
  gtk_text_buffer_set_text (plateau_strategy_card_get_buffer (card), note, -1);
  plateau_strategy_page_commit_notes (page);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

static void
shoot_appstream_views (PlateauWindow *window,
                       const char    *style)
{
  show_s_curve (window);
  shoot_appstream (GTK_WIDGET (window), "charts", style);
  if (g_str_equal (style, "dark"))
    return;

  plateau_test_select_scenario (window, 0);
  adw_view_stack_set_visible_child_name (page_stack (window), "data");
  shoot_appstream (GTK_WIDGET (window), "data", style);
  plateau_test_select_graph (window, 0);
  shoot_appstream (GTK_WIDGET (window), "graph", style);

  /* Last, as the note is an edit that the title bar shows. */
  show_strategy (window);
  shoot_appstream (GTK_WIDGET (window), "strategy", style);
}

static void
check_appstream (PlateauApplication *app,
                 PlateauWindow      *window,
                 gconstpointer       data)
{
  /* Dark first: the light pictures end with an edit. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_appstream_views (window, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  shoot_appstream_views (window, "light");

  /* Drop the note, so that quitting asks no question. */
  plateau_window_set_document (window, NULL, NULL);
}

static void
run_first_start (PlateauWindowTestFunc func)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);

  g_settings_reset (settings, "first-start");
  g_settings_reset (settings, "style-variant");
  plateau_test_run_with_window (func, NULL);
}

static void
test_screenshots_light (void)
{
  run_first_start (check_light);
}

static void
test_screenshots_dark (void)
{
  run_first_start (check_dark);
}

static void
test_screenshots_appstream (void)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);

  /* Wide enough for the page switcher to sit in the header bar. */
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  run_first_start (check_appstream);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("plateau-state-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  plateau_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screenshots/light", test_screenshots_light);
  g_test_add_func ("/screenshots/dark", test_screenshots_dark);
  g_test_add_func ("/screenshots/appstream", test_screenshots_appstream);

  return g_test_run ();
}
