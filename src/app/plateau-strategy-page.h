/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plateau-analysis.h"
#include "plateau-command-stack.h"
#include "plateau-document.h"
#include "plateau-strategy-card.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_STRATEGY_PAGE (plateau_strategy_page_get_type ())
G_DECLARE_FINAL_TYPE (PlateauStrategyPage, plateau_strategy_page,
                      PLATEAU, STRATEGY_PAGE, GtkWidget)

GtkWidget           *plateau_strategy_page_new          (void);
void                 plateau_strategy_page_set_scenario (PlateauStrategyPage *self,
                                                         PlateauScenario     *scenario,
                                                         PlateauCommandStack *stack);
void                 plateau_strategy_page_set_analysis (PlateauStrategyPage *self,
                                                         PlateauAnalysis     *analysis);
void                 plateau_strategy_page_set_document (PlateauStrategyPage *self,
                                                         PlateauDocument     *document);
void                 plateau_strategy_page_commit_notes (PlateauStrategyPage *self);
PlateauStrategyCard *plateau_strategy_page_get_card     (PlateauStrategyPage *self,
                                                         PlateauStrategyStep  step);
const char          *plateau_strategy_page_get_evidence (PlateauStrategyPage *self,
                                                         PlateauStrategyStep  step);

G_END_DECLS
