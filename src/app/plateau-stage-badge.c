/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauStageBadge: the current life-cycle stage of the scenario on screen,
 * as a coloured pill in the header bar. Its popover says how confident the
 * stage is, how it was found and, when the confidence is low, why.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-stage-badge.h"

struct _PlateauStageBadge
{
  GtkWidget parent_instance;

  GtkMenuButton *button;
  GtkImage *icon;
  GtkLabel *label;
  GtkLabel *detail_stage;
  GtkLabel *detail_confidence;
  GtkLabel *detail_reason;
};

G_DEFINE_FINAL_TYPE (PlateauStageBadge, plateau_stage_badge, GTK_TYPE_WIDGET)

static const char *const stage_classes[] = {
  "stage-unknown", "stage-exploration", "stage-growth", "stage-maturity", "stage-decline",
};

static void
plateau_stage_badge_dispose (GObject *object)
{
  PlateauStageBadge *self = PLATEAU_STAGE_BADGE (object);

  g_clear_pointer ((GtkWidget **) &self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (plateau_stage_badge_parent_class)->dispose (object);
}

static void
plateau_stage_badge_class_init (PlateauStageBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_stage_badge_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stagebadge");
}

static GtkLabel *
add_detail (GtkBox     *box,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

static GtkWidget *
build_popover (PlateauStageBadge *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->detail_stage = add_detail (GTK_BOX (box), "title-4");
  self->detail_confidence = add_detail (GTK_BOX (box), NULL);
  self->detail_reason = add_detail (GTK_BOX (box), "dim-label");

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
plateau_stage_badge_init (PlateauStageBadge *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, box);
  gtk_menu_button_set_popover (self->button, build_popover (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "stage-badge");
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  plateau_stage_badge_set_analysis (self, NULL);
}

/* Each analysis of an edit reaches the badge; most leave the stage as it
 * was, and a style change or a tooltip (which makes GTK query the tooltip
 * under the pointer) would cost part of the frame for nothing. */
static void
set_stage_class (PlateauStageBadge *self,
                 PlateauStage       stage)
{
  GtkWidget *button = GTK_WIDGET (self->button);

  for (guint i = 0; i < G_N_ELEMENTS (stage_classes); i++)
    if (i != (guint) stage && gtk_widget_has_css_class (button, stage_classes[i]))
      gtk_widget_remove_css_class (button, stage_classes[i]);

  if ((guint) stage < G_N_ELEMENTS (stage_classes)
      && !gtk_widget_has_css_class (button, stage_classes[stage]))
    gtk_widget_add_css_class (button, stage_classes[stage]);
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
show_assessment (PlateauStageBadge            *self,
                 const PlateauStageAssessment *stage)
{
  const char *stage_name = plateau_stage_get_display_name (stage->stage);
  const char *confidence = plateau_confidence_get_display_name (stage->confidence);
  gboolean low = stage->confidence == PLATEAU_CONFIDENCE_LOW;
  g_autofree char *confidence_text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (self->label, stage_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), low);
  set_stage_class (self, stage->stage);

  /* The display name says what it is ("Low confidence"): a "Confidence:"
   * prefix would repeat the word. */
  confidence_text = g_strdup (confidence);
  gtk_label_set_text (self->detail_stage, stage_name);
  gtk_label_set_text (self->detail_confidence, confidence_text);
  gtk_label_set_text (self->detail_reason, stage->reason != NULL ? stage->reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_reason), stage->reason != NULL);

  tooltip = stage->reason != NULL && low
              ? g_strdup_printf ("%s — %s", confidence_text, stage->reason)
              : g_strdup (confidence_text);
  set_tooltip (GTK_WIDGET (self->button), tooltip);
}

/**
 * plateau_stage_badge_set_analysis:
 * @self: a #PlateauStageBadge
 * @analysis: (nullable): the analysis to show, or %NULL to hide the badge
 *
 * Shows the current stage of @analysis.
 */
void
plateau_stage_badge_set_analysis (PlateauStageBadge *self,
                                  PlateauAnalysis   *analysis)
{
  g_return_if_fail (PLATEAU_IS_STAGE_BADGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self), analysis != NULL);
  if (analysis == NULL)
    return;

  show_assessment (self, plateau_analysis_get_current_stage (analysis));
}

/**
 * plateau_stage_badge_get_text:
 * @self: a #PlateauStageBadge
 *
 * Returns: the stage name the badge shows
 */
const char *
plateau_stage_badge_get_text (PlateauStageBadge *self)
{
  g_return_val_if_fail (PLATEAU_IS_STAGE_BADGE (self), NULL);

  return gtk_label_get_text (self->label);
}
