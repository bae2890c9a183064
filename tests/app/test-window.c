/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window as a user meets it: it renders, its menu reaches every
 * action, it comes back at the size it had, the style can be forced, and the
 * shortcuts window lists every keyboard shortcut.
 */

#include "config.h"

#include <string.h>

#include "plateau-app-test.h"
#include "plateau-preferences-window.h"

static void
reset_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
check_renders (PlateauApplication *app,
               PlateauWindow      *window,
               gconstpointer       data)
{
  g_autoptr (GdkTexture) texture = plateau_test_render (GTK_WIDGET (window));
  g_autofree char *path = plateau_test_save_png (texture, "plateau-window.png");

  plateau_test_assert_not_blank (texture);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_window_renders (void)
{
  reset_settings ();
  plateau_test_run_with_window (check_renders, NULL);
}

static gboolean
is_primary_menu_button (GtkWidget    *widget,
                        gconstpointer data)
{
  return gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
action_enabled (PlateauApplication *app,
                PlateauWindow      *window,
                const char         *detailed)
{
  GActionGroup *group = g_str_has_prefix (detailed, "app.") ? G_ACTION_GROUP (app)
                                                            : G_ACTION_GROUP (window);
  const char *name = strchr (detailed, '.') + 1;

  g_assert_true (g_str_has_prefix (detailed, "app.") || g_str_has_prefix (detailed, "win."));

  return g_action_group_get_action_enabled (group, name);
}

static void
check_primary_menu (PlateauApplication *app,
                    PlateauWindow      *window,
                    gconstpointer       data)
{
  const char *expected[] = { "win.new", "win.open", "win.open-sample", "win.save",
                             "win.save-as", "win.import-csv", "win.export",
                             "win.copy-image", "win.print", "win.close-document",
                             "app.preferences", "win.show-help-overlay", "app.about",
                             "app.quit" };
  GtkWidget *button = plateau_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON,
                                                is_primary_menu_button, NULL);
  GMenuModel *menu;
  guint found = 0;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, s, "section");

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autoptr (GMenuModel) submenu = g_menu_model_get_item_link (section, i,
                                                                       "submenu");

          /* Open Recent lists files, not actions. */
          if (submenu != NULL)
            continue;

          g_assert_true (g_menu_model_get_item_attribute (section, i, "action", "s",
                                                          &action));
          g_assert_cmpuint (found, <, G_N_ELEMENTS (expected));
          g_assert_cmpstr (action, ==, expected[found]);
          found++;

          /* The action must exist and be enabled where the menu resolves it;
           * export, copy and print wait for a chart or graph on screen. */
          if (g_str_equal (action, "win.export") || g_str_equal (action, "win.copy-image")
              || g_str_equal (action, "win.print"))
            g_assert_false (action_enabled (app, window, action));
          else
            g_assert_true (action_enabled (app, window, action));
        }
    }

  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
}

static void
test_window_primary_menu (void)
{
  reset_settings ();
  plateau_test_run_with_window (check_primary_menu, NULL);
}

static void
assert_stored_style (GSettings  *settings,
                     const char *expected)
{
  g_autofree char *nick = g_settings_get_string (settings, "style-variant");

  g_assert_cmpstr (nick, ==, expected);
}

static void
check_state (PlateauApplication *app,
             PlateauWindow      *window,
             gconstpointer       data)
{
  GtkWindow *second;
  GSettings *settings;
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);

  gtk_window_set_default_size (GTK_WINDOW (window), 910, 655);

  /* A second window, closed first, must leave the settings writable for
   * the rest of the session; its width is below the schema's minimum, so
   * only its height is saved. */
  second = GTK_WINDOW (plateau_window_new (app));
  gtk_window_present (second);
  plateau_test_wait_for_frame (GTK_WIDGET (second));
  gtk_window_set_default_size (second, 200, 700);
  gtk_window_close (second);

  settings = plateau_application_get_settings (app);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_settings_set_string (settings, "style-variant", "light");
  assert_stored_style (settings, "light");
}

static void
test_window_state (void)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);

  reset_settings ();
  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);

  plateau_test_run_with_window (check_state, NULL);

  /* Quitting closed the window, which saved its size. */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 910);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 655);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  assert_stored_style (settings, "light");
  reset_settings ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
check_profile (PlateauApplication *app,
               PlateauWindow      *window,
               gconstpointer       data)
{
  gboolean development = g_str_equal (PROFILE, "development");
  const char *id = g_application_get_application_id (G_APPLICATION (app));

  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==, development);
  g_assert_cmpint (g_str_has_suffix (id, ".Devel"), ==, development);
}

static void
test_window_profile (void)
{
  reset_settings ();
  plateau_test_run_with_window (check_profile, NULL);
}

static gboolean
has_style_target (GtkWidget    *widget,
                  gconstpointer data)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), data);
}

