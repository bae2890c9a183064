/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar: the document's scenarios and concept graphs, each list bound
 * to the document's own list model. The selected item can be renamed,
 * duplicated, moved and deleted; each is an undoable edit, and a deletion
 * offers its undo in a toast.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-edit.h"
#include "plateau-window-private.h"

static GMenuModel *
item_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  g_menu_append (section, _("_Rename…"), "win.rename-item");
  g_menu_append (section, _("D_uplicate"), "win.duplicate-item");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  g_menu_append (section, _("Move _Up"), "win.move-item-up");
  g_menu_append (section, _("Move _Down"), "win.move-item-down");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  g_menu_append (section, _("_Delete"), "win.delete-item");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr (GMenuModel) menu = item_menu ();
  const char *icon = PLATEAU_IS_SCENARIO (item) ? "x-office-spreadsheet-symbolic"
                                                : "network-workgroup-symbolic";

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_bind_property (item, "name", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _("More"));
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_widget_set_visible (menu_button, FALSE);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "menu-button", menu_button);
  return row;
}

/* Which list and position hold @item; FALSE when the document lacks it. */
static gboolean
locate (PlateauWindow *self,
        GObject       *item,
        GListModel   **model,
        guint         *position)
{
  GListModel *models[2];

  if (self->document == NULL || item == NULL)
    return FALSE;

  models[0] = plateau_document_get_scenarios (self->document);
  models[1] = plateau_document_get_graphs (self->document);
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr (GObject) other = g_list_model_get_item (models[m], i);

        if (other == item)
          {
            *model = models[m];
            *position = i;
            return TRUE;
          }
      }

  return FALSE;
}

static void
set_enabled (PlateauWindow *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_item_actions (PlateauWindow *self)
{
  GListModel *model = NULL;
  guint position = 0;
  gboolean found = locate (self, self->selected, &model, &position);
  guint n = found ? g_list_model_get_n_items (model) : 0;

  set_enabled (self, "rename-item", found);
  set_enabled (self, "duplicate-item", found);
  set_enabled (self, "delete-item", found);
  set_enabled (self, "move-item-up", found && position > 0);
  set_enabled (self, "move-item-down",
                                 found && position + 1 < n);
}

/* Selects the row of @item, or none; only the selected row shows its menu. */
static void
select_row_of (PlateauWindow *self,
               GtkListBox    *list,
               GObject       *item)
{
  GtkListBoxRow *selected = NULL;

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      gboolean match;

      if (row == NULL)
        break;

      match = item != NULL && g_object_get_data (G_OBJECT (row), "item") == item;
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "menu-button"), match);
      if (match)
        selected = row;
    }

  if (selected != NULL)
    gtk_list_box_select_row (list, selected);
  else
    gtk_list_box_unselect_all (list);
}

/**
 * plateau_window_select:
 * @self: a #PlateauWindow
 * @item: (nullable): a scenario or graph of the document, or %NULL
 *
 * Selects @item in the sidebar and shows its pages.
 */
void
plateau_window_select (PlateauWindow *self,
                       GObject       *item)
{
  GListModel *model;
  guint position;

  if (!locate (self, item, &model, &position))
    item = NULL;

  g_set_object (&self->selected, item);
  select_row_of (self, self->scenario_list, PLATEAU_IS_SCENARIO (item) ? item : NULL);
  select_row_of (self, self->graph_list, PLATEAU_IS_CONCEPT_GRAPH (item) ? item : NULL);

  plateau_window_show_selected (self);
  update_item_actions (self);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  PlateauWindow *self)
{
  GObject *item = g_object_get_data (G_OBJECT (row), "item");

  if (item != self->selected)
    plateau_window_select (self, item);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_row_selected (GtkListBox    *list,
                 GtkListBoxRow *row,
                 PlateauWindow *self)
{
  GObject *item;

  if (row == NULL)
    return;

  item = g_object_get_data (G_OBJECT (row), "item");
  if (item != self->selected)
    plateau_window_select (self, item);
}

/* After scenarios or graphs were added, removed or moved, the lists have
 * made new rows: the selected item gets its row selected again. An item that
 * left the document may come back within the same edit (a move is a removal
 * and an insertion), so only where it was is noted here; the selection moves
 * to a neighbour once the edit is over (plateau_window_sidebar_reconcile()). */
static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  PlateauWindow *self)
{
  GListModel *found_model;
  guint found_position;

  if (locate (self, self->selected, &found_model, &found_position))
    {
      plateau_window_select (self, self->selected);
      return;
    }

  self->lost_model = model;
  self->lost_position = position;
}

/**
 * plateau_window_sidebar_reconcile:
 * @self: a #PlateauWindow
 *
 * Moves the selection to a neighbour if the selected item has left the
 * document.
 */
