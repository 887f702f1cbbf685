// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void compactOutput() throws IOException {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out, false).beginObject().name("a").value(0.1 + 0.2).name("n").value(3L).name("s")
                .value("q\"\\\n\u0001é").name("nan").value(Double.NaN).name("inf").value(Double.NEGATIVE_INFINITY)
                .name("list").beginArray().value(true).nullValue().beginObject().endObject().beginArray().endArray()
                .endArray().endObject();
        assertEquals("{\"a\":0.30000000000000004,\"n\":3,\"s\":\"q\\\"\\\\\\n\\u0001é\",\"nan\":null,\"inf\":null,"
                + "\"list\":[true,null,{},[]]}", out.toString());
    }

    @Test
    void prettyOutput() throws IOException {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out, true).beginObject().name("x").beginArray().value(1L).value(2.5).endArray().endObject();
        assertEquals("{\n  \"x\": [\n    1,\n    2.5\n  ]\n}\n", out.toString());
    }

    @Test
    void misuseIsRejected() throws IOException {
        JsonWriter json = new JsonWriter(new StringBuilder(), false);
        json.beginObject();
        assertThrows(IllegalStateException.class, () -> json.value(1L));
        assertThrows(IllegalStateException.class, json::endArray);
        json.endObject();
        assertThrows(IllegalStateException.class, json::beginObject);
    }
}
