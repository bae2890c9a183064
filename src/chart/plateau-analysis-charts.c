/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart descriptions built from an analysis: ROI over time, return against
 * investment, the life-cycle S-curve, and the portfolio. Each carries a
 * caption with its key figure, or the reason the figure is absent.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "plateau-analysis-charts.h"
#include "plateau-chart-ticks.h"

#define CURVE_SAMPLES 200

/**
 * plateau_analysis_chart_from_name:
 * @name: "roi", "returns", "scurve", "portfolio" or "comparison"
 * @kind: (out): the chart named
 *
 * Returns: whether @name names a chart.
 */
gboolean
plateau_analysis_chart_from_name (const char           *name,
                                  PlateauAnalysisChart *kind)
{
  static const char *const names[] = { "roi", "returns", "scurve", "portfolio", "comparison" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (name, names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Periods labelled with whole numbers between 1000 and 3000 are years. */
static gboolean
periods_are_years (const PlateauAnalysis *analysis)
{
  guint n = plateau_analysis_get_n_periods (analysis);

  for (guint i = 0; i < n; i++)
    {
      double t = plateau_analysis_get_period (analysis, i)->t;

      if (t != floor (t) || t < 1000 || t > 3000)
        return FALSE;
    }

  return n > 0;
}

static void
set_time_axis (PlateauChart          *chart,
               const PlateauAnalysis *analysis)
{
  if (periods_are_years (analysis))
    {
      plateau_chart_set_axis_format (chart, PLATEAU_AXIS_X, PLATEAU_AXIS_FORMAT_YEAR);
      plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, _("Year"), NULL);
    }
  else
    plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, _("Period"), NULL);
}

static PlateauThemeStage
theme_stage (PlateauStage stage)
{
  return (PlateauThemeStage) (stage - PLATEAU_STAGE_EXPLORATION);
}

static double
period_x (const PlateauPeriodResult *p,
          gboolean                   by_investment)
{
  return by_investment ? p->cumulative_investment : p->t;
}

/* Runs of periods in one stage become bands, split halfway between the
 * last period of one stage and the first of the next. */
static void
add_stage_bands (PlateauChart          *chart,
                 const PlateauAnalysis *analysis,
                 gboolean               by_investment)
{
  guint n = plateau_analysis_get_n_periods (analysis);
  guint start = 0;

  for (guint i = 1; i <= n; i++)
    {
      const PlateauPeriodResult *first = plateau_analysis_get_period (analysis, start);
      const PlateauPeriodResult *prev = plateau_analysis_get_period (analysis, i - 1);
      const PlateauPeriodResult *next = i < n ? plateau_analysis_get_period (analysis, i) : NULL;
      const PlateauPeriodResult *before = start > 0 ? plateau_analysis_get_period (analysis,
                                                                                 start - 1)
                                                    : NULL;
      double x0 = period_x (first, by_investment), x1 = period_x (prev, by_investment);

      if (next != NULL && next->stage == first->stage)
        continue;

      if (first->stage != PLATEAU_STAGE_UNKNOWN)
        {
          if (before != NULL)
            x0 = (x0 + period_x (before, by_investment)) / 2;
          if (next != NULL)
            x1 = (x1 + period_x (next, by_investment)) / 2;
          plateau_chart_add_stage (chart, theme_stage (first->stage), x0, x1,
                                   plateau_stage_get_display_name (first->stage));
        }
      start = i;
    }
}

static char *
stage_subtitle (const PlateauAnalysis *analysis)
{
  const PlateauStageAssessment *now = plateau_analysis_get_current_stage (analysis);

  if (now->stage == PLATEAU_STAGE_UNKNOWN)
    return g_strdup (plateau_analysis_get_name (analysis));

  /* TRANSLATORS: a chart subtitle: scenario name, stage, confidence
   * (such as "Low confidence"). */
  return g_strdup_printf (_("%s · stage now: %s (%s)"),
                          plateau_analysis_get_name (analysis),
                          plateau_stage_get_display_name (now->stage),
                          plateau_confidence_get_display_name (now->confidence));
}

/* Enough decimals for two significant digits, so that a slope of 3e-6 is
 * not written as 0.0000. */
static int
decimals_for (double value)
{
  double a = fabs (value);

  if (a >= 100)
    return 0;
  if (a >= 10)
    return 1;
  if (a >= 0.1 || !(a > 0))
    return 2;

  return MIN (12, 1 - (int) floor (log10 (a)));
}

/* Whole sentences for years and for periods, falling and rising: a "per
 * year" fragment cannot be placed where every language needs it. */
static char *
trend_caption (const PlateauTrend *trend,
               gboolean            years)
{
  g_autofree char *slope = NULL, *lo = NULL, *hi = NULL;
  gboolean falling;
  int d;

  if (trend->status != PLATEAU_FIT_OK || !plateau_value_is_present (&trend->slope))
    return g_strdup_printf (_("No ROI trend: %s"), trend->reason != NULL ? trend->reason
                                                                           : _("not enough data"));

  d = decimals_for (trend->slope.value);
  slope = plateau_format_number (fabs (trend->slope.value), d);
  falling = trend->slope.value < 0;
  if (!plateau_value_is_present (&trend->slope_ci_lo)
      || !plateau_value_is_present (&trend->slope_ci_hi))
    return g_strdup_printf (years ? (falling ? _("ROI falling %s a year")
                                             : _("ROI rising %s a year"))
                                  : (falling ? _("ROI falling %s a period")
                                             : _("ROI rising %s a period")),
                            slope);

  lo = plateau_format_number (trend->slope_ci_lo.value, d);
  hi = plateau_format_number (trend->slope_ci_hi.value, d);

  /* An interval that holds zero cannot tell rising from falling. */
  if (trend->slope_ci_lo.value <= 0 && trend->slope_ci_hi.value >= 0)
    {
      g_autofree char *signed_slope = plateau_format_number (trend->slope.value, d);

      /* TRANSLATORS: e.g. "No clear ROI trend: 0.0069 a year, 95 % interval −0.027 to 0.041". */
      return g_strdup_printf (years ? _("No clear ROI trend: %s a year, 95 %% interval %s to %s")
                                    : _("No clear ROI trend: %s a period, 95 %% interval %s "
                                        "to %s"),
                              signed_slope, lo, hi);
    }

  /* TRANSLATORS: e.g. "ROI falling 0.12 a year, 95 % interval −0.18 to −0.06". */
  return g_strdup_printf (years ? (falling ? _("ROI falling %s a year, 95 %% interval %s to %s")
                                           : _("ROI rising %s a year, 95 %% interval %s to %s"))
                                : (falling
                                     ? _("ROI falling %s a period, 95 %% interval %s to %s")
                                     : _("ROI rising %s a period, 95 %% interval %s to %s")),
                          slope, lo, hi);
}

/* The confidence band of the trend line: t × s × √(1/n + (t − t̄)² / Sxx),
 * written with the slope's standard error (s / √Sxx) and the t quantile
 * implied by the slope's interval, so no quantile is computed twice. */
static void
add_trend (PlateauChart          *chart,
           const PlateauAnalysis *analysis,
           const GArray          *ts)
{
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);
  double t_min = INFINITY, t_max = -INFINITY, mean = 0, sxx = 0, q = NAN;
  double x[CURVE_SAMPLES], y[CURVE_SAMPLES], lo[CURVE_SAMPLES], hi[CURVE_SAMPLES];
  guint n = ts->len;
  PlateauChartSeries *s;

  if (trend->status != PLATEAU_FIT_OK || !plateau_value_is_present (&trend->slope)
      || !plateau_value_is_present (&trend->intercept) || n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      double t = g_array_index (ts, double, i);

      mean += t / n;
      t_min = MIN (t_min, t);
      t_max = MAX (t_max, t);
    }
  for (guint i = 0; i < n; i++)
    sxx += pow (g_array_index (ts, double, i) - mean, 2);

  if (plateau_value_is_present (&trend->slope_se) && plateau_value_is_present (&trend->slope_ci_hi)
      && trend->slope_se.value > 0)
    q = (trend->slope_ci_hi.value - trend->slope.value) / trend->slope_se.value;

  for (guint i = 0; i < CURVE_SAMPLES; i++)
    {
      double half;

      x[i] = t_min + (t_max - t_min) * i / (CURVE_SAMPLES - 1);
      y[i] = trend->intercept.value + trend->slope.value * x[i];
      half = q * trend->slope_se.value * sqrt (sxx / n + pow (x[i] - mean, 2));
      lo[i] = y[i] - half;
      hi[i] = y[i] + half;
    }

  if (isfinite (q))
    plateau_chart_series_set_color (plateau_chart_add_band (chart,
                                                            /* xgettext:no-c-format */
                                                            _("95 % interval of the trend"),
                                                            x, lo, hi, CURVE_SAMPLES), 1);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, _("Trend"), x, y, CURVE_SAMPLES);
  plateau_chart_series_set_color (s, 1);
  plateau_chart_series_set_dashed (s, TRUE);
}

