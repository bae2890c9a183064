/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "plateau-model.h"

/*
 * The analysis against reference values from numpy, scipy and statsmodels
 * (reference/make-reference.py). Tolerances: 1e-9 relative for closed
 * forms (ROI, cumulative sums, OLS, t quantiles), 1e-6 relative for the
 * fitted S-curve parameters and their standard errors, and for the
 * portfolio split, which the reference finds by SLSQP.
 */

#define CLOSED_FORM 1e-9
#define FITTED 1e-6

static JsonObject *reference;

static void
assert_close (double      actual,
              double      expected,
              double      tolerance,
              const char *what)
{
  double scale = MAX (fabs (expected), 1e-12);

  if (fabs (actual - expected) > tolerance * scale)
    g_error ("%s: %.17g differs from the reference %.17g by %.3g relative (tolerance %g)",
             what, actual, expected, fabs (actual - expected) / scale, tolerance);
}

static void
assert_value (const PlateauValue *value,
              double              expected,
              double              tolerance,
              const char         *what)
{
  if (!plateau_value_is_present (value))
    g_error ("%s is absent (%s); the reference is %.17g", what, value->reason, expected);

  assert_close (value->value, expected, tolerance, what);
}

static double
member_double (JsonObject *o,
               const char *name)
{
  return json_node_get_double (json_object_get_member (o, name));
}

static double
array_double (JsonArray *a,
              guint      i)
{
  return json_node_get_double (json_array_get_element (a, i));
}

static PlateauScenario *
scenario_from_case (JsonObject *c)
{
  JsonArray *labels = json_object_has_member (c, "labels")
                      ? json_object_get_array_member (c, "labels") : NULL;
  JsonArray *investment = json_object_get_array_member (c, "investment");
  JsonArray *ret = json_object_get_array_member (c, "return");
  PlateauScenario *scenario = plateau_scenario_new (json_object_get_string_member (c, "name"));
  PlateauSettings settings;

  plateau_settings_init_default (&settings);
  if (g_strcmp0 (json_object_get_string_member (c, "model"), "gompertz") == 0)
    settings.model = PLATEAU_CURVE_GOMPERTZ;
  if (g_strcmp0 (json_object_get_string_member (c, "basis"), "cumulative-investment") == 0)
    settings.basis = PLATEAU_BASIS_CUMULATIVE_INVESTMENT;
  plateau_scenario_set_settings (scenario, &settings);

  /* Long cases are labelled by position and do not list their labels. */
  for (guint i = 0; i < json_array_get_length (ret); i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i + 1);

      plateau_scenario_append_period (scenario,
                                      labels != NULL ? json_array_get_string_element (labels, i)
                                                     : position,
                                      array_double (investment, i), array_double (ret, i));
    }

  return scenario;
}

static void
check_periods (const PlateauAnalysis *a,
               JsonObject            *c)
{
  JsonArray *roi = json_object_get_array_member (c, "roi");
  JsonArray *ci = json_object_get_array_member (c, "cumulative_investment");
  JsonArray *ce = json_object_get_array_member (c, "cumulative_return");
  JsonArray *marginal = json_object_get_array_member (c, "marginal_roi");

  g_assert_cmpuint (plateau_analysis_get_n_periods (a), ==, json_array_get_length (roi));

  for (guint i = 0; i < json_array_get_length (roi); i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (a, i);

      assert_value (&p->roi, array_double (roi, i), CLOSED_FORM, "ROI");
      assert_close (p->cumulative_investment, array_double (ci, i), CLOSED_FORM, "CI");
      assert_close (p->cumulative_return, array_double (ce, i), CLOSED_FORM, "CE");
      assert_close (p->growth, p->investment * p->roi.value, CLOSED_FORM, "G = I × ROI");
      if (i == 0)
        g_assert_false (plateau_value_is_present (&p->marginal_roi));
      else
        assert_value (&p->marginal_roi, array_double (marginal, i), CLOSED_FORM, "marginal ROI");
    }
}

