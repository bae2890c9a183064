/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

/* The document loader on arbitrary bytes. Whatever loads must save and
 * load back to the same text, and its scenarios must analyse cleanly. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlateauDocument) document = NULL;
  g_autoptr (PlateauDocument) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  document = plateau_document_load_from_data ((const char *) data, size, "fuzz.plateau", &error);
  if (document == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }

  text = plateau_document_to_data (document, NULL);
  again = plateau_document_load_from_data (text, -1, "again.plateau", NULL);
  if (again == NULL)
    abort ();
  text_again = plateau_document_to_data (again, NULL);
  if (strcmp (text, text_again) != 0)
    abort ();

  for (guint i = 0; i < plateau_document_get_n_scenarios (document); i++)
    fuzz_analyse (plateau_document_get_scenario (document, i));

  return 0;
}
