/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauDataPage: the periods of a scenario as an editable table, with the
 * scenario's settings and notes beside it. Enter moves down a column, Tab
 * across a row. A value that cannot be taken stays in its cell, marked, with
 * the reason below the table; the scenario keeps its last good value until
 * the cell is corrected or Escape restores it. Every accepted change is an
 * undoable edit.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plateau-data-page-private.h"
#include "plateau-edit.h"
#include "plateau-table-row.h"

/* ROI and stage follow the editable columns; they are read-only. */
enum
{
  COLUMN_ROI = PLATEAU_DATA_N_COLUMNS,
  COLUMN_STAGE,
  N_TABLE_COLUMNS
};

typedef struct
{
  char *text;
  char *reason;
} Refusal;

G_DEFINE_FINAL_TYPE (PlateauDataPage, plateau_data_page, GTK_TYPE_WIDGET)

static void
refusal_free (gpointer data)
{
  Refusal *refusal = data;

  g_free (refusal->text);
  g_free (refusal->reason);
  g_free (refusal);
}

static gpointer
cell_key (guint row,
          guint column)
{
  return GUINT_TO_POINTER (row * N_TABLE_COLUMNS + column + 1);
}

static const char *
column_name (guint column)
{
  switch (column)
    {
    case PLATEAU_DATA_COLUMN_LABEL:
      return _("Period");
    case PLATEAU_DATA_COLUMN_INVESTMENT:
      return _("Investment");
    case PLATEAU_DATA_COLUMN_RETURN:
      return _("Return");
    case COLUMN_ROI:
      return _("ROI");
    default:
      return _("Stage");
    }
}

static void
set_reason (char      **reason,
            const char *text)
{
  if (reason != NULL)
    *reason = g_strdup (text);
}

/**
 * plateau_data_parse_number:
 * @text: what the user typed
 * @column: the column it is for, which sets the allowed range
 * @value: (out): the number
 * @reason: (out) (optional): why @text is refused, in plain words
 *
 * Reads a number typed into the Data table or pasted into it.
 *
 * Returns: whether @text is an acceptable number for @column
 */
gboolean
plateau_data_parse_number (const char        *text,
                           PlateauDataColumn  column,
                           double            *value,
                           char             **reason)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  double v;

  if (*trimmed == '\0')
    {
      set_reason (reason, _("A number is needed"));
      return FALSE;
    }

  if (strchr (trimmed, ',') != NULL)
    {
      set_reason (reason, _("Use a point as the decimal separator and no thousands "
                                   "separators"));
      return FALSE;
    }

  v = g_ascii_strtod (trimmed, &end);
  if (end == trimmed || *end != '\0' || !isfinite (v))
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("“%s” is not a number"), trimmed);
      return FALSE;
    }

  if (column == PLATEAU_DATA_COLUMN_INVESTMENT && v < 0)
    {
      set_reason (reason, _("An investment cannot be negative"));
      return FALSE;
    }

  *value = v;
  return TRUE;
}

/* Setting a tooltip makes GTK query the tooltip under the pointer, which
 * costs a pick through the whole window: done for every cell of a refresh,
 * it would take longer than a frame. Only a real change is set. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
format_number (double value,
               char  *buffer,
               gsize  size)
{
  /* Fifteen significant digits give back exactly what was typed. */
  g_ascii_formatd (buffer, size, "%.15g", value);
}

static char *
model_text (PlateauDataPage *self,
            guint            row,
            guint            column)
{
  const PlateauPeriod *period = plateau_scenario_get_period (self->scenario, row);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (column)
    {
    case PLATEAU_DATA_COLUMN_LABEL:
      return g_strdup (period->label);
    case PLATEAU_DATA_COLUMN_INVESTMENT:
      format_number (period->investment, buffer, sizeof buffer);
      return g_strdup (buffer);
    default:
      format_number (period->ret, buffer, sizeof buffer);
      return g_strdup (buffer);
    }
}

