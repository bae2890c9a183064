/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The analysis charts of a scenario, one at a time: ROI over time, return
 * against investment (optionally on logarithmic axes) and the life-cycle
 * S-curve, each with the key figure it supports written out beneath.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "plateau-analysis-charts.h"
#include "plateau-charts-page.h"
#include "plateau-format.h"

struct _PlateauChartsPage
{
  GtkWidget parent_instance;

  PlateauChartView *chart_view;
  GtkCheckButton *log_check;
  GtkLabel *caption;
  GtkLabel *detail;

  PlateauAnalysis *analysis;
  char *kind;
  gboolean log_scale;
};

enum
{
  PROP_0,
  PROP_KIND,
  PROP_LOG_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PlateauChartsPage, plateau_charts_page, GTK_TYPE_WIDGET)

static const char *const kinds[] = { "roi", "returns", "scurve" };

static gboolean
kind_is_valid (const char *kind)
{
  return kind != NULL && g_strv_contains (kinds, kind);
}

static char *
value_text (const PlateauValue *value)
{
  return plateau_value_is_present (value) ? plateau_format_amount (value->value) : g_strdup ("—");
}

static char *
roi_caption (const PlateauAnalysis *analysis)
{
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);
  g_autofree char *slope = NULL;

  if (trend->status != PLATEAU_FIT_OK)
    return g_strdup_printf (_("No ROI trend: %s"), trend->reason);

  slope = value_text (&trend->slope);
  return g_strdup_printf (_("ROI trend: %s per period"), slope);
}

static char *
roi_detail (const PlateauAnalysis *analysis)
{
  const PlateauTrend *trend = plateau_analysis_get_trend (analysis);
  g_autofree char *lo = NULL, *hi = NULL, *r2 = NULL, *p = NULL, *recent = NULL;

  if (trend->status != PLATEAU_FIT_OK)
    return g_strdup ("");

  lo = value_text (&trend->slope_ci_lo);
  hi = value_text (&trend->slope_ci_hi);
  r2 = value_text (&trend->r2);
  p = plateau_value_is_present (&trend->p_value)
      ? g_strdup_printf ("%.3g", trend->p_value.value) : g_strdup ("—");
  recent = value_text (&trend->trailing_slope);
  /* TRANSLATORS: interval, R², p-value, window, recent slope */
  return g_strdup_printf (_("95 %% interval %s to %s · R² %s · p-value %s · "
                            "last %u periods: %s per period"),
                          lo, hi, r2, p, trend->trailing_window, recent);
}

static const char *
verdict_text (PlateauReturnsVerdict verdict)
{
  switch (verdict)
    {
    case PLATEAU_RETURNS_DIMINISHING:
      return _("diminishing returns to scale");
    case PLATEAU_RETURNS_CONSTANT:
      return _("constant returns to scale");
    case PLATEAU_RETURNS_INCREASING:
      return _("increasing returns to scale");
    case PLATEAU_RETURNS_UNKNOWN:
    default:
      return _("returns to scale not determined");
    }
}

static char *
returns_caption (const PlateauAnalysis *analysis)
{
  const PlateauElasticity *e = plateau_analysis_get_elasticity (analysis);
  g_autofree char *b = NULL;

  if (e->status != PLATEAU_FIT_OK)
    return g_strdup_printf (_("No elasticity: %s"), e->reason);

  b = value_text (&e->b);
  /* TRANSLATORS: b, then a verdict such as "diminishing returns to scale" */
  return g_strdup_printf (_("Elasticity b = %s: %s"), b, verdict_text (e->verdict));
}

static char *
returns_detail (const PlateauAnalysis *analysis)
{
  const PlateauElasticity *e = plateau_analysis_get_elasticity (analysis);
  g_autofree char *lo = NULL, *hi = NULL, *r2 = NULL;

  if (e->status != PLATEAU_FIT_OK)
    return g_strdup ("");

  lo = value_text (&e->b_ci_lo);
  hi = value_text (&e->b_ci_hi);
  r2 = value_text (&e->r2);
  return g_strdup_printf (_("95 %% interval %s to %s · R² %s · %u periods with I > 0 and E > 0"),
                          lo, hi, r2, e->n);
}

