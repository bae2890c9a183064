/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "plateau-chart.h"

G_BEGIN_DECLS

/*
 * Axis ticks. Every tick is an integer mantissa times a power of ten, so its
 * value is computed once from integers (never by adding a step repeatedly)
 * and its label is written from the integer digits, free of binary rounding.
 */

#define PLATEAU_TICKS_MAX 24

typedef struct
{
  gint64 mantissa;
  int exponent;
  double value;               /* mantissa × 10^exponent, rounded once */
} PlateauTick;

typedef struct
{
  PlateauTick ticks[PLATEAU_TICKS_MAX];
  guint n;
  double lo;                  /* the range the axis shows */
  double hi;
  gboolean log;
} PlateauTicks;

gboolean plateau_ticks_linear  (double        lo,
                                double        hi,
                                guint         max_ticks,
                                gboolean      extend,
                                gboolean      integers,
                                PlateauTicks *ticks);
gboolean plateau_ticks_log     (double        lo,
                                double        hi,
                                guint         max_ticks,
                                gboolean      extend,
                                PlateauTicks *ticks);
char    *plateau_ticks_format  (const PlateauTicks *ticks,
                                guint               index,
                                PlateauAxisFormat   format);
char    *plateau_format_number (double        value,
                                int           decimals);

G_END_DECLS
