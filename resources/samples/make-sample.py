#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes sample.plateau, the bundled example document.

The manufacturing-automation series is the source study's data. The other
three scenarios are illustrative, with a little seeded noise: two logistic
life cycles (one past its peak, one in decline) and an early technology
whose ROI climbs but has not yet paid back, so that between them they show
every life-cycle stage. The six concept graphs are the study's diagrams,
read as Mermaid text from the folder given as the first argument.

Usage: make-sample.py MMD_FOLDER
"""

import json
import math
import os
import random
import sys

random.seed(7)
def logistic(K,r,t0,t): return K/(1+math.exp(-r*(t-t0)))
def noisy(x, amp=0.02): return x*(1+random.uniform(-amp,amp))
sc=[]
I=list(range(10,101,5)); E=[50,65,80,95,110,125,140,155,180,205,230,255,280,305,330,355,380,405,430]
sc.append(dict(name="Manufacturing automation", unit="units",
  notes="Data from the source study (技术模式减弱与经济增长的挑战): investment and return of "
        "manufacturing automation over 19 periods. The study reads it with ROI = E / I and the "
        "growth identity G = I × ROI.",
  periods=[dict(label=str(i+1), investment=a, ret=b) for i,(a,b) in enumerate(zip(I,E))]))
# Agriculture: a full life cycle, ending in decline
ag=[]; prev=logistic(1000,0.6,2010,1999)
for y in range(2000,2025):
    ce=logistic(1000,0.6,2010,y); e=ce-prev; prev=ce
    inv=round(noisy(20+10*math.exp(-((y-2009)/6)**2)),1)
    ag.append(dict(label=str(y), investment=inv, ret=round(noisy(e,0.03),1)))
sc.append(dict(name="Precision agriculture (illustrative)", unit="million EUR",
  notes="Illustrative figures, not data from the study. A technology through its whole life "
        "cycle: returns rose, peaked around 2010 and have faded; the expected stage now is decline.",
  periods=ag))
tr=[]; prev=logistic(800,0.45,2020,2004)
for y in range(2005,2025):
    ce=logistic(800,0.45,2020,y); e=ce-prev; prev=ce
    inv=round(noisy(30+1.5*(y-2005)),1)
    tr.append(dict(label=str(y), investment=inv, ret=round(noisy(e,0.01),1)))
sc.append(dict(name="Autonomous freight transport (illustrative)", unit="million EUR",
  notes="Illustrative figures, not data from the study. Returns have passed their peak and "
        "level off towards a ceiling; the expected stage now is maturity.",
  periods=tr))
hc=[]
for k,y in enumerate(range(2015,2025)):
    inv=2+1.6*k; roi=0.08+0.075*k
    hc.append(dict(label=str(y), investment=round(inv,1), ret=round(noisy(inv*roi,0.01),2)))
sc.append(dict(name="AI-assisted diagnosis in healthcare (illustrative)", unit="million EUR",
  notes="Illustrative figures, not data from the study. Returns improve quickly but the money "
        "invested has not yet paid for itself; the expected stage now is exploration.",
  periods=hc))
graphs=[("Core concepts","core-concepts"),("Life-cycle stages","stage-evolution"),("What drives ROI","roi-factors"),
        ("Path dependence","path-dependence"),("Growth-model shifts","growth-model-shifts"),("A technology's own cycle","model-lifecycle")]
doc={"format":"plateau","version":1,"scenarios":[],"graphs":[]}
for s in sc:
    doc["scenarios"].append({"name":s["name"],"unit":s["unit"],"notes":s["notes"],
      "settings":{"exploration_end":0.1,"growth_end":0.5,"maturity_end":0.9,"trailing_window":5,"forecast_horizon":5,"model":"logistic","basis":"time","plan":[]},
      "periods":[{"label":p["label"],"investment":p["investment"],"return":p["ret"]} for p in s["periods"]]})
for n,f in graphs:
    doc["graphs"].append({"name":n,"source":open(os.path.join(sys.argv[1], f + ".mmd"), encoding="utf-8").read()})
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample.plateau"), "w", encoding="utf-8").write(json.dumps(doc,ensure_ascii=False,indent=2)+"\n")
