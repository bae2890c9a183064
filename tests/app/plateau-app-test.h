/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the application tests: run the real application until
 * its window has painted a frame, walk widget trees, render a window to a
 * texture and save it beside the test for people to look at.
 */

#pragma once

#include <adwaita.h>

#include "plateau-application.h"
#include "plateau-window.h"

typedef void (*PlateauWindowTestFunc) (PlateauApplication *app,
                                       PlateauWindow      *window,
                                       gconstpointer       data);

typedef struct
{
  PlateauWindowTestFunc func;
  gconstpointer data;
  gboolean ran;
} PlateauWindowTest;

static void
plateau_test_on_after_paint (GdkFrameClock *clock,
                             gboolean      *painted)
{
  *painted = TRUE;
}

/* Iterates the main context until @widget is mapped and has painted once. */
static inline void
plateau_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint",
                              G_CALLBACK (plateau_test_on_after_paint), &painted);
  gtk_widget_queue_draw (widget);

  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  g_clear_signal_handler (&handler, clock);
}

static void
plateau_test_on_activate (GApplication      *app,
                          PlateauWindowTest *test)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (PLATEAU_IS_WINDOW (window));
  plateau_test_wait_for_frame (GTK_WIDGET (window));

  test->func (PLATEAU_APPLICATION (app), PLATEAU_WINDOW (window), test->data);
  test->ran = TRUE;

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* Runs the application as a user would start it, calls @func once its window
 * shows, then quits it through app.quit. */
static inline void
plateau_test_run_with_window (PlateauWindowTestFunc func,
                              gconstpointer         data)
{
  g_autoptr (PlateauApplication) app = plateau_application_new ();
  PlateauWindowTest test = { func, data, FALSE };
  int status;

  g_signal_connect_after (app, "activate", G_CALLBACK (plateau_test_on_activate), &test);
  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (test.ran);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* Returns the first widget under @root (itself included) of @type for which
 * @match returns TRUE; @match may be NULL to take the first of the type. */
static inline GtkWidget *
plateau_test_find_widget (GtkWidget *root,
                          GType      type,
                          gboolean (*match) (GtkWidget *widget, gconstpointer data),
                          gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = plateau_test_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Renders @widget with its window's renderer, as it is on screen. */
static inline GdkTexture *
plateau_test_render (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Saves @texture in the test build folder and returns the file's path. */
static inline char *
plateau_test_save_png (GdkTexture *texture,
                       const char *name)
{
  char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);

  return path;
}

/* A rendering is blank when nearly every pixel has the background's colour
 * (the one at the bottom centre, below the content). Counts the pixels that
 * clearly differ from it and how many distinct colours there are. */
static inline void
plateau_test_assert_not_blank (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  g_autoptr (GHashTable) colours = g_hash_table_new (NULL, NULL);
  const guchar *background;
  gsize differing = 0;

  gdk_texture_download (texture, pixels, stride);
  background = pixels + stride * (height - 12) + (width / 2) * 4;

  for (gsize i = 0; i < stride * height; i += 4)
    {
      guint32 colour = pixels[i] | pixels[i + 1] << 8 | (guint32) pixels[i + 2] << 16;

      if (ABS (pixels[i] - background[0]) > 48 || ABS (pixels[i + 1] - background[1]) > 48
          || ABS (pixels[i + 2] - background[2]) > 48)
        differing++;

      g_hash_table_add (colours, GUINT_TO_POINTER (colour));
    }

  g_test_message ("%" G_GSIZE_FORMAT " of %d pixels differ from the background; "
                  "%u colours",
                  differing, width * height, g_hash_table_size (colours));
  g_assert_cmpuint (differing, >, (gsize) width * height / 200);
  g_assert_cmpuint (g_hash_table_size (colours), >=, 32);
}
