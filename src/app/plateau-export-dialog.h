/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plateau-exportable.h"

G_BEGIN_DECLS

#define PLATEAU_TYPE_EXPORT_DIALOG (plateau_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlateauExportDialog, plateau_export_dialog,
                      PLATEAU, EXPORT_DIALOG, AdwWindow)

/* The size presets, in the order the dialog lists them. */
typedef enum
{
  PLATEAU_EXPORT_SIZE_HD,
  PLATEAU_EXPORT_SIZE_FULL_HD,
  PLATEAU_EXPORT_SIZE_4K,
  PLATEAU_EXPORT_SIZE_A4,
  PLATEAU_EXPORT_SIZE_LETTER,
  PLATEAU_EXPORT_SIZE_CUSTOM,
} PlateauExportSize;

PlateauExportDialog *plateau_export_dialog_new          (GtkWindow           *parent,
                                                         PlateauExportable   *exportable);
void                 plateau_export_dialog_set_format   (PlateauExportDialog *self,
                                                         PlateauExportFormat  format);
void                 plateau_export_dialog_set_size     (PlateauExportDialog *self,
                                                         PlateauExportSize    size);
void                 plateau_export_dialog_set_custom_size (PlateauExportDialog *self,
                                                            int                  width,
                                                            int                  height);
void                 plateau_export_dialog_set_dpi      (PlateauExportDialog *self,
                                                         double               dpi);
void                 plateau_export_dialog_set_theme    (PlateauExportDialog *self,
                                                         PlateauThemeKind     theme);
void                 plateau_export_dialog_set_transparent (PlateauExportDialog *self,
                                                            gboolean             transparent);
void                 plateau_export_dialog_get_options  (PlateauExportDialog  *self,
                                                         PlateauExportOptions *options,
                                                         PlateauThemeKind     *theme);
GdkPaintable        *plateau_export_dialog_get_preview  (PlateauExportDialog *self);
gboolean             plateau_export_dialog_save_to      (PlateauExportDialog *self,
                                                         GFile               *file,
                                                         GError             **error);

G_END_DECLS
