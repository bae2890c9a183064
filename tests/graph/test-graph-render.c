/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measuring and drawing: CJK and Latin labels are measured by their real
 * advance, long labels wrap, every export format writes a readable file,
 * and the six sample diagrams match their golden PNGs.
 *
 * Golden images are drawn with the fonts that build-aux/deps.sh installs
 * (WenQuanYi Micro Hei, DejaVu Sans). A pixel counts as different when a
 * channel differs by more than 48 of 255; an image matches when its size is
 * equal and at most 0.5 % of its pixels differ, which absorbs anti-aliasing
 * differences between Cairo builds but not a moved node or a missing edge.
 * Run with PLATEAU_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "plateau-graph-render.h"

#define CHANNEL_TOLERANCE 48
#define PIXEL_FRACTION 0.005

static const char *const samples[] = {
  "core-concepts", "growth-model-shifts", "model-lifecycle", "path-dependence",
  "roi-factors", "stage-evolution",
};

static PlateauGraph *
parse_or_die (const char *text)
{
  g_autoptr (GError) error = NULL;
  PlateauGraph *graph = plateau_graph_parse (text, -1, NULL, &error);

  g_assert_no_error (error);
  return graph;
}

static PlateauGraph *
load_sample (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.mmd", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "graph", "samples", file, NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return parse_or_die (text);
}

static void
test_measure_cjk (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die ("graph TD\nA[技术模式]\nB[技术回报率]\nC[ROI]");
  g_autoptr (PlateauGraphSizes) sizes = plateau_graph_measure (graph, theme);
  double em = theme->font_sizes[PLATEAU_THEME_FONT_SUBTITLE];

  /* CJK glyphs advance one em each: four and five of them, plus padding. */
  g_assert_cmpfloat_with_epsilon (sizes->node_width[1] - sizes->node_width[0], em, 0.5);
  g_assert_cmpfloat_with_epsilon (sizes->node_width[0], 4 * em + 32, 1.0);

  /* Every node of one line has the same height, whatever its script. */
  g_assert_cmpfloat_with_epsilon (sizes->node_height[0], sizes->node_height[2], 0.5);
}

static void
test_measure_wraps (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die (
      "graph TD\nA[short]\nB[a rather long label that keeps going well past the wrapping "
      "width of a node]\nC[一个很长的中文标签会在设定的宽度处自动换行而不会无限变宽]");
  g_autoptr (PlateauGraphSizes) sizes = plateau_graph_measure (graph, theme);
  double em = theme->font_sizes[PLATEAU_THEME_FONT_SUBTITLE];

  for (int i = 1; i <= 2; i++)
    {
      g_assert_cmpfloat (sizes->node_width[i], <=, PLATEAU_GRAPH_WRAP_EMS * em + 32 + 0.5);
      g_assert_cmpfloat (sizes->node_height[i], >=, 2 * sizes->node_height[0] - 20 - 0.5);
    }
}

static void
test_export_formats (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_DARK);
  g_autoptr (PlateauGraph) graph = parse_or_die (
      "graph LR\nA([Start]) -->|yes| B{Check} -.-> C[(Store)]\nB ==> D((Done))\n"
      "C <--> E{{Hex}} --o F>Flag] --x G[/Lean/]\nsubgraph S [Group]\nE\nF\nend\n"
      "classDef hot fill:#fdd,stroke:#c00\nclass G hot\nlinkStyle 0 stroke:#0a0");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  g_autofree char *dir = g_dir_make_tmp ("plateau-graph-XXXXXX", NULL);
  static const char *const names[] = { "g.png", "g.svg", "g.pdf", "g.json" };
  static const char *const magic[] = { "\x89PNG", "<?xml", "%PDF", "{" };

  for (int f = 0; f < 4; f++)
    {
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autofree char *data = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_true (plateau_graph_export (graph, layout, theme, (PlateauGraphFormat) f, 1, path,
                                           &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_assert_true (g_str_has_prefix (data, magic[f]));
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_export_unwritable (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = parse_or_die ("graph TD\nA-->B");
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  g_autoptr (GError) error = NULL;

  g_assert_false (plateau_graph_export (graph, layout, theme, PLATEAU_GRAPH_FORMAT_PNG, 1,
                                        "/nonexistent-dir/x.png", &error));
  g_assert_nonnull (error);
}

/* Share of pixels whose channels differ by more than the tolerance. */
static double
difference (cairo_surface_t *a,
            cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint64 differing = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int worst = 0;
        for (int c = 0; c < 4; c++)
          worst = MAX (worst, abs (pa[y * sa + 4 * x + c] - pb[y * sb + 4 * x + c]));
        differing += worst > CHANNEL_TOLERANCE;
      }

  return (double) differing / ((double) w * h);
}

static void
test_golden (gconstpointer data)
{
  const char *name = data;
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  g_autoptr (PlateauGraph) graph = load_sample (name);
  g_autoptr (PlateauGraphLayout) layout = plateau_graph_layout_themed (graph, theme);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "graph", "golden", file, NULL);
  g_autofree char *dir = g_dir_make_tmp ("plateau-golden-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, file, NULL);
  cairo_surface_t *expected, *actual;
  g_autoptr (GError) error = NULL;

  g_assert_true (plateau_graph_export (graph, layout, theme, PLATEAU_GRAPH_FORMAT_PNG, 1, out,
                                       &error));
  g_assert_no_error (error);

  if (g_getenv ("PLATEAU_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *bytes = NULL;
      gsize length;
      g_assert_true (g_file_get_contents (out, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (golden, bytes, (gssize) length, NULL));
    }

  expected = cairo_image_surface_create_from_png (golden);
  actual = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (actual), ==,
                   cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==,
                   cairo_image_surface_get_height (expected));
  g_assert_cmpfloat (difference (expected, actual), <=, PIXEL_FRACTION);

  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/render/measure-cjk", test_measure_cjk);
  g_test_add_func ("/graph/render/measure-wraps", test_measure_wraps);
  g_test_add_func ("/graph/render/export-formats", test_export_formats);
  g_test_add_func ("/graph/render/export-unwritable", test_export_unwritable);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/graph/render/golden/%s", samples[i]);
      g_test_add_data_func (path, samples[i], test_golden);
    }

  return g_test_run ();
}