static char *
scurve_caption (const PlateauAnalysis *analysis)
{
  const PlateauStageAssessment *stage = plateau_analysis_get_current_stage (analysis);

  /* TRANSLATORS: a stage, then a confidence such as "Low confidence" */
  return g_strdup_printf (_("Stage: %s (%s)"),
                          plateau_stage_get_display_name (stage->stage),
                          plateau_confidence_get_display_name (stage->confidence));
}

/* The fit behind the stage, and why the stage is uncertain when it is. */
static char *
scurve_detail (const PlateauAnalysis *analysis)
{
  const PlateauLifecycle *life = plateau_analysis_get_lifecycle (analysis);
  const PlateauStageAssessment *stage = plateau_analysis_get_current_stage (analysis);
  const char *unit = plateau_analysis_get_unit (analysis);
  g_autofree char *t0 = NULL, *k = NULL, *r2 = NULL, *fit = NULL;

  /* The stage's reason already says why the S-curve cannot be trusted. */
  if (stage->confidence == PLATEAU_CONFIDENCE_LOW && stage->reason != NULL)
    return g_strdup (stage->reason);
  if (life->status != PLATEAU_FIT_OK)
    return g_strdup_printf (_("No S-curve: %s"), life->reason);

  t0 = life->basis == PLATEAU_BASIS_TIME ? plateau_format_time (life->t0.value)
                                          : value_text (&life->t0);
  k = value_text (&life->K);
  r2 = value_text (&life->r2);
  /* TRANSLATORS: ceiling, unit, inflection, R² */
  fit = g_strdup_printf (_("Ceiling K = %s %s · inflection at %s · R² %s"),
                         k, unit != NULL ? unit : "", t0, r2);
  return g_steal_pointer (&fit);
}

static void
refresh (PlateauChartsPage *self)
{
  PlateauChart *chart;
  g_autofree char *caption = NULL;
  g_autofree char *detail = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->log_check), g_str_equal (self->kind, "returns"));
  if (self->analysis == NULL)
    {
      plateau_chart_view_set_chart (self->chart_view, NULL);
      gtk_label_set_label (self->caption, "");
      gtk_label_set_label (self->detail, "");
      return;
    }

  if (g_str_equal (self->kind, "returns"))
    {
      chart = plateau_chart_new_returns (self->analysis, self->log_scale);
      caption = returns_caption (self->analysis);
      detail = returns_detail (self->analysis);
    }
  else if (g_str_equal (self->kind, "scurve"))
    {
      chart = plateau_chart_new_scurve (self->analysis);
      caption = scurve_caption (self->analysis);
      detail = scurve_detail (self->analysis);
    }
  else
    {
      chart = plateau_chart_new_roi (self->analysis);
      caption = roi_caption (self->analysis);
      detail = roi_detail (self->analysis);
    }

  plateau_chart_view_set_chart (self->chart_view, chart);
  gtk_label_set_label (self->caption, caption);
  gtk_label_set_label (self->detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), *detail != '\0');
}

