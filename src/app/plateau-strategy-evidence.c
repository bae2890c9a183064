/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The evidence of each strategy step, written as sentences an analyst can
 * read: every figure comes from the scenario's analysis (or the budget
 * split of its document), formatted as the other pages format it, and
 * every figure that could not be computed is replaced by the reason.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "plateau-chart-ticks.h"
#include "plateau-format.h"
#include "plateau-strategy-evidence.h"

/* Appends @sentence to @out, taking it. */
static void
add (GPtrArray *out,
     char      *sentence)
{
  g_ptr_array_add (out, sentence);
}

static const PlateauPeriodResult *
last_period (const PlateauAnalysis *analysis)
{
  guint n = plateau_analysis_get_n_periods (analysis);

  return n > 0 ? plateau_analysis_get_period (analysis, n - 1) : NULL;
}

/* The latest period whose saturation the trusted S-curve gives. */
static const PlateauPeriodResult *
last_saturated_period (const PlateauAnalysis *analysis)
{
  for (guint i = plateau_analysis_get_n_periods (analysis); i > 0; i--)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (analysis, i - 1);

      if (plateau_value_is_present (&p->saturation))
        return p;
    }

  return NULL;
}

static gboolean
curve_trusted (const PlateauAnalysis *analysis)
{
  return plateau_analysis_get_lifecycle (analysis)->status == PLATEAU_FIT_OK
         && last_saturated_period (analysis) != NULL;
}

static char *
format_percent (double fraction)
{
  return plateau_format_amount (100 * fraction);
}

static char *
format_p_value (double p)
{
  g_autofree char *number = NULL;

  if (p < 0.001)
    return g_strdup ("p < 0.001");

  number = plateau_format_number (p, p < 0.01 ? 3 : 2);
  return g_strdup_printf ("p = %s", number);
}

/* The model's reasons are sentences of their own, capitalised: evidence
 * that quotes one says what is missing first, then gives the reason as a
 * second sentence. */

/* Step 1: the stage, how it was judged, and the ROI trend it rests on. */

static void
describe_stage (GPtrArray             *out,
                const PlateauAnalysis *analysis)
{
  const PlateauStageAssessment *current = plateau_analysis_get_current_stage (analysis);

  if (current->stage == PLATEAU_STAGE_UNKNOWN)
    add (out, g_strdup (_("The stage cannot be identified yet.")));
  else
    /* TRANSLATORS: a stage such as “Growth”, then a confidence such as
     * “Low confidence” */
    add (out, g_strdup_printf (_("Current stage: %s (%s)."),
                               plateau_stage_get_display_name (current->stage),
                               plateau_confidence_get_display_name (current->confidence)));

  if (current->reason != NULL && *current->reason != '\0')
    add (out, g_strdup (current->reason));
}

static void
describe_significance (GPtrArray          *out,
                       const PlateauTrend *trend)
{
  g_autofree char *p = NULL;

  if (!plateau_value_is_present (&trend->slope_ci_lo)
      || !plateau_value_is_present (&trend->slope_ci_hi)
      || !plateau_value_is_present (&trend->p_value))
    return;

  p = format_p_value (trend->p_value.value);
  if (trend->slope_ci_lo.value > 0)
    /* TRANSLATORS: %s is a p-value such as “p = 0.03” */
    add (out, g_strdup_printf (_("The interval lies above zero (%s): ROI is clearly rising."),
                               p));
  else if (trend->slope_ci_hi.value < 0)
    add (out, g_strdup_printf (_("The interval lies below zero (%s): ROI is clearly falling."),
                               p));
  else
    add (out, g_strdup_printf (_("The interval includes zero (%s): the data cannot yet tell "
                                 "a rise of ROI from a fall."), p));
}

