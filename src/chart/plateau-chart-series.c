/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Series: mapping to user space, reduction to the surface's resolution, the
 * map of where data lies (for the legend), and drawing per kind.
 *
 * A series with many more points than pixel columns is reduced column by
 * column to its first, lowest, highest and last points, in their original
 * order: within a column the full line only travels between those
 * extremes, so the picture is the same while cairo gets a few thousand
 * segments instead of millions.
 *
 * Straight stretches of such a reduced line, band or area then keep only
 * their ends, within a thirty-second of a pixel.
 *
 * A solid line that dense is drawn as the outline of what its stroke
 * covers: per column, from the highest to the lowest point, widened by half
 * the line width. Stroking a zig-zag of thousands of tall segments costs
 * cairo tens of milliseconds; filling one outline costs one.
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "plateau-chart-private.h"

#define COORD_LIMIT 1e5   /* keeps cairo's fixed-point coordinates in range */
#define MANY_MARKERS 200  /* above this many, markers are stamped from an image */
#define STRAIGHT_TOLERANCE (1.0 / 32)   /* of a device pixel */

typedef struct
{
  gsize index;
  double x;
  double y;
} Sample;

typedef struct
{
  GArray *x;
  GArray *y;
  double scale;
  gboolean active;
  gint64 column;
  Sample first;
  Sample last;
  Sample low;
  Sample high;
} Reducer;

static void
append_point (GArray *xs,
              GArray *ys,
              double  x,
              double  y)
{
  g_array_append_val (xs, x);
  g_array_append_val (ys, y);
}

static int
compare_samples (const void *a,
                 const void *b)
{
  const Sample *sa = a, *sb = b;

  return (sa->index > sb->index) - (sa->index < sb->index);
}

static void
reducer_flush (Reducer *r)
{
  Sample samples[4] = { r->first, r->low, r->high, r->last };

  if (!r->active)
    return;

  qsort (samples, 4, sizeof (Sample), compare_samples);
  for (guint i = 0; i < 4; i++)
    {
      if (i == 0 || samples[i].index != samples[i - 1].index)
        append_point (r->x, r->y, samples[i].x, samples[i].y);
    }
  r->active = FALSE;
}

static void
reducer_push (Reducer *r,
              gsize    index,
              double   x,
              double   y)
{
  Sample s = { index, x, y };
  gint64 column = (gint64) floor (x * r->scale);

  if (r->active && column == r->column)
    {
      r->last = s;
      if (y < r->low.y)
        r->low = s;
      if (y > r->high.y)
        r->high = s;
      return;
    }

  reducer_flush (r);
  r->active = TRUE;
  r->column = column;
  r->first = r->last = r->low = r->high = s;
}

static void
reducer_gap (Reducer *r)
{
  double nan = NAN;

  reducer_flush (r);
  if (r->y->len > 0 && !isnan (g_array_index (r->y, double, r->y->len - 1)))
    append_point (r->x, r->y, nan, nan);
}

static double
clamp_coord (double v)
{
  return CLAMP (v, -COORD_LIMIT, COORD_LIMIT);
}

/* For series sorted by x, the points of one pixel column are found by
 * search instead of mapping every x: drawing then reads each y once, in a
 * tight loop, and a million points cost about a millisecond. */

static double
unmap (const PlateauAxisLayout *axis,
       double                   pixel)
{
  double v = (pixel - axis->offset) / axis->slope;

  return axis->log ? pow (10, v) : v;
}

/* The first index from @from on whose x reaches @bound. Most series are
 * evenly spaced, so the search starts where interpolation puts the answer
 * and gallops from there: a binary search over megabytes of x would miss
 * the cache at every step. */
static gsize
seek (const double *x,
      gsize         from,
      gsize         n,
      double        bound)
{
  double span = x[n - 1] - x[from];
  gsize lo = from, hi, step = 1;

  if (span > 0 && bound < x[n - 1])
    {
      double guess = from + (bound - x[from]) / span * (n - 1 - from);

      if (guess > from + 1 && guess < n)
        {
          lo = (gsize) guess - 1;
          /* Back off until x[lo] is below the bound again. */
          while (lo > from && x[lo] >= bound)
            {
              lo = lo > from + step ? lo - step : from;
              step *= 2;
            }
          step = 1;
        }
    }

  while (lo + step < n && x[lo + step] < bound)
    {
      lo += step;
      step *= 2;
    }
  hi = MIN (lo + step, n);
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (x[mid] < bound)
        lo = mid;
      else
        hi = mid;
    }

  return MAX (hi, from + 1);
}

typedef struct
{
  gsize i_min;
  gsize i_max;
} Span;

/* Finds the extremes of values[i..j); fails on a value that would need a
 * gap, so that the caller takes the general path. */
/* The common case: values known to be finite (and positive on a log
 * axis) need no test, and the loop is a plain search for the extremes. */
static void
scan_span_trusted (const double *values,
                   gsize         i,
                   gsize         j,
                   Span         *span)
{
  double lo = values[i], hi = values[i];
  gsize i_min = i, i_max = i;

  for (gsize k = i + 1; k < j; k++)
    {
      double v = values[k];

      if (v < lo)
        {
          lo = v;
          i_min = k;
        }
      if (v > hi)
        {
          hi = v;
          i_max = k;
        }
    }

  span->i_min = i_min;
  span->i_max = i_max;
}

