/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlateauScenarioView: the pages of one scenario in a view stack, Data
 * first, and the scenario's live analysis. Every change of the scenario
 * recomputes the analysis: small scenarios at once, so that the pages redraw
 * in the frame of the edit; large ones in a worker thread on a copy, one run
 * at a time, the latest edit winning, so typing never waits for the maths.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plateau-charts-page.h"
#include "plateau-forecast-page.h"
#include "plateau-portfolio-page.h"
#include "plateau-scenario-view.h"
#include "plateau-strategy-page.h"

struct _PlateauScenarioView
{
  GtkWidget parent_instance;

  AdwViewStack *stack;
  PlateauDataPage *data_page;
  PlateauChartsPage *charts_page;
  PlateauForecastPage *forecast_page;
  PlateauPortfolioPage *portfolio_page;
  PlateauStrategyPage *strategy_page;

  /* The portfolio and the strategy compare the scenarios of the document:
   * each is brought up to date when it is shown, and after edits while it
   * is shown. */
  PlateauDocument *document;
  gulong document_handler;
  guint document_idle;

  PlateauScenario *scenario;
  PlateauCommandStack *history;
  gulong changed_handler;
  PlateauAnalysis *analysis;

  /* Threaded analysis: the edit generation, the one being computed, and
   * whether a newer edit waits for the running task to end. */
  guint64 generation;
  gboolean running;
  gboolean rerun;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PlateauScenarioView, plateau_scenario_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void compute (PlateauScenarioView *self);

/* Only the page on screen gets each new analysis, so that an edit pays for
 * the page the analyst looks at; a page gets the latest one when it is
 * shown. */
static void ensure_page (PlateauScenarioView *self,
                         const char          *name);

static void
hand_to_visible_page (PlateauScenarioView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  GtkWidget *page;

  if (name == NULL)
    return;

  ensure_page (self, name);
  page = plateau_scenario_view_get_page (self, name);

  if (page == NULL)
    return;
  if (page == GTK_WIDGET (self->data_page))
    plateau_data_page_set_analysis (self->data_page, self->analysis);
  else if (page == GTK_WIDGET (self->charts_page))
    plateau_charts_page_set_analysis (self->charts_page, self->analysis);
  else if (page == GTK_WIDGET (self->forecast_page))
    plateau_forecast_page_set_analysis (self->forecast_page, self->analysis);
  else if (page == GTK_WIDGET (self->strategy_page))
    plateau_strategy_page_set_analysis (self->strategy_page, self->analysis);
}

static void
set_analysis (PlateauScenarioView *self,
              PlateauAnalysis     *analysis)
{
  if (self->analysis == analysis)
    return;

  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  if (analysis != NULL)
    self->analysis = plateau_analysis_ref (analysis);

  hand_to_visible_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static void
analyse_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PlateauScenario *copy = task_data;

  g_task_return_pointer (task, plateau_analysis_new (copy),
                         (GDestroyNotify) plateau_analysis_unref);
}

static void
on_analysed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlateauScenarioView *self = PLATEAU_SCENARIO_VIEW (source);
  g_autoptr (PlateauAnalysis) analysis = g_task_propagate_pointer (G_TASK (result), NULL);

  self->running = FALSE;
  if (analysis == NULL)
    return;

  if (self->rerun)
    {
      self->rerun = FALSE;
      compute (self);
    }

  set_analysis (self, analysis);
}

static void
compute_in_thread (PlateauScenarioView *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->running)
    {
      self->rerun = TRUE;
      return;
    }

  self->running = TRUE;
  task = g_task_new (self, self->cancellable, on_analysed, NULL);
  g_task_set_task_data (task, plateau_scenario_dup (self->scenario), g_object_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, analyse_in_thread);
}

static void
compute (PlateauScenarioView *self)
{
  g_autoptr (PlateauAnalysis) analysis = NULL;

  if (self->scenario == NULL)
    {
      set_analysis (self, NULL);
      return;
    }

  if (plateau_scenario_get_n_periods (self->scenario) > PLATEAU_SCENARIO_VIEW_SYNC_LIMIT)
    {
      compute_in_thread (self);
      return;
    }

  analysis = plateau_analysis_new (self->scenario);
  set_analysis (self, analysis);
}

static void
on_scenario_changed (PlateauScenarioView *self)
{
  self->generation++;
  compute (self);
}

