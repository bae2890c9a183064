/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The strategy of a scenario: the five steps of the response to weakening
 * returns, each with the evidence of the analysis beside the analyst's
 * notes. The evidence is rewritten from every new analysis; step 4 also
 * weighs the scenario against the other scenarios of its document. Notes
 * become one undoable edit per pause in typing, as the Data page's do.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "plateau-edit.h"
#include "plateau-strategy-card.h"
#include "plateau-strategy-evidence.h"
#include "plateau-strategy-page.h"

#define NOTES_PAUSE_MS 700

struct _PlateauStrategyPage
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  PlateauStrategyCard *cards[PLATEAU_STRATEGY_N_STEPS];

  PlateauScenario *scenario;
  PlateauCommandStack *stack;
  gulong changed_handler;
  PlateauAnalysis *analysis;

  /* The document's scenarios for the budget split of step 4: the analysis
   * of each, NULL in the place of the scenario shown; analysed again when
   * the evidence is next written after the document or the scenario
   * changed, so that a page out of sight costs nothing. */
  PlateauDocument *document;
  GPtrArray *others;
  gboolean others_stale;

  guint notes_timeout;
  /* Set while the notes fields are filled from the scenario. */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (PlateauStrategyPage, plateau_strategy_page, GTK_TYPE_WIDGET)

static const char *const card_names[] = {
  "stage_card", "innovation_card", "applications_card", "investment_card", "long_term_card",
};

static void
free_analysis (gpointer analysis)
{
  if (analysis != NULL)
    plateau_analysis_unref (analysis);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Notes. */

static void
refresh_notes (PlateauStrategyPage *self)
{
  /* Rewriting a field while the analyst types in it would move the cursor;
   * what is typed is committed before any undo, so it is never stale. */
  if (self->scenario == NULL || self->notes_timeout != 0)
    return;

  self->updating = TRUE;
  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    {
      GtkTextBuffer *buffer = plateau_strategy_card_get_buffer (self->cards[step]);
      const char *note = plateau_scenario_get_strategy_note (self->scenario, step);
      g_autofree char *shown = buffer_text (buffer);

      if (g_strcmp0 (shown, note) != 0)
        gtk_text_buffer_set_text (buffer, note, -1);
    }
  self->updating = FALSE;
}

static void
commit_now (PlateauStrategyPage *self)
{
  PlateauScenario *before;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->scenario == NULL)
    return;

  before = plateau_edit_begin (self->scenario);
  plateau_scenario_begin_batch (self->scenario);
  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    {
      g_autofree char *text = buffer_text (plateau_strategy_card_get_buffer (self->cards[step]));

      plateau_scenario_set_strategy_note (self->scenario, step, text);
    }
  plateau_scenario_end_batch (self->scenario);
  plateau_edit_end (self->stack, self->scenario, before, _("Edit Strategy Notes"));
}

/**
 * plateau_strategy_page_commit_notes:
 * @self: a strategy page
 *
 * Takes the notes typed since the last pause as one edit of the scenario,
 * before the history or the file is used.
 */
void
plateau_strategy_page_commit_notes (PlateauStrategyPage *self)
{
  g_return_if_fail (PLATEAU_IS_STRATEGY_PAGE (self));

  /* Only typing schedules a commit; without it the notes are the model's. */
  if (self->notes_timeout != 0)
    commit_now (self);
}

static gboolean
on_notes_pause (gpointer data)
{
  PlateauStrategyPage *self = data;

  self->notes_timeout = 0;
  commit_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (PlateauStrategyPage *self)
{
  if (self->updating || self->scenario == NULL)
    return;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_PAUSE_MS, on_notes_pause, self);
}

/* Evidence. */

/* The budget split of the document with the scenario shown, from its
 * latest analysis and those of the others. */
