/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's views beyond the Data page: the concept graph editor, whose
 * typing becomes undoable edits one pause at a time, the typing of every
 * view recorded at once when the history or the file is about to be used,
 * and the export, copy and print of whatever chart or graph is on screen.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-charts-page.h"
#include "plateau-edit.h"
#include "plateau-export-dialog.h"
#include "plateau-exportable.h"
#include "plateau-forecast-page.h"
#include "plateau-graph-page.h"
#include "plateau-portfolio-page.h"
#include "plateau-window-private.h"

#define GRAPH_PAUSE_MS 700

/* Graph source edits. */

/**
 * plateau_window_commit_graph:
 * @self: a #PlateauWindow
 *
 * Records the source typed into the graph editor since the last record as
 * one undoable edit.
 */
void
plateau_window_commit_graph (PlateauWindow *self)
{
  const char *source;

  g_clear_handle_id (&self->graph_timeout, g_source_remove);
  if (self->edited_graph == NULL)
    return;

  source = plateau_concept_graph_get_source (self->edited_graph);
  if (g_strcmp0 (source, self->graph_source) != 0)
    plateau_edit_record_graph_source (self->stack, self->edited_graph, self->graph_source,
                                      _("Edit Concept Graph"));

  g_free (self->graph_source);
  self->graph_source = g_strdup (source);
}

/**
 * plateau_window_commit_typing:
 * @self: a #PlateauWindow
 *
 * Records whatever was typed and not yet recorded (graph source, notes) as
 * edits, before the history is replayed, the document saved or its changes
 * counted.
 */
void
plateau_window_commit_typing (PlateauWindow *self)
{
  plateau_window_commit_graph (self);
  plateau_scenario_view_commit_typing (self->scenario_view);
}

static gboolean
on_graph_pause (gpointer data)
{
  PlateauWindow *self = data;

  self->graph_timeout = 0;
  plateau_window_commit_graph (self);
  return G_SOURCE_REMOVE;
}

static void
on_graph_source (PlateauWindow *self)
{
  /* Undo and redo change the source too; they are edits already. */
  if (self->replaying)
    {
      g_free (self->graph_source);
      self->graph_source = g_strdup (plateau_concept_graph_get_source (self->edited_graph));
      return;
    }

  g_clear_handle_id (&self->graph_timeout, g_source_remove);
  self->graph_timeout = g_timeout_add (GRAPH_PAUSE_MS, on_graph_pause, self);
}

/**
 * plateau_window_edit_graph:
 * @self: a #PlateauWindow
 * @graph: (nullable): the concept graph to show in the editor
 *
 * Shows @graph in the graph editor, recording what was typed into the one
 * shown before.
 */
void
plateau_window_edit_graph (PlateauWindow       *self,
                           PlateauConceptGraph *graph)
{
  if (self->edited_graph == graph)
    return;

  plateau_window_commit_graph (self);
  if (self->edited_graph != NULL)
    g_clear_signal_handler (&self->graph_handler, self->edited_graph);

  g_set_object (&self->edited_graph, graph);
  g_clear_pointer (&self->graph_source, g_free);
  if (graph != NULL)
    {
      self->graph_source = g_strdup (plateau_concept_graph_get_source (graph));
      self->graph_handler = g_signal_connect_object (graph, "notify::source",
                                                     G_CALLBACK (on_graph_source), self,
                                                     G_CONNECT_SWAPPED);
    }

  /* The editor (GtkSourceView) is made when a graph is first shown. */
  if (graph != NULL && self->graph_page == NULL)
    {
      self->graph_page = plateau_graph_page_new ();
      adw_bin_set_child (self->graph_slot, self->graph_page);
    }

  if (self->graph_page != NULL)
    plateau_graph_page_set_graph (PLATEAU_GRAPH_PAGE (self->graph_page), graph);
}

/* Export, copy and print. */

/**
 * plateau_window_get_exportable:
 * @self: a #PlateauWindow
 *
 * Returns: (transfer none) (nullable): the chart or graph on screen, or
 *   %NULL when the view shows none (the Data page)
 */
