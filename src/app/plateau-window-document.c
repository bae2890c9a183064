/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's document: new, open (file chooser, drop, command line, recent
 * files), save, save as, close, the question about unsaved changes, CSV
 * import, and the autosave that brings work back after a crash.
 *
 * Autosave writes the unsaved document a moment after each edit to
 * $XDG_STATE_HOME/plateau/autosave/, beside a key file naming the process
 * and the document's own file. A clean close removes both. On the next start
 * the files of processes that are gone are offered back.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plateau-csv-import-dialog.h"
#include "plateau-edit.h"
#include "plateau-window-private.h"

#define RECENT_MENU_SIZE 8

/* Modified state and title. */

/**
 * plateau_window_is_modified:
 * @self: a #PlateauWindow
 *
 * Returns: whether the document has changes its file does not have
 */
gboolean
plateau_window_is_modified (PlateauWindow *self)
{
  if (self->document == NULL)
    return FALSE;

  return self->restored || !plateau_command_stack_is_clean (self->stack);
}

/**
 * plateau_window_get_modified:
 * @self: a #PlateauWindow
 *
 * Returns: whether the open document has unsaved changes
 */
gboolean
plateau_window_get_modified (PlateauWindow *self)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), FALSE);

  return plateau_window_is_modified (self);
}

static void
set_enabled (PlateauWindow *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (PlateauWindow *self)
{
  gboolean open = self->document != NULL;
  const char *document_actions[] = { "save", "save-as", "close-document", "import-csv",
                                     "add-scenario", "add-graph" };

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    set_enabled (self, document_actions[i], open);

  set_enabled (self, "undo",
                                 open && plateau_command_stack_can_undo (self->stack));
  set_enabled (self, "redo",
                                 open && plateau_command_stack_can_redo (self->stack));
}

/* Autosave. */

static char *
autosave_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "plateau", "autosave", NULL);
}

static char *
info_path (const char *autosave_path)
{
  return g_strconcat (autosave_path, ".info", NULL);
}

static void
ensure_autosave_path (PlateauWindow *self)
{
  static guint counter;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  if (self->autosave_path != NULL)
    return;

  folder = autosave_folder ();
  name = g_strdup_printf ("%d-%" G_GINT64_FORMAT "-%u.plateau", (int) getpid (),
                          g_get_real_time (), ++counter);
  self->autosave_path = g_build_filename (folder, name, NULL);
}

static gboolean
write_autosave_info (PlateauWindow *self,
                     GError       **error)
{
  g_autoptr (GKeyFile) info = g_key_file_new ();
  g_autofree char *path = info_path (self->autosave_path);

  g_key_file_set_integer (info, "Autosave", "Pid", getpid ());
  g_key_file_set_int64 (info, "Autosave", "Time", g_get_real_time () / G_USEC_PER_SEC);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_key_file_set_string (info, "Autosave", "File", uri);
    }

  return g_key_file_save_to_file (info, path, error);
}

/**
 * plateau_window_autosave_now:
 * @self: a #PlateauWindow
 *
 * Writes the unsaved document to the state folder, or removes the autosave
 * when there is nothing unsaved.
 */
void
plateau_window_autosave_now (PlateauWindow *self)
{
  g_autofree char *folder = autosave_folder ();
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->autosave_timeout, g_source_remove);

  if (!plateau_window_is_modified (self))
    {
      plateau_window_forget_autosave (self);
      return;
    }

  ensure_autosave_path (self);
  file = g_file_new_for_path (self->autosave_path);

  if (g_mkdir_with_parents (folder, 0700) != 0
      || !plateau_document_save (self->document, file, NULL, &error)
      || !write_autosave_info (self, &error))
    g_warning ("Unsaved work could not be kept in %s: %s", folder,
               error != NULL ? error->message : g_strerror (errno));
}