/* Observed values as a line with its points, under one legend entry. */
static void
add_observed (PlateauChart *chart,
              const char   *name,
              const double *x,
              const double *y,
              gsize         n,
              guint         color)
{
  PlateauChartSeries *s;

  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, name, x, y, n);
  plateau_chart_series_set_color (s, color);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER, NULL, x, y, n);
  plateau_chart_series_set_color (s, color);
}

/**
 * plateau_chart_new_roi:
 * @analysis: an analysis
 *
 * ROI per period over time with the OLS trend, the trend's 95 % band, the
 * life-cycle stages and the current period marked.
 *
 * Returns: (transfer full): the chart.
 */
PlateauChart *
plateau_chart_new_roi (const PlateauAnalysis *analysis)
{
  PlateauChart *chart = plateau_chart_new ();
  guint n = plateau_analysis_get_n_periods (analysis);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autoptr (GArray) ts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *subtitle = stage_subtitle (analysis);
  g_autofree char *caption = NULL;
  int last = -1;

  for (guint i = 0; i < n; i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (analysis, i);

      x[i] = p->t;
      y[i] = plateau_value_is_present (&p->roi) ? p->roi.value : NAN;
      if (plateau_value_is_present (&p->roi))
        {
          g_array_append_val (ts, p->t);
          last = (int) i;
        }
    }

  plateau_chart_set_title (chart, _("Return on investment over time"));
  plateau_chart_set_subtitle (chart, subtitle);
  set_time_axis (chart, analysis);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, _("Return on investment"), NULL);
  add_stage_bands (chart, analysis, FALSE);
  add_trend (chart, analysis, ts);
  add_observed (chart, _("ROI"), x, y, n, 0);
  if (last >= 0)
    plateau_chart_add_marker (chart, PLATEAU_MARKER_POINT, x[last], y[last], _("Latest"));

  caption = trend_caption (plateau_analysis_get_trend (analysis), periods_are_years (analysis));
  plateau_chart_set_caption (chart, caption);
  plateau_chart_set_empty_message (chart, _("No period has an investment above zero, so there is "
                                            "no return on investment to draw."));
  return chart;
}