static gboolean
scan_span (const PlateauAxisLayout *axis,
           const double            *values,
           const double            *other,
           gsize                    i,
           gsize                    j,
           Span                    *span)
{
  /* One range test rejects NaN, infinities and, on a log axis, values
   * that are not positive. */
  double floor_ok = axis->log ? DBL_MIN : -DBL_MAX;
  double lo = values[i], hi = values[i];
  gsize i_min = i, i_max = i;

  for (gsize k = i; k < j; k++)
    {
      double v = values[k];

      if (!(v >= floor_ok && v <= DBL_MAX))
        return FALSE;
      if (v < lo)
        {
          lo = v;
          i_min = k;
        }
      else if (v > hi)
        {
          hi = v;
          i_max = k;
        }
    }

  for (gsize k = i; other != NULL && k < j; k++)
    {
      if (!(other[k] >= floor_ok && other[k] <= DBL_MAX))
        return FALSE;
    }

  span->i_min = i_min;
  span->i_max = i_max;
  return TRUE;
}

static void
emit_column (PlateauRender            *render,
             const PlateauChartSeries *series,
             const double             *values,
             gsize                     i,
             gsize                     j,
             const Span               *span,
             GArray                   *xs,
             GArray                   *ys)
{
  gsize idx[4] = { i, span->i_min, span->i_max, j - 1 };

  /* Four indices: a sorting network puts them in drawing order. */
#define ORDER(a, b) if (idx[a] > idx[b]) { gsize t_ = idx[a]; idx[a] = idx[b]; idx[b] = t_; }
  ORDER (0, 1);
  ORDER (2, 3);
  ORDER (0, 2);
  ORDER (1, 3);
  ORDER (1, 2);
#undef ORDER

  for (guint k = 0; k < 4; k++)
    {
      if (k > 0 && idx[k] == idx[k - 1])
        continue;
      append_point (xs, ys, clamp_coord (plateau_axis_layout_map (&render->x, series->x[idx[k]])),
                    clamp_coord (plateau_axis_layout_map (&render->y, values[idx[k]])));
    }
}

/* Walks a sorted series column by column. With @bottom, writes each
 * column's centre and extent (an envelope); else its reduced points. */
static gboolean
reduce_sorted (PlateauRender            *render,
               const PlateauChartSeries *series,
               const double             *values,
               const double             *other,
               GArray                   *xs,
               GArray                   *ys,
               GArray                   *bottom)
{
  double scale = render->device_scale;
  gsize n = series->n, i = 0;
  gboolean trusted = series->all_finite
                     && (!render->y.log || series->y_extent.min > 0);
  Span span;

  while (i < n && !plateau_axis_layout_accepts (&render->x, series->x[i]))
    i++;

  while (i < n)
    {
      double px = plateau_axis_layout_map (&render->x, series->x[i]);
      double column = floor (clamp_coord (px) * scale);
      gsize j = seek (series->x, i, n, unmap (&render->x, (column + 1) / scale));

      if (trusted)
        scan_span_trusted (values, i, j, &span);
      else if (!scan_span (&render->y, values, other, i, j, &span))
        return FALSE;

      if (bottom != NULL)
        {
          double a = clamp_coord (plateau_axis_layout_map (&render->y, values[span.i_min]));
          double b = clamp_coord (plateau_axis_layout_map (&render->y, values[span.i_max]));
          double top = MIN (a, b), low = MAX (a, b), x = (column + 0.5) / scale;

          g_array_append_val (xs, x);
          g_array_append_val (ys, top);
          g_array_append_val (bottom, low);
        }
      else
        emit_column (render, series, values, i, j, &span, xs, ys);
      i = j;
    }

  return TRUE;
}

/* Maps one edge of a series into user space, reducing it unless told not
 * to; points the axes cannot show become gaps. */
static void
map_edge (PlateauRender            *render,
          const PlateauChartSeries *series,
          const double             *values,
          const double             *other,
          gboolean                  reduce,
          GArray                   *xs,
          GArray                   *ys)
{
  Reducer r = { xs, ys, render->device_scale, FALSE, 0 };

  if (reduce && series->x_sorted)
    {
      if (reduce_sorted (render, series, values, other, xs, ys, NULL))
        return;
      g_array_set_size (xs, 0);
      g_array_set_size (ys, 0);
    }

  for (gsize i = 0; i < series->n; i++)
    {
      double x = series->x[i], y = values[i];

      if (!plateau_axis_layout_accepts (&render->x, x)
          || !plateau_axis_layout_accepts (&render->y, y)
          || (other != NULL && !plateau_axis_layout_accepts (&render->y, other[i])))
        {
          reducer_gap (&r);
          continue;
        }

      x = clamp_coord (plateau_axis_layout_map (&render->x, x));
      y = clamp_coord (plateau_axis_layout_map (&render->y, y));
      if (reduce)
        reducer_push (&r, i, x, y);
      else
        append_point (xs, ys, x, y);
    }

  reducer_flush (&r);
}

