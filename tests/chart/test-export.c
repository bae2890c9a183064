/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export: golden images of every chart kind in every theme, SVG and PDF
 * rendered back and compared with the PNG, fonts embedded in PDF, sizes,
 * transparency and errors.
 *
 * PLATEAU_UPDATE_GOLDEN=1 rewrites the golden images in the source tree
 * instead of comparing with them; look at them before committing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>
#include <string.h>

#include "chart-test-util.h"

#define GOLDEN_WIDTH 640
#define GOLDEN_HEIGHT 360

/* Vector output goes through another rasterizer (librsvg, poppler) that
 * hints and antialiases text its own way, so both images are compared in
 * blocks of 4 × 4 pixels, with the same bounds as the golden images. */
#define VECTOR_BLOCK 4
/* Poppler's own rasterizer also hints glyph outlines to the pixel grid,
 * which moves text edges by up to a pixel: PDF gets a wider share. */
#define PDF_SHARE_TOLERANCE 0.015

typedef struct
{
  SampleKind kind;
  PlateauThemeKind theme;
} GoldenCase;

static char *tmp_dir;

static cairo_surface_t *
render_at (PlateauChart       *chart,
           const PlateauTheme *theme,
           int                 width,
           int                 height,
           double              dpi)
{
  PlateauExportOptions options;

  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
  options.width = width;
  options.height = height;
  options.dpi = dpi;
  return plateau_chart_render_image (chart, theme, &options);
}

static cairo_surface_t *
render_png (PlateauChart       *chart,
            const PlateauTheme *theme,
            int                 width,
            int                 height)
{
  return render_at (chart, theme, width, height, 0);
}

static void
assert_matches (cairo_surface_t *actual,
                cairo_surface_t *expected,
                const char      *name,
                double           share_tolerance,
                double           mean_tolerance)
{
  ImageDiff diff = image_diff (actual, expected, PIXEL_TOLERANCE);

  g_test_message ("%s: %.4f%% of pixels beyond tolerance, mean difference %.3f", name,
                  diff.share * 100, diff.mean);
  if (diff.share > share_tolerance || diff.mean > mean_tolerance)
    {
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);

      cairo_surface_write_to_png (actual, path);
      g_test_message ("the image drawn is in %s", path);
    }
  g_assert_cmpfloat (diff.share, <=, share_tolerance);
  g_assert_cmpfloat (diff.mean, <=, mean_tolerance);
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  const PlateauTheme *theme = plateau_theme_get (c->theme);
  g_autoptr (PlateauChart) chart = sample_chart (c->kind);
  g_autofree char *name = g_strdup_printf ("%s-%s.png", sample_names[c->kind], theme->name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "chart", "golden", name, NULL);
  /* The presentation theme is laid out for 1280×720: drawn at half scale
   * it keeps that layout in a small file. */
  double dpi = c->theme == PLATEAU_THEME_PRESENTATION ? 48 : 0;
  cairo_surface_t *actual = render_at (chart, theme, GOLDEN_WIDTH, GOLDEN_HEIGHT, dpi);
  cairo_surface_t *expected;

  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  if (g_getenv ("PLATEAU_UPDATE_GOLDEN") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (actual);
      g_test_skip ("golden image rewritten");
      return;
    }

  expected = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  assert_matches (actual, expected, name, SHARE_TOLERANCE, MEAN_TOLERANCE);
  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

static char *
export_to (PlateauChart        *chart,
           PlateauExportFormat  format,
           const char          *name,
           int                  width,
           int                  height)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  PlateauExportOptions options;

  plateau_export_options_init (&options, theme, format);
  options.width = width;
  options.height = height;
  g_assert_true (plateau_chart_export (chart, theme, &options, file, &error));
  g_assert_no_error (error);

  return path;
}

