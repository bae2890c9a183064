/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tick algorithm on ordinary and tricky ranges. Every expectation is
 * exact: ticks are integers times powers of ten, so their values and labels
 * have no rounding to tolerate.
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "plateau-chart-ticks.h"

static char **
labels_of (const PlateauTicks *ticks,
           PlateauAxisFormat   format)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **labels;

  for (guint i = 0; i < ticks->n; i++)
    {
      char *label = plateau_ticks_format (ticks, i, format);

      g_strv_builder_add (builder, label);
      g_free (label);
    }
  labels = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return labels;
}

static void
assert_labels (const PlateauTicks *ticks,
               PlateauAxisFormat   format,
               const char         *expected)
{
  g_auto (GStrv) labels = labels_of (ticks, format);
  g_autofree char *joined = g_strjoinv (" ", labels);

  g_assert_cmpstr (joined, ==, expected);
}

/* The properties every result must have: within the cap, increasing,
 * covering the range asked for, and each value the exact product. */
static void
assert_sane (const PlateauTicks *ticks,
             double              lo,
             double              hi,
             guint               max_ticks,
             gboolean            extend)
{
  g_assert_cmpuint (ticks->n, >=, 1);
  g_assert_cmpuint (ticks->n, <=, max_ticks);
  for (guint i = 0; i < ticks->n; i++)
    {
      const PlateauTick *t = &ticks->ticks[i];

      g_assert_true (isfinite (t->value));
      if (i > 0)
        g_assert_cmpfloat (t->value, >, ticks->ticks[i - 1].value);
      g_assert_cmpfloat (t->value, >=, ticks->lo);
      g_assert_cmpfloat (t->value, <=, ticks->hi);
    }
  if (extend)
    {
      g_assert_cmpfloat (ticks->lo, <=, lo);
      g_assert_cmpfloat (ticks->hi, >=, hi);
    }
}

static void
test_unit_range (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (0, 1, 6, TRUE, FALSE, &ticks));
  assert_sane (&ticks, 0, 1, 6, TRUE);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0 0.2 0.4 0.6 0.8 1.0");

  /* No drift: the fourth tick is the double nearest 0.6, not 3 × 0.2. */
  g_assert_true (ticks.ticks[3].value == 0.6);
  g_assert_true (ticks.ticks[1].value == 0.2);
}

static void
test_no_accumulated_drift (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (0.7, 2.3, 20, TRUE, FALSE, &ticks));
  assert_sane (&ticks, 0.7, 2.3, 20, TRUE);
  for (guint i = 0; i < ticks.n; i++)
    g_assert_true (ticks.ticks[i].value == ticks.ticks[i].mantissa / 10.0);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER,
                 "0.7 0.8 0.9 1.0 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 1.9 2.0 2.1 2.2 2.3");
}

static void
test_negative_and_crossing_zero (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (-37, -2, 6, TRUE, FALSE, &ticks));
  assert_sane (&ticks, -37, -2, 6, TRUE);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "−40 −30 −20 −10 0");

  g_assert_true (plateau_ticks_linear (-0.35, 1.2, 9, TRUE, FALSE, &ticks));
  assert_sane (&ticks, -0.35, 1.2, 9, TRUE);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "−0.4 −0.2 0 0.2 0.4 0.6 0.8 1.0 1.2");
  g_assert_true (ticks.ticks[2].value == 0.0);
}