/* Takes out the inner points of straight stretches of a reduced edge: a
 * trend or a band around it keeps a handful of points per column that
 * all lie on one line, and a vector file would print every one. A point
 * goes when the line from the last point kept to a later one passes within
 * @tolerance (vertically, so never farther across) of it and of every point
 * between. The window of slopes that keeps all of them in reach narrows
 * with each point, so one pass decides. Only points of strictly increasing
 * x are joined, so the line never doubles back, and gaps stay. */
static void
straighten_edge (GArray *xs,
                 GArray *ys,
                 double  tolerance)
{
  double *x = (double *) xs->data, *y = (double *) ys->data;
  gsize n = xs->len, out = 0, i = 0;

  while (i < n)
    {
      gsize anchor = i, end = i;
      double lo = -INFINITY, hi = INFINITY;

      x[out] = x[anchor];
      y[out] = y[anchor];
      out++;
      for (gsize k = anchor + 1; k < n && !isnan (y[anchor]); k++)
        {
          double dx = x[k] - x[anchor], slope;

          if (isnan (y[k]) || !(x[k] > x[k - 1]))
            break;
          slope = (y[k] - y[anchor]) / dx;
          if (slope < lo || slope > hi)
            break;
          lo = MAX (lo, (y[k] - tolerance - y[anchor]) / dx);
          hi = MIN (hi, (y[k] + tolerance - y[anchor]) / dx);
          end = k;
        }
      i = end > anchor ? end : anchor + 1;
    }

  g_array_set_size (xs, out);
  g_array_set_size (ys, out);
}

typedef struct
{
  GArray *x;
  GArray *top;
  GArray *bottom;
  gboolean active;
  gint64 column;
  double low;
  double high;
} Envelope;

static void
envelope_flush (Envelope *e,
                double    scale)
{
  double x = (e->column + 0.5) / scale;

  if (!e->active)
    return;

  g_array_append_val (e->x, x);
  g_array_append_val (e->top, e->low);
  g_array_append_val (e->bottom, e->high);
  e->active = FALSE;
}

static void
envelope_gap (Envelope *e,
              double    scale)
{
  double nan = NAN;

  envelope_flush (e, scale);
  if (e->x->len > 0 && !isnan (g_array_index (e->top, double, e->top->len - 1)))
    {
      g_array_append_val (e->x, nan);
      g_array_append_val (e->top, nan);
      g_array_append_val (e->bottom, nan);
    }
}

/* Widens each run of the outline by the stroke's radius, sideways over
 * neighbouring columns and up and down, as a round pen would. */
static void
dilate_envelope (GArray *top,
                 GArray *bottom,
                 int     columns,
                 double  radius)
{
  g_autofree double *t = g_memdup2 (top->data, top->len * sizeof (double));
  g_autofree double *b = g_memdup2 (bottom->data, bottom->len * sizeof (double));
  double *out_t = (double *) top->data, *out_b = (double *) bottom->data;
  gsize n = top->len;

  for (gsize i = 0; i < n; i++)
    {
      if (isnan (t[i]))
        continue;
      for (gsize k = i > (gsize) columns ? i - columns : 0; k <= i + columns && k < n; k++)
        {
          if (isnan (t[k]))
            continue;
          out_t[i] = MIN (out_t[i], t[k]);
          out_b[i] = MAX (out_b[i], b[k]);
        }
      out_t[i] -= radius;
      out_b[i] += radius;
    }
}

static void
map_envelope (PlateauRender            *render,
              const PlateauChartSeries *series,
              PlateauPath              *path)
{
  double scale = render->device_scale, radius = render->theme->line_width / 2;
  Envelope e = { path->x, path->y, path->y2, FALSE, 0, 0, 0 };

  if (series->x_sorted && reduce_sorted (render, series, series->y, NULL, path->x, path->y,
                                         path->y2))
    {
      dilate_envelope (path->y, path->y2, (int) floor (radius * scale), radius);
      path->envelope = TRUE;
      return;
    }
  g_array_set_size (path->x, 0);
  g_array_set_size (path->y, 0);
  g_array_set_size (path->y2, 0);

  for (gsize i = 0; i < series->n; i++)
    {
      double x = series->x[i], y = series->y[i];
      gint64 column;

      if (!plateau_axis_layout_accepts (&render->x, x)
          || !plateau_axis_layout_accepts (&render->y, y))
        {
          envelope_gap (&e, scale);
          continue;
        }

      x = clamp_coord (plateau_axis_layout_map (&render->x, x));
      y = clamp_coord (plateau_axis_layout_map (&render->y, y));
      column = (gint64) floor (x * scale);
      if (e.active && column == e.column)
        {
          e.low = MIN (e.low, y);
          e.high = MAX (e.high, y);
          continue;
        }
      envelope_flush (&e, scale);
      e.active = TRUE;
      e.column = column;
      e.low = e.high = y;
    }
  envelope_flush (&e, scale);

  dilate_envelope (path->y, path->y2, (int) floor (radius * scale), radius);
  path->envelope = TRUE;
}

