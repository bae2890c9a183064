/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog: presets set size and resolution, the preview has the
 * shape of the export, and saving writes each format with the choices
 * made, then tells the window through ::exported.
 */

#include "config.h"

#include "plateau-charts-page.h"
#include "plateau-export-dialog.h"
#include "plateau-views-test.h"

typedef struct
{
  PlateauDocument *document;
  PlateauAnalysis *analysis;
  PlateauChartsPage *page;
  GtkWindow *window;
  PlateauExportDialog *dialog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = plateau_views_test_sample ();
  fixture->analysis = plateau_analysis_new (plateau_document_get_scenario (fixture->document, 0));
  fixture->page = PLATEAU_CHARTS_PAGE (plateau_charts_page_new ());
  plateau_charts_page_set_analysis (fixture->page, fixture->analysis);
  fixture->window = plateau_views_test_show (GTK_WIDGET (fixture->page), 900, 700);
  fixture->dialog = plateau_export_dialog_new (
    fixture->window, PLATEAU_EXPORTABLE (plateau_charts_page_get_chart_view (fixture->page)));
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  plateau_test_wait_for_frame (GTK_WIDGET (fixture->dialog));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  gtk_window_destroy (fixture->window);
  plateau_analysis_unref (fixture->analysis);
  g_object_unref (fixture->document);
}

static void
test_presets (Fixture       *fixture,
              gconstpointer  data)
{
  PlateauExportOptions options;
  PlateauThemeKind theme;

  /* A new dialog offers a Full HD PNG in the light theme. */
  plateau_export_dialog_get_options (fixture->dialog, &options, &theme);
  g_assert_cmpint (options.format, ==, PLATEAU_EXPORT_PNG);
  g_assert_cmpint (options.width, ==, 1920);
  g_assert_cmpint (options.height, ==, 1080);
  g_assert_cmpfloat (options.dpi, ==, 0);
  g_assert_cmpint (theme, ==, PLATEAU_THEME_LIGHT);
  g_assert_false (options.transparent);

  plateau_export_dialog_set_size (fixture->dialog, PLATEAU_EXPORT_SIZE_A4);
  plateau_export_dialog_get_options (fixture->dialog, &options, NULL);
  g_assert_cmpint (options.width, ==, 3508);
  g_assert_cmpint (options.height, ==, 2480);
  g_assert_cmpfloat (options.dpi, ==, 300);

  plateau_export_dialog_set_size (fixture->dialog, PLATEAU_EXPORT_SIZE_LETTER);
  plateau_export_dialog_get_options (fixture->dialog, &options, NULL);
  g_assert_cmpint (options.width, ==, 3300);
  g_assert_cmpint (options.height, ==, 2550);

  plateau_export_dialog_set_size (fixture->dialog, PLATEAU_EXPORT_SIZE_4K);
  plateau_export_dialog_get_options (fixture->dialog, &options, NULL);
  g_assert_cmpint (options.width, ==, 3840);
  g_assert_cmpfloat (options.dpi, ==, 0);

  plateau_export_dialog_set_custom_size (fixture->dialog, 800, 800);
  plateau_export_dialog_set_dpi (fixture->dialog, 144);
  plateau_export_dialog_get_options (fixture->dialog, &options, NULL);
  g_assert_cmpint (options.width, ==, 800);
  g_assert_cmpint (options.height, ==, 800);
  g_assert_cmpfloat (options.dpi, ==, 144);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  GdkPaintable *preview;

  preview = plateau_export_dialog_get_preview (fixture->dialog);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, 360);
  plateau_test_assert_not_blank (GDK_TEXTURE (preview));

  plateau_export_dialog_set_size (fixture->dialog, PLATEAU_EXPORT_SIZE_A4);
  preview = plateau_export_dialog_get_preview (fixture->dialog);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, 452);
}

static void
on_exported (PlateauExportDialog *dialog,
             GFile               *file,
             GFile              **out)
{
  g_set_object (out, file);
}

static GFile *
save (Fixture    *fixture,
      const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) exported = NULL;
  g_autoptr (GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (fixture->dialog, "exported", G_CALLBACK (on_exported), &exported);
  g_assert_true (plateau_export_dialog_save_to (fixture->dialog, file, &error));
  g_assert_no_error (error);
  g_clear_signal_handler (&handler, fixture->dialog);
  g_assert_true (exported == file);

  return g_steal_pointer (&file);
}

static void
test_save_each_format (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GFile) png = NULL, svg = NULL, pdf = NULL;
  g_autofree char *info = NULL, *size = NULL;
  g_autofree char *svg_path = NULL, *pdf_path = NULL, *png_path = NULL;

  plateau_export_dialog_set_size (fixture->dialog, PLATEAU_EXPORT_SIZE_HD);
  png = save (fixture, "export-dialog.png");
  png_path = g_file_get_path (png);
  plateau_views_test_check_png (png_path, 1280, 720);

  plateau_export_dialog_set_format (fixture->dialog, PLATEAU_EXPORT_SVG);
  svg = save (fixture, "export-dialog.svg");
  svg_path = g_file_get_path (svg);
  plateau_views_test_check_svg (svg_path);

  /* A4 at 300 dpi: 3508 × 2480 pixels scaled by 300 / 96, an A4 page. */
  plateau_export_dialog_set_format (fixture->dialog, PLATEAU_EXPORT_PDF);
  plateau_export_dialog_set_size (fixture->dialog, PLATEAU_EXPORT_SIZE_A4);
  pdf = save (fixture, "export-dialog.pdf");
  pdf_path = g_file_get_path (pdf);
  info = plateau_views_test_check_pdf (pdf_path);
  size = plateau_views_test_pdf_field (info, "Page size");
  g_assert_cmpstr (size, ==, "1122.56 x 793.6 pts");
}

static void
pixel_at (const char *path,
          int         x,
          int         y,
          guint8      argb[4])
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  const guint8 *data = cairo_image_surface_get_data (image);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (image) + x * 4);

  argb[0] = pixel >> 24;
  argb[1] = (pixel >> 16) & 0xff;
  argb[2] = (pixel >> 8) & 0xff;
  argb[3] = pixel & 0xff;
  cairo_surface_destroy (image);
}

static void
test_theme_and_background (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GFile) dark = NULL, clear = NULL;
  g_autofree char *dark_path = NULL, *clear_path = NULL;
  guint8 argb[4];

  plateau_export_dialog_set_size (fixture->dialog, PLATEAU_EXPORT_SIZE_HD);
  plateau_export_dialog_set_theme (fixture->dialog, PLATEAU_THEME_DARK);
  dark = save (fixture, "export-dialog-dark.png");
  dark_path = g_file_get_path (dark);
  pixel_at (dark_path, 2, 2, argb);
  g_assert_cmpuint (argb[0], ==, 255);
  g_assert_cmpuint (argb[1] + argb[2] + argb[3], <, 200);

  plateau_export_dialog_set_transparent (fixture->dialog, TRUE);
  clear = save (fixture, "export-dialog-transparent.png");
  clear_path = g_file_get_path (clear);
  pixel_at (clear_path, 2, 2, argb);
  g_assert_cmpuint (argb[0], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The software GL of a headless server is slow to start for each window. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  plateau_i18n_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export-dialog/presets", test_presets);
  ADD ("/export-dialog/preview", test_preview);
  ADD ("/export-dialog/save-each-format", test_save_each_format);
  ADD ("/export-dialog/theme-and-background", test_theme_and_background);
#undef ADD

  return g_test_run ();
}