static gboolean
on_autosave_timeout (gpointer data)
{
  PlateauWindow *self = data;

  self->autosave_timeout = 0;
  plateau_window_autosave_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (PlateauWindow *self)
{
  if (self->autosave_timeout != 0)
    return;

  self->autosave_timeout = g_timeout_add (PLATEAU_AUTOSAVE_DELAY_MS, on_autosave_timeout,
                                          self);
}

/**
 * plateau_window_forget_autosave:
 * @self: a #PlateauWindow
 *
 * Removes the window's autosave: its work is saved or knowingly dropped.
 */
void
plateau_window_forget_autosave (PlateauWindow *self)
{
  g_autofree char *info = NULL;

  g_clear_handle_id (&self->autosave_timeout, g_source_remove);
  if (self->autosave_path == NULL)
    return;

  info = info_path (self->autosave_path);
  g_unlink (self->autosave_path);
  g_unlink (info);
}

/**
 * plateau_window_get_autosave_path:
 * @self: a #PlateauWindow
 *
 * Returns: (nullable): where unsaved work of this window is kept, once it
 *   has been written
 */
const char *
plateau_window_get_autosave_path (PlateauWindow *self)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  return self->autosave_path;
}

/* The document. */

static void
on_stack_changed (PlateauWindow *self)
{
  plateau_window_sidebar_reconcile (self);
  update_actions (self);
  plateau_window_update_title (self);
  schedule_autosave (self);
}

static void
disconnect_document (PlateauWindow *self)
{
  if (self->stack != NULL)
    g_clear_signal_handler (&self->stack_handler, self->stack);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_handler, self->document);
}

/**
 * plateau_window_set_document:
 * @self: a #PlateauWindow
 * @document: (nullable): the document to show, or %NULL for none
 * @file: (nullable): where @document is saved, %NULL if it is not yet
 *
 * Shows @document with an empty history, as saved. The previous document's
 * autosave is removed: the caller has settled its unsaved changes.
 */
void
plateau_window_set_document (PlateauWindow   *self,
                             PlateauDocument *document,
                             GFile           *file)
{
  g_return_if_fail (PLATEAU_IS_WINDOW (self));
  g_return_if_fail (document == NULL || PLATEAU_IS_DOCUMENT (document));

  plateau_window_edit_graph (self, NULL);
  plateau_window_forget_autosave (self);
  g_clear_pointer (&self->autosave_path, g_free);
  disconnect_document (self);

  g_clear_object (&self->selected);
  self->lost_model = NULL;
  self->restored = FALSE;
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_clear_pointer (&self->untitled_name, g_free);
  plateau_command_stack_clear (self->stack);
  self->stack_handler = g_signal_connect_object (self->stack, "changed",
                                                 G_CALLBACK (on_stack_changed), self,
                                                 G_CONNECT_SWAPPED);
  if (document != NULL)
    self->document_handler = g_signal_connect_object (document, "changed",
                                                      G_CALLBACK (plateau_window_update_title),
                                                      self, G_CONNECT_SWAPPED);

  plateau_scenario_view_set_document (self->scenario_view, document);
  plateau_window_sidebar_bind (self);
  gtk_stack_set_visible_child_name (self->main_stack, document != NULL ? "workspace" : "empty");
  update_actions (self);
  plateau_window_update_title (self);
}

static void
note_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/**
 * plateau_window_load:
 * @self: a #PlateauWindow
 * @file: a Plateau document
 * @error: return location for why it could not be read
 *
 * Reads @file and shows it, replacing the open document without asking.
 *
 * Returns: whether @file was read
 */
gboolean
plateau_window_load (PlateauWindow *self,
                     GFile         *file,
                     GError       **error)
{
  g_autoptr (PlateauDocument) document = NULL;

  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = plateau_document_load (file, NULL, error);
  if (document == NULL)
    return FALSE;

  plateau_window_set_document (self, document, file);
  note_recent (file);
  return TRUE;
}

static void
open_or_tell (PlateauWindow *self,
              GFile         *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;

  if (plateau_window_load (self, file, &error))
    return;

  /* Translators: the name of a document */
  heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
  plateau_window_show_error (self, heading, error);
}

/**
 * plateau_window_save_to:
 * @self: a #PlateauWindow
 * @file: where to save
 * @error: return location for why it could not be written
 *
 * Saves the document to @file, which becomes its file.
 *
 * Returns: whether the document was saved
 */
