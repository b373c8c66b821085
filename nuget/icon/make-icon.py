#!/usr/bin/env python3
"""Draws the package icon (nuget/icon/icon.png): a gold ring with a check mark on a navy tile.

Pure Python (zlib only), deterministic: running it again gives the same bytes.
    python3 nuget/icon/make-icon.py
"""
import math
import os
import struct
import zlib

SIZE = 128
SAMPLES = 4  # per axis: 16 samples per pixel for smooth edges

NAVY = (31, 58, 95)
GOLD = (242, 193, 78)
WHITE = (255, 255, 255)


def in_rounded_square(x, y, inset=4.0, radius=24.0):
    lo, hi = inset, SIZE - inset
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    return lo <= x <= hi and lo <= y <= hi and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_ring(x, y, center=64.0, outer=42.0, inner=30.0):
    d = math.hypot(x - center, y - center)
    return inner <= d <= outer


def near_segment(x, y, a, b, half_width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= half_width


CHECK = [(49.0, 65.0), (60.0, 76.0), (80.0, 53.0)]


def colour_at(x, y):
    """The colour and alpha of one sample point."""
    if not in_rounded_square(x, y):
        return (0, 0, 0, 0)
    if near_segment(x, y, CHECK[0], CHECK[1], 4.5) or near_segment(x, y, CHECK[1], CHECK[2], 4.5):
        return WHITE + (255,)
    if in_ring(x, y):
        return GOLD + (255,)
    return NAVY + (255,)


def pixel(px, py):
    total = [0, 0, 0, 0]
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            r, g, b, a = colour_at(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
            total[0] += r * a
            total[1] += g * a
            total[2] += b * a
            total[3] += a
    n = SAMPLES * SAMPLES
    alpha = total[3] / n
    if alpha == 0:
        return (0, 0, 0, 0)
    # Colours averaged by alpha, so that edges blend with whatever is behind the icon.
    return tuple(round(total[i] / total[3]) for i in range(3)) + (round(alpha),)


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(target, "wb") as f:
        f.write(png(SIZE, SIZE, rows))
    print("wrote", target)


if __name__ == "__main__":
    main()
