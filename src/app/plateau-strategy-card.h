/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLATEAU_TYPE_STRATEGY_CARD (plateau_strategy_card_get_type ())
G_DECLARE_FINAL_TYPE (PlateauStrategyCard, plateau_strategy_card,
                      PLATEAU, STRATEGY_CARD, GtkWidget)

void           plateau_strategy_card_set_evidence   (PlateauStrategyCard *self,
                                                     const char *const   *sentences);
const char    *plateau_strategy_card_get_evidence   (PlateauStrategyCard *self);
GtkTextBuffer *plateau_strategy_card_get_buffer     (PlateauStrategyCard *self);
GtkTextView   *plateau_strategy_card_get_notes_view (PlateauStrategyCard *self);

G_END_DECLS
