/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart description: plain data with setters. Everything that depends on
 * the size of the drawing (ranges, ticks, layout) is decided by the renderer.
 */

#include "config.h"

#include <math.h>

#include "plateau-chart-private.h"

static void
series_free (gpointer data)
{
  PlateauChartSeries *series = data;

  g_free (series->name);
  g_free (series->x);
  g_free (series->y);
  g_free (series->y2);
  g_free (series);
}

static void
stage_clear (gpointer data)
{
  g_free (((PlateauChartStage *) data)->label);
}

static void
marker_clear (gpointer data)
{
  g_free (((PlateauChartMarker *) data)->label);
}

static void
annotation_clear (gpointer data)
{
  g_free (((PlateauChartAnnotation *) data)->text);
}

/**
 * plateau_chart_new:
 *
 * Returns: (transfer full): an empty chart with linear, automatic axes and
 * a visible legend.
 */
PlateauChart *
plateau_chart_new (void)
{
  PlateauChart *chart = g_new0 (PlateauChart, 1);

  for (guint i = 0; i < 2; i++)
    {
      chart->axes[i].fixed_min = NAN;
      chart->axes[i].fixed_max = NAN;
    }
  chart->axes[PLATEAU_AXIS_Y].grid = TRUE;

  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->stages = g_array_new (FALSE, FALSE, sizeof (PlateauChartStage));
  g_array_set_clear_func (chart->stages, stage_clear);
  chart->markers = g_array_new (FALSE, FALSE, sizeof (PlateauChartMarker));
  g_array_set_clear_func (chart->markers, marker_clear);
  chart->annotations = g_array_new (FALSE, FALSE, sizeof (PlateauChartAnnotation));
  g_array_set_clear_func (chart->annotations, annotation_clear);
  chart->legend_visible = TRUE;

  return chart;
}

/**
 * plateau_chart_free:
 * @chart: (nullable): a chart
 *
 * Frees @chart and the data it holds.
 */
void
plateau_chart_free (PlateauChart *chart)
{
  if (chart == NULL)
    return;

  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->caption);
  g_free (chart->empty_message);
  for (guint i = 0; i < 2; i++)
    {
      g_free (chart->axes[i].label);
      g_free (chart->axes[i].unit);
    }
  g_clear_pointer (&chart->categories, g_ptr_array_unref);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->stages);
  g_array_unref (chart->markers);
  g_array_unref (chart->annotations);
  g_free (chart);
}

/**
 * plateau_chart_set_title:
 * @chart: a chart
 * @title: (nullable): the title, drawn bold above the plot
 *
 * Long titles wrap onto a second line and are then ellipsized.
 */
void
plateau_chart_set_title (PlateauChart *chart,
                         const char   *title)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->title);
  chart->title = g_strdup (title);
}

/**
 * plateau_chart_set_subtitle:
 * @chart: a chart
 * @subtitle: (nullable): one line under the title
 *
 * Sets the subtitle, drawn in the muted colour.
 */
void
plateau_chart_set_subtitle (PlateauChart *chart,
                            const char   *subtitle)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->subtitle);
  chart->subtitle = g_strdup (subtitle);
}

/**
 * plateau_chart_set_caption:
 * @chart: a chart
 * @caption: (nullable): a sentence under the plot, usually the key figure
 *
 * Sets the caption.
 */
void
plateau_chart_set_caption (PlateauChart *chart,
                           const char   *caption)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->caption);
  chart->caption = g_strdup (caption);
}

/**
 * plateau_chart_get_title:
 * @chart: a chart
 *
 * Returns: (nullable): the title.
 */
const char *
plateau_chart_get_title (const PlateauChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->title;
}

/**
 * plateau_chart_get_caption:
 * @chart: a chart
 *
 * Returns: (nullable): the caption.
 */
const char *
plateau_chart_get_caption (const PlateauChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->caption;
}

/**
 * plateau_chart_set_axis_label:
 * @chart: a chart
 * @axis: which axis
 * @label: (nullable): what the axis measures
 * @unit: (nullable): its unit, shown in parentheses after the label
 *
 * Names an axis.
 */