static void
fill_result_cell (PlateauDataPage *self,
                  GtkLabel        *label,
                  guint            row,
                  guint            column)
{
  const PlateauPeriodResult *result = NULL;

  if (self->analysis != NULL && row < plateau_analysis_get_n_periods (self->analysis))
    result = plateau_analysis_get_period (self->analysis, row);

  set_tooltip (GTK_WIDGET (label), NULL);
  if (result == NULL)
    gtk_label_set_text (label, "");
  else if (column == COLUMN_STAGE)
    gtk_label_set_text (label, plateau_stage_get_display_name (result->stage));
  else if (plateau_value_is_present (&result->roi))
    {
      g_autofree char *text = g_strdup_printf ("%.3f", result->roi.value);

      gtk_label_set_text (label, text);
    }
  else
    {
      gtk_label_set_text (label, "—");
      set_tooltip (GTK_WIDGET (label), result->roi.reason);
    }
}

static void
fill_cell (PlateauDataPage *self,
           GtkWidget       *cell)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "row")) - 1;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  Refusal *refusal;
  g_autofree char *text = NULL;

  if (self->scenario == NULL || row >= plateau_scenario_get_n_periods (self->scenario))
    return;

  if (column >= PLATEAU_DATA_N_COLUMNS)
    {
      fill_result_cell (self, GTK_LABEL (cell), row, column);
      return;
    }

  refusal = g_hash_table_lookup (self->refused, cell_key (row, column));
  text = refusal != NULL ? g_strdup (refusal->text) : model_text (self, row, column);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (cell), text);
  set_tooltip (cell, refusal != NULL ? refusal->reason : NULL);
  if (refusal != NULL)
    gtk_widget_add_css_class (cell, "error");
  else
    gtk_widget_remove_css_class (cell, "error");
}

static void
show_cell_error (PlateauDataPage *self,
                 guint            row,
                 guint            column,
                 const char      *reason)
{
  g_autofree char *text = NULL;

  if (reason == NULL)
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      return;
    }

  /* Translators: row number, column name, and why its value is refused */
  text = g_strdup_printf (_("Row %u, %s: %s"), row + 1, column_name (column), reason);
  gtk_label_set_text (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
refresh_results (PlateauDataPage *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (GPOINTER_TO_UINT (g_object_get_data (cell, "column")) >= PLATEAU_DATA_N_COLUMNS)
      fill_cell (self, cell);
}

static void
drop_refusals_past (PlateauDataPage *self,
                    guint            n_rows)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->refused);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if ((GPOINTER_TO_UINT (key) - 1) / N_TABLE_COLUMNS >= n_rows)
      g_hash_table_iter_remove (&iter);
}

/* Wide enough for values of about ten digits; a title that needs more
 * (a long unit, a longer language) widens its column. */
static const int column_widths[N_TABLE_COLUMNS] = { 64, 96, 96, 64, 88 };

static void
update_column_titles (PlateauDataPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  const char *unit = plateau_scenario_get_unit (self->scenario);

  for (guint i = PLATEAU_DATA_COLUMN_INVESTMENT; i <= PLATEAU_DATA_COLUMN_RETURN; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *title = NULL;

      /* Translators: a column title and the currency unit, "Investment (USD)" */
      title = unit != NULL && *unit != '\0'
                ? g_strdup_printf (_("%s (%s)"), column_name (i), unit)
                : g_strdup (column_name (i));
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        continue;

      gtk_column_view_column_set_title (column, title);
      plateau_table_fit_title (self->table, i, column_widths[i]);
    }
}

static void
refresh (PlateauDataPage *self)
{
  guint n = self->scenario != NULL ? plateau_scenario_get_n_periods (self->scenario) : 0;
  GHashTableIter iter;
  gpointer cell;
  g_autofree char *count = NULL;

  drop_refusals_past (self, n);
  plateau_period_list_set_count (self->rows, n);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    fill_cell (self, cell);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u period", "%u periods", n), n);
  gtk_label_set_text (self->count_label, count);
  if (g_hash_table_size (self->refused) == 0)
    show_cell_error (self, 0, 0, NULL);

  if (self->scenario == NULL)
    return;

  update_column_titles (self);
  plateau_data_page_settings_refresh (self);
}

