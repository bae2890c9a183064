/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests of the view widgets: the sample document, a window
 * to show one widget in, and checks of exported files by independent tools
 * (the PNG signature, rsvg-convert for SVG, pdfinfo for PDF).
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "plateau-app-test.h"
#include "plateau-document.h"
#include "plateau-exportable.h"

/* The bundled sample document, read from the source tree. */
static inline PlateauDocument *
plateau_views_test_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "samples",
                                                 "sample.plateau", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  PlateauDocument *document = plateau_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Adds the application's style sheet, which AdwApplication loads by itself
 * and a window of a test without the application lacks. */
static inline void
plateau_views_test_load_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/plateau/Plateau/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Shows @child alone in a window of @width × @height and waits for a frame. */
static inline GtkWindow *
plateau_views_test_show (GtkWidget *child,
                         int        width,
                         int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  plateau_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

/* Lets pending idles run, then waits for the frame that lays out and draws
 * what they changed: a widget with a pending resize draws nothing. */
static inline void
plateau_views_test_settle (GtkWidget *widget)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  plateau_test_wait_for_frame (widget);
}

static inline char *
plateau_views_test_run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static inline void
plateau_views_test_check_png (const char *path,
                              int         width,
                              int         height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *data = NULL;
  gsize length = 0;
  cairo_surface_t *image;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, sizeof signature);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);
  cairo_surface_destroy (image);
}

/* rsvg-convert parses the SVG and draws it; a broken file fails. */
static inline void
plateau_views_test_check_svg (const char *path)
{
  g_autofree char *png = g_strconcat (path, ".png", NULL);
  const char *argv[] = { "rsvg-convert", "-o", png, path, NULL };
  g_autofree char *out = plateau_views_test_run (argv);
  g_autofree char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* The value of one field of pdfinfo's output, spaces trimmed. */
static inline char *
plateau_views_test_pdf_field (const char *info,
                              const char *field)
{
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *key = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key))
      return g_strstrip (g_strdup (lines[i] + strlen (key)));

  g_assert_not_reached ();
}

/* pdfinfo reads the file, which has one page; returns its output. */
static inline char *
plateau_views_test_check_pdf (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  char *out = plateau_views_test_run (argv);
  g_autofree char *pages = plateau_views_test_pdf_field (out, "Pages");

  g_assert_cmpstr (pages, ==, "1");
  return out;
}
