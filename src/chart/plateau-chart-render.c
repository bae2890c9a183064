/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer: lays a chart out for a given size and draws it in steps —
 * background, titles, the header row, stage bands, grid, axes, series,
 * markers, labels, legend and caption. Sizes come from the theme in user
 * units, so the same drawing scales to any surface.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "plateau-chart-private.h"

#define GAP 8.0               /* the standard space between parts, at scale 1 */
#define MIN_PLOT 40.0

/**
 * plateau_axis_layout_place:
 * @axis: an axis with its range decided
 * @pixel_start: where its low end lands in user space
 * @pixel_end: where its high end lands
 *
 * Fixes the mapping from values to user space.
 */
void
plateau_axis_layout_place (PlateauAxisLayout *axis,
                           double             pixel_start,
                           double             pixel_end)
{
  double lo = axis->log ? log10 (axis->lo) : axis->lo;
  double hi = axis->log ? log10 (axis->hi) : axis->hi;

  axis->pixel_start = pixel_start;
  axis->pixel_end = pixel_end;
  /* Halves keep hi − lo finite for ranges near the ends of the doubles. */
  axis->slope = (pixel_end - pixel_start) / 2 / (hi / 2 - lo / 2);
  axis->offset = pixel_start - axis->slope * lo;
}

/**
 * plateau_render_series_color:
 * @render: a drawing
 * @series: one of its series
 * @index: the series' position
 *
 * Returns: (transfer none): the colour @series is drawn in.
 */
const PlateauRgba *
plateau_render_series_color (PlateauRender            *render,
                             const PlateauChartSeries *series,
                             guint                     index)
{
  return plateau_theme_series_color (render->theme, series->color >= 0 ? (guint) series->color
                                                                        : index);
}

/**
 * plateau_render_set_text:
 * @render: a drawing
 * @role: the text's role in the theme
 * @text: the text (not markup)
 * @width: the width to wrap to, or -1 for one unbounded line
 * @max_lines: wrap onto at most this many lines, ellipsizing the last
 *
 * Prepares the drawing's layout for one piece of text.
 */
