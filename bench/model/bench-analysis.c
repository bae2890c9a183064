/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times plateau_analysis_new() on a synthetic scenario of N periods and
 * prints one line: N, repeats, median seconds per analysis, maximum
 * resident set in KB, current stage. The series is the same one peer.py
 * builds: a logistic life cycle with a deterministic wobble.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "plateau-model.h"

static PlateauScenario *
make_scenario (guint n)
{
  PlateauScenario *s = plateau_scenario_new ("bench");
  double K = 1e6, r = 8.0 / n, t0 = 0.6 * n, prev = 0;

  plateau_scenario_begin_batch (s);
  for (guint t = 1; t <= n; t++)
    {
      double ce = K / (1 + exp (-r * (t - t0)));
      char label[16];

      g_snprintf (label, sizeof label, "%u", t);
      plateau_scenario_append_period (s, label, 100 + 0.5 * t + 10 * sin (0.3 * t),
                                      (ce - prev) * (1 + 0.03 * sin (1.7 * t)));
      prev = ce;
    }
  plateau_scenario_end_batch (s);

  return s;
}

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? atoi (argv[1]) : 200;
  guint repeats = argc > 2 ? atoi (argv[2]) : 100;
  g_autoptr (PlateauScenario) s = make_scenario (n);
  g_autofree double *times = g_new (double, repeats);
  const char *stage = NULL;
  struct rusage usage;

  for (guint i = 0; i < repeats; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (PlateauAnalysis) a = plateau_analysis_new (s);

      times[i] = (g_get_monotonic_time () - start) / 1e6;
      stage = plateau_stage_to_string (plateau_analysis_get_current_stage (a)->stage);
    }

  qsort (times, repeats, sizeof (double), compare);
  getrusage (RUSAGE_SELF, &usage);
  printf ("%u %u %.9f %ld %s\n", n, repeats, times[repeats / 2], usage.ru_maxrss, stage);
  return 0;
}
