/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <pango/pango.h>

#include "plateau-graph-private.h"

G_DEFINE_QUARK (plateau-graph-error-quark, plateau_graph_error)

static void
clear_node (gpointer data)
{
  PlateauGraphNode *node = data;

  g_free (node->id);
  g_free (node->label);
  g_free (node->markup);
  g_strfreev (node->classes);
}

static void
clear_edge (gpointer data)
{
  PlateauGraphEdge *edge = data;

  g_free (edge->label);
  g_free (edge->markup);
}

static void
clear_subgraph (gpointer data)
{
  PlateauGraphSubgraph *subgraph = data;

  g_free (subgraph->id);
  g_free (subgraph->title);
  g_free (subgraph->title_markup);
}

/**
 * plateau_graph_new: (skip)
 *
 * Creates an empty top-to-bottom graph; the parser fills it.
 *
 * Returns: (transfer full): the graph
 */
PlateauGraph *
plateau_graph_new (void)
{
  PlateauGraph *graph = g_new0 (PlateauGraph, 1);

  graph->direction = PLATEAU_GRAPH_TB;
  graph->nodes = g_array_new (FALSE, TRUE, sizeof (PlateauGraphNode));
  graph->edges = g_array_new (FALSE, TRUE, sizeof (PlateauGraphEdge));
  graph->subgraphs = g_array_new (FALSE, TRUE, sizeof (PlateauGraphSubgraph));
  g_array_set_clear_func (graph->nodes, clear_node);
  g_array_set_clear_func (graph->edges, clear_edge);
  g_array_set_clear_func (graph->subgraphs, clear_subgraph);

  return graph;
}

/**
 * plateau_graph_free:
 * @graph: (nullable): a graph
 *
 * Frees the graph and everything it holds.
 */
void
plateau_graph_free (PlateauGraph *graph)
{
  if (graph == NULL)
    return;

  g_array_unref (graph->nodes);
  g_array_unref (graph->edges);
  g_array_unref (graph->subgraphs);
  g_free (graph);
}

/**
 * plateau_graph_find_node:
 * @graph: a graph
 * @id: a node id
 *
 * Looks a node up by its id with a linear scan (graphs are small).
 *
 * Returns: the node's index, or -1 when there is none
 */
int
plateau_graph_find_node (const PlateauGraph *graph,
                         const char         *id)
{
  g_return_val_if_fail (graph != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      if (strcmp (g_array_index (graph->nodes, PlateauGraphNode, i).id, id) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * plateau_graph_node_in_subgraph:
 * @graph: a graph
 * @node: a node index
 * @subgraph: a subgraph index
 *
 * Tells whether the node lies in the subgraph, directly or through nesting.
 *
 * Returns: %TRUE when it does
 */
gboolean
plateau_graph_node_in_subgraph (const PlateauGraph *graph,
                                guint               node,
                                guint               subgraph)
{
  int s;

  g_return_val_if_fail (node < graph->nodes->len, FALSE);

  s = g_array_index (graph->nodes, PlateauGraphNode, node).subgraph;
  while (s >= 0)
    {
      if ((guint) s == subgraph)
        return TRUE;
      s = g_array_index (graph->subgraphs, PlateauGraphSubgraph, s).parent;
    }

  return FALSE;
}

static gboolean
parse_channel (const char *text,
               double      scale,
               double     *value)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || !isfinite (v))
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;
  if (*end == '%')
    {
      v = v / 100.0 * scale;
      end++;
    }
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0')
    return FALSE;

  *value = CLAMP (v / scale, 0.0, 1.0);
  return TRUE;
}

/* rgb(r, g, b) and rgba(r, g, b, a), the CSS forms Mermaid users write. */
static gboolean
parse_rgb_function (const char  *text,
                    PlateauRgba *color)
{
  g_autofree char *inner = NULL;
  g_auto (GStrv) parts = NULL;
  const char *open = strchr (text, '(');
  gsize n_parts;
  double v[4] = { 0, 0, 0, 1 };

  if (open == NULL || !g_str_has_suffix (text, ")"))
    return FALSE;

  inner = g_strndup (open + 1, strlen (open + 1) - 1);
  parts = g_strsplit (inner, ",", 5);
  n_parts = g_strv_length (parts);
  if (n_parts != 3 && n_parts != 4)
    return FALSE;

  for (gsize i = 0; i < n_parts; i++)
    {
      g_strstrip (parts[i]);
      if (!parse_channel (parts[i], i == 3 ? 1.0 : 255.0, &v[i]))
        return FALSE;
    }

  *color = (PlateauRgba) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

/**
 * plateau_graph_parse_color:
 * @text: a CSS colour: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba(), a name
 * @color: (out): the colour
 *
 * Parses a colour as Mermaid styles write them.
 *
 * Returns: %TRUE when @text is a colour
 */
gboolean
plateau_graph_parse_color (const char  *text,
                           PlateauRgba *color)
{
  PangoColor pc;
  guint16 alpha = 0xffff;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "none") == 0
      || g_ascii_strcasecmp (text, "transparent") == 0)
    {
      *color = (PlateauRgba) { 0, 0, 0, 0 };
      return TRUE;
    }

  if (g_str_has_prefix (text, "rgb"))
    return parse_rgb_function (text, color);

  if (!pango_color_parse_with_alpha (&pc, &alpha, text))
    return FALSE;

  *color = (PlateauRgba) { pc.red / 65535.0, pc.green / 65535.0, pc.blue / 65535.0,
                           alpha / 65535.0 };
  return TRUE;
}