static void
check_trend (const PlateauAnalysis *a,
             JsonObject            *c)
{
  const PlateauTrend *t = plateau_analysis_get_trend (a);
  JsonObject *ref = json_object_get_object_member (c, "trend");
  JsonArray *ci = json_object_get_array_member (ref, "slope_ci");

  g_assert_cmpint (t->status, ==, PLATEAU_FIT_OK);
  assert_value (&t->slope, member_double (ref, "slope"), CLOSED_FORM, "trend slope");
  assert_value (&t->intercept, member_double (ref, "intercept"), CLOSED_FORM, "trend intercept");
  assert_value (&t->r2, member_double (ref, "r2"), CLOSED_FORM, "trend R²");
  assert_value (&t->slope_se, member_double (ref, "slope_se"), CLOSED_FORM, "trend slope SE");
  assert_value (&t->slope_ci_lo, array_double (ci, 0), CLOSED_FORM, "trend CI low");
  assert_value (&t->slope_ci_hi, array_double (ci, 1), CLOSED_FORM, "trend CI high");
  assert_value (&t->p_value, member_double (ref, "p_value"), CLOSED_FORM, "trend p-value");
  assert_value (&t->trailing_slope, member_double (c, "trailing_slope"), CLOSED_FORM,
                "trailing slope");
}

static void
check_elasticity (const PlateauAnalysis *a,
                  JsonObject            *c)
{
  const PlateauElasticity *e = plateau_analysis_get_elasticity (a);
  JsonObject *ref = json_object_get_object_member (c, "elasticity");
  JsonArray *ci = json_object_get_array_member (ref, "b_ci");

  g_assert_cmpint (e->status, ==, PLATEAU_FIT_OK);
  g_assert_cmpint (e->n, ==, json_object_get_int_member (ref, "n"));
  assert_value (&e->a, member_double (ref, "a"), CLOSED_FORM, "elasticity a");
  assert_value (&e->b, member_double (ref, "b"), CLOSED_FORM, "elasticity b");
  assert_value (&e->b_ci_lo, array_double (ci, 0), CLOSED_FORM, "b CI low");
  assert_value (&e->b_ci_hi, array_double (ci, 1), CLOSED_FORM, "b CI high");
  assert_value (&e->r2, member_double (ref, "r2"), CLOSED_FORM, "elasticity R²");
}

static void
check_lifecycle (const PlateauAnalysis *a,
                 JsonObject            *c)
{
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (a);
  JsonObject *ref = json_object_get_object_member (c, "lifecycle");
  JsonArray *se = json_object_get_array_member (ref, "se");

  g_assert_true (l->converged);
  assert_value (&l->K, member_double (ref, "K"), FITTED, "K");
  assert_value (&l->r, member_double (ref, "r"), FITTED, "r");
  assert_value (&l->t0, member_double (ref, "t0"), FITTED, "t0");
  assert_value (&l->K_se, array_double (se, 0), FITTED, "SE of K");
  assert_value (&l->r_se, array_double (se, 1), FITTED, "SE of r");
  assert_value (&l->t0_se, array_double (se, 2), FITTED, "SE of t0");
  assert_value (&l->r2, member_double (ref, "r2"), FITTED, "S-curve R²");
  assert_value (&l->aic, member_double (ref, "aic"), FITTED, "AIC");
}

static void
test_reference_case (gconstpointer data)
{
  JsonObject *c = (JsonObject *) data;
  g_autoptr (PlateauScenario) scenario = scenario_from_case (c);
  g_autoptr (PlateauAnalysis) a = plateau_analysis_new (scenario);

  if (json_object_has_member (c, "roi"))
    check_periods (a, c);
  check_trend (a, c);
  check_elasticity (a, c);
  if (json_object_has_member (c, "lifecycle"))
    check_lifecycle (a, c);
}

static void
test_portfolio_reference (void)
{
  JsonObject *ref = json_object_get_object_member (reference, "portfolio");
  JsonArray *a = json_object_get_array_member (ref, "a");
  JsonArray *b = json_object_get_array_member (ref, "b");
  JsonArray *optimal = json_object_get_array_member (ref, "optimal");
  PlateauAnalysis *analyses[3];
  g_autoptr (PlateauPortfolio) portfolio = NULL;
  g_autoptr (GError) error = NULL;

  /* Scenarios that follow E = a I^b exactly, so the fit returns a and b. */
  for (guint j = 0; j < 3; j++)
    {
      g_autoptr (PlateauScenario) s = plateau_scenario_new ("portfolio");

      for (guint i = 1; i <= 6; i++)
        plateau_scenario_append_period (s, NULL, 10.0 * i,
                                        array_double (a, j) * pow (10.0 * i, array_double (b, j)));
      for (guint i = 0; i < 6; i++)
        {
          char label[8];

          g_snprintf (label, sizeof label, "%u", i + 1);
          plateau_scenario_set_period (s, i, label, plateau_scenario_get_period (s, i)->investment,
                                       plateau_scenario_get_period (s, i)->ret);
        }
      analyses[j] = plateau_analysis_new (s);
    }

  portfolio = plateau_portfolio_new (analyses, 3, member_double (ref, "budget"), &error);
  g_assert_no_error (error);

  for (guint j = 0; j < 3; j++)
    {
      const PlateauPortfolioEntry *e = plateau_portfolio_get_entry (portfolio, j);

      g_assert_true (e->included);
      assert_close (e->optimal_investment, array_double (optimal, j), FITTED, "allocation");
      plateau_analysis_unref (analyses[j]);
    }
  assert_close (plateau_portfolio_get_marginal_return (portfolio), member_double (ref, "marginal"),
                FITTED, "marginal return");
  g_assert_cmpfloat (plateau_portfolio_get_optimal_total (portfolio), >=,
                     plateau_portfolio_get_current_total (portfolio));
}