static char *
elasticity_caption (const PlateauElasticity *e)
{
  g_autofree char *b = NULL, *lo = NULL, *hi = NULL;
  const char *verdict;

  if (e->status != PLATEAU_FIT_OK || !plateau_value_is_present (&e->b))
    return g_strdup_printf (_("No returns-to-scale fit: %s"),
                            e->reason != NULL ? e->reason : _("not enough data"));

  switch (e->verdict)
    {
    case PLATEAU_RETURNS_DIMINISHING:
      verdict = _("diminishing returns to scale");
      break;
    case PLATEAU_RETURNS_INCREASING:
      verdict = _("increasing returns to scale");
      break;
    case PLATEAU_RETURNS_CONSTANT:
      verdict = _("constant returns to scale");
      break;
    case PLATEAU_RETURNS_UNKNOWN:
    default:
      verdict = _("returns to scale undetermined");
      break;
    }

  b = plateau_format_number (e->b.value, 2);
  if (!plateau_value_is_present (&e->b_ci_lo) || !plateau_value_is_present (&e->b_ci_hi))
    return g_strdup_printf (_("Elasticity b = %s: %s"), b, verdict);

  lo = plateau_format_number (e->b_ci_lo.value, 2);
  hi = plateau_format_number (e->b_ci_hi.value, 2);
  /* TRANSLATORS: e.g. "Elasticity b = 0.62, 95 % interval 0.48 to 0.76: diminishing …". */
  return g_strdup_printf (_("Elasticity b = %s, 95 %% interval %s to %s: %s"), b, lo, hi, verdict);
}

