/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "plateau-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PlateauApplication) app = NULL;

  plateau_i18n_init ();

  app = plateau_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
