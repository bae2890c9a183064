/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plateau-csv.h"

G_BEGIN_DECLS

/* The preview shows at most this many of the rows read. */
#define PLATEAU_CSV_PREVIEW_ROWS 8

GtkWidget *plateau_csv_import_dialog_new (GtkWindow              *parent,
                                          const PlateauCsvImport *import,
                                          const char             *file_name,
                                          gboolean                can_replace);

G_END_DECLS