/* Scatter points are reduced by dropping those whose pixel a later point
 * covers again, since the later one is drawn on top. */
static void
map_scatter (PlateauRender            *render,
             const PlateauChartSeries *series,
             gboolean                  reduce,
             PlateauPath              *path)
{
  double s = render->device_scale;
  gsize cols = (gsize) ceil (render->width * s) + 1, rows = (gsize) ceil (render->height * s) + 1;
  g_autofree guint8 *seen = reduce ? g_malloc0 ((cols * rows + 7) / 8) : NULL;
  g_autoptr (GArray) keep = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (gsize j = series->n; j-- > 0;)
    {
      double x = series->x[j], y = series->y[j];
      gsize cx, cy, bit;

      if (!plateau_axis_layout_accepts (&render->x, x)
          || !plateau_axis_layout_accepts (&render->y, y))
        continue;

      x = plateau_axis_layout_map (&render->x, x) * s;
      y = plateau_axis_layout_map (&render->y, y) * s;
      if (seen != NULL && x >= 0 && y >= 0 && x < cols && y < rows)
        {
          cx = (gsize) x;
          cy = (gsize) y;
          bit = cy * cols + cx;
          if (seen[bit / 8] & (1u << (bit % 8)))
            continue;
          seen[bit / 8] |= 1u << (bit % 8);
        }
      g_array_append_val (keep, j);
    }

  for (gsize k = keep->len; k-- > 0;)
    {
      gsize j = g_array_index (keep, gsize, k);

      append_point (path->x, path->y,
                    clamp_coord (plateau_axis_layout_map (&render->x, series->x[j])),
                    clamp_coord (plateau_axis_layout_map (&render->y, series->y[j])));
    }
}

static void
path_free (gpointer data)
{
  PlateauPath *path = data;

  g_array_unref (path->x);
  g_array_unref (path->y);
  g_clear_pointer (&path->x2, g_array_unref);
  g_clear_pointer (&path->y2, g_array_unref);
  g_free (path);
}

static PlateauPath *
prepare_one (PlateauRender            *render,
             const PlateauChartSeries *series)
{
  PlateauPath *path = g_new0 (PlateauPath, 1);
  gboolean reduce = !(render->flags & PLATEAU_RENDER_NO_REDUCTION)
                    && series->n > 4 * render->plot.width * render->device_scale;
  double tolerance = STRAIGHT_TOLERANCE / render->device_scale;

  path->x = g_array_new (FALSE, FALSE, sizeof (double));
  path->y = g_array_new (FALSE, FALSE, sizeof (double));

  if (series->kind == PLATEAU_SERIES_SCATTER)
    {
      map_scatter (render, series, reduce, path);
    }
  else if (series->kind == PLATEAU_SERIES_BAND)
    {
      path->x2 = g_array_new (FALSE, FALSE, sizeof (double));
      path->y2 = g_array_new (FALSE, FALSE, sizeof (double));
      map_edge (render, series, series->y, series->y2, reduce, path->x, path->y);
      map_edge (render, series, series->y2, series->y, reduce, path->x2, path->y2);
      if (reduce)
        {
          straighten_edge (path->x, path->y, tolerance);
          straighten_edge (path->x2, path->y2, tolerance);
        }
    }
  else if (reduce && series->kind == PLATEAU_SERIES_LINE && !series->dashed)
    {
      path->y2 = g_array_new (FALSE, FALSE, sizeof (double));
      map_envelope (render, series, path);
    }
  else
    {
      map_edge (render, series, series->y, NULL, reduce && series->kind != PLATEAU_SERIES_BAR,
                path->x, path->y);
      /* A step line's corners are not on the line between its points. */
      if (reduce && (series->kind == PLATEAU_SERIES_LINE || series->kind == PLATEAU_SERIES_AREA))
        straighten_edge (path->x, path->y, tolerance);
    }

  return path;
}

/**
 * plateau_render_prepare_series:
 * @render: a drawing whose axes are laid out
 *
 * Maps and reduces every series once, for the legend's placement and for
 * drawing.
 */
void
plateau_render_prepare_series (PlateauRender *render)
{
  g_clear_pointer (&render->paths, g_ptr_array_unref);
  render->paths = g_ptr_array_new_with_free_func (path_free);

  for (guint i = 0; i < render->chart->series->len; i++)
    g_ptr_array_add (render->paths,
                     prepare_one (render, g_ptr_array_index (render->chart->series, i)));
}

static void
mark_cell (PlateauRender *render,
           double         x,
           double         y)
{
  const PlateauRect *p = &render->plot;
  double cx = floor ((x - p->x) / p->width * PLATEAU_OCCUPANCY_COLUMNS);
  double cy = floor ((y - p->y) / p->height * PLATEAU_OCCUPANCY_ROWS);

  /* Tested as doubles: a NaN or infinite coordinate is simply outside. */
  if (cx >= 0 && cy >= 0 && cx < PLATEAU_OCCUPANCY_COLUMNS && cy < PLATEAU_OCCUPANCY_ROWS)
    render->occupancy[(int) cy * PLATEAU_OCCUPANCY_COLUMNS + (int) cx] = 1;
}

