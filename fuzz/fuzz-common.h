/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <stdlib.h>

#include "plateau-model.h"

/* Analyses that are cheap enough to run on every input. */
#define FUZZ_MAX_ANALYSED_PERIODS 64

static inline void
fuzz_check_value (const PlateauValue *value)
{
  if (value->present ? !isfinite (value->value) : value->reason == NULL)
    abort ();
}

/* Runs the analysis and aborts on any NaN or infinity that reaches the
 * results, or any absent value without a reason. */
static inline void
fuzz_analyse (PlateauScenario *scenario)
{
  g_autoptr (PlateauAnalysis) a = NULL;

  if (plateau_scenario_get_n_periods (scenario) > FUZZ_MAX_ANALYSED_PERIODS)
    return;

  a = plateau_analysis_new (scenario);
  for (guint i = 0; i < plateau_analysis_get_n_periods (a); i++)
    {
      const PlateauPeriodResult *p = plateau_analysis_get_period (a, i);

      fuzz_check_value (&p->roi);
      fuzz_check_value (&p->marginal_roi);
      fuzz_check_value (&p->saturation);
      fuzz_check_value (&p->fitted);
      if (!isfinite (p->cumulative_investment) || !isfinite (p->cumulative_return))
        abort ();
    }

  fuzz_check_value (&plateau_analysis_get_trend (a)->p_value);
  fuzz_check_value (&plateau_analysis_get_elasticity (a)->b);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->K);
  fuzz_check_value (&plateau_analysis_get_lifecycle (a)->K_se);
  for (guint i = 0; i < plateau_analysis_get_n_forecast (a); i++)
    {
      fuzz_check_value (&plateau_analysis_get_forecast (a, i)->ret);
      fuzz_check_value (&plateau_analysis_get_forecast (a, i)->hi);
    }
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
