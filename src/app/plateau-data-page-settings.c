/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings and notes beside the Data table. Each change is one undoable
 * edit of the scenario; notes become one edit per pause in typing rather
 * than one per key. Settings the model refuses (thresholds out of order) are
 * shown with the reason on the row and not applied.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "plateau-data-page-private.h"
#include "plateau-edit.h"

#define NOTES_PAUSE_MS 700

static void
apply_edit (PlateauDataPage *self,
            PlateauScenario *before,
            const char      *label)
{
  plateau_edit_end (self->stack, self->scenario, before, label);
}

static void
mark_thresholds (PlateauDataPage *self,
                 const char      *reason)
{
  AdwActionRow *rows[] = { self->exploration_row, self->growth_row, self->maturity_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      adw_action_row_set_subtitle (rows[i], reason != NULL ? reason
                                                           : _("Saturation, in per cent"));
      if (reason != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
    }
}

static void
read_settings (PlateauDataPage *self,
               PlateauSettings *settings)
{
  plateau_scenario_get_settings (self->scenario, settings);
  settings->exploration_end = gtk_spin_button_get_value (self->exploration_spin) / 100.0;
  settings->growth_end = gtk_spin_button_get_value (self->growth_spin) / 100.0;
  settings->maturity_end = gtk_spin_button_get_value (self->maturity_spin) / 100.0;
  settings->trailing_window = gtk_spin_button_get_value_as_int (self->window_spin);
  settings->forecast_horizon = gtk_spin_button_get_value_as_int (self->horizon_spin);
  settings->model = adw_combo_row_get_selected (self->model_row) == 1
                      ? PLATEAU_CURVE_GOMPERTZ : PLATEAU_CURVE_LOGISTIC;
  settings->basis = adw_combo_row_get_selected (self->basis_row) == 1
                      ? PLATEAU_BASIS_CUMULATIVE_INVESTMENT : PLATEAU_BASIS_TIME;
}

static void
on_setting_changed (PlateauDataPage *self)
{
  PlateauSettings settings;
  g_autoptr (GError) error = NULL;

  if (self->updating || self->scenario == NULL)
    return;

  read_settings (self, &settings);
  if (!plateau_settings_validate (&settings, &error))
    {
      mark_thresholds (self, error->message);
      return;
    }

  mark_thresholds (self, NULL);
  {
    PlateauScenario *before = plateau_edit_begin (self->scenario);

    plateau_scenario_set_settings (self->scenario, &settings);
    apply_edit (self, before, _("Change Settings"));
  }
}

/**
 * plateau_data_page_on_unit_apply:
 * @self: a #PlateauDataPage
 *
 * Takes the unit typed into the unit row.
 */
void
plateau_data_page_on_unit_apply (PlateauDataPage *self)
{
  g_autofree char *unit = NULL;
  PlateauScenario *before;

  if (self->scenario == NULL)
    return;

  unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
  before = plateau_edit_begin (self->scenario);
  plateau_scenario_set_unit (self->scenario, unit);
  apply_edit (self, before, _("Change Unit"));
}

static GArray *
parse_plan (const char  *text,
            char       **reason)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t;", -1);
  g_autoptr (GArray) plan = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; words[i] != NULL; i++)
    {
      double value;
      g_autofree char *why = NULL;

      if (*words[i] == '\0')
        continue;

      if (!plateau_data_parse_number (words[i], PLATEAU_DATA_COLUMN_INVESTMENT, &value, &why))
        {
          /* Translators: the position of a value in the plan, and why it is refused */
          *reason = g_strdup_printf (_("Value %u of the plan: %s"), plan->len + 1, why);
          return NULL;
        }

      g_array_append_val (plan, value);
    }

  return g_steal_pointer (&plan);
}

/**
 * plateau_data_page_on_plan_apply:
 * @self: a #PlateauDataPage
 *
 * Takes the investment plan typed into the plan row, or marks it.
 */
