package org.vaml4j.mbrl;

/**
 * The statistics a {@link DynamicsEnsemble} applies, as the floats it computes with (copies):
 * {@code x = (concat(s, a) - inputMean) * inputInvStd} before the network, and, for a model that
 * standardizes its targets, {@code mean = targetMean + targetStd mu} and
 * {@code logVar = logVar_z + logVarShift} after it (mean 0, std 1, shift 0 otherwise).
 *
 * @param inputMean   (ds + da) input mean
 * @param inputInvStd (ds + da) 1 / input std
 * @param targetMean  (ds + 1) m_y
 * @param targetStd   (ds + 1) sigma_y
 * @param logVarShift (ds + 1) 2 log sigma_y
 */
public record ModelStatistics(float[] inputMean, float[] inputInvStd, float[] targetMean, float[] targetStd,
                              float[] logVarShift) {

    public ModelStatistics {
        if (inputMean.length != inputInvStd.length || targetMean.length != targetStd.length
                || targetMean.length != logVarShift.length) {
            throw new IllegalArgumentException("model statistics: input and output statistics must have one value per feature");
        }
        inputMean = inputMean.clone();
        inputInvStd = inputInvStd.clone();
        targetMean = targetMean.clone();
        targetStd = targetStd.clone();
        logVarShift = logVarShift.clone();
    }

    @Override public float[] inputMean() { return inputMean.clone(); }

    @Override public float[] inputInvStd() { return inputInvStd.clone(); }

    @Override public float[] targetMean() { return targetMean.clone(); }

    @Override public float[] targetStd() { return targetStd.clone(); }

    @Override public float[] logVarShift() { return logVarShift.clone(); }
}