static void
run_tool (const char *const *argv,
          char              **out)
{
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
assert_vector_matches (const char      *path,
                       cairo_surface_t *png,
                       const char      *name,
                       double           share_tolerance)
{
  cairo_surface_t *back = cairo_image_surface_create_from_png (path);
  cairo_surface_t *argb = image_to_argb (back);
  cairo_surface_t *a = image_shrink (argb, VECTOR_BLOCK), *b = image_shrink (png, VECTOR_BLOCK);

  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  assert_matches (a, b, name, share_tolerance, MEAN_TOLERANCE);
  cairo_surface_destroy (back);
  cairo_surface_destroy (argb);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_vector_matches_png (gconstpointer data)
{
  SampleKind kind = GPOINTER_TO_INT (data);
  g_autoptr (PlateauChart) chart = sample_chart (kind);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autofree char *svg = export_to (chart, PLATEAU_EXPORT_SVG, "chart.svg", 640, 360);
  g_autofree char *pdf = export_to (chart, PLATEAU_EXPORT_PDF, "chart.pdf", 640, 360);
  g_autofree char *svg_png = g_build_filename (tmp_dir, "from-svg.png", NULL);
  g_autofree char *pdf_base = g_build_filename (tmp_dir, "from-pdf", NULL);
  g_autofree char *pdf_png = g_strconcat (pdf_base, ".png", NULL);
  const char *rsvg[] = { "rsvg-convert", "-w", "640", "-h", "360", "-o", svg_png, svg, NULL };
  const char *ppm[] = { "pdftoppm", "-png", "-r", "96", "-singlefile", pdf, pdf_base, NULL };
  cairo_surface_t *png = render_png (chart, theme, 640, 360);

  run_tool (rsvg, NULL);
  assert_vector_matches (svg_png, png, "from-svg.png", SHARE_TOLERANCE);
  run_tool (ppm, NULL);
  assert_vector_matches (pdf_png, png, "from-pdf.png", PDF_SHARE_TOLERANCE);
  cairo_surface_destroy (png);
}

/* pdffonts prints two header lines, then one line per font whose "emb"
 * column reads yes or no. */
static void
test_pdf_fonts_embedded (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_PORTFOLIO);
  g_autofree char *pdf = export_to (chart, PLATEAU_EXPORT_PDF, "fonts.pdf", 960, 540);
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  guint fonts = 0;
  gboolean cjk = FALSE;

  run_tool (argv, &out);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      n = g_strv_length (cols);
      /* name type [encoding] emb sub uni object ID: emb is 5th from the end. */
      g_assert_cmpuint (n, >=, 6);
      {
        g_autoptr (GPtrArray) words = g_ptr_array_new ();

        for (guint k = 0; k < n; k++)
          if (*cols[k] != '\0')
            g_ptr_array_add (words, cols[k]);
        g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      }
      cjk = cjk || strstr (lines[i], "WenQuanYi") != NULL;
      fonts++;
    }

  g_assert_cmpuint (fonts, >=, 1);
  g_assert_true (cjk);
}

static void
test_transparent (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_ROI);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_DARK);
  PlateauExportOptions options;
  cairo_surface_t *image;
  const guint8 *px;

  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
  options.width = 320;
  options.height = 200;
  options.transparent = TRUE;
  image = plateau_chart_render_image (chart, theme, &options);
  px = cairo_image_surface_get_data (image);
  g_assert_cmpuint (px[3], ==, 0);

  options.transparent = FALSE;
  cairo_surface_destroy (image);
  image = plateau_chart_render_image (chart, theme, &options);
  px = cairo_image_surface_get_data (image);
  g_assert_cmpuint (px[3], ==, 255);
  cairo_surface_destroy (image);
}

/* Images of 4 MB and more get a buffer of their own, backed by huge pages:
 * it must start clear and hold exactly what a plain Cairo image would. */
static void
test_large_image_buffer (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_SCURVE);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);

  for (guint transparent = 0; transparent < 2; transparent++)
    {
      PlateauExportOptions options;
      cairo_surface_t *image, *plain;
      cairo_t *cr;
      int stride;

      plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
      options.width = 1921;
      options.height = 1083;
      options.transparent = transparent;
      image = plateau_chart_render_image (chart, theme, &options);

      plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options.width, options.height);
      cr = cairo_create (plain);
      cairo_scale (cr, plateau_export_options_scale (&options, theme),
                   plateau_export_options_scale (&options, theme));
      plateau_chart_render (chart, theme, cr,
                            options.width / plateau_export_options_scale (&options, theme),
                            options.height / plateau_export_options_scale (&options, theme),
                            transparent ? PLATEAU_RENDER_TRANSPARENT : 0);
      cairo_destroy (cr);
      cairo_surface_flush (plain);

      stride = cairo_image_surface_get_stride (plain);
      g_assert_cmpint (cairo_image_surface_get_stride (image), ==, stride);
      g_assert_true (memcmp (cairo_image_surface_get_data (image),
                             cairo_image_surface_get_data (plain),
                             (gsize) stride * options.height) == 0);

      cairo_surface_destroy (plain);
      cairo_surface_destroy (image);
    }
}