static void
describe_trend (GPtrArray             *out,
                const PlateauAnalysis *analysis)
{
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);
  g_autofree char *slope = NULL, *lo = NULL, *hi = NULL;

  if (!plateau_value_is_present (&trend->slope))
    {
      add (out, g_strdup_printf (_("The ROI trend cannot be fitted. %s."), trend->slope.reason));
      return;
    }

  slope = plateau_format_signed (trend->slope.value);
  if (!plateau_value_is_present (&trend->slope_ci_lo)
      || !plateau_value_is_present (&trend->slope_ci_hi))
    {
      add (out, g_strdup_printf (_("Across %u periods ROI changes by %s a period."),
                                 trend->n, slope));
      return;
    }

  lo = plateau_format_signed (trend->slope_ci_lo.value);
  hi = plateau_format_signed (trend->slope_ci_hi.value);
  /* TRANSLATORS: a number of periods, the slope, the ends of its interval */
  add (out, g_strdup_printf (_("Across %u periods ROI changes by %s a period "
                               "(95 %% interval %s to %s)."), trend->n, slope, lo, hi));
  describe_significance (out, trend);
}

/* Only a trusted S-curve places the technology on its curve. */
static void
describe_saturation (GPtrArray             *out,
                     const PlateauAnalysis *analysis)
{
  const PlateauSettings *settings = plateau_analysis_get_settings (analysis);
  const PlateauPeriodResult *p = last_saturated_period (analysis);
  g_autofree char *f = NULL, *maturity = NULL, *decline = NULL;

  if (!curve_trusted (analysis))
    return;

  f = format_percent (p->saturation.value);
  maturity = format_percent (settings->growth_end);
  decline = format_percent (settings->maturity_end);
  if (settings->basis == PLATEAU_BASIS_TIME)
    /* TRANSLATORS: three percentages: the saturation and the thresholds */
    add (out, g_strdup_printf (_("The S-curve puts the cumulative return at %s %% of its "
                                 "ceiling; maturity begins at %s %% and decline at %s %%."),
                               f, maturity, decline));
  else
    add (out, g_strdup_printf (_("The S-curve puts the period return at %s %% of its "
                                 "ceiling; maturity begins at %s %% and decline at %s %%."),
                               f, maturity, decline));
}

static void
add_stage_evidence (GPtrArray             *out,
                    const PlateauAnalysis *analysis)
{
  describe_stage (out, analysis);
  describe_trend (out, analysis);
  describe_saturation (out, analysis);
}

/* Step 2: returns to scale and the momentum of ROI. */

static void
describe_verdict (GPtrArray         *out,
                  PlateauReturnsVerdict verdict)
{
  switch (verdict)
    {
    case PLATEAU_RETURNS_DIMINISHING:
      add (out, g_strdup (_("The whole interval lies below 1: returns to scale are "
                            "diminishing, each further unit of investment bringing less "
                            "return than the one before.")));
      break;

    case PLATEAU_RETURNS_CONSTANT:
      add (out, g_strdup (_("The interval contains 1: the return grows about in proportion "
                            "to the investment.")));
      break;

    case PLATEAU_RETURNS_INCREASING:
      add (out, g_strdup (_("The whole interval lies above 1: returns to scale are "
                            "increasing, each further unit of investment having brought more "
                            "return than the one before.")));
      break;

    case PLATEAU_RETURNS_UNKNOWN:
    default:
      break;
    }
}

static void
describe_elasticity (GPtrArray             *out,
                     const PlateauAnalysis *analysis)
{
  const PlateauElasticity *e = plateau_analysis_get_elasticity (analysis);
  g_autofree char *b = NULL, *lo = NULL, *hi = NULL;

  if (!plateau_value_is_present (&e->b))
    {
      add (out, g_strdup_printf (_("Returns to scale cannot be estimated. %s."), e->b.reason));
      return;
    }

  b = plateau_format_amount (e->b.value);
  if (!plateau_value_is_present (&e->b_ci_lo) || !plateau_value_is_present (&e->b_ci_hi))
    {
      /* TRANSLATORS: the elasticity twice, then a number of periods */
      add (out, g_strdup_printf (_("Returns to scale: 1 %% more investment brings %s %% more "
                                   "return (elasticity b = %s, from %u periods)."),
                                 b, b, e->n));
      return;
    }

  lo = plateau_format_amount (e->b_ci_lo.value);
  hi = plateau_format_amount (e->b_ci_hi.value);
  /* TRANSLATORS: the elasticity twice, the ends of its interval, a number of periods */
  add (out, g_strdup_printf (_("Returns to scale: 1 %% more investment brings %s %% more "
                               "return (elasticity b = %s, 95 %% interval %s to %s, "
                               "from %u periods)."), b, b, lo, hi, e->n));
  describe_verdict (out, e->verdict);
}