static GtkCheckButton *
find_style_button (GtkWindow  *preferences,
                   const char *nick)
{
  GtkWidget *button = plateau_test_find_widget (GTK_WIDGET (preferences),
                                                GTK_TYPE_CHECK_BUTTON, has_style_target,
                                                nick);

  g_assert_nonnull (button);
  return GTK_CHECK_BUTTON (button);
}

static GtkWindow *
find_window_of_type (PlateauApplication *app,
                     GType               type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

static void
check_preferences (PlateauApplication *app,
                   PlateauWindow      *window,
                   gconstpointer       data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GSettings *settings = plateau_application_get_settings (app);
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_window_of_type (app, PLATEAU_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  plateau_test_wait_for_frame (GTK_WIDGET (preferences));

  g_assert_true (gtk_check_button_get_active (find_style_button (preferences, "default")));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Choosing a row forces the style and stores the choice. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (find_style_button (preferences, "dark"))));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  assert_stored_style (settings, "dark");
  g_assert_true (gtk_check_button_get_active (find_style_button (preferences, "dark")));

  /* A change made elsewhere (dconf, another window) reaches the rows. */
  g_settings_set_string (settings, "style-variant", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (gtk_check_button_get_active (find_style_button (preferences, "light")));
  g_assert_false (gtk_check_button_get_active (find_style_button (preferences, "dark")));
}

static void
test_window_preferences (void)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);

  reset_settings ();
  plateau_test_run_with_window (check_preferences, NULL);

  assert_stored_style (settings, "light");
  reset_settings ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
check_stored_style (PlateauApplication *app,
                    PlateauWindow      *window,
                    gconstpointer       data)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app),
                                                                "style-variant");

  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "dark");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

static void
test_window_stored_style (void)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);

  reset_settings ();
  g_settings_set_string (settings, "style-variant", "dark");
  plateau_test_run_with_window (check_stored_style, NULL);

  reset_settings ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GPtrArray  *actions,
                   GPtrArray  *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *action = NULL;
      char *accel = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accel, NULL);
      if (action != NULL)
        g_ptr_array_add (actions, action);
      if (accel != NULL)
        g_ptr_array_add (accels, accel);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, actions, accels);
}

static gboolean
str_equal (gconstpointer a,
           gconstpointer b)
{
  return g_str_equal (a, b);
}

static void
check_shortcuts (PlateauApplication *app,
                 PlateauWindow      *window,
                 gconstpointer       data)
{
  GtkShortcutsWindow *overlay;
  g_autoptr (GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), listed, accels);

  /* Every action with a keyboard shortcut is listed... */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   actions[i]);

      if (keys[0] == NULL)
        continue;

      g_test_message ("%s: %s", actions[i], keys[0]);
      g_assert_true (g_ptr_array_find_with_equal_func (listed, actions[i], str_equal, NULL));
    }

  /* ...every listed action has one, so the window shows no empty row... */
  for (guint i = 0; i < listed->len; i++)
    {
      g_auto (GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   listed->pdata[i]);

      g_assert_nonnull (keys[0]);
    }

  /* ...and the primary menu's own key is there too. */
  g_assert_true (g_ptr_array_find_with_equal_func (accels, "F10", str_equal, NULL));
}

static void
test_window_shortcuts (void)
{
  reset_settings ();
  plateau_test_run_with_window (check_shortcuts, NULL);
}

static void
check_about (PlateauApplication *app,
             PlateauWindow      *window,
             gconstpointer       data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (item))
        about = ADW_ABOUT_WINDOW (item);
    }

  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Plateau");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, PLATEAU_ICON_NAME);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  plateau_test_wait_for_frame (GTK_WIDGET (about));
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_window_about (void)
{
  reset_settings ();
  plateau_test_run_with_window (check_about, NULL);
}

static void
check_open_files (PlateauApplication *app,
                  PlateauWindow      *window,
                  gconstpointer       data)
{
  /* Markup characters in the name must reach the toast escaped; unescaped,
   * the label would warn and the test's fatal warnings would stop it. */
  g_autoptr (GFile) file = g_file_new_for_path ("/tmp/R&D <draft>.plateau");
  GFile *files[] = { file };

  g_application_open (G_APPLICATION (app), files, 1, "");
  plateau_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app))
                 == GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))),
                    ==, 1);
}

static void
test_window_open_files (void)
{
  reset_settings ();
  plateau_test_run_with_window (check_open_files, NULL);
}

int
main (int   argc,
      char *argv[])
{
  plateau_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/renders", test_window_renders);
  g_test_add_func ("/window/primary-menu", test_window_primary_menu);
  g_test_add_func ("/window/state", test_window_state);
  g_test_add_func ("/window/profile", test_window_profile);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/stored-style", test_window_stored_style);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/open-files", test_window_open_files);

  return g_test_run ();
}