void
plateau_window_sidebar_reconcile (PlateauWindow *self)
{
  GListModel *model;
  guint position;
  guint n;
  g_autoptr (GObject) neighbour = NULL;

  if (self->document == NULL || locate (self, self->selected, &model, &position))
    return;

  model = self->lost_model != NULL ? self->lost_model
                                   : plateau_document_get_scenarios (self->document);
  n = g_list_model_get_n_items (model);
  if (n > 0)
    neighbour = g_list_model_get_item (model, MIN (self->lost_position, n - 1));
  else if (plateau_document_get_n_scenarios (self->document) > 0)
    neighbour = g_object_ref (G_OBJECT (plateau_document_get_scenario (self->document, 0)));
  else if (plateau_document_get_n_graphs (self->document) > 0)
    neighbour = g_object_ref (G_OBJECT (plateau_document_get_graph (self->document, 0)));

  self->lost_model = NULL;
  plateau_window_select (self, neighbour);
}

/**
 * plateau_window_sidebar_bind:
 * @self: a #PlateauWindow
 *
 * Fills the sidebar from the window's document and selects its first
 * scenario.
 */
void
plateau_window_sidebar_bind (PlateauWindow *self)
{
  GListModel *scenarios = NULL;
  GListModel *graphs = NULL;
  GObject *first = NULL;

  if (self->document != NULL)
    {
      scenarios = plateau_document_get_scenarios (self->document);
      graphs = plateau_document_get_graphs (self->document);
    }

  /* The lists make their rows first; the selection follows. */
  gtk_list_box_bind_model (self->scenario_list, scenarios, create_row, self, NULL);
  gtk_list_box_bind_model (self->graph_list, graphs, create_row, self, NULL);
  if (self->document != NULL)
    {
      g_signal_connect_object (scenarios, "items-changed", G_CALLBACK (on_items_changed),
                               self, 0);
      g_signal_connect_object (graphs, "items-changed", G_CALLBACK (on_items_changed), self,
                               0);
    }

  if (scenarios != NULL && g_list_model_get_n_items (scenarios) > 0)
    first = G_OBJECT (plateau_document_get_scenario (self->document, 0));
  else if (graphs != NULL && g_list_model_get_n_items (graphs) > 0)
    first = G_OBJECT (plateau_document_get_graph (self->document, 0));

  plateau_window_select (self, first);
}

static const char *
item_name (GObject *item)
{
  if (PLATEAU_IS_SCENARIO (item))
    return plateau_scenario_get_name (PLATEAU_SCENARIO (item));

  return plateau_concept_graph_get_name (PLATEAU_CONCEPT_GRAPH (item));
}

