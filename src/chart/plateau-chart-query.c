/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Read access to a chart description, for views that explain what is under
 * the pointer.
 */

#include "config.h"

#include "plateau-chart-private.h"

/**
 * plateau_chart_get_series:
 * @chart: a chart
 * @index: a series position, below plateau_chart_get_n_series()
 *
 * Returns: (transfer none): the series at @index
 */
const PlateauChartSeries *
plateau_chart_get_series (const PlateauChart *chart,
                          guint               index)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index < chart->series->len, NULL);

  return g_ptr_array_index (chart->series, index);
}

/**
 * plateau_chart_series_get_kind:
 * @series: a series
 *
 * Returns: how @series is drawn
 */
PlateauSeriesKind
plateau_chart_series_get_kind (const PlateauChartSeries *series)
{
  g_return_val_if_fail (series != NULL, PLATEAU_SERIES_LINE);

  return series->kind;
}

/**
 * plateau_chart_series_get_name:
 * @series: a series
 *
 * Returns: (nullable): its name, as in the legend
 */
const char *
plateau_chart_series_get_name (const PlateauChartSeries *series)
{
  g_return_val_if_fail (series != NULL, NULL);

  return series->name;
}

/**
 * plateau_chart_series_get_data:
 * @series: a series
 * @x: (out): its x values
 * @y: (out): its y values, the low edge for a band
 *
 * Returns: the number of points
 */
gsize
plateau_chart_series_get_data (const PlateauChartSeries  *series,
                               const double             **x,
                               const double             **y)
{
  g_return_val_if_fail (series != NULL, 0);

  *x = series->x;
  *y = series->y;
  return series->n;
}

/**
 * plateau_chart_series_get_rgba:
 * @series: a series
 * @theme: a theme
 * @index: the position of @series in its chart
 *
 * Returns: (transfer none): the colour @series is drawn in with @theme
 */
const PlateauRgba *
plateau_chart_series_get_rgba (const PlateauChartSeries *series,
                               const PlateauTheme       *theme,
                               guint                     index)
{
  g_return_val_if_fail (series != NULL && theme != NULL, NULL);

  return plateau_theme_series_color (theme, series->color >= 0 ? (guint) series->color : index);
}

/**
 * plateau_chart_get_category:
 * @chart: a chart
 * @index: a position on a category axis
 *
 * Returns: (nullable): the category label at @index, %NULL when the x axis
 *   has no categories or @index is beyond them
 */
const char *
plateau_chart_get_category (const PlateauChart *chart,
                            guint               index)
{
  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->categories == NULL || index >= chart->categories->len)
    return NULL;

  return g_ptr_array_index (chart->categories, index);
}

/**
 * plateau_chart_get_axis_unit:
 * @chart: a chart
 * @axis: which axis
 *
 * Returns: (nullable): the unit of @axis
 */
const char *
plateau_chart_get_axis_unit (const PlateauChart *chart,
                             PlateauAxisId       axis)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->axes[axis].unit;
}

/**
 * plateau_chart_get_axis_format:
 * @chart: a chart
 * @axis: which axis
 *
 * Returns: how the tick labels of @axis read
 */
PlateauAxisFormat
plateau_chart_get_axis_format (const PlateauChart *chart,
                               PlateauAxisId       axis)
{
  g_return_val_if_fail (chart != NULL, PLATEAU_AXIS_FORMAT_NUMBER);

  return chart->axes[axis].format;
}
