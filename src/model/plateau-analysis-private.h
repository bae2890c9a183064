/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-analysis.h"
#include "plateau-fit-private.h"

G_BEGIN_DECLS

/* Values beyond these magnitudes are left out of the analysis: their
 * squares and ratios would overflow doubles in the fits. */
#define PLATEAU_MAX_MAGNITUDE 1e50
#define PLATEAU_MIN_MAGNITUDE 1e-50

/* Fewer valid periods than this and the S-curve is not attempted. */
#define PLATEAU_MIN_CURVE_PERIODS 6

struct _PlateauAnalysis
{
  gatomicrefcount ref_count;

  char *name;
  char *unit;
  PlateauSettings settings;
  GStringChunk *strings;

  guint n_periods;
  PlateauPeriodResult *periods;
  gboolean *valid;
  guint n_valid;

  PlateauTrend trend;
  PlateauOls trend_ols;
  /* The line over the trailing window; have_trailing_ols says it exists. */
  PlateauOls trailing_ols;
  gboolean have_trailing_ols;
  PlateauElasticity elasticity;
  PlateauLifecycle lifecycle;
  gboolean have_curve;
  PlateauStageAssessment current;

  double *plan;
  guint n_plan;
  GArray *forecast;
  const char *forecast_basis;
  GArray *warnings;
};

const char *plateau_analysis_intern   (PlateauAnalysis *self,
                                       const char      *text);
const char *plateau_analysis_printf   (PlateauAnalysis *self,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (2, 3);
void        plateau_analysis_warn     (PlateauAnalysis *self,
                                       int              period,
                                       const char      *code,
                                       const char      *message);

void        plateau_value_set         (PlateauValue    *value,
                                       double           x);
void        plateau_value_set_absent  (PlateauValue    *value,
                                       const char      *reason);

void        plateau_analysis_fit_lifecycle (PlateauAnalysis *self);
void        plateau_analysis_classify      (PlateauAnalysis *self);
void        plateau_analysis_forecast      (PlateauAnalysis *self);

G_END_DECLS
