/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The installed program itself, started as a desktop would start it: it shows
 * its first frame and quits cleanly, also when its settings are missing or
 * hold values of the wrong type.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "plateau-application.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Starts the application with PLATEAU_EXIT_AFTER_FIRST_FRAME, the test
 * environment changed by @changes (pairs of name and value; a NULL value
 * unsets) and @argument (or none), and waits for it to end. */
static void
run_app_with (Run               *run,
              const char *const *changes,
              const char        *argument)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "PLATEAU_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  for (guint i = 0; changes != NULL && changes[i] != NULL; i += 2)
    if (changes[i + 1] != NULL)
      g_subprocess_launcher_setenv (launcher, changes[i], changes[i + 1], TRUE);
    else
      g_subprocess_launcher_unsetenv (launcher, changes[i]);

  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PLATEAU_APP"), argument,
                                         NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
}

static void
run_app (Run               *run,
         const char *const *changes)
{
  run_app_with (run, changes, NULL);
}

/* The window's size, from the line printed on the first frame. */
static void
assert_first_frame (const Run *run,
                    int        width,
                    int        height)
{
  g_autoptr (GRegex) regex = g_regex_new ("^first-frame [0-9]+ ([0-9]+)x([0-9]+)$",
                                          G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *w = NULL;
  g_autofree char *h = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_regex_match (regex, run->out, 0, &match));
  w = g_match_info_fetch (match, 1);
  h = g_match_info_fetch (match, 2);
  g_assert_cmpint (atoi (w), ==, width);
  g_assert_cmpint (atoi (h), ==, height);
}

static void
test_startup_first_frame (void)
{
  g_auto (Run) run = { 0 };

  /* The test environment makes warnings fatal, so a clean exit also means
   * that nothing warned. */
  run_app (&run, NULL);
  assert_first_frame (&run, 1080, 720);
}

static void
test_startup_open_file (void)
{
  g_auto (Run) run = { 0 };

  /* A document named on the command line reaches the window, whose message
   * about it is markup: the name's '&' and '<' must not break it. */
  run_app_with (&run, NULL, "/nonexistent/R&D <2026>.plateau");
  assert_first_frame (&run, 1080, 720);
}

static void
test_startup_missing_schema (void)
{
  g_autofree char *empty = g_dir_make_tmp ("plateau-schemas-XXXXXX", NULL);
  /* Only the system's schemas (GTK's own), never an installed Plateau's. */
  const char *const changes[] = {
    "GSETTINGS_SCHEMA_DIR", empty,
    "XDG_DATA_DIRS", "/usr/share",
    "G_DEBUG", NULL,
    NULL,
  };
  g_auto (Run) run = { 0 };

  g_assert_nonnull (empty);
  run_app (&run, changes);
  g_rmdir (empty);

  assert_first_frame (&run, 1080, 720);
  g_assert_nonnull (strstr (run.err, "The settings schema " PLATEAU_SETTINGS_SCHEMA
                                     " is not installed"));
  g_assert_null (strstr (run.err, "CRITICAL"));
}

static void
test_startup_stale_schema (void)
{
  g_autofree char *folder = g_dir_make_tmp ("plateau-schemas-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (folder, PLATEAU_SETTINGS_SCHEMA ".gschema.xml",
                                              NULL);
  g_autofree char *compiled = g_build_filename (folder, "gschemas.compiled", NULL);
  const char *compile[] = { "glib-compile-schemas", folder, NULL };
  const char *const changes[] = {
    "GSETTINGS_SCHEMA_DIR", folder,
    "XDG_DATA_DIRS", "/usr/share",
    "G_DEBUG", NULL,
    NULL,
  };
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;
  int status;

  /* A schema of another release: the width is a string there. */
  g_file_set_contents (source,
                       "<schemalist><schema id='" PLATEAU_SETTINGS_SCHEMA "' "
                       "path='/io/github/plateau/Plateau/'>"
                       "<key name='style-variant' type='s'><default>'dark'</default></key>"
                       "<key name='window-width' type='s'><default>'wide'</default></key>"
                       "</schema></schemalist>",
                       -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) compile, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  run_app (&run, changes);
  g_unlink (compiled);
  g_unlink (source);
  g_rmdir (folder);

  assert_first_frame (&run, 1080, 720);
  g_assert_nonnull (strstr (run.err, "The settings schema " PLATEAU_SETTINGS_SCHEMA
                                     " has no key “window-width” of type i"));
  g_assert_null (strstr (run.err, "CRITICAL"));
}

static void
test_startup_broken_settings (void)
{
  g_autofree char *home = g_dir_make_tmp ("plateau-config-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (home, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *glib_folder = g_path_get_dirname (folder);
  const char *const changes[] = {
    "GSETTINGS_BACKEND", "keyfile",
    "XDG_CONFIG_HOME", home,
    NULL,
  };
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;

  /* Values of the wrong type, out of range and outside the enumeration. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (keyfile,
                       "[io/github/plateau/Plateau]\n"
                       "window-width='wide'\n"
                       "window-height=12\n"
                       "window-maximized=3\n"
                       "style-variant='purple'\n",
                       -1, &error);
  g_assert_no_error (error);

  run_app (&run, changes);
  assert_first_frame (&run, 1080, 720);

  /* Closing the window wrote usable values back. */
  g_file_get_contents (keyfile, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "window-width=1080"));
  g_assert_nonnull (strstr (saved, "window-height=720"));

  g_unlink (keyfile);
  g_rmdir (folder);
  g_rmdir (glib_folder);
  g_rmdir (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/startup/first-frame", test_startup_first_frame);
  g_test_add_func ("/startup/open-file", test_startup_open_file);
  g_test_add_func ("/startup/missing-schema", test_startup_missing_schema);
  g_test_add_func ("/startup/stale-schema", test_startup_stale_schema);
  g_test_add_func ("/startup/broken-settings", test_startup_broken_settings);

  return g_test_run ();
}
