/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Document edits that can be undone. Each function does the edit and pushes
 * the command that takes it back onto a #PlateauCommandStack, so that every
 * change of a document, from a cell to a whole scenario, is in the history.
 *
 * A cell edit keeps just the old and new period. Anything else about a
 * scenario is recorded as two snapshots (before and after), which is simple
 * and always right; a snapshot costs one copy of the periods.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-edit.h"

/* Period edits. */

typedef struct
{
  PlateauScenario *scenario;
  guint position;
  PlateauPeriod before;
  PlateauPeriod after;
} PeriodEdit;

static void
period_edit_free (gpointer data)
{
  PeriodEdit *edit = data;

  g_object_unref (edit->scenario);
  g_free (edit->before.label);
  g_free (edit->after.label);
  g_free (edit);
}

static void
period_edit_apply (gpointer data,
                   gboolean undo)
{
  PeriodEdit *edit = data;
  const PlateauPeriod *p = undo ? &edit->before : &edit->after;

  plateau_scenario_set_period (edit->scenario, edit->position, p->label, p->investment,
                               p->ret);
}

/**
 * plateau_edit_set_period:
 * @stack: the document's history
 * @scenario: the scenario edited
 * @position: the index of the period
 * @label: the new label
 * @investment: the new investment, finite and ≥ 0
 * @ret: the new return, finite
 *
 * Changes one period, undoably. Nothing is recorded when nothing changes.
 */
void
plateau_edit_set_period (PlateauCommandStack *stack,
                         PlateauScenario     *scenario,
                         guint                position,
                         const char          *label,
                         double               investment,
                         double               ret)
{
  const PlateauPeriod *old;
  PeriodEdit *edit;

  g_return_if_fail (PLATEAU_IS_COMMAND_STACK (stack));
  g_return_if_fail (PLATEAU_IS_SCENARIO (scenario));
  g_return_if_fail (position < plateau_scenario_get_n_periods (scenario));

  old = plateau_scenario_get_period (scenario, position);
  if (g_strcmp0 (old->label, label) == 0 && old->investment == investment
      && old->ret == ret)
    return;

  edit = g_new0 (PeriodEdit, 1);
  edit->scenario = g_object_ref (scenario);
  edit->position = position;
  edit->before = (PlateauPeriod) { g_strdup (old->label), old->investment, old->ret };
  edit->after = (PlateauPeriod) { g_strdup (label), investment, ret };

  period_edit_apply (edit, FALSE);
  plateau_command_stack_push (stack, _("Edit Cell"),
                              period_edit_apply, edit, period_edit_free);
}

/* Scenario snapshots. */

static gboolean
settings_equal (const PlateauSettings *a,
                const PlateauSettings *b)
{
  return a->exploration_end == b->exploration_end && a->growth_end == b->growth_end
         && a->maturity_end == b->maturity_end && a->trailing_window == b->trailing_window
         && a->forecast_horizon == b->forecast_horizon && a->model == b->model
         && a->basis == b->basis;
}

static gboolean
plans_equal (PlateauScenario *a,
             PlateauScenario *b)
{
  guint na;
  guint nb;
  const double *pa = plateau_scenario_get_plan (a, &na);
  const double *pb = plateau_scenario_get_plan (b, &nb);

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    if (pa[i] != pb[i])
      return FALSE;

  return TRUE;
}

