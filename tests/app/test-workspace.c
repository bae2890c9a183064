/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace as an analyst uses it: the first start opens the sample;
 * editing a cell changes the analysis and the stage badge at once; undo and
 * redo; save, reload and compare; refused cells; pasting a block from a
 * spreadsheet; importing a CSV file with bad rows; the sidebar's edits; the
 * question about unsaved changes; large scenarios analysed off the main
 * thread.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plateau-edit.h"
#include "plateau-graph-page.h"
#include "plateau-workspace-test.h"

/* In the sample, lowering the last return of the first scenario from 430 to
 * 100 turns its S-curve: the stage goes from growth (low confidence, from the
 * ROI trend) to maturity (from the S-curve). */
#define LAST_ROW 18

/* Runs the application as on its first start, which opens the sample. */
static void
run_first_start (PlateauWindowTestFunc func)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);

  g_settings_reset (settings, "first-start");
  plateau_test_run_with_window (func, NULL);
}

/* Drops the edits of a test, so that quitting asks no question. */
static void
discard (PlateauWindow *window)
{
  plateau_window_set_document (window, NULL, NULL);
}

static void
check_sample (PlateauApplication *app,
              PlateauWindow      *window,
              gconstpointer       data)
{
  PlateauDocument *document = plateau_window_get_document (window);

  g_assert_nonnull (document);
  g_assert_null (plateau_window_get_file (window));
  g_assert_false (plateau_window_get_modified (window));
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 4);
  g_assert_cmpuint (plateau_document_get_n_graphs (document), ==, 6);
  g_assert_true (plateau_test_scenario (window) == plateau_document_get_scenario (document, 0));
  g_assert_cmpstr (plateau_test_badge (window), ==, "Growth");
  g_assert_true (gtk_widget_get_visible (plateau_window_get_stage_badge (window)));
}

static void
test_workspace_sample (void)
{
  run_first_start (check_sample);
}

static double
last_return (PlateauWindow *window)
{
  return plateau_scenario_get_period (plateau_test_scenario (window), LAST_ROW)->ret;
}

