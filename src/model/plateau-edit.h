/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-command-stack.h"
#include "plateau-document.h"

G_BEGIN_DECLS

void             plateau_edit_set_period      (PlateauCommandStack *stack,
                                               PlateauScenario     *scenario,
                                               guint                position,
                                               const char          *label,
                                               double               investment,
                                               double               ret);
PlateauScenario *plateau_edit_begin           (PlateauScenario     *scenario);
gboolean         plateau_edit_end             (PlateauCommandStack *stack,
                                               PlateauScenario     *scenario,
                                               PlateauScenario     *before,
                                               const char          *label);
gboolean         plateau_scenario_equal       (PlateauScenario     *a,
                                               PlateauScenario     *b);
void             plateau_scenario_assign      (PlateauScenario     *self,
                                               PlateauScenario     *source);

void             plateau_edit_insert_scenario (PlateauCommandStack *stack,
                                               PlateauDocument     *document,
                                               guint                position,
                                               PlateauScenario     *scenario,
                                               const char          *label);
void             plateau_edit_remove_scenario (PlateauCommandStack *stack,
                                               PlateauDocument     *document,
                                               guint                position,
                                               const char          *label);
void             plateau_edit_move_scenario   (PlateauCommandStack *stack,
                                               PlateauDocument     *document,
                                               guint                from,
                                               guint                to,
                                               const char          *label);

void             plateau_edit_insert_graph    (PlateauCommandStack *stack,
                                               PlateauDocument     *document,
                                               guint                position,
                                               PlateauConceptGraph *graph,
                                               const char          *label);
void             plateau_edit_remove_graph    (PlateauCommandStack *stack,
                                               PlateauDocument     *document,
                                               guint                position,
                                               const char          *label);
void             plateau_edit_move_graph      (PlateauCommandStack *stack,
                                               PlateauDocument     *document,
                                               guint                from,
                                               guint                to,
                                               const char          *label);
void             plateau_edit_set_graph       (PlateauCommandStack *stack,
                                               PlateauConceptGraph *graph,
                                               const char          *name,
                                               const char          *source,
                                               const char          *label);
void             plateau_edit_record_graph_source (PlateauCommandStack *stack,
                                                   PlateauConceptGraph *graph,
                                                   const char          *before,
                                                   const char          *label);

G_END_DECLS
