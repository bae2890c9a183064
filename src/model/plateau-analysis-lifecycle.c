/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "plateau-analysis-private.h"

/* Above this relative standard error the ceiling K is not trusted. */
#define MAX_K_RELATIVE_SE 0.25
/* Confidence is high only with a close fit and a sharp ceiling. */
#define HIGH_MIN_R2 0.98
#define HIGH_MAX_K_RELATIVE_SE 0.05
#define HIGH_MIN_PERIODS 8

static void
set_curve_absent (PlateauLifecycle *l,
                  PlateauFitStatus  status,
                  const char       *reason)
{
  PlateauValue *values[] = { &l->K, &l->r, &l->t0, &l->K_se, &l->r_se, &l->t0_se,
                             &l->r2, &l->aic };

  l->status = status;
  l->reason = reason;
  for (guint k = 0; k < G_N_ELEMENTS (values); k++)
    plateau_value_set_absent (values[k], reason);
}

static void
set_errors (PlateauLifecycle      *l,
            const PlateauCurveFit *fit)
{
  PlateauValue *se[] = { &l->K_se, &l->r_se, &l->t0_se };
  const char *reason = _("The fit's uncertainty cannot be estimated");

  memcpy (l->covariance, fit->cov, sizeof l->covariance);

  for (guint k = 0; k < 3; k++)
    {
      double variance = fit->cov[k * 3 + k];

      if (fit->have_cov && variance >= 0)
        plateau_value_set (se[k], sqrt (variance));
      else
        plateau_value_set_absent (se[k], reason);
    }
}

static void
set_quality (PlateauLifecycle      *l,
             const PlateauCurveFit *fit)
{
  if (fit->sst > 0)
    plateau_value_set (&l->r2, 1.0 - fit->ssr / fit->sst);
  else
    plateau_value_set_absent (&l->r2, _("The values are constant"));

  /* AIC for Gaussian errors up to a constant: n ln (SSR / n) + 2k. */
  if (fit->ssr > 0)
    plateau_value_set (&l->aic, fit->n * log (fit->ssr / fit->n) + 2.0 * 3);
  else
    plateau_value_set_absent (&l->aic, _("The curve passes exactly through every point"));
}

/*
 * Whether the observed period returns have turned: the three-period moving
 * average of the return has peaked before the last period. A curve fitted
 * to returns that still rise places its inflection, and so its ceiling,
 * wherever the fit likes.
 */
static gboolean
returns_have_turned (const PlateauAnalysis *self)
{
  const PlateauColumns *c = &self->columns;
  double window[3], peak = -G_MAXDOUBLE, last = 0;
  guint k = 0;

  for (guint j = 0; j < c->n; j++)
    {
      window[k % 3] = c->ret[j];
      if (++k < 3)
        continue;

      last = (window[0] + window[1] + window[2]) / 3;
      peak = MAX (peak, last);
    }

  return k >= 3 && last < peak;
}

/* Decides whether the ceiling is something the data actually show. */
static void
judge_identification (PlateauAnalysis *self,
                      double           x_last)
{
  PlateauLifecycle *l = &self->lifecycle;
  double rel_se;

  if (!(l->K.value > 0) || !(l->r.value > 0))
    {
      l->status = PLATEAU_FIT_NOT_IDENTIFIED;
      l->reason = _("The fitted curve does not rise to a ceiling");
      return;
    }

  if (l->t0.value >= x_last
      || (l->basis == PLATEAU_BASIS_TIME && !returns_have_turned (self)))
    {
      l->status = PLATEAU_FIT_NOT_IDENTIFIED;
      l->reason = _("The returns are still rising, so the ceiling K is an extrapolation");
      return;
    }

  rel_se = plateau_value_is_present (&l->K_se) ? l->K_se.value / l->K.value : G_MAXDOUBLE;
  if (rel_se > MAX_K_RELATIVE_SE)
    {
      l->status = PLATEAU_FIT_NOT_IDENTIFIED;
      l->reason = plateau_value_is_present (&l->K_se)
                  ? plateau_analysis_printf (self,
                      _("The ceiling K is poorly determined (±%.0f %%)"), 100 * rel_se)
                  : _("The ceiling K is poorly determined");
    }
}

