/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the chart tests: sample charts of every kind and image
 * comparison with a stated tolerance.
 */
#pragma once

#include <math.h>
#include <stdlib.h>

#include <cairo-svg.h>

#include "plateau-chart-export.h"

/* Two images match when at most this share of their pixels differ by more
 * than PIXEL_TOLERANCE in some channel (0–255), and the mean absolute
 * difference per channel stays under MEAN_TOLERANCE. The slack absorbs
 * antialiasing differences between FreeType and pixman builds; a moved
 * label or a missing line exceeds it by far. */
#define PIXEL_TOLERANCE 24
#define SHARE_TOLERANCE 0.005
#define MEAN_TOLERANCE 1.0

typedef struct
{
  double share;               /* of pixels beyond PIXEL_TOLERANCE */
  double mean;                /* mean absolute difference per channel */
} ImageDiff;

static inline ImageDiff
image_diff (cairo_surface_t *a,
            cairo_surface_t *b,
            int              threshold)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  ImageDiff diff = { 1.0, 255 };
  double sum = 0;
  gsize beyond = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int worst = 0;

        for (int c = 0; c < 4; c++)
          {
            int d = abs (pa[y * sa + x * 4 + c] - pb[y * sb + x * 4 + c]);

            worst = MAX (worst, d);
            sum += d;
          }
        beyond += worst > threshold;
      }

  diff.share = (double) beyond / ((double) w * h);
  diff.mean = sum / ((double) w * h * 4);
  return diff;
}

/* Converts any surface to opaque-comparable ARGB32 of the same size. */
static inline cairo_surface_t *
image_to_argb (cairo_surface_t *src)
{
  int w = cairo_image_surface_get_width (src), h = cairo_image_surface_get_height (src);
  cairo_surface_t *dst = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (dst);

  cairo_set_source_surface (cr, src, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (dst);

  return dst;
}

/* Averages blocks of factor × factor pixels: what differs only in the
 * antialiasing of edges evens out, what is missing or moved does not. */
static inline cairo_surface_t *
image_shrink (cairo_surface_t *src,
              int              factor)
{
  int w = cairo_image_surface_get_width (src) / factor;
  int h = cairo_image_surface_get_height (src) / factor;
  int ss = cairo_image_surface_get_stride (src);
  const guint8 *ps = cairo_image_surface_get_data (src);
  cairo_surface_t *dst = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  int sd = cairo_image_surface_get_stride (dst);
  guint8 *pd = cairo_image_surface_get_data (dst);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int c = 0; c < 4; c++)
        {
          int sum = 0;

          for (int dy = 0; dy < factor; dy++)
            for (int dx = 0; dx < factor; dx++)
              sum += ps[(y * factor + dy) * ss + (x * factor + dx) * 4 + c];
          pd[y * sd + x * 4 + c] = (guint8) (sum / (factor * factor));
        }
  cairo_surface_mark_dirty (dst);

  return dst;
}

typedef enum
{
  SAMPLE_ROI,
  SAMPLE_RETURNS,
  SAMPLE_SCURVE,
  SAMPLE_PORTFOLIO,
  SAMPLE_KINDS,
  N_SAMPLES,
} SampleKind;

static const char *const sample_names[N_SAMPLES] = { "roi", "returns", "scurve", "portfolio",
                                                     "kinds" };

