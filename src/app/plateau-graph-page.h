/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "plateau-concept-graph.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_GRAPH_PAGE (plateau_graph_page_get_type ())
G_DECLARE_FINAL_TYPE (PlateauGraphPage, plateau_graph_page, PLATEAU, GRAPH_PAGE, GtkWidget)

GtkWidget           *plateau_graph_page_new             (void);
void                 plateau_graph_page_set_graph       (PlateauGraphPage    *self,
                                                         PlateauConceptGraph *graph);
PlateauConceptGraph *plateau_graph_page_get_graph       (PlateauGraphPage    *self);
void                 plateau_graph_page_update_now      (PlateauGraphPage    *self);
gboolean             plateau_graph_page_get_error       (PlateauGraphPage    *self,
                                                         guint               *line,
                                                         guint               *column,
                                                         const char         **message);
double               plateau_graph_page_get_zoom        (PlateauGraphPage    *self);
void                 plateau_graph_page_set_zoom        (PlateauGraphPage    *self,
                                                         double               zoom);
GtkSourceBuffer     *plateau_graph_page_get_buffer      (PlateauGraphPage    *self);

G_END_DECLS
