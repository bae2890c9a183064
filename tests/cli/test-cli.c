/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "plateau-cli-runner.h"

static void
test_version (void)
{
  g_autoptr (CliRun) run = cli_run ("--version", NULL);
  g_autofree char *expected = g_strdup_printf ("plateau-cli %s\n", PACKAGE_VERSION);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_help (void)
{
  g_autoptr (CliRun) run = cli_run ("--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "Usage: plateau-cli COMMAND"));
}

static void
test_no_arguments_is_usage_error (void)
{
  g_autoptr (CliRun) run = cli_run (NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "Usage: plateau-cli"));
}

static void
test_unknown_command_is_usage_error (void)
{
  g_autoptr (CliRun) run = cli_run ("frobnicate", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "unknown command 'frobnicate'"));
  g_assert_null (strchr (strchr (run->err, '\n') + 1, '\n'));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage/no-arguments", test_no_arguments_is_usage_error);
  g_test_add_func ("/cli/usage/unknown-command", test_unknown_command_is_usage_error);

  return g_test_run ();
}