static inline void
sample_roi (PlateauChart *chart)
{
  double x[15], y[15], t[15], lo[15], hi[15];
  PlateauChartSeries *s;

  for (int i = 0; i < 15; i++)
    {
      x[i] = 2010 + i;
      t[i] = 2.2 - 0.1 * i;
      y[i] = t[i] + 0.15 * sin (i * 0.9);
      lo[i] = t[i] - 0.2 - 0.02 * fabs (i - 7.0);
      hi[i] = t[i] + 0.2 + 0.02 * fabs (i - 7.0);
    }

  plateau_chart_set_title (chart, "Return on investment over time");
  plateau_chart_set_subtitle (chart, "光伏 · stage now: maturity (high confidence)");
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, "Year", NULL);
  plateau_chart_set_axis_format (chart, PLATEAU_AXIS_X, PLATEAU_AXIS_FORMAT_YEAR);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, "Return on investment", NULL);
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_GROWTH, 2010, 2015.5, "Growth");
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_MATURITY, 2015.5, 2021.5, "Maturity");
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_DECLINE, 2021.5, 2024, "Decline");
  plateau_chart_series_set_color (plateau_chart_add_band (chart, "95 % interval", x, lo, hi, 15),
                                  1);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "Trend", x, t, 15);
  plateau_chart_series_set_color (s, 1);
  plateau_chart_series_set_dashed (s, TRUE);
  plateau_chart_series_set_color (plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "ROI", x, y,
                                                            15), 0);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER, NULL, x, y, 15);
  plateau_chart_series_set_color (s, 0);
  plateau_chart_add_marker (chart, PLATEAU_MARKER_POINT, 2024, y[14], "Latest");
  plateau_chart_set_caption (chart, "ROI falling 0.10 a year, 95 % interval −0.12 to −0.08");
}

static inline void
sample_returns (PlateauChart *chart)
{
  double x[20], y[20], fx[50], fy[50];
  PlateauChartSeries *s;

  for (int i = 0; i < 20; i++)
    {
      x[i] = 5 * pow (1.35, i);
      y[i] = 3 * pow (x[i], 0.62) * (1 + 0.12 * sin (i * 2.1));
    }
  for (int k = 0; k < 50; k++)
    {
      fx[k] = x[0] * pow (x[19] / x[0], k / 49.0);
      fy[k] = 3 * pow (fx[k], 0.62);
    }

  plateau_chart_set_title (chart, "Return against investment");
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, "Investment per period", "M€");
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, "Return per period", "M€");
  plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_X, PLATEAU_SCALE_LOG);
  plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_Y, PLATEAU_SCALE_LOG);
  plateau_chart_set_axis_grid (chart, PLATEAU_AXIS_X, TRUE);
  plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER, "Periods", x, y, 20);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "Fit E = a·I^0.62", fx, fy, 50);
  plateau_chart_series_set_color (s, 1);
  plateau_chart_series_set_dashed (s, TRUE);
  plateau_chart_set_caption (chart, "Elasticity b = 0.62, 95 % interval 0.55 to 0.69: "
                                    "diminishing returns to scale");
}

static inline void
sample_scurve (PlateauChart *chart)
{
  double x[16], y[16], cx[80], cy[80], fx[6], fm[6], flo[6], fhi[6];
  PlateauChartSeries *s;

  for (int i = 0; i < 16; i++)
    {
      x[i] = 2005 + i;
      y[i] = 1200 / (1 + exp (-0.55 * (x[i] - 2014))) * (1 + 0.03 * sin (i * 1.7));
    }
  for (int k = 0; k < 80; k++)
    {
      cx[k] = 2005 + 20.0 * k / 79;
      cy[k] = 1200 / (1 + exp (-0.55 * (cx[k] - 2014)));
    }
  for (int k = 0; k < 6; k++)
    {
      fx[k] = 2020 + k;
      fm[k] = 1200 / (1 + exp (-0.55 * (fx[k] - 2014)));
      flo[k] = fm[k] - 30 * k;
      fhi[k] = fm[k] + 30 * k;
    }

  plateau_chart_set_title (chart, "Life cycle");
  plateau_chart_set_subtitle (chart, "Solar · stage now: maturity (medium confidence)");
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, "Year", NULL);
  plateau_chart_set_axis_format (chart, PLATEAU_AXIS_X, PLATEAU_AXIS_FORMAT_YEAR);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, "Cumulative return", "M€");
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_EXPLORATION, 2005, 2010.5, "Exploration");
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_GROWTH, 2010.5, 2014.5, "Growth");
  plateau_chart_add_stage (chart, PLATEAU_THEME_STAGE_MATURITY, 2014.5, 2020, "Maturity");
  plateau_chart_series_set_color (plateau_chart_add_band (chart, "Forecast, 95 % band", fx, flo,
                                                          fhi, 6), 2);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "Forecast", fx, fm, 6);
  plateau_chart_series_set_color (s, 2);
  plateau_chart_series_set_dashed (s, TRUE);
  plateau_chart_series_set_color (plateau_chart_add_series (chart, PLATEAU_SERIES_LINE,
                                                            "Fitted S-curve", cx, cy, 80), 1);
  plateau_chart_series_set_color (plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER,
                                                            "Cumulative return", x, y, 16), 0);
  plateau_chart_add_marker (chart, PLATEAU_MARKER_VLINE, 2014, 0, "Inflection 2014.0");
  plateau_chart_set_caption (chart, "94 % of the ceiling K = 1,200 reached; inflection at 2014.0");
}