static void
test_sizes (void)
{
  g_autoptr (GError) error = NULL;
  int w, h;
  double dpi;
  guint n;
  const PlateauExportPreset *presets = plateau_export_get_presets (&n);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_PRESENTATION);
  PlateauExportOptions options;

  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (presets[1].width, ==, 1920);
  g_assert_cmpint (presets[1].height, ==, 1080);
  g_assert_true (plateau_export_parse_size ("a4", &w, &h, &dpi, &error));
  g_assert_cmpint (w, ==, 3508);
  g_assert_cmpint (h, ==, 2480);
  g_assert_cmpfloat (dpi, ==, 300);
  g_assert_true (plateau_export_parse_size ("Letter", &w, &h, &dpi, &error));
  g_assert_cmpint (w, ==, 3300);
  g_assert_true (plateau_export_parse_size ("800x600", &w, &h, &dpi, &error));
  g_assert_cmpint (w, ==, 800);
  g_assert_cmpint (h, ==, 600);
  g_assert_cmpfloat (dpi, ==, 0);
  g_assert_false (plateau_export_parse_size ("800x", &w, &h, &dpi, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (plateau_export_parse_size ("99999x10", &w, &h, &dpi, &error));
  g_clear_error (&error);

  /* 1920×1080 in the presentation theme is its 1280×720 canvas at 1.5×;
   * a DPI overrides the size rule. */
  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
  g_assert_cmpint (options.width, ==, 1920);
  g_assert_cmpfloat_with_epsilon (plateau_export_options_scale (&options, theme), 1.5, 1e-12);
  options.dpi = 300;
  g_assert_cmpfloat_with_epsilon (plateau_export_options_scale (&options, theme), 3.125, 1e-12);
}

/* The same chart at 1280×720 and at 3840×2160 is the same picture, three
 * times sharper: shrink the large one and compare. */
static void
test_scales_as_a_whole (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_SCURVE);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_PRESENTATION);
  cairo_surface_t *small = render_png (chart, theme, 1280, 720);
  cairo_surface_t *large = render_png (chart, theme, 3840, 2160);
  cairo_surface_t *shrunk = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (shrunk);
  ImageDiff diff;

  cairo_scale (cr, 1 / 3.0, 1 / 3.0);
  cairo_set_source_surface (cr, large, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (shrunk);

  diff = image_diff (shrunk, small, 96);
  g_test_message ("%.4f%% of pixels differ by more than 96", diff.share * 100);
  g_assert_cmpfloat (diff.share, <, 0.01);
  cairo_surface_destroy (small);
  cairo_surface_destroy (large);
  cairo_surface_destroy (shrunk);
}

/* PNG export records the DPI asked for (pHYs, pixels per metre) and drops
 * the alpha channel of an opaque image. */
static void
test_png_dpi_and_channels (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_RETURNS);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autofree char *path = g_build_filename (tmp_dir, "dpi.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *data = NULL;
  PlateauExportOptions options;
  const guint8 *phys;
  gsize length;

  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
  options.width = 400;
  options.height = 300;
  options.dpi = 300;
  g_assert_true (plateau_chart_export (chart, theme, &options, file, NULL));
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  /* IHDR's colour type (byte 25): 2 is RGB without alpha. */
  g_assert_cmpuint ((guint8) data[25], ==, 2);
  phys = NULL;
  for (gsize i = 8; i + 13 <= length && phys == NULL; i++)
    if (memcmp (data + i, "pHYs", 4) == 0)
      phys = (const guint8 *) data + i;
  g_assert_nonnull (phys);
  g_assert_cmpuint ((guint) phys[4] << 24 | phys[5] << 16 | phys[6] << 8 | phys[7], ==, 11811);
  g_assert_cmpuint (phys[12], ==, 1);
}

/* The a4 preset gives an A4 page in landscape: 297 × 210 mm. */
static void
test_pdf_page_size (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_ROI);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autofree char *path = g_build_filename (tmp_dir, "a4.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  PlateauExportOptions options;
  double w = 0, h = 0;
  const char *line;

  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PDF);
  g_assert_true (plateau_export_parse_size ("a4", &options.width, &options.height, &options.dpi,
                                            NULL));
  g_assert_true (plateau_chart_export (chart, theme, &options, file, NULL));

  run_tool (argv, &out);
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", &w, &h), ==, 2);
  g_assert_cmpfloat (fabs (w / 72 * 25.4 - 297), <, 0.5);
  g_assert_cmpfloat (fabs (h / 72 * 25.4 - 210), <, 0.5);
}

