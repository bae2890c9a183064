/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legend: a list of the named series with a swatch of how each is
 * drawn. It goes into a corner of the plot that the data leaves free, or
 * else in a row above the plot.
 */

#include "config.h"

#include <math.h>

#include "plateau-chart-private.h"

#define SWATCH 22.0
#define SWATCH_GAP 6.0
#define ENTRY_GAP 18.0
#define PANEL_PAD 8.0

static gboolean
listed (const PlateauChartSeries *series)
{
  return series->in_legend && series->name != NULL && *series->name != '\0';
}

static double
entry_width (PlateauRender            *render,
             const PlateauChartSeries *series,
             double                   *height)
{
  double w, h;

  plateau_render_set_text (render, PLATEAU_THEME_FONT_LEGEND, series->name, -1, 1);
  plateau_render_text_size (render, &w, &h);
  *height = h;

  return SWATCH + SWATCH_GAP + w;
}

/* The size of the legend stacked in a column. */
static gboolean
column_size (PlateauRender *render,
             double        *width,
             double        *height)
{
  guint n = 0;

  *width = *height = 0;
  for (guint i = 0; i < render->chart->series->len; i++)
    {
      const PlateauChartSeries *s = g_ptr_array_index (render->chart->series, i);
      double h;

      if (!listed (s))
        continue;
      *width = MAX (*width, entry_width (render, s, &h));
      *height += h + (n++ > 0 ? 3 : 0);
    }

  *width += 2 * PANEL_PAD;
  *height += 2 * PANEL_PAD;
  return n > 0;
}

/**
 * plateau_render_legend_row_size:
 * @render: a drawing
 * @max_width: the width available
 * @width: (out): the width of the legend laid out in rows
 * @height: (out): its height
 *
 * Returns: %FALSE when no series is listed.
 */
gboolean
plateau_render_legend_row_size (PlateauRender *render,
                                double         max_width,
                                double        *width,
                                double        *height)
{
  double row_w = 0, row_h = 0;
  guint n = 0;

  *width = *height = 0;
  for (guint i = 0; i < render->chart->series->len; i++)
    {
      const PlateauChartSeries *s = g_ptr_array_index (render->chart->series, i);
      double h, w;

      if (!listed (s))
        continue;
      w = entry_width (render, s, &h);
      if (row_w > 0 && row_w + ENTRY_GAP + w > max_width)
        {
          *width = MAX (*width, row_w);
          *height += row_h + 4;
          row_w = 0;
        }
      row_w += (row_w > 0 ? ENTRY_GAP : 0) + w;
      row_h = h;
      n++;
    }

  *width = MIN (MAX (*width, row_w), max_width);
  *height += row_h;
  render->legend_vertical = FALSE;
  render->legend_boxed = FALSE;
  return n > 0;
}

static gboolean
cells_free (PlateauRender *render,
            double         x,
            double         y,
            double         w,
            double         h)
{
  const PlateauRect *p = &render->plot;
  int c0 = (int) floor ((x - p->x) / p->width * PLATEAU_OCCUPANCY_COLUMNS);
  int c1 = (int) floor ((x + w - p->x) / p->width * PLATEAU_OCCUPANCY_COLUMNS);
  int r0 = (int) floor ((y - p->y) / p->height * PLATEAU_OCCUPANCY_ROWS);
  int r1 = (int) floor ((y + h - p->y) / p->height * PLATEAU_OCCUPANCY_ROWS);

  for (int r = MAX (r0, 0); r <= MIN (r1, PLATEAU_OCCUPANCY_ROWS - 1); r++)
    for (int c = MAX (c0, 0); c <= MIN (c1, PLATEAU_OCCUPANCY_COLUMNS - 1); c++)
      if (render->occupancy[r * PLATEAU_OCCUPANCY_COLUMNS + c])
        return FALSE;

  return TRUE;
}

/**
 * plateau_render_legend_inside:
 * @render: a drawing with prepared series
 * @x: (out): where the legend panel goes
 * @y: (out): where the legend panel goes
 *
 * Looks for a corner of the plot free of data, upper corners first.
 *
 * Returns: whether one was found.
 */
