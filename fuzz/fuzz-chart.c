/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzzes the chart renderer and the tick algorithm with arbitrary doubles
 * (NaN, infinities, subnormals and extremes included). The first bytes
 * choose the scales, the series kind and the size; the rest are raw
 * doubles. Aborts when ticks are not finite and increasing or when cairo
 * reports an error.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plateau-chart-ticks.h"

#define MAX_POINTS 4096

static void
check_ticks (const PlateauTicks *ticks,
             PlateauAxisFormat   format)
{
  for (guint i = 0; i < ticks->n; i++)
    {
      char *label = plateau_ticks_format (ticks, i, format);

      if (!isfinite (ticks->ticks[i].value) || label == NULL || *label == '\0')
        abort ();
      if (i > 0 && !(ticks->ticks[i].value > ticks->ticks[i - 1].value))
        abort ();
      g_free (label);
    }
}

static void
fuzz_ticks (double lo,
            double hi,
            guint  max_ticks)
{
  PlateauTicks ticks;

  for (int extend = 0; extend < 2; extend++)
    {
      if (plateau_ticks_linear (lo, hi, max_ticks, extend, extend, &ticks))
        check_ticks (&ticks, extend ? PLATEAU_AXIS_FORMAT_YEAR : PLATEAU_AXIS_FORMAT_NUMBER);
      if (plateau_ticks_log (lo, hi, max_ticks, extend, &ticks))
        check_ticks (&ticks, PLATEAU_AXIS_FORMAT_PERCENT);
    }
}

static void
fuzz_render (const guint8 *data,
             size_t        size,
             guint8        flags,
             int           width,
             int           height)
{
  gsize n = MIN (size / (3 * sizeof (double)), MAX_POINTS);
  g_autofree double *x = g_new (double, n + 1), *y = g_new (double, n + 1);
  g_autofree double *y2 = g_new (double, n + 1);
  g_autoptr (PlateauChart) chart = plateau_chart_new ();
  PlateauSeriesKind kind = (flags >> 3) % 6;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (gsize i = 0; i < n; i++)
    {
      memcpy (&x[i], data + (3 * i) * sizeof (double), sizeof (double));
      memcpy (&y[i], data + (3 * i + 1) * sizeof (double), sizeof (double));
      memcpy (&y2[i], data + (3 * i + 2) * sizeof (double), sizeof (double));
    }

  plateau_chart_set_title (chart, "Fuzz");
  plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_X, flags & 1 ? PLATEAU_SCALE_LOG
                                                                 : PLATEAU_SCALE_LINEAR);
  plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_Y, flags & 2 ? PLATEAU_SCALE_LOG
                                                                 : PLATEAU_SCALE_LINEAR);
  plateau_chart_set_axis_format (chart, PLATEAU_AXIS_X, flags & 4 ? PLATEAU_AXIS_FORMAT_YEAR
                                                                  : PLATEAU_AXIS_FORMAT_NUMBER);
  plateau_chart_set_axis_format (chart, PLATEAU_AXIS_Y, flags & 128 ? PLATEAU_AXIS_FORMAT_PERCENT
                                                                    : PLATEAU_AXIS_FORMAT_NUMBER);
  if (kind == PLATEAU_SERIES_BAND)
    plateau_chart_add_band (chart, "band", x, y, y2, n);
  else
    plateau_chart_add_series (chart, kind, "series", x, y, n);
  if (n > 0)
    {
      plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_GROWTH, x[0], y2[0], "Growth");
      plateau_chart_add_marker (chart, flags & 64 ? PLATEAU_MARKER_POINT : PLATEAU_MARKER_VLINE,
                                y2[0], x[0], "Marker");
      plateau_chart_add_annotation (chart, x[0], y[0], "Note");
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  plateau_chart_render (chart, plateau_theme_get (flags % PLATEAU_THEME_N_KINDS), cr, width,
                        height, 0);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    abort ();
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  double lo, hi;

  if (size < 3 + 2 * sizeof (double))
    return 0;

  memcpy (&lo, data + 3, sizeof (double));
  memcpy (&hi, data + 3 + sizeof (double), sizeof (double));
  fuzz_ticks (lo, hi, 2 + data[1] % 23);
  fuzz_render (data + 3, size - 3, data[0], 16 + data[1] * 2, 16 + data[2] * 2);

  return 0;
}
