/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plateau-analysis.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_STAGE_BADGE (plateau_stage_badge_get_type ())
G_DECLARE_FINAL_TYPE (PlateauStageBadge, plateau_stage_badge, PLATEAU, STAGE_BADGE, GtkWidget)

void        plateau_stage_badge_set_analysis (PlateauStageBadge *self,
                                              PlateauAnalysis   *analysis);
const char *plateau_stage_badge_get_text     (PlateauStageBadge *self);

G_END_DECLS