gboolean
plateau_render_legend_inside (PlateauRender *render,
                              double        *x,
                              double        *y)
{
  const PlateauRect *p = &render->plot;
  double w, h, inset = 10;

  if (!column_size (render, &w, &h) || w > p->width * 0.45 || h > p->height * 0.45)
    return FALSE;

  plateau_render_mark_occupancy (render);
  for (guint corner = 0; corner < 4; corner++)
    {
      double cx = corner % 2 == 0 ? p->x + p->width - inset - w : p->x + inset;
      double cy = corner < 2 ? p->y + inset : p->y + p->height - inset - h;

      if (cells_free (render, cx, cy, w, h))
        {
          *x = cx;
          *y = cy;
          render->legend_vertical = TRUE;
          render->legend_boxed = TRUE;
          return TRUE;
        }
    }

  return FALSE;
}

static void
draw_swatch (PlateauRender            *render,
             const PlateauChartSeries *series,
             const PlateauRgba        *color,
             double                    x,
             double                    mid)
{
  cairo_t *cr = render->cr;
  double lw = render->theme->line_width;

  switch (series->kind)
    {
    case PLATEAU_SERIES_SCATTER:
      cairo_arc (cr, x + SWATCH / 2, mid, render->theme->marker_radius, 0, 2 * G_PI);
      plateau_rgba_set_source (cr, color);
      cairo_fill (cr);
      break;
    case PLATEAU_SERIES_BAR:
      cairo_rectangle (cr, x + SWATCH / 2 - 6, mid - 6, 12, 12);
      plateau_rgba_set_source (cr, color);
      cairo_fill (cr);
      break;
    case PLATEAU_SERIES_BAND:
    case PLATEAU_SERIES_AREA:
      cairo_rectangle (cr, x, mid - 6, SWATCH, 12);
      plateau_rgba_set_source_alpha (cr, color, series->kind == PLATEAU_SERIES_BAND ? 0.3 : 0.22);
      cairo_fill (cr);
      if (series->kind == PLATEAU_SERIES_BAND)
        break;
      G_GNUC_FALLTHROUGH;
    case PLATEAU_SERIES_LINE:
    case PLATEAU_SERIES_STEP:
    default:
      cairo_save (cr);
      cairo_set_line_width (cr, lw);
      if (series->dashed)
        cairo_set_dash (cr, (double[]) { lw * 2.5, lw * 1.5 }, 2, 0);
      cairo_move_to (cr, x, series->kind == PLATEAU_SERIES_AREA ? mid - 6 : mid);
      cairo_line_to (cr, x + SWATCH, series->kind == PLATEAU_SERIES_AREA ? mid - 6 : mid);
      plateau_rgba_set_source (cr, color);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    }
}

static void
draw_panel (PlateauRender *render,
            double         x,
            double         y)
{
  cairo_t *cr = render->cr;
  double w, h;

  column_size (render, &w, &h);
  cairo_rectangle (cr, x, y, w, h);
  plateau_rgba_set_source_alpha (cr, &render->theme->background, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1);
  plateau_rgba_set_source (cr, &render->theme->grid);
  cairo_stroke (cr);
}

/**
 * plateau_render_legend_draw:
 * @render: a drawing whose legend was placed
 * @x: the legend's left edge
 * @y: its top edge
 *
 * Draws the legend as a panel inside the plot or as rows above it.
 */
void
plateau_render_legend_draw (PlateauRender *render,
                            double         x,
                            double         y)
{
  double right = render->width - render->theme->margin;
  double cx, cy;

  if (render->legend_boxed)
    {
      draw_panel (render, x, y);
      x += PANEL_PAD;
      y += PANEL_PAD;
    }

  cx = x;
  cy = y;
  for (guint i = 0; i < render->chart->series->len; i++)
    {
      const PlateauChartSeries *s = g_ptr_array_index (render->chart->series, i);
      double w, h;

      if (!listed (s))
        continue;
      w = entry_width (render, s, &h);
      if (!render->legend_vertical && cx > x && cx + w > right)
        {
          cx = x;
          cy += h + 4;
        }

      draw_swatch (render, s, plateau_render_series_color (render, s, i), cx, cy + h / 2);
      plateau_rgba_set_source (render->cr, &render->theme->foreground);
      cairo_move_to (render->cr, cx + SWATCH + SWATCH_GAP, cy);
      pango_cairo_show_layout (render->cr, render->layout);
      cairo_new_path (render->cr);

      if (render->legend_vertical)
        cy += h + 3;
      else
        cx += w + ENTRY_GAP;
    }
}
