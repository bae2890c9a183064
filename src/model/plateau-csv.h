/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plateau-scenario.h"

G_BEGIN_DECLS

/* Limits that keep memory bounded whatever the file holds. */
#define PLATEAU_CSV_MAX_LINE_BYTES (64 * 1024)
#define PLATEAU_CSV_MAX_ROWS 1000000
#define PLATEAU_CSV_MAX_REPORTED_REJECTIONS 1000

/**
 * PlateauCsvRejection:
 * @line: the 1-based line on which the rejected row starts
 * @message: why the row was rejected, in plain words naming the cell
 *
 * One row of a CSV file that was not imported.
 */
typedef struct
{
  guint line;
  char *message;
} PlateauCsvRejection;

/**
 * PlateauCsvImport:
 * @scenario: the scenario holding every accepted row
 * @rejections: (element-type PlateauCsvRejection): the rejected rows, at most
 *   %PLATEAU_CSV_MAX_REPORTED_REJECTIONS of them
 * @n_rejected: the number of rejected rows, including those not listed
 * @delimiter: the detected field delimiter: ',', ';' or '\t'
 * @decimal_comma: whether numbers were read with a decimal comma
 *
 * The outcome of reading a CSV file: the good rows and the reasons for the bad.
 */
typedef struct
{
  PlateauScenario *scenario;
  GPtrArray *rejections;
  guint n_rejected;
  char delimiter;
  gboolean decimal_comma;
} PlateauCsvImport;

PlateauCsvImport *plateau_csv_import_stream (GInputStream     *stream,
                                             const char       *display_name,
                                             GCancellable     *cancellable,
                                             GError          **error);
PlateauCsvImport *plateau_csv_import_file   (GFile            *file,
                                             GCancellable     *cancellable,
                                             GError          **error);
PlateauCsvImport *plateau_csv_import_data   (const char       *data,
                                             gsize             length,
                                             const char       *display_name,
                                             GError          **error);
void              plateau_csv_import_free   (PlateauCsvImport *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlateauCsvImport, plateau_csv_import_free)

G_END_DECLS