static gboolean
strategies_equal (PlateauScenario *a,
                  PlateauScenario *b)
{
  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    if (g_strcmp0 (plateau_scenario_get_strategy_note (a, step),
                   plateau_scenario_get_strategy_note (b, step)) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
periods_equal (PlateauScenario *a,
               PlateauScenario *b)
{
  guint n = plateau_scenario_get_n_periods (a);

  if (n != plateau_scenario_get_n_periods (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const PlateauPeriod *p = plateau_scenario_get_period (a, i);
      const PlateauPeriod *q = plateau_scenario_get_period (b, i);

      if (g_strcmp0 (p->label, q->label) != 0 || p->investment != q->investment
          || p->ret != q->ret)
        return FALSE;
    }

  return TRUE;
}

/**
 * plateau_scenario_equal:
 * @a: a scenario
 * @b: another scenario
 *
 * Compares everything a document stores of two scenarios.
 *
 * Returns: whether @a and @b hold the same name, unit, notes, strategy
 *   notes, settings, plan and periods
 */
gboolean
plateau_scenario_equal (PlateauScenario *a,
                        PlateauScenario *b)
{
  PlateauSettings sa;
  PlateauSettings sb;

  g_return_val_if_fail (PLATEAU_IS_SCENARIO (a), FALSE);
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (b), FALSE);

  plateau_scenario_get_settings (a, &sa);
  plateau_scenario_get_settings (b, &sb);

  return g_strcmp0 (plateau_scenario_get_name (a), plateau_scenario_get_name (b)) == 0
         && g_strcmp0 (plateau_scenario_get_unit (a), plateau_scenario_get_unit (b)) == 0
         && g_strcmp0 (plateau_scenario_get_notes (a), plateau_scenario_get_notes (b)) == 0
         && strategies_equal (a, b)
         && settings_equal (&sa, &sb) && plans_equal (a, b) && periods_equal (a, b);
}

/**
 * plateau_scenario_assign:
 * @self: the scenario to change
 * @source: the scenario to copy
 *
 * Makes @self hold what @source holds, keeping its identity, with one
 * ::changed emission.
 */
void
plateau_scenario_assign (PlateauScenario *self,
                         PlateauScenario *source)
{
  PlateauSettings settings;
  const double *plan;
  guint n_plan;

  g_return_if_fail (PLATEAU_IS_SCENARIO (self));
  g_return_if_fail (PLATEAU_IS_SCENARIO (source));

  plateau_scenario_begin_batch (self);

  plateau_scenario_set_name (self, plateau_scenario_get_name (source));
  plateau_scenario_set_unit (self, plateau_scenario_get_unit (source));
  plateau_scenario_set_notes (self, plateau_scenario_get_notes (source));
  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    plateau_scenario_set_strategy_note (self, step,
                                        plateau_scenario_get_strategy_note (source, step));
  plateau_scenario_get_settings (source, &settings);
  plateau_scenario_set_settings (self, &settings);
  plan = plateau_scenario_get_plan (source, &n_plan);
  plateau_scenario_set_plan (self, plan, n_plan);

  if (!periods_equal (self, source))
    {
      plateau_scenario_clear_periods (self);
      for (guint i = 0; i < plateau_scenario_get_n_periods (source); i++)
        {
          const PlateauPeriod *p = plateau_scenario_get_period (source, i);

          plateau_scenario_append_period (self, p->label, p->investment, p->ret);
        }
    }

  plateau_scenario_end_batch (self);
}

typedef struct
{
  PlateauScenario *scenario;
  PlateauScenario *before;
  PlateauScenario *after;
} SnapshotEdit;

static void
snapshot_edit_free (gpointer data)
{
  SnapshotEdit *edit = data;

  g_object_unref (edit->scenario);
  g_object_unref (edit->before);
  g_object_unref (edit->after);
  g_free (edit);
}

static void
snapshot_edit_apply (gpointer data,
                     gboolean undo)
{
  SnapshotEdit *edit = data;

  plateau_scenario_assign (edit->scenario, undo ? edit->before : edit->after);
}

/**
 * plateau_edit_begin:
 * @scenario: the scenario about to be changed
 *
 * Starts an edit of any kind: copies @scenario as it is now. Change it, then
 * give the copy to plateau_edit_end().
 *
 * Returns: (transfer full): the copy
 */
PlateauScenario *
plateau_edit_begin (PlateauScenario *scenario)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (scenario), NULL);

  return plateau_scenario_dup (scenario);
}

/**
 * plateau_edit_end:
 * @stack: the document's history
 * @scenario: the scenario changed since plateau_edit_begin()
 * @before: (transfer full): the copy plateau_edit_begin() returned
 * @label: what the edit did, in translated words
 *
 * Records the change made since plateau_edit_begin(), if there was one.
 *
 * Returns: whether anything changed (and was recorded)
 */
gboolean
plateau_edit_end (PlateauCommandStack *stack,
                  PlateauScenario     *scenario,
                  PlateauScenario     *before,
                  const char          *label)
{
  SnapshotEdit *edit;

  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (stack), FALSE);
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (PLATEAU_IS_SCENARIO (before), FALSE);

  if (plateau_scenario_equal (scenario, before))
    {
      g_object_unref (before);
      return FALSE;
    }

  edit = g_new0 (SnapshotEdit, 1);
  edit->scenario = g_object_ref (scenario);
  edit->before = before;
  edit->after = plateau_scenario_dup (scenario);
  plateau_command_stack_push (stack, label, snapshot_edit_apply, edit, snapshot_edit_free);

  return TRUE;
}

/* Items of the document: scenarios and graphs alike. */

typedef enum
{
  ITEM_SCENARIO,
  ITEM_GRAPH,
} ItemKind;

typedef struct
{
  PlateauDocument *document;
  ItemKind kind;
  GObject *item;
  /* Insert: -1 → @to. Remove: @from → -1. Move: @from → @to. */
  int from;
  int to;
} ItemEdit;

static void
item_edit_free (gpointer data)
{
  ItemEdit *edit = data;

  g_object_unref (edit->document);
  g_object_unref (edit->item);
  g_free (edit);
}

