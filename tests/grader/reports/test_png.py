"""The screenshot reader decodes every PNG filter type exactly (checked on an image encoded here,
each row with a different filter)."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest

from tests.grader.reports.png import read_png


def paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def encode(image: np.ndarray, filters: list[int]) -> bytes:
    height, width, channels = image.shape
    colour = {3: 2, 4: 6}[channels]
    flat = image.reshape(height, width * channels).astype(int)
    raw = bytearray()
    for y in range(height):
        raw.append(filters[y])
        for x in range(width * channels):
            left = flat[y, x - channels] if x >= channels else 0
            up = flat[y - 1, x] if y else 0
            corner = flat[y - 1, x - channels] if y and x >= channels else 0
            predictor = [0, left, up, (left + up) // 2, paeth(left, up, corner)][filters[y]]
            raw.append((flat[y, x] - predictor) % 256)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw)))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("channels", [3, 4])
def test_every_filter_type_decodes_exactly(channels):
    rng = np.random.default_rng(7)
    image = rng.integers(0, 256, size=(10, 9, channels), dtype=np.uint8)
    image[3:6, 2:7] = 200  # flat areas, where the predictors agree
    filters = [0, 1, 2, 3, 4, 4, 3, 2, 1, 0]
    assert np.array_equal(read_png(encode(image, filters)), image)


def test_not_a_png_is_refused():
    with pytest.raises(ValueError, match="not a PNG"):
        read_png(b"GIF89a")