void
plateau_chart_set_axis_label (PlateauChart  *chart,
                              PlateauAxisId  axis,
                              const char    *label,
                              const char    *unit)
{
  g_return_if_fail (chart != NULL && axis <= PLATEAU_AXIS_Y);

  g_free (chart->axes[axis].label);
  g_free (chart->axes[axis].unit);
  chart->axes[axis].label = g_strdup (label);
  chart->axes[axis].unit = (unit != NULL && *unit != '\0') ? g_strdup (unit) : NULL;
}

/**
 * plateau_chart_set_axis_scale:
 * @chart: a chart
 * @axis: which axis
 * @scale: linear or logarithmic
 *
 * On a logarithmic axis, values that are not positive are left out.
 */
void
plateau_chart_set_axis_scale (PlateauChart  *chart,
                              PlateauAxisId  axis,
                              PlateauScale   scale)
{
  g_return_if_fail (chart != NULL && axis <= PLATEAU_AXIS_Y);

  chart->axes[axis].scale = scale;
}

/**
 * plateau_chart_set_axis_format:
 * @chart: a chart
 * @axis: which axis
 * @format: how its tick labels read
 *
 * Chooses numbers, years or percentages for the tick labels.
 */
void
plateau_chart_set_axis_format (PlateauChart      *chart,
                               PlateauAxisId      axis,
                               PlateauAxisFormat  format)
{
  g_return_if_fail (chart != NULL && axis <= PLATEAU_AXIS_Y);

  chart->axes[axis].format = format;
}

/**
 * plateau_chart_set_axis_range:
 * @chart: a chart
 * @axis: which axis
 * @min: the lowest value shown, or NAN to follow the data
 * @max: the highest value shown, or NAN to follow the data
 *
 * Fixes either end of an axis.
 */
void
plateau_chart_set_axis_range (PlateauChart  *chart,
                              PlateauAxisId  axis,
                              double         min,
                              double         max)
{
  g_return_if_fail (chart != NULL && axis <= PLATEAU_AXIS_Y);

  chart->axes[axis].fixed_min = min;
  chart->axes[axis].fixed_max = max;
}

/**
 * plateau_chart_set_axis_include_zero:
 * @chart: a chart
 * @axis: which axis
 * @include_zero: whether the range always reaches zero
 *
 * Bars always include zero; this extends the rule to other kinds.
 */
void
plateau_chart_set_axis_include_zero (PlateauChart  *chart,
                                     PlateauAxisId  axis,
                                     gboolean       include_zero)
{
  g_return_if_fail (chart != NULL && axis <= PLATEAU_AXIS_Y);

  chart->axes[axis].include_zero = include_zero;
}

/**
 * plateau_chart_set_axis_grid:
 * @chart: a chart
 * @axis: which axis
 * @grid: whether its ticks get grid lines across the plot
 *
 * The y axis has grid lines by default, the x axis has none.
 */
void
plateau_chart_set_axis_grid (PlateauChart  *chart,
                             PlateauAxisId  axis,
                             gboolean       grid)
{
  g_return_if_fail (chart != NULL && axis <= PLATEAU_AXIS_Y);

  chart->axes[axis].grid = grid;
}

/**
 * plateau_chart_set_categories:
 * @chart: a chart
 * @labels: (array length=n_labels): the category names
 * @n_labels: how many
 *
 * Makes the x axis categorical: x value i stands for @labels[i], and the
 * ticks are the category names.
 */
void
plateau_chart_set_categories (PlateauChart      *chart,
                              const char *const *labels,
                              guint              n_labels)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->categories, g_ptr_array_unref);
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (chart->categories, g_strdup (labels[i]));
}

static void
extent_init (PlateauExtent *e)
{
  e->min = e->min_positive = INFINITY;
  e->max = -INFINITY;
}

static void
extent_take (PlateauExtent *e,
             double         v)
{
  e->min = MIN (e->min, v);
  e->max = MAX (e->max, v);
  if (v > 0)
    e->min_positive = MIN (e->min_positive, v);
}