gboolean
plateau_window_save_to (PlateauWindow *self,
                        GFile         *file,
                        GError       **error)
{
  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  plateau_window_commit_typing (self);
  if (!plateau_document_save (self->document, file, NULL, error))
    return FALSE;

  g_set_object (&self->file, file);
  self->restored = FALSE;
  plateau_command_stack_set_clean (self->stack);
  plateau_window_forget_autosave (self);
  note_recent (file);
  plateau_window_update_title (self);

  return TRUE;
}

/* The unsaved-changes question and its continuation. */

static void
clear_pending (PlateauWindow *self)
{
  if (self->pending_destroy != NULL)
    self->pending_destroy (self->pending_data);

  self->pending = NULL;
  self->pending_data = NULL;
  self->pending_destroy = NULL;
}

static void
run_pending (PlateauWindow *self)
{
  PlateauWindowContinuation then = self->pending;
  gpointer data = self->pending_data;
  GDestroyNotify destroy = self->pending_destroy;

  self->pending = NULL;
  self->pending_data = NULL;
  self->pending_destroy = NULL;

  if (then != NULL)
    then (self, data);
  if (destroy != NULL)
    destroy (data);
}

static GtkFileFilter *
document_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plateau Documents"));
  gtk_file_filter_add_mime_type (filter, "application/x-plateau");
  gtk_file_filter_add_suffix (filter, "plateau");
  return filter;
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     PlateauWindow   *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    {
      /* Cancelled: whatever waited for the save does not happen. */
      clear_pending (self);
      return;
    }

  if (!plateau_window_save_to (self, file, &error))
    {
      clear_pending (self);
      plateau_window_show_error (self, _("The Document Could Not Be Saved"), error);
      return;
    }

  run_pending (self);
}

static void
save_as (PlateauWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), document_filter ());

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    /* Translators: the file name proposed for a new document; keep the suffix */
    name = g_strdup (_("Untitled.plateau"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to the document's file, or asks for one; then runs the pending
 * continuation if the document was saved. */
static void
save (PlateauWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->file == NULL)
    {
      save_as (self);
      return;
    }

  if (!plateau_window_save_to (self, self->file, &error))
    {
      clear_pending (self);
      plateau_window_show_error (self, _("The Document Could Not Be Saved"), error);
      return;
    }

  run_pending (self);
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PlateauWindow    *self)
{
  if (g_str_equal (response, "save"))
    save (self);
  else if (g_str_equal (response, "discard"))
    run_pending (self);
  else
    clear_pending (self);
}

/**
 * plateau_window_confirm_discard:
 * @self: a #PlateauWindow
 * @then: what to do once the open document's changes are settled
 * @data: data for @then
 * @destroy: (nullable): frees @data
 *
 * Runs @then at once when nothing is unsaved; else asks whether to save,
 * discard or cancel, and runs @then after a save or a discard.
 */
void
plateau_window_confirm_discard (PlateauWindow            *self,
                                PlateauWindowContinuation then,
                                gpointer                  data,
                                GDestroyNotify            destroy)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  clear_pending (self);
  self->pending = then;
  self->pending_data = data;
  self->pending_destroy = destroy;

  plateau_window_commit_typing (self);
  if (!plateau_window_is_modified (self))
    {
      run_pending (self);
      return;
    }

  name = plateau_window_dup_display_name (self);
  /* Translators: the name of a document */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Changes that are not saved are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions. */

static void
new_document_now (PlateauWindow *self,
                  gpointer       data)
{
  g_autoptr (PlateauDocument) document = plateau_document_new ();
  g_autoptr (PlateauScenario) scenario = plateau_scenario_new (_("Technology"));

  plateau_document_add_scenario (document, scenario);
  plateau_window_set_document (self, document, NULL);
}

static void
new_document (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  plateau_window_confirm_discard (PLATEAU_WINDOW (user_data), new_document_now, NULL, NULL);
}

static void
open_file_now (PlateauWindow *self,
               gpointer       data)
{
  open_or_tell (self, G_FILE (data));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  PlateauWindow   *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    plateau_window_confirm_discard (self, open_file_now, g_steal_pointer (&file),
                                    g_object_unref);
}

static void
open_document (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (user_data),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), document_filter ());
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), user_data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GFile *file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  plateau_window_confirm_discard (PLATEAU_WINDOW (user_data), open_file_now, file,
                                  g_object_unref);
}

