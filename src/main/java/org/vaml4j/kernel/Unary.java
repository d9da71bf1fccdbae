package org.vaml4j.kernel;

/** Elementwise functions of one argument. */
public enum Unary {
    NEG, ABS, SQUARE, SQRT, EXP, LOG, RELU, SILU, TANH, SIGMOID, SOFTPLUS;

    /**
     * f(x), the scalar reference every backend is tested against; exp, log and the activations
     * are {@link FloatMath}'s, so the result is the same on every JVM (not {@code Math}'s intrinsics).
     */
    public float apply(float x) {
        return switch (this) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQUARE -> x * x;
            case SQRT -> (float) Math.sqrt(x);
            case EXP -> FloatMath.exp(x);
            case LOG -> FloatMath.log(x);
            case RELU -> Activation.RELU.apply(x);
            case SILU -> Activation.SILU.apply(x);
            case TANH -> Activation.TANH.apply(x);
            case SIGMOID -> Activation.SIGMOID.apply(x);
            case SOFTPLUS -> Activation.SOFTPLUS.apply(x);
        };
    }
}
