/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart view: it draws, follows the dark style, reads out the value
 * nearest the pointer, and exports, copies and prints the same picture.
 */

#include "config.h"

#include "plateau-chart-view.h"
#include "plateau-exportable.h"
#include "plateau-views-test.h"

static const double xs[] = { 1, 2, 3, 4, 5 };
static const double ys[] = { 10, 20, 15, 30, 25 };

static PlateauChart *
make_chart (void)
{
  PlateauChart *chart = plateau_chart_new ();

  plateau_chart_set_title (chart, "Test chart");
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_X, "Period", NULL);
  plateau_chart_set_axis_label (chart, PLATEAU_AXIS_Y, "Return", "units");
  plateau_chart_add_series (chart, PLATEAU_SERIES_LINE, "Series A", xs, ys, G_N_ELEMENTS (xs));
  return chart;
}

typedef struct
{
  GtkWindow *window;
  PlateauChartView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->view = PLATEAU_CHART_VIEW (plateau_chart_view_new ());
  plateau_chart_view_set_chart (fixture->view, make_chart ());
  fixture->window = plateau_views_test_show (GTK_WIDGET (fixture->view), 800, 500);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
motion (PlateauChartView *view,
        double            x,
        double            y)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", x, y);
    }
}

/* Where a data point lands in the view, laid out as the view lays it out. */
static void
point_position (PlateauChartView *view,
                double            x,
                double            y,
                double           *px,
                double           *py)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PlateauChartPlot plot;

  g_assert_true (plateau_chart_get_plot (plateau_chart_view_get_chart (view),
                                         plateau_exportable_screen_theme (), cr,
                                         gtk_widget_get_width (GTK_WIDGET (view)),
                                         gtk_widget_get_height (GTK_WIDGET (view)), &plot));
  g_assert_true (plateau_chart_plot_map (&plot, PLATEAU_AXIS_X, x, px));
  g_assert_true (plateau_chart_plot_map (&plot, PLATEAU_AXIS_Y, y, py));
  g_assert_cmpfloat (*px, >, plot.x);
  g_assert_cmpfloat (*py, <, plot.y + plot.height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_draws (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GdkTexture) texture = plateau_test_render (GTK_WIDGET (fixture->view));

  plateau_test_assert_not_blank (texture);
}

static guint32
corner_pixel (GdkTexture *texture)
{
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  g_autofree guchar *pixels = g_malloc (stride * gdk_texture_get_height (texture));

  /* Inside the rounded corner, on the chart's own background. */
  gdk_texture_download (texture, pixels, stride);
  return pixels[6 * stride + 6 * 4] + pixels[6 * stride + 6 * 4 + 1]
         + pixels[6 * stride + 6 * 4 + 2];
}

static void
test_follows_dark_style (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GdkTexture) light = plateau_test_render (GTK_WIDGET (fixture->view));
  g_autoptr (GdkTexture) dark = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  plateau_views_test_settle (GTK_WIDGET (fixture->window));
  dark = plateau_test_render (GTK_WIDGET (fixture->view));

  g_assert_cmpuint (corner_pixel (light), >, 600);
  g_assert_cmpuint (corner_pixel (dark), <, 200);
  plateau_test_assert_not_blank (dark);
}

static void
test_hover_readout (Fixture       *fixture,
                    gconstpointer  data)
{
  guint notified = 0;
  double px, py;

  g_signal_connect (fixture->view, "notify::readout", G_CALLBACK (count_notify), &notified);
  g_assert_null (plateau_chart_view_get_readout (fixture->view));

  /* Beside the fourth point (4, 30), a few pixels off. */
  point_position (fixture->view, 4, 30, &px, &py);
  motion (fixture->view, px + 5, py - 4);
  g_assert_cmpstr (plateau_chart_view_get_readout (fixture->view), ==, "Series A\n4: 30 units");
  g_assert_cmpuint (notified, ==, 1);

  /* Moving within reach of the same point changes nothing. */
  motion (fixture->view, px - 3, py + 2);
  g_assert_cmpuint (notified, ==, 1);

  point_position (fixture->view, 3, 15, &px, &py);
  motion (fixture->view, px, py + 6);
  g_assert_cmpstr (plateau_chart_view_get_readout (fixture->view), ==, "Series A\n3: 15 units");
  g_assert_cmpuint (notified, ==, 2);

  /* The crosshair and label are drawn. */
  plateau_views_test_settle (GTK_WIDGET (fixture->window));
  {
    g_autoptr (GdkTexture) texture = plateau_test_render (GTK_WIDGET (fixture->view));
    g_autofree char *path = plateau_test_save_png (texture, "chart-view-hover.png");
  }

  /* Far from every point there is nothing to read. */
  motion (fixture->view, 2, 2);
  g_assert_null (plateau_chart_view_get_readout (fixture->view));
  g_assert_cmpuint (notified, ==, 3);
}