static void
open_sample_now (PlateauWindow *self,
                 gpointer       data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *text;

  bytes = g_resources_lookup_data (PLATEAU_SAMPLE_RESOURCE, 0, &error);
  if (bytes != NULL)
    {
      text = g_bytes_get_data (bytes, &size);
      document = plateau_document_load_from_data (text, size, _("the sample"), &error);
    }

  if (document == NULL)
    {
      plateau_window_show_error (self, _("The Sample Could Not Be Opened"), error);
      return;
    }

  /* The sample has no file: saving it asks where, so it stays pristine. */
  plateau_window_set_document (self, document, NULL);
  self->untitled_name = g_strdup (_("Sample"));
  plateau_window_update_title (self);
}

static void
open_sample (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  plateau_window_confirm_discard (PLATEAU_WINDOW (user_data), open_sample_now, NULL, NULL);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PlateauWindow *self = PLATEAU_WINDOW (user_data);

  clear_pending (self);
  save (self);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PlateauWindow *self = PLATEAU_WINDOW (user_data);

  clear_pending (self);
  save_as (self);
}

static void
close_document_now (PlateauWindow *self,
                    gpointer       data)
{
  plateau_window_set_document (self, NULL, NULL);
}

static void
close_document (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  plateau_window_confirm_discard (PLATEAU_WINDOW (user_data), close_document_now, NULL, NULL);
}

static void
undo (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  PlateauWindow *self = user_data;

  plateau_window_commit_typing (self);
  self->replaying = TRUE;
  plateau_command_stack_undo (self->stack);
  self->replaying = FALSE;
}

static void
redo (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  PlateauWindow *self = user_data;

  plateau_window_commit_typing (self);
  self->replaying = TRUE;
  plateau_command_stack_redo (self->stack);
  self->replaying = FALSE;
}

/* CSV import. */

static void
replace_periods (PlateauWindow   *self,
                 PlateauScenario *scenario,
                 PlateauScenario *source)
{
  PlateauScenario *before = plateau_edit_begin (scenario);

  plateau_scenario_begin_batch (scenario);
  plateau_scenario_clear_periods (scenario);
  for (guint i = 0; i < plateau_scenario_get_n_periods (source); i++)
    {
      const PlateauPeriod *p = plateau_scenario_get_period (source, i);

      plateau_scenario_append_period (scenario, p->label, p->investment, p->ret);
    }
  plateau_scenario_end_batch (scenario);

  plateau_edit_end (self->stack, scenario, before, _("Import CSV"));
}

static void
on_import_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PlateauWindow    *self)
{
  PlateauCsvImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");

  if (self->document == NULL)
    return;

  if (g_str_equal (response, "replace") && PLATEAU_IS_SCENARIO (self->selected))
    replace_periods (self, PLATEAU_SCENARIO (self->selected), import->scenario);
  else if (g_str_equal (response, "new"))
    {
      g_autoptr (PlateauScenario) scenario = plateau_scenario_dup (import->scenario);
      guint n = plateau_document_get_n_scenarios (self->document);

      plateau_scenario_set_name (scenario, name);
      plateau_edit_insert_scenario (self->stack, self->document, n, scenario,
                                    _("Import CSV"));
      plateau_window_select (self, G_OBJECT (scenario));
    }
}