static void
add_power_law (PlateauChart            *chart,
               const PlateauElasticity *e,
               double                   i_min,
               double                   i_max)
{
  double x[CURVE_SAMPLES], y[CURVE_SAMPLES];
  g_autofree char *name = NULL, *b = NULL;
  PlateauChartSeries *s;

  if (e->status != PLATEAU_FIT_OK || !plateau_value_is_present (&e->a)
      || !plateau_value_is_present (&e->b) || !(i_max > i_min) || !(i_min > 0))
    return;

  /* Samples evenly spaced in log I, so the curve is smooth on both scales. */
  for (guint k = 0; k < CURVE_SAMPLES; k++)
    {
      x[k] = exp (log (i_min) + (log (i_max) - log (i_min)) * k / (CURVE_SAMPLES - 1));
      y[k] = e->a.value * pow (x[k], e->b.value);
    }

  b = plateau_format_number (e->b.value, 2);
  /* TRANSLATORS: the legend of the fitted curve E = a I^b; %s is b. */
  name = g_strdup_printf (_("Power-law fit, b = %s"), b);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, name, x, y, CURVE_SAMPLES);
  plateau_chart_series_set_color (s, 1);
  plateau_chart_series_set_dashed (s, TRUE);
}

/**
 * plateau_chart_new_returns:
 * @analysis: an analysis
 * @log_axes: whether both axes are logarithmic
 *
 * Return against investment per period with the power-law fit E = a I^b.
 *
 * Returns: (transfer full): the chart.
 */
PlateauChart *
plateau_chart_new_returns (const PlateauAnalysis *analysis,
                           gboolean               log_axes)
{
  PlateauChart *chart = plateau_chart_new ();
  const PlateauElasticity *e = plateau_analysis_get_elasticity (analysis);
  const char *unit = plateau_analysis_get_unit (analysis);
  guint n = plateau_analysis_get_n_periods (analysis);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree char *caption = elasticity_caption (e);
  double i_min = INFINITY, i_max = -INFINITY;

  for (guint i = 0; i < n; i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (analysis, i);

      x[i] = p->investment;
      y[i] = p->ret;
      if (p->investment > 0 && p->ret > 0)
        {
          i_min = MIN (i_min, p->investment);
          i_max = MAX (i_max, p->investment);
        }
    }

  plateau_chart_set_title (chart, _("Return against investment"));
  plateau_chart_set_subtitle (chart, plateau_analysis_get_name (analysis));
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, _("Investment per period"), unit);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, _("Return per period"), unit);
  plateau_chart_set_axis_grid (chart, PLATEAU_AXIS_X, TRUE);
  if (log_axes)
    {
      plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_X, PLATEAU_SCALE_LOG);
      plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_Y, PLATEAU_SCALE_LOG);
    }

  plateau_chart_series_set_color (plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER,
                                                            _("Periods"), x, y, n), 0);
  add_power_law (chart, e, i_min, i_max);
  plateau_chart_set_caption (chart, caption);
  return chart;
}

/* On a time axis the inflection is a moment: "2018.4", never "2,018.4". */
static char *
format_inflection (const PlateauAnalysis  *analysis,
                   const PlateauLifecycle *l)
{
  if (l->basis == PLATEAU_BASIS_TIME && periods_are_years (analysis))
    return g_strdup_printf ("%.1f", l->t0.value);

  return plateau_format_number (l->t0.value, l->basis == PLATEAU_BASIS_TIME
                                             ? 1 : decimals_for (l->t0.value));
}

