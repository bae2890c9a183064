/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every view of the workspace in the light and the dark style, in
 * the language of the environment, into the build folder for review:
 * screenshot-<view>-<style>-<language>.png. Each rendering must show
 * something (not a blank window).
 */

#include "config.h"

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
  const char *pages[] = { "charts", "forecast", "portfolio" };
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

  return g_test_run ();
}
