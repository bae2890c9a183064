/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plateau-analysis.h"
#include "plateau-command-stack.h"
#include "plateau-data-page.h"
#include "plateau-document.h"

G_BEGIN_DECLS

/* Scenarios up to this many periods are analysed at once, in the frame of
 * the edit; larger ones in a worker thread. */
#define PLATEAU_SCENARIO_VIEW_SYNC_LIMIT 2000

#define PLATEAU_TYPE_SCENARIO_VIEW (plateau_scenario_view_get_type ())
G_DECLARE_FINAL_TYPE (PlateauScenarioView, plateau_scenario_view,
                      PLATEAU, SCENARIO_VIEW, GtkWidget)

void             plateau_scenario_view_set_scenario  (PlateauScenarioView *self,
                                                      PlateauScenario     *scenario,
                                                      PlateauCommandStack *stack);
PlateauScenario *plateau_scenario_view_get_scenario  (PlateauScenarioView *self);
PlateauAnalysis *plateau_scenario_view_get_analysis  (PlateauScenarioView *self);
AdwViewStack    *plateau_scenario_view_get_stack     (PlateauScenarioView *self);
PlateauDataPage *plateau_scenario_view_get_data_page (PlateauScenarioView *self);
gboolean         plateau_scenario_view_is_busy       (PlateauScenarioView *self);
void             plateau_scenario_view_set_document  (PlateauScenarioView *self,
                                                      PlateauDocument     *document);
GtkWidget       *plateau_scenario_view_get_page      (PlateauScenarioView *self,
                                                      const char          *name);
void             plateau_scenario_view_commit_typing (PlateauScenarioView *self);

G_END_DECLS