static void
plateau_scenario_view_dispose (GObject *object)
{
  PlateauScenarioView *self = PLATEAU_SCENARIO_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->document_idle, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_handler, self->document);
  g_clear_object (&self->document);
  if (self->scenario != NULL)
    g_clear_signal_handler (&self->changed_handler, self->scenario);
  g_clear_object (&self->scenario);
  g_clear_object (&self->history);
  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_SCENARIO_VIEW);

  /* The template's top box is not a bound child; it goes here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_scenario_view_parent_class)->dispose (object);
}

static void
plateau_scenario_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlateauScenarioView *self = PLATEAU_SCENARIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_boxed (value, self->analysis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_scenario_view_class_init (PlateauScenarioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plateau_scenario_view_dispose;
  object_class->get_property = plateau_scenario_view_get_property;

  /**
   * PlateauScenarioView:analysis:
   *
   * The analysis of the scenario as it is now; notified after every
   * recomputation. Pages that show it connect to its notification.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_boxed ("analysis", NULL, NULL, PLATEAU_TYPE_ANALYSIS,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLATEAU_TYPE_DATA_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/plateau/Plateau/ui/"
                                               "plateau-scenario-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauScenarioView, stack);
  gtk_widget_class_bind_template_child (widget_class, PlateauScenarioView, data_page);
}

static gboolean
visible_page_is (PlateauScenarioView *self,
                 const char          *name)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), name) == 0;
}

static gboolean
update_document_page (gpointer data)
{
  PlateauScenarioView *self = data;

  self->document_idle = 0;
  if (visible_page_is (self, "portfolio"))
    {
      ensure_page (self, "portfolio");
      plateau_portfolio_page_set_document (self->portfolio_page, self->document);
    }
  else if (visible_page_is (self, "strategy"))
    {
      ensure_page (self, "strategy");
      plateau_strategy_page_set_document (self->strategy_page, self->document);
    }

  return G_SOURCE_REMOVE;
}

/* Coalesces the document's changes of one main loop turn into one update
 * of the page that compares scenarios, if one is on screen. */
static void
schedule_document_page (PlateauScenarioView *self)
{
  if (self->document_idle != 0 || self->document == NULL)
    return;

  if (visible_page_is (self, "portfolio") || visible_page_is (self, "strategy"))
    self->document_idle = g_idle_add (update_document_page, self);
}

/* The pages beyond Data are made when first shown, so that start-up and
 * the Data page do not pay for charts nobody looked at yet. */
static void
add_page (PlateauScenarioView *self,
          const char          *name,
          const char          *title,
          const char          *icon)
{
  AdwViewStackPage *stack_page;

  stack_page = adw_view_stack_add_titled (self->stack, adw_bin_new (), name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon);
}

static void
ensure_page (PlateauScenarioView *self,
             const char          *name)
{
  AdwBin *bin;

  if (g_str_equal (name, "charts") && self->charts_page == NULL)
    {
      self->charts_page = PLATEAU_CHARTS_PAGE (plateau_charts_page_new ());
      bin = ADW_BIN (adw_view_stack_get_child_by_name (self->stack, name));
      adw_bin_set_child (bin, GTK_WIDGET (self->charts_page));
    }
  else if (g_str_equal (name, "forecast") && self->forecast_page == NULL)
    {
      self->forecast_page = PLATEAU_FORECAST_PAGE (plateau_forecast_page_new ());
      bin = ADW_BIN (adw_view_stack_get_child_by_name (self->stack, name));
      adw_bin_set_child (bin, GTK_WIDGET (self->forecast_page));
    }
  else if (g_str_equal (name, "portfolio") && self->portfolio_page == NULL)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      /* The comparison is wide; it scrolls rather than widen the window. */
      self->portfolio_page = PLATEAU_PORTFOLIO_PAGE (plateau_portfolio_page_new ());
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                     GTK_WIDGET (self->portfolio_page));
      bin = ADW_BIN (adw_view_stack_get_child_by_name (self->stack, name));
      adw_bin_set_child (bin, scroller);
    }
  else if (g_str_equal (name, "strategy") && self->strategy_page == NULL)
    {
      self->strategy_page = PLATEAU_STRATEGY_PAGE (plateau_strategy_page_new ());
      plateau_strategy_page_set_scenario (self->strategy_page, self->scenario, self->history);
      plateau_strategy_page_set_document (self->strategy_page, self->document);
      bin = ADW_BIN (adw_view_stack_get_child_by_name (self->stack, name));
      adw_bin_set_child (bin, GTK_WIDGET (self->strategy_page));
    }
}

static void
plateau_scenario_view_init (PlateauScenarioView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  add_page (self, "charts", _("Charts"), "x-office-presentation-symbolic");
  add_page (self, "forecast", _("Forecast"), "preferences-system-time-symbolic");
  add_page (self, "portfolio", _("Portfolio"), "view-grid-symbolic");
  add_page (self, "strategy", _("Strategy"), "emoji-flags-symbolic");

  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (hand_to_visible_page), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (schedule_document_page), self);
}

/**
 * plateau_scenario_view_set_document:
 * @self: a #PlateauScenarioView
 * @document: (nullable): the document the scenarios belong to
 *
 * Sets the document whose scenarios the Portfolio and Strategy pages
 * compare.
 */