static char *
scenario_name_for (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/**
 * plateau_window_import_csv_file:
 * @self: a #PlateauWindow
 * @file: a CSV file
 *
 * Reads @file and shows the import preview, or tells why it cannot be read.
 *
 * Returns: (transfer none) (nullable): the preview dialog, or %NULL
 */
GtkWidget *
plateau_window_import_csv_file (PlateauWindow *self,
                                GFile         *file)
{
  g_autoptr (PlateauCsvImport) import = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *display = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->document == NULL)
    new_document_now (self, NULL);

  display = g_file_get_basename (file);
  import = plateau_csv_import_file (file, NULL, &error);
  if (import == NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: the name of a CSV file */
      heading = g_strdup_printf (_("“%s” Could Not Be Imported"), display);
      plateau_window_show_error (self, heading, error);
      return NULL;
    }

  dialog = plateau_csv_import_dialog_new (GTK_WINDOW (self), import, display,
                                          PLATEAU_IS_SCENARIO (self->selected));
  g_object_set_data_full (G_OBJECT (dialog), "name", scenario_name_for (file), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "import", g_steal_pointer (&import),
                          (GDestroyNotify) plateau_csv_import_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
on_import_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            PlateauWindow   *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    plateau_window_import_csv_file (self, file);
}

static void
import_csv (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");

  chooser = gtk_file_chooser_native_new (_("Import CSV"), GTK_WINDOW (user_data),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response), user_data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Files given by the command line, the desktop or a drop. */

static gboolean
is_csv (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv");
}

/**
 * plateau_window_open_files:
 * @self: a #PlateauWindow
 * @files: (array length=n_files): documents or CSV files
 * @n_files: the number of @files
 *
 * Opens the first document in this window (after asking about unsaved
 * changes) and each further one in a window of its own; CSV files are
 * offered for import.
 */
void
plateau_window_open_files (PlateauWindow  *self,
                           GFile         **files,
                           int             n_files)
{
  gboolean used = FALSE;

  g_return_if_fail (PLATEAU_IS_WINDOW (self));
  g_return_if_fail (n_files >= 0);

  for (int i = 0; i < n_files; i++)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      PlateauWindow *window;

      if (is_csv (files[i]))
        {
          plateau_window_import_csv_file (self, files[i]);
          continue;
        }

      if (!used || app == NULL)
        {
          used = TRUE;
          plateau_window_confirm_discard (self, open_file_now, g_object_ref (files[i]),
                                          g_object_unref);
          continue;
        }

      window = plateau_window_new (PLATEAU_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (window));
      open_or_tell (window, files[i]);
    }
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PlateauWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr (GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  if (files->len == 0)
    return FALSE;

  plateau_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* Recovery after a crash. */

typedef struct
{
  char *path;
  char *uri;
  gint64 time;
} Orphan;

static void
orphan_free (gpointer data)
{
  Orphan *orphan = data;

  g_free (orphan->path);
  g_free (orphan->uri);
  g_free (orphan);
}

static gboolean
process_alive (int pid)
{
  return pid > 0 && pid != getpid () && (kill (pid, 0) == 0 || errno == EPERM);
}

static Orphan *
read_orphan (const char *folder,
             const char *info_name)
{
  g_autofree char *info = g_build_filename (folder, info_name, NULL);
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  Orphan *orphan;

  if (!g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL))
    return NULL;

  /* A running Plateau still owns its autosave. */
  if (process_alive (g_key_file_get_integer (keys, "Autosave", "Pid", NULL)))
    return NULL;

  orphan = g_new0 (Orphan, 1);
  orphan->path = g_strndup (info, strlen (info) - strlen (".info"));
  orphan->uri = g_key_file_get_string (keys, "Autosave", "File", NULL);
  orphan->time = g_key_file_get_int64 (keys, "Autosave", "Time", NULL);

  if (!g_file_test (orphan->path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (info);
      g_clear_pointer (&orphan, orphan_free);
    }

  return orphan;
}

static int
compare_orphans (gconstpointer a,
                 gconstpointer b)
{
  const Orphan *x = *(Orphan *const *) a;
  const Orphan *y = *(Orphan *const *) b;

  return (x->time < y->time) - (x->time > y->time);
}

static GPtrArray *
find_orphans (void)
{
  g_autofree char *folder = autosave_folder ();
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *orphans = g_ptr_array_new_with_free_func (orphan_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      Orphan *orphan;

      if (g_str_has_suffix (name, ".info") && (orphan = read_orphan (folder, name)) != NULL)
        g_ptr_array_add (orphans, orphan);
    }

  g_ptr_array_sort (orphans, compare_orphans);
  return orphans;
}

static void
forget_orphan (const Orphan *orphan)
{
  g_autofree char *info = info_path (orphan->path);

  g_unlink (orphan->path);
  g_unlink (info);
}

static void
restore_orphan (PlateauWindow *self,
                const Orphan  *orphan)
{
  g_autoptr (GFile) saved = g_file_new_for_path (orphan->path);
  g_autoptr (GFile) file = orphan->uri != NULL ? g_file_new_for_uri (orphan->uri) : NULL;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = plateau_document_load (saved, NULL, &error);
  if (document == NULL)
    {
      plateau_window_show_error (self, _("The Unsaved Work Could Not Be Restored"), error);
      return;
    }

  plateau_window_set_document (self, document, file);
  self->restored = TRUE;
  forget_orphan (orphan);
  plateau_window_autosave_now (self);
  plateau_window_update_title (self);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PlateauWindow    *self)
{
  GPtrArray *orphans = g_object_get_data (G_OBJECT (dialog), "orphans");
  const Orphan *orphan = g_ptr_array_index (orphans, 0);

  if (g_str_equal (response, "restore"))
    restore_orphan (self, orphan);
  else if (g_str_equal (response, "discard"))
    forget_orphan (orphan);
}

static char *
describe_orphan (const Orphan *orphan)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (orphan->time);
  g_autofree char *when = time != NULL ? g_date_time_format (time, "%x %X") : g_strdup ("");
  g_autofree char *name = NULL;

  if (orphan->uri != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (orphan->uri);

      name = g_file_get_basename (file);
    }
  else
    name = g_strdup (_("Untitled Document"));

  /* Translators: a document's name, and the date and time of its last change */
  return g_strdup_printf (_("Plateau closed before the changes to “%s” were saved. "
                            "They can be restored as they were at %s."),
                          name, when);
}

/**
 * plateau_window_offer_recovery:
 * @self: a #PlateauWindow
 *
 * Looks for work left unsaved by a Plateau that ended without closing, and
 * offers the latest back.
 *
 * Returns: (transfer none) (nullable): the question shown, or %NULL when
 *   nothing is left to restore
 */
GtkWidget *
plateau_window_offer_recovery (PlateauWindow *self)
{
  g_autoptr (GPtrArray) orphans = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (PLATEAU_IS_WINDOW (self), NULL);

  orphans = find_orphans ();
  if (orphans->len == 0)
    return NULL;

  body = describe_orphan (g_ptr_array_index (orphans, 0));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Not Now"),
                                    "discard", _("_Discard"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "orphans", g_steal_pointer (&orphans),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/**
 * plateau_window_start:
 * @self: a #PlateauWindow
 * @first_start: whether Plateau runs for the first time for this user
 *
 * Starts a window opened without a file: offers unsaved work back after a
 * crash, else opens the bundled sample on the first start.
 */
void
plateau_window_start (PlateauWindow *self,
                      gboolean       first_start)
{
  g_return_if_fail (PLATEAU_IS_WINDOW (self));

  if (plateau_window_offer_recovery (self) != NULL)
    return;

  if (first_start)
    open_sample_now (self, NULL);
}

/* Recent files. */

static void
update_recent_menu (PlateauWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l != NULL && n < RECENT_MENU_SIZE; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr (GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".plateau") || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (self->recent_submenu, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static const GActionEntry document_actions[] = {
  { "new", new_document, NULL, NULL, NULL, { 0 } },
  { "open", open_document, NULL, NULL, NULL, { 0 } },
  { "open-recent", open_recent, "s", NULL, NULL, { 0 } },
  { "open-sample", open_sample, NULL, NULL, NULL, { 0 } },
  { "save", save_action, NULL, NULL, NULL, { 0 } },
  { "save-as", save_as_action, NULL, NULL, NULL, { 0 } },
  { "import-csv", import_csv, NULL, NULL, NULL, { 0 } },
  { "close-document", close_document, NULL, NULL, NULL, { 0 } },
  { "undo", undo, NULL, NULL, NULL, { 0 } },
  { "redo", redo, NULL, NULL, NULL, { 0 } },
};

/**
 * plateau_window_document_init:
 * @self: a #PlateauWindow
 *
 * Sets up the document state of a new window: no document, drops accepted.
 */
void
plateau_window_document_init (PlateauWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->stack = plateau_command_stack_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), document_actions,
                                   G_N_ELEMENTS (document_actions), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  update_actions (self);
}

/**
 * plateau_window_document_dispose:
 * @self: a #PlateauWindow
 *
 * Releases the document state.
 */
void
plateau_window_document_dispose (PlateauWindow *self)
{
  g_clear_handle_id (&self->autosave_timeout, g_source_remove);
  clear_pending (self);
  disconnect_document (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->autosave_path, g_free);
  g_clear_pointer (&self->untitled_name, g_free);
}
