/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How the views write numbers in captions and tables: the chart engine's
 * number format (locale decimal mark, thousands separators, a true minus)
 * with as many decimals as the magnitude needs.
 */

#include "config.h"

#include <math.h>

#include "plateau-chart-ticks.h"
#include "plateau-format.h"

/**
 * plateau_format_amount:
 * @value: a finite number
 *
 * Returns: (transfer full): @value whole when it is whole, else with three
 *   significant figures (never fewer digits than its integer part)
 */
char *
plateau_format_amount (double value)
{
  double magnitude = fabs (value);
  int decimals;

  /* Whole numbers stay whole; others get three significant figures. */
  if (magnitude >= 1000 || fabs (value - round (value)) < 1e-9 * MAX (1.0, magnitude))
    decimals = 0;
  else
    decimals = CLAMP (2 - (int) floor (log10 (magnitude)), 0, 6);

  return plateau_format_number (value, decimals);
}

/**
 * plateau_format_period:
 * @t: a time coordinate
 *
 * Returns: (transfer full): @t as a period label: a whole number (a year
 *   or a position) without separators, else with two decimals
 */
char *
plateau_format_period (double t)
{
  if (fabs (t - round (t)) < 1e-9 && fabs (t) < 1e9)
    return g_strdup_printf ("%.0f", t);

  return plateau_format_number (t, 2);
}