static void
test_thousands_and_suffixes (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (0, 48000, 6, TRUE, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0 10,000 20,000 30,000 40,000 50,000");

  g_assert_true (plateau_ticks_linear (0, 2.4e9, 6, TRUE, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0 0.5G 1.0G 1.5G 2.0G 2.5G");

  g_assert_true (plateau_ticks_linear (1.2e6, 3.1e6, 6, TRUE, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "1.0M 1.5M 2.0M 2.5M 3.0M 3.5M");
}

static void
test_percent (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (0, 0.5, 6, TRUE, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_PERCENT, "0% 10% 20% 30% 40% 50%");
}

static void
test_years (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (2010, 2024, 8, FALSE, TRUE, &ticks));
  assert_sane (&ticks, 2010, 2024, 8, FALSE);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_YEAR, "2010 2012 2014 2016 2018 2020 2022 2024");

  /* Three years never get half-year ticks. */
  g_assert_true (plateau_ticks_linear (2019, 2021, 12, FALSE, TRUE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_YEAR, "2019 2020 2021");
}

static void
test_tiny_range (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (1e-300, 5e-300, 6, TRUE, FALSE, &ticks));
  assert_sane (&ticks, 1e-300, 5e-300, 6, TRUE);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER,
                 "1×10⁻³⁰⁰ 2×10⁻³⁰⁰ 3×10⁻³⁰⁰ 4×10⁻³⁰⁰ 5×10⁻³⁰⁰");

  g_assert_true (plateau_ticks_linear (0.0012, 0.0031, 6, TRUE, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0.0010 0.0015 0.0020 0.0025 0.0030 0.0035");
}

static void
test_huge_range (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_linear (0, 3e20, 6, TRUE, FALSE, &ticks));
  assert_sane (&ticks, 0, 3e20, 6, TRUE);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0 1×10²⁰ 2×10²⁰ 3×10²⁰");

  /* Extended outwards, the last tick would pass DBL_MAX: refused, not
   * infinite. Without extending, the ticks stay inside. */
  g_assert_false (plateau_ticks_linear (-1.7e308, 1.7e308, 6, TRUE, FALSE, &ticks));
  g_assert_true (plateau_ticks_linear (-1.7e308, 1.7e308, 6, FALSE, FALSE, &ticks));
  assert_sane (&ticks, -1.7e308, 1.7e308, 6, FALSE);
  g_assert_true (plateau_ticks_linear (-1e308, 1e308, 6, FALSE, FALSE, &ticks));
  assert_sane (&ticks, -1e308, 1e308, 6, FALSE);
}

/* Extended to the next 1-2-5 value or decade, a logarithmic axis at the
 * ends of the doubles would reach 2×10^308, which is infinite, or 10^-324,
 * which is zero; it stops at the last value doubles hold. */
static void
test_log_at_the_ends_of_doubles (void)
{
  static const double ranges[][2] = {
    { 1.5031764781653276e308, 1.503176480960783e308 },
    { 1e300, 1.7e308 },
    { 5e-324, 1e-320 },
    { 5e-324, 1.7e308 },
  };
  PlateauTicks ticks;

  for (guint k = 0; k < G_N_ELEMENTS (ranges); k++)
    {
      for (guint max_ticks = 2; max_ticks <= 10; max_ticks += 4)
        {
          double lo = ranges[k][0], hi = ranges[k][1];

          if (!plateau_ticks_log (lo, hi, max_ticks, TRUE, &ticks))
            continue;

          g_assert_true (isfinite (ticks.lo) && ticks.lo > 0 && ticks.lo <= lo);
          g_assert_true (isfinite (ticks.hi) && ticks.hi >= hi);
          for (guint i = 0; i < ticks.n; i++)
            {
              g_autofree char *label = plateau_ticks_format (&ticks, i,
                                                             PLATEAU_AXIS_FORMAT_NUMBER);

              g_assert_true (isfinite (ticks.ticks[i].value) && ticks.ticks[i].value > 0);
              g_assert_true (i == 0 || ticks.ticks[i].value > ticks.ticks[i - 1].value);
              g_assert_nonnull (label);
            }
        }
    }
}

static void
test_full_double_range (void)
{
  PlateauTicks ticks;
  g_auto (GStrv) labels = NULL;

  g_assert_true (plateau_ticks_linear (1e-300, 1e300, 8, TRUE, FALSE, &ticks));
  assert_sane (&ticks, 1e-300, 1e300, 8, TRUE);

  g_assert_true (plateau_ticks_log (1e-300, 1e300, 10, TRUE, &ticks));
  assert_sane (&ticks, 1e-300, 1e300, 10, TRUE);
  labels = labels_of (&ticks, PLATEAU_AXIS_FORMAT_NUMBER);
  g_assert_cmpstr (labels[0], ==, "1×10⁻³⁰⁰");
  g_assert_cmpstr (labels[ticks.n - 1], ==, "1×10³⁰⁰");
}

static void
test_log_decades (void)
{
  PlateauTicks ticks;

  g_assert_true (plateau_ticks_log (3, 4.2e5, 10, TRUE, &ticks));
  assert_sane (&ticks, 3, 4.2e5, 10, TRUE);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "1 10 100 1,000 10,000 100,000 1M");

  /* Short ranges get 2 and 5 between the powers of ten. */
  g_assert_true (plateau_ticks_log (1.5, 40, 10, TRUE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "1 2 5 10 20 50");

  g_assert_true (plateau_ticks_log (0.012, 0.9, 10, TRUE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0.01 0.02 0.05 0.1 0.2 0.5 1");

  /* A narrow range gets linear steps on the log scale. */
  g_assert_true (plateau_ticks_log (103, 131, 4, FALSE, &ticks));
  g_assert_true (ticks.log);
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "110 120 130");

  /* Not extended, the ticks stay inside the range. */
  g_assert_true (plateau_ticks_log (1.5, 40, 10, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "2 5 10 20");
}

static void
test_rejects_degenerate (void)
{
  PlateauTicks ticks;

  g_assert_false (plateau_ticks_linear (1, 1, 6, TRUE, FALSE, &ticks));
  g_assert_false (plateau_ticks_linear (2, 1, 6, TRUE, FALSE, &ticks));
  g_assert_false (plateau_ticks_linear (NAN, 1, 6, TRUE, FALSE, &ticks));
  g_assert_false (plateau_ticks_linear (0, INFINITY, 6, TRUE, FALSE, &ticks));
  g_assert_false (plateau_ticks_linear (1, 1 + 1e-15, 6, TRUE, FALSE, &ticks));
  g_assert_false (plateau_ticks_log (0, 10, 6, TRUE, &ticks));
  g_assert_false (plateau_ticks_log (-5, 10, 6, TRUE, &ticks));
}

/* Every cap from 2 to the maximum is honoured on a range of awkward spans. */
static void
test_cap_honoured (void)
{
  static const double ranges[][2] = {
    { 0, 1 }, { -3.3, 7.9 }, { 123.4, 123.5 }, { 1e-9, 7e-9 }, { -2e12, 9e13 }, { 0.99, 1.01 },
  };
  PlateauTicks ticks;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (guint cap = 2; cap <= PLATEAU_TICKS_MAX; cap++)
      for (int extend = 0; extend < 2; extend++)
        {
          g_test_message ("range %u cap %u extend %d", r, cap, extend);
          g_assert_true (plateau_ticks_linear (ranges[r][0], ranges[r][1], cap, extend, FALSE,
                                               &ticks));
          assert_sane (&ticks, ranges[r][0], ranges[r][1], MAX (cap, extend ? 3u : 2u), extend);
        }
}

static void
test_format_number (void)
{
  g_autofree char *a = plateau_format_number (1234567.891, 2);
  g_autofree char *b = plateau_format_number (-0.125, 2);
  g_autofree char *c = plateau_format_number (NAN, 2);
  g_autofree char *d = plateau_format_number (-0.0001, 2);

  g_assert_cmpstr (a, ==, "1,234,567.89");
  g_assert_cmpstr (b, ==, "−0.13");
  g_assert_cmpstr (c, ==, "–");
  g_assert_cmpstr (d, ==, "0.00");
}

/* Compiles a German locale into a temporary folder, so that the test does
 * not depend on the locales installed; skipped where glibc's locale
 * sources are missing. */
static gboolean
use_german_numbers (char **dir)
{
  const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", NULL, NULL };
  g_autofree char *target = NULL;
  int status = 0;

  if (!g_file_test ("/usr/share/i18n/locales/de_DE", G_FILE_TEST_EXISTS))
    return FALSE;

  *dir = g_dir_make_tmp ("plateau-locale-XXXXXX", NULL);
  target = g_build_filename (*dir, "de_DE.UTF-8", NULL);
  argv[5] = target;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  g_setenv ("LOCPATH", *dir, TRUE);
  return setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL;
}

static void
test_locale_decimal_mark (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *number = NULL;
  PlateauTicks ticks;

  if (!use_german_numbers (&dir))
    {
      g_test_skip ("glibc's locale sources (package locales) are not installed");
      return;
    }

  g_assert_true (plateau_ticks_linear (0, 1, 6, TRUE, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0 0,2 0,4 0,6 0,8 1,0");
  g_assert_true (plateau_ticks_linear (0, 48000, 6, TRUE, FALSE, &ticks));
  assert_labels (&ticks, PLATEAU_AXIS_FORMAT_NUMBER, "0 10.000 20.000 30.000 40.000 50.000");
  number = plateau_format_number (-1234.5, 1);
  g_assert_cmpstr (number, ==, "−1.234,5");

  setlocale (LC_NUMERIC, "C");
  g_unsetenv ("LOCPATH");
  {
    const char *argv[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ticks/unit-range", test_unit_range);
  g_test_add_func ("/ticks/no-drift", test_no_accumulated_drift);
  g_test_add_func ("/ticks/negative", test_negative_and_crossing_zero);
  g_test_add_func ("/ticks/thousands", test_thousands_and_suffixes);
  g_test_add_func ("/ticks/percent", test_percent);
  g_test_add_func ("/ticks/years", test_years);
  g_test_add_func ("/ticks/tiny", test_tiny_range);
  g_test_add_func ("/ticks/huge", test_huge_range);
  g_test_add_func ("/ticks/full-double-range", test_full_double_range);
  g_test_add_func ("/ticks/log-ends-of-doubles", test_log_at_the_ends_of_doubles);
  g_test_add_func ("/ticks/log", test_log_decades);
  g_test_add_func ("/ticks/degenerate", test_rejects_degenerate);
  g_test_add_func ("/ticks/cap", test_cap_honoured);
  g_test_add_func ("/ticks/format-number", test_format_number);
  g_test_add_func ("/ticks/locale-decimal-mark", test_locale_decimal_mark);

  return g_test_run ();
}