static void
mark_polyline (PlateauRender *render,
               const double  *xs,
               const double  *ys,
               gsize          n,
               gboolean       joined)
{
  double cell = MIN (render->plot.width / PLATEAU_OCCUPANCY_COLUMNS,
                     render->plot.height / PLATEAU_OCCUPANCY_ROWS) / 2;

  for (gsize i = 0; i < n; i++)
    {
      mark_cell (render, xs[i], ys[i]);
      if (!joined || i == 0 || isnan (ys[i]) || isnan (ys[i - 1]))
        continue;

      /* Walk the segment in half-cell steps so long segments count too. */
      double len = hypot (xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
      int steps = (int) MIN (len / cell, 4096);

      for (int k = 1; k < steps; k++)
        mark_cell (render, xs[i - 1] + (xs[i] - xs[i - 1]) * k / steps,
                   ys[i - 1] + (ys[i] - ys[i - 1]) * k / steps);
    }
}

/* Markers and notes are data too: the legend must not cover them. */
static void
mark_notes (PlateauRender *render)
{
  const PlateauChart *chart = render->chart;
  const PlateauRect *p = &render->plot;

  for (guint i = 0; i < chart->markers->len; i++)
    {
      const PlateauChartMarker *m = &g_array_index (chart->markers, PlateauChartMarker, i);
      double x, y, w = 0, h = 0;

      if (!plateau_axis_layout_accepts (&render->x, m->x))
        continue;
      x = plateau_axis_layout_map (&render->x, m->x);
      y = m->kind == PLATEAU_MARKER_POINT && plateau_axis_layout_accepts (&render->y, m->y)
          ? plateau_axis_layout_map (&render->y, m->y) : p->y;
      if (m->label != NULL)
        {
          plateau_render_set_text (render, PLATEAU_THEME_FONT_ANNOTATION, m->label, -1, 1);
          plateau_render_text_size (render, &w, &h);
        }

      if (m->kind == PLATEAU_MARKER_VLINE)
        mark_polyline (render, (double[]) { x, x }, (double[]) { p->y, p->y + p->height }, 2,
                       TRUE);
      /* The label sits beside the marker, on either side. */
      mark_polyline (render, (double[]) { x - w - 8, x + w + 8 }, (double[]) { y, y }, 2, TRUE);
      mark_polyline (render, (double[]) { x - w - 8, x + w + 8 }, (double[]) { y + h, y + h }, 2,
                     TRUE);
    }

  for (guint i = 0; i < chart->annotations->len; i++)
    {
      const PlateauChartAnnotation *a = &g_array_index (chart->annotations,
                                                        PlateauChartAnnotation, i);
      double w, h, x, y;

      if (!plateau_axis_layout_accepts (&render->x, a->x)
          || !plateau_axis_layout_accepts (&render->y, a->y))
        continue;
      plateau_render_set_text (render, PLATEAU_THEME_FONT_ANNOTATION, a->text, p->width / 2, 2);
      plateau_render_text_size (render, &w, &h);
      x = plateau_axis_layout_map (&render->x, a->x);
      y = plateau_axis_layout_map (&render->y, a->y);
      mark_polyline (render, (double[]) { x, x + w, x + w, x }, (double[]) { y - h, y - h, y, y },
                     4, TRUE);
    }
}

/**
 * plateau_render_mark_occupancy:
 * @render: a drawing with prepared series
 *
 * Fills the coarse map of the plot cells that data passes through.
 */
void
plateau_render_mark_occupancy (PlateauRender *render)
{
  g_free (render->occupancy);
  render->occupancy = g_malloc0 (PLATEAU_OCCUPANCY_COLUMNS * PLATEAU_OCCUPANCY_ROWS);

  for (guint i = 0; i < render->paths->len; i++)
    {
      const PlateauPath *path = g_ptr_array_index (render->paths, i);
      const PlateauChartSeries *series = g_ptr_array_index (render->chart->series, i);
      gboolean joined = series->kind != PLATEAU_SERIES_SCATTER;

      mark_polyline (render, (double *) path->x->data, (double *) path->y->data, path->x->len,
                     joined);
      if (path->y2 != NULL)
        mark_polyline (render, (double *) (path->envelope ? path->x : path->x2)->data,
                       (double *) path->y2->data, path->y2->len, joined);
    }
  mark_notes (render);
}

/* Strokes a polyline in pieces of a few dozen points. Cairo's scan
 * converter slows down with the square of the edges that cross one row,
 * and a dense zig-zag line has thousands; pieces keep that number small.
 * Each piece starts where the last ended, so the line stays continuous;
 * where pieces meet, the joint is drawn twice, which is invisible on an
 * opaque line. */
#define STROKE_PIECE 16

static void
stroke_polyline (cairo_t      *cr,
                 const double *xs,
                 const double *ys,
                 gsize         n,
                 gboolean      step,
                 gboolean      in_pieces)
{
  gboolean pen_down = FALSE;
  gsize in_piece = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (isnan (ys[i]))
        {
          pen_down = FALSE;
          continue;
        }

      if (!pen_down)
        cairo_move_to (cr, xs[i], ys[i]);
      else if (step)
        {
          cairo_line_to (cr, xs[i], ys[i - 1]);
          cairo_line_to (cr, xs[i], ys[i]);
        }
      else
        cairo_line_to (cr, xs[i], ys[i]);
      pen_down = TRUE;

      if (in_pieces && ++in_piece >= STROKE_PIECE)
        {
          cairo_stroke (cr);
          cairo_move_to (cr, xs[i], ys[i]);
          in_piece = 0;
        }
    }
  cairo_stroke (cr);
}

