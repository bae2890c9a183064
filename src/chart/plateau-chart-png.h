/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_status_t plateau_chart_write_png (cairo_surface_t    *image,
                                        double              dpi,
                                        gboolean            opaque,
                                        cairo_write_func_t  write,
                                        void               *closure);
cairo_status_t plateau_chart_write_png_in_bands (cairo_surface_t    *image,
                                                 double              dpi,
                                                 gboolean            opaque,
                                                 int                 n_bands,
                                                 cairo_write_func_t  write,
                                                 void               *closure);

G_END_DECLS
