/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "plateau-application.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_WINDOW (plateau_window_get_type ())

G_DECLARE_FINAL_TYPE (PlateauWindow, plateau_window, PLATEAU, WINDOW, AdwApplicationWindow)

PlateauWindow *plateau_window_new         (PlateauApplication *application);
void           plateau_window_add_toast   (PlateauWindow      *self,
                                           AdwToast           *toast);
void           plateau_window_open_files  (PlateauWindow      *self,
                                           GFile             **files,
                                           int                 n_files);

G_END_DECLS