static void
stroke_line (PlateauRender            *render,
             const PlateauChartSeries *series,
             const PlateauPath        *path,
             const PlateauRgba        *color)
{
  cairo_t *cr = render->cr;
  double lw = render->theme->line_width;

  cairo_save (cr);
  cairo_set_line_width (cr, lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, series->dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (series->dashed)
    cairo_set_dash (cr, (double[]) { lw * 3, lw * 2 }, 2, 0);
  plateau_rgba_set_source (cr, color);
  /* A dash pattern would restart with every piece. */
  stroke_polyline (cr, (double *) path->x->data, (double *) path->y->data, path->x->len,
                   series->kind == PLATEAU_SERIES_STEP, !series->dashed);
  cairo_restore (cr);
}

/* Fills each run of a polyline down (or up) to a baseline. */
static void
fill_area (PlateauRender     *render,
           const PlateauPath *path,
           const PlateauRgba *color)
{
  const double *xs = (double *) path->x->data, *ys = (double *) path->y->data;
  double base = plateau_axis_layout_map (&render->y, render->y.lo <= 0 && render->y.hi >= 0
                                                      ? 0 : render->y.lo);
  cairo_t *cr = render->cr;
  gsize start = 0;

  for (gsize i = 0; i <= path->x->len; i++)
    {
      if (i < path->x->len && !isnan (ys[i]))
        continue;
      if (i > start)
        {
          cairo_move_to (cr, xs[start], base);
          for (gsize k = start; k < i; k++)
            cairo_line_to (cr, xs[k], ys[k]);
          cairo_line_to (cr, xs[i - 1], base);
          cairo_close_path (cr);
        }
      start = i + 1;
    }

  plateau_rgba_set_source_alpha (cr, color, 0.22);
  cairo_fill (cr);
}

static void
fill_band (PlateauRender     *render,
           const PlateauPath *path,
           const PlateauRgba *color)
{
  gsize n_low = path->x->len, n_high = path->x2->len;
  const double *lx = (double *) path->x->data, *ly = (double *) path->y->data;
  const double *hx = (double *) path->x2->data, *hy = (double *) path->y2->data;
  cairo_t *cr = render->cr;
  gsize lo_start = 0, hi_start = 0;

  /* Both edges have their gaps at the same places, so run r of one edge
   * pairs with run r of the other. */
  while (lo_start < n_low && hi_start < n_high)
    {
      gsize lo_end = lo_start, hi_end = hi_start;

      while (lo_end < n_low && !isnan (ly[lo_end]))
        lo_end++;
      while (hi_end < n_high && !isnan (hy[hi_end]))
        hi_end++;
      if (lo_end > lo_start && hi_end > hi_start)
        {
          cairo_move_to (cr, hx[hi_start], hy[hi_start]);
          for (gsize k = hi_start + 1; k < hi_end; k++)
            cairo_line_to (cr, hx[k], hy[k]);
          for (gsize k = lo_end; k-- > lo_start;)
            cairo_line_to (cr, lx[k], ly[k]);
          cairo_close_path (cr);
        }
      lo_start = lo_end + 1;
      hi_start = hi_end + 1;
    }

  plateau_rgba_set_source_alpha (cr, color, 0.20);
  cairo_fill (cr);
}

static void
fill_envelope (PlateauRender     *render,
               const PlateauPath *path,
               const PlateauRgba *color)
{
  const double *xs = (double *) path->x->data;
  const double *top = (double *) path->y->data, *bottom = (double *) path->y2->data;
  double half = 0.5 / render->device_scale;
  cairo_t *cr = render->cr;
  gsize start = 0;

  for (gsize i = 0; i <= path->x->len; i++)
    {
      if (i < path->x->len && !isnan (top[i]))
        continue;
      if (i > start)
        {
          /* Each column spans its whole pixel, plus the pen's radius at
           * the ends of a run. */
          double r = render->theme->line_width / 2;

          cairo_move_to (cr, xs[start] - half - r, top[start]);
          for (gsize k = start; k < i; k++)
            cairo_line_to (cr, xs[k], top[k]);
          cairo_line_to (cr, xs[i - 1] + half + r, top[i - 1]);
          cairo_line_to (cr, xs[i - 1] + half + r, bottom[i - 1]);
          for (gsize k = i; k-- > start;)
            cairo_line_to (cr, xs[k], bottom[k]);
          cairo_line_to (cr, xs[start] - half - r, bottom[start]);
          cairo_close_path (cr);
        }
      start = i + 1;
    }

  plateau_rgba_set_source (cr, color);
  cairo_fill (cr);
}

/* One marker: a disc with a ring of the background, which sets it off from
 * the line beneath and from its neighbours. */
static void
draw_marker (PlateauRender     *render,
             const PlateauRgba *color,
             double             x,
             double             y)
{
  cairo_t *cr = render->cr;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, render->theme->marker_radius, 0, 2 * G_PI);
  plateau_rgba_set_source (cr, color);
  cairo_fill_preserve (cr);
  plateau_rgba_set_source_alpha (cr, &render->theme->background, 0.9);
  cairo_stroke (cr);
}

