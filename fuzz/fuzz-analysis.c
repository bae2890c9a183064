/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fuzz-common.h"

/*
 * The analysis on scenarios built from arbitrary bytes. Four header bytes
 * choose the curve, its basis, how periods are labelled and the shape of an
 * underlying S-curve; then two bytes a period give its investment and how
 * its return departs from the curve, with a few codes for zero, negative,
 * not-a-number, infinite, huge and tiny values. The series stay near an
 * S-curve often enough to reach every step of the fit, up to MAX_PERIODS
 * periods, so that the search on a subsample and the refinement on every
 * period are fuzzed too.
 */

#define HEADER_BYTES 4
#define MAX_PERIODS 1024

/* The underlying curve over its ceiling. */
static double
curve (PlateauCurveModel model,
       double            r,
       double            t0,
       double            t)
{
  double z = r * (t - t0);

  return model == PLATEAU_CURVE_GOMPERTZ ? exp (-exp (-z)) : 1 / (1 + exp (-z));
}

static double
investment_of (guint8 code)
{
  switch (code)
    {
    case 0: return 0;
    case 1: return NAN;
    case 2: return -5;
    case 3: return 1e300;
    case 4: return 1e-300;
    default: return 50 + code;
    }
}

static double
return_of (guint8  code,
           double  ideal)
{
  switch (code)
    {
    case 0: return 0;
    case 1: return -ideal;
    case 2: return INFINITY;
    case 3: return 1e-300;
    case 4: return 1e60;
    default: return ideal * (0.5 + code / 255.0);
    }
}

static char *
label_of (guint8 mode,
          guint  i,
          guint8 code)
{
  switch (mode % 4)
    {
    case 0: return g_strdup_printf ("%u", i + 1);
    case 1: return g_strdup_printf ("P%u", i + 1);
    /* Years, going back or repeating where a byte says so. */
    case 2: return g_strdup_printf ("%u", 2000 + i - (code == 7 ? 2 : 0));
    default: return g_strdup_printf ("%.1f", 0.5 * i);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (PlateauScenario) s = NULL;
  g_autoptr (PlateauAnalysis) a = NULL;
  PlateauSettings settings;
  guint n;
  double r, t0, prev = 0;

  if (size < HEADER_BYTES)
    return 0;

  n = MIN ((size - HEADER_BYTES) / 2, MAX_PERIODS);
  r = 0.5 * (1 + data[2]) / (1 + n);
  t0 = n * data[3] / 255.0;

  s = plateau_scenario_new ("fuzz");
  plateau_settings_init_default (&settings);
  settings.model = data[0] & 1 ? PLATEAU_CURVE_GOMPERTZ : PLATEAU_CURVE_LOGISTIC;
  settings.basis = data[0] & 2 ? PLATEAU_BASIS_CUMULATIVE_INVESTMENT : PLATEAU_BASIS_TIME;
  plateau_scenario_set_settings (s, &settings);

  plateau_scenario_begin_batch (s);
  for (guint i = 0; i < n; i++)
    {
      const guint8 *period = data + HEADER_BYTES + 2 * i;
      double ce = curve (settings.model, r, t0, i + 1);
      g_autofree char *label = label_of (data[1], i, period[1]);

      plateau_scenario_append_period (s, label, investment_of (period[0]),
                                      return_of (period[1], 1000 * (ce - prev)));
      prev = ce;
    }
  plateau_scenario_end_batch (s);

  a = plateau_analysis_new (s);
  fuzz_check_analysis (a);
  return 0;
}
