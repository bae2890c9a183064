/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/*
 * The visual themes shared by the chart and graph renderers. A theme is a
 * constant table: colours, one font family list, type sizes and stroke
 * widths. Sizes are in cairo user units of a drawing at scale 1 (one unit is
 * one logical pixel on screen); exporters scale the whole drawing instead of
 * the theme, so a chart keeps its proportions at every resolution.
 */

typedef enum
{
  PLATEAU_THEME_LIGHT,
  PLATEAU_THEME_DARK,
  PLATEAU_THEME_PRESENTATION,
  PLATEAU_THEME_N_KINDS,
} PlateauThemeKind;

/* The four life-cycle stages, in the order technologies pass through them. */
typedef enum
{
  PLATEAU_THEME_STAGE_EXPLORATION,
  PLATEAU_THEME_STAGE_GROWTH,
  PLATEAU_THEME_STAGE_MATURITY,
  PLATEAU_THEME_STAGE_DECLINE,
  PLATEAU_THEME_N_STAGES,
} PlateauThemeStage;

/* Text roles, each with its own size and weight. */
typedef enum
{
  PLATEAU_THEME_FONT_TITLE,
  PLATEAU_THEME_FONT_SUBTITLE,
  PLATEAU_THEME_FONT_AXIS_LABEL,
  PLATEAU_THEME_FONT_TICK,
  PLATEAU_THEME_FONT_LEGEND,
  PLATEAU_THEME_FONT_ANNOTATION,
  PLATEAU_THEME_FONT_CAPTION,
  PLATEAU_THEME_N_FONTS,
} PlateauThemeFont;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} PlateauRgba;

#define PLATEAU_THEME_PALETTE_SIZE 8

typedef struct
{
  const char *name;

  PlateauRgba background;
  PlateauRgba foreground;   /* titles, values */
  PlateauRgba muted;        /* subtitles, tick labels, captions */
  PlateauRgba grid;
  PlateauRgba axis;         /* axis lines and tick marks */
  PlateauRgba palette[PLATEAU_THEME_PALETTE_SIZE];
  PlateauRgba stages[PLATEAU_THEME_N_STAGES];  /* translucent band fills */
  PlateauRgba stage_labels[PLATEAU_THEME_N_STAGES];

  const char *font_family;  /* a Pango family list, CJK-capable first */
  double font_sizes[PLATEAU_THEME_N_FONTS];
  gboolean font_bold[PLATEAU_THEME_N_FONTS];

  double line_width;        /* data lines */
  double grid_width;
  double axis_width;
  double marker_radius;     /* scatter points */
  double margin;            /* outer padding around everything */

  /* The size a new drawing gets when the caller names none. */
  double default_width;
  double default_height;
} PlateauTheme;

const PlateauTheme *plateau_theme_get            (PlateauThemeKind   kind);
const PlateauTheme *plateau_theme_lookup         (const char        *name);
gboolean            plateau_theme_kind_from_name (const char        *name,
                                                  PlateauThemeKind  *kind);
const char         *plateau_theme_kind_to_name   (PlateauThemeKind   kind);

const PlateauRgba  *plateau_theme_series_color   (const PlateauTheme *theme,
                                                  guint               index);
PangoFontDescription *plateau_theme_font         (const PlateauTheme *theme,
                                                  PlateauThemeFont    role);

void                plateau_rgba_set_source      (cairo_t           *cr,
                                                  const PlateauRgba *color);
void                plateau_rgba_set_source_alpha (cairo_t           *cr,
                                                   const PlateauRgba *color,
                                                   double             alpha);
PlateauRgba         plateau_rgba_mix             (const PlateauRgba *a,
                                                  const PlateauRgba *b,
                                                  double             t);

G_END_DECLS
