#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Computes the reference values the model tests compare against.

Everything here is computed independently of Plateau, with numpy, scipy
and statsmodels (Debian's python3-numpy, python3-scipy,
python3-statsmodels). Run it with /usr/bin/python3 from this folder; it
rewrites reference.json. The data sets are fixed or drawn from seeded
generators, so the output only changes when the libraries do.
"""

import json
import math

import numpy as np
import statsmodels.api as sm
from scipy import optimize, stats


def logistic(x, K, r, x0):
    return K / (1.0 + np.exp(-r * (x - x0)))


def gompertz(x, K, r, x0):
    return K * np.exp(-np.exp(-r * (x - x0)))


def logistic_jac(x, K, r, x0):
    f = 1.0 / (1.0 + np.exp(-r * (x - x0)))
    return np.column_stack([f, K * f * (1 - f) * (x - x0), -K * f * (1 - f) * r])


def gompertz_jac(x, K, r, x0):
    u = np.exp(-r * (x - x0))
    g = np.exp(-u)
    return np.column_stack([g, K * g * u * (x - x0), -K * g * u * r])


CURVES = {"logistic": logistic, "gompertz": gompertz}
# Analytic Jacobians: the covariance then does not carry the error of
# finite differences, which is about 1e-6 relative.
JACOBIANS = {"logistic": logistic_jac, "gompertz": gompertz_jac}


def ols(x, y):
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    lo, hi = fit.conf_int(0.05)[1]
    return {
        "slope": fit.params[1],
        "intercept": fit.params[0],
        "r2": fit.rsquared,
        "slope_se": fit.bse[1],
        "slope_ci": [lo, hi],
        "p_value": fit.pvalues[1],
    }


def curve_fit(model, x, y):
    f = CURVES[model]
    # A start from a coarse grid search, then a tight Levenberg–Marquardt.
    best = None
    for m in (1.05, 1.2, 1.5, 2.0, 3.0):
        for r in np.linspace(0.05, 2.0, 40) / (x.max() - x.min()) * 10:
            for x0 in np.linspace(x.min(), x.max() + (x.max() - x.min()), 30):
                p = (m * y.max(), r, x0)
                with np.errstate(all="ignore"):
                    ssr = np.sum((f(x, *p) - y) ** 2)
                if np.isfinite(ssr) and (best is None or ssr < best[0]):
                    best = (ssr, p)
    popt, pcov = optimize.curve_fit(f, x, y, p0=best[1], method="lm", jac=JACOBIANS[model],
                                    xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000)
    resid = y - f(x, *popt)
    ssr = float(np.sum(resid ** 2))
    sst = float(np.sum((y - y.mean()) ** 2))
    n = len(x)
    return {
        "K": popt[0], "r": popt[1], "t0": popt[2],
        "se": list(np.sqrt(np.diag(pcov))),
        "r2": 1 - ssr / sst,
        "aic": n * math.log(ssr / n) + 2 * 3,
    }


def analyse(name, labels, investment, ret, model="logistic", basis="time", fit=True):
    I = np.array(investment, float)
    E = np.array(ret, float)
    t = np.array([float(l) for l in labels])
    roi = E / I
    out = {
        "name": name, "labels": labels, "investment": list(I), "return": list(E),
        "model": model, "basis": basis,
        "roi": list(roi),
        "cumulative_investment": list(np.cumsum(I)),
        "cumulative_return": list(np.cumsum(E)),
        "marginal_roi": [None] + list(np.diff(E) / np.diff(I)),
        "trend": ols(t, roi),
        "trailing_slope": float(np.polyfit(t[-5:], roi[-5:], 1)[0]),
    }
    positive = (I > 0) & (E > 0)
    el = ols(np.log(I[positive]), np.log(E[positive]))
    out["elasticity"] = {"a": math.exp(el["intercept"]), "b": el["slope"],
                         "b_ci": el["slope_ci"], "r2": el["r2"], "n": int(positive.sum())}
    if fit:
        x = np.cumsum(I) if basis == "cumulative-investment" else t
        y = E if basis == "cumulative-investment" else np.cumsum(E)
        out["lifecycle"] = curve_fit(model, x, y)
    return out


def analyse_long(name, investment, ret, model="logistic", basis="time"):
    """A long series, labelled by position, whose per-period figures the
    short cases already check: only its fits are kept, which on a long
    series take the subsample search and the refinement on every period."""
    out = analyse(name, [str(i) for i in range(1, len(ret) + 1)], investment, ret,
                  model=model, basis=basis)
    for key in ("labels", "roi", "cumulative_investment", "cumulative_return",
                "marginal_roi"):
        del out[key]
    return out


def noisy_curve(rng, model, K, r, x0, years, noise):
    f = CURVES[model]
    ce = f(np.array(years, float), K, r, x0)
    prev = f(np.array([years[0] - 1.0]), K, r, x0)[0]
    e = np.diff(np.concatenate([[prev], ce]))
    return list(np.round(e * (1 + rng.normal(0, noise, len(e))), 6))


def portfolio(a, b, budget):
    a = np.array(a)
    b = np.array(b)
    # Independent of bisection: maximise Σ a I^b on the simplex with SLSQP.
    res = optimize.minimize(lambda I: -np.sum(a * I ** b), np.full(len(a), budget / len(a)),
                            jac=lambda I: -a * b * I ** (b - 1),
                            constraints=[{"type": "eq", "fun": lambda I: np.sum(I) - budget,
                                          "jac": lambda I: np.ones_like(I)}],
                            bounds=[(1e-9, budget)] * len(a), method="SLSQP",
                            options={"ftol": 1e-16, "maxiter": 1000})
    return {"a": list(a), "b": list(b), "budget": budget, "optimal": list(res.x),
            "marginal": float(a[0] * b[0] * res.x[0] ** (b[0] - 1))}


def main():
    rng = np.random.default_rng(20240917)
    cases = []

    cases.append(analyse(
        "manufacturing", [str(i) for i in range(1, 20)], list(range(10, 101, 5)),
        [50, 65, 80, 95, 110, 125, 140, 155, 180, 205, 230, 255, 280, 305, 330, 355, 380,
         405, 430]))

    years = list(range(2001, 2025))
    inv = list(np.round(50 + 3 * np.arange(24) + rng.normal(0, 2, 24), 3))
    cases.append(analyse("logistic-years", [str(y) for y in years], inv,
                         noisy_curve(rng, "logistic", 1200, 0.45, 2012.5, years, 0.03)))
    cases.append(analyse("gompertz-years", [str(y) for y in years], inv,
                         noisy_curve(rng, "gompertz", 900, 0.35, 2010, years, 0.03),
                         model="gompertz"))

    inv = list(np.round(10 + rng.uniform(0, 5, 30), 4))
    ci = np.cumsum(inv)
    ret = list(np.round(logistic(ci, 40, 0.03, 180) * (1 + rng.normal(0, 0.02, 30)), 5))
    cases.append(analyse("foster-investment", [str(i) for i in range(1, 31)], inv, ret,
                         basis="cumulative-investment"))

    # Long series: a yearly logistic of 400 periods, a Gompertz of 3,000 and
    # a cumulative-investment logistic of 600, whose x is irregular.
    t = list(range(1, 401))
    cases.append(analyse_long("logistic-long", list(np.round(80 + 0.2 * np.arange(400), 3)),
                              noisy_curve(rng, "logistic", 5e5, 0.03, 220, t, 0.05)))
    t = list(range(1, 3001))
    cases.append(analyse_long("gompertz-long", list(np.round(80 + 0.02 * np.arange(3000), 3)),
                              noisy_curve(rng, "gompertz", 2e6, 0.002, 1500, t, 0.05),
                              model="gompertz"))
    inv = list(np.round(10 + rng.uniform(0, 5, 600), 4))
    ci = np.cumsum(inv)
    ret = list(np.round(logistic(ci, 40, 0.0015, 3600) * (1 + rng.normal(0, 0.02, 600)), 5))
    cases.append(analyse_long("foster-long", inv, ret, basis="cumulative-investment"))

    doc = {
        "generator": "make-reference.py",
        "tolerances": {"closed_form_relative": 1e-9, "fitted_relative": 1e-6},
        "cases": cases,
        "portfolio": portfolio([4.2, 9.0, 2.5], [0.6, 0.35, 0.8], 300.0),
        "t_quantiles": [{"df": df, "q975": stats.t.ppf(0.975, df)} for df in (1, 2, 5, 17, 100)],
    }
    with open("reference.json", "w") as f:
        json.dump(doc, f, indent=1, default=float)
        f.write("\n")


if __name__ == "__main__":
    main()
