/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plateau-chart.h"

G_BEGIN_DECLS

typedef enum
{
  PLATEAU_EXPORT_PNG,
  PLATEAU_EXPORT_SVG,
  PLATEAU_EXPORT_PDF,
} PlateauExportFormat;

/*
 * What to write. The size is in pixels; the drawing is scaled as a whole so
 * that its type and lines keep their proportions: by dpi / 96 when a DPI is
 * given, else by how much larger than the theme's default canvas the image
 * is (never below 1). SVG and PDF pages get the unscaled size, taking a
 * user unit as 1/96 inch (a CSS pixel): an A4 preset is an A4 page.
 */
typedef struct
{
  PlateauExportFormat format;
  int width;
  int height;
  double dpi;                 /* 0 to scale by size */
  gboolean transparent;
} PlateauExportOptions;

typedef struct
{
  const char *name;
  int width;
  int height;
  double dpi;
} PlateauExportPreset;

const PlateauExportPreset *plateau_export_get_presets     (guint              *n_presets);
gboolean  plateau_export_format_from_name (const char              *name,
                                           PlateauExportFormat     *format);
gboolean  plateau_export_parse_size       (const char              *text,
                                           int                     *width,
                                           int                     *height,
                                           double                  *dpi,
                                           GError                 **error);
void      plateau_export_options_init     (PlateauExportOptions    *options,
                                           const PlateauTheme      *theme,
                                           PlateauExportFormat      format);
double    plateau_export_options_scale    (const PlateauExportOptions *options,
                                           const PlateauTheme         *theme);
void      plateau_output_stream_abandon   (GOutputStream              *stream);
gboolean  plateau_chart_export            (const PlateauChart         *chart,
                                           const PlateauTheme         *theme,
                                           const PlateauExportOptions *options,
                                           GFile                      *file,
                                           GError                    **error);
cairo_surface_t *plateau_chart_render_image (const PlateauChart         *chart,
                                             const PlateauTheme         *theme,
                                             const PlateauExportOptions *options);

G_END_DECLS
