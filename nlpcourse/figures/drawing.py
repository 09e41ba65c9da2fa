"""What the course's box-and-arrow diagrams share: colours, an empty canvas, boxes and arrows.

Coordinates are data units on a 10 x 10 canvas per panel. Each lab's module in this package draws its own figures
with these.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

BLUE, ORANGE, GREEN, GREY, RED = "#dbe9f6", "#fde2c8", "#d9f0d3", "#eeeeee", "#f8d0d0"
INK = "#333333"


def canvas(width: float, height: float, ncols: int = 1) -> tuple[Figure, list[Axes]]:
    """A figure of ``ncols`` empty 10 x 10 panels side by side, axes hidden."""
    fig, axes = plt.subplots(1, ncols, figsize=(width, height))
    axes = list(np.atleast_1d(axes))
    for ax in axes:
        ax.set_axis_off()
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
    return fig, axes


def box(ax: Axes, x: float, y: float, w: float, h: float, text: str, color: str = BLUE, size: float = 10,
        align: str = "center") -> None:
    """A rounded box centred on (x, y); ``align="left"`` sets its text flush left."""
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.15",
                                facecolor=color, edgecolor=INK, linewidth=1))
    left = align == "left"
    ax.text(x - w / 2 + 0.15 if left else x, y, text, ha=align, va="center", fontsize=size)


def arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], label: str = "", *, color: str = INK,
          width: float = 1.2, rad: float = 0.0, style: str = "-", at: float = 0.5,
          offset: tuple[float, float] = (0.1, 0.0), ha: str = "left", va: str = "baseline") -> None:
    """An arrow from start to end; its label sits at the fraction ``at`` of the way, moved by ``offset``."""
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "lw": width, "color": color,
                                                      "linestyle": style, "connectionstyle": f"arc3,rad={rad}",
                                                      "shrinkA": 2, "shrinkB": 2})
    if label:
        x, y = start[0] + at * (end[0] - start[0]), start[1] + at * (end[1] - start[1])
        ax.text(x + offset[0], y + offset[1], label, ha=ha, va=va, fontsize=9, color=color)