static char *
lifecycle_caption (const PlateauAnalysis *analysis)
{
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (analysis);
  const PlateauStageAssessment *now = plateau_analysis_get_current_stage (analysis);
  guint n = plateau_analysis_get_n_periods (analysis);
  const PlateauPeriodResult *last = n > 0 ? plateau_analysis_get_period (analysis, n - 1) : NULL;
  g_autofree char *k = NULL, *t0 = NULL, *sat = NULL;

  if (l->status != PLATEAU_FIT_OK || !plateau_value_is_present (&l->K)
      || !plateau_value_is_present (&l->t0))
    {
      const char *reason = l->reason != NULL ? l->reason : _("not enough data");
      const char *basis = plateau_analysis_get_forecast_basis (analysis);

      if (basis == NULL)
        return g_strdup_printf (_("No S-curve: %s"), reason);
      /* TRANSLATORS: the second %s is e.g. "the ROI trend of the last 5 periods". */
      return g_strdup_printf (_("No S-curve: %s; the forecast follows %s"), reason, basis);
    }

  k = plateau_format_number (l->K.value, decimals_for (l->K.value));
  t0 = format_inflection (analysis, l);
  if (last == NULL || !plateau_value_is_present (&last->saturation))
    return g_strdup_printf (_("Ceiling K = %s, inflection at %s"), k, t0);

  sat = plateau_format_number (last->saturation.value * 100, 0);
  /* TRANSLATORS: e.g. "72 % of the ceiling K = 1,200 reached; inflection at 2018.4;
   * stage: Maturity". */
  return g_strdup_printf (_("%s %% of the ceiling K = %s reached; inflection at %s; stage: %s"),
                          sat, k,
                          t0, plateau_stage_get_display_name (now->stage));
}

static void
add_fitted_curve (PlateauChart          *chart,
                  const PlateauAnalysis *analysis,
                  double                 x_min,
                  double                 x_max)
{
  double x[CURVE_SAMPLES], y[CURVE_SAMPLES];
  PlateauChartSeries *s;

  /* A curve the analysis does not trust would contradict the caption and
   * the forecast drawn beside it. */
  if (plateau_analysis_get_lifecycle (analysis)->status != PLATEAU_FIT_OK || !(x_max > x_min))
    return;

  for (guint k = 0; k < CURVE_SAMPLES; k++)
    {
      x[k] = x_min + (x_max - x_min) * k / (CURVE_SAMPLES - 1);
      if (!plateau_analysis_evaluate_curve (analysis, x[k], &y[k]))
        y[k] = NAN;
    }

  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, _("Fitted S-curve"), x,
                                y, CURVE_SAMPLES);
  plateau_chart_series_set_color (s, 1);
}

/* The forecast's 95 % band, joined to the last observed point so the band
 * grows out of the data. Time basis: cumulative return; investment basis:
 * period return against cumulative investment. */
static double
add_forecast (PlateauChart          *chart,
              const PlateauAnalysis *analysis,
              gboolean               by_investment)
{
  guint n = plateau_analysis_get_n_periods (analysis);
  guint m = plateau_analysis_get_n_forecast (analysis);
  g_autofree double *x = g_new (double, m + 1), *mid = g_new (double, m + 1);
  g_autofree double *lo = g_new (double, m + 1), *hi = g_new (double, m + 1);
  const PlateauPeriodResult *last;
  PlateauChartSeries *s;
  double ci;
  guint k = 0;

  if (n == 0 || m == 0)
    return NAN;

  last = plateau_analysis_get_period (analysis, n - 1);
  ci = last->cumulative_investment;
  x[k] = by_investment ? ci : last->t;
  mid[k] = lo[k] = hi[k] = by_investment ? last->ret : last->cumulative_return;
  k++;

  for (guint i = 0; i < m; i++)
    {
      const PlateauForecastPoint *f = plateau_analysis_get_forecast (analysis, i);
      const PlateauValue *v = by_investment ? &f->ret : &f->cumulative_return;
      const PlateauValue *l = by_investment ? &f->lo : &f->cumulative_lo;
      const PlateauValue *h = by_investment ? &f->hi : &f->cumulative_hi;

      ci += f->investment;
      x[k] = by_investment ? ci : f->t;
      mid[k] = plateau_value_is_present (v) ? v->value : NAN;
      lo[k] = plateau_value_is_present (l) ? l->value : NAN;
      hi[k] = plateau_value_is_present (h) ? h->value : NAN;
      k++;
    }

  plateau_chart_series_set_color (plateau_chart_add_band (chart, _("Forecast, 95 % band"), x, lo,
                                                          hi, k), 2);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, _("Forecast"), x, mid, k);
  plateau_chart_series_set_color (s, 2);
  plateau_chart_series_set_dashed (s, TRUE);

  return x[k - 1];
}