/* Only points whose coordinates are all finite count: a point with a
 * finite x but no y draws nothing and must not stretch the x axis. */
static void
extent_measure (PlateauChartSeries *series)
{
  series->all_finite = TRUE;
  for (gsize i = 0; i < series->n; i++)
    {
      double x = series->x[i], y = series->y[i];
      double y2 = series->y2 != NULL ? series->y2[i] : y;

      if (!isfinite (x) || !isfinite (y) || !isfinite (y2))
        {
          series->all_finite = FALSE;
          continue;
        }
      extent_take (&series->x_extent, x);
      extent_take (&series->y_extent, y);
      extent_take (&series->y_extent, y2);
    }
}

static gboolean
is_sorted (const double *x,
           gsize         n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (x[i]) || (i > 0 && x[i] < x[i - 1]))
        return FALSE;
    }

  return TRUE;
}

static void
series_measure (PlateauChartSeries *series)
{
  extent_init (&series->x_extent);
  extent_init (&series->y_extent);
  extent_measure (series);
  series->x_sorted = is_sorted (series->x, series->n);
}

static PlateauChartSeries *
series_new (PlateauSeriesKind  kind,
            const char        *name,
            const double      *x,
            const double      *y,
            gsize              n)
{
  PlateauChartSeries *series = g_new0 (PlateauChartSeries, 1);

  series->kind = kind;
  series->name = g_strdup (name);
  series->n = n;
  series->x = g_memdup2 (x, n * sizeof (double));
  series->y = g_memdup2 (y, n * sizeof (double));
  series->color = -1;
  series->in_legend = name != NULL && *name != '\0';

  return series;
}

/**
 * plateau_chart_add_series:
 * @chart: a chart
 * @kind: how to draw it; not %PLATEAU_SERIES_BAND
 * @name: (nullable): its name in the legend
 * @x: (array length=n): the x values; for a line, in increasing order
 * @y: (array length=n): the y values; NAN leaves a gap
 * @n: how many points
 *
 * Adds a series of points, copied.
 *
 * Returns: (transfer none): the series, owned by @chart.
 */
PlateauChartSeries *
plateau_chart_add_series (PlateauChart      *chart,
                          PlateauSeriesKind  kind,
                          const char        *name,
                          const double      *x,
                          const double      *y,
                          gsize              n)
{
  PlateauChartSeries *series;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (kind != PLATEAU_SERIES_BAND, NULL);
  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), NULL);

  series = series_new (kind, name, x, y, n);
  series_measure (series);
  g_ptr_array_add (chart->series, series);

  return series;
}

/**
 * plateau_chart_add_band:
 * @chart: a chart
 * @name: (nullable): its name in the legend
 * @x: (array length=n): the x values, increasing
 * @low: (array length=n): the lower edge
 * @high: (array length=n): the upper edge
 * @n: how many points
 *
 * Adds a shaded band, such as a confidence interval.
 *
 * Returns: (transfer none): the series, owned by @chart.
 */
PlateauChartSeries *
plateau_chart_add_band (PlateauChart *chart,
                        const char   *name,
                        const double *x,
                        const double *low,
                        const double *high,
                        gsize         n)
{
  PlateauChartSeries *series;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (n == 0 || (x != NULL && low != NULL && high != NULL), NULL);

  series = series_new (PLATEAU_SERIES_BAND, name, x, low, n);
  series->y2 = g_memdup2 (high, n * sizeof (double));
  series_measure (series);
  g_ptr_array_add (chart->series, series);

  return series;
}

/**
 * plateau_chart_series_set_color:
 * @series: a series
 * @palette_index: which colour of the theme's palette
 *
 * By default a series takes the colour of its position; a fit drawn over
 * its data takes the data's colour through this.
 */
void
plateau_chart_series_set_color (PlateauChartSeries *series,
                                guint               palette_index)
{
  g_return_if_fail (series != NULL);

  series->color = (int) (palette_index % PLATEAU_THEME_PALETTE_SIZE);
}

