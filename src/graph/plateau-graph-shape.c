/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline of every node shape as a polygon (curves flattened finely
 * enough that the difference is under a tenth of a pixel at normal sizes).
 * The layout ends edges on it, the renderer fills and strokes it, and the
 * tests check edges against it, so all three agree on where a border is.
 */

#include "config.h"

#include <math.h>

#include "plateau-graph-layout.h"

#define ARC_STEPS 12

static void
add (GArray *points,
     double  x,
     double  y)
{
  PlateauGraphPoint p = { x, y };

  g_array_append_val (points, p);
}

/* A quarter or more of an ellipse from angle @a0 to @a1 (radians). */
static void
add_arc (GArray *points,
         double  cx,
         double  cy,
         double  rx,
         double  ry,
         double  a0,
         double  a1,
         int     steps)
{
  for (int i = 0; i <= steps; i++)
    {
      double a = a0 + (a1 - a0) * i / steps;
      add (points, cx + rx * cos (a), cy + ry * sin (a));
    }
}

static void
add_rounded_rect (GArray *points,
                  double  w,
                  double  h,
                  double  r)
{
  double x = w / 2 - r, y = h / 2 - r;

  r = MIN (r, MIN (w, h) / 2);
  x = w / 2 - r;
  y = h / 2 - r;
  add_arc (points, x, -y, r, r, -G_PI / 2, 0, ARC_STEPS);
  add_arc (points, x, y, r, r, 0, G_PI / 2, ARC_STEPS);
  add_arc (points, -x, y, r, r, G_PI / 2, G_PI, ARC_STEPS);
  add_arc (points, -x, -y, r, r, G_PI, 3 * G_PI / 2, ARC_STEPS);
}

static void
add_polygon (GArray       *points,
             const double *xy,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    add (points, xy[2 * i], xy[2 * i + 1]);
}

/**
 * plateau_graph_cylinder_rim:
 * @box: the node's box
 *
 * Returns: the vertical radius of a cylinder's elliptic caps
 */
double
plateau_graph_cylinder_rim (const PlateauGraphBox *box)
{
  return MIN (box->height * 0.12, MAX (4.0, box->width * 0.08));
}

/**
 * plateau_graph_shape_outline:
 * @shape: a node shape
 * @box: the node's box
 * @points: (element-type PlateauGraphPoint): where the outline is appended
 *
 * Appends the closed outline of a node, clockwise on screen, in the
 * coordinates of @box.
 */
void
plateau_graph_shape_outline (PlateauGraphShape      shape,
                             const PlateauGraphBox *box,
                             GArray                *points)
{
  double w = box->width, h = box->height;
  double hw = w / 2, hh = h / 2;
  double s = MIN (h / 3, w / 4);
  guint first = points->len;

  switch (shape)
    {
    case PLATEAU_GRAPH_SHAPE_ROUND:
      add_rounded_rect (points, w, h, MIN (10, h / 3));
      break;
    case PLATEAU_GRAPH_SHAPE_STADIUM:
      add_rounded_rect (points, w, h, h / 2);
      break;
    case PLATEAU_GRAPH_SHAPE_CIRCLE:
    case PLATEAU_GRAPH_SHAPE_DOUBLE_CIRCLE:
      add_arc (points, 0, 0, hw, hh, -G_PI / 2, 3 * G_PI / 2 - 1e-9, 4 * ARC_STEPS);
      break;
    case PLATEAU_GRAPH_SHAPE_CYLINDER:
      {
        double ry = plateau_graph_cylinder_rim (box);
        add_arc (points, 0, -hh + ry, hw, ry, G_PI, 2 * G_PI, 2 * ARC_STEPS);
        add_arc (points, 0, hh - ry, hw, ry, 0, G_PI, 2 * ARC_STEPS);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_DIAMOND:
      {
        double xy[] = { 0, -hh, hw, 0, 0, hh, -hw, 0 };
        add_polygon (points, xy, 4);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_HEXAGON:
      {
        double f = MIN (h / 4, w / 4);
        double xy[] = { -hw + f, -hh, hw - f, -hh, hw, 0, hw - f, hh, -hw + f, hh, -hw, 0 };
        add_polygon (points, xy, 6);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_ASYMMETRIC:
      {
        double xy[] = { -hw, -hh, hw, -hh, hw, hh, -hw, hh, -hw + s, 0 };
        add_polygon (points, xy, 5);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_PARALLELOGRAM:
      {
        double xy[] = { -hw + s, -hh, hw, -hh, hw - s, hh, -hw, hh };
        add_polygon (points, xy, 4);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_PARALLELOGRAM_ALT:
      {
        double xy[] = { -hw, -hh, hw - s, -hh, hw, hh, -hw + s, hh };
        add_polygon (points, xy, 4);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_TRAPEZOID:
      {
        double xy[] = { -hw + s, -hh, hw - s, -hh, hw, hh, -hw, hh };
        add_polygon (points, xy, 4);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_TRAPEZOID_ALT:
      {
        double xy[] = { -hw, -hh, hw, -hh, hw - s, hh, -hw + s, hh };
        add_polygon (points, xy, 4);
      }
      break;
    case PLATEAU_GRAPH_SHAPE_RECT:
    case PLATEAU_GRAPH_SHAPE_SUBROUTINE:
    case PLATEAU_GRAPH_N_SHAPES:
    default:
      add_rounded_rect (points, w, h, MIN (3, h / 4));
      break;
    }

  for (guint i = first; i < points->len; i++)
    {
      PlateauGraphPoint *p = &g_array_index (points, PlateauGraphPoint, i);
      p->x += box->x;
      p->y += box->y;
    }
}

/**
 * plateau_graph_shape_contains:
 * @shape: a node shape
 * @box: the node's box
 * @x: a point
 * @y: a point
 *
 * Tells whether the point lies strictly inside the node's outline.
 *
 * Returns: %TRUE when it does
 */
gboolean
plateau_graph_shape_contains (PlateauGraphShape      shape,
                              const PlateauGraphBox *box,
                              double                 x,
                              double                 y)
{
  g_autoptr (GArray) outline = g_array_new (FALSE, FALSE, sizeof (PlateauGraphPoint));
  gboolean inside = FALSE;

  if (fabs (x - box->x) > box->width / 2 || fabs (y - box->y) > box->height / 2)
    return FALSE;

  plateau_graph_shape_outline (shape, box, outline);
  for (guint i = 0, j = outline->len - 1; i < outline->len; j = i++)
    {
      PlateauGraphPoint *a = &g_array_index (outline, PlateauGraphPoint, i);
      PlateauGraphPoint *b = &g_array_index (outline, PlateauGraphPoint, j);

      if ((a->y > y) != (b->y > y)
          && x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
        inside = !inside;
    }

  return inside;
}
