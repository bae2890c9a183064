/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a cell edit to the redrawn frame, in the real window: a scenario of N
 * periods is shown on the Data page; each round types a value into a cell
 * and presses Enter, then waits for the frame clock's next paint. Reported:
 * the time the edit's handlers take (model, undo record, analysis when it is
 * synchronous, table refresh), the layout-to-paint time of the frame after
 * it, and the wall time to that frame, which adds the wait for the frame
 * clock's tick (up to one refresh interval). For large
 * scenarios, whose analysis runs in a thread, the time until the frame that
 * shows the new analysis is reported too. Resident memory is read from
 * /proc/self/status after the rounds.
 *
 *   bench-ui PERIODS ROUNDS [PAGE]     prints one line of key=value pairs
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plateau-application.h"
#include "plateau-data-page.h"
#include "plateau-scenario-view.h"
#include "plateau-window.h"

typedef struct
{
  guint periods;
  guint rounds;
  const char *page;
  GArray *edit_ms;
  GArray *analysed_ms;
  GArray *idle_ms;
  GArray *handled_ms;
  GArray *render_ms;
  gint64 layout_start;
  gint64 paint_end;
  gboolean painted;
} Bench;

static void
on_layout (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->layout_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->paint_end = g_get_monotonic_time ();
  bench->painted = TRUE;
}

static void
wait_frame (GtkWidget *widget,
            Bench     *bench)
{
  bench->painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!bench->painted)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
analysis_current (PlateauScenarioView *view)
{
  PlateauAnalysis *analysis = plateau_scenario_view_get_analysis (view);
  PlateauScenario *scenario = plateau_scenario_view_get_scenario (view);

  return analysis != NULL && !plateau_scenario_view_is_busy (view)
         && plateau_analysis_get_period (analysis, 0)->investment
              == plateau_scenario_get_period (scenario, 0)->investment;
}

static PlateauDocument *
make_document (guint periods)
{
  PlateauDocument *document = plateau_document_new ();
  g_autoptr (PlateauScenario) scenario = plateau_scenario_new ("Bench");

  /* A noisy S-shaped history, so that every fit has work to do. */
  for (guint i = 0; i < periods; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", 2000 + i);
      double t = (double) i / periods;
      double investment = 10 + 90 * t + (i % 7);
      double ret = 400 / (1 + exp (-10 * (t - 0.5))) + (i % 5) * 3;

      plateau_scenario_append_period (scenario, label, investment, ret);
    }
  plateau_document_add_scenario (document, scenario);
  return document;
}

static double
median (GArray *values)
{
  double *v = (double *) values->data;

  for (guint i = 1; i < values->len; i++)
    for (guint j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double swap = v[j];

        v[j] = v[j - 1];
        v[j - 1] = swap;
      }

  return values->len > 0 ? v[values->len / 2] : 0;
}

static double
percentile (GArray *values,
            double  p)
{
  median (values);
  return values->len > 0 ? g_array_index (values, double, (guint) (p * (values->len - 1)))
                         : 0;
}

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
run_rounds (PlateauWindow *window,
            Bench         *bench)
{
  PlateauScenarioView *view = PLATEAU_SCENARIO_VIEW (plateau_window_get_scenario_view (window));
  PlateauDataPage *page = plateau_scenario_view_get_data_page (view);
  GtkWidget *cell;

  plateau_data_page_focus_cell (page, 0, PLATEAU_DATA_COLUMN_INVESTMENT);
  while ((cell = plateau_data_page_get_cell (page, 0, PLATEAU_DATA_COLUMN_INVESTMENT)) == NULL)
    g_main_context_iteration (NULL, TRUE);

  for (guint round = 0; round < bench->rounds; round++)
    {
      g_autofree char *text = g_strdup_printf ("%u", 10 + round % 2);
      gint64 start;
      double ms;

      while (!analysis_current (view))
        g_main_context_iteration (NULL, TRUE);
      wait_frame (GTK_WIDGET (window), bench);

      /* An idle frame, for reference: what the display costs by itself. */
      start = g_get_monotonic_time ();
      wait_frame (GTK_WIDGET (window), bench);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (bench->idle_ms, ms);

      start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      g_signal_emit_by_name (cell, "activate");
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (bench->handled_ms, ms);
      wait_frame (GTK_WIDGET (window), bench);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (bench->edit_ms, ms);

      /* The work of the frame itself: layout, snapshot and drawing. */
      ms = (bench->paint_end - bench->layout_start) / 1000.0;
      g_array_append_val (bench->render_ms, ms);

      while (!analysis_current (view))
        g_main_context_iteration (NULL, TRUE);
      wait_frame (GTK_WIDGET (window), bench);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (bench->analysed_ms, ms);
    }
}

/* The analysis alone, for reference: the model's share of an edit. */
static double
analysis_median_ms (PlateauScenario *scenario)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 9; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (PlateauAnalysis) analysis = plateau_analysis_new (scenario);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
    }

  return median (times);
}

static void
on_activate (GApplication *app,
             Bench        *bench)
{
  PlateauWindow *window = PLATEAU_WINDOW (gtk_application_get_active_window (
    GTK_APPLICATION (app)));
  g_autoptr (PlateauDocument) document = make_document (bench->periods);
  AdwViewStack *stack;

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), bench);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (on_layout), bench);
  plateau_window_set_document (window, document, NULL);

  /* Another page than Data makes the edit redraw a chart as well. */
  stack = plateau_scenario_view_get_stack (
    PLATEAU_SCENARIO_VIEW (plateau_window_get_scenario_view (window)));
  adw_view_stack_set_visible_child_name (stack, bench->page);
  wait_frame (GTK_WIDGET (window), bench);

  run_rounds (window, bench);
  printf ("analysis_median_ms=%.2f ",
          analysis_median_ms (plateau_document_get_scenario (document, 0)));
  printf ("idle_frame_median_ms=%.2f handled_median_ms=%.2f render_median_ms=%.2f "
          "work_p90_ms=%.2f ",
          median (bench->idle_ms), median (bench->handled_ms), median (bench->render_ms),
          percentile (bench->handled_ms, 0.9) + percentile (bench->render_ms, 0.9));
  printf ("periods=%u page=%s edit_median_ms=%.2f edit_p90_ms=%.2f "
          "analysed_median_ms=%.2f analysed_p90_ms=%.2f rss_mib=%.1f\n",
          bench->periods, bench->page, median (bench->edit_ms),
          percentile (bench->edit_ms, 0.9), median (bench->analysed_ms),
          percentile (bench->analysed_ms, 0.9), resident_kib () / 1024.0);
  fflush (stdout);

  plateau_window_set_document (window, NULL, NULL);
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PlateauApplication) app = NULL;
  Bench bench = { 0 };

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s PERIODS ROUNDS [PAGE]\n", argv[0]);
      return 2;
    }

  bench.periods = atoi (argv[1]);
  bench.rounds = atoi (argv[2]);
  bench.page = argc > 3 ? argv[3] : "data";
  bench.edit_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.analysed_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.idle_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.handled_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.render_ms = g_array_new (FALSE, FALSE, sizeof (double));

  plateau_i18n_init ();
  app = plateau_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &bench);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