static void
check_edit_undo_save (PlateauApplication *app,
                      PlateauWindow      *window,
                      gconstpointer       data)
{
  g_autofree char *dir = g_dir_make_tmp ("plateau-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.plateau", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (PlateauDocument) reread = NULL;
  g_autoptr (GError) error = NULL;
  PlateauDataPage *page = plateau_test_data_page (window);
  guint row;
  PlateauDataColumn column;

  /* Typing in the return column and pressing Enter: the model, the analysis
   * and the badge follow before the main loop runs again. */
  plateau_test_type_into (window, LAST_ROW - 1, PLATEAU_DATA_COLUMN_RETURN, "405");
  plateau_test_type_into (window, LAST_ROW, PLATEAU_DATA_COLUMN_RETURN, "100");
  g_assert_cmpfloat (last_return (window), ==, 100);
  g_assert_cmpstr (plateau_test_badge (window), ==, "Maturity");
  g_assert_true (plateau_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Enter moved the cursor down the same column. */
  plateau_test_type_into (window, 3, PLATEAU_DATA_COLUMN_INVESTMENT, "25");
  plateau_test_drain ();
  g_assert_true (plateau_data_page_get_cursor (page, &row, &column));
  g_assert_cmpuint (row, ==, 4);
  g_assert_cmpint (column, ==, PLATEAU_DATA_COLUMN_INVESTMENT);

  /* Undo and redo, through the window's actions and their shortcuts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (last_return (window), ==, 430);
  g_assert_cmpstr (plateau_test_badge (window), ==, "Growth");
  g_assert_false (plateau_window_get_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat (last_return (window), ==, 100);
  g_assert_cmpstr (plateau_test_badge (window), ==, "Maturity");
  {
    g_auto (GStrv) undo = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "win.undo");
    g_auto (GStrv) redo = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "win.redo");

    g_assert_cmpstr (undo[0], ==, "<Control>z");
    g_assert_cmpstr (redo[0], ==, "<Shift><Control>z");
  }

  /* Save, then read the file back and compare with what is on screen. */
  g_assert_true (plateau_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (plateau_window_get_modified (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  reread = plateau_document_load (file, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_true (plateau_scenario_equal (
      plateau_document_get_scenario (reread, i),
      plateau_document_get_scenario (plateau_window_get_document (window), i)));

  /* Reopening the file shows the edit, unmodified. */
  g_assert_true (plateau_window_load (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last_return (window), ==, 100);
  g_assert_cmpstr (plateau_test_badge (window), ==, "Maturity");
  g_assert_false (plateau_window_get_modified (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL)
                  && plateau_window_get_modified (window));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_workspace_edit_undo_save (void)
{
  run_first_start (check_edit_undo_save);
}

static void
check_refused_cells (PlateauApplication *app,
                     PlateauWindow      *window,
                     gconstpointer       data)
{
  PlateauDataPage *page = plateau_test_data_page (window);
  PlateauScenario *scenario = plateau_test_scenario (window);
  double before = plateau_scenario_get_period (scenario, 2)->investment;
  GtkWidget *cell;

  cell = plateau_test_type_into (window, 2, PLATEAU_DATA_COLUMN_INVESTMENT, "12abc");
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 2)->investment, ==, before);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "12abc");
  g_assert_nonnull (strstr (plateau_data_page_get_cell_error (page, 2,
                                                              PLATEAU_DATA_COLUMN_INVESTMENT),
                            "not a number"));
  g_assert_false (plateau_window_get_modified (window));

  cell = plateau_test_type_into (window, 2, PLATEAU_DATA_COLUMN_INVESTMENT, "-5");
  g_assert_cmpstr (plateau_data_page_get_cell_error (page, 2, PLATEAU_DATA_COLUMN_INVESTMENT),
                   ==, "An investment cannot be negative");
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 2)->investment, ==, before);

  cell = plateau_test_type_into (window, 2, PLATEAU_DATA_COLUMN_LABEL, "  ");
  g_assert_nonnull (plateau_data_page_get_cell_error (page, 2, PLATEAU_DATA_COLUMN_LABEL));

  /* Correcting the cell takes the value and clears the mark. */
  cell = plateau_test_type_into (window, 2, PLATEAU_DATA_COLUMN_INVESTMENT, "21.5");
  g_assert_null (plateau_data_page_get_cell_error (page, 2, PLATEAU_DATA_COLUMN_INVESTMENT));
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 2)->investment, ==, 21.5);
  discard (window);
}

static void
test_workspace_refused_cells (void)
{
  run_first_start (check_refused_cells);
}

static gboolean
has_periods (gconstpointer data)
{
  PlateauScenario *scenario = (PlateauScenario *) data;

  return plateau_scenario_get_n_periods (scenario) > 0;
}

static void
check_paste (PlateauApplication *app,
             PlateauWindow      *window,
             gconstpointer       data)
{
  /* As a spreadsheet copies it: a header row, tabs, CRLF line ends. */
  const char *block = "Year\tInvestment\tReturn\r\n2020\t10\t40\r\n2021\t12.5\t44\r\n"
                      "2022\t15\t47\r\n";
  PlateauDataPage *page = plateau_test_data_page (window);
  PlateauScenario *scenario;
  g_autoptr (GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-scenario", NULL));
  scenario = plateau_test_scenario (window);
  g_assert_cmpuint (plateau_scenario_get_n_periods (scenario), ==, 0);

  /* Through the clipboard and the Data page's paste action. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), block);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "data.paste", NULL));
  plateau_test_wait_until (has_periods, scenario);

  g_assert_cmpuint (plateau_scenario_get_n_periods (scenario), ==, 3);
  g_assert_cmpstr (plateau_scenario_get_period (scenario, 0)->label, ==, "2020");
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 1)->investment, ==, 12.5);
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 2)->ret, ==, 47);

  /* A block with a bad cell changes nothing and names the cell. */
  g_assert_false (plateau_data_page_paste_text (page, "2023\t16\t5O\n2024\t-1\t9\n", &error));
  g_assert_nonnull (strstr (error->message, "Row 4, Return: “5O” is not a number"));
  g_assert_nonnull (strstr (error->message, "Row 5, Investment"));
  g_assert_cmpuint (plateau_scenario_get_n_periods (scenario), ==, 3);
  g_clear_error (&error);

  /* Pasting over cells from the cursor: two returns down a column. */
  plateau_data_page_focus_cell (page, 1, PLATEAU_DATA_COLUMN_RETURN);
  g_assert_true (plateau_data_page_paste_text (page, "45\n48\n", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 1)->ret, ==, 45);
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 2)->ret, ==, 48);

  /* Each paste is one edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 2)->ret, ==, 47);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (plateau_scenario_get_n_periods (scenario), ==, 0);
  discard (window);
}

static void
test_workspace_paste (void)
{
  run_first_start (check_paste);
}

static gboolean
has_error_label (GtkWidget    *widget,
                 gconstpointer data)
{
  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static void
check_import_csv (PlateauApplication *app,
                  PlateauWindow      *window,
                  gconstpointer       data)
{
  const char *csv = "year;investment;return\n"
                    "2018;10;30\n"
                    "2019;12;abc\n"
                    "2020;14,5;41\n"
                    "2021;-3;40\n"
                    "2022;17;44\n";
  g_autofree char *dir = g_dir_make_tmp ("plateau-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "robots.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  PlateauDocument *document = plateau_window_get_document (window);
  GtkWidget *dialog;
  PlateauScenario *imported;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  dialog = plateau_window_import_csv_file (window, file);
  g_assert_nonnull (dialog);
  plateau_test_wait_for_frame (dialog);

  /* The preview lists each rejected row with its line. */
  g_assert_nonnull (plateau_test_find_widget (dialog, GTK_TYPE_LABEL, has_error_label,
                                              "line 3:"));
  g_assert_nonnull (plateau_test_find_widget (dialog, GTK_TYPE_LABEL, has_error_label,
                                              "line 5:"));
  g_assert_null (plateau_test_find_widget (dialog, GTK_TYPE_LABEL, has_error_label,
                                           "line 2:"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "2 rows rejected"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "new");
  plateau_test_drain ();

  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 5);
  imported = plateau_document_get_scenario (document, 4);
  g_assert_cmpstr (plateau_scenario_get_name (imported), ==, "robots");
  g_assert_cmpuint (plateau_scenario_get_n_periods (imported), ==, 3);
  g_assert_cmpfloat (plateau_scenario_get_period (imported, 1)->investment, ==, 14.5);
  g_assert_true (plateau_test_scenario (window) == imported);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 4);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_workspace_import_csv (void)
{
  run_first_start (check_import_csv);
}

