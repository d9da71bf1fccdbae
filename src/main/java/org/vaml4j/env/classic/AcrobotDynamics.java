package org.vaml4j.env.classic;

/**
 * The Acrobot of gym {@code Acrobot-v1} ("book" dynamics, Sutton and Barto): two unit links,
 * unit masses, centres of mass at half length, unit moments of inertia, g = 9.8; torque τ on the
 * middle joint held constant over one classical RK4 step of dt = 0.2; then both angles wrapped
 * into [-π, π] and the velocities clipped to ±4π and ±9π. θ1 = 0 hangs down, θ2 is relative.
 */
public final class AcrobotDynamics {

    public static final double DT = 0.2, L1 = 1.0, M1 = 1.0, M2 = 1.0, LC1 = 0.5, LC2 = 0.5, I1 = 1.0, I2 = 1.0;
    public static final double G = 9.8, MAX_VEL_1 = 4 * Math.PI, MAX_VEL_2 = 9 * Math.PI;

    private AcrobotDynamics() {}

    /**
     * Advances {@code s = (θ1, θ2, θ̇1, θ̇2)} in place by one step under torque {@code tau}.
     *
     * @param s (4) state, overwritten
     */
    public static void step(double[] s, double tau) {
        double[] k1 = new double[4], k2 = new double[4], k3 = new double[4], k4 = new double[4], y = new double[4];
        // y' = y + dt/6 (k1 + 2 k2 + 2 k3 + k4)
        derivative(s, tau, k1);
        for (int i = 0; i < 4; i++) y[i] = s[i] + DT / 2 * k1[i];
        derivative(y, tau, k2);
        for (int i = 0; i < 4; i++) y[i] = s[i] + DT / 2 * k2[i];
        derivative(y, tau, k3);
        for (int i = 0; i < 4; i++) y[i] = s[i] + DT * k3[i];
        derivative(y, tau, k4);
        for (int i = 0; i < 4; i++) s[i] = s[i] + DT / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        s[0] = wrap(s[0]);
        s[1] = wrap(s[1]);
        s[2] = Math.min(MAX_VEL_1, Math.max(-MAX_VEL_1, s[2]));
        s[3] = Math.min(MAX_VEL_2, Math.max(-MAX_VEL_2, s[3]));
    }

    /** ds/dt of the book dynamics at {@code s} under torque {@code tau}, written to {@code out} (4). */
    static void derivative(double[] s, double tau, double[] out) {
        double theta1 = s[0], theta2 = s[1], dtheta1 = s[2], dtheta2 = s[3];
        double d1 = M1 * LC1 * LC1 + M2 * (L1 * L1 + LC2 * LC2 + 2 * L1 * LC2 * StrictMath.cos(theta2)) + I1 + I2;
        double d2 = M2 * (LC2 * LC2 + L1 * LC2 * StrictMath.cos(theta2)) + I2;
        double phi2 = M2 * LC2 * G * StrictMath.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -M2 * L1 * LC2 * dtheta2 * dtheta2 * StrictMath.sin(theta2)
                - 2 * M2 * L1 * LC2 * dtheta2 * dtheta1 * StrictMath.sin(theta2)
                + (M1 * LC1 + M2 * L1) * G * StrictMath.cos(theta1 - Math.PI / 2) + phi2;
        double ddtheta2 = (tau + d2 / d1 * phi1 - M2 * L1 * LC2 * dtheta1 * dtheta1 * StrictMath.sin(theta2) - phi2)
                / (M2 * LC2 * LC2 + I2 - d2 * d2 / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        out[0] = dtheta1;
        out[1] = dtheta2;
        out[2] = ddtheta1;
        out[3] = ddtheta2;
    }

    /** Into [-π, π] by adding or subtracting 2π (gym's {@code wrap}). */
    static double wrap(double x) {
        double twoPi = 2 * Math.PI;
        while (x > Math.PI) x -= twoPi;
        while (x < -Math.PI) x += twoPi;
        return x;
    }
}