static PlateauAnalysis *
analyse_values (const char   *labels[],
                const double *investment,
                const double *ret,
                guint         n)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("bad input");

  for (guint i = 0; i < n; i++)
    plateau_scenario_append_period (s, labels[i], investment[i], ret[i]);

  return plateau_analysis_new (s);
}

static const PlateauWarning *
find_warning (const PlateauAnalysis *a,
              const char            *code)
{
  for (guint i = 0; i < plateau_analysis_get_n_warnings (a); i++)
    if (g_strcmp0 (plateau_analysis_get_warning (a, i)->code, code) == 0)
      return plateau_analysis_get_warning (a, i);

  return NULL;
}

static guint
count_warnings (const PlateauAnalysis *a,
                const char            *code)
{
  guint count = 0;

  for (guint i = 0; i < plateau_analysis_get_n_warnings (a); i++)
    count += g_strcmp0 (plateau_analysis_get_warning (a, i)->code, code) == 0;

  return count;
}

/* Nothing absent may hide a NaN, and nothing present may be one. */
static void
assert_no_nan (const PlateauAnalysis *a)
{
  for (guint i = 0; i < plateau_analysis_get_n_periods (a); i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (a, i);
      const PlateauValue *values[] = { &p->roi, &p->cumulative_roi, &p->marginal_roi,
                                       &p->smoothed_marginal_roi, &p->growth_change, &p->fitted,
                                       &p->saturation };

      g_assert_true (isfinite (p->cumulative_investment) && isfinite (p->cumulative_return));
      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          g_assert_true (!plateau_value_is_present (values[k]) || isfinite (values[k]->value));
        }
    }

  for (guint i = 0; i < plateau_analysis_get_n_forecast (a); i++)
    {
      const PlateauForecastPoint *f = plateau_analysis_get_forecast (a, i);

      g_assert_true (isfinite (f->investment));
      g_assert_true (!plateau_value_is_present (&f->ret) || isfinite (f->ret.value));
      g_assert_true (!plateau_value_is_present (&f->lo) || isfinite (f->lo.value));
    }

  g_assert_nonnull (plateau_analysis_get_current_stage (a)->reason);
}

static void
test_zero_investment (void)
{
  const char *labels[] = { "1", "2", "3", "4" };
  double investment[] = { 10, 0, 12, 14 }, ret[] = { 20, 5, 25, 27 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 4);
  const PlateauWarning *w = find_warning (a, "zero-investment");

  g_assert_nonnull (w);
  g_assert_cmpint (w->period, ==, 1);
  g_assert_cmpstr (w->message, ==, "Period “2” has no investment, so its ROI is undefined");
  g_assert_false (plateau_value_is_present (&plateau_analysis_get_period (a, 1)->roi));
  g_assert_cmpstr (plateau_analysis_get_period (a, 1)->roi.reason, ==,
                   "There is no investment in this period");
  g_assert_cmpuint (plateau_analysis_get_trend (a)->n, ==, 3);
  assert_no_nan (a);
}

