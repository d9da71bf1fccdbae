package org.vaml4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    @Test
    void writesNumbersStringsAndNullForNaN() {
        String json = new SummaryJson().put("algo", "s\"a\\c\n").put("steps", 20000L).put("ret", -150.25)
                .put("whole", 3.0).put("eval", Double.NaN).put("ok", true).toJson();
        assertEquals("{\n  \"algo\": \"s\\\"a\\\\c\\n\",\n  \"steps\": 20000,\n  \"ret\": -150.25,\n  \"whole\": 3,\n"
                + "  \"eval\": null,\n  \"ok\": true\n}\n", json);
    }
}
