/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plateau-chart.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_CHART_VIEW (plateau_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (PlateauChartView, plateau_chart_view, PLATEAU, CHART_VIEW, GtkWidget)

GtkWidget          *plateau_chart_view_new         (void);
void                plateau_chart_view_set_chart   (PlateauChartView *self,
                                                    PlateauChart     *chart);
const PlateauChart *plateau_chart_view_get_chart   (PlateauChartView *self);
const char         *plateau_chart_view_get_readout (PlateauChartView *self);

G_END_DECLS
