package org.vaml4j.kernel.device;

/** The argument checks of the VaGraM kernels, shared by {@link HostDevice} and {@link CudaDevice}. */
final class VagramArgs {

    private VagramArgs() {}

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
