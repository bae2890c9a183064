/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauCommandStack: the undo and redo history of a document. A command is
 * a function that does or undoes one edit; the stack only orders commands and
 * remembers which position matches the file on disk, so that "modified"
 * means "not at the saved position", also after undoing back to it.
 */

#include "config.h"

#include "plateau-command-stack.h"

typedef struct
{
  char *label;
  PlateauCommandFunc func;
  gpointer data;
  GDestroyNotify destroy;
} Command;

struct _PlateauCommandStack
{
  GObject parent_instance;

  /* Commands done, oldest first; those from @position on were undone. */
  GPtrArray *commands;
  guint position;

  /* The position that matches the saved file; -1 when none does any more
   * (the saved state was undone and then replaced by a new edit). */
  int clean_position;
};

G_DEFINE_FINAL_TYPE (PlateauCommandStack, plateau_command_stack, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
command_free (gpointer data)
{
  Command *command = data;

  if (command->destroy != NULL)
    command->destroy (command->data);

  g_free (command->label);
  g_free (command);
}

static void
plateau_command_stack_finalize (GObject *object)
{
  PlateauCommandStack *self = PLATEAU_COMMAND_STACK (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (plateau_command_stack_parent_class)->finalize (object);
}

static void
plateau_command_stack_class_init (PlateauCommandStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plateau_command_stack_finalize;

  /**
   * PlateauCommandStack::changed:
   *
   * Emitted after a push, undo, redo, clear or change of the clean position.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plateau_command_stack_init (PlateauCommandStack *self)
{
  self->commands = g_ptr_array_new_with_free_func (command_free);
}

/**
 * plateau_command_stack_new:
 *
 * Creates an empty history whose empty state counts as saved.
 *
 * Returns: (transfer full): a new #PlateauCommandStack
 */
PlateauCommandStack *
plateau_command_stack_new (void)
{
  return g_object_new (PLATEAU_TYPE_COMMAND_STACK, NULL);
}

/**
 * plateau_command_stack_push:
 * @self: a #PlateauCommandStack
 * @label: what the edit did, in translated words ("Edit Cell")
 * @func: does or undoes the edit
 * @data: (transfer full): the edit's data, given to @func
 * @destroy: (nullable): frees @data when the command is dropped
 *
 * Records an edit the caller has just done. Undone commands are dropped: a
 * new edit ends the redo history.
 */
void
plateau_command_stack_push (PlateauCommandStack *self,
                            const char          *label,
                            PlateauCommandFunc   func,
                            gpointer             data,
                            GDestroyNotify       destroy)
{
  Command *command;

  g_return_if_fail (PLATEAU_IS_COMMAND_STACK (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (func != NULL);

  if (self->position < self->commands->len)
    {
      if (self->clean_position > (int) self->position)
        self->clean_position = -1;

      g_ptr_array_set_size (self->commands, self->position);
    }

  command = g_new0 (Command, 1);
  command->label = g_strdup (label);
  command->func = func;
  command->data = data;
  command->destroy = destroy;
  g_ptr_array_add (self->commands, command);
  self->position = self->commands->len;

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * plateau_command_stack_undo:
 * @self: a #PlateauCommandStack
 *
 * Takes back the last edit done.
 *
 * Returns: %TRUE if there was an edit to undo
 */
gboolean
plateau_command_stack_undo (PlateauCommandStack *self)
{
  Command *command;

  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (self), FALSE);

  if (self->position == 0)
    return FALSE;

  command = g_ptr_array_index (self->commands, --self->position);
  command->func (command->data, TRUE);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * plateau_command_stack_redo:
 * @self: a #PlateauCommandStack
 *
 * Does again the last edit undone.
 *
 * Returns: %TRUE if there was an edit to redo
 */
gboolean
plateau_command_stack_redo (PlateauCommandStack *self)
{
  Command *command;

  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (self), FALSE);

  if (self->position == self->commands->len)
    return FALSE;

  command = g_ptr_array_index (self->commands, self->position++);
  command->func (command->data, FALSE);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * plateau_command_stack_can_undo:
 * @self: a #PlateauCommandStack
 *
 * Returns: whether an edit can be undone
 */
gboolean
plateau_command_stack_can_undo (PlateauCommandStack *self)
{
  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (self), FALSE);

  return self->position > 0;
}

/**
 * plateau_command_stack_can_redo:
 * @self: a #PlateauCommandStack
 *
 * Returns: whether an undone edit can be redone
 */
gboolean
plateau_command_stack_can_redo (PlateauCommandStack *self)
{
  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (self), FALSE);

  return self->position < self->commands->len;
}

/**
 * plateau_command_stack_get_undo_label:
 * @self: a #PlateauCommandStack
 *
 * Returns: (nullable): the label of the edit undo would take back
 */
const char *
plateau_command_stack_get_undo_label (PlateauCommandStack *self)
{
  Command *command;

  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (self), NULL);

  if (self->position == 0)
    return NULL;

  command = g_ptr_array_index (self->commands, self->position - 1);
  return command->label;
}

/**
 * plateau_command_stack_get_redo_label:
 * @self: a #PlateauCommandStack
 *
 * Returns: (nullable): the label of the edit redo would do again
 */
const char *
plateau_command_stack_get_redo_label (PlateauCommandStack *self)
{
  Command *command;

  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (self), NULL);

  if (self->position == self->commands->len)
    return NULL;

  command = g_ptr_array_index (self->commands, self->position);
  return command->label;
}

/**
 * plateau_command_stack_set_clean:
 * @self: a #PlateauCommandStack
 *
 * Marks the current position as the one saved to disk.
 */
void
plateau_command_stack_set_clean (PlateauCommandStack *self)
{
  g_return_if_fail (PLATEAU_IS_COMMAND_STACK (self));

  if (self->clean_position == (int) self->position)
    return;

  self->clean_position = self->position;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * plateau_command_stack_is_clean:
 * @self: a #PlateauCommandStack
 *
 * Returns: whether the document is as it was last saved (or opened)
 */
gboolean
plateau_command_stack_is_clean (PlateauCommandStack *self)
{
  g_return_val_if_fail (PLATEAU_IS_COMMAND_STACK (self), TRUE);

  return self->clean_position == (int) self->position;
}

/**
 * plateau_command_stack_clear:
 * @self: a #PlateauCommandStack
 *
 * Forgets every edit; the present state becomes the clean one.
 */
void
plateau_command_stack_clear (PlateauCommandStack *self)
{
  g_return_if_fail (PLATEAU_IS_COMMAND_STACK (self));

  g_ptr_array_set_size (self->commands, 0);
  self->position = 0;
  self->clean_position = 0;

  g_signal_emit (self, signals[CHANGED], 0);
}
