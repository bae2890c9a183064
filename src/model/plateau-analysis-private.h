/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "plateau-analysis.h"
#include "plateau-fit-private.h"

G_BEGIN_DECLS

/* Values beyond these magnitudes are left out of the analysis: their
 * squares and ratios would overflow doubles in the fits. */
#define PLATEAU_MAX_MAGNITUDE 1e50
#define PLATEAU_MIN_MAGNITUDE 1e-50

/* Fewer valid periods than this and the S-curve is not attempted. */
#define PLATEAU_MIN_CURVE_PERIODS 6

/*
 * The valid periods' inputs side by side, in period order, with each one's
 * position in the table. The fits and the forecast read these compact
 * arrays rather than the wide per-period results, which on long series are
 * then read and written in two passes only. They exist while the analysis
 * is built.
 */
typedef struct
{
  guint n;
  guint *index;
  double *t;
  double *investment;
  double *ret;
  double *cumulative_investment;
  double *cumulative_return;
  /* E / I, NaN for a period without investment; n_roi have one. */
  double *roi;
  guint n_roi;
  /* How many have both a positive investment and a positive return. */
  guint n_positive;
} PlateauColumns;

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
  PlateauColumns columns;

  PlateauTrend trend;
  PlateauOls trend_ols;
  /* The line over the trailing window; have_trailing_ols says it exists. */
  PlateauOls trailing_ols;
  gboolean have_trailing_ols;
  PlateauElasticity elasticity;
  PlateauLifecycle lifecycle;
  gboolean have_curve;
  /* The spacing of the fitted x when it is a regular grid, else 0. */
  double curve_x_step;
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

void        plateau_value_set_too_large (PlateauValue  *value);
const char *plateau_value_no_reason     (void);

/* Setting values is the innermost step of every per-period loop, so these
 * are inline. An absent value always has a reason: without one it would
 * read as present. */
static inline void
plateau_value_set_absent (PlateauValue *value,
                          const char   *reason)
{
  value->value = 0;
  value->reason = G_LIKELY (reason != NULL) ? reason : plateau_value_no_reason ();
}

/* Stores @x, or marks the value absent when @x is not finite, which only
 * happens when a computation overflows. */
static inline void
plateau_value_set (PlateauValue *value,
                   double        x)
{
  if (G_UNLIKELY (!isfinite (x)))
    {
      plateau_value_set_too_large (value);
      return;
    }

  value->value = x;
  value->reason = NULL;
}

void        plateau_analysis_fit_lifecycle (PlateauAnalysis *self);
double     *plateau_analysis_curve_fractions (PlateauAnalysis *self);
void        plateau_analysis_fill_curve    (PlateauAnalysis     *self,
                                            PlateauPeriodResult *p,
                                            gboolean             valid,
                                            double               f);
void        plateau_analysis_classify      (PlateauAnalysis *self);
void        plateau_analysis_forecast      (PlateauAnalysis *self);

G_END_DECLS
