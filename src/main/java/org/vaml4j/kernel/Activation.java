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

    /** f(x). */
    public float apply(float x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> x > 0f ? x : 0f;
            case SILU -> x / (1f + (float) Math.exp(-x));
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> 1f / (1f + (float) Math.exp(-x));
            // softplus(x) = max(x, 0) + log1p(exp(-|x|)), stable for large |x|
            case SOFTPLUS -> Math.max(x, 0f) + (float) Math.log1p(Math.exp(-Math.abs(x)));
        };
    }

    /** f'(x), given the input x and the output y = f(x) (whichever is cheaper and stable). */
    public float derivative(float x, float y) {
        return switch (this) {
            case IDENTITY -> 1f;
            case RELU -> x > 0f ? 1f : 0f;
            case SILU -> {
                float s = 1f / (1f + (float) Math.exp(-x));
                yield s * (1f + x * (1f - s));
            }
            case TANH -> 1f - y * y;
            case SIGMOID -> y * (1f - y);
            case SOFTPLUS -> 1f / (1f + (float) Math.exp(-x));
        };
    }
}