/* Editing one cell. */

static gboolean
cell_position (GtkWidget *cell,
               guint     *row,
               guint     *column)
{
  guint stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "row"));

  if (stored == 0)
    return FALSE;

  *row = stored - 1;
  *column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  return TRUE;
}

static void
refuse (PlateauDataPage *self,
        GtkWidget       *cell,
        guint            row,
        guint            column,
        const char      *text,
        char            *reason)
{
  Refusal *refusal = g_new0 (Refusal, 1);

  refusal->text = g_strdup (text);
  refusal->reason = reason;
  g_hash_table_replace (self->refused, cell_key (row, column), refusal);

  gtk_widget_add_css_class (cell, "error");
  gtk_widget_set_tooltip_text (cell, reason);
  show_cell_error (self, row, column, reason);
}

static void
apply_cell (PlateauDataPage *self,
            guint            row,
            guint            column,
            const char      *label,
            double           value)
{
  const PlateauPeriod *p = plateau_scenario_get_period (self->scenario, row);
  double investment = column == PLATEAU_DATA_COLUMN_INVESTMENT ? value : p->investment;
  double ret = column == PLATEAU_DATA_COLUMN_RETURN ? value : p->ret;
  g_autofree char *new_label = g_strdup (label != NULL ? label : p->label);

  plateau_edit_set_period (self->stack, self->scenario, row, new_label, investment, ret);
}

/* Takes the text of @cell into the scenario, or marks it; returns whether it
 * was taken. */
static gboolean
commit_cell (PlateauDataPage *self,
             GtkWidget       *cell)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell));
  g_autofree char *label = NULL;
  char *reason = NULL;
  double value = 0;
  guint row;
  guint column;

  if (self->scenario == NULL || !cell_position (cell, &row, &column)
      || row >= plateau_scenario_get_n_periods (self->scenario))
    return FALSE;

  if (column == PLATEAU_DATA_COLUMN_LABEL)
    {
      label = g_strstrip (g_strdup (text));
      if (*label == '\0')
        reason = g_strdup (_("A period needs a label, such as its year"));
    }
  else
    plateau_data_parse_number (text, column, &value, &reason);

  if (reason != NULL)
    {
      refuse (self, cell, row, column, text, reason);
      return FALSE;
    }

  g_hash_table_remove (self->refused, cell_key (row, column));
  gtk_widget_remove_css_class (cell, "error");
  set_tooltip (cell, NULL);
  show_cell_error (self, 0, 0, NULL);
  apply_cell (self, row, column, label, value);

  return TRUE;
}

static void
on_cell_activate (GtkEntry        *entry,
                  PlateauDataPage *self)
{
  guint row;
  guint column;

  if (!commit_cell (self, GTK_WIDGET (entry)) || !cell_position (GTK_WIDGET (entry), &row, &column))
    return;

  if (row + 1 < plateau_scenario_get_n_periods (self->scenario))
    plateau_data_page_focus_cell (self, row + 1, column);
}

static void
on_cell_enter (GtkEventControllerFocus *controller,
               PlateauDataPage         *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row;
  guint column;
  Refusal *refusal;

  if (!cell_position (cell, &row, &column))
    return;

  self->cursor_row = row;
  self->cursor_column = column;
  self->has_cursor = TRUE;

  refusal = g_hash_table_lookup (self->refused, cell_key (row, column));
  if (refusal != NULL)
    show_cell_error (self, row, column, refusal->reason);
}

static void
on_cell_leave (GtkEventControllerFocus *controller,
               PlateauDataPage         *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit_cell (self, cell);
}

static gboolean
on_cell_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PlateauDataPage       *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row;
  guint column;

  if (keyval != GDK_KEY_Escape || !cell_position (cell, &row, &column))
    return GDK_EVENT_PROPAGATE;

  /* Escape gives up what was typed, refused or not. */
  g_hash_table_remove (self->refused, cell_key (row, column));
  show_cell_error (self, 0, 0, NULL);
  fill_cell (self, cell);

  return GDK_EVENT_STOP;
}