/**
 * plateau_chart_series_set_dashed:
 * @series: a series
 * @dashed: whether its line is dashed
 *
 * Dashes tell fitted or forecast lines from observed ones.
 */
void
plateau_chart_series_set_dashed (PlateauChartSeries *series,
                                 gboolean            dashed)
{
  g_return_if_fail (series != NULL);

  series->dashed = dashed;
}

/**
 * plateau_chart_series_set_in_legend:
 * @series: a series
 * @in_legend: whether the legend lists it
 *
 * Named series are listed by default.
 */
void
plateau_chart_series_set_in_legend (PlateauChartSeries *series,
                                    gboolean            in_legend)
{
  g_return_if_fail (series != NULL);

  series->in_legend = in_legend;
}

/**
 * plateau_chart_series_set_value_labels:
 * @series: a bar series
 * @labels: whether each bar carries its value
 *
 * Writes each bar's value above (or below, when negative) the bar.
 */
void
plateau_chart_series_set_value_labels (PlateauChartSeries *series,
                                       gboolean            labels)
{
  g_return_if_fail (series != NULL);

  series->value_labels = labels;
}

/**
 * plateau_chart_get_n_series:
 * @chart: a chart
 *
 * Returns: how many series @chart holds.
 */
guint
plateau_chart_get_n_series (const PlateauChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->series->len;
}

/**
 * plateau_chart_add_stage:
 * @chart: a chart
 * @stage: which life-cycle stage, for the colour
 * @x_start: where the band starts on the x axis
 * @x_end: where it ends
 * @label: (nullable): the name written at the top of the band
 *
 * Adds a vertical band behind the data.
 */
void
plateau_chart_add_stage (PlateauChart      *chart,
                         PlateauThemeStage  stage,
                         double             x_start,
                         double             x_end,
                         const char        *label)
{
  PlateauChartStage band = { stage, MIN (x_start, x_end), MAX (x_start, x_end),
                             g_strdup (label) };

  g_return_if_fail (chart != NULL && stage < PLATEAU_THEME_N_STAGES);

  g_array_append_val (chart->stages, band);
}

/**
 * plateau_chart_add_marker:
 * @chart: a chart
 * @kind: a vertical rule or a point
 * @x: where, on the x axis
 * @y: where, on the y axis (ignored by a rule)
 * @label: (nullable): its label
 *
 * Marks a notable place, such as an inflection or the current period.
 */
void
plateau_chart_add_marker (PlateauChart      *chart,
                          PlateauMarkerKind  kind,
                          double             x,
                          double             y,
                          const char        *label)
{
  PlateauChartMarker marker = { kind, x, y, g_strdup (label) };

  g_return_if_fail (chart != NULL);

  g_array_append_val (chart->markers, marker);
}

/**
 * plateau_chart_add_annotation:
 * @chart: a chart
 * @x: where the text starts, on the x axis
 * @y: where its baseline sits, on the y axis
 * @text: the text
 *
 * Writes a short note inside the plot.
 */
void
plateau_chart_add_annotation (PlateauChart *chart,
                              double        x,
                              double        y,
                              const char   *text)
{
  PlateauChartAnnotation note = { x, y, g_strdup (text) };

  g_return_if_fail (chart != NULL && text != NULL);

  g_array_append_val (chart->annotations, note);
}

/**
 * plateau_chart_set_legend_visible:
 * @chart: a chart
 * @visible: whether to draw the legend
 *
 * The legend lists the named series; it is visible by default.
 */
void
plateau_chart_set_legend_visible (PlateauChart *chart,
                                  gboolean      visible)
{
  g_return_if_fail (chart != NULL);

  chart->legend_visible = visible;
}

/**
 * plateau_chart_set_empty_message:
 * @chart: a chart
 * @message: (nullable): what to say when there is nothing to draw
 *
 * Replaces the generic empty-state text, for example with the reason a fit
 * is absent.
 */
void
plateau_chart_set_empty_message (PlateauChart *chart,
                                 const char   *message)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->empty_message);
  chart->empty_message = g_strdup (message);
}
