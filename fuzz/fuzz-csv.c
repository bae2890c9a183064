/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fuzz-common.h"

/* The CSV importer on arbitrary bytes; what it accepts is analysed. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauCsvImport) import = NULL;

  import = plateau_csv_import_data ((const char *) data, size, "fuzz.csv", &error);
  if (import == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }

  if (plateau_scenario_get_n_periods (import->scenario) == 0)
    abort ();

  fuzz_analyse (import->scenario);
  return 0;
}