static void
describe_momentum (GPtrArray             *out,
                   const PlateauAnalysis *analysis)
{
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);
  g_autofree char *recent = NULL, *overall = NULL;

  if (!plateau_value_is_present (&trend->slope))
    return;
  if (!plateau_value_is_present (&trend->trailing_slope))
    {
      add (out, g_strdup_printf (_("The recent ROI slope is not known. %s."),
                                 trend->trailing_slope.reason));
      return;
    }

  recent = plateau_format_signed (trend->trailing_slope.value);
  overall = plateau_format_signed (trend->slope.value);
  if (trend->trailing_slope.value >= trend->slope.value)
    /* TRANSLATORS: a number of periods, the recent slope, the slope over all periods */
    add (out, g_strdup_printf (_("Over the last %u periods ROI changes by %s a period, "
                                 "against %s over all of them: its momentum is holding."),
                               trend->trailing_window, recent, overall));
  else
    add (out, g_strdup_printf (_("Over the last %u periods ROI changes by %s a period, "
                                 "against %s over all of them: its momentum is fading."),
                               trend->trailing_window, recent, overall));
}

static void
add_innovation_evidence (GPtrArray             *out,
                         const PlateauAnalysis *analysis)
{
  describe_elasticity (out, analysis);
  describe_momentum (out, analysis);
}

/* Step 3: where the returns of the current applications are heading, and
 * how much room the S-curve leaves them. */

static const char *
no_forecast_reason (const PlateauAnalysis *analysis)
{
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);
  const PlateauLifecycle *lifecycle = plateau_analysis_get_lifecycle (analysis);

  if (plateau_analysis_get_settings (analysis)->forecast_horizon == 0)
    return _("The forecast horizon is set to no periods");
  if (trend->reason != NULL)
    return trend->reason;

  return lifecycle->reason != NULL ? lifecycle->reason : _("There are no periods yet");
}

/* The return at the horizon against the latest one; a change under 1 % of
 * the latest return counts as level. */
static char *
describe_change (double      from,
                 double      to,
                 const char *from_text,
                 const char *now,
                 const char *to_text,
                 const char *then)
{
  if (fabs (to - from) <= 0.01 * fabs (from))
    /* TRANSLATORS: return and period now, return and period at the horizon;
     * a period reads “period 19” */
    return g_strdup_printf (_("The forecast expects the return per period to stay level, "
                              "from %s in %s to %s in %s."),
                            from_text, now, to_text, then);
  if (to > from)
    return g_strdup_printf (_("The forecast expects the return per period to rise from %s in "
                              "%s to %s in %s."), from_text, now, to_text, then);

  return g_strdup_printf (_("The forecast expects the return per period to fall from %s in "
                            "%s to %s in %s."), from_text, now, to_text, then);
}

