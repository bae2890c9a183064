/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "plateau-document.h"

/*
 * A document is the unit the user opens and saves: its scenarios and
 * concept graphs, each kept in a GListStore so that sidebars can bind to
 * them directly. ::changed is emitted when either list changes or any
 * scenario or graph in them does, which is what marks a document unsaved.
 */
struct _PlateauDocument
{
  GObject parent_instance;

  GListStore *scenarios;
  GListStore *graphs;
};

G_DEFINE_FINAL_TYPE (PlateauDocument, plateau_document, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (PlateauDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_items_changed (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  PlateauDocument *self)
{
  emit_changed (self);
}

static void
on_graph_notify (PlateauDocument *self)
{
  emit_changed (self);
}

static void
plateau_document_dispose (GObject *object)
{
  PlateauDocument *self = (PlateauDocument *) object;

  /* Items may outlive the document: stop listening to them first. */
  for (guint i = 0; self->scenarios != NULL
                    && i < g_list_model_get_n_items (G_LIST_MODEL (self->scenarios)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->scenarios), i);
      g_signal_handlers_disconnect_by_data (item, self);
    }

  for (guint i = 0; self->graphs != NULL
                    && i < g_list_model_get_n_items (G_LIST_MODEL (self->graphs)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->graphs), i);
      g_signal_handlers_disconnect_by_data (item, self);
    }

  g_clear_object (&self->scenarios);
  g_clear_object (&self->graphs);

  G_OBJECT_CLASS (plateau_document_parent_class)->dispose (object);
}

static void
plateau_document_class_init (PlateauDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plateau_document_dispose;

  /**
   * PlateauDocument::changed:
   *
   * Emitted when a scenario or graph is added, removed or edited.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plateau_document_init (PlateauDocument *self)
{
  self->scenarios = g_list_store_new (PLATEAU_TYPE_SCENARIO);
  self->graphs = g_list_store_new (PLATEAU_TYPE_CONCEPT_GRAPH);
  g_signal_connect_object (self->scenarios, "items-changed",
                           G_CALLBACK (on_items_changed), self, 0);
  g_signal_connect_object (self->graphs, "items-changed",
                           G_CALLBACK (on_items_changed), self, 0);
}

/**
 * plateau_document_new:
 *
 * Returns: (transfer full): an empty document
 */
PlateauDocument *
plateau_document_new (void)
{
  return g_object_new (PLATEAU_TYPE_DOCUMENT, NULL);
}

/**
 * plateau_document_get_scenarios:
 * @self: a document
 *
 * Returns: (transfer none): the scenarios, a list of #PlateauScenario
 */
GListModel *
plateau_document_get_scenarios (PlateauDocument *self)
{
  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->scenarios);
}

/**
 * plateau_document_get_n_scenarios:
 * @self: a document
 *
 * Returns: the number of scenarios
 */
guint
plateau_document_get_n_scenarios (PlateauDocument *self)
{
  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));
}

/**
 * plateau_document_get_scenario:
 * @self: a document
 * @position: the scenario's index
 *
 * Returns: (transfer none): the scenario
 */
PlateauScenario *
plateau_document_get_scenario (PlateauDocument *self,
                               guint            position)
{
  g_autoptr (PlateauScenario) scenario = NULL;

  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (position < plateau_document_get_n_scenarios (self), NULL);

  /* The store keeps its own reference, so handing out a borrowed one is safe. */
  scenario = g_list_model_get_item (G_LIST_MODEL (self->scenarios), position);
  return scenario;
}

/**
 * plateau_document_find_scenario:
 * @self: a document
 * @name: a scenario name
 *
 * Returns: (transfer none) (nullable): the first scenario of that name
 */
PlateauScenario *
plateau_document_find_scenario (PlateauDocument *self,
                                const char      *name)
{
  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < plateau_document_get_n_scenarios (self); i++)
    {
      PlateauScenario *scenario = plateau_document_get_scenario (self, i);

      if (g_strcmp0 (plateau_scenario_get_name (scenario), name) == 0)
        return scenario;
    }

  return NULL;
}

