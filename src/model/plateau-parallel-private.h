/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Works on the items start ≤ i < end of a job. */
typedef void (*PlateauRangeFunc) (gpointer data,
                                  guint    start,
                                  guint    end);

void plateau_parallel_for (guint            n,
                           guint            min_per_thread,
                           PlateauRangeFunc func,
                           gpointer         data);

G_END_DECLS