/* Pasting a block of cells copied from a spreadsheet. */

typedef struct
{
  PlateauDataPage *self;
  GtkWidget *cell;
} PasteRequest;

static gboolean
is_block (const char *text)
{
  g_autofree char *trimmed = g_strchomp (g_strdup (text));

  return strchr (trimmed, '\t') != NULL || strchr (trimmed, '\n') != NULL;
}

static void
show_paste_error (PlateauDataPage *self,
                  const GError    *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PasteRequest *request = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result,
                                                          NULL);
  g_autoptr (GError) error = NULL;

  if (text != NULL && request->cell != NULL && !is_block (text))
    {
      /* One value: an ordinary paste into the cell. */
      int position;

      gtk_editable_delete_selection (GTK_EDITABLE (request->cell));
      position = gtk_editable_get_position (GTK_EDITABLE (request->cell));
      gtk_editable_insert_text (GTK_EDITABLE (request->cell), text, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (request->cell), position);
    }
  else if (text != NULL && !plateau_data_page_paste_text (request->self, text, &error))
    show_paste_error (request->self, error);

  g_object_unref (request->self);
  g_clear_object (&request->cell);
  g_free (request);
}

static void
paste_from_clipboard (PlateauDataPage *self,
                      GtkWidget       *cell)
{
  PasteRequest *request = g_new0 (PasteRequest, 1);

  request->self = g_object_ref (self);
  request->cell = cell != NULL ? g_object_ref (cell) : NULL;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_clipboard_text, request);
}

static void
on_cell_paste (GtkText   *text,
               GtkWidget *cell)
{
  PlateauDataPage *self = PLATEAU_DATA_PAGE (gtk_widget_get_ancestor (cell,
                                                                     PLATEAU_TYPE_DATA_PAGE));

  g_signal_stop_emission_by_name (text, "paste-clipboard");
  if (self != NULL)
    paste_from_clipboard (self, cell);
}

static gboolean
read_block_cell (const char  *text,
                 guint        column,
                 guint        row,
                 double      *value,
                 GString     *errors)
{
  g_autofree char *reason = NULL;

  if (plateau_data_parse_number (text, column, value, &reason))
    return TRUE;

  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  /* Translators: row number, column name, and why its value is refused */
  g_string_append_printf (errors, _("Row %u, %s: %s"), row + 1, column_name (column), reason);
  return FALSE;
}

static char *
next_label (PlateauScenario *scenario)
{
  guint n = plateau_scenario_get_n_periods (scenario);
  const char *last;
  char *end = NULL;
  gint64 number;

  if (n == 0)
    return g_strdup ("1");

  last = plateau_scenario_get_period (scenario, n - 1)->label;
  number = g_ascii_strtoll (last, &end, 10);
  if (end != last && *end == '\0')
    return g_strdup_printf ("%" G_GINT64_FORMAT, number + 1);

  return g_strdup_printf ("%u", n + 1);
}

/* A first line with no number where numbers belong is a header row. */
static gboolean
is_header (char  **cells,
           guint   first_column)
{
  gboolean numeric_column = FALSE;

  for (guint j = 0; cells[j] != NULL && first_column + j < PLATEAU_DATA_N_COLUMNS; j++)
    {
      double value;

      if (first_column + j == PLATEAU_DATA_COLUMN_LABEL)
        continue;

      numeric_column = TRUE;
      if (plateau_data_parse_number (cells[j], first_column + j, &value, NULL))
        return FALSE;
    }

  return numeric_column;
}