static gboolean
name_taken (PlateauWindow *self,
            GObject       *item,
            const char    *name)
{
  GListModel *model = PLATEAU_IS_SCENARIO (item)
                        ? plateau_document_get_scenarios (self->document)
                        : plateau_document_get_graphs (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) other = g_list_model_get_item (model, i);

      if (other != item && g_strcmp0 (item_name (other), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @base if no other item of the list of @kind_item has that name, else
 * @base followed by the first free number ("Scenario 2"). */
static char *
unique_name (PlateauWindow *self,
             GObject       *kind_item,
             const char    *base)
{
  char *name = g_strdup (base);

  for (guint i = 2; name_taken (self, kind_item, name); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", base, i);
    }

  return name;
}

static void
add_scenario (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PlateauWindow *self = PLATEAU_WINDOW (user_data);
  g_autoptr (PlateauScenario) scenario = plateau_scenario_new ("");
  g_autofree char *name = NULL;

  name = unique_name (self, G_OBJECT (scenario), _("Scenario"));
  plateau_scenario_set_name (scenario, name);
  plateau_edit_insert_scenario (self->stack, self->document,
                                plateau_document_get_n_scenarios (self->document), scenario,
                                _("Add Scenario"));
  plateau_window_select (self, G_OBJECT (scenario));
}

static void
add_graph (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  PlateauWindow *self = PLATEAU_WINDOW (user_data);
  g_autoptr (PlateauConceptGraph) graph = NULL;
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;

  /* Translators: the two node labels of a new concept graph */
  source = g_strdup_printf ("graph TD\n  A[%s] --> B[%s]\n", _("Investment"), _("Return"));
  graph = plateau_concept_graph_new ("", source);
  name = unique_name (self, G_OBJECT (graph), _("Concept Graph"));
  plateau_concept_graph_set_name (graph, name);
  plateau_edit_insert_graph (self->stack, self->document,
                             plateau_document_get_n_graphs (self->document), graph,
                             _("Add Concept Graph"));
  plateau_window_select (self, G_OBJECT (graph));
}

static void
duplicate_item (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PlateauWindow *self = PLATEAU_WINDOW (user_data);
  GObject *item = self->selected;
  g_autofree char *first = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GObject) copy = NULL;
  GListModel *model;
  guint position;

  if (!locate (self, item, &model, &position))
    return;

  /* Translators: the name of a copy of the scenario or graph %s */
  first = g_strdup_printf (_("%s (Copy)"), item_name (item));
  name = unique_name (self, item, first);

  if (PLATEAU_IS_SCENARIO (item))
    {
      copy = G_OBJECT (plateau_scenario_dup (PLATEAU_SCENARIO (item)));
      plateau_scenario_set_name (PLATEAU_SCENARIO (copy), name);
      plateau_edit_insert_scenario (self->stack, self->document, position + 1,
                                    PLATEAU_SCENARIO (copy), _("Duplicate Scenario"));
    }
  else
    {
      copy = G_OBJECT (plateau_concept_graph_new (
        name, plateau_concept_graph_get_source (PLATEAU_CONCEPT_GRAPH (item))));
      plateau_edit_insert_graph (self->stack, self->document, position + 1,
                                 PLATEAU_CONCEPT_GRAPH (copy), _("Duplicate Concept Graph"));
    }

  plateau_window_select (self, copy);
}

static void
delete_item (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PlateauWindow *self = PLATEAU_WINDOW (user_data);
  GObject *item = self->selected;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  GListModel *model;
  guint position;

  if (!locate (self, item, &model, &position))
    return;

  escaped = g_markup_escape_text (item_name (item), -1);
  /* Translators: the name of a deleted scenario or graph */
  title = g_strdup_printf (_("“%s” deleted"), escaped);

  if (PLATEAU_IS_SCENARIO (item))
    plateau_edit_remove_scenario (self->stack, self->document, position,
                                  _("Delete Scenario"));
  else
    plateau_edit_remove_graph (self->stack, self->document, position,
                               _("Delete Concept Graph"));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  plateau_window_add_toast (self, toast);
}

static void
move_item (PlateauWindow *self,
           int            offset)
{
  GObject *item = self->selected;
  GListModel *model;
  guint position;

  if (!locate (self, item, &model, &position))
    return;

  if ((offset < 0 && position == 0)
      || (offset > 0 && position + 1 >= g_list_model_get_n_items (model)))
    return;

  if (PLATEAU_IS_SCENARIO (item))
    plateau_edit_move_scenario (self->stack, self->document, position, position + offset,
                                _("Move Scenario"));
  else
    plateau_edit_move_graph (self->stack, self->document, position, position + offset,
                             _("Move Concept Graph"));
}

static void
move_item_up (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  move_item (PLATEAU_WINDOW (user_data), -1);
}

static void
move_item_down (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  move_item (PLATEAU_WINDOW (user_data), 1);
}

/* Renaming. */

static void
rename_to (PlateauWindow *self,
           GObject       *item,
           const char    *name)
{
  if (PLATEAU_IS_SCENARIO (item))
    {
      PlateauScenario *before = plateau_edit_begin (PLATEAU_SCENARIO (item));

      plateau_scenario_set_name (PLATEAU_SCENARIO (item), name);
      plateau_edit_end (self->stack, PLATEAU_SCENARIO (item), before, _("Rename Scenario"));
      plateau_window_show_selected (self);
    }
  else
    {
      plateau_edit_set_graph (self->stack, PLATEAU_CONCEPT_GRAPH (item), name, NULL,
                              _("Rename Concept Graph"));
      plateau_window_show_selected (self);
    }
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PlateauWindow    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GObject *item = g_object_get_data (G_OBJECT (dialog), "item");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GListModel *model;
  guint position;

  if (g_str_equal (response, "rename") && locate (self, item, &model, &position))
    rename_to (self, item, name);
}

static void
on_rename_text (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  PlateauWindow *self = PLATEAU_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GObject *item = g_object_get_data (G_OBJECT (dialog), "item");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *problem = NULL;

  if (*name == '\0')
    problem = _("A name is needed");
  else if (name_taken (self, item, name))
    problem = _("Another item of the document has this name");

  adw_message_dialog_set_response_enabled (dialog, "rename", problem == NULL);
  adw_message_dialog_set_body (dialog, problem != NULL ? problem : "");
}

static void
rename_item (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PlateauWindow *self = PLATEAU_WINDOW (user_data);
  GObject *item = self->selected;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (item == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   PLATEAU_IS_SCENARIO (item) ? _("Rename Scenario")
                                                              : _("Rename Concept Graph"),
                                   NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), item_name (item));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_text), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry item_actions[] = {
  { "add-scenario", add_scenario, NULL, NULL, NULL, { 0 } },
  { "add-graph", add_graph, NULL, NULL, NULL, { 0 } },
  { "rename-item", rename_item, NULL, NULL, NULL, { 0 } },
  { "duplicate-item", duplicate_item, NULL, NULL, NULL, { 0 } },
  { "delete-item", delete_item, NULL, NULL, NULL, { 0 } },
  { "move-item-up", move_item_up, NULL, NULL, NULL, { 0 } },
  { "move-item-down", move_item_down, NULL, NULL, NULL, { 0 } },
};

/**
 * plateau_window_sidebar_init:
 * @self: a #PlateauWindow
 *
 * Connects the sidebar's lists.
 */
void
plateau_window_sidebar_init (PlateauWindow *self)
{
  GtkListBox *lists[] = { self->scenario_list, self->graph_list };

  g_action_map_add_action_entries (G_ACTION_MAP (self), item_actions,
                                   G_N_ELEMENTS (item_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_signal_connect (lists[i], "row-activated", G_CALLBACK (on_row_activated), self);
      g_signal_connect (lists[i], "row-selected", G_CALLBACK (on_row_selected), self);
    }

  update_item_actions (self);
}