static PlateauStage
stage_of_saturation (const PlateauSettings *s,
                     double                 f)
{
  if (f < s->exploration_end)
    return PLATEAU_STAGE_EXPLORATION;
  if (f < s->growth_end)
    return PLATEAU_STAGE_GROWTH;
  if (f < s->maturity_end)
    return PLATEAU_STAGE_MATURITY;

  return PLATEAU_STAGE_DECLINE;
}

/**
 * plateau_analysis_curve_fractions:
 * @self: an analysis whose S-curve has been fitted
 *
 * Evaluates the fitted curve at every valid period in one tight loop, so
 * that the pass that fills the periods does not take an exponential each.
 *
 * Returns: (transfer full) (nullable): the curve's value over its ceiling
 *   at each valid period, in the order of the columns; %NULL when there is
 *   no curve to evaluate
 */
double *
plateau_analysis_curve_fractions (PlateauAnalysis *self)
{
  const PlateauLifecycle *l = &self->lifecycle;
  const PlateauColumns *c = &self->columns;
  const double *x = l->basis == PLATEAU_BASIS_CUMULATIVE_INVESTMENT
                    ? c->cumulative_investment : c->t;
  double *fraction;

  if (!self->have_curve && l->status != PLATEAU_FIT_OK)
    return NULL;

  fraction = g_new (double, MAX (c->n, 1));
  plateau_curve_fractions (l->model, l->r.value, l->t0.value, x, c->n, self->curve_x_step,
                           fraction);

  return fraction;
}

/**
 * plateau_analysis_fill_curve:
 * @self: an analysis whose S-curve has been fitted
 * @p: a period
 * @valid: whether the period is used by the analysis
 * @f: the curve's value over its ceiling at the period, when valid and
 *   plateau_analysis_curve_fractions() gave one
 *
 * Fills the period's fitted value and saturation, and its stage when the
 * S-curve is trusted; plateau_analysis_classify() gives the stages
 * otherwise.
 */
void
plateau_analysis_fill_curve (PlateauAnalysis     *self,
                             PlateauPeriodResult *p,
                             gboolean             valid,
                             double               f)
{
  const PlateauLifecycle *l = &self->lifecycle;

  p->stage = PLATEAU_STAGE_UNKNOWN;
  if (!valid)
    {
      plateau_value_set_absent (&p->fitted, _("The period is left out of the analysis"));
      plateau_value_set_absent (&p->saturation, _("The period is left out of the analysis"));
      return;
    }

  if (self->have_curve)
    plateau_value_set (&p->fitted, l->K.value * f);
  else
    plateau_value_set_absent (&p->fitted, l->reason);

  if (l->status != PLATEAU_FIT_OK)
    {
      plateau_value_set_absent (&p->saturation, l->reason);
      return;
    }

  plateau_value_set (&p->saturation, f);
  p->stage = plateau_value_is_present (&p->saturation) ? stage_of_saturation (&self->settings, f)
                                                       : PLATEAU_STAGE_UNKNOWN;
}

static void
apply_fit (PlateauAnalysis       *self,
           const PlateauCurveFit *fit,
           double                 x_last)
{
  PlateauLifecycle *l = &self->lifecycle;

  l->status = PLATEAU_FIT_OK;
  l->reason = NULL;
  plateau_value_set (&l->K, fit->K);
  plateau_value_set (&l->r, fit->r);
  plateau_value_set (&l->t0, fit->x0);
  set_errors (l, fit);
  set_quality (l, fit);
  self->have_curve = plateau_value_is_present (&l->K) && plateau_value_is_present (&l->r)
                     && plateau_value_is_present (&l->t0);
  judge_identification (self, x_last);
}

/**
 * plateau_analysis_fit_lifecycle:
 * @self: an analysis being built
 *
 * Fits the S-curve on the valid periods and fills each period's fitted
 * value and saturation.
 */
