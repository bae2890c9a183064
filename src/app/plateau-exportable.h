/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plateau-chart-export.h"
#include "plateau-theme.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_EXPORTABLE (plateau_exportable_get_type ())
G_DECLARE_INTERFACE (PlateauExportable, plateau_exportable, PLATEAU, EXPORTABLE, GObject)

/**
 * PlateauExportableInterface:
 * @get_title: the name of what is drawn, for file names and print jobs
 * @is_ready: whether there is something to draw at all
 * @draw: draws the whole picture into (0, 0, @width, @height) of @cr in
 *   user units at the theme's scale; the caller scales @cr to enlarge it
 *
 * Something that can be drawn at any size: a chart or a concept graph.
 * Export, print and copy are built on @draw alone, so every output shows
 * the same picture as the screen.
 */
struct _PlateauExportableInterface
{
  GTypeInterface parent_iface;

  char     *(*get_title) (PlateauExportable  *self);
  gboolean  (*is_ready)  (PlateauExportable  *self);
  void      (*draw)      (PlateauExportable  *self,
                          cairo_t            *cr,
                          const PlateauTheme *theme,
                          double              width,
                          double              height,
                          gboolean            transparent);
};

char            *plateau_exportable_get_title   (PlateauExportable          *self);
gboolean         plateau_exportable_is_ready    (PlateauExportable          *self);
void             plateau_exportable_draw        (PlateauExportable          *self,
                                                 cairo_t                    *cr,
                                                 const PlateauTheme         *theme,
                                                 double                      width,
                                                 double                      height,
                                                 gboolean                    transparent);
cairo_surface_t *plateau_exportable_render_image (PlateauExportable         *self,
                                                  const PlateauTheme        *theme,
                                                  const PlateauExportOptions *options);
gboolean         plateau_exportable_export      (PlateauExportable          *self,
                                                 const PlateauTheme         *theme,
                                                 const PlateauExportOptions *options,
                                                 GFile                      *file,
                                                 GError                    **error);
GdkTexture      *plateau_exportable_to_texture  (PlateauExportable          *self,
                                                 const PlateauTheme         *theme,
                                                 int                         width,
                                                 int                         height);
void             plateau_exportable_copy        (PlateauExportable          *self,
                                                 GdkClipboard               *clipboard);
gboolean         plateau_exportable_print       (PlateauExportable          *self,
                                                 GtkWindow                  *parent,
                                                 const char                 *export_filename,
                                                 GError                    **error);

const PlateauTheme *plateau_exportable_screen_theme (void);

G_END_DECLS