static void
add_inflection (PlateauChart          *chart,
                const PlateauAnalysis *analysis)
{
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (analysis);
  g_autofree char *t0 = NULL, *label = NULL;

  if (l->status != PLATEAU_FIT_OK || !plateau_value_is_present (&l->t0))
    return;

  t0 = format_inflection (analysis, l);
  label = g_strdup_printf (_("Inflection %s"), t0);
  plateau_chart_add_marker (chart, PLATEAU_MARKER_VLINE, l->t0.value, 0, label);
}

/**
 * plateau_chart_new_scurve:
 * @analysis: an analysis
 *
 * The life-cycle S-curve: the observed values, the fitted curve, the stage
 * bands, the inflection and the forecast with its 95 % band. On the time
 * basis it plots cumulative return over time; on the investment basis,
 * period return against cumulative investment.
 *
 * Returns: (transfer full): the chart.
 */
PlateauChart *
plateau_chart_new_scurve (const PlateauAnalysis *analysis)
{
  PlateauChart *chart = plateau_chart_new ();
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (analysis);
  gboolean by_investment = l->basis == PLATEAU_BASIS_CUMULATIVE_INVESTMENT;
  const char *unit = plateau_analysis_get_unit (analysis);
  guint n = plateau_analysis_get_n_periods (analysis);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree char *subtitle = stage_subtitle (analysis);
  g_autofree char *caption = lifecycle_caption (analysis);
  double x_end;

  for (guint i = 0; i < n; i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (analysis, i);

      x[i] = by_investment ? p->cumulative_investment : p->t;
      y[i] = by_investment ? p->ret : p->cumulative_return;
    }

  plateau_chart_set_title (chart, _("Life cycle"));
  plateau_chart_set_subtitle (chart, subtitle);
  if (by_investment)
    {
      plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, _("Cumulative investment"), unit);
      plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, _("Return per period"), unit);
    }
  else
    {
      set_time_axis (chart, analysis);
      plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, _("Cumulative return"), unit);
    }

  add_stage_bands (chart, analysis, by_investment);
  x_end = add_forecast (chart, analysis, by_investment);
  if (n > 0)
    add_fitted_curve (chart, analysis, x[0], isfinite (x_end) ? MAX (x_end, x[n - 1]) : x[n - 1]);
  add_observed (chart, by_investment ? _("Return") : _("Cumulative return"), x, y, n, 0);
  add_inflection (chart, analysis);
  plateau_chart_set_caption (chart, caption);
  return chart;
}

/**
 * plateau_chart_new_comparison:
 * @analyses: (array length=n_analyses): the analyses to compare
 * @n_analyses: how many
 *
 * ROI over time of several scenarios, one line each.
 *
 * Returns: (transfer full): the chart.
 */
PlateauChart *
plateau_chart_new_comparison (PlateauAnalysis *const *analyses,
                              guint                   n_analyses)
{
  PlateauChart *chart = plateau_chart_new ();
  const PlateauAnalysis *steepest = NULL;
  gboolean years = n_analyses > 0;

  /* Years side by side when every scenario counts years; otherwise each
   * scenario from its own first period, since years and period numbers
   * on one axis would squeeze each series against an edge. */
  for (guint j = 0; j < n_analyses; j++)
    years = years && periods_are_years (analyses[j]);

  plateau_chart_set_title (chart, _("Return on investment by technology"));
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, _("Return on investment"), NULL);

  for (guint j = 0; j < n_analyses; j++)
    {
      const PlateauAnalysis *a = analyses[j];
      const PlateauTrend *trend = plateau_analysis_get_trend (a);
      guint n = plateau_analysis_get_n_periods (a);
      g_autofree double *x = g_new (double, MAX (n, 1));
      g_autofree double *y = g_new (double, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        {
          const PlateauPeriodResult *p = plateau_analysis_get_period (a, i);

          x[i] = years ? p->t : i + 1;
          y[i] = plateau_value_is_present (&p->roi) ? p->roi.value : NAN;
        }
      add_observed (chart, plateau_analysis_get_name (a), x, y, n, j);

      if (trend->status == PLATEAU_FIT_OK && plateau_value_is_present (&trend->slope)
          && (steepest == NULL
              || trend->slope.value < plateau_analysis_get_trend (steepest)->slope.value))
        steepest = a;
    }

  if (years)
    set_time_axis (chart, analyses[0]);
  else
    plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, _("Period from each one's first"),
                                  NULL);

  if (steepest != NULL)
    {
      g_autofree char *trend = trend_caption (plateau_analysis_get_trend (steepest), years);
      g_autofree char *caption = g_strdup_printf (_("Steepest: %s — %s"),
                                                  plateau_analysis_get_name (steepest), trend);

      plateau_chart_set_caption (chart, caption);
    }
  return chart;
}

