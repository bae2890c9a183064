/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One row of a read-only table of text cells, and the column factory that
 * shows it in a GtkColumnView. The forecast and portfolio tables use it.
 */

#include "config.h"

#include "plateau-table-row.h"

struct _PlateauTableRow
{
  GObject parent_instance;

  char **cells;
  gboolean emphasis;
};

G_DEFINE_FINAL_TYPE (PlateauTableRow, plateau_table_row, G_TYPE_OBJECT)

static void
plateau_table_row_finalize (GObject *object)
{
  g_strfreev (PLATEAU_TABLE_ROW (object)->cells);

  G_OBJECT_CLASS (plateau_table_row_parent_class)->finalize (object);
}

static void
plateau_table_row_class_init (PlateauTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plateau_table_row_finalize;
}

static void
plateau_table_row_init (PlateauTableRow *self)
{
}

/**
 * plateau_table_row_new:
 * @cells: the text of each cell, %NULL-terminated
 *
 * Returns: (transfer full): a new row holding a copy of @cells
 */
PlateauTableRow *
plateau_table_row_new (const char *const *cells)
{
  return plateau_table_row_new_take (g_strdupv ((char **) cells));
}

/**
 * plateau_table_row_new_take:
 * @cells: (transfer full): the text of each cell, %NULL-terminated
 *
 * Returns: (transfer full): a new row that owns @cells
 */
PlateauTableRow *
plateau_table_row_new_take (char **cells)
{
  PlateauTableRow *self = g_object_new (PLATEAU_TYPE_TABLE_ROW, NULL);

  g_return_val_if_fail (cells != NULL, self);

  self->cells = cells;
  return self;
}

/**
 * plateau_table_row_get_cell:
 * @self: a row
 * @column: a column position
 *
 * Returns: the text of the cell, "" beyond the last one
 */
const char *
plateau_table_row_get_cell (PlateauTableRow *self,
                            guint            column)
{
  g_return_val_if_fail (PLATEAU_IS_TABLE_ROW (self), "");

  return self->cells != NULL && column < g_strv_length (self->cells) ? self->cells[column] : "";
}

/**
 * plateau_table_row_set_emphasis:
 * @self: a row
 * @emphasis: whether the row stands out (a total, the current period)
 *
 * Shows the row in bold.
 */
void
plateau_table_row_set_emphasis (PlateauTableRow *self,
                                gboolean         emphasis)
{
  g_return_if_fail (PLATEAU_IS_TABLE_ROW (self));

  self->emphasis = emphasis;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (numeric) ? 1.0 : 0.0);
  if (GPOINTER_TO_INT (numeric))
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  numeric)
{
  PlateauTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_label_set_label (GTK_LABEL (label), plateau_table_row_get_cell (row, column));
  if (row->emphasis)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

/**
 * plateau_table_add_column:
 * @view: a column view of #PlateauTableRow items
 * @title: the column header
 * @column: which cell of each row the column shows
 * @numeric: right-align the cells in tabular figures
 *
 * Appends a column that shows one cell of each row.
 */
void
plateau_table_add_column (GtkColumnView *view,
                          const char    *title,
                          guint          column,
                          gboolean       numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (numeric));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (view, col);
}