PlateauExportable *
plateau_window_get_exportable (PlateauWindow *self)
{
  AdwViewStack *stack = plateau_scenario_view_get_stack (self->scenario_view);
  const char *page = adw_view_stack_get_visible_child_name (stack);
  GtkWidget *child;

  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  if (PLATEAU_IS_CONCEPT_GRAPH (self->selected) && self->graph_page != NULL)
    return PLATEAU_EXPORTABLE (self->graph_page);
  if (!PLATEAU_IS_SCENARIO (self->selected) || page == NULL)
    return NULL;

  child = plateau_scenario_view_get_page (self->scenario_view, page);
  if (child == NULL)
    return NULL;

  if (g_str_equal (page, "charts"))
    return PLATEAU_EXPORTABLE (plateau_charts_page_get_chart_view (PLATEAU_CHARTS_PAGE (child)));
  if (g_str_equal (page, "forecast"))
    return PLATEAU_EXPORTABLE (
      plateau_forecast_page_get_chart_view (PLATEAU_FORECAST_PAGE (child)));
  if (g_str_equal (page, "portfolio"))
    return PLATEAU_EXPORTABLE (
      plateau_portfolio_page_get_allocation_view (PLATEAU_PORTFOLIO_PAGE (child)));

  return NULL;
}

static void
set_enabled (PlateauWindow *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/**
 * plateau_window_update_export_actions:
 * @self: a #PlateauWindow
 *
 * Enables export, copy and print when a chart or graph is on screen.
 */
void
plateau_window_update_export_actions (PlateauWindow *self)
{
  PlateauExportable *exportable = plateau_window_get_exportable (self);
  gboolean ready = exportable != NULL && plateau_exportable_is_ready (exportable);

  set_enabled (self, "export", ready);
  set_enabled (self, "copy-image", ready);
  set_enabled (self, "print", ready);
}

static void
on_exported (PlateauExportDialog *dialog,
             GFile               *file,
             PlateauWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Translators: the name of the file written */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), escaped);

  plateau_window_add_toast (self, adw_toast_new (title));
}

static void
export (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  PlateauWindow *self = user_data;
  PlateauExportable *exportable = plateau_window_get_exportable (self);
  PlateauExportDialog *dialog;

  if (exportable == NULL)
    return;

  dialog = plateau_export_dialog_new (GTK_WINDOW (self), exportable);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_image (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  PlateauWindow *self = user_data;
  PlateauExportable *exportable = plateau_window_get_exportable (self);

  if (exportable == NULL)
    return;

  plateau_exportable_copy (exportable, gtk_widget_get_clipboard (GTK_WIDGET (self)));
  plateau_window_add_toast (self, adw_toast_new (_("Image copied")));
}

static void
print (GSimpleAction *action,
       GVariant      *parameter,
       gpointer       user_data)
{
  PlateauWindow *self = user_data;
  PlateauExportable *exportable = plateau_window_get_exportable (self);
  g_autoptr (GError) error = NULL;

  if (exportable != NULL && !plateau_exportable_print (exportable, GTK_WINDOW (self), NULL,
                                                       &error))
    plateau_window_show_error (self, _("Printing Failed"), error);
}

static const GActionEntry view_actions[] = {
  { "export", export, NULL, NULL, NULL, { 0 } },
  { "copy-image", copy_image, NULL, NULL, NULL, { 0 } },
  { "print", print, NULL, NULL, NULL, { 0 } },
};

/**
 * plateau_window_views_init:
 * @self: a #PlateauWindow
 *
 * Adds the export actions.
 */
void
plateau_window_views_init (PlateauWindow *self)
{
  AdwViewStack *stack = plateau_scenario_view_get_stack (self->scenario_view);

  g_action_map_add_action_entries (G_ACTION_MAP (self), view_actions,
                                   G_N_ELEMENTS (view_actions), self);
  g_signal_connect_object (stack, "notify::visible-child",
                           G_CALLBACK (plateau_window_update_export_actions), self,
                           G_CONNECT_SWAPPED);
  plateau_window_update_export_actions (self);
}

/**
 * plateau_window_views_dispose:
 * @self: a #PlateauWindow
 *
 * Releases the graph editor's state.
 */
void
plateau_window_views_dispose (PlateauWindow *self)
{
  g_clear_handle_id (&self->graph_timeout, g_source_remove);
  if (self->edited_graph != NULL)
    g_clear_signal_handler (&self->graph_handler, self->edited_graph);
  g_clear_object (&self->edited_graph);
  g_clear_pointer (&self->graph_source, g_free);
}