void
plateau_data_page_on_plan_apply (PlateauDataPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->plan_row));
  g_autoptr (GArray) plan = NULL;
  g_autofree char *reason = NULL;
  PlateauScenario *before;

  if (self->scenario == NULL)
    return;

  plan = parse_plan (text, &reason);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_row), reason);
  if (plan == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->plan_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->plan_row), "error");
  before = plateau_edit_begin (self->scenario);
  plateau_scenario_set_plan (self->scenario, (const double *) plan->data, plan->len);
  apply_edit (self, before, _("Change Investment Plan"));
}

/**
 * plateau_data_page_commit_notes:
 * @self: a #PlateauDataPage
 *
 * Takes the notes typed so far as one edit.
 */
void
plateau_data_page_commit_notes (PlateauDataPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *notes = NULL;
  PlateauScenario *before;

  g_return_if_fail (PLATEAU_IS_DATA_PAGE (self));

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->scenario == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (notes, plateau_scenario_get_notes (self->scenario)) == 0)
    return;

  before = plateau_edit_begin (self->scenario);
  plateau_scenario_set_notes (self->scenario, notes);
  apply_edit (self, before, _("Edit Notes"));
}

static gboolean
on_notes_pause (gpointer data)
{
  PlateauDataPage *self = data;

  self->notes_timeout = 0;
  plateau_data_page_commit_notes (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (PlateauDataPage *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_PAUSE_MS, on_notes_pause, self);
}

static char *
format_plan (PlateauScenario *scenario)
{
  guint n;
  const double *plan = plateau_scenario_get_plan (scenario, &n);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buffer, sizeof buffer, "%.15g", plan[i]);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", buffer);
    }

  return g_string_free (text, FALSE);
}

static void
refresh_notes (PlateauDataPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *shown = NULL;
  const char *notes = plateau_scenario_get_notes (self->scenario);

  /* Rewriting the same text would move the cursor while the user types. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->notes_timeout == 0 && g_strcmp0 (shown, notes) != 0)
    gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
}

/**
 * plateau_data_page_settings_refresh:
 * @self: a #PlateauDataPage
 *
 * Shows the scenario's settings, unit, plan and notes.
 */
void
plateau_data_page_settings_refresh (PlateauDataPage *self)
{
  PlateauSettings settings;
  g_autofree char *plan = NULL;

  plateau_scenario_get_settings (self->scenario, &settings);
  plan = format_plan (self->scenario);

  self->updating = TRUE;
  gtk_spin_button_set_value (self->exploration_spin, round (settings.exploration_end * 100));
  gtk_spin_button_set_value (self->growth_spin, round (settings.growth_end * 100));
  gtk_spin_button_set_value (self->maturity_spin, round (settings.maturity_end * 100));
  gtk_spin_button_set_value (self->window_spin, settings.trailing_window);
  gtk_spin_button_set_value (self->horizon_spin, settings.forecast_horizon);
  adw_combo_row_set_selected (self->model_row, settings.model == PLATEAU_CURVE_GOMPERTZ);
  adw_combo_row_set_selected (self->basis_row,
                              settings.basis == PLATEAU_BASIS_CUMULATIVE_INVESTMENT);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->plan_row), "error"))
    gtk_editable_set_text (GTK_EDITABLE (self->plan_row), plan);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), plateau_scenario_get_unit (self->scenario));
  refresh_notes (self);
  mark_thresholds (self, NULL);
  self->updating = FALSE;
}

/**
 * plateau_data_page_settings_init:
 * @self: a #PlateauDataPage
 *
 * Connects the settings widgets of the template.
 */
void
plateau_data_page_settings_init (PlateauDataPage *self)
{
  GtkSpinButton *spins[] = { self->exploration_spin, self->growth_spin, self->maturity_spin,
                             self->window_spin, self->horizon_spin };

  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_swapped (spins[i], "value-changed", G_CALLBACK (on_setting_changed),
                              self);

  g_signal_connect_swapped (self->model_row, "notify::selected",
                            G_CALLBACK (on_setting_changed), self);
  g_signal_connect_swapped (self->basis_row, "notify::selected",
                            G_CALLBACK (on_setting_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed), self);
}
