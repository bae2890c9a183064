/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Strategy page in the running application with the sample open: its
 * evidence says what the analysis says and follows a cell edit at once;
 * the step 4 evidence weighs the scenario against the document's others;
 * a typed note becomes an edit after a pause, or at once before undo; undo
 * and redo bring notes back; saving and reopening keeps them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "plateau-edit.h"
#include "plateau-format.h"
#include "plateau-strategy-evidence.h"
#include "plateau-strategy-page.h"
#include "plateau-workspace-test.h"

/* In the sample, lowering the last return of the first scenario from 430 to
 * 100 turns its S-curve: the stage goes from growth, read from the ROI
 * trend, to maturity, read from a trusted S-curve. */
#define LAST_ROW 18

static void
run_first_start (PlateauWindowTestFunc func)
{
  g_autoptr (GSettings) settings = g_settings_new (PLATEAU_SETTINGS_SCHEMA);

  g_settings_reset (settings, "first-start");
  plateau_test_run_with_window (func, NULL);
}

static PlateauScenarioView *
scenario_view (PlateauWindow *window)
{
  return PLATEAU_SCENARIO_VIEW (plateau_window_get_scenario_view (window));
}

static PlateauStrategyPage *
show_strategy (PlateauWindow *window)
{
  PlateauScenarioView *view = scenario_view (window);
  GtkWidget *page;

  adw_view_stack_set_visible_child_name (plateau_scenario_view_get_stack (view), "strategy");
  plateau_test_drain ();
  page = plateau_scenario_view_get_page (view, "strategy");
  g_assert_true (PLATEAU_IS_STRATEGY_PAGE (page));
  plateau_test_wait_for_frame (page);

  return PLATEAU_STRATEGY_PAGE (page);
}

static const char *
evidence (PlateauStrategyPage *page,
          PlateauStrategyStep  step)
{
  const char *text = plateau_strategy_page_get_evidence (page, step);

  g_assert_nonnull (text);
  return text;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in “%s”", part, text);
}

/* Step 1 names the analysis' stage and confidence, and its ROI slope with
 * the interval, formatted as the other pages format numbers. */
static void
assert_stage_evidence (PlateauStrategyPage *page,
                       PlateauAnalysis     *analysis)
{
  const PlateauStageAssessment *current = plateau_analysis_get_current_stage (analysis);
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);
  g_autofree char *stage = g_strdup_printf ("Current stage: %s (%s).",
                                            plateau_stage_get_display_name (current->stage),
                                            plateau_confidence_get_display_name (
                                              current->confidence));
  g_autofree char *slope = plateau_format_signed (trend->slope.value);
  g_autofree char *lo = plateau_format_signed (trend->slope_ci_lo.value);
  g_autofree char *hi = plateau_format_signed (trend->slope_ci_hi.value);
  g_autofree char *interval = g_strdup_printf ("(95 %% interval %s to %s)", lo, hi);
  const char *text = evidence (page, PLATEAU_STRATEGY_STAGE);

  g_assert_true (g_str_has_prefix (text, stage));
  assert_contains (text, current->reason);
  assert_contains (text, slope);
  assert_contains (text, interval);
}

