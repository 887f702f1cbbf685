// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Files that are not sessions are refused with a sentence naming the file, line and key. */
class SessionFormatTest {

    private static String problem(String json) {
        return assertThrows(SessionFormatException.class, () -> SessionCodec
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "cells.csv.idx-session.json"))
                .getMessage();
    }

    private static final String TABLE = "\"table\": {\"path\": \"/t.csv\", \"size\": 1, \"modified\": 2, "
            + "\"headerSha256\": \"ab\", \"rows\": 3}";

    @Test
    void notJson() {
        String message = problem("{\n\"format\": x");
        assertTrue(message.startsWith("cells.csv.idx-session.json is not valid JSON (line 2): Unrecognized token 'x'"),
                message);
    }

    @Test
    void notASession() {
        assertEquals("cells.csv.idx-session.json, line 1: 'format' is 'other', not 'idx-session': this is not an IDX session",
                problem("{\"format\": \"other\"}"));
        assertEquals("cells.csv.idx-session.json, line 1: there is no 'format' key: this is not an IDX session",
                problem("{}"));
    }

    @Test
    void aNewerVersion() {
        assertEquals("cells.csv.idx-session.json, line 1: the session has version 9; this IDX reads up to version 1. "
                + "A newer IDX wrote it.", problem("{\"format\": \"idx-session\", \"version\": 9}"));
    }

    @Test
    void runsThatDoNotCoverTheTable() {
        assertEquals("cells.csv.idx-session.json, line 1: 'annotations[].codes' covers 2 rows, the table has 3",
                problem("{\"format\": \"idx-session\", " + TABLE
                        + ", \"annotations\": [{\"column\": \"c\", \"labels\": [{\"name\": \"a\", \"colour\": \"#ff0000\"}],"
                        + " \"codes\": [0, 2]}]}"));
        assertEquals("cells.csv.idx-session.json, line 1: annotation column 'c': Column 'c': code 4 out of range",
                problem("{\"format\": \"idx-session\", " + TABLE
                        + ", \"annotations\": [{\"column\": \"c\", \"labels\": [{\"name\": \"a\", \"colour\": \"#ff0000\"}],"
                        + " \"codes\": [4, 3]}]}"));
    }

    @Test
    void aRoleThatDoesNotExist() {
        // The configuration object is read by the configuration file's reader, which names file, line and column.
        assertEquals("cells.csv.idx-session.json:1:143: unknown role 'COLOUR'; the roles are image, mask_image, anchor_x, "
                + "anchor_y, anchor_z, anchor_t, plate, well, field, group, label.",
                problem("{\"format\": \"idx-session\", " + TABLE + ", \"configuration\": {\"roles\": {\"COLOUR\": \"x\"}}}"));
    }
}
