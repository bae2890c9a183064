/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unsaved work survives a crash. A child process runs the application,
 * edits a cell, waits for the autosave and is killed with SIGKILL; the
 * application started again offers the work back and restores it as an
 * unsaved document.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "plateau-workspace-test.h"

static gboolean
autosaved (gconstpointer data)
{
  const char *path = plateau_window_get_autosave_path (PLATEAU_WINDOW ((gpointer) data));

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The autosave holds both edits (the first may have been saved alone). */
static gboolean
autosaved_both (gconstpointer data)
{
  const char *path = plateau_window_get_autosave_path (PLATEAU_WINDOW ((gpointer) data));
  g_autofree char *text = NULL;

  return autosaved (data) && g_file_get_contents (path, &text, NULL, NULL)
         && strstr (text, "Year 1") != NULL;
}

static void
edit_and_crash (PlateauApplication *app,
                PlateauWindow      *window,
                gconstpointer       data)
{
  plateau_test_type_into (window, 18, PLATEAU_DATA_COLUMN_RETURN, "100");
  plateau_test_type_into (window, 0, PLATEAU_DATA_COLUMN_LABEL, "Year 1");

  /* The autosave comes on its own timer, a moment after the edits. */
  plateau_test_wait_until (autosaved_both, window);
  raise (SIGKILL);
}

static guint
count_autosaves (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_state_dir (), "plateau", "autosave",
                                              NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".plateau");

  return n;
}

static void
restore (PlateauApplication *app,
         PlateauWindow      *window,
         gconstpointer       data)
{
  AdwMessageDialog *dialog = plateau_test_find_dialog ();
  PlateauScenario *scenario;

  /* The recovery question comes instead of the sample. */
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_assert_null (plateau_window_get_document (window));
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_nonnull (plateau_window_get_document (window));
  scenario = plateau_document_get_scenario (plateau_window_get_document (window), 0);
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 18)->ret, ==, 100);
  g_assert_cmpstr (plateau_scenario_get_period (scenario, 0)->label, ==, "Year 1");
  g_assert_cmpstr (plateau_test_badge (window), ==, "Maturity");

  /* Restored work is unsaved work: marked so, and kept by this process. */
  g_assert_true (plateau_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_cmpuint (count_autosaves (), ==, 1);
  g_assert_true (autosaved (window));

  /* Discarding it leaves nothing to restore next time. */
  plateau_window_set_document (window, NULL, NULL);
  g_assert_cmpuint (count_autosaves (), ==, 0);
  g_assert_null (plateau_window_offer_recovery (window));
}

static void
test_recovery_after_kill (void)
{
  if (g_test_subprocess ())
    {
      plateau_test_run_with_window (edit_and_crash, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_assert_cmpuint (count_autosaves (), ==, 1);

  plateau_test_run_with_window (restore, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The child must write where the parent looks: the folder is made once. */
  if (g_getenv ("PLATEAU_TEST_STATE") == NULL)
    {
      g_autofree char *state = g_dir_make_tmp ("plateau-state-XXXXXX", NULL);

      g_setenv ("PLATEAU_TEST_STATE", state, TRUE);
    }
  g_setenv ("XDG_STATE_HOME", g_getenv ("PLATEAU_TEST_STATE"), TRUE);

  plateau_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/after-kill", test_recovery_after_kill);

  return g_test_run ();
}
