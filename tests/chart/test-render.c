/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer: degenerate data, any size, text, and the per-column
 * reduction compared with drawing every point.
 */

#include "config.h"

#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chart-test-util.h"

/* The reduced drawing of a million points differs from the full one only
 * in the antialiased fringe of the line: at most this share of pixels may
 * differ by more than a quarter of the range (64 of 255), and the mean
 * difference per channel must stay under one level. */
#define REDUCTION_SHARE 0.01
#define REDUCTION_MEAN 1.0

static const PlateauTheme *
light (void)
{
  return plateau_theme_get (PLATEAU_THEME_LIGHT);
}

static cairo_surface_t *
draw (const PlateauChart *chart,
      int                 width,
      int                 height,
      PlateauRenderFlags  flags,
      gboolean           *drew_data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  gboolean drew = plateau_chart_render (chart, light (), cr, width, height, flags);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (drew_data != NULL)
    *drew_data = drew;

  return surface;
}

static PlateauChart *
noisy_line (gsize n)
{
  PlateauChart *chart = plateau_chart_new ();
  g_autofree double *x = g_new (double, n), *y = g_new (double, n);
  guint64 state = 12345;

  for (gsize i = 0; i < n; i++)
    {
      double u = (double) i / (n - 1);

      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      x[i] = 2000 + 24 * u;
      y[i] = 2.4 - 1.6 * u + 0.25 * sin (u * 40)
             + 0.3 * ((double) (state >> 11) / 9007199254740992.0 - 0.5);
    }
  plateau_chart_set_title (chart, "A million points");
  plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "ROI", x, y, n);

  return chart;
}

static void
test_reduction_matches_full_drawing (void)
{
  g_autoptr (PlateauChart) chart = noisy_line (1000000);
  cairo_surface_t *reduced = draw (chart, 480, 300, 0, NULL);
  cairo_surface_t *full = draw (chart, 480, 300, PLATEAU_RENDER_NO_REDUCTION, NULL);
  ImageDiff diff = image_diff (reduced, full, 64);

  g_test_message ("%.3f%% of pixels differ by more than 64, mean difference %.3f",
                  diff.share * 100, diff.mean);
  g_assert_cmpfloat (diff.share, <=, REDUCTION_SHARE);
  g_assert_cmpfloat (diff.mean, <=, REDUCTION_MEAN);

  /* And the comparison can fail: a different line is far beyond it. */
  {
    g_autoptr (PlateauChart) other = noisy_line (999);
    cairo_surface_t *wrong = draw (other, 480, 300, 0, NULL);

    diff = image_diff (wrong, full, 64);
    g_assert_cmpfloat (diff.share, >, REDUCTION_SHARE);
    cairo_surface_destroy (wrong);
  }
  cairo_surface_destroy (reduced);
  cairo_surface_destroy (full);
}

/* Draws @chart at 400 × 260 with and without reduction and asserts the two
 * within the reduction's bounds. */
static void
assert_reduced_like_full (PlateauChart *chart)
{
  cairo_surface_t *reduced = draw (chart, 400, 260, 0, NULL);
  cairo_surface_t *full = draw (chart, 400, 260, PLATEAU_RENDER_NO_REDUCTION, NULL);
  ImageDiff diff = image_diff (reduced, full, 64);

  g_test_message ("%.3f%% of pixels differ by more than 64, mean difference %.3f",
                  diff.share * 100, diff.mean);
  g_assert_cmpfloat (diff.share, <=, REDUCTION_SHARE);
  g_assert_cmpfloat (diff.mean, <=, REDUCTION_MEAN);
  cairo_surface_destroy (reduced);
  cairo_surface_destroy (full);
}

/* Bands and scatter points reduce too; the same bound holds. (A band
 * whose edges zig-zag at every point is not covered: its fill is a
 * texture of partial pixels that four points per column cannot repeat.) */