static char *
allocation_caption (const PlateauPortfolio *portfolio)
{
  double now = plateau_portfolio_get_current_total (portfolio);
  double best = plateau_portfolio_get_optimal_total (portfolio);
  g_autofree char *now_text = plateau_format_number (now, decimals_for (now));
  g_autofree char *best_text = plateau_format_number (best, decimals_for (best));
  g_autofree char *gain = NULL;

  if (!(now > 0) || !isfinite (best))
    return g_strdup_printf (_("The best split returns %s"), best_text);

  gain = plateau_format_number ((best / now - 1) * 100, 1);
  /* TRANSLATORS: e.g. "The best split raises the modelled return from 410 to 452 (+10.2 %)". */
  return g_strdup_printf (_("The best split raises the modelled return from %s to %s (+%s %%)"),
                          now_text, best_text, gain);
}

/**
 * plateau_chart_new_allocation:
 * @portfolio: a portfolio
 *
 * The current and the best split of the budget, side by side per
 * technology. Technologies left out of the optimisation are named in the
 * subtitle.
 *
 * Returns: (transfer full): the chart.
 */
PlateauChart *
plateau_chart_new_allocation (const PlateauPortfolio *portfolio)
{
  PlateauChart *chart = plateau_chart_new ();
  guint n = plateau_portfolio_get_n_entries (portfolio);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *now = g_new (double, MAX (n, 1));
  g_autofree double *best = g_new (double, MAX (n, 1));
  g_autofree char *caption = allocation_caption (portfolio);
  g_autofree char *budget = plateau_format_number (plateau_portfolio_get_budget (portfolio), 0);
  g_autofree char *subtitle = NULL;
  g_autoptr (GString) left_out = g_string_new (NULL);
  guint m = 0;
  PlateauChartSeries *s;

  /* Only the scenarios in the split get bars: one left out has no best
   * split to stand beside its current investment. */
  for (guint i = 0; i < n; i++)
    {
      const PlateauPortfolioEntry *e = plateau_portfolio_get_entry (portfolio, i);

      if (!e->included)
        {
          /* TRANSLATORS: the separator between the names of scenarios left out. */
          g_string_append_printf (left_out, "%s%s", left_out->len > 0 ? _(", ") : "", e->name);
          continue;
        }

      names[m] = e->name;
      x[m] = m;
      now[m] = e->current_investment;
      best[m++] = e->optimal_investment;
    }

  if (left_out->len == 0)
    subtitle = g_strdup_printf (_("Budget %s, split for equal marginal returns"), budget);
  else
    /* TRANSLATORS: the last %s lists the scenarios whose returns are not
     * diminishing, which have no best split. */
    subtitle = g_strdup_printf (_("Budget %s, split for equal marginal returns; left out: %s"),
                                budget, left_out->str);

  plateau_chart_set_title (chart, _("Allocation of the budget"));
  plateau_chart_set_subtitle (chart, subtitle);
  plateau_chart_set_categories (chart, names, m);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, _("Investment"),
                                plateau_portfolio_get_unit (portfolio));
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_BAR, _("Current"), x, now, m);
  plateau_chart_series_set_color (s, 7);
  plateau_chart_series_set_value_labels (s, TRUE);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_BAR, _("Best split"), x, best, m);
  plateau_chart_series_set_color (s, 0);
  plateau_chart_series_set_value_labels (s, TRUE);
  plateau_chart_set_caption (chart, caption);
  return chart;
}
