/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Nice" ticks: steps of 1, 2 or 5 times a power of ten, chosen as the
 * smallest step that keeps the count within a cap. Labels are written from
 * the integer mantissa of each tick, with the locale's decimal mark, a
 * thousands separator, SI suffixes for millions and up, and scientific
 * notation where neither reads well.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plateau-chart-ticks.h"

#define MINUS_SIGN "\u2212"
#define EXACT_INTEGER 9007199254740992.0   /* 2^53 */

static double
pow10i (int exponent)
{
  return pow (10.0, (double) exponent);
}

/* mantissa × 10^exponent, rounded once; a negative exponent divides, so
 * that 3 × 10^-1 is the double nearest 0.3. */
static double
tick_value (gint64 mantissa,
            int    exponent)
{
  if (exponent >= 0)
    return (double) mantissa * pow10i (exponent);

  if (exponent < -300)
    return (double) mantissa / pow10i (-exponent - 20) / 1e20;

  return (double) mantissa / pow10i (-exponent);
}

/* value / (m × 10^k) without forming the step, which may overflow or
 * underflow at the ends of the double range. */
static double
in_steps (double value,
          int    m,
          int    k)
{
  if (k > 300)
    return value / 1e20 / pow10i (k - 20) / m;
  if (k < -300)
    return value * 1e20 / pow10i (k + 20) / m;

  return value / pow10i (k) / m;
}

/* 0.7 / 0.1 is 6.9999999999999991 in doubles: a quotient that is an integer
 * but for rounding is taken as that integer. */
static double
snap (double q)
{
  double r = round (q);

  return fabs (q - r) <= 1e-9 * MAX (1.0, fabs (q)) ? r : q;
}

static void
fill_linear (PlateauTicks *ticks,
             double        first,
             double        last,
             int           m,
             int           k)
{
  ticks->n = 0;
  for (double i = first; i <= last && ticks->n < PLATEAU_TICKS_MAX; i++)
    {
      PlateauTick *tick = &ticks->ticks[ticks->n++];

      tick->mantissa = (gint64) i * m;
      tick->exponent = k;
      tick->value = tick_value (tick->mantissa, k);
    }
}

/* Fills @ticks with the multiples of m × 10^k in (or around) the range,
 * if there are few enough of them and each is an exact, finite double. */
static gboolean
try_step (double        lo,
          double        hi,
          int           m,
          int           k,
          guint         max_ticks,
          gboolean      extend,
          PlateauTicks *ticks)
{
  double q_lo = snap (in_steps (lo, m, k)), q_hi = snap (in_steps (hi, m, k));
  double first = extend ? floor (q_lo) : ceil (q_lo);
  double last = extend ? ceil (q_hi) : floor (q_hi);

  if (last - first + 1 > max_ticks || last < first || fabs (first) * m > EXACT_INTEGER
      || fabs (last) * m > EXACT_INTEGER)
    return FALSE;
  /* Near the ends of the doubles an extended tick may overflow. */
  if (!isfinite (tick_value ((gint64) first * m, k))
      || !isfinite (tick_value ((gint64) last * m, k)))
    return FALSE;

  fill_linear (ticks, first, last, m, k);

  /* Among subnormal numbers neighbouring ticks can round to one value. */
  for (guint i = 1; i < ticks->n; i++)
    {
      if (!(ticks->ticks[i].value > ticks->ticks[i - 1].value))
        return FALSE;
    }

  ticks->lo = extend ? ticks->ticks[0].value : lo;
  ticks->hi = extend ? ticks->ticks[ticks->n - 1].value : hi;
  return TRUE;
}

/**
 * plateau_ticks_linear:
 * @lo: the lowest value to show
 * @hi: the highest value to show, above @lo
 * @max_ticks: at most this many ticks (2, or 3 with @extend, to %PLATEAU_TICKS_MAX)
 * @extend: whether the range grows outwards to the nearest ticks
 * @integers: whether the step must be a whole number (years, categories)
 * @ticks: (out): the ticks and the range they belong to
 *
 * Returns: %FALSE when the range is empty, not finite, or too narrow for
 * doubles to tell the ticks apart.
 */
