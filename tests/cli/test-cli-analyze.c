/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plateau-cli-runner.h"

/* plateau-cli analyze: its JSON, its exit statuses and its one-line errors. */

static char *tmp_dir;

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "samples", "sample.plateau", NULL);
}

static char *
write_fixture (const char *name,
               const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static JsonObject *
parse_output (JsonParser *parser,
              const char *out)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_one_line (const char *text)
{
  const char *newline = strchr (text, '\n');

  g_assert_nonnull (newline);
  g_assert_cmpint (newline[1], ==, '\0');
}

static void
test_sample_json (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr (CliRun) run = cli_run ("analyze", path, "--json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *first, *lifecycle, *trend, *elasticity;
  static const char *period_keys[] = {
    "label", "t", "investment", "return", "roi", "marginal_roi", "cumulative_investment",
    "cumulative_return", "saturation", "stage",
  };

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  root = parse_output (parser, run->out);

  g_assert_cmpstr (json_object_get_string_member (root, "scenario"), ==,
                   "Manufacturing automation");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "periods")), ==, 19);
  first = json_array_get_object_element (json_object_get_array_member (root, "periods"), 0);
  for (guint i = 0; i < G_N_ELEMENTS (period_keys); i++)
    g_assert_true (json_object_has_member (first, period_keys[i]));
  g_assert_cmpfloat (json_object_get_double_member (first, "roi"), ==, 5);
  g_assert_true (json_object_get_null_member (first, "marginal_roi"));

  trend = json_object_get_object_member (root, "trend");
  g_assert_cmpint (json_object_get_int_member (trend, "n"), ==, 19);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (trend, "slope_ci")),
                    ==, 2);
  g_assert_true (json_object_has_member (trend, "p_value"));

  elasticity = json_object_get_object_member (root, "elasticity");
  g_assert_cmpstr (json_object_get_string_member (elasticity, "verdict"), ==, "constant");

  lifecycle = json_object_get_object_member (root, "lifecycle");
  g_assert_cmpstr (json_object_get_string_member (lifecycle, "model"), ==, "logistic");
  g_assert_cmpstr (json_object_get_string_member (lifecycle, "basis"), ==, "time");
  g_assert_cmpstr (json_object_get_string_member (lifecycle, "method"), ==, "trend");
  g_assert_cmpstr (json_object_get_string_member (lifecycle, "confidence"), ==, "low");
  g_assert_true (json_object_has_member (json_object_get_object_member (lifecycle, "se"), "K"));
  g_assert_true (json_object_get_boolean_member (lifecycle, "converged"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "forecast")), ==, 5);
  g_assert_nonnull (json_object_get_array_member (root, "warnings"));
}

