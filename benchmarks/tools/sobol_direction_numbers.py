#!/usr/bin/python3
"""Writes the Joe-Kuo Sobol direction numbers as the compact binary embedded in the core library.

Source: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections",
SIAM J. Sci. Comput. 30 (2008) 2635-2654; the data set new-joe-kuo-6.21201 (21,201 dimensions), distributed
under a BSD-style licence (copyright (c) 2008, Frances Y. Kuo and Stephen Joe; see
https://web.maths.unsw.edu.au/~fkuo/sobol/). Read here from the copy SciPy ships,
scipy/stats/_sobol_direction_numbers.npz, with arrays poly (21201,) and vinit (21201, 18):
row d is dimension d+1; poly[d] is the primitive polynomial with both its leading and its constant term,
so its degree is s = bit_length(poly) - 1 and Joe-Kuo's 'a' is the s-1 bits strictly between them;
vinit[d, :s] are m_1..m_s. Row 0 (poly 1, degree 0) is the first dimension, the van der Corput sequence.

Output (gzip): the varint dimension count, then per dimension the varints s, a, m_1..m_s.
Usage: /usr/bin/python3 benchmarks/tools/sobol_direction_numbers.py [output path]
"""
import gzip
import sys

import numpy as np

SOURCE = "/usr/lib/python3/dist-packages/scipy/stats/_sobol_direction_numbers.npz"
DEFAULT_OUT = "src/PowerTheory/MonteCarlo/Sampling/joe-kuo-6.21201.bin.gz"


def varint(value, out):
    assert value >= 0
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    data = np.load(SOURCE)
    poly, vinit = data["poly"], data["vinit"]
    assert poly.shape == (21201,) and vinit.shape == (21201, 18)
    out = bytearray()
    varint(len(poly), out)
    for d in range(len(poly)):
        p = int(poly[d])
        s = p.bit_length() - 1
        assert p & 1 == 1, "a primitive polynomial has constant term 1"
        a = (p >> 1) & ((1 << max(s - 1, 0)) - 1)
        m = [int(v) for v in vinit[d, :s]]
        assert all(v % 2 == 1 and v < (1 << (k + 1)) for k, v in enumerate(m)), f"m of dimension {d + 1}"
        assert all(int(v) == 0 for v in vinit[d, s:]) or d == 0
        varint(s, out)
        varint(a, out)
        for v in m:
            varint(v, out)
    with open(out_path, "wb") as f:
        f.write(gzip.compress(bytes(out), compresslevel=9, mtime=0))
    print(f"{len(poly)} dimensions, {len(out)} bytes raw, written to {out_path}")


if __name__ == "__main__":
    main()