static void
test_negative_return (void)
{
  const char *labels[] = { "1", "2", "3", "4", "5" };
  double investment[] = { 10, 10, 10, 10, 10 }, ret[] = { 5, 2, -1, -4, -8 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 5);

  /* A loss is a return like any other: ROI is negative, not missing. */
  assert_close (plateau_analysis_get_period (a, 4)->roi.value, -0.8, CLOSED_FORM, "ROI");
  g_assert_cmpuint (plateau_analysis_get_elasticity (a)->n, ==, 2);
  g_assert_cmpint (plateau_analysis_get_elasticity (a)->status, ==, PLATEAU_FIT_TOO_FEW_POINTS);
  g_assert_cmpstr (plateau_analysis_get_elasticity (a)->reason, ==,
                   "Needs at least 3 periods with positive investment and return; there are 2");
  g_assert_cmpstr (find_warning (a, "no-positive-return")->message, ==,
                   "Period “3” has no positive return, so it is left out of the "
                   "returns-to-scale fit");
  g_assert_cmpint (count_warnings (a, "no-positive-return"), ==, 3);
  g_assert_cmpint (plateau_analysis_get_period (a, 4)->stage, ==, PLATEAU_STAGE_DECLINE);
  assert_no_nan (a);
}

static void
test_one_period (void)
{
  const char *labels[] = { "2020" };
  double investment[] = { 10 }, ret[] = { 20 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 1);

  g_assert_cmpint (plateau_analysis_get_trend (a)->status, ==, PLATEAU_FIT_TOO_FEW_POINTS);
  g_assert_cmpstr (plateau_analysis_get_trend (a)->reason, ==,
                   "Needs at least 2 usable periods; there is 1");
  g_assert_cmpstr (find_warning (a, "too-few-periods")->message, ==,
                   "Only 1 usable period: the ROI trend's interval needs at least 3 and "
                   "the S-curve at least 6");
  g_assert_cmpint (plateau_analysis_get_current_stage (a)->stage, ==, PLATEAU_STAGE_UNKNOWN);
  g_assert_cmpstr (plateau_analysis_get_current_stage (a)->method, ==, "none");
  assert_no_nan (a);
}

static void
test_two_periods (void)
{
  const char *labels[] = { "2020", "2021" };
  double investment[] = { 10, 12 }, ret[] = { 20, 30 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 2);
  const PlateauTrend *t = plateau_analysis_get_trend (a);

  /* A line through two points has a slope but no uncertainty. */
  g_assert_cmpint (t->status, ==, PLATEAU_FIT_OK);
  assert_value (&t->slope, 0.5, CLOSED_FORM, "slope");
  g_assert_false (plateau_value_is_present (&t->slope_ci_lo));
  g_assert_cmpstr (t->p_value.reason, ==, "Needs at least 3 usable periods; there are 2");
  g_assert_cmpstr (plateau_analysis_get_lifecycle (a)->reason, ==,
                   "The S-curve needs at least 6 usable periods; there are 2");
  g_assert_nonnull (find_warning (a, "too-few-periods"));
  assert_no_nan (a);
}

static void
test_duplicate_labels (void)
{
  const char *labels[] = { "2020", "2021", "2021", "2022" };
  double investment[] = { 10, 11, 12, 13 }, ret[] = { 20, 22, 23, 25 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 4);

  g_assert_cmpstr (find_warning (a, "duplicate-label")->message, ==,
                   "Period “2021” repeats the label of the period before it; periods are "
                   "placed by position instead");
  g_assert_cmpfloat (plateau_analysis_get_period (a, 3)->t, ==, 4);
  assert_no_nan (a);
}

static void
test_unsorted_labels (void)
{
  const char *labels[] = { "2020", "2022", "2021" };
  double investment[] = { 10, 11, 12 }, ret[] = { 20, 22, 23 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 3);

  g_assert_cmpstr (find_warning (a, "unsorted-labels")->message, ==,
                   "Period “2021” comes after “2022” in the table but before it in time; "
                   "periods are placed by position instead");
  assert_no_nan (a);
}

static void
test_non_finite (void)
{
  const char *labels[] = { "1", "2", "3", "4" };
  double investment[] = { 10, NAN, 12, INFINITY }, ret[] = { 20, 22, -INFINITY, 25 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 4);
  guint n_invalid = 0;

  for (guint i = 0; i < plateau_analysis_get_n_warnings (a); i++)
    {
      const PlateauWarning *w = plateau_analysis_get_warning (a, i);

      if (g_strcmp0 (w->code, "invalid-value") != 0)
        continue;
      n_invalid++;
      g_assert_true (g_str_has_suffix (w->message,
                                       "has a value that is not a finite number; it is left out"));
    }

  g_assert_cmpuint (n_invalid, ==, 3);
  assert_close (plateau_analysis_get_period (a, 3)->cumulative_investment, 10, CLOSED_FORM, "CI");
  assert_no_nan (a);
}