static void
describe_direction (GPtrArray             *out,
                    const PlateauAnalysis *analysis)
{
  guint n = plateau_analysis_get_n_forecast (analysis);
  const PlateauForecastPoint *end = n > 0 ? plateau_analysis_get_forecast (analysis, n - 1) : NULL;
  const PlateauPeriodResult *last = last_period (analysis);
  const char *unit = plateau_analysis_get_unit (analysis);
  g_autofree char *from = NULL, *to = NULL, *now = NULL, *then = NULL;
  g_autofree char *lo = NULL, *hi = NULL;

  if (end == NULL || last == NULL || !plateau_value_is_present (&end->ret))
    {
      add (out, g_strdup_printf (_("There is no forecast. %s."), no_forecast_reason (analysis)));
      return;
    }

  from = plateau_format_with_unit (last->ret, unit);
  to = plateau_format_with_unit (end->ret.value, unit);
  now = plateau_format_period_phrase (analysis, last->t);
  then = plateau_format_period_phrase (analysis, end->t);
  add (out, describe_change (last->ret, end->ret.value, from, now, to, then));

  if (!plateau_value_is_present (&end->lo) || !plateau_value_is_present (&end->hi))
    return;

  lo = plateau_format_amount (end->lo.value);
  hi = plateau_format_amount (end->hi.value);
  /* TRANSLATORS: a period such as “period 24”, then the ends of the band */
  add (out, g_strdup_printf (_("Its 95 %% band in %s runs from %s to %s."), then, lo, hi));
}

static void
describe_headroom (GPtrArray             *out,
                   const PlateauAnalysis *analysis)
{
  const PlateauSettings *settings = plateau_analysis_get_settings (analysis);
  const PlateauLifecycle *lifecycle = plateau_analysis_get_lifecycle (analysis);
  const PlateauPeriodResult *p = last_saturated_period (analysis);
  g_autofree char *left = NULL;
  double f;

  if (!curve_trusted (analysis))
    {
      add (out, g_strdup_printf (_("How much room the current applications have left is not "
                                   "known. %s."), lifecycle->reason));
      return;
    }

  f = p->saturation.value;
  left = format_percent (1 - f);
  if (f >= settings->maturity_end)
    /* TRANSLATORS: a percentage */
    add (out, g_strdup_printf (_("Only %s %% of the S-curve's ceiling is left to the current "
                                 "applications: growth has to come from new applications and "
                                 "fields."), left));
  else if (f >= settings->growth_end)
    add (out, g_strdup_printf (_("%s %% of the S-curve's ceiling is left to the current "
                                 "applications, which are past their fastest growth."), left));
  else
    add (out, g_strdup_printf (_("%s %% of the S-curve's ceiling is left to the current "
                                 "applications, which have most of their room ahead."), left));
}

static void
add_applications_evidence (GPtrArray             *out,
                           const PlateauAnalysis *analysis)
{
  describe_direction (out, analysis);
  describe_headroom (out, analysis);
}

/* Step 4: what the last money invested brought back. */

static void
describe_marginal (GPtrArray             *out,
                   const PlateauAnalysis *analysis)
{
  const PlateauPeriodResult *last = last_period (analysis);
  g_autofree char *period = NULL, *marginal = NULL, *roi = NULL, *smoothed = NULL;

  if (last == NULL)
    return;

  period = plateau_format_period_phrase (analysis, last->t);
  if (!plateau_value_is_present (&last->marginal_roi) || !plateau_value_is_present (&last->roi))
    {
      const char *reason = !plateau_value_is_present (&last->roi) ? last->roi.reason
                                                                  : last->marginal_roi.reason;

      /* TRANSLATORS: a period such as “period 19”, then why its marginal ROI
       * is unknown */
      add (out, g_strdup_printf (_("The marginal ROI of %s is not known. %s."), period, reason));
    }
  else
    {
      marginal = plateau_format_amount (last->marginal_roi.value);
      roi = plateau_format_amount (last->roi.value);
      if (last->marginal_roi.value < last->roi.value)
        /* TRANSLATORS: a period such as “period 19”, the marginal ROI, the ROI */
        add (out, g_strdup_printf (_("In %s each unit of added investment returned %s, "
                                     "less than the %s of the average unit: extra money "
                                     "earns less than the money before it."),
                                   period, marginal, roi));
      else
        add (out, g_strdup_printf (_("In %s each unit of added investment returned %s, "
                                     "at least the %s of the average unit."),
                                   period, marginal, roi));
    }

  if (!plateau_value_is_present (&last->smoothed_marginal_roi))
    return;

  smoothed = plateau_format_amount (last->smoothed_marginal_roi.value);
  add (out, g_strdup_printf (_("Smoothed by the elasticity, the marginal ROI (b × ROI) is %s."),
                             smoothed));
}