gboolean
plateau_ticks_linear (double        lo,
                      double        hi,
                      guint         max_ticks,
                      gboolean      extend,
                      gboolean      integers,
                      PlateauTicks *ticks)
{
  static const int mantissas[] = { 1, 2, 5 };
  double half_span, raw;
  int k0;

  g_return_val_if_fail (ticks != NULL, FALSE);

  memset (ticks, 0, sizeof *ticks);
  if (!isfinite (lo) || !isfinite (hi) || !(hi > lo))
    return FALSE;

  /* Extended outwards, a range across zero always spans three ticks. */
  max_ticks = CLAMP (max_ticks, extend ? 3 : 2, PLATEAU_TICKS_MAX);
  half_span = hi / 2 - lo / 2;
  if (!(half_span > 0) || half_span < MAX (fabs (lo), fabs (hi)) * 1e-13)
    return FALSE;

  /* The raw step, span / (max_ticks − 1), in logarithms: the span itself
   * may not fit in a double. */
  raw = log10 (half_span) - log10 ((max_ticks - 1) / 2.0);
  k0 = (int) floor (raw) - 1;
  if (integers)
    k0 = MAX (k0, 0);

  for (int k = k0; k <= k0 + 3; k++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (mantissas); j++)
        {
          if (try_step (lo, hi, mantissas[j], k, max_ticks, extend, ticks))
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether m × 10^e is a value a logarithmic axis can show: near the ends of
 * the doubles it overflows to infinity or underflows to zero. */
static gboolean
is_log_value (int m,
              int e)
{
  double v = tick_value (m, e);

  return isfinite (v) && v > 0;
}

static void
add_log_tick (PlateauTicks *ticks,
              int           m,
              int           e)
{
  PlateauTick *tick;

  if (ticks->n >= PLATEAU_TICKS_MAX || !is_log_value (m, e))
    return;

  tick = &ticks->ticks[ticks->n++];
  tick->mantissa = m;
  tick->exponent = e;
  tick->value = tick_value (m, e);
}

/* The 1-2-5 value nearest @v on the side @up says, for extending a short
 * logarithmic axis to a labelled value; @v itself where that value is
 * beyond the range of doubles. */
static double
nearest_125 (double   v,
             gboolean up)
{
  static const int mantissas[] = { 1, 2, 5, 10 };
  int e = (int) floor (log10 (v));
  double best = up ? tick_value (10, e) : tick_value (1, e);

  for (guint j = 0; j < G_N_ELEMENTS (mantissas); j++)
    {
      double c = tick_value (mantissas[j], e);

      if (up && c >= v * (1 - 1e-12))
        {
          best = c;
          break;
        }
      if (!up && c <= v * (1 + 1e-12))
        best = c;
    }

  return isfinite (best) && best > 0 ? best : v;
}

/* Within about two decades the 2s and 5s are worth labelling too. */
static gboolean
fill_log_125 (PlateauTicks *ticks,
              double        lo,
              double        hi,
              guint         max_ticks)
{
  static const int mantissas[] = { 1, 2, 5 };
  int e_lo = (int) floor (log10 (lo)) - 1;
  int e_hi = (int) ceil (log10 (hi));

  ticks->n = 0;
  for (int e = e_lo; e <= e_hi; e++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (mantissas); j++)
        {
          double v = tick_value (mantissas[j], e);

          if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12))
            add_log_tick (ticks, mantissas[j], e);
        }
    }

  return ticks->n >= 2 && ticks->n <= max_ticks;
}

