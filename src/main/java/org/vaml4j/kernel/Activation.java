package org.vaml4j.kernel;

/** Activations a dense layer can fuse with its bias add; each knows its value and derivative. */
public enum Activation {
    IDENTITY, RELU, SILU, TANH, SIGMOID, SOFTPLUS;

    /** The same function as a {@link Unary}, or null for IDENTITY. */
    public Unary asUnary() {
        return switch (this) {
            case IDENTITY -> null;
            case RELU -> Unary.RELU;
            case SILU -> Unary.SILU;
            case TANH -> Unary.TANH;
            case SIGMOID -> Unary.SIGMOID;
            case SOFTPLUS -> Unary.SOFTPLUS;
        };
    }

    /** f(x), with {@link FloatMath}'s functions (the same bits on every JVM and backend). */
    public float apply(float x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> x > 0f ? x : 0f;
            case SILU -> FloatMath.silu(x);
            case TANH -> FloatMath.tanh(x);
            case SIGMOID -> FloatMath.sigmoid(x);
            case SOFTPLUS -> FloatMath.softplus(x);
        };
    }

    /** f'(x), given the input x and the output y = f(x) (whichever is cheaper and stable). */
    public float derivative(float x, float y) {
        return switch (this) {
            case IDENTITY -> 1f;
            case RELU -> x > 0f ? 1f : 0f;
            case SILU -> FloatMath.siluDerivative(x);
            case TANH -> 1f - y * y;
            case SIGMOID -> y * (1f - y);
            case SOFTPLUS -> FloatMath.sigmoid(x);
        };
    }
}