/* Whether markers may be stamped from an image: on an image surface, with
 * no rotation or skew, there is no vector output to keep exact. */
static gboolean
can_stamp (cairo_t        *cr,
           cairo_matrix_t *matrix)
{
  cairo_get_matrix (cr, matrix);

  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE
         && matrix->xy == 0 && matrix->yx == 0 && matrix->xx > 0 && matrix->yy > 0;
}

/* Draws the marker once, into an image of whole device pixels whose centre
 * is the marker's centre. */
static cairo_surface_t *
make_stamp (PlateauRender        *render,
            const PlateauRgba    *color,
            const cairo_matrix_t *matrix,
            int                  *half)
{
  double reach = render->theme->marker_radius + MAX (1.0, render->theme->marker_radius * 0.35);
  int size = 2 * ((int) ceil (reach * MAX (matrix->xx, matrix->yy)) + 1);
  cairo_surface_t *stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *target = render->cr;

  render->cr = cairo_create (stamp);
  cairo_scale (render->cr, matrix->xx, matrix->yy);
  cairo_set_line_width (render->cr, cairo_get_line_width (target));
  draw_marker (render, color, size / 2.0 / matrix->xx, size / 2.0 / matrix->yy);
  cairo_destroy (render->cr);
  render->cr = target;

  *half = size / 2;
  return stamp;
}

/*
 * Thousands of markers are stamped: each is a copy of one drawn marker,
 * placed to the nearest device pixel, which costs a small fraction of
 * filling and stroking a circle. A dense scatter of 10,000 periods would
 * otherwise take a tenth of a second to draw, too slow to follow an edit.
 */
static void
stamp_markers (PlateauRender        *render,
               const PlateauPath    *path,
               const PlateauRgba    *color,
               const cairo_matrix_t *matrix)
{
  cairo_t *cr = render->cr;
  int half;
  cairo_surface_t *stamp = make_stamp (render, color, matrix, &half);

  cairo_identity_matrix (cr);
  for (guint i = 0; i < path->x->len; i++)
    {
      double x = g_array_index (path->x, double, i), y = g_array_index (path->y, double, i);
      double left, top;

      cairo_matrix_transform_point (matrix, &x, &y);
      left = floor (x + 0.5) - half;
      top = floor (y + 0.5) - half;
      cairo_set_source_surface (cr, stamp, left, top);
      cairo_rectangle (cr, left, top, 2 * half, 2 * half);
      cairo_fill (cr);
    }

  cairo_set_matrix (cr, matrix);
  cairo_surface_destroy (stamp);
}

static void
draw_scatter (PlateauRender     *render,
              const PlateauPath *path,
              const PlateauRgba *color)
{
  cairo_t *cr = render->cr;
  cairo_matrix_t matrix;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.0, render->theme->marker_radius * 0.35));
  /* Drawing without reduction is the exact reference: it strokes each one. */
  if (path->x->len > MANY_MARKERS && !(render->flags & PLATEAU_RENDER_NO_REDUCTION)
      && can_stamp (cr, &matrix))
    stamp_markers (render, path, color, &matrix);
  else
    for (guint i = 0; i < path->x->len; i++)
      draw_marker (render, color, g_array_index (path->x, double, i),
                   g_array_index (path->y, double, i));
  cairo_restore (cr);
}

/* The narrowest gap between consecutive x values, for bar widths. */
static double
bar_slot (PlateauRender *render)
{
  double slot = render->plot.width;

  for (guint i = 0; i < render->chart->series->len; i++)
    {
      const PlateauChartSeries *s = g_ptr_array_index (render->chart->series, i);

      for (gsize k = 1; s->kind == PLATEAU_SERIES_BAR && k < s->n; k++)
        {
          double d = fabs (plateau_axis_layout_map (&render->x, s->x[k])
                           - plateau_axis_layout_map (&render->x, s->x[k - 1]));
          if (d > 0.5)
            slot = MIN (slot, d);
        }
    }

  return MIN (slot, render->plot.width / 3);
}

static void
draw_value_label (PlateauRender *render,
                  double         cx,
                  double         top,
                  double         value,
                  gboolean       below)
{
  g_autofree char *text = NULL;
  double w, h;
  int decimals = fabs (value) >= 100 || value == round (value) ? 0 : fabs (value) >= 10 ? 1 : 2;

  if (render->y.spec->format == PLATEAU_AXIS_FORMAT_PERCENT)
    {
      g_autofree char *number = plateau_format_number (value * 100, 1);

      text = g_strconcat (number, "%", NULL);
    }
  else
    text = plateau_format_number (value, decimals);

  plateau_render_set_text (render, PLATEAU_THEME_FONT_ANNOTATION, text, -1, 1);
  plateau_render_text_size (render, &w, &h);
  plateau_rgba_set_source (render->cr, &render->theme->foreground);
  cairo_move_to (render->cr, cx - w / 2, below ? top + 4 : top - h - 3);
  pango_cairo_show_layout (render->cr, render->layout);
  cairo_new_path (render->cr);
}

