/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "plateau-graph.h"
#include "plateau-graph-layout.h"
#include "plateau-theme.h"

G_BEGIN_DECLS

/*
 * Drawing concept graphs with Cairo and Pango. The same function draws into
 * a widget's cairo_t, a PNG, an SVG or a PDF, so all of them look alike.
 */

typedef enum
{
  PLATEAU_GRAPH_FORMAT_PNG,
  PLATEAU_GRAPH_FORMAT_SVG,
  PLATEAU_GRAPH_FORMAT_PDF,
  PLATEAU_GRAPH_FORMAT_LAYOUT_JSON,
} PlateauGraphFormat;

/* Labels wrap at this many font sizes (ems) of width. */
#define PLATEAU_GRAPH_WRAP_EMS 14.0

PlateauGraphSizes  *plateau_graph_measure       (const PlateauGraph       *graph,
                                                 const PlateauTheme       *theme);
PlateauGraphLayout *plateau_graph_layout_themed (const PlateauGraph       *graph,
                                                 const PlateauTheme       *theme);
void                plateau_graph_render        (cairo_t                  *cr,
                                                 const PlateauGraph       *graph,
                                                 const PlateauGraphLayout *layout,
                                                 const PlateauTheme       *theme);
gboolean            plateau_graph_export        (const PlateauGraph       *graph,
                                                 const PlateauGraphLayout *layout,
                                                 const PlateauTheme       *theme,
                                                 PlateauGraphFormat        format,
                                                 double                    scale,
                                                 const char               *path,
                                                 GError                  **error);
gboolean            plateau_graph_format_from_name (const char            *name,
                                                    PlateauGraphFormat    *format);

G_END_DECLS
