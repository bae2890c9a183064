/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-data-page.h"
#include "plateau-period-list.h"

G_BEGIN_DECLS

struct _PlateauDataPage
{
  GtkWidget parent_instance;

  /* Template children: the table. */
  GtkColumnView *table;
  GtkScrolledWindow *table_scroller;
  GtkLabel *count_label;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;

  /* Template children: the settings and notes. */
  AdwEntryRow *unit_row;
  AdwActionRow *exploration_row;
  AdwActionRow *growth_row;
  AdwActionRow *maturity_row;
  GtkSpinButton *exploration_spin;
  GtkSpinButton *growth_spin;
  GtkSpinButton *maturity_spin;
  GtkSpinButton *window_spin;
  GtkSpinButton *horizon_spin;
  AdwComboRow *model_row;
  AdwComboRow *basis_row;
  AdwEntryRow *plan_row;
  GtkTextView *notes_view;

  PlateauScenario *scenario;
  PlateauCommandStack *stack;
  PlateauAnalysis *analysis;
  gulong changed_handler;
  PlateauPeriodList *rows;

  /* Cells currently bound to a row: entry or label widgets. */
  GHashTable *bound;
  /* Text the user typed that was refused, by cell key, with its reason. */
  GHashTable *refused;

  guint cursor_row;
  PlateauDataColumn cursor_column;
  gboolean has_cursor;

  /* Set while widgets are filled from the scenario, so that their change
   * handlers do not write the same values back as edits. */
  gboolean updating;
  guint notes_timeout;
};

void plateau_data_page_settings_init    (PlateauDataPage *self);
void plateau_data_page_settings_refresh (PlateauDataPage *self);
void plateau_data_page_on_unit_apply    (PlateauDataPage *self);
void plateau_data_page_on_plan_apply    (PlateauDataPage *self);

gboolean plateau_data_parse_number (const char        *text,
                                    PlateauDataColumn  column,
                                    double            *value,
                                    char             **reason);

G_END_DECLS
