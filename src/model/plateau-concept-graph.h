/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PLATEAU_TYPE_CONCEPT_GRAPH (plateau_concept_graph_get_type ())
G_DECLARE_FINAL_TYPE (PlateauConceptGraph, plateau_concept_graph,
                      PLATEAU, CONCEPT_GRAPH, GObject)

PlateauConceptGraph *plateau_concept_graph_new        (const char          *name,
                                                       const char          *source);
const char          *plateau_concept_graph_get_name   (PlateauConceptGraph *self);
void                 plateau_concept_graph_set_name   (PlateauConceptGraph *self,
                                                       const char          *name);
const char          *plateau_concept_graph_get_source (PlateauConceptGraph *self);
void                 plateau_concept_graph_set_source (PlateauConceptGraph *self,
                                                       const char          *source);

G_END_DECLS
