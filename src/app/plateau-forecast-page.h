/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plateau-analysis.h"
#include "plateau-chart-view.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_FORECAST_PAGE (plateau_forecast_page_get_type ())
G_DECLARE_FINAL_TYPE (PlateauForecastPage, plateau_forecast_page,
                      PLATEAU, FORECAST_PAGE, GtkWidget)

GtkWidget        *plateau_forecast_page_new            (void);
void              plateau_forecast_page_set_analysis   (PlateauForecastPage *self,
                                                        PlateauAnalysis     *analysis);
PlateauChartView *plateau_forecast_page_get_chart_view (PlateauForecastPage *self);
GListModel       *plateau_forecast_page_get_rows       (PlateauForecastPage *self);
const char       *plateau_forecast_page_get_caption    (PlateauForecastPage *self);

G_END_DECLS
