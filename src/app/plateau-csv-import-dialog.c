/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview shown before a CSV file becomes data: how the file was read,
 * its first rows, and every rejected row with its line and reason. The user
 * then adds the rows as a new scenario, replaces the periods of the one on
 * screen, or cancels.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-csv-import-dialog.h"

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';':
      return _("semicolons");
    case '\t':
      return _("tabs");
    default:
      return _("commas");
    }
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, heading ? "heading" : "numeric");
  return label;
}

static GtkWidget *
build_preview (const PlateauCsvImport *import)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n = plateau_scenario_get_n_periods (import->scenario);
  const char *titles[] = { _("Period"), _("Investment"), _("Return") };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  for (guint j = 0; j < G_N_ELEMENTS (titles); j++)
    gtk_grid_attach (GTK_GRID (grid), grid_label (titles[j], TRUE, j == 0 ? 0 : 1), j, 0, 1, 1);

  for (guint i = 0; i < MIN (n, PLATEAU_CSV_PREVIEW_ROWS); i++)
    {
      const PlateauPeriod *p = plateau_scenario_get_period (import->scenario, i);
      g_autofree char *investment = g_strdup_printf ("%g", p->investment);
      g_autofree char *ret = g_strdup_printf ("%g", p->ret);

      gtk_grid_attach (GTK_GRID (grid), grid_label (p->label, FALSE, 0), 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), grid_label (investment, FALSE, 1), 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), grid_label (ret, FALSE, 1), 2, i + 1, 1, 1);
    }

  return grid;
}

static GtkWidget *
build_rejections (const PlateauCsvImport *import)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < import->rejections->len; i++)
    {
      const PlateauCsvRejection *rejection = g_ptr_array_index (import->rejections, i);
      /* The message names the line already. */
      GtkWidget *label = gtk_label_new (rejection->message);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  return scroller;
}

static char *
describe (const PlateauCsvImport *import)
{
  guint n = plateau_scenario_get_n_periods (import->scenario);
  g_autofree char *read = NULL;
  g_autofree char *rejected = NULL;

  read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row read, fields separated by %s",
                                       "%u rows read, fields separated by %s", n),
                          n, delimiter_name (import->delimiter));
  /* The sentence's punctuation is translated too: languages end it differently. */
  if (import->n_rejected == 0)
    /* Translators: ends the sentence about the rows read, such as "3 rows read, …" */
    return g_strdup_printf (_("%s."), read);

  rejected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row rejected",
                                           "%u rows rejected", import->n_rejected),
                              import->n_rejected);
  /* Translators: the rows read, then the rows rejected, as one sentence */
  return g_strdup_printf (_("%s; %s."), read, rejected);
}

/**
 * plateau_csv_import_dialog_new:
 * @parent: the window the dialog belongs to
 * @import: what was read from the file
 * @file_name: the file's name, as shown to the user
 * @can_replace: whether a scenario is on screen whose periods could be
 *   replaced
 *
 * Builds the preview of a CSV import. Its responses are "cancel", "new"
 * (add a scenario) and, with @can_replace, "replace".
 *
 * Returns: (transfer floating): an #AdwMessageDialog, not yet presented
 */
GtkWidget *
plateau_csv_import_dialog_new (GtkWindow              *parent,
                               const PlateauCsvImport *import,
                               const char             *file_name,
                               gboolean                can_replace)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *heading = NULL;
  g_autofree char *body = describe (import);
  gboolean any = plateau_scenario_get_n_periods (import->scenario) > 0;

  /* Translators: the name of the CSV file */
  heading = g_strdup_printf (_("Import “%s”"), file_name);
  dialog = adw_message_dialog_new (parent, heading, body);

  if (any)
    gtk_box_append (GTK_BOX (box), build_preview (import));
  if (import->rejections->len > 0)
    gtk_box_append (GTK_BOX (box), build_rejections (import));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (can_replace)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "replace",
                                     _("_Replace Periods"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "new", _("_Add as Scenario"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "new", any);
  if (can_replace)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "replace", any);

  return dialog;
}