static void
test_reduction_other_kinds (void)
{
  const gsize n = 200000;
  g_autoptr (PlateauChart) chart = plateau_chart_new ();
  g_autofree double *x = g_new (double, n), *y = g_new (double, n);
  g_autofree double *lo = g_new (double, n), *hi = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      double u = (double) i / (n - 1);

      x[i] = u * 100;
      y[i] = sin (u * 9) + 0.2 * sin (i * 0.7);
      lo[i] = sin (u * 9) - 0.5 - 0.1 * u;
      hi[i] = sin (u * 9) + 0.5 + 0.1 * u;
    }
  plateau_chart_add_band (chart, "band", x, lo, hi, n);
  plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER, "points", x, y, n / 10);
  plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "line", x, y, n);

  assert_reduced_like_full (chart);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* How many straight segments (SVG "L" commands) the drawing of @chart has. */
static guint
count_svg_segments (const PlateauChart *chart)
{
  g_autoptr (GString) svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes, svg, 400, 260);
  cairo_t *cr = cairo_create (surface);
  guint n = 0;

  plateau_chart_render (chart, light (), cr, 400, 260, 0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  for (const char *p = svg->str; (p = strstr (p, " L ")) != NULL; p++)
    n++;

  return n;
}

typedef enum
{
  WITH_BAND = 1 << 0,
  WITH_AREA = 1 << 1,
  WITH_TREND = 1 << 2,        /* dashed */
  WITH_CURVE = 1 << 3,        /* an area under a sine */
} StraightSeries;

static PlateauChart *
straight_and_curved (gsize          n,
                     StraightSeries series)
{
  PlateauChart *chart = plateau_chart_new ();
  g_autofree double *x = g_new (double, n), *y = g_new (double, n), *t = g_new (double, n);
  g_autofree double *lo = g_new (double, n), *hi = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      double u = (double) i / (n - 1);

      x[i] = u * 100;
      t[i] = 2 - 1.5 * u;
      lo[i] = t[i] - 0.4 - 0.2 * u;
      hi[i] = t[i] + 0.4 + 0.2 * u;
      y[i] = t[i] + 0.6 * sin (u * 7);
    }
  if (series & WITH_BAND)
    plateau_chart_add_band (chart, "band", x, lo, hi, n);
  if (series & WITH_AREA)
    plateau_chart_add_series (chart, PLATEAU_SERIES_AREA, "area", x, lo, n);
  if (series & WITH_TREND)
    plateau_chart_series_set_dashed (plateau_chart_add_series (chart, PLATEAU_SERIES_LINE,
                                                               "trend", x, t, n), TRUE);
  if (series & WITH_CURVE)
    plateau_chart_add_series (chart, PLATEAU_SERIES_AREA, "curve", x, y, n);

  return chart;
}

static void
assert_reduction_close (StraightSeries series)
{
  g_autoptr (PlateauChart) chart = straight_and_curved (100000, series);

  assert_reduced_like_full (chart);
}

/* A dense straight trend, band and area keep only the ends of their
 * straight stretches: their drawing has as many segments as that of the
 * same lines through two points (axes, grid and legend included, give or
 * take a few), where every column's points would give thousands. A curve
 * keeps its shape: both stay within the reduction's bounds (above) of
 * drawing every point. */
static void
test_reduction_straight_stretches (void)
{
  StraightSeries straight = WITH_BAND | WITH_AREA | WITH_TREND;
  g_autoptr (PlateauChart) two_points = straight_and_curved (2, straight);
  g_autoptr (PlateauChart) dense = straight_and_curved (100000, straight);
  g_autoptr (PlateauChart) curved = straight_and_curved (100000, straight | WITH_CURVE);
  guint n_two = count_svg_segments (two_points), n_dense = count_svg_segments (dense);
  guint n_curved = count_svg_segments (curved);

  g_test_message ("%u segments for two points, %u for 100,000, %u with a curve", n_two, n_dense,
                  n_curved);
  g_assert_cmpuint (n_dense, <=, n_two + 6);
  g_assert_cmpuint (n_curved, >, n_dense + 50);

  assert_reduction_close (WITH_BAND | WITH_TREND);
  assert_reduction_close (WITH_BAND | WITH_CURVE);
}

typedef struct
{
  const char *name;
  double x[3];
  double y[3];
  gsize n;
  gboolean log;
  gboolean expect_data;
} Degenerate;

