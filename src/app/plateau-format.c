/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How the views write numbers in captions and tables: the chart engine's
 * number format (locale decimal mark, thousands separators, a true minus)
 * with as many decimals as the magnitude needs.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

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

/**
 * plateau_format_time:
 * @t: a time coordinate that need not be a whole period, such as the
 *   inflection of an S-curve
 *
 * Returns: (transfer full): @t as a year (a whole number, without
 *   separators) when it is one, else with one decimal
 */
char *
plateau_format_time (double t)
{
  /* A tenth of a year is noise beside the year itself. */
  if (fabs (t) >= 1000 && fabs (t) < 1e9)
    return g_strdup_printf ("%.0f", round (t));

  return plateau_format_number (t, 1);
}

/**
 * plateau_periods_are_years:
 * @analysis: an analysis
 *
 * Returns: whether the scenario's periods are labelled by years (whole
 *   numbers of four digits)
 */
gboolean
plateau_periods_are_years (const PlateauAnalysis *analysis)
{
  guint n = plateau_analysis_get_n_periods (analysis);
  double t = n > 0 ? plateau_analysis_get_period (analysis, 0)->t : 0;

  return n > 0 && t >= 1000 && t <= 9999 && t == floor (t);
}

/**
 * plateau_format_period_phrase:
 * @analysis: the analysis the period belongs to
 * @t: a time coordinate
 *
 * Returns: (transfer full): @t as a sentence names a period, such as
 *   “period 19”; languages that name a year differently from a position
 *   (2024年, 第19期) get the one that fits the scenario's labels
 */
char *
plateau_format_period_phrase (const PlateauAnalysis *analysis,
                              double                 t)
{
  g_autofree char *label = NULL;

  if (plateau_periods_are_years (analysis))
    {
      label = plateau_format_time (t);
      /* TRANSLATORS: a period of a scenario whose periods are years, as in
       * "the return in period 2024" */
      return g_strdup_printf (C_("year", "period %s"), label);
    }

  label = fabs (t - round (t)) < 1e-9 ? plateau_format_period (t) : plateau_format_time (t);
  /* TRANSLATORS: a period of a scenario whose periods are numbered 1, 2, 3…,
   * as in "the return in period 19" */
  return g_strdup_printf (C_("position", "period %s"), label);
}
