#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The same analysis as plateau_analysis_new() in numpy, scipy and
statsmodels: per-period figures, the OLS ROI trend with its interval and
p-value, the trailing slope, returns to scale, a Levenberg–Marquardt
logistic fit from Fisher–Pry starts with its covariance, stages, and a
1,000-draw parametric bootstrap forecast of 5 periods.

Usage: peer.py N REPEATS; prints N, repeats, median seconds, max RSS (KB),
current stage.
"""

import resource
import sys
import time

import numpy as np
import statsmodels.api as sm
from scipy import optimize


def make_series(n):
    t = np.arange(1, n + 1, dtype=float)
    K, r, t0 = 1e6, 8.0 / n, 0.6 * n
    ce = K / (1 + np.exp(-r * (t - t0)))
    e = np.diff(np.concatenate([[0.0], ce])) * (1 + 0.03 * np.sin(1.7 * t))
    i = 100 + 0.5 * t + 10 * np.sin(0.3 * t)
    return t, i, e


def logistic(x, K, r, x0):
    return K / (1 + np.exp(-r * (x - x0)))


def logistic_jac(x, K, r, x0):
    f = 1 / (1 + np.exp(-r * (x - x0)))
    return np.column_stack([f, K * f * (1 - f) * (x - x0), -K * f * (1 - f) * r])


def ols(x, y):
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    return fit.params, fit.bse, fit.conf_int(0.05), fit.pvalues, fit.rsquared, fit.cov_params()


def fisher_pry_start(x, y):
    best = None
    for m in (1.02, 1.05, 1.1, 1.2, 1.35, 1.5, 2, 3, 5, 10):
        K = m * y.max()
        f = y / K
        ok = (f > 1e-9) & (f < 1 - 1e-9)
        if ok.sum() < 2:
            continue
        slope, intercept = np.polyfit(x[ok], np.log(f[ok] / (1 - f[ok])), 1)
        if slope <= 0:
            continue
        p = (K, slope, -intercept / slope)
        ssr = np.sum((logistic(x, *p) - y) ** 2)
        if best is None or ssr < best[0]:
            best = (ssr, p)
    return best[1]


def analyse(t, inv, ret):
    roi = ret / inv
    ci = np.cumsum(inv)
    ce = np.cumsum(ret)
    marginal = np.concatenate([[np.nan], np.diff(ret) / np.diff(inv)])
    trend = ols(t, roi)
    trailing = np.polyfit(t[-5:], roi[-5:], 1)[0]
    positive = (inv > 0) & (ret > 0)
    elasticity = ols(np.log(inv[positive]), np.log(ret[positive]))
    smoothed = elasticity[0][1] * roi

    xs = (t - t.min()) / (t.max() - t.min())
    scale = np.abs(ce).max()
    p0 = fisher_pry_start(xs, ce / scale)
    popt, pcov = optimize.curve_fit(logistic, xs, ce / scale, p0=p0, jac=logistic_jac,
                                    method="lm", xtol=1e-12, gtol=1e-12)
    factor = np.array([scale, 1 / (t.max() - t.min()), t.max() - t.min()])
    K, r, x0 = popt * factor + np.array([0, 0, t.min()])
    cov = pcov * np.outer(factor, factor)
    fitted = logistic(t, K, r, x0)
    saturation = fitted / K
    stages = np.digitize(saturation, [0.1, 0.5, 0.9])

    rng = np.random.default_rng(20240917)
    tf = t[-1] + np.arange(1, 6)
    draws = rng.multivariate_normal([K, r, x0], cov, 1000)
    curve = draws[:, :1] / (1 + np.exp(-draws[:, 1:2] * (np.concatenate([[t[-1]], tf]) - draws[:, 2:3])))
    period = np.diff(curve, axis=1)
    lo, hi = np.percentile(period, [2.5, 97.5], axis=0)
    return ["exploration", "growth", "maturity", "decline"][stages[-1]], lo, hi, marginal, ci, smoothed, trailing, trend


def main():
    n = int(sys.argv[1])
    repeats = int(sys.argv[2])
    t, inv, ret = make_series(n)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        stage = analyse(t, inv, ret)[0]
        times.append(time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(n, repeats, f"{np.median(times):.9f}", rss, stage)


if __name__ == "__main__":
    main()