/* Step 5: the ceiling, the inflection and where the cumulative return is
 * expected to stand at the horizon. */

static void
describe_curve (GPtrArray             *out,
                const PlateauAnalysis *analysis)
{
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (analysis);
  const PlateauPeriodResult *last = last_period (analysis);
  const char *unit = plateau_analysis_get_unit (analysis);
  g_autofree char *K = NULL, *t0 = NULL;
  gboolean passed;

  if (!curve_trusted (analysis))
    {
      add (out, g_strdup_printf (_("The life cycle cannot be placed yet. %s."), l->reason));
      return;
    }

  K = plateau_format_with_unit (l->K.value, unit);
  if (l->basis == PLATEAU_BASIS_TIME)
    {
      t0 = plateau_format_period_phrase (analysis, l->t0.value);
      passed = l->t0.value <= last->t;
      /* TRANSLATORS: the ceiling with its unit, then a period such as
       * “period 2020” */
      add (out, g_strdup_printf (passed
                                 ? _("The S-curve sets the ceiling of the cumulative return at "
                                     "%s; its inflection, the period of the largest return, "
                                     "was in %s.")
                                 : _("The S-curve sets the ceiling of the cumulative return at "
                                     "%s; its inflection, the period of the largest return, "
                                     "is expected in %s."), K, t0));
      return;
    }

  t0 = plateau_format_with_unit (l->t0.value, unit);
  passed = l->t0.value <= last->cumulative_investment;
  /* TRANSLATORS: the ceiling with its unit, then an amount with its unit */
  add (out, g_strdup_printf (passed
                             ? _("The S-curve sets the ceiling of the period return at %s; "
                                 "its inflection, at a cumulative investment of %s, has been "
                                 "passed.")
                             : _("The S-curve sets the ceiling of the period return at %s; "
                                 "its inflection, at a cumulative investment of %s, is still "
                                 "ahead."), K, t0));
}

static void
describe_horizon (GPtrArray             *out,
                  const PlateauAnalysis *analysis)
{
  guint n = plateau_analysis_get_n_forecast (analysis);
  const PlateauForecastPoint *end = n > 0 ? plateau_analysis_get_forecast (analysis, n - 1) : NULL;
  const char *unit = plateau_analysis_get_unit (analysis);
  g_autofree char *period = NULL, *total = NULL, *lo = NULL, *hi = NULL;

  if (end == NULL || !plateau_value_is_present (&end->cumulative_return))
    return;

  period = plateau_format_period_phrase (analysis, end->t);
  total = plateau_format_amount (end->cumulative_return.value);
  if (!plateau_value_is_present (&end->cumulative_lo)
      || !plateau_value_is_present (&end->cumulative_hi))
    {
      add (out, g_strdup_printf (_("By %s the cumulative return is expected to reach %s %s."),
                                 period, total, unit != NULL ? unit : ""));
      return;
    }

  lo = plateau_format_amount (end->cumulative_lo.value);
  hi = plateau_format_amount (end->cumulative_hi.value);
  /* TRANSLATORS: a period such as “period 24”, amount, unit, band low,
   * band high */
  add (out, g_strdup_printf (_("By %s the cumulative return is expected to reach "
                               "%s %s (95 %% band %s to %s)."),
                             period, total, unit != NULL ? unit : "", lo, hi));
}

static void
add_long_term_evidence (GPtrArray             *out,
                        const PlateauAnalysis *analysis)
{
  describe_curve (out, analysis);
  describe_horizon (out, analysis);
}

/**
 * plateau_strategy_evidence_new:
 * @analysis: the scenario's analysis
 * @step: a step of the strategy
 *
 * Writes what the analysis says about @step. The budget split of step 4
 * depends on the other scenarios too: see
 * plateau_strategy_describe_split().
 *
 * Returns: (transfer full) (array zero-terminated=1): the sentences, one
 *   or more; an empty scenario gives one that says so
 */
