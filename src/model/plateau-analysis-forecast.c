/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "plateau-analysis-private.h"

/*
 * The forecast continues the investment (by the analyst's plan, else by its
 * linear trend) and predicts returns from the S-curve when it is trusted,
 * else from the ROI trend of the trailing window (the whole history's line
 * when the window has too few periods). The recent line is used because a
 * forecast continues from where the technology is now: a line through a
 * history that fell and then rose would start the forecast far from the
 * last period. Its 95 % band comes from a parametric bootstrap:
 * parameters are drawn from the fit's covariance, without refitting, by a
 * generator with a fixed seed, so the same scenario always gives the same
 * band. The band covers the uncertainty of the fitted curve, not the
 * scatter of single periods around it.
 */

#define N_DRAWS 1000
/* The settings allow no longer forecast. */
#define MAX_HORIZON 1000
#define SEED 20240917UL

typedef enum
{
  SOURCE_CURVE,
  SOURCE_TREND,
} Source;

typedef struct
{
  Source source;
  PlateauCurveModel model;
  PlateauCurveBasis basis;
  guint n_params;
  double t_last;
  double t_step;
  double t_center;
  double ci_last;
  double ce_last;
  guint horizon;
  const double *t;
  const double *investment;
  /* With SOURCE_TREND, the line the returns follow. */
  const PlateauOls *trend;
} Projection;

/*
 * The curve at the last period and the forecast periods after it, which lie
 * t_step apart: e^−r(t − x0) then changes by one factor a period, so each
 * draw of the bootstrap takes two exponentials instead of one a period
 * (the Gompertz curve still takes one more a period). Where the factor
 * leaves the range of doubles the exponential is taken directly.
 */
static void
curve_on_time_grid (const Projection *pr,
                    const double     *theta,
                    double           *values)
{
  double K = theta[0], r = theta[1], x0 = theta[2];
  double e = exp (-r * (pr->t_last - x0)), factor = exp (-r * pr->t_step);

  for (guint k = 0; k <= pr->horizon; k++)
    {
      if (k > 0)
        {
          e *= factor;
          if (!(e > 0 && e < G_MAXDOUBLE))
            e = exp (-r * (pr->t[k - 1] - x0));
        }

      values[k] = pr->model == PLATEAU_CURVE_GOMPERTZ ? K * exp (-e) : K / (1.0 + e);
    }
}

/* Projects period and cumulative returns for one parameter vector; returns
 * FALSE when any of them is not finite. */
static gboolean
project (const Projection *pr,
         const double     *theta,
         double           *ret,
         double           *cumulative)
{
  double ce = pr->ce_last, ci = pr->ci_last;
  double values[MAX_HORIZON + 1];

  g_assert (pr->horizon <= MAX_HORIZON);
  if (pr->source == SOURCE_CURVE && pr->basis == PLATEAU_BASIS_TIME)
    curve_on_time_grid (pr, theta, values);

  for (guint k = 0; k < pr->horizon; k++)
    {
      ci += pr->investment[k];
      if (pr->source == SOURCE_TREND)
        ret[k] = pr->investment[k] * (theta[0] + theta[1] * (pr->t[k] - pr->t_center));
      else if (pr->basis == PLATEAU_BASIS_CUMULATIVE_INVESTMENT)
        ret[k] = plateau_curve_value (pr->model, theta[0], theta[1], theta[2], ci);
      else
        ret[k] = values[k + 1] - values[k];

      ce += ret[k];
      cumulative[k] = ce;
      if (!isfinite (ret[k]) || !isfinite (ce))
        return FALSE;
    }

  return TRUE;
}

static double
time_step (const PlateauAnalysis *self)
{
  const PlateauColumns *c = &self->columns;

  if (c->n < 2 || !(c->t[c->n - 1] > c->t[0]))
    return 1.0;

  return (c->t[c->n - 1] - c->t[0]) / (c->n - 1);
}

/* Investment of each forecast period: the plan first, then the linear
 * trend of past investment, never below zero. */
static void
plan_investment (const PlateauAnalysis *self,
                 const double          *t,
                 double                *investment,
                 guint                  horizon,
                 double                 last_investment)
{
  const PlateauColumns *c = &self->columns;
  PlateauOls ols;
  gboolean have_trend = plateau_ols_fit (c->t, c->investment, c->n, &ols);

  for (guint k = 0; k < horizon; k++)
    {
      if (k < self->n_plan)
        investment[k] = self->plan[k];
      else if (have_trend)
        investment[k] = MAX (0.0, ols.y_mean + ols.slope * (t[k] - ols.x_mean));
      else
        investment[k] = last_investment;
    }
}