static void
item_remove (ItemEdit *edit,
             guint     position)
{
  if (edit->kind == ITEM_SCENARIO)
    plateau_document_remove_scenario (edit->document, position);
  else
    plateau_document_remove_graph (edit->document, position);
}

static void
item_insert (ItemEdit *edit,
             guint     position)
{
  if (edit->kind == ITEM_SCENARIO)
    plateau_document_insert_scenario (edit->document, position,
                                      PLATEAU_SCENARIO (edit->item));
  else
    plateau_document_insert_graph (edit->document, position,
                                   PLATEAU_CONCEPT_GRAPH (edit->item));
}

static void
item_edit_apply (gpointer data,
                 gboolean undo)
{
  ItemEdit *edit = data;
  int from = undo ? edit->to : edit->from;
  int to = undo ? edit->from : edit->to;

  /* The document may hold the only other reference. */
  g_object_ref (edit->item);

  if (from >= 0)
    item_remove (edit, from);
  if (to >= 0)
    item_insert (edit, to);

  g_object_unref (edit->item);
}

static void
push_item_edit (PlateauCommandStack *stack,
                PlateauDocument     *document,
                ItemKind             kind,
                gpointer             item,
                int                  from,
                int                  to,
                const char          *label)
{
  ItemEdit *edit = g_new0 (ItemEdit, 1);

  edit->document = g_object_ref (document);
  edit->kind = kind;
  edit->item = g_object_ref (item);
  edit->from = from;
  edit->to = to;

  item_edit_apply (edit, FALSE);
  plateau_command_stack_push (stack, label, item_edit_apply, edit, item_edit_free);
}

/**
 * plateau_edit_insert_scenario:
 * @stack: the document's history
 * @document: the document
 * @position: where to insert, at most the number of scenarios
 * @scenario: the scenario to insert
 * @label: what the edit did, in translated words
 *
 * Inserts a scenario, undoably.
 */
void
plateau_edit_insert_scenario (PlateauCommandStack *stack,
                              PlateauDocument     *document,
                              guint                position,
                              PlateauScenario     *scenario,
                              const char          *label)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (document));
  g_return_if_fail (PLATEAU_IS_SCENARIO (scenario));
  g_return_if_fail (position <= plateau_document_get_n_scenarios (document));

  push_item_edit (stack, document, ITEM_SCENARIO, scenario, -1, position, label);
}

/**
 * plateau_edit_remove_scenario:
 * @stack: the document's history
 * @document: the document
 * @position: the index of the scenario
 * @label: what the edit did, in translated words
 *
 * Removes a scenario, undoably: undo puts the same scenario back.
 */
void
plateau_edit_remove_scenario (PlateauCommandStack *stack,
                              PlateauDocument     *document,
                              guint                position,
                              const char          *label)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (document));
  g_return_if_fail (position < plateau_document_get_n_scenarios (document));

  push_item_edit (stack, document, ITEM_SCENARIO,
                  plateau_document_get_scenario (document, position), position, -1, label);
}

/**
 * plateau_edit_move_scenario:
 * @stack: the document's history
 * @document: the document
 * @from: the index of the scenario
 * @to: its index afterwards
 * @label: what the edit did, in translated words
 *
 * Moves a scenario within the document, undoably.
 */
void
plateau_edit_move_scenario (PlateauCommandStack *stack,
                            PlateauDocument     *document,
                            guint                from,
                            guint                to,
                            const char          *label)
{
  guint n;

  g_return_if_fail (PLATEAU_IS_DOCUMENT (document));
  n = plateau_document_get_n_scenarios (document);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  push_item_edit (stack, document, ITEM_SCENARIO,
                  plateau_document_get_scenario (document, from), from, to, label);
}

/**
 * plateau_edit_insert_graph:
 * @stack: the document's history
 * @document: the document
 * @position: where to insert, at most the number of graphs
 * @graph: the graph to insert
 * @label: what the edit did, in translated words
 *
 * Inserts a concept graph, undoably.
 */
void
plateau_edit_insert_graph (PlateauCommandStack *stack,
                           PlateauDocument     *document,
                           guint                position,
                           PlateauConceptGraph *graph,
                           const char          *label)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (document));
  g_return_if_fail (PLATEAU_IS_CONCEPT_GRAPH (graph));
  g_return_if_fail (position <= plateau_document_get_n_graphs (document));

  push_item_edit (stack, document, ITEM_GRAPH, graph, -1, position, label);
}

/**
 * plateau_edit_remove_graph:
 * @stack: the document's history
 * @document: the document
 * @position: the index of the graph
 * @label: what the edit did, in translated words
 *
 * Removes a concept graph, undoably.
 */
