/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-chart.h"
#include "plateau-analysis.h"
#include "plateau-portfolio.h"

G_BEGIN_DECLS

/* The charts Plateau draws from an analysis. */
typedef enum
{
  PLATEAU_ANALYSIS_CHART_ROI,
  PLATEAU_ANALYSIS_CHART_RETURNS,
  PLATEAU_ANALYSIS_CHART_SCURVE,
  PLATEAU_ANALYSIS_CHART_PORTFOLIO,
  PLATEAU_ANALYSIS_CHART_COMPARISON,
} PlateauAnalysisChart;

gboolean      plateau_analysis_chart_from_name (const char              *name,
                                                PlateauAnalysisChart    *kind);

PlateauChart *plateau_chart_new_roi            (const PlateauAnalysis   *analysis);
PlateauChart *plateau_chart_new_returns        (const PlateauAnalysis   *analysis,
                                                gboolean                 log_axes);
PlateauChart *plateau_chart_new_scurve         (const PlateauAnalysis   *analysis);
PlateauChart *plateau_chart_new_comparison     (PlateauAnalysis *const  *analyses,
                                                guint                    n_analyses);
PlateauChart *plateau_chart_new_allocation     (const PlateauPortfolio  *portfolio);

G_END_DECLS
