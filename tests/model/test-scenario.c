/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "plateau-model.h"

/* Scenario and document objects: notification counts, copies, validation. */

static void
count (guint *counter)
{
  (*counter)++;
}

static void
test_changed_once_per_edit (void)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("s");
  guint changed = 0, notified = 0;
  PlateauSettings settings;

  g_signal_connect_swapped (s, "changed", G_CALLBACK (count), &changed);
  g_signal_connect_swapped (s, "notify::n-periods", G_CALLBACK (count), &notified);

  plateau_scenario_append_period (s, "2020", 1, 2);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  plateau_scenario_set_period (s, 0, "2020", 1, 3);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  /* Setting what is already there is not an edit. */
  plateau_scenario_set_period (s, 0, "2020", 1, 3);
  plateau_scenario_set_name (s, "s");
  plateau_scenario_get_settings (s, &settings);
  plateau_scenario_set_settings (s, &settings);
  g_assert_cmpuint (changed, ==, 2);

  settings.trailing_window = 7;
  plateau_scenario_set_settings (s, &settings);
  plateau_scenario_set_unit (s, "EUR");
  plateau_scenario_remove_period (s, 0);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpuint (notified, ==, 2);

  plateau_scenario_set_strategy_note (s, PLATEAU_STRATEGY_STAGE, "Growth");
  plateau_scenario_set_strategy_note (s, PLATEAU_STRATEGY_STAGE, "Growth");
  g_assert_cmpuint (changed, ==, 6);
}

static void
test_changed_once_per_batch (void)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("s");
  guint changed = 0, notified = 0;

  g_signal_connect_swapped (s, "changed", G_CALLBACK (count), &changed);
  g_signal_connect_swapped (s, "notify::name", G_CALLBACK (count), &notified);

  plateau_scenario_begin_batch (s);
  for (guint i = 0; i < 100; i++)
    plateau_scenario_append_period (s, NULL, i, i);
  plateau_scenario_begin_batch (s);
  plateau_scenario_set_name (s, "renamed");
  plateau_scenario_set_name (s, "renamed again");
  plateau_scenario_end_batch (s);
  g_assert_cmpuint (changed, ==, 0);
  plateau_scenario_end_batch (s);

  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (plateau_scenario_get_n_periods (s), ==, 100);

  /* An empty batch changes nothing and says nothing. */
  plateau_scenario_begin_batch (s);
  plateau_scenario_end_batch (s);
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_dup_is_deep (void)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("s");
  g_autoptr (PlateauScenario) copy = NULL;
  double plan[] = { 5, 6 };
  guint n_plan;

  plateau_scenario_append_period (s, "a", 1, 2);
  plateau_scenario_set_plan (s, plan, 2);
  plateau_scenario_set_notes (s, "notes");
  plateau_scenario_set_strategy_note (s, PLATEAU_STRATEGY_INVESTMENT, "step 4");
  copy = plateau_scenario_dup (s);
  plateau_scenario_set_period (s, 0, "b", 3, 4);
  plateau_scenario_set_strategy_note (s, PLATEAU_STRATEGY_INVESTMENT, "changed");

  g_assert_cmpstr (plateau_scenario_get_period (copy, 0)->label, ==, "a");
  g_assert_cmpfloat (plateau_scenario_get_period (copy, 0)->ret, ==, 2);
  g_assert_cmpfloat (plateau_scenario_get_plan (copy, &n_plan)[1], ==, 6);
  g_assert_cmpstr (plateau_scenario_get_notes (copy), ==, "notes");
  g_assert_cmpstr (plateau_scenario_get_strategy_note (copy, PLATEAU_STRATEGY_INVESTMENT), ==,
                   "step 4");
}

static void
test_finalization (void)
{
  PlateauScenario *s = plateau_scenario_new ("s");
  PlateauDocument *d = plateau_document_new ();

  g_object_add_weak_pointer (G_OBJECT (s), (gpointer *) &s);
  g_object_add_weak_pointer (G_OBJECT (d), (gpointer *) &d);
  plateau_document_add_scenario (d, s);
  g_object_unref (s);
  g_assert_nonnull (s);
  g_object_unref (d);
  g_assert_null (d);
  g_assert_null (s);
}

static void
test_validate_messages (void)
{
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("Wind");
  g_autoptr (GError) error = NULL;

  plateau_scenario_append_period (s, "2020", 1, 2);
  plateau_scenario_append_period (s, "2021", -1, 2);
  g_assert_false (plateau_scenario_validate (s, &error));
  g_assert_cmpstr (error->message, ==,
                   "Period 2 (“2021”) of “Wind” has a negative investment (-1)");
  g_clear_error (&error);

  plateau_scenario_set_period (s, 1, "2020", 1, 2);
  g_assert_false (plateau_scenario_validate (s, &error));
  g_assert_cmpstr (error->message, ==,
                   "Period 2 of “Wind” repeats the label “2020” of period 1");
  g_clear_error (&error);

  plateau_scenario_set_period (s, 1, "2021", 1, NAN);
  g_assert_false (plateau_scenario_validate (s, &error));
  g_assert_cmpstr (error->message, ==,
                   "Period 2 (“2021”) of “Wind” has a value that is not a finite number");
  g_clear_error (&error);

  plateau_scenario_set_period (s, 1, "", 1, 2);
  g_assert_false (plateau_scenario_validate (s, &error));
  g_assert_cmpstr (error->message, ==, "Period 2 of “Wind” has no label");
}

static void
test_settings_validation (void)
{
  g_autoptr (GError) error = NULL;
  PlateauSettings s;

  plateau_settings_init_default (&s);
  g_assert_true (plateau_settings_validate (&s, NULL));

  s.growth_end = 0.05;
  g_assert_false (plateau_settings_validate (&s, &error));
  g_assert_cmpstr (error->message, ==,
                   "The stage thresholds must increase strictly between 0 and 1 "
                   "(they are 0.1, 0.05 and 0.9)");
}

static void
test_document_changed (void)
{
  g_autoptr (PlateauDocument) d = plateau_document_new ();
  g_autoptr (PlateauScenario) s = plateau_scenario_new ("s");
  g_autoptr (PlateauConceptGraph) g = plateau_concept_graph_new ("g", "graph TB\n  A --> B\n");
  guint changed = 0;

  g_signal_connect_swapped (d, "changed", G_CALLBACK (count), &changed);
  plateau_document_add_scenario (d, s);
  plateau_document_add_graph (d, g);
  g_assert_cmpuint (changed, ==, 2);

  plateau_scenario_append_period (s, "1", 1, 1);
  plateau_concept_graph_set_source (g, "graph LR\n  A --> B\n");
  g_assert_cmpuint (changed, ==, 4);

  g_assert_true (plateau_document_find_scenario (d, "s") == s);
  g_assert_null (plateau_document_find_scenario (d, "t"));

  plateau_document_remove_scenario (d, 0);
  g_assert_cmpuint (changed, ==, 5);
  plateau_scenario_append_period (s, "2", 1, 1);
  g_assert_cmpuint (changed, ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/changed-once-per-edit", test_changed_once_per_edit);
  g_test_add_func ("/scenario/changed-once-per-batch", test_changed_once_per_batch);
  g_test_add_func ("/scenario/dup", test_dup_is_deep);
  g_test_add_func ("/scenario/finalization", test_finalization);
  g_test_add_func ("/scenario/validate", test_validate_messages);
  g_test_add_func ("/scenario/settings", test_settings_validation);
  g_test_add_func ("/document/changed", test_document_changed);

  return g_test_run ();
}
