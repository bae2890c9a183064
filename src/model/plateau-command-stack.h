/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PlateauCommandFunc:
 * @data: the command's data
 * @undo: %TRUE to take the command back, %FALSE to do it (again)
 *
 * Does or undoes one edit.
 */
typedef void (*PlateauCommandFunc) (gpointer data,
                                    gboolean undo);

#define PLATEAU_TYPE_COMMAND_STACK (plateau_command_stack_get_type ())
G_DECLARE_FINAL_TYPE (PlateauCommandStack, plateau_command_stack,
                      PLATEAU, COMMAND_STACK, GObject)

PlateauCommandStack *plateau_command_stack_new            (void);
void                 plateau_command_stack_push           (PlateauCommandStack *self,
                                                           const char          *label,
                                                           PlateauCommandFunc   func,
                                                           gpointer             data,
                                                           GDestroyNotify       destroy);
gboolean             plateau_command_stack_undo           (PlateauCommandStack *self);
gboolean             plateau_command_stack_redo           (PlateauCommandStack *self);
gboolean             plateau_command_stack_can_undo       (PlateauCommandStack *self);
gboolean             plateau_command_stack_can_redo       (PlateauCommandStack *self);
const char          *plateau_command_stack_get_undo_label (PlateauCommandStack *self);
const char          *plateau_command_stack_get_redo_label (PlateauCommandStack *self);
void                 plateau_command_stack_set_clean      (PlateauCommandStack *self);
gboolean             plateau_command_stack_is_clean       (PlateauCommandStack *self);
void                 plateau_command_stack_clear          (PlateauCommandStack *self);

G_END_DECLS
