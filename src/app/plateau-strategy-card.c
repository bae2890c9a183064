/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * PlateauStrategyCard: one step of the strategy, with its number, title and
 * question, the evidence of the analysis as a list of sentences, and the
 * analyst's notes beside it. The card only shows; the Strategy page fills
 * it and turns the typing into edits.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "plateau-strategy-card.h"

struct _PlateauStrategyCard
{
  GtkWidget parent_instance;

  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkLabel *question_label;
  GtkBox *evidence_box;
  GtkTextView *notes_view;
  GtkWidget *placeholder;

  guint number;
  char *evidence;
};

G_DEFINE_FINAL_TYPE (PlateauStrategyCard, plateau_strategy_card, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_number (PlateauStrategyCard *self,
            guint                number)
{
  g_autofree char *text = NULL;

  if (self->number == number)
    return;

  self->number = number;
  text = g_strdup_printf ("%u", number);
  gtk_label_set_label (self->number_label, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

/* The five note fields share the heading "Your Notes"; the title tells
 * them apart for screen readers. */
static void
set_title (PlateauStrategyCard *self,
           const char          *title)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (gtk_label_get_label (self->title_label), title) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  /* TRANSLATORS: the title of a strategy step */
  label = g_strdup_printf (_("Notes on “%s”"), title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_question (PlateauStrategyCard *self,
              const char          *question)
{
  if (g_strcmp0 (gtk_label_get_label (self->question_label), question) == 0)
    return;

  gtk_label_set_label (self->question_label, question);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

static void
plateau_strategy_card_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlateauStrategyCard *self = PLATEAU_STRATEGY_CARD (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;

    case PROP_QUESTION:
      g_value_set_string (value, gtk_label_get_label (self->question_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_strategy_card_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlateauStrategyCard *self = PLATEAU_STRATEGY_CARD (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      set_number (self, g_value_get_uint (value));
      break;

    case PROP_TITLE:
      set_title (self, g_value_get_string (value));
      break;

    case PROP_QUESTION:
      set_question (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_strategy_card_dispose (GObject *object)
{
  PlateauStrategyCard *self = PLATEAU_STRATEGY_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_STRATEGY_CARD);
  /* The template's root is not bound, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_strategy_card_parent_class)->dispose (object);
}

static void
plateau_strategy_card_finalize (GObject *object)
{
  PlateauStrategyCard *self = PLATEAU_STRATEGY_CARD (object);

  g_free (self->evidence);

  G_OBJECT_CLASS (plateau_strategy_card_parent_class)->finalize (object);
}

static void
plateau_strategy_card_class_init (PlateauStrategyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = plateau_strategy_card_get_property;
  object_class->set_property = plateau_strategy_card_set_property;
  object_class->dispose = plateau_strategy_card_dispose;
  object_class->finalize = plateau_strategy_card_finalize;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_QUESTION] = g_param_spec_string ("question", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/plateau/Plateau/ui/plateau-strategy-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauStrategyCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauStrategyCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauStrategyCard, question_label);
  gtk_widget_class_bind_template_child (widget_class, PlateauStrategyCard, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, PlateauStrategyCard, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlateauStrategyCard, placeholder);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "strategycard");
}

static void
update_placeholder (PlateauStrategyCard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  gtk_widget_set_visible (self->placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
plateau_strategy_card_init (PlateauStrategyCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (update_placeholder), self, G_CONNECT_SWAPPED);
}

static GtkWidget *
sentence_row (const char *sentence)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *label = gtk_label_new (sentence);

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_add_css_class (bullet, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), label);

  return row;
}

/**
 * plateau_strategy_card_set_evidence:
 * @self: a strategy card
 * @sentences: (array zero-terminated=1): what the analysis says about the step
 *
 * Shows @sentences as a list.
 */
void
plateau_strategy_card_set_evidence (PlateauStrategyCard *self,
                                    const char *const   *sentences)
{
  g_autofree char *joined = NULL;
  GtkWidget *child;

  g_return_if_fail (PLATEAU_IS_STRATEGY_CARD (self));
  g_return_if_fail (sentences != NULL);

  /* Most edits leave a step's evidence as it was; keep its layout then. */
  joined = g_strjoinv ("\n", (char **) sentences);
  if (g_strcmp0 (joined, self->evidence) == 0)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_box))) != NULL)
    gtk_box_remove (self->evidence_box, child);
  for (guint i = 0; sentences[i] != NULL; i++)
    gtk_box_append (self->evidence_box, sentence_row (sentences[i]));

  g_free (self->evidence);
  self->evidence = g_steal_pointer (&joined);
}

/**
 * plateau_strategy_card_get_evidence:
 * @self: a strategy card
 *
 * Returns: (nullable): the sentences shown, one a line, or %NULL before any
 */
const char *
plateau_strategy_card_get_evidence (PlateauStrategyCard *self)
{
  g_return_val_if_fail (PLATEAU_IS_STRATEGY_CARD (self), NULL);

  return self->evidence;
}

/**
 * plateau_strategy_card_get_buffer:
 * @self: a strategy card
 *
 * Returns: (transfer none): the buffer of the notes field
 */
GtkTextBuffer *
plateau_strategy_card_get_buffer (PlateauStrategyCard *self)
{
  g_return_val_if_fail (PLATEAU_IS_STRATEGY_CARD (self), NULL);

  return gtk_text_view_get_buffer (self->notes_view);
}

/**
 * plateau_strategy_card_get_notes_view:
 * @self: a strategy card
 *
 * Returns: (transfer none): the notes field
 */
GtkTextView *
plateau_strategy_card_get_notes_view (PlateauStrategyCard *self)
{
  g_return_val_if_fail (PLATEAU_IS_STRATEGY_CARD (self), NULL);

  return self->notes_view;
}