/**
 * plateau_document_add_scenario:
 * @self: a document
 * @scenario: a scenario
 *
 * Appends a scenario.
 */
void
plateau_document_add_scenario (PlateauDocument *self,
                               PlateauScenario *scenario)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (self));

  plateau_document_insert_scenario (self, plateau_document_get_n_scenarios (self), scenario);
}

/**
 * plateau_document_insert_scenario:
 * @self: a document
 * @position: where to insert
 * @scenario: a scenario
 *
 * Inserts a scenario before @position.
 */
void
plateau_document_insert_scenario (PlateauDocument *self,
                                  guint            position,
                                  PlateauScenario *scenario)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (self));
  g_return_if_fail (PLATEAU_IS_SCENARIO (scenario));
  g_return_if_fail (position <= plateau_document_get_n_scenarios (self));

  g_signal_connect_object (scenario, "changed", G_CALLBACK (emit_changed), self,
                           G_CONNECT_SWAPPED);
  g_list_store_insert (self->scenarios, position, scenario);
}

/**
 * plateau_document_remove_scenario:
 * @self: a document
 * @position: the scenario's index
 *
 * Removes a scenario.
 */
void
plateau_document_remove_scenario (PlateauDocument *self,
                                  guint            position)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (self));
  g_return_if_fail (position < plateau_document_get_n_scenarios (self));

  g_signal_handlers_disconnect_by_data (plateau_document_get_scenario (self, position), self);
  g_list_store_remove (self->scenarios, position);
}

/**
 * plateau_document_get_graphs:
 * @self: a document
 *
 * Returns: (transfer none): the concept graphs, a list of #PlateauConceptGraph
 */
GListModel *
plateau_document_get_graphs (PlateauDocument *self)
{
  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->graphs);
}

/**
 * plateau_document_get_n_graphs:
 * @self: a document
 *
 * Returns: the number of concept graphs
 */
guint
plateau_document_get_n_graphs (PlateauDocument *self)
{
  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->graphs));
}

/**
 * plateau_document_get_graph:
 * @self: a document
 * @position: the graph's index
 *
 * Returns: (transfer none): the concept graph
 */
PlateauConceptGraph *
plateau_document_get_graph (PlateauDocument *self,
                            guint            position)
{
  g_autoptr (PlateauConceptGraph) graph = NULL;

  g_return_val_if_fail (PLATEAU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (position < plateau_document_get_n_graphs (self), NULL);

  graph = g_list_model_get_item (G_LIST_MODEL (self->graphs), position);
  return graph;
}

/**
 * plateau_document_add_graph:
 * @self: a document
 * @graph: a concept graph
 *
 * Appends a concept graph.
 */
void
plateau_document_add_graph (PlateauDocument     *self,
                            PlateauConceptGraph *graph)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (self));

  plateau_document_insert_graph (self, plateau_document_get_n_graphs (self), graph);
}

/**
 * plateau_document_insert_graph:
 * @self: a document
 * @position: where to insert
 * @graph: a concept graph
 *
 * Inserts a concept graph before @position.
 */
void
plateau_document_insert_graph (PlateauDocument     *self,
                               guint                position,
                               PlateauConceptGraph *graph)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (self));
  g_return_if_fail (PLATEAU_IS_CONCEPT_GRAPH (graph));
  g_return_if_fail (position <= plateau_document_get_n_graphs (self));

  g_signal_connect_object (graph, "notify", G_CALLBACK (on_graph_notify), self,
                           G_CONNECT_SWAPPED);
  g_list_store_insert (self->graphs, position, graph);
}

/**
 * plateau_document_remove_graph:
 * @self: a document
 * @position: the graph's index
 *
 * Removes a concept graph.
 */
void
plateau_document_remove_graph (PlateauDocument *self,
                               guint            position)
{
  g_return_if_fail (PLATEAU_IS_DOCUMENT (self));
  g_return_if_fail (position < plateau_document_get_n_graphs (self));

  g_signal_handlers_disconnect_by_data (plateau_document_get_graph (self, position), self);
  g_list_store_remove (self->graphs, position);
}