static PlateauPortfolio *
split_document (PlateauStrategyPage  *self,
                PlateauStrategySplit *split,
                GError              **error)
{
  g_autoptr (GPtrArray) analyses = g_ptr_array_new ();
  gboolean found = FALSE;

  for (guint i = 0; i < self->others->len; i++)
    {
      PlateauAnalysis *other = g_ptr_array_index (self->others, i);

      if (other == NULL)
        {
          split->entry = i;
          found = TRUE;
        }
      g_ptr_array_add (analyses, other != NULL ? other : self->analysis);
    }

  split->n_scenarios = analyses->len;
  if (!found || analyses->len < 2)
    return NULL;

  return plateau_portfolio_new ((PlateauAnalysis *const *) analyses->pdata, analyses->len, 0,
                                error);
}

static void analyse_others (PlateauStrategyPage *self);

static char *
describe_split (PlateauStrategyPage *self)
{
  PlateauStrategySplit split = { NULL, 0, 0, NULL };
  g_autoptr (PlateauPortfolio) portfolio = NULL;
  g_autoptr (GError) error = NULL;

  if (self->document == NULL)
    return NULL;
  if (self->others_stale)
    analyse_others (self);

  portfolio = split_document (self, &split, &error);
  split.portfolio = portfolio;
  split.reason = error != NULL ? error->message : NULL;

  return plateau_strategy_describe_split (self->analysis, &split);
}

static void
show_evidence (PlateauStrategyPage *self,
               PlateauStrategyStep  step)
{
  g_auto (GStrv) sentences = plateau_strategy_evidence_new (self->analysis, step);
  g_autofree char *split = NULL;

  if (step == PLATEAU_STRATEGY_INVESTMENT && plateau_analysis_get_n_periods (self->analysis) > 0
      && (split = describe_split (self)) != NULL)
    {
      guint n = g_strv_length (sentences);

      sentences = g_renew (char *, sentences, n + 2);
      sentences[n] = g_steal_pointer (&split);
      sentences[n + 1] = NULL;
    }

  plateau_strategy_card_set_evidence (self->cards[step], (const char *const *) sentences);
}

static void
update_evidence (PlateauStrategyPage *self)
{
  g_autofree char *title = NULL;

  if (self->analysis == NULL)
    return;

  /* TRANSLATORS: the name of a scenario */
  title = g_strdup_printf (_("Strategy for “%s”"), plateau_analysis_get_name (self->analysis));
  gtk_label_set_label (self->title_label, title);

  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    show_evidence (self, step);
}

/* Analyses the other scenarios of the document; the one shown has its
 * analysis from the view, kept up to date with every edit. */
static void
analyse_others (PlateauStrategyPage *self)
{
  guint n = self->document != NULL ? plateau_document_get_n_scenarios (self->document) : 0;

  self->others_stale = FALSE;
  g_ptr_array_set_size (self->others, 0);
  for (guint i = 0; i < n; i++)
    {
      PlateauScenario *scenario = plateau_document_get_scenario (self->document, i);

      g_ptr_array_add (self->others,
                       scenario == self->scenario ? NULL : plateau_analysis_new (scenario));
    }
}

/* The widget. */

static void
plateau_strategy_page_dispose (GObject *object)
{
  PlateauStrategyPage *self = PLATEAU_STRATEGY_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->scenario != NULL)
    g_clear_signal_handler (&self->changed_handler, self->scenario);
  g_clear_object (&self->scenario);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_STRATEGY_PAGE);
  /* The template's root is not bound, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_strategy_page_parent_class)->dispose (object);
}

static void
plateau_strategy_page_class_init (PlateauStrategyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_STATIC_ASSERT (G_N_ELEMENTS (card_names) == PLATEAU_STRATEGY_N_STEPS);

  object_class->dispose = plateau_strategy_page_dispose;

  g_type_ensure (PLATEAU_TYPE_STRATEGY_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/plateau/Plateau/ui/plateau-strategy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauStrategyPage, title_label);
  for (guint i = 0; i < PLATEAU_STRATEGY_N_STEPS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, card_names[i], FALSE,
                                               G_STRUCT_OFFSET (PlateauStrategyPage, cards)
                                               + i * sizeof (gpointer));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plateau_strategy_page_init (PlateauStrategyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->others = g_ptr_array_new_with_free_func (free_analysis);

  for (PlateauStrategyStep step = 0; step < PLATEAU_STRATEGY_N_STEPS; step++)
    g_signal_connect_object (plateau_strategy_card_get_buffer (self->cards[step]), "changed",
                             G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}

/**
 * plateau_strategy_page_new:
 *
 * Returns: (transfer full): a new strategy page showing nothing yet
 */