static double
bar_left (PlateauRender            *render,
          const PlateauChartSeries *series,
          gsize                     i,
          guint                     bar_index,
          double                   *width)
{
  double slot = bar_slot (render) * 0.72;

  *width = slot / MAX (render->n_bar_series, 1);
  return plateau_axis_layout_map (&render->x, series->x[i]) - slot / 2 + bar_index * *width;
}

static double
bar_base (PlateauRender *render,
          double        *base_value)
{
  *base_value = render->y.lo <= 0 && render->y.hi >= 0 ? 0 : render->y.lo;
  return plateau_axis_layout_map (&render->y, *base_value);
}

static gboolean
bar_visible (PlateauRender            *render,
             const PlateauChartSeries *series,
             gsize                     i)
{
  return plateau_axis_layout_accepts (&render->x, series->x[i])
         && plateau_axis_layout_accepts (&render->y, series->y[i]);
}

static void
draw_bars (PlateauRender            *render,
           const PlateauChartSeries *series,
           guint                     bar_index,
           const PlateauRgba        *color)
{
  double base_value, base = bar_base (render, &base_value);
  cairo_t *cr = render->cr;

  for (gsize i = 0; i < series->n; i++)
    {
      double x, top, width;

      if (!bar_visible (render, series, i))
        continue;

      x = bar_left (render, series, i, bar_index, &width);
      top = clamp_coord (plateau_axis_layout_map (&render->y, series->y[i]));
      cairo_rectangle (cr, x + 0.5, MIN (top, base), width - 1, fabs (base - top));
    }
  plateau_rgba_set_source (cr, color);
  cairo_fill (cr);
}

/* Value labels go on after every bar is drawn, so no neighbour hides one. */
static void
label_bars (PlateauRender *render)
{
  double base_value, base = bar_base (render, &base_value);
  guint bar_index = 0;

  for (guint k = 0; k < render->chart->series->len; k++)
    {
      const PlateauChartSeries *s = g_ptr_array_index (render->chart->series, k);

      if (s->kind != PLATEAU_SERIES_BAR)
        continue;
      for (gsize i = 0; s->value_labels && i < s->n; i++)
        {
          double x, width, top;

          if (!bar_visible (render, s, i))
            continue;
          x = bar_left (render, s, i, bar_index, &width);
          top = clamp_coord (plateau_axis_layout_map (&render->y, s->y[i]));
          draw_value_label (render, x + width / 2, s->y[i] < base_value ? MAX (top, base)
                                                                          : MIN (top, base),
                            s->y[i], s->y[i] < base_value);
        }
      bar_index++;
    }
}

static void
draw_one (PlateauRender            *render,
          const PlateauChartSeries *series,
          const PlateauPath        *path,
          const PlateauRgba        *color,
          guint                    *bar_index)
{
  switch (series->kind)
    {
    case PLATEAU_SERIES_LINE:
    case PLATEAU_SERIES_STEP:
      if (path->envelope)
        fill_envelope (render, path, color);
      else
        stroke_line (render, series, path, color);
      break;
    case PLATEAU_SERIES_AREA:
      fill_area (render, path, color);
      stroke_line (render, series, path, color);
      break;
    case PLATEAU_SERIES_BAND:
      fill_band (render, path, color);
      break;
    case PLATEAU_SERIES_SCATTER:
      draw_scatter (render, path, color);
      break;
    case PLATEAU_SERIES_BAR:
      draw_bars (render, series, (*bar_index)++, color);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * plateau_render_series:
 * @render: a drawing with prepared series
 *
 * Draws the series in the order they were added, bands and bars first so
 * that lines and points stay on top, clipped to the plot.
 */
void
plateau_render_series (PlateauRender *render)
{
  const PlateauRect *p = &render->plot;
  double pad = render->theme->marker_radius + 2;
  guint bar_index = 0;

  render->n_bar_series = 0;
  for (guint i = 0; i < render->chart->series->len; i++)
    render->n_bar_series += ((PlateauChartSeries *) g_ptr_array_index (render->chart->series, i))
                              ->kind == PLATEAU_SERIES_BAR;

  cairo_save (render->cr);
  cairo_rectangle (render->cr, p->x - pad, p->y - pad, p->width + 2 * pad, p->height + 2 * pad);
  cairo_clip (render->cr);

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < render->chart->series->len; i++)
        {
          const PlateauChartSeries *s = g_ptr_array_index (render->chart->series, i);
          gboolean under = s->kind == PLATEAU_SERIES_BAND || s->kind == PLATEAU_SERIES_BAR
                           || s->kind == PLATEAU_SERIES_AREA;

          if (under == (pass == 0))
            draw_one (render, s, g_ptr_array_index (render->paths, i),
                      plateau_render_series_color (render, s, i), &bar_index);
        }
    }
  label_bars (render);

  cairo_restore (render->cr);
}
