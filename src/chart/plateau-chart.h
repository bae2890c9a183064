/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo.h>

#include "plateau-theme.h"

G_BEGIN_DECLS

/*
 * A chart description: what to draw, not how. It owns copies of its data,
 * so the caller may free its arrays after adding a series. Drawing is done
 * by plateau_chart_render() with a theme, on any cairo context.
 */

typedef enum
{
  PLATEAU_AXIS_X,
  PLATEAU_AXIS_Y,
} PlateauAxisId;

typedef enum
{
  PLATEAU_SCALE_LINEAR,
  PLATEAU_SCALE_LOG,
} PlateauScale;

/* How tick labels read: plain numbers (thousands separators, SI suffixes),
 * years (integers without separators) or fractions shown as percentages. */
typedef enum
{
  PLATEAU_AXIS_FORMAT_NUMBER,
  PLATEAU_AXIS_FORMAT_YEAR,
  PLATEAU_AXIS_FORMAT_PERCENT,
} PlateauAxisFormat;

typedef enum
{
  PLATEAU_SERIES_LINE,
  PLATEAU_SERIES_SCATTER,
  PLATEAU_SERIES_AREA,
  PLATEAU_SERIES_BAND,
  PLATEAU_SERIES_BAR,
  PLATEAU_SERIES_STEP,
} PlateauSeriesKind;

typedef enum
{
  PLATEAU_MARKER_VLINE,   /* a labelled vertical rule, e.g. the inflection */
  PLATEAU_MARKER_POINT,   /* a ringed point, e.g. the current period */
} PlateauMarkerKind;

typedef struct _PlateauChart PlateauChart;
typedef struct _PlateauChartSeries PlateauChartSeries;

PlateauChart       *plateau_chart_new              (void);
void                plateau_chart_free             (PlateauChart      *chart);

void                plateau_chart_set_title        (PlateauChart      *chart,
                                                    const char        *title);
void                plateau_chart_set_subtitle     (PlateauChart      *chart,
                                                    const char        *subtitle);
void                plateau_chart_set_caption      (PlateauChart      *chart,
                                                    const char        *caption);
const char         *plateau_chart_get_title        (const PlateauChart *chart);
const char         *plateau_chart_get_caption      (const PlateauChart *chart);

void                plateau_chart_set_axis_label   (PlateauChart      *chart,
                                                    PlateauAxisId      axis,
                                                    const char        *label,
                                                    const char        *unit);
void                plateau_chart_set_axis_scale   (PlateauChart      *chart,
                                                    PlateauAxisId      axis,
                                                    PlateauScale       scale);
void                plateau_chart_set_axis_format  (PlateauChart      *chart,
                                                    PlateauAxisId      axis,
                                                    PlateauAxisFormat  format);
void                plateau_chart_set_axis_range   (PlateauChart      *chart,
                                                    PlateauAxisId      axis,
                                                    double             min,
                                                    double             max);
void                plateau_chart_set_axis_include_zero (PlateauChart *chart,
                                                         PlateauAxisId axis,
                                                         gboolean      include_zero);
void                plateau_chart_set_axis_grid    (PlateauChart      *chart,
                                                    PlateauAxisId      axis,
                                                    gboolean           grid);
void                plateau_chart_set_categories   (PlateauChart      *chart,
                                                    const char *const *labels,
                                                    guint              n_labels);

PlateauChartSeries *plateau_chart_add_series       (PlateauChart      *chart,
                                                    PlateauSeriesKind  kind,
                                                    const char        *name,
                                                    const double      *x,
                                                    const double      *y,
                                                    gsize              n);
PlateauChartSeries *plateau_chart_add_band         (PlateauChart      *chart,
                                                    const char        *name,
                                                    const double      *x,
                                                    const double      *low,
                                                    const double      *high,
                                                    gsize              n);
void                plateau_chart_series_set_color (PlateauChartSeries *series,
                                                    guint               palette_index);
void                plateau_chart_series_set_dashed (PlateauChartSeries *series,
                                                     gboolean            dashed);
void                plateau_chart_series_set_in_legend (PlateauChartSeries *series,
                                                        gboolean            in_legend);
