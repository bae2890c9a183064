/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "plateau-model.h"

/*
 * Stage classification on 1,000 synthetic series drawn from a seeded
 * generator: cumulative returns follow a logistic or Gompertz curve of
 * known K, r and t0, period returns carry 3 % multiplicative noise, and
 * every series runs from early exploration to past its inflection, over at
 * least 8 periods. As in the model, cumulative return counts from the first
 * period, so the first period's return holds everything before it. Periods
 * within one period of a true stage boundary are not counted, since noise
 * may move them either way.
 */

#define N_SERIES 1000
#define SEED 424242
#define NOISE 0.03
#define MIN_ACCURACY 0.95
#define K_TOLERANCE 0.05

typedef struct
{
  PlateauCurveModel model;
  double K;
  double r;
  double t0;
  guint n;
} Truth;

static double
fraction (const Truth *truth,
          double       t)
{
  double z = truth->r * (t - truth->t0);

  return truth->model == PLATEAU_CURVE_GOMPERTZ ? exp (-exp (-z)) : 1 / (1 + exp (-z));
}

/* Where the true curve crosses a saturation threshold. */
static double
crossing (const Truth *truth,
          double       f)
{
  double z = truth->model == PLATEAU_CURVE_GOMPERTZ ? -log (-log (f)) : log (f / (1 - f));

  return truth->t0 + z / truth->r;
}

static PlateauStage
true_stage (double f)
{
  if (f < 0.10)
    return PLATEAU_STAGE_EXPLORATION;
  if (f < 0.50)
    return PLATEAU_STAGE_GROWTH;
  if (f < 0.90)
    return PLATEAU_STAGE_MATURITY;
  return PLATEAU_STAGE_DECLINE;
}

static double
gaussian (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1), v = g_rand_double (rand);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

/* A series that starts before 5 % saturation and ends between 70 % and
 * 99.5 %, so that it has passed its inflection. */
static void
draw_truth (GRand *rand,
            Truth *truth)
{
  do
    {
      double f_end, f_start = g_rand_double_range (rand, 0.003, 0.05);

      truth->model = g_rand_boolean (rand) ? PLATEAU_CURVE_GOMPERTZ : PLATEAU_CURVE_LOGISTIC;
      truth->K = g_rand_double_range (rand, 200, 5000);
      truth->r = g_rand_double_range (rand, 0.25, 0.9);
      truth->t0 = 0;
      truth->t0 = 1 - crossing (truth, f_start);
      f_end = g_rand_double_range (rand, 0.7, 0.995);
      truth->n = (guint) ceil (crossing (truth, f_end));
    }
  while (truth->n < 8);
}

static PlateauScenario *
make_series (GRand       *rand,
             const Truth *truth)
{
  PlateauScenario *s = plateau_scenario_new ("synthetic");
  PlateauSettings settings;
  double prev = 0;

  plateau_settings_init_default (&settings);
  settings.model = truth->model;
  plateau_scenario_set_settings (s, &settings);

  for (guint t = 1; t <= truth->n; t++)
    {
      double ce = truth->K * fraction (truth, t);
      double noise = 1 + NOISE * gaussian (rand);
      g_autofree char *label = g_strdup_printf ("%u", t);

      plateau_scenario_append_period (s, label, 10 + t, (ce - prev) * noise);
      prev = ce;
    }

  return s;
}

static gboolean
near_boundary (const Truth *truth,
               double       t)
{
  static const double thresholds[] = { 0.10, 0.50, 0.90 };

  for (guint k = 0; k < G_N_ELEMENTS (thresholds); k++)
    if (fabs (t - crossing (truth, thresholds[k])) <= 1)
      return TRUE;

  return FALSE;
}

static void
test_synthetic_series (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED);
  guint counted = 0, correct = 0, k_ok = 0, periods = 0;

  for (guint i = 0; i < N_SERIES; i++)
    {
      Truth truth;
      g_autoptr (PlateauScenario) s = NULL;
      g_autoptr (PlateauAnalysis) a = NULL;
      const PlateauLifecycle *l;

      draw_truth (rand, &truth);
      s = make_series (rand, &truth);
      a = plateau_analysis_new (s);
      l = plateau_analysis_get_lifecycle (a);

      if (plateau_value_is_present (&l->K) && fabs (l->K.value - truth.K) <= K_TOLERANCE * truth.K)
        k_ok++;

      for (guint t = 1; t <= truth.n; t++)
        {
          periods++;
          if (near_boundary (&truth, t))
            continue;
          counted++;
          correct += plateau_analysis_get_period (a, t - 1)->stage
                     == true_stage (fraction (&truth, t));
        }
    }

  g_test_message ("%u series, %u periods, %u counted, %u correct (%.2f %%); K within 5 %% "
                  "in %u series", N_SERIES, periods, counted, correct, 100.0 * correct / counted,
                  k_ok);
  g_assert_cmpfloat ((double) correct / counted, >=, MIN_ACCURACY);
  g_assert_cmpuint (k_ok, ==, N_SERIES);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stages/synthetic", test_synthetic_series);

  return g_test_run ();
}