static void
test_extreme_magnitudes (void)
{
  const char *labels[] = { "1", "2", "3", "4", "5", "6" };
  double investment[] = { 10, 1e300, 12, 1e-300, 14, 15 };
  double ret[] = { 20, 22, 1e300, 25, 26, 1e-300 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 6);
  const int expected[] = { 1, 2, 3, 5 };
  guint n = 0;

  for (guint i = 0; i < plateau_analysis_get_n_warnings (a); i++)
    {
      const PlateauWarning *w = plateau_analysis_get_warning (a, i);

      if (g_strcmp0 (w->code, "out-of-range") != 0)
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpint (w->period, ==, expected[n]);
      n++;
    }

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (find_warning (a, "out-of-range")->message, ==,
                   "Period “2” has a value outside the range Plateau analyses (0, or magnitudes "
                   "from 1e-50 to 1e50); it is left out");
  assert_no_nan (a);
}

static void
test_constant_roi (void)
{
  const char *labels[] = { "1", "2", "3", "4", "5", "6", "7" };
  double investment[] = { 10, 20, 30, 40, 50, 60, 70 }, ret[] = { 20, 40, 60, 80, 100, 120, 140 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 7);
  const PlateauTrend *t = plateau_analysis_get_trend (a);
  const PlateauElasticity *e = plateau_analysis_get_elasticity (a);

  assert_value (&t->slope, 0, 1e-12, "slope");
  g_assert_cmpstr (t->r2.reason, ==, "The values are constant");
  assert_value (&e->b, 1, CLOSED_FORM, "b");
  g_assert_cmpint (e->verdict, ==, PLATEAU_RETURNS_CONSTANT);
  assert_no_nan (a);
}

/* A trend without residuals has a zero covariance, which Cholesky refuses;
 * in a fresh process GSL's default handler would abort on that. */
static void
test_exact_trend_in_fresh_process (void)
{
  if (g_test_subprocess ())
    {
      const char *labels[] = { "1", "2", "3" };
      double investment[] = { 2003, 2003, 20003 }, ret[] = { 0, 0, 0 };
      g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 3);
      const PlateauForecastPoint *f = plateau_analysis_get_forecast (a, 0);

      g_assert_true (plateau_value_is_present (&f->ret) && plateau_value_is_present (&f->lo)
                     && plateau_value_is_present (&f->hi));
      g_assert_cmpfloat (f->lo.value, ==, f->hi.value);
      assert_no_nan (a);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_empty_scenario (void)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("empty");
  g_autoptr (PlateauAnalysis) a = plateau_analysis_new (s);

  g_assert_cmpuint (plateau_analysis_get_n_periods (a), ==, 0);
  g_assert_cmpuint (plateau_analysis_get_n_forecast (a), ==, 0);
  g_assert_cmpint (plateau_analysis_get_current_stage (a)->stage, ==, PLATEAU_STAGE_UNKNOWN);
  g_assert_nonnull (find_warning (a, "too-few-periods"));
}

static PlateauScenario *
logistic_scenario (double K,
                   double r,
                   double t0,
                   guint  n)
{
  PlateauScenario *s = plateau_scenario_new ("logistic");
  double prev = K / (1 + exp (-r * (0 - t0)));

  for (guint i = 1; i <= n; i++)
    {
      double ce = K / (1 + exp (-r * (i - t0)));
      char label[16];

      g_snprintf (label, sizeof label, "%u", i);
      /* A deterministic wobble, so the fit has residuals. */
      plateau_scenario_append_period (s, label, 10 + i, (ce - prev) * (1 + 0.02 * sin (i * 1.7)));
      prev = ce;
    }

  return s;
}

/*
 * A noiseless logistic of LONG_PERIODS periods: long enough for every loop
 * that long series share among threads and for the arrays that a second
 * thread brings in. The first period's return holds everything before it,
 * so the cumulative return is exactly the curve. Labels are numbers, or
 * "P1", "P2"… which place periods by position, the same t.
 */
#define LONG_PERIODS 500000

