/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plateau-cli graph: every output format from a sample diagram, the layout
 * JSON's shape, and the exit statuses and one-line messages for bad input
 * and bad usage.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plateau-cli-runner.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("plateau-cli-graph-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
sample (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.mmd", name);

  return g_test_build_filename (G_TEST_DIST, "graph", "samples", file, NULL);
}

static char *
write_input (Fixture    *f,
             const char *text)
{
  char *path = g_build_filename (f->dir, "input.mmd", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  static const char *const formats[] = { "png", "svg", "pdf", "layout-json" };
  static const char *const magic[] = { "\x89PNG", "<?xml", "%PDF", "{" };
  g_autofree char *input = sample ("model-lifecycle");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = g_build_filename (f->dir, formats[i], NULL);
      g_autoptr (CliRun) run = cli_run ("graph", input, "--format", formats[i], "-o", out,
                                        NULL);
      g_autofree char *data_out = NULL;

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->err, ==, "");
      g_assert_true (g_file_get_contents (out, &data_out, NULL, NULL));
      g_assert_true (g_str_has_prefix (data_out, magic[i]));
    }
}

static void
test_layout_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *input = sample ("path-dependence");
  g_autofree char *out = g_build_filename (f->dir, "layout.json", NULL);
  g_autoptr (CliRun) run = cli_run ("graph", input, "--format", "layout-json", "-o", out,
                                    NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *node, *edge;
  JsonArray *nodes, *edges, *points;

  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (json_object_get_double_member (root, "width"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (root, "height"), >, 0);

  nodes = json_object_get_array_member (root, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 4);
  node = json_array_get_object_element (nodes, 0);
  g_assert_cmpstr (json_object_get_string_member (node, "id"), ==, "A");
  g_assert_cmpstr (json_object_get_string_member (node, "label"), ==, "初始选择");
  g_assert_true (json_object_has_member (node, "x") && json_object_has_member (node, "y"));
  g_assert_cmpfloat (json_object_get_double_member (node, "width"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (node, "height"), >, 0);

  edges = json_object_get_array_member (root, "edges");
  g_assert_cmpuint (json_array_get_length (edges), ==, 4);
  edge = json_array_get_object_element (edges, 2);
  g_assert_cmpstr (json_object_get_string_member (edge, "from"), ==, "C");
  g_assert_cmpstr (json_object_get_string_member (edge, "to"), ==, "B");
  points = json_object_get_array_member (edge, "points");
  g_assert_cmpuint (json_array_get_length (points) % 3, ==, 1);
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (points, 0)), ==, 2);
}

static void
test_theme_and_scale (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *input = sample ("stage-evolution");
  g_autofree char *one = g_build_filename (f->dir, "one.png", NULL);
  g_autofree char *two = g_build_filename (f->dir, "two.png", NULL);
  g_autoptr (CliRun) a = cli_run ("graph", input, "--format", "png", "--scale", "1", "-o", one,
                                  NULL);
  g_autoptr (CliRun) b = cli_run ("graph", input, "--format", "png", "--theme", "presentation",
                                  "-o", two, NULL);
  g_autoptr (GFile) fa = g_file_new_for_path (one);
  g_autoptr (GFile) fb = g_file_new_for_path (two);
  g_autoptr (GFileInfo) ia = g_file_query_info (fa, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL,
                                                NULL);
  g_autoptr (GFileInfo) ib = g_file_query_info (fb, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL,
                                                NULL);

  g_assert_cmpint (a->status, ==, 0);
  g_assert_cmpint (b->status, ==, 0);
  /* Twice the scale and larger type make a clearly larger file. */
  g_assert_cmpint (g_file_info_get_size (ib), >, 2 * g_file_info_get_size (ia));
}

static void
test_syntax_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *input = write_input (f, "graph TD\nA --> B\nB -> C\n");
  g_autofree char *out = g_build_filename (f->dir, "out.png", NULL);
  g_autoptr (CliRun) run = cli_run ("graph", input, "--format", "png", "-o", out, NULL);
  g_autofree char *expected = g_strdup_printf ("%s: line 3, column 3:", input);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, expected));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, "\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* The parser's messages reach the terminal in the user's language. */
static void
test_translated_error (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *input = write_input (f, "graph TD\nA --> B\nB -> C\n");
  g_autofree char *out = g_build_filename (f->dir, "out.png", NULL);
  g_autoptr (CliRun) run = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  run = cli_run ("graph", input, "--format", "png", "-o", out, NULL);
  g_setenv ("LANGUAGE", "", TRUE);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "第3行，第3列："));
  g_assert_null (strstr (run->err, "line 3"));
}

static void
test_unsupported (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *input = write_input (f, "sequenceDiagram\nA->>B: hi\n");
  g_autofree char *out = g_build_filename (f->dir, "out.svg", NULL);
  g_autoptr (CliRun) run = cli_run ("graph", input, "--format", "svg", "-o", out, NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "line 1, column 1"));
  g_assert_nonnull (strstr (run->err, "not supported"));
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *input = g_build_filename (f->dir, "missing.mmd", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.png", NULL);
  g_autoptr (CliRun) run = cli_run ("graph", input, "--format", "png", "-o", out, NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "missing.mmd"));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *input = sample ("stage-evolution");
  g_autofree char *out = g_build_filename (f->dir, "out.png", NULL);
  g_autoptr (CliRun) no_format = cli_run ("graph", input, "-o", out, NULL);
  g_autoptr (CliRun) bad_format = cli_run ("graph", input, "--format", "gif", "-o", out, NULL);
  g_autoptr (CliRun) no_output = cli_run ("graph", input, "--format", "png", NULL);
  g_autoptr (CliRun) no_input = cli_run ("graph", "--format", "png", "-o", out, NULL);
  g_autoptr (CliRun) bad_theme = cli_run ("graph", input, "--format", "png", "--theme", "neon",
                                          "-o", out, NULL);
  g_autoptr (CliRun) bad_option = cli_run ("graph", input, "--frobnicate", NULL);

  g_assert_cmpint (no_format->status, ==, 2);
  g_assert_cmpint (bad_format->status, ==, 2);
  g_assert_nonnull (strstr (bad_format->err, "--format"));
  g_assert_cmpint (no_output->status, ==, 2);
  g_assert_cmpint (no_input->status, ==, 2);
  g_assert_cmpint (bad_theme->status, ==, 2);
  g_assert_cmpint (bad_option->status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/graph/formats", Fixture, NULL, fixture_setup, test_formats,
              fixture_teardown);
  g_test_add ("/cli/graph/layout-json", Fixture, NULL, fixture_setup, test_layout_json,
              fixture_teardown);
  g_test_add ("/cli/graph/theme-and-scale", Fixture, NULL, fixture_setup, test_theme_and_scale,
              fixture_teardown);
  g_test_add ("/cli/graph/syntax-error", Fixture, NULL, fixture_setup, test_syntax_error,
              fixture_teardown);
  g_test_add ("/cli/graph/translated-error", Fixture, NULL, fixture_setup,
              test_translated_error, fixture_teardown);
  g_test_add ("/cli/graph/unsupported", Fixture, NULL, fixture_setup, test_unsupported,
              fixture_teardown);
  g_test_add ("/cli/graph/missing-file", Fixture, NULL, fixture_setup, test_missing_file,
              fixture_teardown);
  g_test_add ("/cli/graph/usage", Fixture, NULL, fixture_setup, test_usage_errors,
              fixture_teardown);

  return g_test_run ();
}