char **
plateau_strategy_evidence_new (const PlateauAnalysis *analysis,
                               PlateauStrategyStep    step)
{
  GPtrArray *out;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (step < PLATEAU_STRATEGY_N_STEPS, NULL);

  out = g_ptr_array_new ();
  if (plateau_analysis_get_n_periods (analysis) == 0)
    add (out, g_strdup (_("Add periods on the Data page to see the evidence.")));
  else if (step == PLATEAU_STRATEGY_STAGE)
    add_stage_evidence (out, analysis);
  else if (step == PLATEAU_STRATEGY_INNOVATION)
    add_innovation_evidence (out, analysis);
  else if (step == PLATEAU_STRATEGY_APPLICATIONS)
    add_applications_evidence (out, analysis);
  else if (step == PLATEAU_STRATEGY_INVESTMENT)
    describe_marginal (out, analysis);
  else
    add_long_term_evidence (out, analysis);

  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static guint
count_included (const PlateauPortfolio *portfolio)
{
  guint n = 0;

  for (guint i = 0; i < plateau_portfolio_get_n_entries (portfolio); i++)
    n += plateau_portfolio_get_entry (portfolio, i)->included ? 1 : 0;

  return n;
}

static char *
describe_share (const PlateauAnalysis      *analysis,
                const PlateauStrategySplit *split)
{
  const PlateauPortfolio *portfolio = split->portfolio;
  const PlateauPortfolioEntry *entry = plateau_portfolio_get_entry (portfolio, split->entry);
  const char *unit = plateau_analysis_get_unit (analysis);
  double now = plateau_portfolio_get_current_total (portfolio);
  double best = plateau_portfolio_get_optimal_total (portfolio);
  g_autofree char *budget = NULL, *optimal = NULL, *current = NULL, *change = NULL;
  g_autofree char *gain = NULL;

  budget = plateau_format_with_unit (plateau_portfolio_get_budget (portfolio), unit);
  optimal = plateau_format_amount (entry->optimal_investment);
  current = plateau_format_amount (entry->current_investment);
  change = plateau_format_signed (entry->optimal_investment - entry->current_investment);
  gain = plateau_format_amount (now > 0 ? 100 * (best / now - 1) : 0);

  /* TRANSLATORS: a number of scenarios, the budget with its unit, the
   * suggested investment, the current one, the change, a percentage */
  return g_strdup_printf (_("Split best among the %u scenarios with diminishing returns, their "
                            "latest investment of %s together would give this scenario %s "
                            "instead of %s (%s); the modelled total return would grow by "
                            "%s %%."),
                          count_included (portfolio), budget, optimal, current, change, gain);
}

/**
 * plateau_strategy_describe_split:
 * @analysis: the scenario's analysis
 * @split: where the scenario stands in the budget split of its document
 *
 * Returns: (transfer full): a sentence on whether money should move to or
 *   from the scenario
 */
char *
plateau_strategy_describe_split (const PlateauAnalysis      *analysis,
                                 const PlateauStrategySplit *split)
{
  const PlateauPortfolioEntry *entry;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (split != NULL, NULL);

  if (split->n_scenarios < 2)
    return g_strdup (_("This is the only scenario of the document; add the alternatives as "
                       "scenarios to see where the next money returns most."));
  if (split->portfolio == NULL)
    return g_strdup_printf (_("The document's budget cannot be split. %s."),
                            split->reason != NULL ? split->reason : "");

  entry = plateau_portfolio_get_entry (split->portfolio, split->entry);
  if (!entry->included)
    return g_strdup_printf (_("This scenario takes no part in the best split of the "
                              "document's budget. %s."), entry->reason);
  if (count_included (split->portfolio) < 2)
    return g_strdup (_("No other scenario of the document has diminishing returns to scale, "
                       "so the budget split cannot move money to or from this one."));

  return describe_share (analysis, split);
}