static void
test_unwritable (void)
{
  g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_ROI);
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent-folder/chart.png");
  g_autoptr (GError) error = NULL;
  PlateauExportOptions options;

  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
  g_assert_false (plateau_chart_export (chart, theme, &options, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A write that fails half way (here: the file size limit) keeps the old
 * file whole and leaves no temporary file behind, in every format, whether
 * the limit is reached while the file is written or (for a PDF smaller
 * than the export's buffer) only when the last of it goes out. */
static char *
kept_folder (pid_t test_process)
{
  g_autofree char *name = g_strdup_printf ("plateau-export-kept-%d", (int) test_process);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_failed_write_keeps_old_file (gconstpointer data)
{
  PlateauExportFormat format = GPOINTER_TO_INT (data);
  static const char *const names[] = { "kept.png", "kept.svg", "kept.pdf" };
  /* The subprocess runs the test again from the start, so it finds the
   * folder by its parent's process id rather than by the tmp_dir it made. */
  g_autofree char *folder = kept_folder (g_test_subprocess () ? getppid () : getpid ());
  g_autofree char *path = g_build_filename (folder, names[format], NULL);

  if (g_test_subprocess ())
    {
      g_autoptr (PlateauChart) chart = sample_chart (SAMPLE_ROI);
      const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };
      PlateauExportOptions options;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      plateau_export_options_init (&options, theme, format);
      g_assert_false (plateau_chart_export (chart, theme, &options, file, &error));
      g_assert_nonnull (error);
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  {
    g_autofree char *contents = NULL;
    g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old contents");
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_cmpstr (name, ==, names[format]);
  }

  g_unlink (path);
  g_rmdir (folder);
}

static void
remove_tmp_dir (void)
{
  GDir *dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (tmp_dir);
}

int
main (int    argc,
      char **argv)
{
  static GoldenCase cases[N_SAMPLES * PLATEAU_THEME_N_KINDS];
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("plateau-export-XXXXXX", NULL);

  for (guint k = 0; k < N_SAMPLES; k++)
    for (guint t = 0; t < PLATEAU_THEME_N_KINDS; t++)
      {
        GoldenCase *c = &cases[k * PLATEAU_THEME_N_KINDS + t];
        g_autofree char *path = g_strdup_printf ("/export/golden/%s/%s", sample_names[k],
                                                 plateau_theme_kind_to_name (t));

        c->kind = k;
        c->theme = t;
        g_test_add_data_func (path, c, test_golden);
      }
  for (guint k = 0; k < N_SAMPLES; k++)
    {
      g_autofree char *path = g_strdup_printf ("/export/vector-matches-png/%s", sample_names[k]);

      g_test_add_data_func (path, GINT_TO_POINTER (k), test_vector_matches_png);
    }
  g_test_add_func ("/export/pdf-fonts-embedded", test_pdf_fonts_embedded);
  g_test_add_func ("/export/transparent", test_transparent);
  g_test_add_func ("/export/sizes", test_sizes);
  g_test_add_func ("/export/large-image-buffer", test_large_image_buffer);
  g_test_add_func ("/export/scales-as-a-whole", test_scales_as_a_whole);
  g_test_add_func ("/export/png-dpi", test_png_dpi_and_channels);
  g_test_add_func ("/export/pdf-page-size", test_pdf_page_size);
  g_test_add_func ("/export/unwritable", test_unwritable);
  g_test_add_data_func ("/export/failed-write-keeps-old-file/png",
                        GINT_TO_POINTER (PLATEAU_EXPORT_PNG), test_failed_write_keeps_old_file);
  g_test_add_data_func ("/export/failed-write-keeps-old-file/svg",
                        GINT_TO_POINTER (PLATEAU_EXPORT_SVG), test_failed_write_keeps_old_file);
  g_test_add_data_func ("/export/failed-write-keeps-old-file/pdf",
                        GINT_TO_POINTER (PLATEAU_EXPORT_PDF), test_failed_write_keeps_old_file);

  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return status;
}
