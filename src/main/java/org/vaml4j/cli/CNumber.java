package org.vaml4j.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf("%.17g")} for doubles (round-trips exactly; matches the MuJoCo harness's CSVs). */
final class CNumber {

    private static final MathContext SIG17 = new MathContext(17, RoundingMode.HALF_EVEN);

    private CNumber() {}

    static String g17(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        BigDecimal r = new BigDecimal(v).round(SIG17);
        int exponent = r.precision() - r.scale() - 1;
        if (exponent >= -4 && exponent < 17) {
            return strip(r.setScale(Math.max(0, 16 - exponent), RoundingMode.HALF_EVEN).toPlainString());
        }
        BigDecimal mantissa = r.movePointLeft(exponent);
        String m = strip(mantissa.setScale(16, RoundingMode.HALF_EVEN).toPlainString());
        int ae = Math.abs(exponent);
        return m + "e" + (exponent < 0 ? "-" : "+") + (ae < 10 ? "0" : "") + ae;
    }

    /** Drops trailing zeros of the fraction and a trailing point (no '#' flag in the format). */
    private static String strip(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
