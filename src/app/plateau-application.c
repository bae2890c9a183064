/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauApplication owns what outlives a window: the settings, the style
 * (light, dark or the system's), the application actions and their keyboard
 * shortcuts.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "plateau-application.h"
#include "plateau-preferences-window.h"
#include "plateau-window.h"

struct _PlateauApplication
{
  AdwApplication parent_instance;

  /* NULL when the schema is not installed: nothing is remembered then. */
  GSettings *settings;

  gboolean report_first_frame;
};

G_DEFINE_FINAL_TYPE (PlateauApplication, plateau_application, ADW_TYPE_APPLICATION)

static const struct
{
  const char *name;
  const char *type;
} settings_keys[] = {
  { "style-variant", "s" },
  { "window-width", "i" },
  { "window-height", "i" },
  { "window-maximized", "b" },
  { "first-start", "b" },
};

/* Resources the window can do without, and what is lost when one is not in
 * the binary (a packaging fault): the templates, by contrast, are required. */
static const struct
{
  const char *path;
  const char *loss;
} optional_resources[] = {
  { "/io/github/plateau/Plateau/gtk/help-overlay.ui", "no keyboard shortcuts window" },
  { "/io/github/plateau/Plateau/icons/scalable/apps/" PLATEAU_ICON_NAME ".svg",
    "the application icon is missing from the window and About" },
};

static const struct
{
  const char *nick;
  AdwColorScheme scheme;
} style_variants[] = {
  { "default", ADW_COLOR_SCHEME_DEFAULT },
  { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
  { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
};

/**
 * plateau_i18n_init:
 *
 * Sets the locale from the environment and binds the message catalogue.
 * PLATEAU_LOCALEDIR, when set, replaces the installed locale folder so that
 * the uninstalled build (tests, `meson devenv`) finds its own catalogues.
 */
void
plateau_i18n_init (void)
{
  const char *localedir = g_getenv ("PLATEAU_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
schema_key_matches (GSettingsSchema *schema,
                    const char      *name,
                    const char      *type)
{
  g_autoptr (GSettingsSchemaKey) key = NULL;

  if (!g_settings_schema_has_key (schema, name))
    return FALSE;

  key = g_settings_schema_get_key (schema, name);

  return g_variant_type_equal (g_settings_schema_key_get_value_type (key),
                               G_VARIANT_TYPE (type));
}

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, PLATEAU_SETTINGS_SCHEMA, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; window size and style "
                 "will not be remembered",
                 PLATEAU_SETTINGS_SCHEMA);
      return NULL;
    }

  /* A stale installed schema, without one of the keys or with another type,
   * would abort GSettings on first use; refuse it as a whole instead. */
  for (guint i = 0; i < G_N_ELEMENTS (settings_keys); i++)
    if (!schema_key_matches (schema, settings_keys[i].name, settings_keys[i].type))
      {
        g_warning ("The settings schema %s has no key “%s” of type %s; window size "
                   "and style will not be remembered",
                   PLATEAU_SETTINGS_SCHEMA, settings_keys[i].name, settings_keys[i].type);
        return NULL;
      }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
check_resources (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (optional_resources); i++)
    if (!g_resources_get_info (optional_resources[i].path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL,
                               NULL, NULL))
      g_warning ("The resource %s is not built into Plateau: %s", optional_resources[i].path,
                 optional_resources[i].loss);
}

static gboolean
lookup_style_variant (const char     *nick,
                      AdwColorScheme *scheme)
{
  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_strcmp0 (nick, style_variants[i].nick) == 0)
      {
        *scheme = style_variants[i].scheme;
        return TRUE;
      }

  return FALSE;
}

static void
apply_style_variant (PlateauApplication *self,
                     const char         *nick)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "style-variant");
  AdwColorScheme scheme;

  if (!lookup_style_variant (nick, &scheme))
    {
      g_warning ("Unknown style “%s”; following the system style instead", nick);
      nick = "default";
      scheme = ADW_COLOR_SCHEME_DEFAULT;
    }

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (nick));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
change_style_variant (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  PlateauApplication *self = user_data;
  const char *nick = g_variant_get_string (value, NULL);
  AdwColorScheme scheme;

  apply_style_variant (self, nick);

  if (self->settings != NULL && lookup_style_variant (nick, &scheme))
    g_settings_set_string (self->settings, "style-variant", nick);
}