static void
write_block_row (PlateauScenario *scenario,
                 guint            row,
                 guint            first_column,
                 char           **cells)
{
  const PlateauPeriod *p;
  g_autofree char *label = NULL;
  double investment;
  double ret;

  if (row == plateau_scenario_get_n_periods (scenario))
    {
      g_autofree char *next = next_label (scenario);

      plateau_scenario_append_period (scenario, next, 0, 0);
    }

  p = plateau_scenario_get_period (scenario, row);
  label = g_strdup (p->label);
  investment = p->investment;
  ret = p->ret;

  for (guint j = 0; cells[j] != NULL && first_column + j < PLATEAU_DATA_N_COLUMNS; j++)
    {
      guint column = first_column + j;

      if (column == PLATEAU_DATA_COLUMN_LABEL)
        {
          g_free (label);
          label = g_strstrip (g_strdup (cells[j]));
        }
      else
        plateau_data_parse_number (cells[j], column,
                                   column == PLATEAU_DATA_COLUMN_INVESTMENT ? &investment : &ret,
                                   NULL);
    }

  plateau_scenario_set_period (scenario, row, label, investment, ret);
}

/* Splits @text into lines of tab-separated cells, without the empty line a
 * spreadsheet leaves after the last row. */
static GPtrArray *
split_block (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\r", ' ');
      if (lines[i + 1] == NULL && *g_strstrip (lines[i]) == '\0')
        break;

      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }

  return rows;
}

static gboolean
check_block (GPtrArray *rows,
             guint      first_row,
             guint      first_column,
             GError   **error)
{
  g_autoptr (GString) errors = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      for (guint j = 0; cells[j] != NULL && first_column + j < PLATEAU_DATA_N_COLUMNS; j++)
        {
          guint column = first_column + j;
          g_autofree char *label = g_strstrip (g_strdup (cells[j]));
          double value;

          if (column != PLATEAU_DATA_COLUMN_LABEL)
            read_block_cell (cells[j], column, first_row + i, &value, errors);
          else if (*label == '\0')
            {
              if (errors->len > 0)
                g_string_append_c (errors, '\n');
              g_string_append_printf (errors, _("Row %u, %s: %s"), first_row + i + 1,
                                      column_name (column),
                                      _("A period needs a label, such as its year"));
            }
        }
    }

  if (errors->len == 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Nothing was pasted. %s"), errors->str);
  return FALSE;
}

/**
 * plateau_data_page_paste_text:
 * @self: a #PlateauDataPage
 * @text: cells copied from a spreadsheet: tab-separated, one row a line
 * @error: return location for the first refused cells
 *
 * Writes a block of cells into the table from the cell with the cursor (or
 * after the last period), adding periods as needed, as one undoable edit. A
 * first row of column titles is skipped. If any cell is refused, nothing is
 * written and @error names the cells.
 *
 * Returns: whether the block was written
 */