void
plateau_edit_remove_graph (PlateauCommandStack *stack,
                           PlateauDocument     *document,
                           guint                position,
                           const char          *label)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (document));
  g_return_if_fail (position < plateau_document_get_n_graphs (document));

  push_item_edit (stack, document, ITEM_GRAPH, plateau_document_get_graph (document, position),
                  position, -1, label);
}

/**
 * plateau_edit_move_graph:
 * @stack: the document's history
 * @document: the document
 * @from: the index of the graph
 * @to: its index afterwards
 * @label: what the edit did, in translated words
 *
 * Moves a concept graph within the document, undoably.
 */
void
plateau_edit_move_graph (PlateauCommandStack *stack,
                         PlateauDocument     *document,
                         guint                from,
                         guint                to,
                         const char          *label)
{
  guint n;

  g_return_if_fail (PLATEAU_IS_DOCUMENT (document));
  n = plateau_document_get_n_graphs (document);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  push_item_edit (stack, document, ITEM_GRAPH, plateau_document_get_graph (document, from),
                  from, to, label);
}

/* Graph name and source. */

typedef struct
{
  PlateauConceptGraph *graph;
  char *name[2];
  char *source[2];
} GraphEdit;

static void
graph_edit_free (gpointer data)
{
  GraphEdit *edit = data;

  g_object_unref (edit->graph);
  for (guint i = 0; i < 2; i++)
    {
      g_free (edit->name[i]);
      g_free (edit->source[i]);
    }
  g_free (edit);
}

static void
graph_edit_apply (gpointer data,
                  gboolean undo)
{
  GraphEdit *edit = data;
  guint i = undo ? 0 : 1;

  plateau_concept_graph_set_name (edit->graph, edit->name[i]);
  plateau_concept_graph_set_source (edit->graph, edit->source[i]);
}

/**
 * plateau_edit_set_graph:
 * @stack: the document's history
 * @graph: the concept graph
 * @name: (nullable): its new name, or %NULL to keep it
 * @source: (nullable): its new Mermaid source, or %NULL to keep it
 * @label: what the edit did, in translated words
 *
 * Renames a graph or changes its source, undoably.
 */
void
plateau_edit_set_graph (PlateauCommandStack *stack,
                        PlateauConceptGraph *graph,
                        const char          *name,
                        const char          *source,
                        const char          *label)
{
  GraphEdit *edit;

  g_return_if_fail (PLATEAU_IS_COMMAND_STACK (stack));
  g_return_if_fail (PLATEAU_IS_CONCEPT_GRAPH (graph));

  if (name == NULL)
    name = plateau_concept_graph_get_name (graph);
  if (source == NULL)
    source = plateau_concept_graph_get_source (graph);

  if (g_strcmp0 (name, plateau_concept_graph_get_name (graph)) == 0
      && g_strcmp0 (source, plateau_concept_graph_get_source (graph)) == 0)
    return;

  edit = g_new0 (GraphEdit, 1);
  edit->graph = g_object_ref (graph);
  edit->name[0] = g_strdup (plateau_concept_graph_get_name (graph));
  edit->source[0] = g_strdup (plateau_concept_graph_get_source (graph));
  edit->name[1] = g_strdup (name);
  edit->source[1] = g_strdup (source);

  graph_edit_apply (edit, FALSE);
  plateau_command_stack_push (stack, label, graph_edit_apply, edit, graph_edit_free);
}

/**
 * plateau_edit_record_graph_source:
 * @stack: the document's history
 * @graph: the concept graph whose source was changed
 * @before: its source before the change
 * @label: what the edit did, in translated words
 *
 * Records a change of source that was made already (typing in an editor
 * that writes through), so that undo brings @before back.
 */
void
plateau_edit_record_graph_source (PlateauCommandStack *stack,
                                  PlateauConceptGraph *graph,
                                  const char          *before,
                                  const char          *label)
{
  GraphEdit *edit;
  const char *name;

  g_return_if_fail (PLATEAU_IS_COMMAND_STACK (stack));
  g_return_if_fail (PLATEAU_IS_CONCEPT_GRAPH (graph));

  if (g_strcmp0 (before, plateau_concept_graph_get_source (graph)) == 0)
    return;

  name = plateau_concept_graph_get_name (graph);
  edit = g_new0 (GraphEdit, 1);
  edit->graph = g_object_ref (graph);
  edit->name[0] = g_strdup (name);
  edit->name[1] = g_strdup (name);
  edit->source[0] = g_strdup (before);
  edit->source[1] = g_strdup (plateau_concept_graph_get_source (graph));
  plateau_command_stack_push (stack, label, graph_edit_apply, edit, graph_edit_free);
}
