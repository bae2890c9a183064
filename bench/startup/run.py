#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Start-up time of Plateau: from exec to the first frame of its window, over
# repeated runs, with the Cairo and the GL renderer. The CPU time of each run
# is reported beside it, since on a busy machine the wall time mostly
# measures the other processes. The peer is the smallest
# libadwaita window (baseline.c, built here), so the ratio is what Plateau
# adds on top of GTK and libadwaita themselves.
#
#   /usr/bin/python3 bench/startup/run.py [--runs N] [--build DIR]
#
# Needs a display; without one it runs itself again under xvfb-run.

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOAL_MS = 300


def build_plateau(build):
    if not os.path.exists(os.path.join(build, "build.ninja")):
        subprocess.run(["meson", "setup", build, TOP], check=True)
    subprocess.run(["meson", "compile", "-C", build], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(build, "src", "app", "plateau")


def build_baseline(folder):
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libadwaita-1"],
                           check=True, capture_output=True, text=True).stdout.split()
    exe = os.path.join(folder, "baseline")
    subprocess.run(["gcc", "-O2", "-o", exe,
                    os.path.join(TOP, "bench", "startup", "baseline.c")] + flags,
                   check=True)
    return exe


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_frame_ms(exe, env):
    """Wall time from exec to the first frame, and the CPU time of the whole
    run (which a busy machine does not inflate)."""
    cpu = cpu_seconds()
    start = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
    result = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=60)
    cpu = (cpu_seconds() - cpu) * 1000.0
    for line in result.stdout.splitlines():
        if line.startswith("first-frame "):
            return (int(line.split()[1]) - start) / 1000.0, cpu
    sys.exit(f"{exe} printed no first frame (status {result.returncode}):\n"
             f"{result.stderr}")


def measure(exes, env, runs, warmup=2):
    """Alternates the programs run by run, so that both see the same load."""
    times = {exe: [] for exe in exes}
    for i in range(warmup + runs):
        for exe in exes:
            t = first_frame_ms(exe, env)
            if i >= warmup:
                times[exe].append(t)
    return [times[exe] for exe in exes]


def describe(samples):
    times = [wall for wall, _ in samples]
    q = statistics.quantiles(times, n=4)
    return {
        "median": statistics.median(times),
        "iqr": q[2] - q[0],
        "min": min(times),
        "max": max(times),
        "cpu": statistics.median(cpu for _, cpu in samples),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--build", default=os.path.join(TOP, "_build-bench"))
    args = parser.parse_args()

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24 -noreset",
                               sys.executable] + sys.argv)

    plateau = build_plateau(os.path.abspath(args.build))
    with tempfile.TemporaryDirectory() as work:
        baseline = build_baseline(work)
        env = dict(os.environ,
                   PLATEAU_EXIT_AFTER_FIRST_FRAME="1",
                   GSETTINGS_BACKEND="memory",
                   GSETTINGS_SCHEMA_DIR=os.path.join(os.path.abspath(args.build), "data"),
                   GTK_A11Y="none",
                   NO_AT_BRIDGE="1",
                   XDG_CONFIG_HOME=os.path.join(work, "config"))
        rows = []
        for renderer in ("cairo", "gl"):
            env["GSK_RENDERER"] = renderer
            ours, peer = measure([plateau, baseline], env, args.runs)
            rows.append((renderer, describe(ours), describe(peer)))

    load = os.getloadavg()[0]
    print(f"exec → first frame, {args.runs} runs each after 2 warm-up runs, "
          f"alternating; {os.cpu_count()} CPUs, load average {load:.1f}; milliseconds")
    print()
    print("| renderer | Plateau median | IQR | min–max | CPU | baseline median | IQR "
          "| CPU | ratio (wall) | ratio (CPU) | goal < 300 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for renderer, ours, peer in rows:
        print(f"| {renderer} | {ours['median']:.0f} | {ours['iqr']:.0f} "
              f"| {ours['min']:.0f}–{ours['max']:.0f} | {ours['cpu']:.0f} "
              f"| {peer['median']:.0f} | {peer['iqr']:.0f} | {peer['cpu']:.0f} "
              f"| {ours['median'] / peer['median']:.2f} "
              f"| {ours['cpu'] / peer['cpu']:.2f} "
              f"| {'met' if ours['median'] < GOAL_MS else 'missed'} |")


if __name__ == "__main__":
    main()
