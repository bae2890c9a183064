/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauPreferencesWindow: the preferences, all in its template
 * (ui/plateau-preferences-window.ui). Each choice is a row bound to a stateful
 * application action, so the application keeps the state and the settings.
 */

#include "config.h"

#include "plateau-preferences-window.h"

struct _PlateauPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (PlateauPreferencesWindow, plateau_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
plateau_preferences_window_class_init (PlateauPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/plateau/Plateau/ui/"
                                               "plateau-preferences-window.ui");
}

static void
plateau_preferences_window_init (PlateauPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * plateau_preferences_window_new:
 * @application: the application whose actions the rows change
 * @parent: (nullable): the window the preferences belong to
 *
 * Creates the preferences window, modal over @parent when there is one.
 *
 * Returns: (transfer full): a new #PlateauPreferencesWindow
 */
PlateauPreferencesWindow *
plateau_preferences_window_new (GtkApplication *application,
                                GtkWindow      *parent)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PLATEAU_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
