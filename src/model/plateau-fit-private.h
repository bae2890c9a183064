/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <math.h>

#include "plateau-scenario.h"

G_BEGIN_DECLS

/* A sum in double with Neumaier's compensation: as accurate as summing in
 * extended precision, and several times faster. */
typedef struct
{
  double sum;
  double compensation;
} PlateauSum;

static inline void
plateau_sum_add (PlateauSum *s,
                 double      x)
{
  double t = s->sum + x;

  if (fabs (s->sum) >= fabs (x))
    s->compensation += (s->sum - t) + x;
  else
    s->compensation += (x - t) + s->sum;
  s->sum = t;
}

static inline double
plateau_sum_value (const PlateauSum *s)
{
  return s->sum + s->compensation;
}

/* An ordinary least-squares line y = intercept + slope x. */
typedef struct
{
  guint n;
  double slope;
  double intercept;
  double sxx;
  double sst;
  double ssr;
  double x_mean;
  double y_mean;
  /* Present only when n > 2: residual variance and the coefficients' errors. */
  gboolean have_errors;
  double sigma2;
  double slope_se;
  double intercept_se;
  double cov_intercept_slope;
} PlateauOls;

gboolean plateau_ols_fit          (const double *x,
                                   const double *y,
                                   guint         n,
                                   PlateauOls   *ols);
double   plateau_t_critical_95    (double        df);
double   plateau_t_two_sided_p    (double        t,
                                   double        df);

/* The outcome of an S-curve fit by Levenberg–Marquardt. */
typedef enum
{
  PLATEAU_CURVE_FIT_OK,
  PLATEAU_CURVE_FIT_DEGENERATE,
  PLATEAU_CURVE_FIT_NO_START,
  PLATEAU_CURVE_FIT_NOT_CONVERGED,
} PlateauCurveFitStatus;

typedef struct
{
  PlateauCurveModel model;
  double K;
  double r;
  double x0;
  gboolean have_cov;
  double cov[9];
  double ssr;
  double sst;
  guint n;
  guint iterations;
  gboolean converged;
  /* The spacing of x when it is a regular grid, else 0. */
  double x_step;
} PlateauCurveFit;

PlateauCurveFitStatus plateau_curve_fit      (PlateauCurveModel  model,
                                              const double      *x,
                                              const double      *y,
                                              guint              n,
                                              PlateauCurveFit   *fit);

void plateau_model_init_gsl (void);

/* The curve's value over its ceiling at x, in [0, 1]; inline, since every
 * period of a long series takes it. */
static inline double
plateau_curve_fraction (PlateauCurveModel model,
                        double            r,
                        double            x0,
                        double            x)
{
  double z = r * (x - x0);

  if (model == PLATEAU_CURVE_GOMPERTZ)
    return exp (-exp (-z));

  return 1.0 / (1.0 + exp (-z));
}

void plateau_curve_fractions (PlateauCurveModel  model,
                              double             r,
                              double             x0,
                              const double      *x,
                              guint              n,
                              double             x_step,
                              double            *fraction);

/* The curve's value at x. */
static inline double
plateau_curve_value (PlateauCurveModel model,
                     double            K,
                     double            r,
                     double            x0,
                     double            x)
{
  return K * plateau_curve_fraction (model, r, x0, x);
}

G_END_DECLS