static inline void
sample_portfolio (PlateauChart *chart)
{
  static const char *const names[] = { "Solar", "Wind", "Batteries", "Hydrogen 氢能" };
  double x[4] = { 0, 1, 2, 3 }, now[4] = { 420, 310, 180, 90 }, best[4] = { 380, 260, 240, 120 };
  PlateauChartSeries *s;

  plateau_chart_set_title (chart, "Allocation of the budget");
  plateau_chart_set_subtitle (chart, "Budget 1,000, split for equal marginal returns");
  plateau_chart_set_categories (chart, names, 4);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, "Investment", "M€");
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_BAR, "Current", x, now, 4);
  plateau_chart_series_set_color (s, 7);
  plateau_chart_series_set_value_labels (s, TRUE);
  s = plateau_chart_add_series (chart, PLATEAU_SERIES_BAR, "Best split", x, best, 4);
  plateau_chart_series_set_color (s, 0);
  plateau_chart_series_set_value_labels (s, TRUE);
  plateau_chart_set_caption (chart, "The best split raises the modelled return from 812 to 861 "
                                    "(+6.0 %)");
}

/* The kinds the analysis charts do not use: area, step, annotations and
 * percentages. */
static inline void
sample_kinds (PlateauChart *chart)
{
  double x[12], share[12], budget[12];

  for (int i = 0; i < 12; i++)
    {
      x[i] = 2013 + i;
      share[i] = 0.05 + 0.4 / (1 + exp (-0.9 * (i - 5)));
      budget[i] = 0.1 + 0.05 * (i / 3);
    }

  plateau_chart_set_title (chart, "Share of revenue from the new technology");
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, "Year", NULL);
  plateau_chart_set_axis_format (chart, PLATEAU_AXIS_X, PLATEAU_AXIS_FORMAT_YEAR);
  plateau_chart_set_axis_format (chart, PLATEAU_AXIS_Y, PLATEAU_AXIS_FORMAT_PERCENT);
  plateau_chart_add_series (chart, PLATEAU_SERIES_AREA, "Revenue share", x, share, 12);
  plateau_chart_add_series (chart, PLATEAU_SERIES_STEP, "R&D budget share", x, budget, 12);
  plateau_chart_add_annotation (chart, 2014, 0.42, "Budget reviewed every three years");
  plateau_chart_set_caption (chart, "The share passed 25 % in 2018");
}

static inline PlateauChart *
sample_chart (SampleKind kind)
{
  PlateauChart *chart = plateau_chart_new ();

  switch (kind)
    {
    case SAMPLE_ROI:
      sample_roi (chart);
      break;
    case SAMPLE_RETURNS:
      sample_returns (chart);
      break;
    case SAMPLE_SCURVE:
      sample_scurve (chart);
      break;
    case SAMPLE_PORTFOLIO:
      sample_portfolio (chart);
      break;
    case SAMPLE_KINDS:
    default:
      sample_kinds (chart);
      break;
    }

  return chart;
}
