#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The peer of chart-bench: matplotlib draws the same chart (a line of N
# points over a 95 % band, a dashed trend, three stage bands, a legend) at
# 1920x1080 with every point passed in, and prints the milliseconds from
# data in memory to a written file (after one warm-up drawing), and the
# file's size. matplotlib keeps its default path simplification.
#
#   bench-matplotlib.py N png|svg|pdf OUT
#   bench-matplotlib.py N screen        (draws the Agg canvas, best of 9)

import io
import math
import os
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

MASK = (1 << 64) - 1


def make_data(n):
    """The same deterministic series as chart-bench.c (64-bit LCG noise)."""
    state = 12345
    noise = np.empty(n)
    for i in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        noise[i] = (state >> 11) / 9007199254740992.0 - 0.5
    u = np.arange(n) / (n - 1)
    x = 2000 + 24 * u
    trend = 2.4 - 1.6 * u
    y = trend + 0.25 * np.sin(u * 40) + 0.3 * noise
    return x, y, trend, trend - 0.45 - 0.15 * u, trend + 0.45 + 0.15 * u


def draw(x, y, trend, lo, hi):
    fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
    for start, end, colour, label in ((2000, 2008, "#009E73", "Growth"),
                                      (2008, 2018, "#E69F00", "Maturity"),
                                      (2018, 2024, "#D55E00", "Decline")):
        ax.axvspan(start, end, color=colour, alpha=0.12, lw=0)
        ax.text((start + end) / 2, 1.01, label, transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", color=colour)
    ax.fill_between(x, lo, hi, color="#D55E00", alpha=0.2, lw=0, label="95 % band")
    ax.plot(x, y, color="#0072B2", lw=2, label="ROI")
    ax.plot(x, trend, color="#D55E00", lw=2, ls="--", label="Trend")
    ax.set_xlim(2000, 2024)
    ax.set_xlabel("Year")
    ax.set_ylabel("Return on investment")
    ax.set_title("Return on investment, 2000–2024\n"
                 "Every observation, with the trend and its 95 % band", loc="left")
    ax.legend(loc="upper right")
    ax.grid(axis="y", color="#E4E8ED")
    return fig


def warm_up(fmt):
    """Loads fonts and backends once, as chart-bench does."""
    fig = draw(*make_data(100))
    fig.savefig(io.BytesIO(), format="png" if fmt == "screen" else fmt)
    plt.close(fig)


def main():
    n = int(sys.argv[1])
    data = make_data(max(n, 2))
    warm_up(sys.argv[2])
    if sys.argv[2] == "screen":
        best = math.inf
        fig = draw(*data)
        for _ in range(9):
            start = time.perf_counter()
            fig.canvas.draw()
            best = min(best, (time.perf_counter() - start) * 1000)
        print(f"{best:.2f}")
        return
    out = sys.argv[3]
    start = time.perf_counter()
    fig = draw(*data)
    fig.savefig(out, format=sys.argv[2])
    elapsed = (time.perf_counter() - start) * 1000
    plt.close(fig)
    print(f"{elapsed:.2f} {os.path.getsize(out)}")


if __name__ == "__main__":
    main()