gboolean
plateau_data_page_paste_text (PlateauDataPage  *self,
                              const char       *text,
                              GError          **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (PlateauScenario) before = NULL;
  guint n;
  guint first_row;
  guint first_column;

  g_return_val_if_fail (PLATEAU_IS_DATA_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (self->scenario != NULL, FALSE);

  n = plateau_scenario_get_n_periods (self->scenario);
  first_row = self->has_cursor && self->cursor_row < n ? self->cursor_row : n;
  first_column = self->has_cursor && first_row < n ? self->cursor_column : 0;

  rows = split_block (text);
  if (rows->len > 0 && is_header (g_ptr_array_index (rows, 0), first_column))
    g_ptr_array_remove_index (rows, 0);

  if (rows->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The clipboard holds no cells to paste"));
      return FALSE;
    }

  if (!check_block (rows, first_row, first_column, error))
    return FALSE;

  before = plateau_edit_begin (self->scenario);
  plateau_scenario_begin_batch (self->scenario);
  for (guint i = 0; i < rows->len; i++)
    write_block_row (self->scenario, first_row + i, first_column, g_ptr_array_index (rows, i));
  plateau_scenario_end_batch (self->scenario);
  plateau_edit_end (self->stack, self->scenario, g_steal_pointer (&before), _("Paste"));

  return TRUE;
}

/* The table's cells. */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  PlateauDataPage *self = g_object_get_data (G_OBJECT (factory), "page");
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell;
  GtkEventController *controller;

  if (column >= PLATEAU_DATA_N_COLUMNS)
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), column == COLUMN_ROI ? 1 : 0);
      gtk_widget_add_css_class (cell, column == COLUMN_ROI ? "numeric" : "dim-label");
    }
  else
    {
      cell = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (cell), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 8);
      if (column != PLATEAU_DATA_COLUMN_LABEL)
        {
          gtk_entry_set_alignment (GTK_ENTRY (cell), 1);
          gtk_widget_add_css_class (cell, "numeric");
        }

      g_signal_connect (cell, "activate", G_CALLBACK (on_cell_activate), self);
      g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (cell)), "paste-clipboard",
                        G_CALLBACK (on_cell_paste), cell);

      controller = gtk_event_controller_focus_new ();
      g_signal_connect (controller, "enter", G_CALLBACK (on_cell_enter), self);
      g_signal_connect (controller, "leave", G_CALLBACK (on_cell_leave), self);
      gtk_widget_add_controller (cell, controller);

      controller = gtk_event_controller_key_new ();
      g_signal_connect (controller, "key-pressed", G_CALLBACK (on_cell_key), self);
      gtk_widget_add_controller (cell, controller);
    }

  gtk_widget_add_css_class (cell, "data-cell");
  g_object_set_data (G_OBJECT (cell), "column", user_data);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  PlateauDataPage *self = g_object_get_data (G_OBJECT (factory), "page");
  PlateauPeriodRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "row",
                     GUINT_TO_POINTER (plateau_period_row_get_index (row) + 1));
  g_hash_table_add (self->bound, cell);
  fill_cell (self, cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  PlateauDataPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_hash_table_remove (self->bound, cell);
  g_object_set_data (G_OBJECT (cell), "row", NULL);
}

static void
add_column (PlateauDataPage *self,
            guint            column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GUINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (column_name (column), factory);
  gtk_column_view_column_set_fixed_width (view_column, column_widths[column]);
  gtk_column_view_column_set_expand (view_column, column == PLATEAU_DATA_COLUMN_INVESTMENT
                                                    || column == PLATEAU_DATA_COLUMN_RETURN);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->table, view_column);
  plateau_table_fit_title (self->table, column, column_widths[column]);
  if (column != PLATEAU_DATA_COLUMN_LABEL && column != COLUMN_STAGE)
    plateau_table_align_title (self->table, column);
}

/* Rows and actions. */

static void
add_row (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PlateauDataPage *self = PLATEAU_DATA_PAGE (widget);
  g_autoptr (PlateauScenario) before = NULL;
  g_autofree char *label = NULL;
  guint n;

  if (self->scenario == NULL)
    return;

  before = plateau_edit_begin (self->scenario);
  label = next_label (self->scenario);
  plateau_scenario_append_period (self->scenario, label, 0, 0);
  plateau_edit_end (self->stack, self->scenario, g_steal_pointer (&before), _("Add Period"));

  n = plateau_scenario_get_n_periods (self->scenario);
  plateau_data_page_focus_cell (self, n - 1, PLATEAU_DATA_COLUMN_INVESTMENT);
}

static void
remove_row (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlateauDataPage *self = PLATEAU_DATA_PAGE (widget);
  g_autoptr (PlateauScenario) before = NULL;
  guint n;
  guint row;

  if (self->scenario == NULL || (n = plateau_scenario_get_n_periods (self->scenario)) == 0)
    return;

  row = self->has_cursor && self->cursor_row < n ? self->cursor_row : n - 1;
  g_hash_table_remove_all (self->refused);

  before = plateau_edit_begin (self->scenario);
  plateau_scenario_remove_period (self->scenario, row);
  plateau_edit_end (self->stack, self->scenario, g_steal_pointer (&before),
                    _("Remove Period"));
}

static void
paste (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  paste_from_clipboard (PLATEAU_DATA_PAGE (widget), NULL);
}