static void
on_style_variant_changed (GSettings          *settings,
                          const char         *key,
                          PlateauApplication *self)
{
  g_autofree char *nick = g_settings_get_string (settings, key);

  apply_style_variant (self, nick);
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = user_data;
  PlateauPreferencesWindow *preferences;

  preferences = plateau_preferences_window_new (app, gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "The Plateau developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Plateau"),
                         "application-icon", PLATEAU_ICON_NAME,
                         "developer-name", _("The Plateau developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("Study the diminishing returns of technology "
                                       "investment"),
                         "website", "https://github.com/plateau/plateau",
                         "issue-url", "https://github.com/plateau/plateau/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", _("© 2026 The Plateau developers"),
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closing each window, rather than quitting outright, lets every window save
 * its state (and later ask about unsaved work) on its close-request. */
static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "preferences", show_preferences, NULL, NULL, NULL, { 0 } },
  { "about", show_about, NULL, NULL, NULL, { 0 } },
  { "quit", quit, NULL, NULL, NULL, { 0 } },
  { "style-variant", NULL, "s", "'default'", change_style_variant, { 0 } },
};

static const struct
{
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.import-csv", { "<Control>i", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.add-scenario", { "<Control><Shift>n", NULL } },
  { "win.rename-item", { "F2", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.copy-image", { "<Control><Shift>c", NULL } },
  { "win.print", { "<Control>p", NULL } },
};

static void
plateau_application_startup (GApplication *app)
{
  PlateauApplication *self = PLATEAU_APPLICATION (app);
  g_autofree char *nick = NULL;

  G_APPLICATION_CLASS (plateau_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);

  check_resources ();

  self->settings = load_settings ();
  if (self->settings == NULL)
    return;

  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (on_style_variant_changed), self, 0);
  nick = g_settings_get_string (self->settings, "style-variant");
  apply_style_variant (self, nick);
}

/* Benchmarks and start-up tests set PLATEAU_EXIT_AFTER_FIRST_FRAME: the first
 * frame painted after the window is shown prints its monotonic time in
 * microseconds (the clock of g_get_monotonic_time()) and the window's default
 * size, then ends the application. */
static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  PlateauApplication *self;
  int width;
  int height;

  if (!gtk_widget_get_mapped (window))
    return;

  self = PLATEAU_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  if (!self->report_first_frame)
    return;

  self->report_first_frame = FALSE;
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  printf ("first-frame %" G_GINT64_FORMAT " %dx%d\n", g_get_monotonic_time (), width,
          height);
  fflush (stdout);

  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static void
on_window_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

static GtkWindow *
ensure_window (PlateauApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    return window;

  window = GTK_WINDOW (plateau_window_new (self));
  if (self->report_first_frame)
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);

  return window;
}

/* Whether this is the user's first start, which opens the bundled sample;
 * later starts show the empty state (or the recovery question). */
static gboolean
take_first_start (PlateauApplication *self)
{
  gboolean first;

  if (self->settings == NULL)
    return TRUE;

  first = g_settings_get_boolean (self->settings, "first-start");
  if (first)
    g_settings_set_boolean (self->settings, "first-start", FALSE);

  return first;
}

static void
plateau_application_activate (GApplication *app)
{
  PlateauApplication *self = PLATEAU_APPLICATION (app);
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
  GtkWindow *window = ensure_window (self);

  gtk_window_present (window);
  if (fresh)
    plateau_window_start (PLATEAU_WINDOW (window), take_first_start (self));
}

static void
plateau_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  GtkWindow *window = ensure_window (PLATEAU_APPLICATION (app));

  gtk_window_present (window);
  plateau_window_open_files (PLATEAU_WINDOW (window), files, n_files);
}

static void
plateau_application_dispose (GObject *object)
{
  PlateauApplication *self = PLATEAU_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plateau_application_parent_class)->dispose (object);
}

static void
plateau_application_class_init (PlateauApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = plateau_application_dispose;
  app_class->startup = plateau_application_startup;
  app_class->activate = plateau_application_activate;
  app_class->open = plateau_application_open;
}

static void
plateau_application_init (PlateauApplication *self)
{
  self->report_first_frame = g_getenv ("PLATEAU_EXIT_AFTER_FIRST_FRAME") != NULL;
}

/**
 * plateau_application_new:
 *
 * Creates the application. Its resources (templates, icons, the shortcuts
 * window) live under /io/github/plateau/Plateau in every profile.
 *
 * Returns: (transfer full): a new #PlateauApplication
 */
PlateauApplication *
plateau_application_new (void)
{
  return g_object_new (PLATEAU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/plateau/Plateau",
                       NULL);
}

/**
 * plateau_application_get_settings:
 * @self: a #PlateauApplication
 *
 * Gets the application's settings. They exist only once the application has
 * started, and not at all when the schema is missing or outdated (a warning
 * says so at start-up); callers then keep their defaults.
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL
 */
GSettings *
plateau_application_get_settings (PlateauApplication *self)
{
  g_return_val_if_fail (PLATEAU_IS_APPLICATION (self), NULL);

  return self->settings;
}