static void
fill_log_decades (PlateauTicks *ticks,
                  int           e_first,
                  int           e_last,
                  guint         max_ticks)
{
  static const int strides[] = { 1, 2, 3, 5, 10, 20, 25, 50, 100, 200 };
  int stride = strides[G_N_ELEMENTS (strides) - 1];

  for (guint j = 0; j < G_N_ELEMENTS (strides); j++)
    {
      int first = (int) ceil ((double) e_first / strides[j]);
      int last = (int) floor ((double) e_last / strides[j]);

      if (last - first + 1 <= (int) max_ticks)
        {
          stride = strides[j];
          break;
        }
    }

  ticks->n = 0;
  for (int e = e_first; e <= e_last; e++)
    {
      if (e % stride == 0)
        add_log_tick (ticks, 1, e);
    }
}

/**
 * plateau_ticks_log:
 * @lo: the lowest value to show, positive
 * @hi: the highest value to show, above @lo
 * @max_ticks: at most this many ticks (2 to %PLATEAU_TICKS_MAX)
 * @extend: whether the range grows outwards to the nearest decades
 * @ticks: (out): the ticks and the range they belong to
 *
 * Ticks fall on powers of ten (every n-th power when there are too many
 * decades), with 2 and 5 between them when the range is short.
 *
 * Returns: %FALSE when the range is empty, not positive or not finite.
 */
gboolean
plateau_ticks_log (double        lo,
                   double        hi,
                   guint         max_ticks,
                   gboolean      extend,
                   PlateauTicks *ticks)
{
  int e_lo, e_hi;

  g_return_val_if_fail (ticks != NULL, FALSE);

  memset (ticks, 0, sizeof *ticks);
  if (!isfinite (lo) || !isfinite (hi) || !(lo > 0) || !(hi > lo))
    return FALSE;

  max_ticks = CLAMP (max_ticks, 2, PLATEAU_TICKS_MAX);
  ticks->log = TRUE;
  e_lo = (int) floor (log10 (lo) + 1e-9);
  e_hi = (int) ceil (log10 (hi) - 1e-9);

  if (log10 (hi) - log10 (lo) <= 2.5)
    {
      double lo125 = extend ? nearest_125 (lo, FALSE) : lo;
      double hi125 = extend ? nearest_125 (hi, TRUE) : hi;

      if (fill_log_125 (ticks, lo125, hi125, max_ticks))
        {
          ticks->lo = lo125;
          ticks->hi = hi125;
          return TRUE;
        }
    }

  if (extend)
    {
      /* The decades around the range, but none beyond the doubles. */
      while (e_lo < e_hi && !is_log_value (1, e_lo))
        e_lo++;
      while (e_hi > e_lo && !is_log_value (1, e_hi))
        e_hi--;
      fill_log_decades (ticks, e_lo, e_hi, max_ticks);
      ticks->lo = MIN (lo, tick_value (1, e_lo));
      ticks->hi = MAX (hi, tick_value (1, e_hi));
    }
  else
    {
      fill_log_decades (ticks, (int) ceil (log10 (lo) - 1e-9),
                        (int) floor (log10 (hi) + 1e-9), max_ticks);
      ticks->lo = lo;
      ticks->hi = hi;
    }

  /* A range too narrow to hold two 1-2-5 values, such as 100 to 130, is
   * still an axis: it gets linear steps, placed on the log scale. */
  if (ticks->n < 2 && plateau_ticks_linear (lo, hi, max_ticks, FALSE, FALSE, ticks))
    ticks->log = TRUE;

  return ticks->n >= 1;
}

static const char *
decimal_mark (void)
{
  const char *mark = localeconv ()->decimal_point;

  return (mark != NULL && *mark != '\0') ? mark : ".";
}

/* The C locale names no separator; a comma reads as one unless the comma
 * is already the decimal mark, where a narrow space is the convention. */
static const char *
group_separator (void)
{
  const char *sep = localeconv ()->thousands_sep;

  if (sep != NULL && *sep != '\0')
    return sep;

  return strcmp (decimal_mark (), ",") == 0 ? "\u202F" : ",";
}

