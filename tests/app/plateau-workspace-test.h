/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers of the workspace tests: reach the Data page of the window, type
 * into a cell as a user would, wait for the main loop, find dialogs.
 */

#pragma once

#include "plateau-app-test.h"
#include "plateau-data-page.h"
#include "plateau-scenario-view.h"
#include "plateau-stage-badge.h"

/* Runs the main loop until @done returns TRUE; fails after a minute, so a
 * hang is reported instead of blocking the suite. */
static inline void
plateau_test_wait_until (gboolean (*done) (gconstpointer data),
                         gconstpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static inline void
plateau_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline PlateauDataPage *
plateau_test_data_page (PlateauWindow *window)
{
  GtkWidget *view = plateau_window_get_scenario_view (window);

  return plateau_scenario_view_get_data_page (PLATEAU_SCENARIO_VIEW (view));
}

static inline PlateauScenario *
plateau_test_scenario (PlateauWindow *window)
{
  GtkWidget *view = plateau_window_get_scenario_view (window);

  return plateau_scenario_view_get_scenario (PLATEAU_SCENARIO_VIEW (view));
}

static inline const char *
plateau_test_badge (PlateauWindow *window)
{
  return plateau_stage_badge_get_text (
    PLATEAU_STAGE_BADGE (plateau_window_get_stage_badge (window)));
}

/* Focuses a cell (scrolling to it), types @text and presses Enter. */
static inline GtkWidget *
plateau_test_type_into (PlateauWindow     *window,
                        guint              row,
                        PlateauDataColumn  column,
                        const char        *text)
{
  PlateauDataPage *page = plateau_test_data_page (window);
  GtkWidget *cell;

  /* GTK 4.8 warns when a text selected on focus blinks in a window that the
   * X server without a window manager never activates. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  plateau_data_page_focus_cell (page, row, column);
  while ((cell = plateau_data_page_get_cell (page, row, column)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  plateau_test_drain ();

  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  g_signal_emit_by_name (cell, "activate");
  return cell;
}

static inline AdwMessageDialog *
plateau_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static inline gboolean
plateau_test_has_dialog (gconstpointer data)
{
  return plateau_test_find_dialog () != NULL;
}

static inline gboolean
plateau_test_is_sidebar_list (GtkWidget    *widget,
                              gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* Selects the scenario at @index through the sidebar, as a click would. */
static inline void
plateau_test_select_scenario (PlateauWindow *window,
                              guint          index)
{
  GtkWidget *list = plateau_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                              plateau_test_is_sidebar_list, NULL);
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (list), row);
  plateau_test_drain ();
}

/* Selects the graph at @index through the sidebar, as a click would. */
static inline void
plateau_test_select_graph (PlateauWindow *window,
                           guint          index)
{
  GtkWidget *list = plateau_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                              plateau_test_is_sidebar_list, NULL);
  GtkListBoxRow *row;

  /* The scenario list comes first; the graph list is after its heading. */
  g_assert_nonnull (list);
  list = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (list));
  g_assert_true (GTK_IS_LIST_BOX (list));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (list), row);
  plateau_test_drain ();
}