GtkWidget *
plateau_strategy_page_new (void)
{
  return g_object_new (PLATEAU_TYPE_STRATEGY_PAGE, NULL);
}

/**
 * plateau_strategy_page_set_scenario:
 * @self: a strategy page
 * @scenario: (nullable): the scenario whose notes to show
 * @stack: (nullable): the history the notes' edits go to; required with
 *   @scenario
 *
 * Shows the strategy notes of @scenario; notes typed into the page become
 * edits of it. Notes typed for the scenario shown before are kept first.
 * The evidence follows with the scenario's analysis.
 */
void
plateau_strategy_page_set_scenario (PlateauStrategyPage *self,
                                    PlateauScenario     *scenario,
                                    PlateauCommandStack *stack)
{
  g_return_if_fail (PLATEAU_IS_STRATEGY_PAGE (self));
  g_return_if_fail (scenario == NULL || PLATEAU_IS_COMMAND_STACK (stack));

  if (self->scenario == scenario && self->stack == stack)
    return;

  plateau_strategy_page_commit_notes (self);
  if (self->scenario != NULL)
    g_clear_signal_handler (&self->changed_handler, self->scenario);

  g_set_object (&self->scenario, scenario);
  g_set_object (&self->stack, stack);
  if (scenario != NULL)
    self->changed_handler = g_signal_connect_object (scenario, "changed",
                                                     G_CALLBACK (refresh_notes), self,
                                                     G_CONNECT_SWAPPED);

  refresh_notes (self);
  self->others_stale = TRUE;
}

/**
 * plateau_strategy_page_set_analysis:
 * @self: a strategy page
 * @analysis: (nullable): the latest analysis of the scenario shown
 *
 * Rewrites the evidence of every step from @analysis.
 */
void
plateau_strategy_page_set_analysis (PlateauStrategyPage *self,
                                    PlateauAnalysis     *analysis)
{
  g_return_if_fail (PLATEAU_IS_STRATEGY_PAGE (self));

  if (self->analysis == analysis)
    return;

  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  if (analysis != NULL)
    self->analysis = plateau_analysis_ref (analysis);

  update_evidence (self);
}

/**
 * plateau_strategy_page_set_document:
 * @self: a strategy page
 * @document: (nullable): the document of the scenario shown
 *
 * Analyses the other scenarios of @document, as they are now, and weighs
 * the scenario shown against them in step 4. Call it again after the
 * document changes.
 */
void
plateau_strategy_page_set_document (PlateauStrategyPage *self,
                                    PlateauDocument     *document)
{
  g_return_if_fail (PLATEAU_IS_STRATEGY_PAGE (self));
  g_return_if_fail (document == NULL || PLATEAU_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->others_stale = TRUE;
  update_evidence (self);
}

/**
 * plateau_strategy_page_get_card:
 * @self: a strategy page
 * @step: a step of the strategy
 *
 * Returns: (transfer none): the card of @step
 */
PlateauStrategyCard *
plateau_strategy_page_get_card (PlateauStrategyPage *self,
                                PlateauStrategyStep  step)
{
  g_return_val_if_fail (PLATEAU_IS_STRATEGY_PAGE (self), NULL);
  g_return_val_if_fail (step < PLATEAU_STRATEGY_N_STEPS, NULL);

  return self->cards[step];
}

/**
 * plateau_strategy_page_get_evidence:
 * @self: a strategy page
 * @step: a step of the strategy
 *
 * Returns: (nullable): the evidence shown for @step, one sentence a line
 */
const char *
plateau_strategy_page_get_evidence (PlateauStrategyPage *self,
                                    PlateauStrategyStep  step)
{
  g_return_val_if_fail (PLATEAU_IS_STRATEGY_PAGE (self), NULL);
  g_return_val_if_fail (step < PLATEAU_STRATEGY_N_STEPS, NULL);

  return plateau_strategy_card_get_evidence (self->cards[step]);
}