/* Writes the decimal digits of |mantissa| × 10^-decimals with grouping. */
static void
append_fixed (GString *out,
              guint64  digits_value,
              int      decimals,
              gboolean group)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, digits_value);
  int len = (int) strlen (digits);
  int int_len;

  if (len <= decimals)
    {
      g_autofree char *padded = g_strnfill (decimals - len + 1, '0');
      char *joined = g_strconcat (padded, digits, NULL);

      g_free (digits);
      digits = joined;
      len = (int) strlen (digits);
    }

  int_len = len - decimals;
  for (int i = 0; i < int_len; i++)
    {
      if (group && i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, group_separator ());
      g_string_append_c (out, digits[i]);
    }

  if (decimals > 0)
    {
      g_string_append (out, decimal_mark ());
      g_string_append_len (out, digits + int_len, decimals);
    }
}

static void
append_superscript (GString *out,
                    int      value)
{
  static const char *const digits[] = { "\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                        "\u2075", "\u2076", "\u2077", "\u2078", "\u2079" };
  g_autofree char *text = g_strdup_printf ("%d", abs (value));

  if (value < 0)
    g_string_append (out, "\u207B");
  for (const char *c = text; *c != '\0'; c++)
    g_string_append (out, digits[*c - '0']);
}

/* 2.5×10⁻³⁰⁰: for values too large or too small for suffixes. */
static char *
format_scientific (gint64 mantissa,
                   int    exponent)
{
  GString *out = g_string_new (NULL);
  guint64 digits = (guint64) ABS (mantissa);
  int n_digits;

  if (digits == 0)
    return g_string_free (g_string_append (out, "0"), FALSE);

  while (digits % 10 == 0)
    {
      digits /= 10;
      exponent++;
    }

  n_digits = snprintf (NULL, 0, "%" G_GUINT64_FORMAT, digits);
  if (mantissa < 0)
    g_string_append (out, MINUS_SIGN);
  append_fixed (out, digits, n_digits - 1, FALSE);
  g_string_append (out, "\u00D710");
  append_superscript (out, exponent + n_digits - 1);

  return g_string_free (out, FALSE);
}

/* mantissa × 10^exponent shown as a multiple of 10^power with a fixed
 * number of decimals, when that needs no more than int64 digits. */
static gboolean
append_scaled (GString *out,
               gint64   mantissa,
               int      exponent,
               int      power,
               int      decimals,
               gboolean group)
{
  guint64 digits = (guint64) ABS (mantissa);
  int shift = exponent - power + decimals;

  if (shift < 0)
    {
      for (; shift < 0; shift++)
        digits /= 10;
    }
  for (; shift > 0; shift--)
    {
      if (digits > G_MAXUINT64 / 10)
        return FALSE;
      digits *= 10;
    }

  if (mantissa < 0 && digits != 0)
    g_string_append (out, MINUS_SIGN);
  append_fixed (out, digits, decimals, group);

  return TRUE;
}

static int
tick_max_abs_exponent (const PlateauTicks *ticks)
{
  double max_abs = 0;

  for (guint i = 0; i < ticks->n; i++)
    max_abs = MAX (max_abs, fabs (ticks->ticks[i].value));

  return max_abs > 0 ? (int) floor (log10 (max_abs) + 1e-12) : 0;
}

/* The decimals a tick needs on its own: its exponent after trailing zeros
 * of the mantissa are moved into it. */
static int
own_decimals (const PlateauTick *tick,
              int                power)
{
  gint64 m = tick->mantissa;
  int e = tick->exponent;

  while (m != 0 && m % 10 == 0)
    {
      m /= 10;
      e++;
    }

  return MAX (0, power - e);
}

static int
linear_decimals (const PlateauTicks *ticks,
                 int                 power)
{
  int decimals = 0;

  for (guint i = 0; i < ticks->n; i++)
    decimals = MAX (decimals, ticks->log ? 0 : own_decimals (&ticks->ticks[i], power));

  return decimals;
}

static char *
format_number_tick (const PlateauTicks *ticks,
                    const PlateauTick  *tick,
                    int                 shift,
                    const char         *suffix_after)
{
  static const char *const si[] = { "", "k", "M", "G", "T" };
  int top = tick_max_abs_exponent (ticks) + shift;
  int min_exponent = tick->exponent + shift;
  GString *out;
  int power = 0, decimals;

  if (tick->mantissa == 0)
    return g_strconcat ("0", suffix_after, NULL);

  for (guint i = 0; i < ticks->n; i++)
    min_exponent = MIN (min_exponent, ticks->ticks[i].exponent + shift);

  if (top >= 15 || top < -4 || min_exponent < -6)
    return format_scientific (tick->mantissa, tick->exponent + shift);

  /* A linear axis shares one suffix; on a log axis each decade has its own. */
  if (ticks->log)
    top = (int) floor (log10 (fabs (tick->value)) + 1e-12) + shift;
  if (top >= 6 && suffix_after[0] == '\0')
    power = 3 * (top / 3);

  decimals = ticks->log ? own_decimals (tick, power - shift)
                        : linear_decimals (ticks, power - shift);
  out = g_string_new (NULL);
  if (!append_scaled (out, tick->mantissa, tick->exponent + shift, power, decimals, power == 0))
    {
      g_string_free (out, TRUE);
      return format_scientific (tick->mantissa, tick->exponent + shift);
    }

  g_string_append (out, si[power / 3]);
  g_string_append (out, suffix_after);

  return g_string_free (out, FALSE);
}

/**
 * plateau_ticks_format:
 * @ticks: ticks from plateau_ticks_linear() or plateau_ticks_log()
 * @index: which tick
 * @format: numbers, years or percentages
 *
 * All labels of one axis share their number of decimals and their suffix,
 * so that they line up.
 *
 * Returns: (transfer full): the label of tick @index.
 */
char *
plateau_ticks_format (const PlateauTicks *ticks,
                      guint               index,
                      PlateauAxisFormat   format)
{
  const PlateauTick *tick;

  g_return_val_if_fail (ticks != NULL && index < ticks->n, NULL);

  tick = &ticks->ticks[index];
  switch (format)
    {
    case PLATEAU_AXIS_FORMAT_YEAR:
      if (tick->exponent >= 0 && fabs (tick->value) < 1e15)
        return g_strdup_printf ("%s%.0f", tick->value < 0 ? MINUS_SIGN : "", fabs (tick->value));
      return format_number_tick (ticks, tick, 0, "");

    case PLATEAU_AXIS_FORMAT_PERCENT:
      return format_number_tick (ticks, tick, 2, "%");

    case PLATEAU_AXIS_FORMAT_NUMBER:
    default:
      return format_number_tick (ticks, tick, 0, "");
    }
}

/**
 * plateau_format_number:
 * @value: a finite number
 * @decimals: how many decimals to show (0 to 12)
 *
 * Formats a value the way tick labels are written: locale decimal mark,
 * thousands separators and a true minus sign.
 *
 * Returns: (transfer full): the text, or "–" when @value is not finite.
 */
char *
plateau_format_number (double value,
                       int    decimals)
{
  GString *out;
  double scaled;

  if (!isfinite (value))
    return g_strdup ("\u2013");

  decimals = CLAMP (decimals, 0, 12);
  scaled = round (fabs (value) * pow10i (decimals));
  if (scaled >= EXACT_INTEGER)
    {
      /* Three significant digits of a number too long to write out. */
      int e = (int) floor (log10 (fabs (value))) - 2;

      return format_scientific ((gint64) round (value / pow10i (e)), e);
    }

  out = g_string_new (NULL);
  if (value < 0 && scaled > 0)
    g_string_append (out, MINUS_SIGN);
  append_fixed (out, (guint64) scaled, decimals, TRUE);

  return g_string_free (out, FALSE);
}