static const char *
scenario_name (PlateauDocument *document,
               guint            i)
{
  return plateau_scenario_get_name (plateau_document_get_scenario (document, i));
}

static void
check_sidebar (PlateauApplication *app,
               PlateauWindow      *window,
               gconstpointer       data)
{
  PlateauDocument *document = plateau_window_get_document (window);
  GtkWidget *widget = GTK_WIDGET (window);
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  /* Duplicate the first scenario, then move the copy up. */
  g_assert_true (gtk_widget_activate_action (widget, "win.duplicate-item", NULL));
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 5);
  g_assert_cmpstr (scenario_name (document, 1), ==, "Manufacturing automation (Copy)");
  g_assert_true (plateau_scenario_equal (plateau_document_get_scenario (document, 0),
                                         plateau_document_get_scenario (document, 0)));
  g_assert_true (gtk_widget_activate_action (widget, "win.move-item-up", NULL));
  g_assert_cmpstr (scenario_name (document, 0), ==, "Manufacturing automation (Copy)");
  g_assert_cmpstr (plateau_scenario_get_name (plateau_test_scenario (window)), ==,
                   "Manufacturing automation (Copy)");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                     "move-item-up"));

  /* Rename through the dialog; a name in use is refused. */
  g_assert_true (gtk_widget_activate_action (widget, "win.rename-item", NULL));
  plateau_test_wait_until (plateau_test_has_dialog, NULL);
  dialog = plateau_test_find_dialog ();
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "Manufacturing automation");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (entry, "Robots, second wave");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (scenario_name (document, 0), ==, "Robots, second wave");

  /* Delete, and take it back. */
  g_assert_true (gtk_widget_activate_action (widget, "win.delete-item", NULL));
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 4);
  g_assert_cmpstr (scenario_name (document, 0), ==, "Manufacturing automation");
  g_assert_true (plateau_test_scenario (window) == plateau_document_get_scenario (document, 0));
  g_assert_true (gtk_widget_activate_action (widget, "win.undo", NULL));
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 5);
  g_assert_cmpstr (scenario_name (document, 0), ==, "Robots, second wave");

  /* Back through every edit to the document as opened. */
  while (plateau_command_stack_can_undo (plateau_window_get_command_stack (window)))
    g_assert_true (gtk_widget_activate_action (widget, "win.undo", NULL));
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 4);
  g_assert_false (plateau_window_get_modified (window));

  /* A new graph joins the graph list and is selected. */
  g_assert_true (gtk_widget_activate_action (widget, "win.add-graph", NULL));
  g_assert_cmpuint (plateau_document_get_n_graphs (document), ==, 7);
  g_assert_false (gtk_widget_get_visible (plateau_window_get_stage_badge (window)));
  discard (window);
}