static char *
temp_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

static void
export_as (PlateauExportable   *exportable,
           PlateauExportFormat  format,
           const char          *name,
           gboolean             transparent)
{
  PlateauExportOptions options;
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autofree char *path = temp_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *info = NULL;

  plateau_export_options_init (&options, theme, format);
  options.width = 1280;
  options.height = 720;
  options.transparent = transparent;
  g_assert_true (plateau_exportable_export (exportable, theme, &options, file, &error));
  g_assert_no_error (error);

  if (format == PLATEAU_EXPORT_PNG)
    plateau_views_test_check_png (path, 1280, 720);
  else if (format == PLATEAU_EXPORT_SVG)
    plateau_views_test_check_svg (path);
  else
    {
      g_autofree char *size = NULL, *title = NULL;

      info = plateau_views_test_check_pdf (path);
      /* 1280 × 720 pixels drawn 1.2 times the size of the theme's 960 × 600
       * canvas (the smaller of the two ratios): a 1066.67 × 600 point page. */
      size = plateau_views_test_pdf_field (info, "Page size");
      title = plateau_views_test_pdf_field (info, "Title");
      g_assert_cmpstr (size, ==, "1066.67 x 600 pts");
      g_assert_cmpstr (title, ==, "Test chart");
    }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  PlateauExportable *exportable = PLATEAU_EXPORTABLE (fixture->view);

  export_as (exportable, PLATEAU_EXPORT_PNG, "chart-view.png", FALSE);
  export_as (exportable, PLATEAU_EXPORT_PNG, "chart-view-transparent.png", TRUE);
  export_as (exportable, PLATEAU_EXPORT_SVG, "chart-view.svg", FALSE);
  export_as (exportable, PLATEAU_EXPORT_PDF, "chart-view.pdf", FALSE);
}

static void
test_export_refuses_bad_size (Fixture       *fixture,
                              gconstpointer  data)
{
  PlateauExportOptions options;
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autofree char *path = temp_path ("chart-view-bad.png");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  plateau_export_options_init (&options, theme, PLATEAU_EXPORT_PNG);
  options.width = 4;
  g_assert_false (plateau_exportable_export (PLATEAU_EXPORTABLE (fixture->view), theme,
                                             &options, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "chart-view-bad.png"));
}

static void
test_print_to_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = temp_path ("chart-view-print.pdf");
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *info = NULL, *size = NULL, *text = NULL;
  double width, height;

  g_remove (path);
  g_assert_true (plateau_exportable_print (PLATEAU_EXPORTABLE (fixture->view),
                                           fixture->window, path, &error));
  g_assert_no_error (error);
  info = plateau_views_test_check_pdf (path);
  g_test_message ("%s", info);

  /* One landscape page that shows the chart's title. */
  size = plateau_views_test_pdf_field (info, "Page size");
  g_assert_cmpint (sscanf (size, "%lf x %lf", &width, &height), ==, 2);
  g_assert_cmpfloat (width, >, height);
  text = plateau_views_test_run (argv);
  g_assert_nonnull (strstr (text, "Test chart"));
}

static void
on_texture_read (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr (GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static void
test_copy_to_clipboard (Fixture       *fixture,
                        gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  g_autoptr (GdkTexture) texture = NULL;
  GdkContentFormats *formats;

  plateau_exportable_copy (PLATEAU_EXPORTABLE (fixture->view), clipboard);
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));

  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);
}

static void
test_finalizes (void)
{
  GtkWidget *view = plateau_chart_view_new ();

  g_object_ref_sink (view);
  plateau_chart_view_set_chart (PLATEAU_CHART_VIEW (view), make_chart ());
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  g_object_unref (view);
  g_assert_null (view);
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
  ADD ("/chart-view/draws", test_draws);
  ADD ("/chart-view/dark-style", test_follows_dark_style);
  ADD ("/chart-view/hover-readout", test_hover_readout);
  ADD ("/chart-view/export", test_export);
  ADD ("/chart-view/export-bad-size", test_export_refuses_bad_size);
  ADD ("/chart-view/print-to-pdf", test_print_to_pdf);
  ADD ("/chart-view/copy", test_copy_to_clipboard);
#undef ADD
  g_test_add_func ("/chart-view/finalizes", test_finalizes);

  return g_test_run ();
}
