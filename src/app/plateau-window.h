/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "plateau-application.h"
#include "plateau-command-stack.h"
#include "plateau-document.h"
#include "plateau-exportable.h"

G_BEGIN_DECLS

/* The bundled sample document, opened on the first start. */
#define PLATEAU_SAMPLE_RESOURCE "/io/github/plateau/Plateau/samples/sample.plateau"

/* Unsaved work is written to the state folder this long after an edit. */
#define PLATEAU_AUTOSAVE_DELAY_MS 2000

#define PLATEAU_TYPE_WINDOW (plateau_window_get_type ())

G_DECLARE_FINAL_TYPE (PlateauWindow, plateau_window, PLATEAU, WINDOW, AdwApplicationWindow)

PlateauWindow       *plateau_window_new                (PlateauApplication *application);
void                 plateau_window_add_toast          (PlateauWindow      *self,
                                                        AdwToast           *toast);
void                 plateau_window_open_files         (PlateauWindow      *self,
                                                        GFile             **files,
                                                        int                 n_files);
void                 plateau_window_start              (PlateauWindow      *self,
                                                        gboolean            first_start);

void                 plateau_window_set_document       (PlateauWindow      *self,
                                                        PlateauDocument    *document,
                                                        GFile              *file);
gboolean             plateau_window_load               (PlateauWindow      *self,
                                                        GFile              *file,
                                                        GError            **error);
gboolean             plateau_window_save_to            (PlateauWindow      *self,
                                                        GFile              *file,
                                                        GError            **error);
GtkWidget           *plateau_window_import_csv_file    (PlateauWindow      *self,
                                                        GFile              *file);
GtkWidget           *plateau_window_offer_recovery     (PlateauWindow      *self);
void                 plateau_window_autosave_now       (PlateauWindow      *self);

PlateauDocument     *plateau_window_get_document       (PlateauWindow      *self);
GFile               *plateau_window_get_file           (PlateauWindow      *self);
PlateauCommandStack *plateau_window_get_command_stack  (PlateauWindow      *self);
GtkWidget           *plateau_window_get_scenario_view  (PlateauWindow      *self);
GtkWidget           *plateau_window_get_stage_badge    (PlateauWindow      *self);
const char          *plateau_window_get_autosave_path  (PlateauWindow      *self);
gboolean             plateau_window_get_modified       (PlateauWindow      *self);
PlateauExportable   *plateau_window_get_exportable     (PlateauWindow      *self);

G_END_DECLS
