/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauPeriodList: the rows of the Data table as a list model. A row is
 * only a position: its cells read the scenario when they are bound, so a
 * value edit changes no item and keeps the focus where it is; only a change
 * in the number of periods is announced to the view.
 */

#include "config.h"

#include "plateau-period-list.h"

struct _PlateauPeriodRow
{
  GObject parent_instance;

  guint index;
};

G_DEFINE_FINAL_TYPE (PlateauPeriodRow, plateau_period_row, G_TYPE_OBJECT)

static void
plateau_period_row_class_init (PlateauPeriodRowClass *klass)
{
}

static void
plateau_period_row_init (PlateauPeriodRow *self)
{
}

/**
 * plateau_period_row_get_index:
 * @self: a #PlateauPeriodRow
 *
 * Returns: the index of the period the row shows
 */
guint
plateau_period_row_get_index (PlateauPeriodRow *self)
{
  g_return_val_if_fail (PLATEAU_IS_PERIOD_ROW (self), 0);

  return self->index;
}

struct _PlateauPeriodList
{
  GObject parent_instance;

  /* Rows made so far, created on first request: a table of ten thousand
   * periods only makes the rows that are scrolled into view. */
  GPtrArray *rows;
  guint count;
};

static GType
plateau_period_list_get_item_type (GListModel *model)
{
  return PLATEAU_TYPE_PERIOD_ROW;
}

static guint
plateau_period_list_get_n_items (GListModel *model)
{
  return PLATEAU_PERIOD_LIST (model)->count;
}

static gpointer
plateau_period_list_get_item (GListModel *model,
                              guint       position)
{
  PlateauPeriodList *self = PLATEAU_PERIOD_LIST (model);
  PlateauPeriodRow *row;

  if (position >= self->count)
    return NULL;

  if (position >= self->rows->len)
    g_ptr_array_set_size (self->rows, position + 1);

  row = g_ptr_array_index (self->rows, position);
  if (row == NULL)
    {
      row = g_object_new (PLATEAU_TYPE_PERIOD_ROW, NULL);
      row->index = position;
      g_ptr_array_index (self->rows, position) = row;
    }

  return g_object_ref (row);
}

static void
plateau_period_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plateau_period_list_get_item_type;
  iface->get_n_items = plateau_period_list_get_n_items;
  iface->get_item = plateau_period_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PlateauPeriodList, plateau_period_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      plateau_period_list_model_init))

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
plateau_period_list_finalize (GObject *object)
{
  PlateauPeriodList *self = PLATEAU_PERIOD_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (plateau_period_list_parent_class)->finalize (object);
}

static void
plateau_period_list_class_init (PlateauPeriodListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plateau_period_list_finalize;
}

static void
plateau_period_list_init (PlateauPeriodList *self)
{
  self->rows = g_ptr_array_new_with_free_func (unref_row);
}

/**
 * plateau_period_list_new:
 *
 * Returns: (transfer full): an empty list
 */
PlateauPeriodList *
plateau_period_list_new (void)
{
  return g_object_new (PLATEAU_TYPE_PERIOD_LIST, NULL);
}

/**
 * plateau_period_list_set_count:
 * @self: a #PlateauPeriodList
 * @count: the number of periods
 *
 * Grows or shrinks the list at its end.
 */
void
plateau_period_list_set_count (PlateauPeriodList *self,
                               guint              count)
{
  guint old;

  g_return_if_fail (PLATEAU_IS_PERIOD_LIST (self));

  if (count == self->count)
    return;

  old = self->count;
  self->count = count;
  if (self->rows->len > count)
    g_ptr_array_set_size (self->rows, count);

  if (count > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, count - old);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), count, old - count, 0);
}
