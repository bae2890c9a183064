/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *plateau_format_amount (double value);
char *plateau_format_period (double t);

G_END_DECLS