static void
test_workspace_sidebar (void)
{
  run_first_start (check_sidebar);
}

static gboolean
window_gone (gconstpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (data)) == NULL;
}

static void
check_unsaved_close (PlateauApplication *app,
                     PlateauWindow      *window,
                     gconstpointer       data)
{
  AdwMessageDialog *dialog;

  plateau_test_type_into (window, 0, PLATEAU_DATA_COLUMN_RETURN, "51");
  g_object_ref (window);

  /* Closing asks; cancelling keeps the window and the edit. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = plateau_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Save Changes to “Sample”?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (plateau_window_get_modified (window));

  /* Discarding closes it, and leaves no autosave behind. */
  plateau_window_autosave_now (window);
  g_assert_true (g_file_test (plateau_window_get_autosave_path (window),
                              G_FILE_TEST_IS_REGULAR));
  gtk_window_close (GTK_WINDOW (window));
  dialog = plateau_test_find_dialog ();
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  plateau_test_wait_until (window_gone, app);
  g_assert_false (g_file_test (plateau_window_get_autosave_path (window),
                               G_FILE_TEST_EXISTS));
  g_object_unref (window);
}

static void
test_workspace_unsaved_close (void)
{
  run_first_start (check_unsaved_close);
}

static gboolean
graph_edit_recorded (gconstpointer data)
{
  PlateauCommandStack *stack = plateau_window_get_command_stack (PLATEAU_WINDOW ((gpointer) data));

  return g_strcmp0 (plateau_command_stack_get_undo_label (stack), "Edit Concept Graph") == 0;
}

