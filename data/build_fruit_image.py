"""Draw Lab 07's bundled image for the multimodal prompt: an apple, a banana and grapes, no text.

    python data/build_fruit_image.py      # writes data/images/fruits.png (about 20 KB)

The slides' few-shot example is "사과 -> 빨강, 바나나 -> 노랑, 포도 -> ?"; the lab asks a vision model
which fruits the picture shows and what colour each one is.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, Ellipse, Polygon, Wedge  # noqa: E402

OUT = Path(__file__).resolve().parent / "images" / "fruits.png"


def draw() -> plt.Figure:
    fig, ax = plt.subplots(figsize=(5.2, 3.2), dpi=80)
    ax.set_xlim(0, 13)
    ax.set_ylim(0, 8)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.patch.set_facecolor("#fbf7ef")
    ax.add_patch(Ellipse((6.5, 1.3), 12.5, 1.6, color="#e6dccb"))  # the table
    # apple: red body, stem, leaf
    ax.add_patch(Circle((2.3, 3.3), 1.6, color="#d62828"))
    ax.add_patch(Circle((1.7, 3.9), 0.35, color="#f28b82"))  # highlight
    ax.plot([2.3, 2.45], [4.8, 5.6], color="#6b4226", lw=4, solid_capstyle="round")
    ax.add_patch(Ellipse((2.95, 5.35), 1.0, 0.45, angle=25, color="#2d8a34"))
    # banana: a thick yellow crescent with brown tips
    ax.add_patch(Wedge((6.4, 5.4), 2.2, 205, 335, width=0.9, color="#f4d03f"))
    for x, y in ((4.55, 4.25), (8.25, 4.25)):
        ax.add_patch(Circle((x, y), 0.22, color="#7a5c1e"))
    # grapes: a purple cluster hanging from a stem
    for row, count in enumerate((4, 3, 2, 1)):
        for i in range(count):
            x = 10.9 - 0.5 * (count - 1) + 1.0 * i
            ax.add_patch(Circle((x, 4.4 - 0.9 * row), 0.5, color="#6c3483", ec="#4a235a", lw=1.5))
    ax.add_patch(Polygon([[10.8, 4.9], [11.0, 4.9], [11.3, 6.0], [11.1, 6.0]], color="#6b4226"))
    return fig


if __name__ == "__main__":
    OUT.parent.mkdir(exist_ok=True)
    draw().savefig(OUT, facecolor="#fbf7ef", metadata={"Software": None})
    print(f"{OUT} ({OUT.stat().st_size / 1024:.1f} KB)")
