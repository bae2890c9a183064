/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the Mermaid flowchart parser, and the layout of every
 * small graph it accepts. Any input must end in a graph or an error with a
 * position inside the text, never a crash, a hang or a leak.
 */

#include "config.h"

#include <stdint.h>
#include <math.h>
#include <string.h>

#include "plateau-graph.h"
#include "plateau-graph-layout.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
lay_out (const PlateauGraph *graph)
{
  g_autoptr (PlateauGraphSizes) sizes = plateau_graph_sizes_new (graph);
  g_autoptr (PlateauGraphLayout) layout = NULL;

  /* Sizes from the label lengths are enough to exercise every branch. */
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const PlateauGraphNode *n = &g_array_index (graph->nodes, PlateauGraphNode, i);
      sizes->node_width[i] = 30 + 7 * (strlen (n->label) % 40);
      sizes->node_height[i] = 20 + 10 * (i % 3);
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);
      sizes->label_width[i] = e->label != NULL ? 10 + strlen (e->label) % 50 : 0;
      sizes->label_height[i] = e->label != NULL ? 14 : 0;
    }
  for (guint i = 0; i < graph->subgraphs->len; i++)
    {
      sizes->title_width[i] = 40;
      sizes->title_height[i] = 16;
    }

  layout = plateau_graph_layout (graph, sizes, NULL);
  g_assert (layout->n_nodes == graph->nodes->len);
  g_assert (isfinite (layout->width) && isfinite (layout->height));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauGraph) graph = NULL;
  PlateauGraphLocation where = { 0, 0 };

  graph = plateau_graph_parse ((const char *) data, (gssize) size, &where, &error);
  if (graph == NULL)
    {
      g_assert (error != NULL);
      g_assert (where.line >= 1 && where.column >= 1);
      return 0;
    }

  if (graph->nodes->len <= 300 && graph->edges->len <= 600)
    lay_out (graph);
  return 0;
}