static void
plateau_data_page_dispose (GObject *object)
{
  PlateauDataPage *self = PLATEAU_DATA_PAGE (object);

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->scenario != NULL)
    g_clear_signal_handler (&self->changed_handler, self->scenario);
  g_clear_object (&self->scenario);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_DATA_PAGE);

  /* The template's top box is not a bound child; it goes here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_data_page_parent_class)->dispose (object);
}

static void
plateau_data_page_finalize (GObject *object)
{
  PlateauDataPage *self = PLATEAU_DATA_PAGE (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->refused, g_hash_table_unref);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (plateau_data_page_parent_class)->finalize (object);
}

static void
plateau_data_page_class_init (PlateauDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_data_page_dispose;
  object_class->finalize = plateau_data_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/plateau/Plateau/ui/"
                                               "plateau-data-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, table);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, exploration_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, growth_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, maturity_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, exploration_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, growth_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, maturity_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, window_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, model_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, basis_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, PlateauDataPage, notes_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_unit_apply",
                                                G_CALLBACK (plateau_data_page_on_unit_apply));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_plan_apply",
                                                G_CALLBACK (plateau_data_page_on_plan_apply));

  gtk_widget_class_install_action (widget_class, "data.add-row", NULL, add_row);
  gtk_widget_class_install_action (widget_class, "data.remove-row", NULL, remove_row);
  gtk_widget_class_install_action (widget_class, "data.paste", NULL, paste);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK,
                                       "data.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "data.remove-row", NULL);
}

static void
plateau_data_page_init (PlateauDataPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  self->refused = g_hash_table_new_full (NULL, NULL, NULL, refusal_free);
  self->rows = plateau_period_list_new ();
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));

  for (guint column = 0; column < N_TABLE_COLUMNS; column++)
    add_column (self, column);

  plateau_data_page_settings_init (self);
  refresh (self);
}

/**
 * plateau_data_page_set_scenario:
 * @self: a #PlateauDataPage
 * @scenario: (nullable): the scenario to show and edit
 * @stack: (nullable): the history edits go to; required with @scenario
 *
 * Shows @scenario; its edits are recorded in @stack.
 */
void
plateau_data_page_set_scenario (PlateauDataPage     *self,
                                PlateauScenario     *scenario,
                                PlateauCommandStack *stack)
{
  g_return_if_fail (PLATEAU_IS_DATA_PAGE (self));
  g_return_if_fail (scenario == NULL || PLATEAU_IS_COMMAND_STACK (stack));

  if (self->scenario == scenario && self->stack == stack)
    return;

  plateau_data_page_commit_notes (self);
  if (self->scenario != NULL)
    g_clear_signal_handler (&self->changed_handler, self->scenario);

  g_set_object (&self->scenario, scenario);
  g_set_object (&self->stack, stack);
  g_hash_table_remove_all (self->refused);
  self->has_cursor = FALSE;

  /* A new scenario starts the table from nothing, so no cell shows a value
   * of the previous one. */
  plateau_period_list_set_count (self->rows, 0);
  if (scenario != NULL)
    self->changed_handler = g_signal_connect_object (scenario, "changed",
                                                     G_CALLBACK (refresh), self,
                                                     G_CONNECT_SWAPPED);
  refresh (self);
}

/**
 * plateau_data_page_set_analysis:
 * @self: a #PlateauDataPage
 * @analysis: (nullable): the analysis of the scenario shown
 *
 * Shows the computed columns (ROI and stage) of @analysis.
 */
void
plateau_data_page_set_analysis (PlateauDataPage *self,
                                PlateauAnalysis *analysis)
{
  g_return_if_fail (PLATEAU_IS_DATA_PAGE (self));

  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  if (analysis != NULL)
    self->analysis = plateau_analysis_ref (analysis);

  refresh_results (self);
}

/**
 * plateau_data_page_get_cell:
 * @self: a #PlateauDataPage
 * @row: a period's index
 * @column: an editable column
 *
 * Gets the entry of a cell, if its row is scrolled into view.
 *
 * Returns: (transfer none) (nullable): the cell's #GtkEntry
 */
