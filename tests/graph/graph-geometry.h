/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "plateau-graph-layout.h"

/* How far @q lies from the outline of a node of @shape in @box: edges must
 * end on node borders, in the layout and in the drawing alike. */
static inline double
distance_to_outline (PlateauGraphShape      shape,
                     const PlateauGraphBox *box,
                     PlateauGraphPoint      q)
{
  g_autoptr (GArray) outline = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));
  double best = INFINITY;

  plateau_graph_shape_outline (shape, box, outline);
  for (guint i = 0, j = outline->len - 1; i < outline->len; j = i++)
    {
      PlateauGraphPoint a = g_array_index (outline, PlateauGraphPoint, j);
      PlateauGraphPoint b = g_array_index (outline, PlateauGraphPoint, i);
      double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? ((q.x - a.x) * dx + (q.y - a.y) * dy) / len2 : 0;

      t = CLAMP (t, 0, 1);
      best = MIN (best, hypot (a.x + t * dx - q.x, a.y + t * dy - q.y));
    }

  return best;
}
