/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pointing at a data point of a chart view, as a pointer would.
 */

#pragma once

#include "plateau-chart-view.h"
#include "plateau-exportable.h"

static inline void
plateau_views_test_motion (PlateauChartView *view,
                           double            x,
                           double            y)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", x, y);
    }
}

/* Moves the pointer onto the data point (x, y) of @view's chart. */
static inline void
plateau_views_test_point_at (PlateauChartView *view,
                             double            x,
                             double            y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PlateauChartPlot plot;
  double px, py;

  g_assert_true (plateau_chart_get_plot (plateau_chart_view_get_chart (view),
                                         plateau_exportable_screen_theme (), cr,
                                         gtk_widget_get_width (GTK_WIDGET (view)),
                                         gtk_widget_get_height (GTK_WIDGET (view)), &plot));
  g_assert_true (plateau_chart_plot_map (&plot, PLATEAU_AXIS_X, x, &px));
  g_assert_true (plateau_chart_plot_map (&plot, PLATEAU_AXIS_Y, y, &py));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  plateau_views_test_motion (view, px, py);
}