static void
test_named_scenario (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr (CliRun) run = cli_run ("analyze", path, "--scenario",
                                    "Precision agriculture (illustrative)", "--json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *lifecycle;

  g_assert_cmpint (run->status, ==, 0);
  lifecycle = json_object_get_object_member (parse_output (parser, run->out), "lifecycle");
  g_assert_cmpstr (json_object_get_string_member (lifecycle, "stage"), ==, "decline");
  g_assert_cmpstr (json_object_get_string_member (lifecycle, "method"), ==, "s-curve");
  g_assert_cmpstr (json_object_get_string_member (lifecycle, "confidence"), ==, "high");
}

static void
test_usage_errors (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr (CliRun) none = cli_run ("analyze", NULL);
  g_autoptr (CliRun) two = cli_run ("analyze", path, path, NULL);
  g_autoptr (CliRun) option = cli_run ("analyze", path, "--frobnicate", NULL);
  g_autoptr (CliRun) scenario = cli_run ("analyze", path, "--scenario", "Nope", "--json", NULL);

  g_assert_cmpint (none->status, ==, 2);
  g_assert_cmpint (two->status, ==, 2);
  g_assert_cmpint (option->status, ==, 2);
  g_assert_cmpint (scenario->status, ==, 2);
  assert_one_line (scenario->err);
  g_assert_nonnull (strstr (scenario->err, "there is no scenario named 'Nope'"));
  g_assert_cmpstr (scenario->out, ==, "");
}

static void
test_bad_documents (void)
{
  g_autofree char *broken = write_fixture ("broken.plateau", "{\n  \"format\": \"plateau\",\n"
                                                              "  \"version\": 1,,\n}\n");
  g_autofree char *newer = write_fixture ("newer.plateau",
                                          "{\"format\": \"plateau\", \"version\": 7}");
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.plateau", NULL);
  g_autoptr (CliRun) r1 = cli_run ("analyze", broken, "--json", NULL);
  g_autoptr (CliRun) r2 = cli_run ("analyze", newer, "--json", NULL);
  g_autoptr (CliRun) r3 = cli_run ("analyze", missing, "--json", NULL);
  g_autofree char *expected = g_strdup_printf ("plateau-cli: %s:3:16: expected a member name in "
                                               "double quotes\n", broken);

  g_assert_cmpint (r1->status, ==, 1);
  g_assert_cmpstr (r1->err, ==, expected);
  g_assert_cmpstr (r1->out, ==, "");

  g_assert_cmpint (r2->status, ==, 1);
  assert_one_line (r2->err);
  g_assert_nonnull (strstr (r2->err, "newer Plateau (format version 7"));

  g_assert_cmpint (r3->status, ==, 1);
  assert_one_line (r3->err);
  g_assert_nonnull (strstr (r3->err, "missing.plateau"));
}

static void
test_csv (void)
{
  g_autofree char *good = write_fixture ("mixed.csv", "year;investment;return\n"
                                                      "2001;10;20\n2002;0;25\n2003;abc;30\n"
                                                      "2004;12,5;33\n");
  g_autofree char *bad = write_fixture ("bad.csv", "year,investment,return\n2001,x,1\n");
  g_autoptr (CliRun) ok = cli_run ("analyze", good, "--json", NULL);
  g_autoptr (CliRun) fail = cli_run ("analyze", bad, "--json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *periods, *warnings;
  JsonObject *first_warning;
  g_autofree char *expected = NULL;

  g_assert_cmpint (ok->status, ==, 0);
  root = parse_output (parser, ok->out);
  periods = json_object_get_array_member (root, "periods");
  g_assert_cmpuint (json_array_get_length (periods), ==, 3);
  /* No investment: the ROI is absent, written as null. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (periods, 1), "roi"));
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (periods, 2),
                                                    "investment"), ==, 12.5);

  warnings = json_object_get_array_member (root, "warnings");
  first_warning = json_array_get_object_element (warnings, 0);
  g_assert_cmpstr (json_object_get_string_member (first_warning, "code"), ==, "rejected-row");
  g_assert_cmpstr (json_object_get_string_member (first_warning, "message"), ==,
                   "line 4: the investment “abc” is not a number");

  expected = g_strdup_printf ("plateau-cli: %s: no row could be imported; line 2: the "
                              "investment “x” is not a number\n", bad);
  g_assert_cmpint (fail->status, ==, 1);
  g_assert_cmpstr (fail->err, ==, expected);
}

static void
test_summary (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr (CliRun) run = cli_run ("analyze", path, NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "Manufacturing automation: 19 periods\nStage: "));
}

static char *
many_bad_rows (guint n_bad)
{
  GString *text = g_string_new ("period,investment,return\n1,10,20\n2,12,25\n3,14,28\n");

  for (guint i = 0; i < n_bad; i++)
    g_string_append_printf (text, "%u,x,1\n", 4 + i);

  return g_string_free (text, FALSE);
}

static guint
count_code (JsonArray  *warnings,
            const char *code)
{
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *w = json_array_get_object_element (warnings, i);

      count += g_strcmp0 (json_object_get_string_member (w, "code"), code) == 0;
    }

  return count;
}

static void
test_rejections_beyond_the_list (void)
{
  g_autofree char *text = many_bad_rows (1500);
  g_autofree char *path = write_fixture ("many-bad.csv", text);
  g_autoptr (CliRun) json = cli_run ("analyze", path, "--json", NULL);
  g_autoptr (CliRun) plain = cli_run ("analyze", path, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *warnings;

  /* Rows past the listed ones are still counted where the reader sees them. */
  g_assert_cmpint (json->status, ==, 0);
  warnings = json_object_get_array_member (parse_output (parser, json->out), "warnings");
  g_assert_cmpuint (count_code (warnings, "rejected-row"), ==, 1000);
  g_assert_cmpuint (count_code (warnings, "rejected-rows-not-listed"), ==, 1);
  g_assert_nonnull (strstr (json->out, "500 more rows were rejected; only the first 1000 are "
                                       "listed"));

  g_assert_cmpint (plain->status, ==, 0);
  g_assert_nonnull (strstr (plain->out, "Rejected rows: 1500\n  line 5: the investment “x” "
                                        "is not a number\n"));
  g_assert_nonnull (strstr (plain->out, "  500 more rows were rejected"));
}

static void
test_json_is_utf8 (void)
{
  g_autofree char *path = write_fixture ("bytes.csv", "period,investment,return\n1,10,20\n"
                                                      "2,\xff,30\n3,12,25\n4,13,27\n");
  g_autoptr (CliRun) run = cli_run ("analyze", path, "--json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_utf8_validate (run->out, -1, NULL));
  parse_output (parser, run->out);
}

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("plateau-cli-analyze-XXXXXX", NULL);

  g_test_add_func ("/cli/analyze/sample-json", test_sample_json);
  g_test_add_func ("/cli/analyze/named-scenario", test_named_scenario);
  g_test_add_func ("/cli/analyze/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/analyze/bad-documents", test_bad_documents);
  g_test_add_func ("/cli/analyze/csv", test_csv);
  g_test_add_func ("/cli/analyze/summary", test_summary);
  g_test_add_func ("/cli/analyze/rejections-beyond-the-list", test_rejections_beyond_the_list);
  g_test_add_func ("/cli/analyze/json-is-utf8", test_json_is_utf8);

  status = g_test_run ();
  remove_tmp_dir ();

  return status;
}
