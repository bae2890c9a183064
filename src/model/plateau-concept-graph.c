/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "plateau-concept-graph.h"

/* A named Mermaid flowchart kept in a document; the graph layer draws it. */
struct _PlateauConceptGraph
{
  GObject parent_instance;

  char *name;
  char *source;
};

G_DEFINE_FINAL_TYPE (PlateauConceptGraph, plateau_concept_graph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plateau_concept_graph_finalize (GObject *object)
{
  PlateauConceptGraph *self = (PlateauConceptGraph *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (plateau_concept_graph_parent_class)->finalize (object);
}

static void
plateau_concept_graph_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlateauConceptGraph *self = PLATEAU_CONCEPT_GRAPH (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_concept_graph_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlateauConceptGraph *self = PLATEAU_CONCEPT_GRAPH (object);

  switch (prop_id)
    {
    case PROP_NAME:
      plateau_concept_graph_set_name (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      plateau_concept_graph_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_concept_graph_class_init (PlateauConceptGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = plateau_concept_graph_finalize;
  object_class->get_property = plateau_concept_graph_get_property;
  object_class->set_property = plateau_concept_graph_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plateau_concept_graph_init (PlateauConceptGraph *self)
{
  self->name = g_strdup ("");
  self->source = g_strdup ("");
}

/**
 * plateau_concept_graph_new:
 * @name: the graph's name
 * @source: its Mermaid flowchart text
 *
 * Returns: (transfer full): a new concept graph
 */
PlateauConceptGraph *
plateau_concept_graph_new (const char *name,
                           const char *source)
{
  return g_object_new (PLATEAU_TYPE_CONCEPT_GRAPH,
                       "name", name != NULL ? name : "",
                       "source", source != NULL ? source : "",
                       NULL);
}

/**
 * plateau_concept_graph_get_name:
 * @self: a concept graph
 *
 * Returns: its name, never %NULL
 */
const char *
plateau_concept_graph_get_name (PlateauConceptGraph *self)
{
  g_return_val_if_fail (PLATEAU_IS_CONCEPT_GRAPH (self), NULL);

  return self->name;
}

/**
 * plateau_concept_graph_set_name:
 * @self: a concept graph
 * @name: the new name
 *
 * Renames the graph.
 */
void
plateau_concept_graph_set_name (PlateauConceptGraph *self,
                                const char          *name)
{
  g_return_if_fail (PLATEAU_IS_CONCEPT_GRAPH (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * plateau_concept_graph_get_source:
 * @self: a concept graph
 *
 * Returns: its Mermaid text, never %NULL
 */
const char *
plateau_concept_graph_get_source (PlateauConceptGraph *self)
{
  g_return_val_if_fail (PLATEAU_IS_CONCEPT_GRAPH (self), NULL);

  return self->source;
}

/**
 * plateau_concept_graph_set_source:
 * @self: a concept graph
 * @source: the new Mermaid text
 *
 * Replaces the graph's text.
 */
void
plateau_concept_graph_set_source (PlateauConceptGraph *self,
                                  const char          *source)
{
  g_return_if_fail (PLATEAU_IS_CONCEPT_GRAPH (self));

  if (source == NULL)
    source = "";

  if (g_strcmp0 (self->source, source) == 0)
    return;

  g_free (self->source);
  self->source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}