static void
plateau_charts_page_dispose (GObject *object)
{
  PlateauChartsPage *self = PLATEAU_CHARTS_PAGE (object);
  GtkWidget *child;

  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATEAU_TYPE_CHARTS_PAGE);
  /* The template's root is not bound, so it is not cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plateau_charts_page_parent_class)->dispose (object);
}

static void
plateau_charts_page_finalize (GObject *object)
{
  g_free (PLATEAU_CHARTS_PAGE (object)->kind);

  G_OBJECT_CLASS (plateau_charts_page_parent_class)->finalize (object);
}

static void
plateau_charts_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlateauChartsPage *self = PLATEAU_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_LOG_SCALE:
      g_value_set_boolean (value, self->log_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_charts_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlateauChartsPage *self = PLATEAU_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      plateau_charts_page_set_kind (self, g_value_get_string (value));
      break;

    case PROP_LOG_SCALE:
      plateau_charts_page_set_log_scale (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plateau_charts_page_class_init (PlateauChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = plateau_charts_page_dispose;
  object_class->finalize = plateau_charts_page_finalize;
  object_class->get_property = plateau_charts_page_get_property;
  object_class->set_property = plateau_charts_page_set_property;

  /**
   * PlateauChartsPage:kind:
   *
   * The chart shown: "roi", "returns" or "scurve".
   */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "roi", flags);

  /**
   * PlateauChartsPage:log-scale:
   *
   * Whether the return-versus-investment chart uses logarithmic axes.
   */
  properties[PROP_LOG_SCALE] = g_param_spec_boolean ("log-scale", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLATEAU_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/plateau/Plateau/ui/plateau-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlateauChartsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, PlateauChartsPage, log_check);
  gtk_widget_class_bind_template_child (widget_class, PlateauChartsPage, caption);
  gtk_widget_class_bind_template_child (widget_class, PlateauChartsPage, detail);
  gtk_widget_class_install_property_action (widget_class, "charts.kind", "kind");
  gtk_widget_class_install_property_action (widget_class, "charts.log-scale", "log-scale");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plateau_charts_page_init (PlateauChartsPage *self)
{
  self->kind = g_strdup ("roi");
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

/**
 * plateau_charts_page_new:
 *
 * Returns: (transfer full): a new charts page showing nothing yet
 */
GtkWidget *
plateau_charts_page_new (void)
{
  return g_object_new (PLATEAU_TYPE_CHARTS_PAGE, NULL);
}

/**
 * plateau_charts_page_set_analysis:
 * @self: a charts page
 * @analysis: (nullable): the analysis to chart
 *
 * Redraws the chart shown and its key figure from @analysis.
 */
void
plateau_charts_page_set_analysis (PlateauChartsPage *self,
                                  PlateauAnalysis   *analysis)
{
  g_return_if_fail (PLATEAU_IS_CHARTS_PAGE (self));

  if (self->analysis == analysis)
    return;

  g_clear_pointer (&self->analysis, plateau_analysis_unref);
  if (analysis != NULL)
    self->analysis = plateau_analysis_ref (analysis);
  refresh (self);
}

/**
 * plateau_charts_page_get_kind:
 * @self: a charts page
 *
 * Returns: the chart shown: "roi", "returns" or "scurve"
 */
const char *
plateau_charts_page_get_kind (PlateauChartsPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_CHARTS_PAGE (self), NULL);

  return self->kind;
}

/**
 * plateau_charts_page_set_kind:
 * @self: a charts page
 * @kind: "roi", "returns" or "scurve"
 *
 * Shows another chart; the action charts.kind does the same.
 */
void
plateau_charts_page_set_kind (PlateauChartsPage *self,
                              const char        *kind)
{
  g_return_if_fail (PLATEAU_IS_CHARTS_PAGE (self));
  g_return_if_fail (kind_is_valid (kind));

  if (g_strcmp0 (self->kind, kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * plateau_charts_page_get_log_scale:
 * @self: a charts page
 *
 * Returns: whether return versus investment uses logarithmic axes
 */
gboolean
plateau_charts_page_get_log_scale (PlateauChartsPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_CHARTS_PAGE (self), FALSE);

  return self->log_scale;
}

/**
 * plateau_charts_page_set_log_scale:
 * @self: a charts page
 * @log_scale: whether to use logarithmic axes
 *
 * Switches the axes of the return-versus-investment chart.
 */
void
plateau_charts_page_set_log_scale (PlateauChartsPage *self,
                                   gboolean           log_scale)
{
  g_return_if_fail (PLATEAU_IS_CHARTS_PAGE (self));

  log_scale = !!log_scale;
  if (self->log_scale == log_scale)
    return;

  self->log_scale = log_scale;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_SCALE]);
}

/**
 * plateau_charts_page_get_chart_view:
 * @self: a charts page
 *
 * Returns: (transfer none): the chart view, an exportable
 */
PlateauChartView *
plateau_charts_page_get_chart_view (PlateauChartsPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_CHARTS_PAGE (self), NULL);

  return self->chart_view;
}

/**
 * plateau_charts_page_get_caption:
 * @self: a charts page
 *
 * Returns: the key figure under the chart
 */
const char *
plateau_charts_page_get_caption (PlateauChartsPage *self)
{
  g_return_val_if_fail (PLATEAU_IS_CHARTS_PAGE (self), NULL);

  return gtk_label_get_label (self->caption);
}