static void
check_evidence (PlateauWindow *window)
{
  PlateauStrategyPage *page = show_strategy (window);
  PlateauAnalysis *analysis = plateau_scenario_view_get_analysis (scenario_view (window));
  const PlateauElasticity *e = plateau_analysis_get_elasticity (analysis);
  g_autofree char *b = plateau_format_amount (e->b.value);
  g_autofree char *elasticity = g_strdup_printf ("elasticity b = %s", b);
  g_autofree char *before = NULL;

  assert_stage_evidence (page, analysis);
  g_assert_true (g_str_has_prefix (evidence (page, PLATEAU_STRATEGY_STAGE),
                                   "Current stage: Growth (Low confidence)."));
  assert_contains (evidence (page, PLATEAU_STRATEGY_INNOVATION), elasticity);
  assert_contains (evidence (page, PLATEAU_STRATEGY_APPLICATIONS),
                   "The forecast expects the return per period to rise from 430 units in "
                   "period 19");
  assert_contains (evidence (page, PLATEAU_STRATEGY_INVESTMENT),
                   "In period 19 each unit of added investment returned 5,");

  /* Of the sample's four scenarios this one and freight transport have
   * 0 < b < 1, so the budget split moves money between the two. */
  assert_contains (evidence (page, PLATEAU_STRATEGY_INVESTMENT),
                   "Split best among the 2 scenarios with diminishing returns");
  assert_contains (evidence (page, PLATEAU_STRATEGY_LONG_TERM),
                   "The life cycle cannot be placed yet");

  /* An edit of the data while the page is on screen rewrites it at once. */
  before = g_strdup (evidence (page, PLATEAU_STRATEGY_STAGE));
  plateau_edit_set_period (plateau_window_get_command_stack (window),
                           plateau_test_scenario (window), LAST_ROW, "19", 100, 100);
  analysis = plateau_scenario_view_get_analysis (scenario_view (window));
  g_assert_cmpstr (evidence (page, PLATEAU_STRATEGY_STAGE), !=, before);
  assert_stage_evidence (page, analysis);
  g_assert_true (g_str_has_prefix (evidence (page, PLATEAU_STRATEGY_STAGE),
                                   "Current stage: Maturity"));
  assert_contains (evidence (page, PLATEAU_STRATEGY_STAGE), "The S-curve puts the cumulative "
                   "return at ");
  assert_contains (evidence (page, PLATEAU_STRATEGY_LONG_TERM),
                   "The S-curve sets the ceiling of the cumulative return at ");
  assert_contains (evidence (page, PLATEAU_STRATEGY_APPLICATIONS),
                   "to rise from 100 units in period 19");

  /* Undo brings the first evidence back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (evidence (page, PLATEAU_STRATEGY_STAGE), ==, before);
}

/* A cell typed on the Data page reaches the Strategy page when it is shown. */
static void
check_cell_edit (PlateauWindow *window)
{
  PlateauScenarioView *view = scenario_view (window);
  PlateauStrategyPage *page;

  adw_view_stack_set_visible_child_name (plateau_scenario_view_get_stack (view), "data");
  plateau_test_drain ();
  plateau_test_type_into (window, LAST_ROW, PLATEAU_DATA_COLUMN_RETURN, "100");
  page = show_strategy (window);
  g_assert_true (g_str_has_prefix (evidence (page, PLATEAU_STRATEGY_STAGE),
                                   "Current stage: Maturity"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (g_str_has_prefix (evidence (page, PLATEAU_STRATEGY_STAGE),
                                   "Current stage: Growth"));
}

static GtkTextBuffer *
notes_of (PlateauStrategyPage *page,
          PlateauStrategyStep  step)
{
  return plateau_strategy_card_get_buffer (plateau_strategy_page_get_card (page, step));
}

static char *
shown_note (PlateauStrategyPage *page,
            PlateauStrategyStep  step)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (notes_of (page, step), &start, &end);
  return gtk_text_buffer_get_text (notes_of (page, step), &start, &end, FALSE);
}

static gboolean
note_recorded (gconstpointer data)
{
  PlateauScenario *scenario = (PlateauScenario *) data;

  return *plateau_scenario_get_strategy_note (scenario, PLATEAU_STRATEGY_APPLICATIONS) != '\0';
}

static void
assert_note (PlateauScenario     *scenario,
             PlateauStrategyPage *page,
             PlateauStrategyStep  step,
             const char          *note)
{
  g_autofree char *shown = shown_note (page, step);

  g_assert_cmpstr (plateau_scenario_get_strategy_note (scenario, step), ==, note);
  g_assert_cmpstr (shown, ==, note);
}

static void
check_notes (PlateauWindow *window,
             GFile         *file)
{
  PlateauStrategyPage *page = show_strategy (window);
  PlateauScenario *scenario = plateau_test_scenario (window);
  const char *note = "Move part of the money to smart manufacturing: data analysis, AI.";
  g_autoptr (GError) error = NULL;

  /* Typing is recorded once the analyst pauses. */
  g_assert_false (plateau_window_get_modified (window));
  gtk_text_buffer_set_text (notes_of (page, PLATEAU_STRATEGY_APPLICATIONS), note, -1);
  g_assert_cmpstr (plateau_scenario_get_strategy_note (scenario, PLATEAU_STRATEGY_APPLICATIONS),
                   ==, "");
  plateau_test_wait_until (note_recorded, scenario);
  assert_note (scenario, page, PLATEAU_STRATEGY_APPLICATIONS, note);
  g_assert_true (plateau_window_get_modified (window));

  /* Typing just before undo is recorded first, so undo takes it back. */
  gtk_text_buffer_set_text (notes_of (page, PLATEAU_STRATEGY_LONG_TERM), "Build a team", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_note (scenario, page, PLATEAU_STRATEGY_LONG_TERM, "");
  assert_note (scenario, page, PLATEAU_STRATEGY_APPLICATIONS, note);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_note (scenario, page, PLATEAU_STRATEGY_APPLICATIONS, "");
  g_assert_false (plateau_window_get_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  assert_note (scenario, page, PLATEAU_STRATEGY_APPLICATIONS, note);

  /* A note typed just before saving is in the file. */
  gtk_text_buffer_set_text (notes_of (page, PLATEAU_STRATEGY_STAGE), "Still growing", -1);
  g_assert_true (plateau_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (plateau_window_get_modified (window));

  /* Reopened, the page shows the notes of the file. */
  plateau_window_set_document (window, NULL, NULL);
  g_assert_true (plateau_window_load (window, file, &error));
  g_assert_no_error (error);
  scenario = plateau_test_scenario (window);
  page = show_strategy (window);
  assert_note (scenario, page, PLATEAU_STRATEGY_APPLICATIONS, note);
  assert_note (scenario, page, PLATEAU_STRATEGY_STAGE, "Still growing");
  assert_note (scenario, page, PLATEAU_STRATEGY_LONG_TERM, "");
  g_assert_false (plateau_window_get_modified (window));
}

static void
check_page (PlateauApplication *app,
            PlateauWindow      *window,
            gconstpointer       data)
{
  g_autofree char *dir = g_dir_make_tmp ("plateau-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "strategy.plateau", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  check_evidence (window);
  check_cell_edit (window);
  g_assert_false (plateau_window_get_modified (window));
  check_notes (window, file);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_strategy_page (void)
{
  run_first_start (check_page);
}

/* A scenario whose return follows E = a I^b, give or take a little. */
static PlateauScenario *
power_law (const char *name,
           double      a,
           double      b)
{
  PlateauScenario *scenario = plateau_scenario_new (name);

  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i);
      double investment = 10.0 * i;

      plateau_scenario_append_period (scenario, label, investment,
                                      a * pow (investment, b) * (1 + 0.01 * (i % 3)));
    }

  return scenario;
}

static char *
split_sentence (PlateauAnalysis *const *analyses,
                guint                   n,
                guint                   entry)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauPortfolio) portfolio = plateau_portfolio_new (analyses, n, 0, &error);
  PlateauStrategySplit split = { portfolio, entry, n, error != NULL ? error->message : NULL };

  return plateau_strategy_describe_split (analyses[entry], &split);
}

/* Step 4 weighs a scenario against the others: its share of the best
 * split when returns diminish, why it is left out when they do not. */
static void
test_split (void)
{
  g_autoptr (PlateauScenario) a = power_law ("A", 4, 0.5);
  g_autoptr (PlateauScenario) b = power_law ("B", 2, 0.8);
  g_autoptr (PlateauScenario) c = power_law ("C", 0.1, 1.6);
  PlateauAnalysis *analyses[] = {
    plateau_analysis_new (a), plateau_analysis_new (b), plateau_analysis_new (c),
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauPortfolio) portfolio = plateau_portfolio_new (analyses, 3, 0, &error);
  const PlateauPortfolioEntry *entry = plateau_portfolio_get_entry (portfolio, 1);
  g_autofree char *optimal = plateau_format_amount (entry->optimal_investment);
  g_autofree char *share = g_strdup_printf ("would give this scenario %s instead of 80", optimal);
  g_autofree char *included = split_sentence (analyses, 3, 1);
  g_autofree char *excluded = split_sentence (analyses, 3, 2);
  g_autofree char *alone = split_sentence (analyses, 1, 0);
  g_autofree char *none = split_sentence (analyses + 2, 1, 0);

  g_assert_no_error (error);
  assert_contains (included, "Split best among the 2 scenarios with diminishing returns, their "
                             "latest investment of 160 together");
  assert_contains (included, share);
  assert_contains (excluded, "This scenario takes no part in the best split");
  assert_contains (excluded, plateau_portfolio_get_entry (portfolio, 2)->reason);
  g_assert_true (g_str_has_prefix (alone, "This is the only scenario of the document"));
  g_assert_true (g_str_has_prefix (none, "This is the only scenario of the document"));

  for (guint i = 0; i < G_N_ELEMENTS (analyses); i++)
    plateau_analysis_unref (analyses[i]);
}

static void
count (guint *counter)
{
  (*counter)++;
}

/* The card's properties read back, notify once per change and not at all
 * for the same value; the card and its page are finalised with their
 * window. */
static void
test_card (void)
{
  GtkWidget *page;
  PlateauStrategyCard *card;
  GtkWindow *window;
  g_autofree char *title = NULL;
  guint notified = 0, number = 0;

  /* The application tests start GTK through the application; this one
   * needs it first. */
  gtk_init ();
  adw_init ();
  page = plateau_strategy_page_new ();
  card = plateau_strategy_page_get_card (PLATEAU_STRATEGY_PAGE (page),
                                         PLATEAU_STRATEGY_INVESTMENT);
  window = GTK_WINDOW (gtk_window_new ());

  g_object_add_weak_pointer (G_OBJECT (card), (gpointer *) &card);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_set_child (window, page);

  g_object_get (card, "number", &number, "title", &title, NULL);
  g_assert_cmpuint (number, ==, 4);
  g_assert_cmpstr (title, ==, "Adjust the Investment Strategy");

  g_signal_connect_swapped (card, "notify::question", G_CALLBACK (count), &notified);
  g_object_set (card, "question", "Where next?", NULL);
  g_object_set (card, "question", "Where next?", NULL);
  g_assert_cmpuint (notified, ==, 1);

  gtk_window_destroy (window);
  g_assert_null (card);
  g_assert_null (page);
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

  g_test_add_func ("/strategy-page/split", test_split);
  g_test_add_func ("/strategy-page/card", test_card);
  g_test_add_func ("/strategy-page/evidence-notes-undo-save", test_strategy_page);

  return g_test_run ();
}
