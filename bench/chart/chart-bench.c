/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the benchmark chart — a line of N points over a 95 % band, a
 * dashed trend, three stage bands and a legend — at 1920×1080 and reports
 * the time from data in memory to a written file, in milliseconds, after
 * one warm-up: the 100-point chart saved in the same format, as the peer
 * does (a drawing, for the on-screen timing).
 *
 *   chart-bench N FORMAT OUT        png, svg or pdf; prints "ms bytes"
 *   chart-bench N screen            draws into an image surface, as a
 *                                   window would; prints the best of 9 runs
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plateau-chart-export.h"

/* The same data as bench-matplotlib.py: a deterministic, noisy decline. */
static void
make_data (gsize   n,
           double *x,
           double *y,
           double *trend,
           double *lo,
           double *hi)
{
  guint64 state = 12345;

  for (gsize i = 0; i < n; i++)
    {
      double u = n > 1 ? (double) i / (n - 1) : 0;
      double noise;

      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      noise = (double) (state >> 11) / 9007199254740992.0 - 0.5;
      x[i] = 2000 + 24 * u;
      trend[i] = 2.4 - 1.6 * u;
      y[i] = trend[i] + 0.25 * sin (u * 40) + 0.3 * noise;
      lo[i] = trend[i] - 0.45 - 0.15 * u;
      hi[i] = trend[i] + 0.45 + 0.15 * u;
    }
}

static PlateauChart *
make_chart (gsize n)
{
  PlateauChart *chart = plateau_chart_new ();
  g_autofree double *x = g_new (double, n), *y = g_new (double, n), *t = g_new (double, n);
  g_autofree double *lo = g_new (double, n), *hi = g_new (double, n);
  PlateauChartSeries *s;

  make_data (n, x, y, t, lo, hi);
  plateau_chart_set_title (chart, "Return on investment, 2000–2024");
  plateau_chart_set_subtitle (chart, "Every observation, with the trend and its 95 % band");
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, "Year", NULL);
  plateau_chart_set_axis_format (chart, PLATEAU_AXIS_X, PLATEAU_AXIS_FORMAT_YEAR);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, "Return on investment", NULL);
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_GROWTH, 2000, 2008, "Growth");
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_MATURITY, 2008, 2018, "Maturity");
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_DECLINE, 2018, 2024, "Decline");
  plateau_chart_series_set_color (plateau_chart_add_band (chart, "95 % band", x, lo, hi, n), 1);
  plateau_chart_series_set_color (plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "ROI",
                                                            x, y, n), 0);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "Trend", x, t, n);
  plateau_chart_series_set_color (s, 1);
  plateau_chart_series_set_dashed (s, TRUE);

  return chart;
}

/* Loads fonts and fills caches once, as a running application has, so
 * the timings are of drawing, not of start-up. The peer does the same: it
 * saves the 100-point chart once in the format it is about to time, so
 * an export first writes that chart to a scratch file beside @out. */
static void
warm_up (const PlateauTheme        *theme,
         const PlateauExportOptions *options,
         const char                 *out)
{
  g_autoptr (PlateauChart) chart = make_chart (100);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (options != NULL)
    {
      g_autofree char *path = g_strconcat (out, ".warm-up", NULL);
      g_autoptr (GFile) scratch = g_file_new_for_path (path);

      plateau_chart_export (chart, theme, options, scratch, NULL);
      g_file_delete (scratch, NULL, NULL);
      return;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 180);
  cr = cairo_create (surface);
  plateau_chart_render (chart, theme, cr, 320, 180, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static double
screen_ms (const PlateauChart *chart,
           const PlateauTheme *theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  double best = INFINITY;

  for (int run = 0; run < 9; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      plateau_chart_render (chart, theme, cr, 1920, 1080, 0);
      cairo_surface_flush (surface);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  return best;
}

int
main (int    argc,
      char **argv)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  PlateauExportOptions options;
  PlateauExportFormat format;
  gint64 start;
  gsize n;

  if (argc < 3)
    {
      fprintf (stderr, "usage: chart-bench N png|svg|pdf OUT | chart-bench N screen\n");
      return 2;
    }

  n = (gsize) strtoull (argv[1], NULL, 10);
  chart = make_chart (MAX (n, 2));
  if (strcmp (argv[2], "screen") == 0)
    {
      warm_up (theme, NULL, NULL);
      printf ("%.2f\n", screen_ms (chart, theme));
      return 0;
    }

  if (argc < 4 || !plateau_export_format_from_name (argv[2], &format))
    return 2;

  plateau_export_options_init (&options, theme, format);
  options.width = 1920;
  options.height = 1080;
  warm_up (theme, &options, argv[3]);
  file = g_file_new_for_path (argv[3]);
  start = g_get_monotonic_time ();
  if (!plateau_chart_export (chart, theme, &options, file, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%.2f ", (g_get_monotonic_time () - start) / 1000.0);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  printf ("%" G_GOFFSET_FORMAT "\n", info != NULL ? g_file_info_get_size (info) : -1);
  return 0;
}
