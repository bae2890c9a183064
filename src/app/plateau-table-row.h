/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLATEAU_TYPE_TABLE_ROW (plateau_table_row_get_type ())
G_DECLARE_FINAL_TYPE (PlateauTableRow, plateau_table_row, PLATEAU, TABLE_ROW, GObject)

PlateauTableRow *plateau_table_row_new        (const char *const *cells);
PlateauTableRow *plateau_table_row_new_take   (char             **cells);
const char      *plateau_table_row_get_cell   (PlateauTableRow   *self,
                                               guint              column);
void             plateau_table_row_set_emphasis (PlateauTableRow *self,
                                                 gboolean         emphasis);

void             plateau_table_add_column     (GtkColumnView     *view,
                                               const char        *title,
                                               guint              column,
                                               gboolean           numeric);
void             plateau_table_align_title    (GtkColumnView     *view,
                                               guint              position);
void             plateau_table_fit_title      (GtkColumnView     *view,
                                               guint              position,
                                               int                width);

G_END_DECLS
