/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plateau-cli chart: every kind in every format, sizes and DPI, and the
 * exit statuses of bad input and bad usage.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "plateau-cli-runner.h"

static char *sample;
static char *out_dir;

static char *
out_path (const char *name)
{
  return g_build_filename (out_dir, name, NULL);
}

static void
test_every_kind_and_format (void)
{
  static const char *const kinds[] = { "roi", "returns", "scurve", "portfolio", "comparison" };
  static const char *const formats[] = { "png", "svg", "pdf" };
  static const char *const magic[] = { "\x89PNG", "<?xml", "%PDF" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], formats[f]);
        g_autofree char *path = out_path (name);
        g_autoptr (CliRun) run = cli_run ("chart", sample, "--chart", kinds[k], "--format",
                                          formats[f], "--size", "640x360", "-o", path, NULL);
        g_autofree char *data = NULL;
        gsize length;

        g_assert_cmpstr (run->err, ==, "");
        g_assert_cmpint (run->status, ==, 0);
        g_assert_true (g_file_get_contents (path, &data, &length, NULL));
        g_assert_true (g_str_has_prefix (data, magic[f]));
      }
}

static void
test_png_size_and_theme (void)
{
  g_autofree char *path = out_path ("size.png");
  g_autoptr (CliRun) run = cli_run ("chart", sample, "--chart", "roi", "--format", "png",
                                    "--size", "800x450", "--dpi", "192", "--theme", "dark",
                                    "--scenario", "Manufacturing automation", "-o", path, NULL);
  cairo_surface_t *image;
  const guint8 *px;

  g_assert_cmpint (run->status, ==, 0);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 450);

  /* The dark theme's background in the corner. */
  px = cairo_image_surface_get_data (image);
  g_assert_cmpuint (px[2], <, 64);
  cairo_surface_destroy (image);
}

static void
test_default_size_is_presentation_ready (void)
{
  g_autofree char *path = out_path ("default.png");
  g_autoptr (CliRun) run = cli_run ("chart", sample, "--chart", "scurve", "--format", "png",
                                    "--theme", "presentation", "-o", path, NULL);
  cairo_surface_t *image;

  g_assert_cmpint (run->status, ==, 0);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  cairo_surface_destroy (image);
}

static void
test_usage_errors (void)
{
  g_autofree char *path = out_path ("never.png");
  /* Ten slots each, the unused ones NULL. */
  const char *cases[][10] = {
    { "chart", sample, "--chart", "pie", "--format", "png", "-o", path },
    { "chart", sample, "--chart", "roi", "--format", "gif", "-o", path },
    { "chart", sample, "--chart", "roi", "--format", "png" },
    { "chart", sample, "--chart", "roi", "--format", "png", "--size", "huge", "-o", path },
    { "chart", sample, "--chart", "roi", "--format", "png", "--theme", "sepia", "-o", path },
    { "chart", "--chart", "roi", "--format", "png", "-o", path },
    { "chart", sample, "--bogus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i];
      g_autoptr (CliRun) run = cli_run (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
                                        a[9], NULL);

      g_assert_cmpint (run->status, ==, 2);
      g_assert_true (g_str_has_prefix (run->err, "plateau-cli: "));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_bad_input (void)
{
  g_autofree char *path = out_path ("never.png");
  g_autofree char *missing = out_path ("missing.plateau");
  g_autoptr (CliRun) no_file = cli_run ("chart", missing, "--chart", "roi", "--format", "png",
                                        "-o", path, NULL);
  g_autoptr (CliRun) no_scenario = cli_run ("chart", sample, "--chart", "roi", "--format", "png",
                                            "--scenario", "Steam power", "-o", path, NULL);
  g_autoptr (CliRun) no_folder = cli_run ("chart", sample, "--chart", "roi", "--format", "png",
                                          "-o", "/nonexistent-folder/x.png", NULL);

  g_assert_cmpint (no_file->status, ==, 1);
  g_assert_nonnull (strstr (no_file->err, "missing.plateau"));
  g_assert_cmpint (no_scenario->status, ==, 1);
  g_assert_nonnull (strstr (no_scenario->err, "Steam power"));
  g_assert_cmpint (no_folder->status, ==, 1);
  g_assert_nonnull (strstr (no_folder->err, "/nonexistent-folder/x.png"));

  /* One line each. */
  g_assert_null (strchr (strchr (no_file->err, '\n') + 1, '\n'));
  g_assert_null (strchr (strchr (no_scenario->err, '\n') + 1, '\n'));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
remove_out_dir (void)
{
  GDir *dir = g_dir_open (out_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (out_dir, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (out_dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sample = g_test_build_filename (G_TEST_DIST, "..", "resources", "samples", "sample.plateau",
                                  NULL);
  out_dir = g_dir_make_tmp ("plateau-cli-chart-XXXXXX", NULL);

  g_test_add_func ("/cli-chart/every-kind-and-format", test_every_kind_and_format);
  g_test_add_func ("/cli-chart/png-size-and-theme", test_png_size_and_theme);
  g_test_add_func ("/cli-chart/default-size", test_default_size_is_presentation_ready);
  g_test_add_func ("/cli-chart/usage-errors", test_usage_errors);
  g_test_add_func ("/cli-chart/bad-input", test_bad_input);

  status = g_test_run ();
  remove_out_dir ();
  g_free (sample);
  g_free (out_dir);
  return status;
}
