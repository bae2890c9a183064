#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Responsiveness of the workspace: from a cell edit to the redrawn frame at
# 200 and 10,000 periods, on the Data page and on the Charts page, and the
# resident memory then. Start-up to the first frame with the sample document
# comes from bench/startup/run.py (its peer is a bare libadwaita window).
# There is no peer application for an edit: the table states the goals.
#
#   /usr/bin/python3 bench/ui/run.py [--rounds N] [--build DIR]
#
# Needs a display; without one it runs itself again under xvfb-run.

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOALS = {200: 16.0, 10000: 50.0}
MEMORY_GOAL_MIB = 150


def build(folder):
    if not os.path.exists(os.path.join(folder, "build.ninja")):
        subprocess.run(["meson", "setup", folder, TOP], check=True)
    subprocess.run(["meson", "compile", "-C", folder, "bench-ui", "plateau"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(folder, "bench", "ui", "bench-ui")


def run(exe, build_dir, periods, rounds, page, state):
    env = dict(os.environ,
               GSETTINGS_SCHEMA_DIR=os.path.join(build_dir, "data"),
               GSETTINGS_BACKEND="memory", GTK_A11Y="none", NO_AT_BRIDGE="1",
               GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"),
               XDG_STATE_HOME=state)
    out = subprocess.run([exe, str(periods), str(rounds), page], env=env, check=True,
                         capture_output=True, text=True).stdout
    line = [l for l in out.splitlines() if "periods=" in l][-1]
    return dict(pair.split("=", 1) for pair in line.split())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--build", default=os.path.join(TOP, "_build-bench"))
    args = parser.parse_args()

    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24 -noreset",
                               sys.executable] + sys.argv)

    exe = build(args.build)
    rows = []
    with tempfile.TemporaryDirectory() as state:
        for periods in (200, 10000):
            for page in ("data", "charts"):
                rows.append((periods, page, run(exe, args.build, periods, args.rounds, page,
                                                state)))

    print("| periods | page | analysis | edit handlers | frame render | edit → frame "
          "(median / p90) | edit → frame with new analysis | goal | RSS |")
    print("|---|---|---|---|---|---|---|---|---|")
    for periods, page, r in rows:
        goal = GOALS[periods]
        work = float(r["handled_median_ms"]) + float(r["render_median_ms"])
        print(f"| {periods} | {page} | {float(r['analysis_median_ms']):.1f} ms "
              f"| {float(r['handled_median_ms']):.1f} ms | {float(r['render_median_ms']):.1f} ms "
              f"| {float(r['edit_median_ms']):.1f} / {float(r['edit_p90_ms']):.1f} ms "
              f"| {float(r['analysed_median_ms']):.1f} ms "
              f"| < {goal:.0f} ms: work {work:.1f} ms = {work / goal:.2f}× "
              f"| {float(r['rss_mib']):.0f} MiB ({float(r['rss_mib']) / MEMORY_GOAL_MIB:.2f}× "
              f"of {MEMORY_GOAL_MIB}) |")
    print()
    print("edit → frame includes the wait for the frame clock's next tick "
          "(idle frame: %s ms)." % rows[0][2]["idle_frame_median_ms"])


if __name__ == "__main__":
    main()