static PlateauScenario *
long_logistic (double   K,
               double   r,
               double   t0,
               gboolean numbered,
               guint    zero_return_at)
{
  PlateauScenario *s = plateau_scenario_new ("long");
  double prev = 0;

  plateau_scenario_begin_batch (s);
  for (guint i = 1; i <= LONG_PERIODS; i++)
    {
      double ce = K / (1 + exp (-r * (i - t0)));
      g_autofree char *label = g_strdup_printf (numbered ? "%u" : "P%u", i);

      plateau_scenario_append_period (s, label, 100 + 0.001 * i,
                                      i == zero_return_at ? 0 : ce - prev);
      prev = ce;
    }
  plateau_scenario_end_batch (s);

  return s;
}

static void
check_long_analysis (const PlateauAnalysis *a,
                     double                 K,
                     double                 r,
                     double                 t0,
                     double                 tolerance)
{
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (a);
  const PlateauElasticity *e = plateau_analysis_get_elasticity (a);

  g_assert_cmpint (l->status, ==, PLATEAU_FIT_OK);
  g_assert_true (l->converged);
  assert_value (&l->K, K, tolerance, "K of a long series");
  assert_value (&l->r, r, tolerance, "r of a long series");
  assert_value (&l->t0, t0, tolerance, "t0 of a long series");
  g_assert_cmpint (e->status, ==, PLATEAU_FIT_OK);

  /* The per-period figures follow the fitted curve, wherever the thread
   * that filled them started. */
  for (guint i = 0; i < LONG_PERIODS; i += 997)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (a, i);
      double f = 1 / (1 + exp (-l->r.value * (p->t - l->t0.value)));

      assert_close (p->t, i + 1, CLOSED_FORM, "t");
      assert_value (&p->saturation, f, 1e-12, "saturation");
      assert_value (&p->fitted, l->K.value * f, 1e-12, "fitted value");
      if (plateau_value_is_present (&p->roi))
        assert_value (&p->smoothed_marginal_roi, e->b.value * p->roi.value, CLOSED_FORM,
                      "smoothed marginal ROI");
    }

  g_assert_cmpint (plateau_analysis_get_period (a, LONG_PERIODS - 1)->stage, ==,
                   PLATEAU_STAGE_DECLINE);
  g_assert_cmpint (plateau_analysis_get_period (a, 0)->stage, ==, PLATEAU_STAGE_EXPLORATION);
  assert_no_nan (a);
}

static void
test_long_series (void)
{
  double K = 1e6, r = 8.0 / LONG_PERIODS, t0 = 0.6 * LONG_PERIODS;
  g_autoptr (PlateauScenario) numbered = long_logistic (K, r, t0, TRUE, 0);
  g_autoptr (PlateauScenario) named = long_logistic (K, r, t0, FALSE, 1000);
  g_autoptr (PlateauAnalysis) a = plateau_analysis_new (numbered);
  g_autoptr (PlateauAnalysis) b = plateau_analysis_new (named);
  guint left_out = 0;

  /* The curve itself, to the precision of the fit; without the return of
   * one period (a third of a millionth of K), close to it. */
  check_long_analysis (a, K, r, t0, 1e-9);
  check_long_analysis (b, K, r, t0, 1e-5);

  /* The period without a return is left out of the returns-to-scale fit,
   * and said to be. */
  g_assert_cmpuint (plateau_analysis_get_elasticity (b)->n, ==, LONG_PERIODS - 1);
  for (guint k = 0; k < plateau_analysis_get_n_warnings (b); k++)
    {
      const PlateauWarning *w = plateau_analysis_get_warning (b, k);

      if (g_str_equal (w->code, "no-positive-return"))
        {
          g_assert_cmpint (w->period, ==, 999);
          left_out++;
        }
    }
  g_assert_cmpuint (left_out, ==, 1);
}

static void
test_forecast_is_deterministic (void)
{
  g_autoptr (PlateauScenario) s = logistic_scenario (1000, 0.5, 10, 16);
  g_autoptr (PlateauAnalysis) a = plateau_analysis_new (s);
  g_autoptr (PlateauAnalysis) b = plateau_analysis_new (s);

  g_assert_cmpuint (plateau_analysis_get_n_forecast (a), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const PlateauForecastPoint *fa = plateau_analysis_get_forecast (a, i);
      const PlateauForecastPoint *fb = plateau_analysis_get_forecast (b, i);

      g_assert_cmpfloat (fa->t, ==, 17 + i);
      g_assert_true (plateau_value_is_present (&fa->lo) && plateau_value_is_present (&fa->hi)
                     && plateau_value_is_present (&fa->ret));
      g_assert_cmpfloat (fa->lo.value, <=, fa->ret.value);
      g_assert_cmpfloat (fa->ret.value, <=, fa->hi.value);
      g_assert_cmpfloat (fa->cumulative_lo.value, <=, fa->cumulative_hi.value);
      g_assert_cmpmem (fa, sizeof *fa, fb, sizeof *fb);
    }
}

