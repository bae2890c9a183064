/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three built-in themes. The categorical palette is Okabe and Ito's
 * (2008), chosen because its eight colours stay distinct under the common
 * forms of colour blindness; each theme orders it so that the first colours
 * have the strongest contrast with that theme's background.
 */

#include "config.h"

#include <string.h>

#include "plateau-theme.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                       ((hex) & 0xff) / 255.0, (a) }

/* Okabe–Ito, named for readability of the tables below. */
#define OI_ORANGE     0xE69F00
#define OI_SKY_BLUE   0x56B4E9
#define OI_GREEN      0x009E73
#define OI_YELLOW     0xF0E442
#define OI_BLUE       0x0072B2
#define OI_VERMILLION 0xD55E00
#define OI_PURPLE     0xCC79A7

/*
 * WenQuanYi Micro Hei carries Latin and CJK glyphs in one design, so Chinese
 * and English text share a baseline and a colour; DejaVu Sans covers the
 * symbols it lacks. Naming the family pins the output on every machine that
 * has the two fonts, which keeps rendered images reproducible.
 */
#define FONT_FAMILY "WenQuanYi Micro Hei, DejaVu Sans, sans-serif"

static const PlateauTheme themes[PLATEAU_THEME_N_KINDS] = {
  [PLATEAU_THEME_LIGHT] = {
    .name = "light",
    .background = RGB (0xFFFFFF),
    .foreground = RGB (0x1D232B),
    .muted = RGB (0x5B6573),
    .grid = RGB (0xE4E8ED),
    .axis = RGB (0x8C95A1),
    .palette = {
      RGB (OI_BLUE), RGB (OI_VERMILLION), RGB (OI_GREEN), RGB (OI_ORANGE),
      RGB (OI_PURPLE), RGB (OI_SKY_BLUE), RGB (0xB8A800), RGB (0x555555),
    },
    .stages = {
      RGBA (OI_SKY_BLUE, 0.12), RGBA (OI_GREEN, 0.10),
      RGBA (OI_ORANGE, 0.12), RGBA (OI_VERMILLION, 0.10),
    },
    .stage_labels = {
      RGB (0x2F7DAF), RGB (0x00775A), RGB (0x9A6A00), RGB (0xA84A00),
    },
    .font_family = FONT_FAMILY,
    .font_sizes = { 20, 14, 13, 12, 12.5, 12, 12.5 },
    .font_bold = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    .line_width = 2.0,
    .grid_width = 1.0,
    .axis_width = 1.0,
    .marker_radius = 3.5,
    .margin = 20,
    .default_width = 960,
    .default_height = 600,
  },
  [PLATEAU_THEME_DARK] = {
    .name = "dark",
    .background = RGB (0x1E2126),
    .foreground = RGB (0xECEFF3),
    .muted = RGB (0xA3ACB8),
    .grid = RGB (0x343A42),
    .axis = RGB (0x69727E),
    .palette = {
      RGB (OI_SKY_BLUE), RGB (OI_ORANGE), RGB (0x2FC89A), RGB (OI_YELLOW),
      RGB (0xE07FB3), RGB (0xF27A3A), RGB (0x7FA8FF), RGB (0xC0C0C0),
    },
    .stages = {
      RGBA (OI_SKY_BLUE, 0.13), RGBA (OI_GREEN, 0.15),
      RGBA (OI_ORANGE, 0.13), RGBA (OI_VERMILLION, 0.15),
    },
    .stage_labels = {
      RGB (0x8CCBF0), RGB (0x5FD6B0), RGB (0xF2C060), RGB (0xF29A66),
    },
    .font_family = FONT_FAMILY,
    .font_sizes = { 20, 14, 13, 12, 12.5, 12, 12.5 },
    .font_bold = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    .line_width = 2.0,
    .grid_width = 1.0,
    .axis_width = 1.0,
    .marker_radius = 3.5,
    .margin = 20,
    .default_width = 960,
    .default_height = 600,
  },
  /* For slides: read from the back of a room, so bigger type, thicker lines
   * and a 16:9 canvas; the colours are the light theme's. */
  [PLATEAU_THEME_PRESENTATION] = {
    .name = "presentation",
    .background = RGB (0xFFFFFF),
    .foreground = RGB (0x151A21),
    .muted = RGB (0x4E5866),
    .grid = RGB (0xE1E5EA),
    .axis = RGB (0x7D8794),
    .palette = {
      RGB (OI_BLUE), RGB (OI_VERMILLION), RGB (OI_GREEN), RGB (OI_ORANGE),
      RGB (OI_PURPLE), RGB (OI_SKY_BLUE), RGB (0xB8A800), RGB (0x555555),
    },
    .stages = {
      RGBA (OI_SKY_BLUE, 0.14), RGBA (OI_GREEN, 0.12),
      RGBA (OI_ORANGE, 0.14), RGBA (OI_VERMILLION, 0.12),
    },
    .stage_labels = {
      RGB (0x2A6F9C), RGB (0x006B50), RGB (0x8A5F00), RGB (0x9A4400),
    },
    .font_family = FONT_FAMILY,
    .font_sizes = { 30, 19, 18, 16, 17, 16, 17 },
    .font_bold = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    .line_width = 3.5,
    .grid_width = 1.25,
    .axis_width = 1.5,
    .marker_radius = 5.5,
    .margin = 32,
    .default_width = 1280,
    .default_height = 720,
  },
};