void
plateau_analysis_fit_lifecycle (PlateauAnalysis *self)
{
  PlateauLifecycle *l = &self->lifecycle;
  const PlateauColumns *c = &self->columns;
  gboolean by_investment = self->settings.basis == PLATEAU_BASIS_CUMULATIVE_INVESTMENT;
  const double *x = by_investment ? c->cumulative_investment : c->t;
  const double *y = by_investment ? c->ret : c->cumulative_return;
  PlateauCurveFit fit;
  double x_last = -G_MAXDOUBLE;
  guint n = c->n;

  l->model = self->settings.model;
  l->basis = self->settings.basis;

  for (guint k = 0; k < n; k++)
    x_last = MAX (x_last, x[k]);
  l->n = n;

  if (n < PLATEAU_MIN_CURVE_PERIODS)
    {
      set_curve_absent (l, PLATEAU_FIT_TOO_FEW_POINTS,
                        plateau_analysis_printf (self,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The S-curve needs at least %u usable periods; "
                                       "there is %u",
                                       "The S-curve needs at least %u usable periods; "
                                       "there are %u", n),
                          PLATEAU_MIN_CURVE_PERIODS, n));
      return;
    }

  switch (plateau_curve_fit (l->model, x, y, n, &fit))
    {
    case PLATEAU_CURVE_FIT_OK:
      l->converged = TRUE;
      l->iterations = fit.iterations;
      self->curve_x_step = fit.x_step;
      apply_fit (self, &fit, x_last);
      break;

    case PLATEAU_CURVE_FIT_DEGENERATE:
      set_curve_absent (l, PLATEAU_FIT_DEGENERATE,
                        _("The values to fit do not vary, so no S-curve can be fitted"));
      break;

    case PLATEAU_CURVE_FIT_NO_START:
      set_curve_absent (l, PLATEAU_FIT_DEGENERATE,
                        _("The data never rise, so no S-curve can be fitted"));
      break;

    case PLATEAU_CURVE_FIT_NOT_CONVERGED:
    default:
      l->iterations = fit.iterations;
      set_curve_absent (l, PLATEAU_FIT_NOT_CONVERGED, _("The S-curve fit did not converge"));
      break;
    }

  if (l->status != PLATEAU_FIT_OK)
    plateau_analysis_warn (self, -1, "s-curve-not-trusted",
                           plateau_analysis_printf (self, _("S-curve: %s"), l->reason));
}

/*
 * Without a trusted S-curve a period's stage is read from the trend of the
 * last few periods: ROI rising means growth (exploration while the money
 * has not yet paid for itself); ROI flat or falling means maturity while
 * the returns still grow, decline once they fall too.
 */
static PlateauStage
stage_of_window (const double *t,
                 const double *roi,
                 const double *ret,
                 guint         n,
                 double        cumulative_roi)
{
  PlateauOls roi_fit, ret_fit;
  double mean_roi = 0, span = t[n - 1] - t[0];

  if (!plateau_ols_fit (t, roi, n, &roi_fit) || !plateau_ols_fit (t, ret, n, &ret_fit))
    return PLATEAU_STAGE_UNKNOWN;

  for (guint k = 0; k < n; k++)
    mean_roi += fabs (roi[k]) / n;

  /* A change of ROI under 1 % across the window counts as flat. */
  if (roi_fit.slope * span > 0.01 * mean_roi)
    return cumulative_roi < 1 ? PLATEAU_STAGE_EXPLORATION : PLATEAU_STAGE_GROWTH;

  return ret_fit.slope > 0 ? PLATEAU_STAGE_MATURITY : PLATEAU_STAGE_DECLINE;
}

static void
classify_by_trend (PlateauAnalysis *self)
{
  const PlateauColumns *c = &self->columns;
  guint w = self->settings.trailing_window, k = 0;
  g_autofree double *t = g_new (double, w);
  g_autofree double *roi = g_new (double, w);
  g_autofree double *ret = g_new (double, w);

  /* Every stage is unknown until here; the periods with an ROI get one. */
  for (guint j = 0; j < c->n; j++)
    {
      PlateauPeriodResult *p = &self->periods[c->index[j]];

      if (!plateau_value_is_present (&p->roi))
        continue;

      /* Keep the window's points in time order, dropping the oldest. */
      if (k == w)
        {
          memmove (t, t + 1, (w - 1) * sizeof (double));
          memmove (roi, roi + 1, (w - 1) * sizeof (double));
          memmove (ret, ret + 1, (w - 1) * sizeof (double));
          k--;
        }
      t[k] = p->t;
      roi[k] = p->roi.value;
      ret[k++] = p->ret;

      if (k >= 3)
        p->stage = stage_of_window (t, roi, ret, k,
                                    plateau_value_is_present (&p->cumulative_roi)
                                    ? p->cumulative_roi.value : 0);
    }
}