static void
test_forecast_uses_plan (void)
{
  g_autoptr (PlateauScenario) s = logistic_scenario (1000, 0.5, 10, 16);
  double plan[] = { 40, 0 };
  g_autoptr (PlateauAnalysis) a = NULL;

  plateau_scenario_set_plan (s, plan, 2);
  a = plateau_analysis_new (s);

  g_assert_cmpfloat (plateau_analysis_get_forecast (a, 0)->investment, ==, 40);
  g_assert_cmpfloat (plateau_analysis_get_forecast (a, 1)->investment, ==, 0);
  /* After the plan, the linear trend of investment (10 + t) continues. */
  assert_close (plateau_analysis_get_forecast (a, 2)->investment, 29, CLOSED_FORM, "trend");
}

static void
test_forecast_follows_recent_trend (void)
{
  const char *labels[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" };
  double investment[10], ret[] = { 50, 40, 30, 20, 10, 20, 30, 40, 50, 60 };
  g_autoptr (PlateauAnalysis) a = NULL;
  const PlateauForecastPoint *f;

  for (guint i = 0; i < G_N_ELEMENTS (investment); i++)
    investment[i] = 10;
  a = analyse_values (labels, investment, ret, G_N_ELEMENTS (ret));

  /* ROI fell, then rose by 1 a period over the last five: the forecast
   * continues the recent line (ROI 7 at t = 11), not the line through the
   * whole V, which would start it near the bottom. */
  g_assert_cmpint (plateau_analysis_get_lifecycle (a)->status, !=, PLATEAU_FIT_OK);
  g_assert_cmpstr (plateau_analysis_get_forecast_basis (a), ==,
                   "the ROI trend of the last 5 periods");
  f = plateau_analysis_get_forecast (a, 0);
  assert_value (&f->ret, 70, CLOSED_FORM, "first forecast return");
  assert_value (&plateau_analysis_get_forecast (a, 4)->ret, 110, CLOSED_FORM, "last");
  assert_no_nan (a);
}

static void
test_curve_evaluation (void)
{
  g_autoptr (PlateauScenario) s = logistic_scenario (1000, 0.5, 10, 18);
  g_autoptr (PlateauAnalysis) a = plateau_analysis_new (s);
  const PlateauLifecycle *l = plateau_analysis_get_lifecycle (a);
  double value;

  g_assert_cmpint (l->status, ==, PLATEAU_FIT_OK);
  g_assert_true (plateau_analysis_evaluate_curve (a, l->t0.value, &value));
  assert_close (value, l->K.value / 2, CLOSED_FORM, "value at the inflection");
  g_assert_false (plateau_analysis_evaluate_curve (a, NAN, &value));
}

static PlateauAnalysis *
diminishing_in (const char *unit)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new (unit);

  /* E = 10 √I: b = 0.5, whatever the unit. */
  plateau_scenario_set_unit (s, unit);
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i);

      plateau_scenario_append_period (s, label, 10.0 * i * i, 100.0 * i);
    }

  return plateau_analysis_new (s);
}

static void
test_portfolio_excludes_other_units (void)
{
  g_autoptr (PlateauAnalysis) euro = diminishing_in ("EUR");
  g_autoptr (PlateauAnalysis) dollar = diminishing_in ("USD");
  g_autoptr (PlateauAnalysis) euro_too = diminishing_in ("EUR");
  PlateauAnalysis *list[] = { euro, dollar, euro_too };
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauPortfolio) p = plateau_portfolio_new (list, 3, 100, &error);

  /* Two equal technologies share the budget equally; the one in another
   * unit cannot take part. */
  g_assert_no_error (error);
  g_assert_cmpstr (plateau_portfolio_get_unit (p), ==, "EUR");
  g_assert_true (plateau_portfolio_get_entry (p, 0)->included);
  g_assert_false (plateau_portfolio_get_entry (p, 1)->included);
  g_assert_cmpstr (plateau_portfolio_get_entry (p, 1)->reason, ==,
                   "Its unit (“USD”) differs from that of the scenarios before it (“EUR”)");
  assert_close (plateau_portfolio_get_entry (p, 0)->optimal_investment, 50, FITTED, "split");
  assert_close (plateau_portfolio_get_entry (p, 2)->optimal_investment, 50, FITTED, "split");
}