void                plateau_chart_series_set_value_labels (PlateauChartSeries *series,
                                                           gboolean            labels);
guint               plateau_chart_get_n_series     (const PlateauChart *chart);

void                plateau_chart_add_stage        (PlateauChart      *chart,
                                                    PlateauThemeStage  stage,
                                                    double             x_start,
                                                    double             x_end,
                                                    const char        *label);
void                plateau_chart_add_marker       (PlateauChart      *chart,
                                                    PlateauMarkerKind  kind,
                                                    double             x,
                                                    double             y,
                                                    const char        *label);
void                plateau_chart_add_annotation   (PlateauChart      *chart,
                                                    double             x,
                                                    double             y,
                                                    const char        *text);
void                plateau_chart_set_legend_visible (PlateauChart    *chart,
                                                      gboolean         visible);
void                plateau_chart_set_empty_message (PlateauChart     *chart,
                                                     const char       *message);

typedef enum
{
  PLATEAU_RENDER_DEFAULT = 0,
  PLATEAU_RENDER_TRANSPARENT = 1 << 0,    /* leave the background unpainted */
  PLATEAU_RENDER_NO_REDUCTION = 1 << 1,   /* draw every point (for comparison) */
} PlateauRenderFlags;

/* Where a drawing put things, for hit testing (mapping the pointer to data)
 * and for tests. Rectangles are in the user units of the drawing. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} PlateauChartRect;

typedef struct
{
  gboolean drew_data;
  PlateauChartRect plot;
  double x_min;               /* the values at the plot's edges */
  double x_max;
  double y_min;
  double y_max;
  PlateauScale x_scale;
  PlateauScale y_scale;
  GArray *x_labels;           /* of PlateauChartRect, the x tick labels */
  GArray *y_labels;           /* of PlateauChartRect, the y tick labels */
} PlateauChartLayout;

void                plateau_chart_layout_clear     (PlateauChartLayout *layout);

gboolean            plateau_chart_render_with_layout (const PlateauChart *chart,
                                                      const PlateauTheme *theme,
                                                      cairo_t            *cr,
                                                      double              width,
                                                      double              height,
                                                      PlateauRenderFlags  flags,
                                                      PlateauChartLayout *layout);
gboolean            plateau_chart_render           (const PlateauChart *chart,
                                                    const PlateauTheme *theme,
                                                    cairo_t            *cr,
                                                    double              width,
                                                    double              height,
                                                    PlateauRenderFlags  flags);

/* Where a drawing put its plot area, in user units, and the data range it
 * shows: enough to turn a pointer position back into data. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
  double x_min;
  double x_max;
  double y_min;
  double y_max;
  PlateauScale x_scale;
  PlateauScale y_scale;
} PlateauChartPlot;

gboolean            plateau_chart_get_plot         (const PlateauChart *chart,
                                                    const PlateauTheme *theme,
                                                    cairo_t            *cr,
                                                    double              width,
                                                    double              height,
                                                    PlateauChartPlot   *plot);
gboolean            plateau_chart_plot_map         (const PlateauChartPlot *plot,
                                                    PlateauAxisId           axis,
                                                    double                  value,
                                                    double                 *coordinate);

const PlateauChartSeries *plateau_chart_get_series (const PlateauChart *chart,
                                                    guint               index);
PlateauSeriesKind   plateau_chart_series_get_kind  (const PlateauChartSeries *series);
const char         *plateau_chart_series_get_name  (const PlateauChartSeries *series);
gsize               plateau_chart_series_get_data  (const PlateauChartSeries *series,
                                                    const double      **x,
                                                    const double      **y);
const PlateauRgba  *plateau_chart_series_get_rgba  (const PlateauChartSeries *series,
                                                    const PlateauTheme       *theme,
                                                    guint                     index);
const char         *plateau_chart_get_category     (const PlateauChart *chart,
                                                    guint               index);
const char         *plateau_chart_get_axis_unit    (const PlateauChart *chart,
                                                    PlateauAxisId       axis);
PlateauAxisFormat   plateau_chart_get_axis_format  (const PlateauChart *chart,
                                                    PlateauAxisId       axis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauChart, plateau_chart_free)

G_END_DECLS
