/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor Plateau's start-up is compared with: the smallest libadwaita
 * application with a header bar and a status page, reporting its first frame
 * the way Plateau does under PLATEAU_EXIT_AFTER_FIRST_FRAME.
 */

#include <stdio.h>

#include <adwaita.h>

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  static gboolean reported;

  if (reported || !gtk_widget_get_mapped (window))
    return;

  reported = TRUE;
  printf ("first-frame %" G_GINT64_FORMAT " 0x0\n", g_get_monotonic_time ());
  fflush (stdout);
  gtk_window_close (GTK_WINDOW (window));
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Baseline");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "document-open-symbolic");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 720);

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.plateau.Baseline",
                                                        G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
