package org.vaml4j.kernel.device;

import org.vaml4j.kernel.Activation;

/**
 * The argument checks that do not depend on where a kernel runs (sizes, strides, aliasing), shared
 * by {@link HostDevice} and {@link CudaDevice}; each device adds its own buffer bounds checks.
 */
final class DeviceArgs {

    private DeviceArgs() {}

    /** {@link Device#gemm}'s sizes, strides and aliasing; false when there is nothing to compute. */
    static boolean gemm(int batch, int m, int n, int k, DeviceBuffer a, int aOff, int aStride, DeviceBuffer b, int bOff,
                        int bStride, DeviceBuffer c, int cOff, int cStride) {
        if (batch < 0 || m < 0 || n < 0 || k < 0 || aStride < 0 || bStride < 0 || cStride < 0) {
            throw new IllegalArgumentException("gemm: negative size or stride");
        }
        if (batch == 0 || m == 0 || n == 0) return false;
        if (batch > 1 && cStride < (long) m * n) {
            throw new IllegalArgumentException("gemm: the C matrices overlap (cStride " + cStride + " < m n = " + (long) m * n + ")");
        }
        noAlias(a, aOff, aStride, (long) m * k, c, cOff, cStride, (long) m * n, batch, "gemm A/C");
        noAlias(b, bOff, bStride, (long) k * n, c, cOff, cStride, (long) m * n, batch, "gemm B/C");
        return true;
    }

    /** {@link Device#dense}'s sizes and aliasing; false when there is nothing to compute. */
    static boolean dense(int batch, int m, int n, int k, DeviceBuffer x, int xStride, DeviceBuffer w, Activation act,
                         DeviceBuffer z, DeviceBuffer y) {
        if (act == Activation.IDENTITY && z != null) throw new IllegalArgumentException("dense: pass z = null with IDENTITY");
        if (batch < 1 || m < 0 || n < 1 || k < 1 || xStride < 0) throw new IllegalArgumentException("dense: bad sizes");
        if (y == x || z == x || y == w || z == w) throw new IllegalArgumentException("dense: outputs must not alias the input or W");
        return m > 0;
    }

    private static void noAlias(DeviceBuffer a, int aOff, int aStride, long aSize, DeviceBuffer c, int cOff, int cStride,
                                long cSize, int batch, String what) {
        long aEnd = aOff + (long) (batch - 1) * aStride + aSize, cEnd = cOff + (long) (batch - 1) * cStride + cSize;
        if (a == c && aOff < cEnd && cOff < aEnd) throw new IllegalArgumentException(what + ": C overlaps an input");
    }

    static void clipRowNorms(int rows, int k, int d, double p) {
        if (rows < 1 || rows > Device.MAX_CLIP_ROWS) {
            throw new IllegalArgumentException("clipRowNorms: rows must be in [1, " + Device.MAX_CLIP_ROWS + "], got " + rows);
        }
        if (k < 1 || d < 1) throw new IllegalArgumentException("clipRowNorms: k and d must be >= 1, got " + k + ", " + d);
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("clipRowNorms: p must be in [0, 1], got " + p);
    }

    static void vagramLoss(int rows, int ds, int k) {
        if (rows < 0 || ds < 1 || k < 1) {
            throw new IllegalArgumentException("vagramLoss: rows must be >= 0, ds and k >= 1, got " + rows + ", " + ds + ", " + k);
        }
    }
}
