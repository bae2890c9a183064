/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The undo history and the document edits, without a display: order of
 * undo and redo, the saved position through undo and new edits, labels,
 * signals, and each kind of edit taken back exactly.
 */

#include "config.h"

#include "plateau-edit.h"

static void
add (gpointer data,
     gboolean undo)
{
  int *counter = data;

  *counter += undo ? -1 : 1;
}

static void
count_changed (PlateauCommandStack *stack,
               guint               *n)
{
  (*n)++;
}

static void
test_stack_order (void)
{
  g_autoptr (PlateauCommandStack) stack = plateau_command_stack_new ();
  int value = 0;
  guint changed = 0;

  g_signal_connect (stack, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (plateau_command_stack_is_clean (stack));
  g_assert_false (plateau_command_stack_undo (stack));

  value++;
  plateau_command_stack_push (stack, "One", add, &value, NULL);
  value++;
  plateau_command_stack_push (stack, "Two", add, &value, NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (plateau_command_stack_get_undo_label (stack), ==, "Two");
  g_assert_null (plateau_command_stack_get_redo_label (stack));
  g_assert_false (plateau_command_stack_is_clean (stack));

  g_assert_true (plateau_command_stack_undo (stack));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpstr (plateau_command_stack_get_redo_label (stack), ==, "Two");
  g_assert_true (plateau_command_stack_undo (stack));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (plateau_command_stack_is_clean (stack));
  g_assert_false (plateau_command_stack_can_undo (stack));

  g_assert_true (plateau_command_stack_redo (stack));
  g_assert_true (plateau_command_stack_redo (stack));
  g_assert_false (plateau_command_stack_redo (stack));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpuint (changed, ==, 6);
}

static void
test_stack_clean (void)
{
  g_autoptr (PlateauCommandStack) stack = plateau_command_stack_new ();
  int value = 0;

  plateau_command_stack_push (stack, "One", add, &value, NULL);
  plateau_command_stack_set_clean (stack);
  g_assert_true (plateau_command_stack_is_clean (stack));

  /* Undone past the save and redone: clean again. */
  plateau_command_stack_undo (stack);
  g_assert_false (plateau_command_stack_is_clean (stack));
  plateau_command_stack_redo (stack);
  g_assert_true (plateau_command_stack_is_clean (stack));

  /* Undone past the save, then a new edit: the saved state is gone for good. */
  plateau_command_stack_undo (stack);
  plateau_command_stack_push (stack, "Other", add, &value, NULL);
  g_assert_false (plateau_command_stack_can_redo (stack));
  plateau_command_stack_undo (stack);
  g_assert_false (plateau_command_stack_is_clean (stack));

  plateau_command_stack_clear (stack);
  g_assert_true (plateau_command_stack_is_clean (stack));
  g_assert_false (plateau_command_stack_can_undo (stack));
}

static void
free_counted (gpointer data)
{
  (*(int *) data)++;
}

static void
nothing (gpointer data,
         gboolean undo)
{
}

static void
test_stack_frees (void)
{
  PlateauCommandStack *stack = plateau_command_stack_new ();
  int freed = 0;

  plateau_command_stack_push (stack, "A", nothing, &freed, free_counted);
  plateau_command_stack_push (stack, "B", nothing, &freed, free_counted);
  plateau_command_stack_undo (stack);

  /* A new edit drops the undone one. */
  plateau_command_stack_push (stack, "C", nothing, &freed, free_counted);
  g_assert_cmpint (freed, ==, 1);

  g_object_unref (stack);
  g_assert_cmpint (freed, ==, 3);
}

static PlateauScenario *
make_scenario (const char *name)
{
  PlateauScenario *scenario = plateau_scenario_new (name);

  plateau_scenario_append_period (scenario, "2020", 10, 30);
  plateau_scenario_append_period (scenario, "2021", 12, 33);
  plateau_scenario_append_period (scenario, "2022", 15, 35);
  return scenario;
}

static void
test_edit_period_and_snapshot (void)
{
  g_autoptr (PlateauCommandStack) stack = plateau_command_stack_new ();
  g_autoptr (PlateauScenario) scenario = make_scenario ("A");
  g_autoptr (PlateauScenario) original = plateau_scenario_dup (scenario);
  PlateauScenario *before;
  PlateauSettings settings;
  const double plan[] = { 20, 22 };

  plateau_edit_set_period (stack, scenario, 1, "2021", 12, 40);
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 1)->ret, ==, 40);

  /* The same values are no edit. */
  plateau_edit_set_period (stack, scenario, 1, "2021", 12, 40);
  g_assert_cmpstr (plateau_command_stack_get_undo_label (stack), ==, "Edit Cell");

  before = plateau_edit_begin (scenario);
  plateau_scenario_remove_period (scenario, 0);
  plateau_scenario_set_notes (scenario, "Robots");
  plateau_scenario_get_settings (scenario, &settings);
  settings.forecast_horizon = 8;
  plateau_scenario_set_settings (scenario, &settings);
  plateau_scenario_set_plan (scenario, plan, G_N_ELEMENTS (plan));
  g_assert_true (plateau_edit_end (stack, scenario, before, "Many"));
  g_assert_false (plateau_edit_end (stack, scenario, plateau_edit_begin (scenario), "None"));

  plateau_command_stack_undo (stack);
  plateau_command_stack_undo (stack);
  g_assert_true (plateau_scenario_equal (scenario, original));

  plateau_command_stack_redo (stack);
  plateau_command_stack_redo (stack);
  g_assert_cmpuint (plateau_scenario_get_n_periods (scenario), ==, 2);
  g_assert_cmpfloat (plateau_scenario_get_period (scenario, 0)->ret, ==, 40);
  g_assert_cmpstr (plateau_scenario_get_notes (scenario), ==, "Robots");
}