static const PlateauPeriodResult *
last_valid_period (const PlateauAnalysis *self)
{
  const PlateauColumns *c = &self->columns;

  return c->n > 0 ? &self->periods[c->index[c->n - 1]] : NULL;
}

static const char *
describe_trend_stage (PlateauStage stage)
{
  switch (stage)
    {
    case PLATEAU_STAGE_EXPLORATION:
      return _("ROI is rising but the investment has not yet paid for itself");
    case PLATEAU_STAGE_GROWTH:
      return _("ROI is rising");
    case PLATEAU_STAGE_MATURITY:
      return _("ROI is flat or falling while the returns still grow");
    case PLATEAU_STAGE_DECLINE:
      return _("ROI and the returns are both falling");
    case PLATEAU_STAGE_UNKNOWN:
    default:
      return _("there are too few recent periods with an ROI to judge");
    }
}

static void
assess_by_trend (PlateauAnalysis *self)
{
  PlateauStageAssessment *c = &self->current;
  const PlateauPeriodResult *last = last_valid_period (self);

  c->stage = last != NULL ? last->stage : PLATEAU_STAGE_UNKNOWN;
  c->confidence = PLATEAU_CONFIDENCE_LOW;
  c->method = c->stage == PLATEAU_STAGE_UNKNOWN ? "none" : "trend";
  c->reason = plateau_analysis_printf (self,
                                       _("%s; the stage comes from the ROI trend of the last "
                                         "%u periods alone: %s."),
                                       self->lifecycle.reason, self->settings.trailing_window,
                                       describe_trend_stage (c->stage));
}

static void
assess_by_curve (PlateauAnalysis *self)
{
  PlateauStageAssessment *c = &self->current;
  const PlateauLifecycle *l = &self->lifecycle;
  const PlateauPeriodResult *last = last_valid_period (self);
  double rel_se = l->K_se.value / l->K.value;
  double r2 = plateau_value_is_present (&l->r2) ? l->r2.value : 0;

  c->stage = last->stage;
  c->method = "s-curve";

  if (r2 >= HIGH_MIN_R2 && rel_se <= HIGH_MAX_K_RELATIVE_SE && l->n >= HIGH_MIN_PERIODS)
    {
      c->confidence = PLATEAU_CONFIDENCE_HIGH;
      c->reason = plateau_analysis_printf (self,
                    _("The S-curve fits closely (R² = %.3f) and its ceiling K is determined "
                      "within ±%.2g %%."), r2, 100 * rel_se);
      return;
    }

  c->confidence = PLATEAU_CONFIDENCE_MEDIUM;
  if (l->n < HIGH_MIN_PERIODS)
    c->reason = plateau_analysis_printf (self,
                  _("The S-curve fits (R² = %.3f), but on only %u periods."), r2, l->n);
  else
    c->reason = plateau_analysis_printf (self,
                  _("The S-curve fits (R² = %.3f), but its ceiling K is only determined "
                    "within ±%.2g %%."), r2, 100 * rel_se);
}

/**
 * plateau_analysis_classify:
 * @self: an analysis being built
 *
 * Judges the current stage: from the S-curve's saturation when the fit
 * can be trusted (plateau_analysis_fill_curve() has staged each period by
 * it), else from the ROI trend, which first stages each period, with low
 * confidence and the reason spelled out.
 */
void
plateau_analysis_classify (PlateauAnalysis *self)
{
  if (self->lifecycle.status != PLATEAU_FIT_OK)
    {
      classify_by_trend (self);
      assess_by_trend (self);
      return;
    }

  assess_by_curve (self);
}
