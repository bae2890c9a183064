/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLATEAU_TYPE_APPLICATION (plateau_application_get_type ())

G_DECLARE_FINAL_TYPE (PlateauApplication, plateau_application, PLATEAU, APPLICATION,
                      AdwApplication)

/* The schema is shared by the stable and the development build. */
#define PLATEAU_SETTINGS_SCHEMA "io.github.plateau.Plateau"

/* The application's icon as the GResource provides it at run time. */
#define PLATEAU_ICON_NAME "io.github.plateau.Plateau"

void                plateau_i18n_init                 (void);
PlateauApplication *plateau_application_new           (void);
GSettings          *plateau_application_get_settings  (PlateauApplication *self);

G_END_DECLS