/* Lower-triangular L with L Lᵀ = cov; falls back to the diagonal when the
 * covariance is not positive definite, which ignores correlations. */
static void
factor_covariance (const double *cov,
                   guint         p,
                   double       *L)
{
  gsl_matrix_view m = gsl_matrix_view_array (L, p, p);

  memcpy (L, cov, p * p * sizeof (double));
  if (gsl_linalg_cholesky_decomp1 (&m.matrix) == GSL_SUCCESS)
    {
      for (guint i = 0; i < p; i++)
        for (guint j = i + 1; j < p; j++)
          L[i * p + j] = 0;
      return;
    }

  memset (L, 0, p * p * sizeof (double));
  for (guint i = 0; i < p; i++)
    L[i * p + i] = sqrt (MAX (cov[i * p + i], 0.0));
}

typedef struct
{
  double *ret;
  double *cumulative;
  guint n;
} Draws;

static void
bootstrap (const Projection *pr,
           const double     *theta,
           const double     *cov,
           Draws            *draws)
{
  guint p = pr->n_params, h = pr->horizon;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double L[9], z[3], sample[3];
  g_autofree double *ret = g_new (double, h);
  g_autofree double *cumulative = g_new (double, h);

  gsl_rng_set (rng, SEED);
  factor_covariance (cov, p, L);
  draws->n = 0;

  for (guint d = 0; d < N_DRAWS; d++)
    {
      for (guint i = 0; i < p; i++)
        z[i] = gsl_ran_gaussian_ziggurat (rng, 1.0);

      for (guint i = 0; i < p; i++)
        {
          sample[i] = theta[i];
          for (guint j = 0; j <= i; j++)
            sample[i] += L[i * p + j] * z[j];
        }

      if (!project (pr, sample, ret, cumulative))
        continue;

      /* Store by forecast period so each period's draws are contiguous. */
      for (guint k = 0; k < h; k++)
        {
          draws->ret[k * N_DRAWS + draws->n] = ret[k];
          draws->cumulative[k * N_DRAWS + draws->n] = cumulative[k];
        }
      draws->n++;
    }

  gsl_rng_free (rng);
}

/* The band's quantiles lie this far into either tail. */
#define TAIL 0.025

/*
 * Keeps the m most extreme values of v, most extreme first, in @out: the
 * smallest with @low, else the largest. One pass with insertion into the
 * short sorted list; for the 2.5 % tails of a thousand draws that is a few
 * times faster than selecting each quantile.
 */
static void
extremes (const double *v,
          guint         n,
          guint         m,
          gboolean      low,
          double       *out)
{
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      double x = low ? v[i] : -v[i];
      guint j;

      if (kept == m && !(x < out[m - 1]))
        continue;

      j = kept < m ? kept++ : m - 1;
      while (j > 0 && out[j - 1] > x)
        {
          out[j] = out[j - 1];
          j--;
        }
      out[j] = x;
    }

  for (guint j = 0; !low && j < kept; j++)
    out[j] = -out[j];
}

/*
 * The TAIL and 1 − TAIL quantiles with linear interpolation between order
 * statistics, as gsl_stats_quantile_from_sorted_data() computes them,
 * without sorting.
 */
static void
set_band (PlateauValue *lo,
          PlateauValue *hi,
          const double *values,
          guint         n)
{
  double h_lo = TAIL * (n - 1), h_hi = (1 - TAIL) * (n - 1);
  guint k_lo = (guint) floor (h_lo), k_hi = (guint) floor (h_hi);
  guint m_lo = MIN (k_lo + 2, n), m_hi = n - k_hi;
  g_autofree double *low = g_new (double, m_lo);
  g_autofree double *high = g_new (double, m_hi);
  double below, above;

  extremes (values, n, m_lo, TRUE, low);
  extremes (values, n, m_hi, FALSE, high);

  /* low[j] is the j-th smallest; high[j] the (n − 1 − j)-th. */
  below = low[k_lo];
  above = k_lo + 1 < n ? low[k_lo + 1] : below;
  plateau_value_set (lo, below + (h_lo - k_lo) * (above - below));

  below = high[n - 1 - k_hi];
  above = k_hi + 1 < n ? high[n - 2 - k_hi] : below;
  plateau_value_set (hi, below + (h_hi - k_hi) * (above - below));
}

