/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plateau-concept-graph.h"
#include "plateau-scenario.h"

G_BEGIN_DECLS

/* The document format written by this version; newer files are refused. */
#define PLATEAU_DOCUMENT_FORMAT "plateau"
#define PLATEAU_DOCUMENT_VERSION 1

#define PLATEAU_TYPE_DOCUMENT (plateau_document_get_type ())
G_DECLARE_FINAL_TYPE (PlateauDocument, plateau_document, PLATEAU, DOCUMENT, GObject)

PlateauDocument *plateau_document_new               (void);

PlateauDocument *plateau_document_load              (GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
PlateauDocument *plateau_document_load_from_data    (const char          *data,
                                                     gssize               length,
                                                     const char          *display_name,
                                                     GError             **error);
gboolean         plateau_document_save              (PlateauDocument     *self,
                                                     GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
char            *plateau_document_to_data           (PlateauDocument     *self,
                                                     gsize               *length);

GListModel      *plateau_document_get_scenarios     (PlateauDocument     *self);
guint            plateau_document_get_n_scenarios   (PlateauDocument     *self);
PlateauScenario *plateau_document_get_scenario      (PlateauDocument     *self,
                                                     guint                position);
PlateauScenario *plateau_document_find_scenario     (PlateauDocument     *self,
                                                     const char          *name);
void             plateau_document_add_scenario      (PlateauDocument     *self,
                                                     PlateauScenario     *scenario);
void             plateau_document_insert_scenario   (PlateauDocument     *self,
                                                     guint                position,
                                                     PlateauScenario     *scenario);
void             plateau_document_remove_scenario   (PlateauDocument     *self,
                                                     guint                position);

GListModel      *plateau_document_get_graphs        (PlateauDocument     *self);
guint            plateau_document_get_n_graphs      (PlateauDocument     *self);
PlateauConceptGraph *plateau_document_get_graph     (PlateauDocument     *self,
                                                     guint                position);
void             plateau_document_add_graph         (PlateauDocument     *self,
                                                     PlateauConceptGraph *graph);
void             plateau_document_insert_graph      (PlateauDocument     *self,
                                                     guint                position,
                                                     PlateauConceptGraph *graph);
void             plateau_document_remove_graph      (PlateauDocument     *self,
                                                     guint                position);

G_END_DECLS
