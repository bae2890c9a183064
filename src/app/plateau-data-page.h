/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plateau-analysis.h"
#include "plateau-command-stack.h"

G_BEGIN_DECLS

/**
 * PlateauDataColumn:
 * @PLATEAU_DATA_COLUMN_LABEL: the period's label
 * @PLATEAU_DATA_COLUMN_INVESTMENT: its investment
 * @PLATEAU_DATA_COLUMN_RETURN: its return
 *
 * The editable columns of the Data table, left to right.
 */
typedef enum
{
  PLATEAU_DATA_COLUMN_LABEL,
  PLATEAU_DATA_COLUMN_INVESTMENT,
  PLATEAU_DATA_COLUMN_RETURN,
  PLATEAU_DATA_N_COLUMNS,
} PlateauDataColumn;

#define PLATEAU_TYPE_DATA_PAGE (plateau_data_page_get_type ())
G_DECLARE_FINAL_TYPE (PlateauDataPage, plateau_data_page, PLATEAU, DATA_PAGE, GtkWidget)

void       plateau_data_page_set_scenario   (PlateauDataPage     *self,
                                             PlateauScenario     *scenario,
                                             PlateauCommandStack *stack);
void       plateau_data_page_set_analysis   (PlateauDataPage     *self,
                                             PlateauAnalysis     *analysis);
GtkWidget *plateau_data_page_get_cell       (PlateauDataPage     *self,
                                             guint                row,
                                             PlateauDataColumn    column);
void       plateau_data_page_focus_cell     (PlateauDataPage     *self,
                                             guint                row,
                                             PlateauDataColumn    column);
gboolean   plateau_data_page_get_cursor     (PlateauDataPage     *self,
                                             guint               *row,
                                             PlateauDataColumn   *column);
gboolean   plateau_data_page_paste_text     (PlateauDataPage     *self,
                                             const char          *text,
                                             GError             **error);
const char *plateau_data_page_get_cell_error (PlateauDataPage    *self,
                                              guint               row,
                                              PlateauDataColumn   column);
void       plateau_data_page_commit_notes   (PlateauDataPage     *self);

G_END_DECLS
