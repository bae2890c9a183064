/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLATEAU_TYPE_PERIOD_ROW (plateau_period_row_get_type ())
G_DECLARE_FINAL_TYPE (PlateauPeriodRow, plateau_period_row, PLATEAU, PERIOD_ROW, GObject)

guint       plateau_period_row_get_index (PlateauPeriodRow *self);

#define PLATEAU_TYPE_PERIOD_LIST (plateau_period_list_get_type ())
G_DECLARE_FINAL_TYPE (PlateauPeriodList, plateau_period_list, PLATEAU, PERIOD_LIST, GObject)

PlateauPeriodList *plateau_period_list_new       (void);
void               plateau_period_list_set_count (PlateauPeriodList *self,
                                                  guint              count);

G_END_DECLS