/**
 * plateau_theme_get:
 * @kind: which theme
 *
 * Returns: (transfer none): the built-in theme @kind; it lives for the
 * whole process.
 */
const PlateauTheme *
plateau_theme_get (PlateauThemeKind kind)
{
  g_return_val_if_fail (kind < PLATEAU_THEME_N_KINDS, &themes[0]);

  return &themes[kind];
}

/**
 * plateau_theme_kind_from_name:
 * @name: "light", "dark" or "presentation"
 * @kind: (out): the kind named
 *
 * Returns: %TRUE if @name names a theme.
 */
gboolean
plateau_theme_kind_from_name (const char       *name,
                              PlateauThemeKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < PLATEAU_THEME_N_KINDS; i++)
    {
      if (strcmp (themes[i].name, name) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * plateau_theme_lookup:
 * @name: a theme name
 *
 * Returns: (transfer none) (nullable): the theme called @name, or %NULL.
 */
const PlateauTheme *
plateau_theme_lookup (const char *name)
{
  PlateauThemeKind kind;

  if (!plateau_theme_kind_from_name (name, &kind))
    return NULL;

  return &themes[kind];
}

/**
 * plateau_theme_kind_to_name:
 * @kind: a theme kind
 *
 * Returns: the stable, untranslated name of @kind, as used on command lines.
 */
const char *
plateau_theme_kind_to_name (PlateauThemeKind kind)
{
  g_return_val_if_fail (kind < PLATEAU_THEME_N_KINDS, NULL);

  return themes[kind].name;
}

/**
 * plateau_theme_series_color:
 * @theme: a theme
 * @index: the series' position among the series of a drawing
 *
 * Returns: (transfer none): the palette colour of the @index-th series; the
 * palette repeats after its eighth colour.
 */
const PlateauRgba *
plateau_theme_series_color (const PlateauTheme *theme,
                            guint               index)
{
  g_return_val_if_fail (theme != NULL, NULL);

  return &theme->palette[index % PLATEAU_THEME_PALETTE_SIZE];
}

/**
 * plateau_theme_font:
 * @theme: a theme
 * @role: what the text is for
 *
 * The size is absolute, in user units, so text keeps its proportion to the
 * lines whatever the surface's resolution.
 *
 * Returns: (transfer full): a new font description for @role.
 */
PangoFontDescription *
plateau_theme_font (const PlateauTheme *theme,
                    PlateauThemeFont    role)
{
  PangoFontDescription *desc;

  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (role < PLATEAU_THEME_N_FONTS, NULL);

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, theme->font_family);
  pango_font_description_set_absolute_size (desc, theme->font_sizes[role] * PANGO_SCALE);
  pango_font_description_set_weight (desc, theme->font_bold[role] ? PANGO_WEIGHT_BOLD
                                                                  : PANGO_WEIGHT_NORMAL);

  return desc;
}

/**
 * plateau_rgba_set_source:
 * @cr: a cairo context
 * @color: the colour to paint with
 *
 * Sets @color as the source of @cr.
 */
void
plateau_rgba_set_source (cairo_t           *cr,
                         const PlateauRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * plateau_rgba_set_source_alpha:
 * @cr: a cairo context
 * @color: the colour to paint with
 * @alpha: a factor applied to the colour's own alpha
 *
 * Sets a more transparent @color as the source of @cr.
 */
void
plateau_rgba_set_source_alpha (cairo_t           *cr,
                               const PlateauRgba *color,
                               double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/**
 * plateau_rgba_mix:
 * @a: the first colour
 * @b: the second colour
 * @t: how much of @b, from 0 to 1
 *
 * Returns: the colour a fraction @t of the way from @a to @b.
 */
PlateauRgba
plateau_rgba_mix (const PlateauRgba *a,
                  const PlateauRgba *b,
                  double             t)
{
  PlateauRgba mix = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };

  return mix;
}
