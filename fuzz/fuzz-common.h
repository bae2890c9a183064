/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <stdlib.h>

#include "plateau-model.h"

/* Analyses that are cheap enough to run on every input. */
#define FUZZ_MAX_ANALYSED_PERIODS 64

/* An absent value always has its reason; a present one must be finite. */
static inline void
fuzz_check_value (const PlateauValue *value)
{
  if (plateau_value_is_present (value) && !isfinite (value->value))
    abort ();
}

/* Aborts on any NaN or infinity that reaches the results. */
static inline void
fuzz_check_analysis (const PlateauAnalysis *a)
{
  for (guint i = 0; i < plateau_analysis_get_n_periods (a); i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (a, i);

      fuzz_check_value (&p->roi);
      fuzz_check_value (&p->cumulative_roi);
      fuzz_check_value (&p->marginal_roi);
      fuzz_check_value (&p->smoothed_marginal_roi);
      fuzz_check_value (&p->growth_change);
      fuzz_check_value (&p->saturation);
      fuzz_check_value (&p->fitted);
      if (!isfinite (p->cumulative_investment) || !isfinite (p->cumulative_return))
        abort ();
    }

  fuzz_check_value (&plateau_analysis_get_trend (a)->slope);
  fuzz_check_value (&plateau_analysis_get_trend (a)->slope_ci_lo);
  fuzz_check_value (&plateau_analysis_get_trend (a)->p_value);
  fuzz_check_value (&plateau_analysis_get_trend (a)->trailing_slope);
  fuzz_check_value (&plateau_analysis_get_elasticity (a)->b);
  fuzz_check_value (&plateau_analysis_get_elasticity (a)->b_ci_hi);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->K);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->r);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->t0);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->K_se);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->r2);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->aic);
  for (guint i = 0; i < plateau_analysis_get_n_forecast (a); i++)
    {
      const PlateauForecastPoint *f = plateau_analysis_get_forecast (a, i);

      fuzz_check_value (&f->ret);
      fuzz_check_value (&f->lo);
      fuzz_check_value (&f->hi);
      fuzz_check_value (&f->cumulative_return);
      fuzz_check_value (&f->cumulative_lo);
      fuzz_check_value (&f->cumulative_hi);
    }
}

/* Runs the analysis of a short enough scenario and checks it. */
static inline void
fuzz_analyse (PlateauScenario *scenario)
{
  g_autoptr (PlateauAnalysis) a = NULL;

  if (plateau_scenario_get_n_periods (scenario) > FUZZ_MAX_ANALYSED_PERIODS)
    return;

  a = plateau_analysis_new (scenario);
  fuzz_check_analysis (a);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Misuse of the API inside the model is a bug: make criticals fatal. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}
