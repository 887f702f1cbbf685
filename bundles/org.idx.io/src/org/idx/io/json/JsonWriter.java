// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.json;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with no dependencies. Doubles are written at full precision
 * (the shortest text that reads back to the same double); NaN and infinities, which JSON cannot
 * express, are written as {@code null}. Misuse (a value where a name is due, unbalanced ends) throws
 * {@link IllegalStateException}.
 *
 * <pre>
 * JsonWriter json = new JsonWriter(out, true);
 * json.beginObject().name("rows").value(3).name("mean").value(2.5).endObject();
 * </pre>
 */
public final class JsonWriter {

    private enum Scope {
        OBJECT_EMPTY, OBJECT, OBJECT_NAMED, ARRAY_EMPTY, ARRAY
    }

    private final Appendable out;
    private final boolean pretty;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private boolean done;

    /**
     * @param out    where to write
     * @param pretty whether to indent by two spaces and break lines
     */
    public JsonWriter(Appendable out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    /**
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter beginObject() throws IOException {
        beforeValue();
        out.append('{');
        scopes.push(Scope.OBJECT_EMPTY);
        return this;
    }

    /**
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter endObject() throws IOException {
        return end(Scope.OBJECT_EMPTY, Scope.OBJECT, '}');
    }

    /**
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter beginArray() throws IOException {
        beforeValue();
        out.append('[');
        scopes.push(Scope.ARRAY_EMPTY);
        return this;
    }

    /**
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter endArray() throws IOException {
        return end(Scope.ARRAY_EMPTY, Scope.ARRAY, ']');
    }

    /**
     * @param name the name of the next member of the current object
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter name(String name) throws IOException {
        Scope scope = scopes.peek();
        if (scope != Scope.OBJECT_EMPTY && scope != Scope.OBJECT) {
            throw new IllegalStateException("name outside an object or after another name");
        }
        if (scope == Scope.OBJECT) {
            out.append(',');
        }
        newline(scopes.size());
        string(name);
        out.append(pretty ? ": " : ":");
        scopes.pop();
        scopes.push(Scope.OBJECT_NAMED);
        return this;
    }

    /**
     * @param value a string, or {@code null}
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter value(String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    /**
     * @param value a number; NaN and infinities become {@code null}
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter value(double value) throws IOException {
        if (!Double.isFinite(value)) {
            return nullValue();
        }
        beforeValue();
        out.append(Double.toString(value));
        return this;
    }

    /**
     * @param value a whole number
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter value(long value) throws IOException {
        beforeValue();
        out.append(Long.toString(value));
        return this;
    }

    /**
     * @param value a truth value
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter value(boolean value) throws IOException {
        beforeValue();
        out.append(Boolean.toString(value));
        return this;
    }

    /**
     * Writes {@code null}.
     *
     * @return this writer
     * @throws IOException when the output fails
     */
    public JsonWriter nullValue() throws IOException {
        beforeValue();
        out.append("null");
        return this;
    }

    private JsonWriter end(Scope empty, Scope nonEmpty, char bracket) throws IOException {
        Scope scope = scopes.peek();
        if (scope != empty && scope != nonEmpty) {
            throw new IllegalStateException("unbalanced '" + bracket + "'");
        }
        scopes.pop();
        if (scope == nonEmpty) {
            newline(scopes.size());
        }
        out.append(bracket);
        if (scopes.isEmpty() && pretty) {
            out.append('\n');
        }
        return this;
    }

    private void beforeValue() throws IOException {
        Scope scope = scopes.peek();
        if (scope == null) {
            if (done) {
                throw new IllegalStateException("a JSON document has one top-level value");
            }
            done = true;
            return;
        }
        switch (scope) {
            case OBJECT_NAMED -> {
                scopes.pop();
                scopes.push(Scope.OBJECT);
            }
            case ARRAY_EMPTY, ARRAY -> {
                if (scope == Scope.ARRAY) {
                    out.append(',');
                }
                scopes.pop();
                scopes.push(Scope.ARRAY);
                newline(scopes.size());
            }
            default -> throw new IllegalStateException("a value in an object needs a name first");
        }
    }

    private void newline(int depth) throws IOException {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    private void string(String text) throws IOException {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
