/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One row of a read-only table of text cells, and the column factory that
 * shows it in a GtkColumnView. The forecast and portfolio tables use it;
 * every table of the views uses the column header helpers.
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
  /* No margin of its own: the cell's padding equals the header's, so the
   * figures line up with their titles. */
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

/* GTK 4.8 has no API for a column header's alignment: the header of each
 * column is a button holding a box of the title label and a sort
 * indicator, reached here through the widget tree, in column order. When
 * the tree is not shaped so, the header stays as GTK made it. */
static GtkWidget *
find_title (GtkColumnView *view,
            guint          position)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  GtkWidget *title;

  if (header == NULL || g_strcmp0 (gtk_widget_get_css_name (header), "header") != 0)
    return NULL;

  title = gtk_widget_get_first_child (header);
  for (guint i = 0; title != NULL && i < position; i++)
    title = gtk_widget_get_next_sibling (title);

  return title;
}

static GtkWidget *
find_title_label (GtkWidget *title)
{
  GtkWidget *box = title != NULL ? gtk_widget_get_first_child (title) : NULL;
  GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

  return GTK_IS_LABEL (label) ? label : NULL;
}

/**
 * plateau_table_align_title:
 * @view: a column view whose columns cannot be sorted
 * @position: the position of a column of figures
 *
 * Right-aligns the column's title over its right-aligned figures.
 */
void
plateau_table_align_title (GtkColumnView *view,
                           guint          position)
{
  GtkWidget *label;
  GtkWidget *indicator;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  label = find_title_label (find_title (view, position));
  if (label == NULL)
    return;

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);

  /* Without a sorter the indicator is an empty square that would hold
   * the title off the right edge of the figures. */
  indicator = gtk_widget_get_next_sibling (label);
  if (indicator != NULL)
    gtk_widget_set_visible (indicator, FALSE);
}

/* The width a title needs. The header button measures as wide as a fixed
 * width column, so its contents are measured and its padding added. */
static int
title_width (GtkWidget *title)
{
  GtkWidget *box = title != NULL ? gtk_widget_get_first_child (title) : NULL;
  GtkStyleContext *style;
  GtkBorder padding;
  GtkBorder border;
  int natural = 0;

  if (box == NULL)
    return 0;

  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  style = gtk_widget_get_style_context (title);
  gtk_style_context_get_padding (style, &padding);
  gtk_style_context_get_border (style, &border);

  return natural + padding.left + padding.right + border.left + border.right;
}

/**
 * plateau_table_fit_title:
 * @view: a column view
 * @position: the position of a column with a fixed width
 * @width: the width the column's figures need
 *
 * Gives the column @width, or more if its title needs more: titles differ
 * in width between languages, and a fixed width would clip a longer one.
 */
void
plateau_table_fit_title (GtkColumnView *view,
                         guint          position,
                         int            width)
{
  g_autoptr (GtkColumnViewColumn) column = NULL;
  GtkWidget *title;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  column = g_list_model_get_item (gtk_column_view_get_columns (view), position);
  g_return_if_fail (column != NULL);

  title = find_title (view, position);
  gtk_column_view_column_set_fixed_width (column, MAX (width, title_width (title)));
}

/**
 * plateau_table_add_column:
 * @view: a column view of #PlateauTableRow items
 * @title: the column header
 * @column: which cell of each row the column shows
 * @numeric: right-align the cells in tabular figures, and the title over them
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
  if (numeric)
    plateau_table_align_title (view, g_list_model_get_n_items (gtk_column_view_get_columns (view))
                                     - 1);
}
