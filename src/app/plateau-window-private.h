/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plateau-command-stack.h"
#include "plateau-document.h"
#include "plateau-scenario-view.h"
#include "plateau-stage-badge.h"
#include "plateau-window.h"

G_BEGIN_DECLS

typedef void (*PlateauWindowContinuation) (PlateauWindow *self,
                                           gpointer       data);

struct _PlateauWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children. */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  GtkMenuButton *primary_menu_button;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  AdwWindowTitle *document_title;
  AdwViewSwitcherTitle *switcher_title;
  GtkListBox *scenario_list;
  GtkListBox *graph_list;
  GtkStack *content_stack;
  PlateauScenarioView *scenario_view;
  AdwBin *graph_slot;
  PlateauStageBadge *stage_badge;
  GtkWidget *graph_page;
  GMenu *recent_submenu;

  /* The open document, where it is saved (NULL until it is), its history. */
  PlateauDocument *document;
  GFile *file;
  /* The name shown while the document has no file; NULL for "Untitled". */
  char *untitled_name;
  PlateauCommandStack *stack;
  gulong stack_handler;
  gulong document_handler;
  /* A document restored after a crash differs from its file from the start. */
  gboolean restored;

  /* What is selected in the sidebar: a scenario or a graph. */
  GObject *selected;
  /* Where the selected item was when it left the document. */
  GListModel *lost_model;
  guint lost_position;

  /* Autosave of unsaved work to the state folder. */
  char *autosave_path;
  guint autosave_timeout;

  /* The graph in the editor and its source when last recorded. */
  PlateauConceptGraph *edited_graph;
  char *graph_source;
  gulong graph_handler;
  guint graph_timeout;
  /* Set while undo or redo run, whose changes are in the history already. */
  gboolean replaying;

  /* What to do once the unsaved-changes question is settled. */
  PlateauWindowContinuation pending;
  gpointer pending_data;
  GDestroyNotify pending_destroy;
  gboolean close_confirmed;
};

/* plateau-window.c */
void     plateau_window_update_title        (PlateauWindow *self);
char    *plateau_window_dup_display_name    (PlateauWindow *self);
void     plateau_window_show_error          (PlateauWindow *self,
                                             const char    *heading,
                                             const GError  *error);
void     plateau_window_show_selected       (PlateauWindow *self);

/* plateau-window-document.c */
void     plateau_window_document_init       (PlateauWindow *self);
void     plateau_window_document_dispose    (PlateauWindow *self);
gboolean plateau_window_is_modified         (PlateauWindow *self);
void     plateau_window_confirm_discard     (PlateauWindow            *self,
                                             PlateauWindowContinuation then,
                                             gpointer                  data,
                                             GDestroyNotify            destroy);
void     plateau_window_forget_autosave     (PlateauWindow *self);

/* plateau-window-sidebar.c */
void     plateau_window_sidebar_init        (PlateauWindow *self);
void     plateau_window_sidebar_bind        (PlateauWindow *self);
void     plateau_window_select              (PlateauWindow *self,
                                             GObject       *item);
void     plateau_window_sidebar_reconcile   (PlateauWindow *self);

/* plateau-window-views.c */
void     plateau_window_views_init          (PlateauWindow       *self);
void     plateau_window_views_dispose       (PlateauWindow       *self);
void     plateau_window_commit_graph        (PlateauWindow       *self);
void     plateau_window_commit_typing       (PlateauWindow       *self);
void     plateau_window_edit_graph          (PlateauWindow       *self,
                                             PlateauConceptGraph *graph);
void     plateau_window_update_export_actions (PlateauWindow     *self);

G_END_DECLS
