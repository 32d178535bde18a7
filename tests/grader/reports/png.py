"""A small PNG reader (stdlib zlib + numpy) for checking screenshots: 8-bit grey, RGB or RGBA,
non-interlaced, which is what headless Chromium writes."""

from __future__ import annotations

import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # PNG colour type -> samples per pixel


def read_png(data: bytes) -> np.ndarray:
    """The image as a (height, width, channels) uint8 array."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    pos, idat, header = len(SIGNATURE), [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("PNG without IHDR")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour {colour}, interlace {interlace})")
    channels = CHANNELS[colour]
    raw = np.frombuffer(zlib.decompress(b"".join(idat)), dtype=np.uint8)
    raw = raw.reshape(height, width * channels + 1)
    kinds = raw[:, 0].astype(np.int16)
    if kinds.max(initial=0) > 4:
        raise ValueError(f"bad PNG filter type {kinds.max()}")
    line = raw[:, 1:].reshape(height, width, channels).astype(np.int16)
    # Padded with a zero row and column: the neighbours PNG assumes outside the image.
    out = np.zeros((height + 1, width + 1, channels), dtype=np.int16)
    # Unfilter along anti-diagonals: a pixel needs only its left, upper and upper-left
    # neighbours, so every pixel with the same x + y is computed at once, whatever its row's
    # filter type (a per-pixel Python loop takes many seconds on a screenshot).
    for diagonal in range(height + width - 1):
        ys = np.arange(max(0, diagonal - width + 1), min(height, diagonal + 1))
        xs = diagonal - ys
        left, up, corner = out[ys + 1, xs], out[ys, xs + 1], out[ys, xs]
        kind = kinds[ys][:, None]
        p = left + up - corner
        pa, pb, pc = np.abs(p - left), np.abs(p - up), np.abs(p - corner)
        predictor = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, corner))
        predictor = np.where(kind == 3, (left + up) // 2, predictor)
        predictor = np.where(kind == 2, up, predictor)
        predictor = np.where(kind == 1, left, predictor)
        predictor = np.where(kind == 0, 0, predictor)
        out[ys + 1, xs + 1] = (line[ys, xs] + predictor) & 0xFF
    return out[1:, 1:].astype(np.uint8)
