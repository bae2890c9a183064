/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLATEAU_TYPE_PREFERENCES_WINDOW (plateau_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PlateauPreferencesWindow, plateau_preferences_window, PLATEAU,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

PlateauPreferencesWindow *plateau_preferences_window_new (GtkApplication *application,
                                                          GtkWindow      *parent);

G_END_DECLS