void
plateau_scenario_view_set_document (PlateauScenarioView *self,
                                    PlateauDocument     *document)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO_VIEW (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->document_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->document_handler = g_signal_connect_object (document, "changed",
                                                      G_CALLBACK (schedule_document_page), self,
                                                      G_CONNECT_SWAPPED);

  if (self->portfolio_page != NULL)
    plateau_portfolio_page_set_document (self->portfolio_page, NULL);
  if (self->strategy_page != NULL)
    plateau_strategy_page_set_document (self->strategy_page, NULL);
  schedule_document_page (self);
}

/**
 * plateau_scenario_view_get_page:
 * @self: a #PlateauScenarioView
 * @name: "data", "charts", "forecast", "portfolio" or "strategy"
 *
 * Returns: (transfer none) (nullable): the page of that name, or %NULL
 *   for a page not shown yet (pages are made when first shown)
 */
GtkWidget *
plateau_scenario_view_get_page (PlateauScenarioView *self,
                                const char          *name)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO_VIEW (self), NULL);

  if (g_strcmp0 (name, "data") == 0)
    return GTK_WIDGET (self->data_page);
  if (g_strcmp0 (name, "charts") == 0)
    return GTK_WIDGET (self->charts_page);
  if (g_strcmp0 (name, "forecast") == 0)
    return GTK_WIDGET (self->forecast_page);
  if (g_strcmp0 (name, "portfolio") == 0)
    return GTK_WIDGET (self->portfolio_page);
  if (g_strcmp0 (name, "strategy") == 0)
    return GTK_WIDGET (self->strategy_page);

  return NULL;
}

/**
 * plateau_scenario_view_set_scenario:
 * @self: a #PlateauScenarioView
 * @scenario: (nullable): the scenario to show
 * @stack: (nullable): the history its edits go to; required with @scenario
 *
 * Shows @scenario and analyses it now and after each of its changes.
 */
void
plateau_scenario_view_set_scenario (PlateauScenarioView *self,
                                    PlateauScenario     *scenario,
                                    PlateauCommandStack *stack)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO_VIEW (self));
  g_return_if_fail (scenario == NULL || PLATEAU_IS_COMMAND_STACK (stack));

  if (self->scenario == scenario && self->history == stack)
    return;

  if (self->scenario != NULL)
    g_clear_signal_handler (&self->changed_handler, self->scenario);
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->history, stack);
  if (scenario != NULL)
    self->changed_handler = g_signal_connect_object (scenario, "changed",
                                                     G_CALLBACK (on_scenario_changed), self,
                                                     G_CONNECT_SWAPPED);

  plateau_data_page_set_scenario (self->data_page, scenario, stack);
  if (self->strategy_page != NULL)
    plateau_strategy_page_set_scenario (self->strategy_page, scenario, stack);
  on_scenario_changed (self);
}

/**
 * plateau_scenario_view_commit_typing:
 * @self: a #PlateauScenarioView
 *
 * Records the notes typed into the pages since the last pause as edits,
 * so that undo, save and the question about unsaved changes include them.
 */
void
plateau_scenario_view_commit_typing (PlateauScenarioView *self)
{
  g_return_if_fail (PLATEAU_IS_SCENARIO_VIEW (self));

  plateau_data_page_commit_notes (self->data_page);
  if (self->strategy_page != NULL)
    plateau_strategy_page_commit_notes (self->strategy_page);
}

/**
 * plateau_scenario_view_get_scenario:
 * @self: a #PlateauScenarioView
 *
 * Returns: (transfer none) (nullable): the scenario shown
 */
PlateauScenario *
plateau_scenario_view_get_scenario (PlateauScenarioView *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO_VIEW (self), NULL);

  return self->scenario;
}

/**
 * plateau_scenario_view_get_analysis:
 * @self: a #PlateauScenarioView
 *
 * Returns: (transfer none) (nullable): the latest analysis of the scenario
 */
PlateauAnalysis *
plateau_scenario_view_get_analysis (PlateauScenarioView *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO_VIEW (self), NULL);

  return self->analysis;
}

/**
 * plateau_scenario_view_get_stack:
 * @self: a #PlateauScenarioView
 *
 * Gets the view stack of the scenario's pages, to add pages to or to bind a
 * view switcher to.
 *
 * Returns: (transfer none): the stack
 */
AdwViewStack *
plateau_scenario_view_get_stack (PlateauScenarioView *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO_VIEW (self), NULL);

  return self->stack;
}

/**
 * plateau_scenario_view_get_data_page:
 * @self: a #PlateauScenarioView
 *
 * Returns: (transfer none): the Data page
 */
PlateauDataPage *
plateau_scenario_view_get_data_page (PlateauScenarioView *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO_VIEW (self), NULL);

  return self->data_page;
}

/**
 * plateau_scenario_view_is_busy:
 * @self: a #PlateauScenarioView
 *
 * Returns: whether an analysis is being computed in a worker thread
 */
gboolean
plateau_scenario_view_is_busy (PlateauScenarioView *self)
{
  g_return_val_if_fail (PLATEAU_IS_SCENARIO_VIEW (self), FALSE);

  return self->running;
}
