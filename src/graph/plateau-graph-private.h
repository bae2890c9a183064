/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-graph.h"

G_BEGIN_DECLS

PlateauGraph *plateau_graph_new (void);

G_END_DECLS
