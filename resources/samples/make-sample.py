#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes sample.plateau, the bundled example document.

The manufacturing-automation series is the source study's data. The other
three scenarios are illustrative, with a little seeded noise, in the same
units so that the portfolio can compare all four:

- agriculture, a whole life cycle ending in decline: the investment kept
  growing while the returns faded, so its ROI falls;
- transport, past its peak and levelling off (maturity): its investment is
  the one that brings each period's return under diminishing returns to
  scale, E = a I^b with b < 1, so that money followed the returns and the
  elasticity fit recovers b;
- healthcare, an early technology whose ROI climbs but has not yet paid
  back (exploration).

The six concept graphs are the study's diagrams, read as Mermaid text from
the folder given as the first argument.

Usage: make-sample.py MMD_FOLDER
"""

import json
import math
import os
import random
import sys

UNIT = "units"
SETTINGS = {
    "exploration_end": 0.1,
    "growth_end": 0.5,
    "maturity_end": 0.9,
    "trailing_window": 5,
    "forecast_horizon": 5,
    "model": "logistic",
    "basis": "time",
    "plan": [],
}
GRAPHS = [
    ("Core concepts", "core-concepts"),
    ("Life-cycle stages", "stage-evolution"),
    ("What drives ROI", "roi-factors"),
    ("Path dependence", "path-dependence"),
    ("Growth-model shifts", "growth-model-shifts"),
    ("A technology's own cycle", "model-lifecycle"),
]

random.seed(7)


def noisy(x, amplitude):
    return x * (1 + random.uniform(-amplitude, amplitude))


def logistic(k, r, t0, t):
    return k / (1 + math.exp(-r * (t - t0)))


def period(label, investment, ret):
    return {"label": str(label), "investment": investment, "return": ret}


def manufacturing():
    investment = list(range(10, 101, 5))
    ret = [50, 65, 80, 95, 110, 125, 140, 155, 180, 205, 230, 255, 280, 305, 330, 355, 380,
           405, 430]
    return {
        "name": "Manufacturing automation",
        "notes": "Data from the source study (技术模式减弱与经济增长的挑战): investment and "
                 "return of manufacturing automation over 19 periods. The study reads it "
                 "with ROI = E / I and the growth identity G = I × ROI.",
        "periods": [period(i + 1, a, b) for i, (a, b) in enumerate(zip(investment, ret))],
    }


def power_law_life_cycle(years, k, r, t0, a, b):
    """Period returns of a logistic life cycle; each period's investment is
    the one that brings its return under E = a I^b."""
    periods = []
    previous = logistic(k, r, t0, years[0] - 1)
    for year in years:
        cumulative = logistic(k, r, t0, year)
        ret = noisy(cumulative - previous, 0.02)
        previous = cumulative
        investment = noisy((ret / a) ** (1 / b), 0.03)
        periods.append(period(year, round(investment, 2), round(ret, 2)))
    return periods


def agriculture():
    periods = []
    previous = logistic(1000, 0.35, 2011, 1999)
    for k, year in enumerate(range(2000, 2025)):
        cumulative = logistic(1000, 0.35, 2011, year)
        ret = noisy(cumulative - previous, 0.03)
        previous = cumulative
        investment = noisy(12 + 0.8 * k, 0.03)
        periods.append(period(year, round(investment, 1), round(ret, 1)))
    return {
        "name": "Precision agriculture (illustrative)",
        "notes": "Illustrative figures, not data from the study. A technology through its "
                 "whole life cycle: returns rose, peaked around 2011 and have faded while the "
                 "investment kept growing; the expected stage now is decline.",
        "periods": periods,
    }


def transport():
    return {
        "name": "Autonomous freight transport (illustrative)",
        "notes": "Illustrative figures, not data from the study. Returns have passed their "
                 "peak and level off towards a ceiling; the expected stage now is maturity.",
        "periods": power_law_life_cycle(range(2010, 2025), 800, 0.45, 2020, 6, 0.6),
    }


def healthcare():
    periods = []
    for k, year in enumerate(range(2015, 2025)):
        investment = 2 + 1.6 * k
        roi = 0.08 + 0.075 * k
        periods.append(period(year, round(investment, 1), round(noisy(investment * roi, 0.01), 2)))
    return {
        "name": "AI-assisted diagnosis in healthcare (illustrative)",
        "notes": "Illustrative figures, not data from the study. Returns improve quickly but "
                 "the money invested has not yet paid for itself; the expected stage now is "
                 "exploration.",
        "periods": periods,
    }


def main():
    folder = sys.argv[1]
    doc = {"format": "plateau", "version": 1, "scenarios": [], "graphs": []}

    for scenario in (manufacturing(), agriculture(), transport(), healthcare()):
        doc["scenarios"].append({"name": scenario["name"], "unit": UNIT,
                                 "notes": scenario["notes"], "settings": SETTINGS,
                                 "periods": scenario["periods"]})

    for name, file in GRAPHS:
        with open(os.path.join(folder, file + ".mmd"), encoding="utf-8") as f:
            doc["graphs"].append({"name": name, "source": f.read()})

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample.plateau")
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
