/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *plateau_format_amount (double value);
char *plateau_format_period (double t);
char *plateau_format_signed (double value);
char *plateau_format_with_unit (double      value,
                                const char *unit);

G_END_DECLS
