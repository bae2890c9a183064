/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How the views write numbers in captions and tables: the chart engine's
 * number format (locale decimal mark, thousands separators, a true minus)
 * with as many decimals as the magnitude needs.
 */

#include "config.h"

#include <math.h>
#include <string.h>

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

/**
 * plateau_format_signed:
 * @value: a finite number
 *
 * Returns: (transfer full): @value as plateau_format_amount() writes it,
 *   with a plus or a true minus in front unless it rounds to zero, for
 *   changes and slopes
 */
char *
plateau_format_signed (double value)
{
  g_autofree char *number = plateau_format_amount (fabs (value));

  /* A change that rounds to nothing gets no sign. */
  if (strpbrk (number, "123456789") == NULL)
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s%s", value > 0 ? "+" : "\u2212", number);
}

/**
 * plateau_format_with_unit:
 * @value: a finite number
 * @unit: (nullable): the scenario's unit, such as "million EUR"
 *
 * Returns: (transfer full): @value as plateau_format_amount() writes it,
 *   followed by @unit when there is one
 */
char *
plateau_format_with_unit (double      value,
                          const char *unit)
{
  g_autofree char *number = plateau_format_amount (value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s %s", number, unit);
}
