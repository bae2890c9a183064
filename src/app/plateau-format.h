/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "plateau-analysis.h"

G_BEGIN_DECLS

char *plateau_format_amount (double value);
char *plateau_format_period (double t);
char *plateau_format_time (double t);
gboolean plateau_periods_are_years (const PlateauAnalysis *analysis);
char *plateau_format_period_phrase (const PlateauAnalysis *analysis,
                                    double                 t);
char *plateau_format_signed (double value);
char *plateau_format_with_unit (double      value,
                                const char *unit);

G_END_DECLS
