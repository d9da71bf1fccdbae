package org.vaml4j.kernel;

/** Elementwise functions of two arguments. */
public enum Binary {
    ADD, SUB, MUL, DIV, MIN, MAX;

    /** f(x, y), the scalar reference every backend is tested against. */
    public float apply(float x, float y) {
        return switch (this) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
        };
    }
}
