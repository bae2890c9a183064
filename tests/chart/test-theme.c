/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "plateau-theme.h"

static void
test_names_round_trip (void)
{
  for (guint i = 0; i < PLATEAU_THEME_N_KINDS; i++)
    {
      PlateauThemeKind kind;
      const char *name = plateau_theme_kind_to_name (i);

      g_assert_true (plateau_theme_kind_from_name (name, &kind));
      g_assert_cmpuint (kind, ==, i);
      g_assert_true (plateau_theme_lookup (name) == plateau_theme_get (i));
    }

  g_assert_null (plateau_theme_lookup ("sepia"));
}

static double
luminance (const PlateauRgba *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* The first series colours must stand out from the background: a line that
 * vanishes in the dark theme is the classic mistake. */
static void
test_palette_contrast (void)
{
  for (guint i = 0; i < PLATEAU_THEME_N_KINDS; i++)
    {
      const PlateauTheme *theme = plateau_theme_get (i);
      double bg = luminance (&theme->background);

      for (guint k = 0; k < 4; k++)
        g_assert_cmpfloat (fabs (luminance (plateau_theme_series_color (theme, k)) - bg), >, 0.2);

      g_assert_true (plateau_theme_series_color (theme, PLATEAU_THEME_PALETTE_SIZE)
                     == plateau_theme_series_color (theme, 0));
      g_assert_cmpfloat (fabs (luminance (&theme->foreground) - bg), >, 0.7);
    }
}

static void
test_presentation_is_larger (void)
{
  const PlateauTheme *light = plateau_theme_get (PLATEAU_THEME_LIGHT);
  const PlateauTheme *slides = plateau_theme_get (PLATEAU_THEME_PRESENTATION);

  for (guint role = 0; role < PLATEAU_THEME_N_FONTS; role++)
    g_assert_cmpfloat (slides->font_sizes[role], >, light->font_sizes[role]);

  g_assert_cmpfloat (slides->line_width, >, light->line_width);
  g_assert_cmpfloat (fabs (slides->default_width / slides->default_height - 16.0 / 9.0), <, 1e-9);
}

static void
test_font_description (void)
{
  const PlateauTheme *theme = plateau_theme_get (PLATEAU_THEME_LIGHT);
  PangoFontDescription *title = plateau_theme_font (theme, PLATEAU_THEME_FONT_TITLE);
  PangoFontDescription *tick = plateau_theme_font (theme, PLATEAU_THEME_FONT_TICK);

  g_assert_true (pango_font_description_get_size_is_absolute (title));
  g_assert_cmpint (pango_font_description_get_weight (title), ==, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (pango_font_description_get_weight (tick), ==, PANGO_WEIGHT_NORMAL);
  g_assert_cmpstr (pango_font_description_get_family (tick), ==, theme->font_family);
  g_assert_cmpint (pango_font_description_get_size (tick), ==,
                   (int) (theme->font_sizes[PLATEAU_THEME_FONT_TICK] * PANGO_SCALE));

  pango_font_description_free (title);
  pango_font_description_free (tick);
}

static void
test_mix (void)
{
  PlateauRgba black = { 0, 0, 0, 1 };
  PlateauRgba white = { 1, 1, 1, 0 };
  PlateauRgba mid = plateau_rgba_mix (&black, &white, 0.25);

  g_assert_cmpfloat_with_epsilon (mid.red, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (mid.alpha, 0.75, 1e-12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/theme/names", test_names_round_trip);
  g_test_add_func ("/theme/palette-contrast", test_palette_contrast);
  g_test_add_func ("/theme/presentation", test_presentation_is_larger);
  g_test_add_func ("/theme/font", test_font_description);
  g_test_add_func ("/theme/mix", test_mix);

  return g_test_run ();
}