static void
test_edit_document_items (void)
{
  g_autoptr (PlateauCommandStack) stack = plateau_command_stack_new ();
  g_autoptr (PlateauDocument) document = plateau_document_new ();
  g_autoptr (PlateauScenario) a = make_scenario ("A");
  g_autoptr (PlateauScenario) b = make_scenario ("B");
  g_autoptr (PlateauConceptGraph) graph = plateau_concept_graph_new ("G", "graph TD\n");

  plateau_edit_insert_scenario (stack, document, 0, a, "Add");
  plateau_edit_insert_scenario (stack, document, 1, b, "Add");
  plateau_edit_move_scenario (stack, document, 1, 0, "Move");
  g_assert_true (plateau_document_get_scenario (document, 0) == b);
  plateau_edit_remove_scenario (stack, document, 0, "Delete");
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 1);

  plateau_edit_insert_graph (stack, document, 0, graph, "Add graph");
  plateau_edit_set_graph (stack, graph, "H", "graph LR\n", "Change");
  g_assert_cmpstr (plateau_concept_graph_get_name (graph), ==, "H");

  /* Undo all: the same objects come back in their places. */
  while (plateau_command_stack_undo (stack))
    ;
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 0);
  g_assert_cmpuint (plateau_document_get_n_graphs (document), ==, 0);
  g_assert_cmpstr (plateau_concept_graph_get_name (graph), ==, "G");

  while (plateau_command_stack_redo (stack))
    ;
  g_assert_cmpuint (plateau_document_get_n_scenarios (document), ==, 1);
  g_assert_true (plateau_document_get_scenario (document, 0) == a);
  g_assert_true (plateau_document_get_graph (document, 0) == graph);
  g_assert_cmpstr (plateau_concept_graph_get_source (graph), ==, "graph LR\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-stack/order", test_stack_order);
  g_test_add_func ("/command-stack/clean", test_stack_clean);
  g_test_add_func ("/command-stack/frees", test_stack_frees);
  g_test_add_func ("/edit/period-and-snapshot", test_edit_period_and_snapshot);
  g_test_add_func ("/edit/document-items", test_edit_document_items);

  return g_test_run ();
}