static void
test_degenerate_data (void)
{
  static const Degenerate cases[] = {
    { "nothing", { 0 }, { 0 }, 0, FALSE, FALSE },
    { "one value", { 2020 }, { 1.5 }, 1, FALSE, TRUE },
    { "all equal", { 1, 2, 3 }, { 4, 4, 4 }, 3, FALSE, TRUE },
    { "all zero", { 1, 2, 3 }, { 0, 0, 0 }, 3, FALSE, TRUE },
    { "zero x span", { 5, 5, 5 }, { 1, 2, 3 }, 3, FALSE, TRUE },
    { "nothing finite", { NAN, INFINITY, 1 }, { 1, 2, NAN }, 3, FALSE, FALSE },
    { "no positive value on a log axis", { 1, 2, 3 }, { 0, -1, -2 }, 3, TRUE, FALSE },
    { "one positive value on a log axis", { 1, 2, 3 }, { 0, 7, -2 }, 3, TRUE, TRUE },
    { "a narrow range on a log axis", { 1, 2, 3 }, { 103, 120, 131 }, 3, TRUE, TRUE },
    { "huge values", { -1e308, 0, 1e308 }, { 1e308, -1e308, 0 }, 3, FALSE, TRUE },
    { "the largest doubles", { -1.7e308, 0, 1.7e308 }, { 1.7e308, -1.7e308, 0 }, 3, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Degenerate *c = &cases[i];
      g_autoptr (PlateauChart) chart = plateau_chart_new ();
      gboolean drew = FALSE;

      g_test_message ("%s", c->name);
      plateau_chart_set_title (chart, c->name);
      if (c->log)
        plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_Y, PLATEAU_SCALE_LOG);
      plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "data", c->x, c->y, c->n);
      plateau_chart_add_series (chart, PLATEAU_SERIES_SCATTER, NULL, c->x, c->y, c->n);
      cairo_surface_destroy (draw (chart, 320, 200, 0, &drew));
      g_assert_cmpint (drew, ==, c->expect_data);
    }
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Not a NaN or an infinity may reach the output, even from data full of
 * them: the SVG text would show it. */
static void
test_no_nan_in_output (void)
{
  double x[] = { 1, 2, NAN, 4, 5, INFINITY, 7 };
  double y[] = { 1, NAN, 3, -INFINITY, 5, 6, 1e300 };
  g_autoptr (PlateauChart) chart = plateau_chart_new ();
  g_autoptr (GString) svg = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "line", x, y, 7);
  plateau_chart_add_series (chart, PLATEAU_SERIES_AREA, "area", x, y, 7);
  plateau_chart_add_band (chart, "band", x, y, y, 7);
  plateau_chart_add_series (chart, PLATEAU_SERIES_BAR, "bar", x, y, 7);
  plateau_chart_add_marker (chart, PLATEAU_MARKER_POINT, NAN, 1, "nowhere");
  plateau_chart_add_annotation (chart, INFINITY, 2, "nowhere either");

  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, 400, 300);
  cr = cairo_create (surface);
  g_assert_true (plateau_chart_render (chart, light (), cr, 400, 300, 0));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (svg->len, >, 0);
  g_assert_null (strstr (svg->str, "nan"));
  g_assert_null (strstr (svg->str, "inf"));
}

static void
test_any_size (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 2, 2 }, { 12, 9 }, { 60, 40 }, { 150, 90 },
                                  { 2000, 60 }, { 60, 1500 } };

  for (guint k = 0; k < N_SAMPLES; k++)
    {
      g_autoptr (PlateauChart) chart = sample_chart (k);

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        cairo_surface_destroy (draw (chart, sizes[i][0], sizes[i][1], 0, NULL));
    }
}

/* Chinese text must come out as glyphs of a real font, not boxes. */
static void
test_cjk_glyphs (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  for (guint role = 0; role < PLATEAU_THEME_N_FONTS; role++)
    {
      PangoFontDescription *desc = plateau_theme_font (light (), role);

      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, "技术投资回报率下降 · 氢能 · Return on investment", -1);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
      pango_font_description_free (desc);
    }

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A long title wraps and is then cut with an ellipsis; nothing may be
 * drawn in the right margin. */