GtkWidget *
plateau_data_page_get_cell (PlateauDataPage   *self,
                            guint              row,
                            PlateauDataColumn  column)
{
  GHashTableIter iter;
  gpointer cell;

  g_return_val_if_fail (PLATEAU_IS_DATA_PAGE (self), NULL);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      guint r;
      guint c;

      if (cell_position (cell, &r, &c) && r == row && c == column)
        return cell;
    }

  return NULL;
}

typedef struct
{
  PlateauDataPage *self;
  guint row;
  PlateauDataColumn column;
  guint attempts;
} FocusRequest;

static gboolean
focus_later (gpointer data)
{
  FocusRequest *request = data;
  GtkWidget *cell = plateau_data_page_get_cell (request->self, request->row,
                                                request->column);

  if (cell != NULL)
    {
      gtk_widget_grab_focus (cell);
      return G_SOURCE_REMOVE;
    }

  return ++request->attempts < 10 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
focus_request_free (gpointer data)
{
  FocusRequest *request = data;

  g_object_unref (request->self);
  g_free (request);
}

/* Scrolls so that @row is in view: rows have one height, measured on a
 * bound cell's row. */
static void
scroll_to_row (PlateauDataPage *self,
               guint            row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->table_scroller);
  GHashTableIter iter;
  gpointer cell = NULL;
  int height = 0;

  g_hash_table_iter_init (&iter, self->bound);
  if (g_hash_table_iter_next (&iter, &cell, NULL))
    height = gtk_widget_get_height (gtk_widget_get_parent (cell));

  if (height <= 0)
    return;

  gtk_adjustment_set_value (adjustment,
                            MAX (0, (double) row * height
                                      - gtk_adjustment_get_page_size (adjustment) / 2));
}

/**
 * plateau_data_page_focus_cell:
 * @self: a #PlateauDataPage
 * @row: a period's index
 * @column: an editable column
 *
 * Moves the keyboard focus to a cell, scrolling it into view first.
 */
void
plateau_data_page_focus_cell (PlateauDataPage   *self,
                              guint              row,
                              PlateauDataColumn  column)
{
  GtkWidget *cell;
  FocusRequest *request;

  g_return_if_fail (PLATEAU_IS_DATA_PAGE (self));

  self->cursor_row = row;
  self->cursor_column = column;
  self->has_cursor = TRUE;

  cell = plateau_data_page_get_cell (self, row, column);
  if (cell != NULL)
    {
      gtk_widget_grab_focus (cell);
      return;
    }

  scroll_to_row (self, row);
  request = g_new0 (FocusRequest, 1);
  request->self = g_object_ref (self);
  request->row = row;
  request->column = column;
  g_timeout_add_full (G_PRIORITY_DEFAULT, 16, focus_later, request, focus_request_free);
}

/**
 * plateau_data_page_get_cursor:
 * @self: a #PlateauDataPage
 * @row: (out): the row of the cell last focused
 * @column: (out): its column
 *
 * Returns: whether a cell has been focused since the scenario was shown
 */
gboolean
plateau_data_page_get_cursor (PlateauDataPage   *self,
                              guint             *row,
                              PlateauDataColumn *column)
{
  g_return_val_if_fail (PLATEAU_IS_DATA_PAGE (self), FALSE);

  *row = self->cursor_row;
  *column = self->cursor_column;
  return self->has_cursor;
}

/**
 * plateau_data_page_get_cell_error:
 * @self: a #PlateauDataPage
 * @row: a period's index
 * @column: an editable column
 *
 * Returns: (nullable): why the text in the cell was refused, or %NULL when
 *   the cell shows the scenario's value
 */
const char *
plateau_data_page_get_cell_error (PlateauDataPage   *self,
                                  guint              row,
                                  PlateauDataColumn  column)
{
  Refusal *refusal;

  g_return_val_if_fail (PLATEAU_IS_DATA_PAGE (self), NULL);

  refusal = g_hash_table_lookup (self->refused, cell_key (row, column));
  return refusal != NULL ? refusal->reason : NULL;
}
