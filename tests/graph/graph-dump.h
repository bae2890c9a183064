/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "plateau-graph.h"

/*
 * A one-line canonical text of a parsed graph, so that a test states the
 * whole expected graph in a string:
 *   DIR node… edge… subgraph…
 * node:     id:shape:"label"[~"markup"][@subgraph][.class…]
 * edge:     from>to:stroke:head_from head_to:length[:"label"[~"markup"]]
 * subgraph: {id:"title"[~"markup"][<parent][^DIR]}
 * and after any of them a style: {fRRGGBB sRRGGBB cRRGGBB wWIDTH dON,OFF}
 */

static const char *const dump_directions[] = { "TB", "BT", "LR", "RL" };
static const char *const dump_shapes[] = {
  "rect", "round", "stadium", "sub", "cyl", "circle", "dcircle", "diamond", "hex",
  "asym", "para", "para-alt", "trap", "trap-alt",
};
static const char dump_strokes[] = "ntdi";
static const char dump_heads[] = "->ox";

static inline void
dump_text (GString    *out,
           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

/* The Pango markup of a Markdown label, when it has bold or italic text. */
static inline void
dump_markup (GString    *out,
             const char *markup)
{
  if (markup == NULL)
    return;
  g_string_append_c (out, '~');
  dump_text (out, markup);
}

static inline void
dump_color (GString           *out,
            char               key,
            const PlateauRgba *c)
{
  g_string_append_printf (out, "%c%02x%02x%02x", key, (int) (c->red * 255 + 0.5),
                          (int) (c->green * 255 + 0.5), (int) (c->blue * 255 + 0.5));
  if (c->alpha < 1)
    g_string_append_printf (out, "/%.2f", c->alpha);
}

/* Styles as {f…s…c…w…d…}: fill, stroke, text colour, width, dashes. */
static inline void
dump_style (GString                 *out,
            const PlateauGraphStyle *s)
{
  if (!s->has_fill && !s->has_stroke && !s->has_color && !s->has_dash && s->stroke_width <= 0)
    return;

  g_string_append_c (out, '{');
  if (s->has_fill)
    dump_color (out, 'f', &s->fill);
  if (s->has_stroke)
    dump_color (out, 's', &s->stroke);
  if (s->has_color)
    dump_color (out, 'c', &s->color);
  if (s->stroke_width > 0)
    g_string_append_printf (out, "w%g", s->stroke_width);
  if (s->has_dash)
    g_string_append_printf (out, "d%g,%g", s->dash[0], s->dash[1]);
  g_string_append_c (out, '}');
}

static inline const char *
dump_end (const PlateauGraph    *graph,
          const PlateauGraphEnd *end)
{
  if (end->is_subgraph)
    return g_array_index (graph->subgraphs, PlateauGraphSubgraph, end->index).id;
  return g_array_index (graph->nodes, PlateauGraphNode, end->index).id;
}

static inline char *
graph_dump (const PlateauGraph *graph)
{
  GString *out = g_string_new (dump_directions[graph->direction]);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const PlateauGraphNode *n = &g_array_index (graph->nodes, PlateauGraphNode, i);

      g_string_append_printf (out, " %s:%s:", n->id, dump_shapes[n->shape]);
      dump_text (out, n->label);
      dump_markup (out, n->markup);
      if (n->subgraph >= 0)
        g_string_append_printf (out, "@%s",
                                g_array_index (graph->subgraphs, PlateauGraphSubgraph,
                                               n->subgraph).id);
      for (guint k = 0; n->classes[k] != NULL; k++)
        g_string_append_printf (out, ".%s", n->classes[k]);
      dump_style (out, &n->style);
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const PlateauGraphEdge *e = &g_array_index (graph->edges, PlateauGraphEdge, i);

      g_string_append_printf (out, " %s>%s:%c:%c%c:%u", dump_end (graph, &e->from),
                              dump_end (graph, &e->to), dump_strokes[e->stroke],
                              dump_heads[e->head_from], dump_heads[e->head_to], e->length);
      if (e->label != NULL)
        {
          g_string_append_c (out, ':');
          dump_text (out, e->label);
          dump_markup (out, e->markup);
        }
      dump_style (out, &e->style);
    }

  for (guint i = 0; i < graph->subgraphs->len; i++)
    {
      const PlateauGraphSubgraph *s = &g_array_index (graph->subgraphs, PlateauGraphSubgraph, i);

      g_string_append_printf (out, " {%s:", s->id);
      dump_text (out, s->title);
      dump_markup (out, s->title_markup);
      if (s->parent >= 0)
        g_string_append_printf (out, "<%s",
                                g_array_index (graph->subgraphs, PlateauGraphSubgraph,
                                               s->parent).id);
      if (s->has_direction)
        g_string_append_printf (out, "^%s", dump_directions[s->direction]);
      dump_style (out, &s->style);
      g_string_append_c (out, '}');
    }

  return g_string_free (out, FALSE);
}