static gboolean
choose_source (PlateauAnalysis *self,
               Projection      *pr,
               double          *theta,
               double          *cov)
{
  const PlateauLifecycle *l = &self->lifecycle;
  const PlateauOls *ols = &self->trend_ols;
  gboolean recent = self->have_trailing_ols && self->trailing_ols.have_errors;

  if (l->status == PLATEAU_FIT_OK)
    {
      pr->source = SOURCE_CURVE;
      pr->n_params = 3;
      theta[0] = l->K.value;
      theta[1] = l->r.value;
      theta[2] = l->t0.value;
      memcpy (cov, l->covariance, 9 * sizeof (double));
      self->forecast_basis = _("the S-curve");
      return TRUE;
    }

  if (self->trend.status != PLATEAU_FIT_OK)
    return FALSE;

  if (recent)
    ols = &self->trailing_ols;
  pr->trend = ols;
  self->forecast_basis = recent
    ? plateau_analysis_printf (self, _("the ROI trend of the last %u periods"), ols->n)
    : _("the ROI trend");

  /* The line is taken around the mean time, where its level and slope
   * are uncorrelated and labels such as years cause no cancellation. */
  pr->source = SOURCE_TREND;
  pr->n_params = 2;
  pr->t_center = ols->x_mean;
  theta[0] = ols->y_mean;
  theta[1] = ols->slope;
  cov[0] = ols->have_errors ? ols->sigma2 / ols->n : 0;
  cov[1] = cov[2] = 0;
  cov[3] = ols->have_errors ? ols->slope_se * ols->slope_se : 0;
  return TRUE;
}

static void
fill_points (PlateauAnalysis  *self,
             const Projection *pr,
             const double     *theta,
             const double     *cov,
             gboolean          have_source,
             gboolean          have_band)
{
  guint h = pr->horizon;
  g_autofree double *ret = g_new (double, h);
  g_autofree double *cumulative = g_new (double, h);
  Draws draws = { g_new (double, (gsize) h * N_DRAWS), g_new (double, (gsize) h * N_DRAWS), 0 };
  gboolean have_point = have_source && project (pr, theta, ret, cumulative);
  const char *no_point = have_source ? _("The forecast is too large to compute")
                                     : _("Neither the S-curve nor the ROI trend could be fitted");
  const char *no_band = _("The fit gives no uncertainty for a band");

  if (have_point && have_band)
    bootstrap (pr, theta, cov, &draws);
  if (draws.n < N_DRAWS / 2)
    have_band = FALSE;

  for (guint k = 0; k < h; k++)
    {
      PlateauForecastPoint point = { pr->t[k], pr->investment[k] };

      if (have_point)
        {
          plateau_value_set (&point.ret, ret[k]);
          plateau_value_set (&point.cumulative_return, cumulative[k]);
        }
      else
        {
          plateau_value_set_absent (&point.ret, no_point);
          plateau_value_set_absent (&point.cumulative_return, no_point);
        }

      if (have_point && have_band)
        {
          set_band (&point.lo, &point.hi, draws.ret + k * N_DRAWS, draws.n);
          set_band (&point.cumulative_lo, &point.cumulative_hi,
                    draws.cumulative + k * N_DRAWS, draws.n);
        }
      else
        {
          const char *reason = have_point ? no_band : no_point;

          plateau_value_set_absent (&point.lo, reason);
          plateau_value_set_absent (&point.hi, reason);
          plateau_value_set_absent (&point.cumulative_lo, reason);
          plateau_value_set_absent (&point.cumulative_hi, reason);
        }

      g_array_append_val (self->forecast, point);
    }

  g_free (draws.ret);
  g_free (draws.cumulative);
}

/**
 * plateau_analysis_forecast:
 * @self: an analysis being built
 *
 * Fills the forecast for the settings' horizon after the last usable
 * period.
 */
void
plateau_analysis_forecast (PlateauAnalysis *self)
{
  const PlateauPeriodResult *last = NULL;
  guint h = self->settings.forecast_horizon;
  g_autofree double *t = g_new (double, MAX (h, 1));
  g_autofree double *investment = g_new (double, MAX (h, 1));
  Projection pr = { 0 };
  double theta[3] = { 0 }, cov[9] = { 0 }, step;
  gboolean have_source, have_band = TRUE;

  if (self->columns.n == 0 || h == 0)
    return;
  last = &self->periods[self->columns.index[self->columns.n - 1]];

  step = time_step (self);
  for (guint k = 0; k < h; k++)
    t[k] = last->t + step * (k + 1);
  plan_investment (self, t, investment, h, last->investment);

  pr.model = self->lifecycle.model;
  pr.basis = self->lifecycle.basis;
  pr.t_last = last->t;
  pr.t_step = step;
  pr.ci_last = last->cumulative_investment;
  pr.ce_last = last->cumulative_return;
  pr.horizon = h;
  pr.t = t;
  pr.investment = investment;

  have_source = choose_source (self, &pr, theta, cov);
  if (pr.source == SOURCE_TREND && !pr.trend->have_errors)
    have_band = FALSE;

  fill_points (self, &pr, theta, cov, have_source, have_band);
}
