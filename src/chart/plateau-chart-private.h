/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "plateau-chart.h"
#include "plateau-chart-ticks.h"

G_BEGIN_DECLS

typedef struct
{
  char *label;
  char *unit;
  PlateauScale scale;
  PlateauAxisFormat format;
  double fixed_min;           /* NAN when chosen from the data */
  double fixed_max;
  gboolean include_zero;
  gboolean grid;
} PlateauChartAxis;

/* The finite values of a series along one axis, measured once when the
 * series is added so that drawing never scans the data for its range. */
typedef struct
{
  double min;
  double max;
  double min_positive;        /* for logarithmic axes */
} PlateauExtent;

struct _PlateauChartSeries
{
  PlateauSeriesKind kind;
  char *name;
  double *x;
  double *y;                  /* the value, or the low edge of a band */
  double *y2;                 /* the high edge of a band, else NULL */
  gsize n;
  int color;                  /* a palette index, or -1 for its position */
  gboolean dashed;
  gboolean in_legend;
  gboolean value_labels;
  gboolean x_sorted;          /* every x finite and none below the previous */
  gboolean all_finite;        /* every x, y and y2 */
  PlateauExtent x_extent;
  PlateauExtent y_extent;     /* of y and y2 together */
};

typedef struct
{
  PlateauThemeStage stage;
  double x_start;
  double x_end;
  char *label;
} PlateauChartStage;

typedef struct
{
  PlateauMarkerKind kind;
  double x;
  double y;
  char *label;
} PlateauChartMarker;

typedef struct
{
  double x;
  double y;
  char *text;
} PlateauChartAnnotation;

struct _PlateauChart
{
  char *title;
  char *subtitle;
  char *caption;
  char *empty_message;
  PlateauChartAxis axes[2];
  GPtrArray *categories;      /* of char *, or NULL */
  GPtrArray *series;          /* of PlateauChartSeries */
  GArray *stages;             /* of PlateauChartStage */
  GArray *markers;            /* of PlateauChartMarker */
  GArray *annotations;        /* of PlateauChartAnnotation */
  gboolean legend_visible;
};

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} PlateauRect;

/* One axis as laid out for a drawing: its range, ticks and mapping. */
typedef struct
{
  const PlateauChartAxis *spec;
  gboolean valid;
  double lo;
  double hi;
  PlateauTicks ticks;
  double pixel_start;         /* where lo lands */
  double pixel_end;           /* where hi lands */
  double slope;               /* pixel = slope × value (or log10 value) + offset */
  double offset;
  gboolean log;
  gboolean have_data;         /* the data's own range, found once per drawing */
  double data_lo;
  double data_hi;
} PlateauAxisLayout;

/* The state of one drawing, shared by the steps of the renderer. */
typedef struct
{
  const PlateauChart *chart;
  const PlateauTheme *theme;
  cairo_t *cr;
  PlateauRenderFlags flags;
  double width;
  double height;
  double device_scale;        /* device pixels per user unit */
  PangoLayout *layout;
  PlateauRect plot;
  PlateauAxisLayout x;
  PlateauAxisLayout y;
  guint n_bar_series;
  GPtrArray *paths;           /* of PlateauPath, one per series */
  guint8 *occupancy;          /* coarse map of the plot the data covers */
  PlateauChartLayout *layout_out;
  gboolean legend_boxed;      /* inside the plot, on a panel */
  gboolean legend_vertical;
} PlateauRender;

/* A series in user coordinates, reduced to the resolution of the surface.
 * NAN in y separates the runs of a line. */
typedef struct
{
  GArray *x;
  GArray *y;
  GArray *x2;                 /* the high edge of a band, else NULL */
  GArray *y2;
  gboolean envelope;          /* x, y (top) and y2 (bottom) outline a dense line */
} PlateauPath;

#define PLATEAU_OCCUPANCY_COLUMNS 48
#define PLATEAU_OCCUPANCY_ROWS 30

void     plateau_axis_layout_place     (PlateauAxisLayout       *axis,
                                        double                   pixel_start,
                                        double                   pixel_end);

/* Called for every point of every series: kept inline. */
static inline gboolean
plateau_axis_layout_accepts (const PlateauAxisLayout *axis,
                             double                   value)
{
  return isfinite (value) && (!axis->log || value > 0);
}

static inline double
plateau_axis_layout_map (const PlateauAxisLayout *axis,
                         double                   value)
{
  return axis->slope * (axis->log ? log10 (value) : value) + axis->offset;
}

const PlateauRgba *plateau_render_series_color (PlateauRender            *render,
                                                const PlateauChartSeries *series,
                                                guint                     index);
void     plateau_render_set_text       (PlateauRender   *render,
                                        PlateauThemeFont role,
                                        const char      *text,
                                        double           width,
                                        int              max_lines);
void     plateau_render_text_size      (PlateauRender   *render,
                                        double          *width,
                                        double          *height);

void     plateau_render_prepare_series (PlateauRender   *render);
void     plateau_render_series         (PlateauRender   *render);
void     plateau_render_mark_occupancy (PlateauRender   *render);
gboolean plateau_render_legend_inside  (PlateauRender   *render,
                                        double          *x,
                                        double          *y);
gboolean plateau_render_legend_row_size (PlateauRender  *render,
                                         double          max_width,
                                         double         *width,
                                         double         *height);
void     plateau_render_legend_draw    (PlateauRender   *render,
                                        double           x,
                                        double           y);

G_END_DECLS
