/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauWindow: one document at a time. Its template (ui/plateau-window.ui)
 * stacks an empty state, shown while no document is open, and the workspace:
 * a sidebar of the document's scenarios and graphs beside the pages of the
 * one selected. Opening, saving and autosaving live in
 * plateau-window-document.c, the sidebar in plateau-window-sidebar.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-window-private.h"

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

static void
close_after_confirmation (PlateauWindow *self,
                          gpointer       data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
plateau_window_close_request (GtkWindow *window)
{
  PlateauWindow *self = PLATEAU_WINDOW (window);

  if (!self->close_confirmed && plateau_window_is_modified (self))
    {
      plateau_window_confirm_discard (self, close_after_confirmation, NULL, NULL);
      return GDK_EVENT_STOP;
    }

  save_state (self);
  plateau_window_forget_autosave (self);

  return GTK_WINDOW_CLASS (plateau_window_parent_class)->close_request (window);
}

static void
plateau_window_dispose (GObject *object)
{
  PlateauWindow *self = PLATEAU_WINDOW (object);

  plateau_window_views_dispose (self);
  plateau_window_document_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_WINDOW);

  G_OBJECT_CLASS (plateau_window_parent_class)->dispose (object);
}

static void
on_back_clicked (PlateauWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
plateau_window_class_init (PlateauWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plateau_window_dispose;
  window_class->close_request = plateau_window_close_request;

  g_type_ensure (PLATEAU_TYPE_SCENARIO_VIEW);
  g_type_ensure (PLATEAU_TYPE_STAGE_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/plateau/Plateau/ui/"
                                               "plateau-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, document_title);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, graph_list);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, scenario_view);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, graph_slot);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, stage_badge);
  gtk_widget_class_bind_template_child (widget_class, PlateauWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

static void
on_analysis_changed (PlateauWindow *self)
{
  PlateauAnalysis *analysis = plateau_scenario_view_get_analysis (self->scenario_view);

  plateau_stage_badge_set_analysis (self->stage_badge,
                                    PLATEAU_IS_SCENARIO (self->selected) ? analysis : NULL);
  plateau_window_update_export_actions (self);
}

static void
plateau_window_init (PlateauWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_view_switcher_title_set_stack (self->switcher_title,
                                     plateau_scenario_view_get_stack (self->scenario_view));
  g_signal_connect_object (self->scenario_view, "notify::analysis",
                           G_CALLBACK (on_analysis_changed), self, G_CONNECT_SWAPPED);
  plateau_stage_badge_set_analysis (self->stage_badge, NULL);

  plateau_window_sidebar_init (self);
  plateau_window_views_init (self);
  plateau_window_document_init (self);
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
 * plateau_window_show_error:
 * @self: a #PlateauWindow
 * @heading: what failed, in plain words
 * @error: why
 *
 * Tells the user about a failure that needs their attention.
 */
void
plateau_window_show_error (PlateauWindow *self,
                           const char    *heading,
                           const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  g_debug ("%s: %s", heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * plateau_window_dup_display_name:
 * @self: a #PlateauWindow
 *
 * Returns: (transfer full): the name of the open document as shown
 */
char *
plateau_window_dup_display_name (PlateauWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);

  return g_strdup (self->untitled_name != NULL ? self->untitled_name
                                               : _("Untitled Document"));
}

static char *
document_place (PlateauWindow *self)
{
  g_autoptr (GFile) parent = NULL;

  if (plateau_window_is_modified (self))
    return g_strdup (_("Unsaved changes"));
  if (self->file == NULL || (parent = g_file_get_parent (self->file)) == NULL)
    return g_strdup ("");

  return g_file_get_parse_name (parent);
}

/**
 * plateau_window_update_title:
 * @self: a #PlateauWindow
 *
 * Shows the document's name and whether it has unsaved changes.
 */
void
plateau_window_update_title (PlateauWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *place = NULL;
  g_autofree char *title = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Plateau"));
      return;
    }

  name = plateau_window_dup_display_name (self);
  place = document_place (self);
  adw_window_title_set_title (self->document_title, name);
  adw_window_title_set_subtitle (self->document_title, place);

  /* The dot is how GNOME applications mark a modified document. */
  title = plateau_window_is_modified (self) ? g_strdup_printf ("• %s — %s", name, _("Plateau"))
                                            : g_strdup_printf ("%s — %s", name, _("Plateau"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/**
 * plateau_window_show_selected:
 * @self: a #PlateauWindow
 *
 * Shows the pages of the item selected in the sidebar.
 */
void
plateau_window_show_selected (PlateauWindow *self)
{
  GObject *item = self->selected;

  plateau_window_edit_graph (self, PLATEAU_IS_CONCEPT_GRAPH (item)
                                     ? PLATEAU_CONCEPT_GRAPH (item) : NULL);

  /* The page switcher belongs to scenarios; a graph has one page. */
  adw_view_switcher_title_set_stack (self->switcher_title,
                                     PLATEAU_IS_SCENARIO (item)
                                       ? plateau_scenario_view_get_stack (self->scenario_view)
                                       : NULL);

  if (PLATEAU_IS_SCENARIO (item))
    {
      plateau_scenario_view_set_scenario (self->scenario_view, PLATEAU_SCENARIO (item),
                                          self->stack);
      gtk_stack_set_visible_child_name (self->content_stack, "scenario");
      adw_view_switcher_title_set_title (self->switcher_title,
                                         plateau_scenario_get_name (PLATEAU_SCENARIO (item)));
    }
  else if (PLATEAU_IS_CONCEPT_GRAPH (item))
    {
      plateau_scenario_view_set_scenario (self->scenario_view, NULL, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "graph");
      adw_view_switcher_title_set_title (self->switcher_title,
                                         plateau_concept_graph_get_name (
                                           PLATEAU_CONCEPT_GRAPH (item)));
    }
  else
    {
      plateau_scenario_view_set_scenario (self->scenario_view, NULL, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "nothing");
      adw_view_switcher_title_set_title (self->switcher_title, "");
    }

  on_analysis_changed (self);
}

/**
 * plateau_window_get_document:
 * @self: a #PlateauWindow
 *
 * Returns: (transfer none) (nullable): the open document
 */
PlateauDocument *
plateau_window_get_document (PlateauWindow *self)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * plateau_window_get_file:
 * @self: a #PlateauWindow
 *
 * Returns: (transfer none) (nullable): where the document is saved
 */
GFile *
plateau_window_get_file (PlateauWindow *self)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * plateau_window_get_command_stack:
 * @self: a #PlateauWindow
 *
 * Returns: (transfer none): the undo history of the open document
 */
PlateauCommandStack *
plateau_window_get_command_stack (PlateauWindow *self)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  return self->stack;
}

/**
 * plateau_window_get_scenario_view:
 * @self: a #PlateauWindow
 *
 * Returns: (transfer none): the #PlateauScenarioView of the selected scenario
 */
GtkWidget *
plateau_window_get_scenario_view (PlateauWindow *self)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->scenario_view);
}

/**
 * plateau_window_get_stage_badge:
 * @self: a #PlateauWindow
 *
 * Returns: (transfer none): the #PlateauStageBadge of the header bar
 */
GtkWidget *
plateau_window_get_stage_badge (PlateauWindow *self)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->stage_badge);
}