void
plateau_render_set_text (PlateauRender   *render,
                         PlateauThemeFont role,
                         const char      *text,
                         double           width,
                         int              max_lines)
{
  PangoFontDescription *desc = plateau_theme_font (render->theme, role);

  pango_layout_set_font_description (render->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (render->layout, text != NULL ? text : "", -1);
  pango_layout_set_width (render->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (render->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (render->layout, width > 0 ? PANGO_ELLIPSIZE_END
                                                         : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (render->layout, -MAX (max_lines, 1));
  pango_layout_set_alignment (render->layout, PANGO_ALIGN_LEFT);
}

/**
 * plateau_render_text_size:
 * @render: a drawing
 * @width: (out): the width of the prepared text
 * @height: (out): its height
 *
 * Measures the text last given to plateau_render_set_text().
 */
void
plateau_render_text_size (PlateauRender *render,
                          double        *width,
                          double        *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (render->layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static void
show_text_at (PlateauRender     *render,
              double             x,
              double             y,
              const PlateauRgba *color)
{
  plateau_rgba_set_source (render->cr, color);
  cairo_move_to (render->cr, x, y);
  pango_cairo_show_layout (render->cr, render->layout);
  cairo_new_path (render->cr);
}

/* Text in a chart must not depend on the surface: unhinted outlines and
 * unrounded positions make a PNG at 4K the same picture as its PDF. So the
 * layout's context is not tied to the target's scale or surface either:
 * text is measured with the same fonts for the window, PNG, SVG and PDF,
 * and cairo draws those outlines at whatever scale the target has. Fonts
 * are then looked up (through fontconfig) once per size in the process,
 * not again for each new scale or kind of surface: that lookup was most of
 * the drawing time of a first SVG or PDF export. */
static PangoLayout *
create_layout (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);
  g_object_unref (context);

  return layout;
}

/* Gathers the finite range of the data on one axis. */
static gboolean
scan_data_range (PlateauRender *render,
                 PlateauAxisId  id,
                 double        *lo,
                 double        *hi)
{
  const PlateauChart *chart = render->chart;
  const PlateauAxisLayout *axis = id == PLATEAU_AXIS_X ? &render->x : &render->y;
  double min = INFINITY, max = -INFINITY;

#define TAKE(v) G_STMT_START { double v_ = (v); \
    if (plateau_axis_layout_accepts (axis, v_)) { min = MIN (min, v_); max = MAX (max, v_); } \
  } G_STMT_END

  for (guint i = 0; i < chart->series->len; i++)
    {
      const PlateauChartSeries *s = g_ptr_array_index (chart->series, i);
      const PlateauExtent *e = id == PLATEAU_AXIS_X ? &s->x_extent : &s->y_extent;

      TAKE (axis->log ? e->min_positive : e->min);
      TAKE (e->max);
    }

  for (guint i = 0; i < chart->stages->len && id == PLATEAU_AXIS_X; i++)
    {
      TAKE (g_array_index (chart->stages, PlateauChartStage, i).x_start);
      TAKE (g_array_index (chart->stages, PlateauChartStage, i).x_end);
    }
  for (guint i = 0; i < chart->markers->len; i++)
    {
      const PlateauChartMarker *m = &g_array_index (chart->markers, PlateauChartMarker, i);

      if (id == PLATEAU_AXIS_X)
        TAKE (m->x);
      else if (m->kind == PLATEAU_MARKER_POINT)
        TAKE (m->y);
    }
#undef TAKE

  *lo = min;
  *hi = max;

  return min <= max;
}

static gboolean
data_range (PlateauRender *render,
            PlateauAxisId  id,
            double        *lo,
            double        *hi)
{
  PlateauAxisLayout *axis = id == PLATEAU_AXIS_X ? &render->x : &render->y;

  *lo = axis->data_lo;
  *hi = axis->data_hi;
  return axis->have_data;
}

static gboolean
chart_has_kind (const PlateauChart *chart,
                PlateauSeriesKind   kind)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      if (((PlateauChartSeries *) g_ptr_array_index (chart->series, i))->kind == kind)
        return TRUE;
    }

  return FALSE;
}

/* A zero span (one value, all equal) still deserves an axis: open it
 * around the value. */
static void
widen_degenerate (const PlateauAxisLayout *axis,
                  double                  *lo,
                  double                  *hi)
{
  double v = (*lo + *hi) / 2;

  if (axis->spec->scale == PLATEAU_SCALE_LOG)
    {
      *lo = v / 3.16;
      *hi = v * 3.16;
    }
  else if (axis->spec->format == PLATEAU_AXIS_FORMAT_YEAR)
    {
      *lo = floor (v) - 1;
      *hi = ceil (v) + 1;
    }
  else
    {
      double d = v == 0 ? 1 : fabs (v) * 0.1;

      *lo = v - d;
      *hi = v + d;
    }
}

static void
pad_range (const PlateauAxisLayout *axis,
           double                  *lo,
           double                  *hi,
           double                   share)
{
  if (axis->log)
    {
      double d = (log10 (*hi) - log10 (*lo)) * share;

      *lo = pow (10, log10 (*lo) - d);
      *hi = pow (10, log10 (*hi) + d);
    }
  else
    {
      double d = (*hi / 2 - *lo / 2) * 2 * share;

      /* Near the ends of the doubles there is no room to pad. */
      if (isfinite (*lo - d) && isfinite (*hi + d))
        {
          *lo -= d;
          *hi += d;
        }
    }
}

/* The range of an axis before ticks: the data's, padded or widened as its
 * kind needs, then overridden by any fixed end. */
static gboolean
axis_range (PlateauRender *render,
            PlateauAxisId  id,
            double        *lo,
            double        *hi)
{
  PlateauAxisLayout *axis = id == PLATEAU_AXIS_X ? &render->x : &render->y;
  const PlateauChart *chart = render->chart;
  gboolean has_data = data_range (render, id, lo, hi);

  if (id == PLATEAU_AXIS_X && chart->categories != NULL && chart->categories->len > 0)
    {
      *lo = -0.5;
      *hi = chart->categories->len - 0.5;
      return TRUE;
    }
  if (!has_data)
    return FALSE;

  if (id == PLATEAU_AXIS_Y && axis->spec->scale == PLATEAU_SCALE_LINEAR
      && (axis->spec->include_zero || chart_has_kind (chart, PLATEAU_SERIES_BAR)
          || chart_has_kind (chart, PLATEAU_SERIES_AREA)))
    {
      *lo = MIN (*lo, 0);
      *hi = MAX (*hi, 0);
    }
  /* Points at the very edge of the plot would be cut in half. */
  if (id == PLATEAU_AXIS_X && chart_has_kind (chart, PLATEAU_SERIES_SCATTER) && *hi > *lo)
    pad_range (axis, lo, hi, 0.03);

  if (isfinite (axis->spec->fixed_min))
    *lo = axis->spec->fixed_min;
  if (isfinite (axis->spec->fixed_max))
    *hi = axis->spec->fixed_max;
  if (!(*hi > *lo) || (*hi / 2 - *lo / 2) < MAX (fabs (*lo), fabs (*hi)) * 1e-12)
    widen_degenerate (axis, lo, hi);

  return isfinite (*lo) && isfinite (*hi) && *hi > *lo;
}

static gboolean
compute_ticks (PlateauAxisLayout *axis,
               double             lo,
               double             hi,
               guint              max_ticks,
               gboolean           extend)
{
  gboolean integers = axis->spec->format == PLATEAU_AXIS_FORMAT_YEAR;

  if (axis->spec->scale == PLATEAU_SCALE_LOG)
    return plateau_ticks_log (lo, hi, max_ticks, extend, &axis->ticks);

  return plateau_ticks_linear (lo, hi, max_ticks, extend, integers, &axis->ticks);
}

static void
category_ticks (PlateauRender *render)
{
  PlateauTicks *ticks = &render->x.ticks;

  ticks->n = MIN (render->chart->categories->len, PLATEAU_TICKS_MAX);
  for (guint i = 0; i < ticks->n; i++)
    {
      ticks->ticks[i].mantissa = i;
      ticks->ticks[i].exponent = 0;
      ticks->ticks[i].value = i;
    }
  ticks->lo = render->x.lo;
  ticks->hi = render->x.hi;
}

static char *
tick_label (PlateauRender           *render,
            const PlateauAxisLayout *axis,
            guint                    i)
{
  if (axis == &render->x && render->chart->categories != NULL)
    return g_strdup (g_ptr_array_index (render->chart->categories, i));

  return plateau_ticks_format (&axis->ticks, i, axis->spec->format);
}

static double
max_label_width (PlateauRender           *render,
                 const PlateauAxisLayout *axis)
{
  double widest = 0;

  for (guint i = 0; i < axis->ticks.n; i++)
    {
      g_autofree char *text = tick_label (render, axis, i);
      double w, h;

      plateau_render_set_text (render, PLATEAU_THEME_FONT_TICK, text, -1, 1);
      plateau_render_text_size (render, &w, &h);
      widest = MAX (widest, w);
    }

  return widest;
}

static gboolean
layout_y (PlateauRender *render,
          double         height)
{
  double lo, hi;
  double line = render->theme->font_sizes[PLATEAU_THEME_FONT_TICK];
  guint max_ticks = (guint) CLAMP (height / (line * 3.2), 3, 9);

  if (!axis_range (render, PLATEAU_AXIS_Y, &lo, &hi))
    return FALSE;

  /* Extending to whole ticks fails only at the ends of the doubles; the
   * data's own range is then the axis. */
  if (!compute_ticks (&render->y, lo, hi, max_ticks, !isfinite (render->y.spec->fixed_min)
                                                        && !isfinite (render->y.spec->fixed_max))
      && !compute_ticks (&render->y, lo, hi, max_ticks, FALSE))
    return FALSE;

  render->y.lo = render->y.ticks.lo;
  render->y.hi = render->y.ticks.hi;
  return render->y.hi > render->y.lo;
}

/* Fewer ticks until every label fits in its share of the axis. */
static gboolean
layout_x (PlateauRender *render,
          double         width)
{
  /* Points alone leave the x axis loose, to whole ticks; a line or band
   * runs from its first point to its last, edge to edge. */
  gboolean extend = chart_has_kind (render->chart, PLATEAU_SERIES_SCATTER)
                    && !chart_has_kind (render->chart, PLATEAU_SERIES_LINE)
                    && !chart_has_kind (render->chart, PLATEAU_SERIES_BAND)
                    && !chart_has_kind (render->chart, PLATEAU_SERIES_AREA)
                    && !chart_has_kind (render->chart, PLATEAU_SERIES_STEP)
                    && render->x.spec->format != PLATEAU_AXIS_FORMAT_YEAR;
  double lo, hi;

  if (!axis_range (render, PLATEAU_AXIS_X, &lo, &hi))
    return FALSE;

  render->x.lo = lo;
  render->x.hi = hi;
  if (render->chart->categories != NULL && render->chart->categories->len > 0)
    {
      category_ticks (render);
      return TRUE;
    }

  for (guint max_ticks = (guint) CLAMP (width / 70, 2, 12); max_ticks >= 2; max_ticks--)
    {
      if (!compute_ticks (&render->x, lo, hi, max_ticks, extend)
          && !compute_ticks (&render->x, lo, hi, max_ticks, FALSE))
        return FALSE;

      if (max_ticks == 2
          || max_label_width (render, &render->x) + 2 * GAP <= width / MAX (render->x.ticks.n, 1))
        break;
    }

  render->x.lo = render->x.ticks.lo;
  render->x.hi = render->x.ticks.hi;
  return render->x.hi > render->x.lo;
}

static double
last_label_overhang (PlateauRender *render,
                     double         plot_width)
{
  const PlateauTicks *ticks = &render->x.ticks;
  g_autofree char *text = NULL;
  double w, h, from_end;

  if (ticks->n == 0 || render->chart->categories != NULL)
    return 0;

  text = tick_label (render, &render->x, ticks->n - 1);
  plateau_render_set_text (render, PLATEAU_THEME_FONT_TICK, text, -1, 1);
  plateau_render_text_size (render, &w, &h);
  from_end = (render->x.hi - ticks->ticks[ticks->n - 1].value) / (render->x.hi - render->x.lo)
             * plot_width;
  if (render->x.spec->scale == PLATEAU_SCALE_LOG)
    from_end = (log10 (render->x.hi) - log10 (ticks->ticks[ticks->n - 1].value))
               / (log10 (render->x.hi) - log10 (render->x.lo)) * plot_width;

  return w / 2 - from_end;
}

static double
text_height (PlateauRender   *render,
             PlateauThemeFont role,
             const char      *text,
             double           width,
             int              max_lines)
{
  double w, h;

  if (text == NULL || *text == '\0')
    return 0;

  plateau_render_set_text (render, role, text, width, max_lines);
  plateau_render_text_size (render, &w, &h);
  return h;
}

static char *
axis_title (const PlateauChartAxis *axis)
{
  if (axis->label == NULL)
    return NULL;
  if (axis->unit == NULL)
    return g_strdup (axis->label);

  /* TRANSLATORS: an axis title: what it measures and its unit. */
  return g_strdup_printf (_("%s (%s)"), axis->label, axis->unit);
}

typedef struct
{
  double title_h;
  double subtitle_h;
  double caption_h;
  double header_h;            /* the y axis title and perhaps the legend */
  double stage_h;             /* the strip of stage names above the plot */
  gboolean legend_in_header;
} Frame;

static void
measure_frame (PlateauRender *render,
               Frame         *frame)
{
  const PlateauChart *chart = render->chart;
  double inner = render->width - 2 * render->theme->margin;
  g_autofree char *y_title = axis_title (&chart->axes[PLATEAU_AXIS_Y]);

  frame->title_h = text_height (render, PLATEAU_THEME_FONT_TITLE, chart->title, inner, 2);
  frame->subtitle_h = text_height (render, PLATEAU_THEME_FONT_SUBTITLE, chart->subtitle, inner, 1);
  frame->caption_h = text_height (render, PLATEAU_THEME_FONT_CAPTION, chart->caption, inner, 2);
  frame->header_h = text_height (render, PLATEAU_THEME_FONT_AXIS_LABEL, y_title, inner, 1);
  frame->stage_h = chart->stages->len > 0
                   ? text_height (render, PLATEAU_THEME_FONT_ANNOTATION, "Ag", -1, 1) + 6 : 0;
}

static double
top_of_plot (PlateauRender *render,
             const Frame   *frame)
{
  double y = render->theme->margin + frame->title_h;

  if (frame->subtitle_h > 0)
    y += 2 + frame->subtitle_h;
  if (frame->title_h + frame->subtitle_h > 0)
    y += 2 * GAP;
  if (frame->header_h > 0)
    y += frame->header_h + GAP;

  return y + frame->stage_h;
}

/* Places the plot rectangle and both axes inside the frame. */
static gboolean
layout_plot (PlateauRender *render,
             const Frame   *frame,
             double         extra_top)
{
  const PlateauTheme *theme = render->theme;
  double tick_h = theme->font_sizes[PLATEAU_THEME_FONT_TICK] * 1.25;
  g_autofree char *x_title = axis_title (&render->chart->axes[PLATEAU_AXIS_X]);
  double top = top_of_plot (render, frame) + extra_top;
  double bottom = render->height - theme->margin, left, right, overhang;

  if (frame->caption_h > 0)
    bottom -= frame->caption_h + 1.5 * GAP;
  if (x_title != NULL)
    bottom -= text_height (render, PLATEAU_THEME_FONT_AXIS_LABEL, x_title, -1, 1) + GAP / 2;
  bottom -= tick_h + GAP;

  if (bottom - top < MIN_PLOT || !layout_y (render, bottom - top))
    return FALSE;

  left = theme->margin + max_label_width (render, &render->y) + GAP;
  right = render->width - theme->margin;
  if (right - left < MIN_PLOT || !layout_x (render, right - left))
    return FALSE;

  /* A label centred on the last tick must not stick out of the margin. */
  overhang = last_label_overhang (render, right - left);
  if (overhang > 0)
    {
      right -= overhang;
      if (right - left < MIN_PLOT || !layout_x (render, right - left))
        return FALSE;
    }

  render->plot = (PlateauRect) { left, top, right - left, bottom - top };
  plateau_axis_layout_place (&render->x, left, right);
  plateau_axis_layout_place (&render->y, bottom, top);

  return TRUE;
}

static void
draw_background (PlateauRender *render)
{
  if (render->flags & PLATEAU_RENDER_TRANSPARENT)
    return;

  plateau_rgba_set_source (render->cr, &render->theme->background);
  cairo_rectangle (render->cr, 0, 0, render->width, render->height);
  cairo_fill (render->cr);
}

static void
draw_titles (PlateauRender *render,
             const Frame   *frame)
{
  const PlateauTheme *theme = render->theme;
  double inner = render->width - 2 * theme->margin;
  double y = theme->margin;

  if (frame->title_h > 0)
    {
      plateau_render_set_text (render, PLATEAU_THEME_FONT_TITLE, render->chart->title, inner, 2);
      show_text_at (render, theme->margin, y, &theme->foreground);
      y += frame->title_h + 2;
    }
  if (frame->subtitle_h > 0)
    {
      plateau_render_set_text (render, PLATEAU_THEME_FONT_SUBTITLE, render->chart->subtitle,
                               inner, 1);
      show_text_at (render, theme->margin, y, &theme->muted);
    }
  if (frame->caption_h > 0)
    {
      plateau_render_set_text (render, PLATEAU_THEME_FONT_CAPTION, render->chart->caption,
                               inner, 2);
      show_text_at (render, theme->margin, render->height - theme->margin - frame->caption_h,
                    &theme->foreground);
    }
}

static void
draw_stages (PlateauRender *render)
{
  const PlateauRect *p = &render->plot;
  const PlateauTheme *theme = render->theme;
  cairo_t *cr = render->cr;

  for (guint i = 0; i < render->chart->stages->len; i++)
    {
      const PlateauChartStage *st = &g_array_index (render->chart->stages, PlateauChartStage, i);
      double x0, x1, w, h;

      if (!plateau_axis_layout_accepts (&render->x, st->x_start)
          || !plateau_axis_layout_accepts (&render->x, st->x_end))
        continue;

      x0 = CLAMP (plateau_axis_layout_map (&render->x, st->x_start), p->x, p->x + p->width);
      x1 = CLAMP (plateau_axis_layout_map (&render->x, st->x_end), p->x, p->x + p->width);
      if (x1 - x0 < 1)
        continue;

      cairo_rectangle (cr, x0, p->y, x1 - x0, p->height);
      if (render->flags & PLATEAU_RENDER_TRANSPARENT)
        plateau_rgba_set_source (cr, &theme->stages[st->stage]);
      else
        {
          /* Over the plain background, the blended colour painted opaque
           * looks the same and fills a large area several times faster. */
          PlateauRgba c = plateau_rgba_mix (&theme->background, &theme->stages[st->stage],
                                            theme->stages[st->stage].alpha);

          c.alpha = 1;
          plateau_rgba_set_source (cr, &c);
        }
      cairo_fill (cr);

      if (st->label == NULL || x1 - x0 < 24)
        continue;
      plateau_render_set_text (render, PLATEAU_THEME_FONT_ANNOTATION, st->label, x1 - x0 - 6, 1);
      plateau_render_text_size (render, &w, &h);
      show_text_at (render, (x0 + x1 - w) / 2, p->y - h - 4, &theme->stage_labels[st->stage]);
    }
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width)
{
  /* Centred on a pixel row at scale 1, so a 1-unit line stays crisp. */
  double snapped = fmod (width, 2) == 1 ? floor (y) + 0.5 : round (y);

  cairo_move_to (cr, x0, snapped);
  cairo_line_to (cr, x1, snapped);
}

static void
draw_grid (PlateauRender *render)
{
  const PlateauRect *p = &render->plot;
  const PlateauTheme *theme = render->theme;
  cairo_t *cr = render->cr;

  cairo_save (cr);
  cairo_set_line_width (cr, theme->grid_width);
  plateau_rgba_set_source (cr, &theme->grid);
  for (guint i = 0; render->y.spec->grid && i < render->y.ticks.n; i++)
    hline (cr, p->x, p->x + p->width,
           plateau_axis_layout_map (&render->y, render->y.ticks.ticks[i].value), theme->grid_width);
  for (guint i = 0; render->x.spec->grid && i < render->x.ticks.n; i++)
    {
      double x = round (plateau_axis_layout_map (&render->x, render->x.ticks.ticks[i].value));

      cairo_move_to (cr, x + 0.5, p->y);
      cairo_line_to (cr, x + 0.5, p->y + p->height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The base line, or the zero line when zero is inside the range, in the
 * axis colour so it reads stronger than the grid. */
static void
draw_axis_lines (PlateauRender *render)
{
  const PlateauRect *p = &render->plot;
  const PlateauTheme *theme = render->theme;
  cairo_t *cr = render->cr;
  double base = p->y + p->height;

  cairo_save (cr);
  cairo_set_line_width (cr, theme->axis_width);
  plateau_rgba_set_source (cr, &theme->axis);
  hline (cr, p->x, p->x + p->width, base, theme->axis_width);
  if (render->y.spec->scale == PLATEAU_SCALE_LINEAR && render->y.lo < 0 && render->y.hi > 0)
    hline (cr, p->x, p->x + p->width, plateau_axis_layout_map (&render->y, 0), theme->axis_width);

  for (guint i = 0; i < render->x.ticks.n; i++)
    {
      double x = plateau_axis_layout_map (&render->x, render->x.ticks.ticks[i].value);

      cairo_move_to (cr, x, base);
      cairo_line_to (cr, x, base + 5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
record_label (PlateauRender *render,
              gboolean       on_x,
              double         x,
              double         y,
              double         w,
              double         h)
{
  PlateauChartRect box = { x, y, w, h };
  PlateauChartLayout *out = render->layout_out;

  if (out == NULL)
    return;

  if (on_x)
    g_array_append_val (out->x_labels, box);
  else
    g_array_append_val (out->y_labels, box);
}

/* Labels are placed in order along the axis; one that would touch the
 * last placed label, or leave the canvas, is left out (its tick stays).
 * Tick counts are chosen so this is rare: it happens only when even the
 * fewest ticks do not fit, as in a very narrow widget. */
static void
draw_y_labels (PlateauRender *render)
{
  const PlateauRect *p = &render->plot;
  double last_top = INFINITY, w, h;

  for (guint i = 0; i < render->y.ticks.n; i++)
    {
      g_autofree char *text = tick_label (render, &render->y, i);
      double y = plateau_axis_layout_map (&render->y, render->y.ticks.ticks[i].value);

      plateau_render_set_text (render, PLATEAU_THEME_FONT_TICK, text, -1, 1);
      plateau_render_text_size (render, &w, &h);
      y -= h / 2;
      if (y + h > last_top || y < 0 || y + h > render->height || p->x - GAP - w < 0)
        continue;

      show_text_at (render, p->x - GAP - w, y, &render->theme->muted);
      record_label (render, FALSE, p->x - GAP - w, y, w, h);
      last_top = y;
    }
}

static void
draw_x_labels (PlateauRender *render)
{
  const PlateauRect *p = &render->plot;
  double slot = p->width / MAX (render->x.ticks.n, 1);
  double last_right = -INFINITY, w, h;

  for (guint i = 0; i < render->x.ticks.n; i++)
    {
      g_autofree char *text = tick_label (render, &render->x, i);
      double x = plateau_axis_layout_map (&render->x, render->x.ticks.ticks[i].value);

      /* Category names may be long: they share the axis equally. */
      plateau_render_set_text (render, PLATEAU_THEME_FONT_TICK, text,
                               render->chart->categories != NULL ? slot - 4 : -1, 1);
      plateau_render_text_size (render, &w, &h);
      x = CLAMP (x - w / 2, 0, render->width - w);
      if (x < last_right + GAP / 2 || x < 0 || x + w > render->width)
        continue;

      show_text_at (render, x, p->y + p->height + GAP, &render->theme->muted);
      record_label (render, TRUE, x, p->y + p->height + GAP, w, h);
      last_right = x + w;
    }
}


static void
draw_axis_titles (PlateauRender *render,
                  const Frame   *frame)
{
  const PlateauRect *p = &render->plot;
  g_autofree char *x_title = axis_title (&render->chart->axes[PLATEAU_AXIS_X]);
  g_autofree char *y_title = axis_title (&render->chart->axes[PLATEAU_AXIS_Y]);
  double tick_h = render->theme->font_sizes[PLATEAU_THEME_FONT_TICK] * 1.25, w, h;

  if (y_title != NULL)
    {
      plateau_render_set_text (render, PLATEAU_THEME_FONT_AXIS_LABEL, y_title,
                               render->width - 2 * render->theme->margin, 1);
      show_text_at (render, render->theme->margin,
                    p->y - frame->stage_h - GAP - frame->header_h, &render->theme->muted);
    }
  if (x_title != NULL)
    {
      plateau_render_set_text (render, PLATEAU_THEME_FONT_AXIS_LABEL, x_title, p->width, 1);
      plateau_render_text_size (render, &w, &h);
      show_text_at (render, p->x + (p->width - w) / 2, p->y + p->height + GAP + tick_h + GAP / 2,
                    &render->theme->muted);
    }
}

static void
draw_label_box (PlateauRender *render,
                double         x,
                double         y,
                double         w,
                double         h)
{
  plateau_rgba_set_source_alpha (render->cr, &render->theme->background, 0.85);
  cairo_rectangle (render->cr, x - 3, y - 1, w + 6, h + 2);
  cairo_fill (render->cr);
}

static void
draw_vline_marker (PlateauRender            *render,
                   const PlateauChartMarker *m)
{
  const PlateauRect *p = &render->plot;
  cairo_t *cr = render->cr;
  double x = plateau_axis_layout_map (&render->x, m->x), w, h;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.0, render->theme->line_width * 0.6));
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  plateau_rgba_set_source (cr, &render->theme->muted);
  cairo_move_to (cr, x, p->y);
  cairo_line_to (cr, x, p->y + p->height);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (m->label == NULL)
    return;
  plateau_render_set_text (render, PLATEAU_THEME_FONT_ANNOTATION, m->label, p->width / 3, 1);
  plateau_render_text_size (render, &w, &h);
  x = x + 6 + w <= p->x + p->width ? x + 6 : x - 6 - w;
  draw_label_box (render, x, p->y + 4, w, h);
  show_text_at (render, x, p->y + 4, &render->theme->foreground);
}

static void
draw_point_marker (PlateauRender            *render,
                   const PlateauChartMarker *m)
{
  const PlateauRect *p = &render->plot;
  cairo_t *cr = render->cr;
  double r = render->theme->marker_radius * 1.6, w, h;
  double x = plateau_axis_layout_map (&render->x, m->x);
  double y = plateau_axis_layout_map (&render->y, m->y);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  plateau_rgba_set_source (cr, &render->theme->background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (1.5, render->theme->line_width * 0.9));
  plateau_rgba_set_source (cr, &render->theme->foreground);
  cairo_stroke (cr);

  if (m->label == NULL)
    return;
  plateau_render_set_text (render, PLATEAU_THEME_FONT_ANNOTATION, m->label, p->width / 3, 1);
  plateau_render_text_size (render, &w, &h);
  x = x + r + 4 + w <= p->x + p->width ? x + r + 4 : x - r - 4 - w;
  y = CLAMP (y - r - h, p->y, p->y + p->height - h);
  draw_label_box (render, x, y, w, h);
  show_text_at (render, x, y, &render->theme->foreground);
}

static void
draw_markers (PlateauRender *render)
{
  for (guint i = 0; i < render->chart->markers->len; i++)
    {
      const PlateauChartMarker *m = &g_array_index (render->chart->markers, PlateauChartMarker, i);

      if (!plateau_axis_layout_accepts (&render->x, m->x))
        continue;
      if (m->kind == PLATEAU_MARKER_VLINE)
        draw_vline_marker (render, m);
      else if (plateau_axis_layout_accepts (&render->y, m->y))
        draw_point_marker (render, m);
    }
}

static void
draw_annotations (PlateauRender *render)
{
  const PlateauRect *p = &render->plot;

  for (guint i = 0; i < render->chart->annotations->len; i++)
    {
      const PlateauChartAnnotation *a = &g_array_index (render->chart->annotations,
                                                        PlateauChartAnnotation, i);
      double x, y, w, h;

      if (!plateau_axis_layout_accepts (&render->x, a->x)
          || !plateau_axis_layout_accepts (&render->y, a->y))
        continue;

      plateau_render_set_text (render, PLATEAU_THEME_FONT_ANNOTATION, a->text, p->width / 2, 2);
      plateau_render_text_size (render, &w, &h);
      x = CLAMP (plateau_axis_layout_map (&render->x, a->x), p->x, p->x + p->width - w);
      y = CLAMP (plateau_axis_layout_map (&render->y, a->y) - h, p->y, p->y + p->height - h);
      show_text_at (render, x, y, &render->theme->foreground);
    }
}

/* Nothing finite to draw: keep the titles, say so where the plot would be. */
static void
draw_empty (PlateauRender *render,
            const Frame   *frame)
{
  const PlateauTheme *theme = render->theme;
  const char *message = render->chart->empty_message != NULL ? render->chart->empty_message
                                                              : _("No data to draw");
  double top = top_of_plot (render, frame) - frame->stage_h;
  double bottom = render->height - theme->margin - (frame->caption_h > 0 ? frame->caption_h
                                                                          + GAP : 0);
  double inner = render->width - 2 * theme->margin, w, h;

  draw_titles (render, frame);
  if (bottom - top < 2 * theme->font_sizes[PLATEAU_THEME_FONT_SUBTITLE])
    return;

  cairo_save (render->cr);
  cairo_set_line_width (render->cr, theme->grid_width);
  cairo_set_dash (render->cr, (double[]) { 6, 4 }, 2, 0);
  plateau_rgba_set_source (render->cr, &theme->axis);
  cairo_rectangle (render->cr, theme->margin + 0.5, top + 0.5, inner - 1, bottom - top - 1);
  cairo_stroke (render->cr);
  cairo_restore (render->cr);

  plateau_render_set_text (render, PLATEAU_THEME_FONT_SUBTITLE, message, inner - 4 * GAP, 3);
  pango_layout_set_alignment (render->layout, PANGO_ALIGN_CENTER);
  plateau_render_text_size (render, &w, &h);
  show_text_at (render, theme->margin + 2 * GAP, (top + bottom - h) / 2, &theme->muted);
}

static void
render_clear (PlateauRender *render)
{
  g_clear_object (&render->layout);
  g_clear_pointer (&render->paths, g_ptr_array_unref);
  g_clear_pointer (&render->occupancy, g_free);
}

/* Lays out the plot and places the legend: inside the plot where the data
 * leaves room, else in the header row beside the y axis title, else in a
 * row of its own above it. */
static gboolean
layout_all (PlateauRender *render,
            Frame         *frame,
            double        *legend_x,
            double        *legend_y)
{
  double lw, lh, yw = 0, yh, inner = render->width - 2 * render->theme->margin;
  g_autofree char *y_title = axis_title (&render->chart->axes[PLATEAU_AXIS_Y]);

  if (!layout_plot (render, frame, 0))
    return FALSE;

  plateau_render_prepare_series (render);
  *legend_x = *legend_y = NAN;
  if (!render->chart->legend_visible || plateau_render_legend_inside (render, legend_x, legend_y))
    return TRUE;

  if (!plateau_render_legend_row_size (render, inner, &lw, &lh))
    return TRUE;
  if (y_title != NULL)
    {
      plateau_render_set_text (render, PLATEAU_THEME_FONT_AXIS_LABEL, y_title, -1, 1);
      plateau_render_text_size (render, &yw, &yh);
    }

  if (yw + 4 * GAP + lw <= inner && lh <= frame->header_h + 2)
    {
      *legend_x = render->width - render->theme->margin - lw;
      *legend_y = render->plot.y - frame->stage_h - GAP - frame->header_h;
      return TRUE;
    }

  if (!layout_plot (render, frame, lh + GAP))
    return FALSE;
  plateau_render_prepare_series (render);
  *legend_x = render->theme->margin;
  *legend_y = render->plot.y - frame->stage_h - GAP - frame->header_h
              - (frame->header_h > 0 ? 0 : 0) - lh - GAP;
  return TRUE;
}

/**
 * plateau_chart_layout_clear:
 * @layout: a layout filled by plateau_chart_render_with_layout()
 *
 * Frees what @layout holds.
 */
void
plateau_chart_layout_clear (PlateauChartLayout *layout)
{
  g_clear_pointer (&layout->x_labels, g_array_unref);
  g_clear_pointer (&layout->y_labels, g_array_unref);
}

static void
layout_begin (PlateauChartLayout *layout)
{
  memset (layout, 0, sizeof *layout);
  layout->x_labels = g_array_new (FALSE, FALSE, sizeof (PlateauChartRect));
  layout->y_labels = g_array_new (FALSE, FALSE, sizeof (PlateauChartRect));
}

static void
layout_finish (PlateauRender      *render,
               PlateauChartLayout *layout)
{
  layout->drew_data = TRUE;
  layout->plot = (PlateauChartRect) { render->plot.x, render->plot.y, render->plot.width,
                                      render->plot.height };
  layout->x_min = render->x.lo;
  layout->x_max = render->x.hi;
  layout->y_min = render->y.lo;
  layout->y_max = render->y.hi;
  layout->x_scale = render->x.spec->scale;
  layout->y_scale = render->y.spec->scale;
}

static void
draw_all (PlateauRender *render,
          const Frame   *frame,
          double         legend_x,
          double         legend_y)
{
  draw_stages (render);
  draw_grid (render);
  draw_axis_lines (render);
  plateau_render_series (render);
  draw_markers (render);
  draw_annotations (render);
  draw_y_labels (render);
  draw_x_labels (render);
  draw_axis_titles (render, frame);
  if (isfinite (legend_x))
    plateau_render_legend_draw (render, legend_x, legend_y);
  draw_titles (render, frame);
}

/**
 * plateau_chart_render_with_layout:
 * @chart: the chart to draw
 * @theme: the theme to draw it in
 * @cr: any cairo context: a widget's, an image's, an SVG or PDF page's
 * @width: the width to fill, in user units of @cr
 * @height: the height to fill
 * @flags: drawing options
 * @layout: (out caller-allocates) (optional): where the drawing put things;
 *   free with plateau_chart_layout_clear()
 *
 * Draws like plateau_chart_render() and reports the layout: the plot's
 * rectangle, the values at its edges and the boxes of the tick labels.
 *
 * Returns: %TRUE if the data was drawn, %FALSE if the empty state was.
 */
gboolean
plateau_chart_render_with_layout (const PlateauChart *chart,
                                  const PlateauTheme *theme,
                                  cairo_t            *cr,
                                  double              width,
                                  double              height,
                                  PlateauRenderFlags  flags,
                                  PlateauChartLayout *layout)
{
  PlateauRender render = { chart, theme, cr, flags, width, height };
  double dx = 1, dy = 0, legend_x, legend_y;
  gboolean drew = FALSE;
  Frame frame = { 0 };

  g_return_val_if_fail (chart != NULL && theme != NULL && cr != NULL, FALSE);
  if (layout != NULL)
    layout_begin (layout);
  if (!(width > 1 && height > 1))
    return FALSE;

  cairo_save (cr);
  cairo_user_to_device_distance (cr, &dx, &dy);
  render.device_scale = MAX (hypot (dx, dy), 1e-3);
  render.layout = create_layout ();
  render.layout_out = layout;
  render.x.spec = &chart->axes[PLATEAU_AXIS_X];
  render.y.spec = &chart->axes[PLATEAU_AXIS_Y];
  render.x.log = render.x.spec->scale == PLATEAU_SCALE_LOG;
  render.y.log = render.y.spec->scale == PLATEAU_SCALE_LOG;
  render.x.have_data = scan_data_range (&render, PLATEAU_AXIS_X, &render.x.data_lo,
                                        &render.x.data_hi);
  render.y.have_data = scan_data_range (&render, PLATEAU_AXIS_Y, &render.y.data_lo,
                                        &render.y.data_hi);

  draw_background (&render);
  measure_frame (&render, &frame);
  if (layout_all (&render, &frame, &legend_x, &legend_y))
    {
      draw_all (&render, &frame, legend_x, legend_y);
      if (layout != NULL)
        layout_finish (&render, layout);
      drew = TRUE;
    }
  else
    draw_empty (&render, &frame);

  render_clear (&render);
  cairo_restore (cr);
  return drew;
}

/**
 * plateau_chart_render:
 * @chart: the chart to draw
 * @theme: the theme to draw it in
 * @cr: any cairo context: a widget's, an image's, an SVG or PDF page's
 * @width: the width to fill, in user units of @cr
 * @height: the height to fill
 * @flags: drawing options
 *
 * Draws @chart into the rectangle (0, 0, @width, @height) of @cr. Text sizes
 * and line widths are the theme's, in user units: scale @cr to enlarge the
 * whole drawing. A chart with nothing finite to show draws its titles and a
 * short explanation instead of axes.
 *
 * Returns: %TRUE if the data was drawn, %FALSE if the empty state was.
 */
gboolean
plateau_chart_render (const PlateauChart *chart,
                      const PlateauTheme *theme,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      PlateauRenderFlags  flags)
{
  return plateau_chart_render_with_layout (chart, theme, cr, width, height, flags, NULL);
}

/**
 * plateau_chart_get_plot:
 * @chart: a chart
 * @theme: the theme it is drawn in
 * @cr: a context like the one it is drawn on (for text measurement)
 * @width: the width of the drawing, as given to plateau_chart_render()
 * @height: its height
 * @plot: (out): where the plot area lies and which data range it shows
 *
 * Lays @chart out as plateau_chart_render() would, without drawing, so that
 * a pointer position over the drawing can be turned back into data.
 *
 * Returns: %FALSE when the chart has nothing to plot at this size
 */
gboolean
plateau_chart_get_plot (const PlateauChart *chart,
                        const PlateauTheme *theme,
                        cairo_t            *cr,
                        double              width,
                        double              height,
                        PlateauChartPlot   *plot)
{
  PlateauRender render = { chart, theme, cr, 0, width, height };
  double dx = 1, dy = 0, legend_x, legend_y;
  Frame frame = { 0 };
  gboolean ok;

  g_return_val_if_fail (chart != NULL && theme != NULL && cr != NULL, FALSE);
  g_return_val_if_fail (plot != NULL, FALSE);
  *plot = (PlateauChartPlot) { 0 };
  if (!(width > 1 && height > 1))
    return FALSE;

  cairo_user_to_device_distance (cr, &dx, &dy);
  render.device_scale = MAX (hypot (dx, dy), 1e-3);
  render.layout = create_layout ();
  render.x.spec = &chart->axes[PLATEAU_AXIS_X];
  render.y.spec = &chart->axes[PLATEAU_AXIS_Y];
  render.x.log = render.x.spec->scale == PLATEAU_SCALE_LOG;
  render.y.log = render.y.spec->scale == PLATEAU_SCALE_LOG;
  render.x.have_data = scan_data_range (&render, PLATEAU_AXIS_X, &render.x.data_lo,
                                        &render.x.data_hi);
  render.y.have_data = scan_data_range (&render, PLATEAU_AXIS_Y, &render.y.data_lo,
                                        &render.y.data_hi);
  measure_frame (&render, &frame);
  ok = layout_all (&render, &frame, &legend_x, &legend_y);
  if (ok)
    {
      *plot = (PlateauChartPlot) {
        render.plot.x, render.plot.y, render.plot.width, render.plot.height,
        render.x.lo, render.x.hi, render.y.lo, render.y.hi,
        render.x.spec->scale, render.y.spec->scale,
      };
    }

  render_clear (&render);
  return ok;
}

/**
 * plateau_chart_plot_map:
 * @plot: a plot from plateau_chart_get_plot()
 * @axis: which axis
 * @value: a data value
 * @coordinate: (out): where @value lands, in user units of the drawing
 *
 * Returns: %FALSE when @value cannot be placed (not finite, or not positive
 * on a logarithmic axis)
 */
gboolean
plateau_chart_plot_map (const PlateauChartPlot *plot,
                        PlateauAxisId           axis,
                        double                  value,
                        double                 *coordinate)
{
  gboolean is_x = axis == PLATEAU_AXIS_X;
  PlateauScale scale = is_x ? plot->x_scale : plot->y_scale;
  double lo = is_x ? plot->x_min : plot->y_min, hi = is_x ? plot->x_max : plot->y_max;
  double t;

  if (!isfinite (value) || !(hi > lo) || (scale == PLATEAU_SCALE_LOG && !(value > 0 && lo > 0)))
    return FALSE;

  if (scale == PLATEAU_SCALE_LOG)
    t = (log10 (value) - log10 (lo)) / (log10 (hi) - log10 (lo));
  else
    t = (value - lo) / (hi - lo);

  *coordinate = is_x ? plot->x + t * plot->width : plot->y + (1 - t) * plot->height;
  return TRUE;
}
