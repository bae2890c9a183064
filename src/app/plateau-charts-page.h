/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plateau-analysis.h"
#include "plateau-chart-view.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_CHARTS_PAGE (plateau_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (PlateauChartsPage, plateau_charts_page, PLATEAU, CHARTS_PAGE, GtkWidget)

GtkWidget        *plateau_charts_page_new            (void);
void              plateau_charts_page_set_analysis   (PlateauChartsPage *self,
                                                      PlateauAnalysis   *analysis);
const char       *plateau_charts_page_get_kind       (PlateauChartsPage *self);
void              plateau_charts_page_set_kind       (PlateauChartsPage *self,
                                                      const char        *kind);
gboolean          plateau_charts_page_get_log_scale  (PlateauChartsPage *self);
void              plateau_charts_page_set_log_scale  (PlateauChartsPage *self,
                                                      gboolean           log_scale);
PlateauChartView *plateau_charts_page_get_chart_view (PlateauChartsPage *self);
const char       *plateau_charts_page_get_caption    (PlateauChartsPage *self);

G_END_DECLS