static void
test_long_title_stays_inside (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_ROI);
  const int width = 360, height = 240;
  int margin = (int) light ()->margin;
  cairo_surface_t *image;
  const guint8 *px;
  int stride;

  plateau_chart_set_title (chart, "A title far too long for the width of this chart, written "
                                  "as analysts do when a slide needs to say everything at once "
                                  "技术投资回报率下降");
  plateau_chart_set_caption (chart, "And a caption that goes on and on, explaining the figure "
                                    "in words that will not fit on one line or even on two of "
                                    "them, so it too must be cut short somewhere sensible");
  image = draw (chart, width, height, 0, NULL);
  px = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);

  for (int y = 0; y < height; y++)
    for (int x = width - margin + 2; x < width; x++)
      g_assert_cmpuint (*(const guint32 *) (px + y * stride + x * 4), ==, 0xFFFFFFFF);

  cairo_surface_destroy (image);
}

static PlateauChart *
wide_labels_chart (double       x_lo,
                   double       x_hi,
                   PlateauScale scale)
{
  PlateauChart *chart = plateau_chart_new ();
  double x[50], y[50];

  for (int i = 0; i < 50; i++)
    {
      x[i] = scale == PLATEAU_SCALE_LOG ? x_lo * pow (x_hi / x_lo, i / 49.0)
                                        : x_lo + (x_hi - x_lo) * i / 49.0;
      y[i] = -123456.7 + 2.5e5 * sin (i * 0.3);
    }
  plateau_chart_set_axis_scale (chart, PLATEAU_AXIS_X, scale);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, "Investment", "units");
  plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "series", x, y, 50);

  return chart;
}

static void
assert_apart (GArray  *boxes,
              gboolean along_x,
              double   limit)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const PlateauChartRect *a = &g_array_index (boxes, PlateauChartRect, i);

      g_assert_cmpfloat (along_x ? a->x : a->y, >=, -0.01);
      g_assert_cmpfloat (along_x ? a->x + a->width : a->y + a->height, <=, limit + 0.01);
      for (guint k = i + 1; k < boxes->len; k++)
        {
          const PlateauChartRect *b = &g_array_index (boxes, PlateauChartRect, k);
          gboolean apart = along_x ? (a->x + a->width <= b->x || b->x + b->width <= a->x)
                                   : (a->y + a->height <= b->y || b->y + b->height <= a->y);

          g_assert_true (apart);
        }
    }
}

/* At every width and height, tick labels stay on the canvas and never
 * touch each other. */
static void
test_labels_never_collide (void)
{
  PlateauChart *charts[] = {
    wide_labels_chart (0, 950000, PLATEAU_SCALE_LINEAR),
    wide_labels_chart (1e-3, 1e9, PLATEAU_SCALE_LOG),
    wide_labels_chart (-0.000123, 0.000456, PLATEAU_SCALE_LINEAR),
    wide_labels_chart (1987, 2031, PLATEAU_SCALE_LINEAR),
    sample_chart (SAMPLE_PORTFOLIO),
    sample_chart (SAMPLE_ROI),
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint checked = 0;

  plateau_chart_set_axis_format (charts[3], PLATEAU_AXIS_X, PLATEAU_AXIS_FORMAT_YEAR);
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      for (int width = 140; width <= 1900; width += 47)
        {
          int height = 120 + (width * 7) % 700;
          PlateauChartLayout layout;

          g_test_message ("chart %u at %d × %d", c, width, height);
          if (plateau_chart_render_with_layout (charts[c], light (), cr, width, height, 0,
                                                &layout))
            {
              assert_apart (layout.x_labels, TRUE, width);
              assert_apart (layout.y_labels, FALSE, height);
              checked++;
            }
          plateau_chart_layout_clear (&layout);
        }
      plateau_chart_free (charts[c]);
    }

  g_assert_cmpuint (checked, >, 150);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/reduction/million-points", test_reduction_matches_full_drawing);
  g_test_add_func ("/render/reduction/other-kinds", test_reduction_other_kinds);
  g_test_add_func ("/render/reduction/straight-stretches", test_reduction_straight_stretches);
  g_test_add_func ("/render/degenerate", test_degenerate_data);
  g_test_add_func ("/render/no-nan-in-output", test_no_nan_in_output);
  g_test_add_func ("/render/any-size", test_any_size);
  g_test_add_func ("/render/cjk-glyphs", test_cjk_glyphs);
  g_test_add_func ("/render/long-title", test_long_title_stays_inside);
  g_test_add_func ("/render/labels-never-collide", test_labels_never_collide);

  return g_test_run ();
}