static void
check_graph_editing (PlateauApplication *app,
                     PlateauWindow      *window,
                     gconstpointer       data)
{
  PlateauDocument *document = plateau_window_get_document (window);
  PlateauConceptGraph *graph;
  PlateauExportable *exportable;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autofree char *original = NULL;

  /* The Data page has no picture to export; a graph has. */
  g_assert_null (plateau_window_get_exportable (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-graph", NULL));
  graph = plateau_document_get_graph (document, plateau_document_get_n_graphs (document) - 1);
  original = g_strdup (plateau_concept_graph_get_source (graph));
  exportable = plateau_window_get_exportable (window);
  g_assert_true (PLATEAU_IS_GRAPH_PAGE (exportable));
  g_assert_true (plateau_graph_page_get_graph (PLATEAU_GRAPH_PAGE (exportable)) == graph);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));

  /* Typing writes through at once and becomes one edit after a pause. */
  buffer = GTK_TEXT_BUFFER (plateau_graph_page_get_buffer (PLATEAU_GRAPH_PAGE (exportable)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "  B --> C[Plateau]\n", -1);
  g_assert_nonnull (strstr (plateau_concept_graph_get_source (graph), "C[Plateau]"));
  plateau_test_wait_until (graph_edit_recorded, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (plateau_concept_graph_get_source (graph), ==, original);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_nonnull (strstr (plateau_concept_graph_get_source (graph), "C[Plateau]"));
  discard (window);
}

static void
test_workspace_graph_editing (void)
{
  run_first_start (check_graph_editing);
}

static gboolean
analysed_all (gconstpointer data)
{
  PlateauScenarioView *view = PLATEAU_SCENARIO_VIEW ((gpointer) data);
  PlateauAnalysis *analysis = plateau_scenario_view_get_analysis (view);
  PlateauScenario *scenario = plateau_scenario_view_get_scenario (view);

  return !plateau_scenario_view_is_busy (view) && analysis != NULL
         && plateau_analysis_get_n_periods (analysis)
              == plateau_scenario_get_n_periods (scenario)
         && plateau_analysis_get_period (analysis, 0)->investment
              == plateau_scenario_get_period (scenario, 0)->investment;
}

static void
check_large (PlateauApplication *app,
             PlateauWindow      *window,
             gconstpointer       data)
{
  g_autoptr (PlateauDocument) document = plateau_document_new ();
  g_autoptr (PlateauScenario) scenario = plateau_scenario_new ("Large");
  PlateauScenarioView *view = PLATEAU_SCENARIO_VIEW (plateau_window_get_scenario_view (window));

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);

      plateau_scenario_append_period (scenario, label, 10 + i * 0.01,
                                      40 + 30 * i / (i + 2000.0));
    }
  plateau_document_add_scenario (document, scenario);
  plateau_window_set_document (window, document, NULL);

  /* Above the limit the analysis runs in a thread: the edit returns first. */
  plateau_test_wait_until (analysed_all, view);
  plateau_test_type_into (window, 0, PLATEAU_DATA_COLUMN_INVESTMENT, "11");
  g_assert_true (plateau_scenario_view_is_busy (view));
  plateau_test_wait_until (analysed_all, view);
  g_assert_cmpfloat (plateau_analysis_get_period (plateau_scenario_view_get_analysis (view),
                                                  0)->investment, ==, 11);
  discard (window);
}

static void
test_workspace_large (void)
{
  run_first_start (check_large);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("plateau-state-XXXXXX", NULL);

  /* Autosaves of this program stay apart from those of other tests. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  plateau_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace/sample", test_workspace_sample);
  g_test_add_func ("/workspace/edit-undo-save", test_workspace_edit_undo_save);
  g_test_add_func ("/workspace/refused-cells", test_workspace_refused_cells);
  g_test_add_func ("/workspace/paste", test_workspace_paste);
  g_test_add_func ("/workspace/import-csv", test_workspace_import_csv);
  g_test_add_func ("/workspace/sidebar", test_workspace_sidebar);
  g_test_add_func ("/workspace/unsaved-close", test_workspace_unsaved_close);
  g_test_add_func ("/workspace/graph-editing", test_workspace_graph_editing);
  g_test_add_func ("/workspace/large", test_workspace_large);

  return g_test_run ();
}