static void
test_portfolio_excludes_increasing (void)
{
  const char *labels[] = { "1", "2", "3", "4" };
  double investment[] = { 10, 20, 30, 40 }, ret[] = { 10, 40, 90, 160 };
  g_autoptr (PlateauAnalysis) a = analyse_values (labels, investment, ret, 4);
  PlateauAnalysis *list[] = { a };
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauPortfolio) p = plateau_portfolio_new (list, 1, 100, &error);

  g_assert_null (p);
  g_assert_error (error, PLATEAU_MODEL_ERROR, PLATEAU_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "No scenario has diminishing returns to scale, so there "
                                       "is no best split of the budget");
}

static void
test_t_quantiles (void)
{
  JsonArray *q = json_object_get_array_member (reference, "t_quantiles");

  /* Through a two-period trend's neighbours: the interval uses t(n − 2). */
  for (guint i = 0; i < json_array_get_length (q); i++)
    {
      JsonObject *o = json_array_get_object_element (q, i);
      guint df = json_object_get_int_member (o, "df");
      g_autoptr (PlateauScenario) s = plateau_scenario_new ("t");
      g_autoptr (PlateauAnalysis) a = NULL;
      const PlateauTrend *t;

      for (guint k = 0; k < df + 2; k++)
        plateau_scenario_append_period (s, NULL, 1, 1 + k + (k % 2 ? 0.5 : -0.5));
      for (guint k = 0; k < df + 2; k++)
        {
          g_autofree char *label = g_strdup_printf ("%u", k);
          const PlateauPeriod *p = plateau_scenario_get_period (s, k);

          plateau_scenario_set_period (s, k, label, p->investment, p->ret);
        }

      a = plateau_analysis_new (s);
      t = plateau_analysis_get_trend (a);
      assert_close ((t->slope_ci_hi.value - t->slope.value) / t->slope_se.value,
                    member_double (o, "q975"), CLOSED_FORM, "t quantile");
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  JsonArray *cases;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "model", "reference", "reference.json", NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  reference = json_node_get_object (json_parser_get_root (parser));
  cases = json_object_get_array_member (reference, "cases");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      g_autofree char *name = g_strdup_printf ("/analysis/reference/%s",
                                               json_object_get_string_member (c, "name"));

      g_test_add_data_func (name, c, test_reference_case);
    }

  g_test_add_func ("/analysis/reference/portfolio", test_portfolio_reference);
  g_test_add_func ("/analysis/reference/t-quantiles", test_t_quantiles);
  g_test_add_func ("/analysis/bad-input/zero-investment", test_zero_investment);
  g_test_add_func ("/analysis/bad-input/negative-return", test_negative_return);
  g_test_add_func ("/analysis/bad-input/one-period", test_one_period);
  g_test_add_func ("/analysis/bad-input/two-periods", test_two_periods);
  g_test_add_func ("/analysis/bad-input/duplicate-labels", test_duplicate_labels);
  g_test_add_func ("/analysis/bad-input/unsorted-labels", test_unsorted_labels);
  g_test_add_func ("/analysis/bad-input/nan-and-inf", test_non_finite);
  g_test_add_func ("/analysis/bad-input/extreme-magnitudes", test_extreme_magnitudes);
  g_test_add_func ("/analysis/bad-input/constant-roi", test_constant_roi);
  g_test_add_func ("/analysis/bad-input/empty", test_empty_scenario);
  g_test_add_func ("/analysis/bad-input/exact-trend", test_exact_trend_in_fresh_process);
  g_test_add_func ("/analysis/forecast/deterministic", test_forecast_is_deterministic);
  g_test_add_func ("/analysis/forecast/plan", test_forecast_uses_plan);
  g_test_add_func ("/analysis/forecast/recent-trend", test_forecast_follows_recent_trend);
  g_test_add_func ("/analysis/curve/evaluate", test_curve_evaluation);
  g_test_add_func ("/analysis/long-series", test_long_series);
  g_test_add_func ("/analysis/portfolio/excludes-other-units",
                   test_portfolio_excludes_other_units);
  g_test_add_func ("/analysis/portfolio/excludes-increasing", test_portfolio_excludes_increasing);

  return g_test_run ();
}
