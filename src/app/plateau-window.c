/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauWindow: the main window. Its template (ui/plateau-window.ui) stacks
 * the window's views under one toast overlay; the view shown before any
 * document is open is an empty state that says what Plateau is for.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-window.h"

struct _PlateauWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  GtkMenuButton *primary_menu_button;
};

G_DEFINE_FINAL_TYPE (PlateauWindow, plateau_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (PlateauWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!PLATEAU_IS_APPLICATION (app))
    return NULL;

  return plateau_application_get_settings (PLATEAU_APPLICATION (app));
}

static void
restore_state (PlateauWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  /* The schema bounds both sizes, so a stored value is always usable. */
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Writes @value unless the schema's range refuses it, so that an odd size
 * (a window never sized, say) is skipped rather than tripping GSettings. */
static void
save_int (GSettings  *settings,
          const char *name,
          int         value)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaKey) key = NULL;
  g_autoptr (GVariant) variant = g_variant_ref_sink (g_variant_new_int32 (value));

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, name);

  if (g_settings_schema_key_range_check (key, variant))
    g_settings_set_value (settings, name, variant);
  else
    g_debug ("Not saving %s = %d, outside the schema's range", name, value);
}

static void
save_state (PlateauWindow *self)
{
  GSettings *settings = get_settings (self);
  int width;
  int height;

  if (settings == NULL)
    return;

  /* The default size follows the user's resizing but not maximisation, so
   * it is the size to come back to after un-maximising. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  save_int (settings, "window-width", width);
  save_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
plateau_window_close_request (GtkWindow *window)
{
  save_state (PLATEAU_WINDOW (window));

  return GTK_WINDOW_CLASS (plateau_window_parent_class)->close_request (window);
}

static void
plateau_window_class_init (PlateauWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = plateau_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/plateau/Plateau/ui/"
                                               "plateau-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, primary_menu_button);
}

static void
plateau_window_init (PlateauWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * plateau_window_new:
 * @application: the application the window belongs to
 *
 * Creates a main window, sized as the last one was when it was closed.
 *
 * Returns: (transfer full): a new #PlateauWindow
 */
PlateauWindow *
plateau_window_new (PlateauApplication *application)
{
  PlateauWindow *self;

  g_return_val_if_fail (PLATEAU_IS_APPLICATION (application), NULL);

  /* GtkWindow:application is set only after constructed(), so the state that
   * comes from the application's settings is restored here. */
  self = g_object_new (PLATEAU_TYPE_WINDOW, "application", application, NULL);
  restore_state (self);

  return self;
}

/**
 * plateau_window_add_toast:
 * @self: a #PlateauWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows a brief message over whatever view the window shows.
 */
void
plateau_window_add_toast (PlateauWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (PLATEAU_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * plateau_window_open_files:
 * @self: a #PlateauWindow
 * @files: (array length=n_files): the documents to open
 * @n_files: the number of @files
 *
 * Handles documents given on the command line or by the desktop. This build
 * has no document view yet, so the user is told that plainly instead of the
 * files being dropped in silence.
 */
void
plateau_window_open_files (PlateauWindow  *self,
                           GFile         **files,
                           int             n_files)
{
  g_return_if_fail (PLATEAU_IS_WINDOW (self));
  g_return_if_fail (n_files >= 0);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_parse_name (files[i]);
      /* A toast's title is markup. */
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *title = NULL;

      title = g_strdup_printf (_("“%s” was not opened: this version of Plateau "
                                 "cannot read documents yet"),
                               escaped);
      plateau_window_add_toast (self, adw_toast_new (title));
    }
}
