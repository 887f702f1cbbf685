// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;

/**
 * The checked, typed parameter values of one run: {@code Long} for integers, {@code Double} for
 * numbers, {@code Boolean}, {@code String} (string, column, choice) and {@code List<String>}
 * (columns). Declared defaults are filled in; a parameter without value and default is absent.
 */
public final class ParameterValues {

    private final MethodDescriptor method;
    private final Map<String, Object> values;

    private ParameterValues(MethodDescriptor method, Map<String, Object> values) {
        this.method = method;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks and converts {@code NAME=VALUE} assignments.
     *
     * @param method      the method whose parameters they are
     * @param assignments the assignments, each {@code NAME=VALUE}
     * @return the values with defaults filled in
     * @throws ParameterException on an unknown name (naming it), a value that does not fit (naming
     *                            the parameter and the value), a repeated or missing required parameter
     */
    public static ParameterValues parse(MethodDescriptor method, List<String> assignments) throws ParameterException {
        Map<String, String> given = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException("parameter '" + assignment + "' is not NAME=VALUE");
            }
            String name = assignment.substring(0, eq).trim();
            if (method.parameter(name).isEmpty()) {
                throw new ParameterException("method '" + method.id() + "' has no parameter '" + name + "'"
                        + (method.parameters().isEmpty() ? " (it takes none)"
                                : " (parameters: " + method.parameters().stream().map(ParameterDescriptor::name)
                                        .collect(Collectors.joining(", ")) + ")"));
            }
            if (given.put(name, assignment.substring(eq + 1)) != null) {
                throw new ParameterException("parameter '" + name + "' is given twice");
            }
        }
        return of(method, given);
    }

    /**
     * Checks and converts values given by name (e.g. from a dialog).
     *
     * @param method the method
     * @param given  the values as text, by parameter name
     * @return the values with defaults filled in
     * @throws ParameterException as {@link #parse(MethodDescriptor, List)}
     */
    public static ParameterValues of(MethodDescriptor method, Map<String, String> given) throws ParameterException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDescriptor parameter : method.parameters()) {
            String text = given.get(parameter.name());
            if (text == null) {
                text = parameter.defaultValue();
                if (text == null) {
                    if (parameter.required()) {
                        throw new ParameterException("method '" + method.id() + "' needs parameter '" + parameter.name()
                                + "' (--param " + parameter.name() + "=...)");
                    }
                    continue;
                }
            }
            values.put(parameter.name(), convert(parameter, text));
        }
        for (String name : given.keySet()) {
            if (method.parameter(name).isEmpty()) {
                throw new ParameterException("method '" + method.id() + "' has no parameter '" + name + "'");
            }
        }
        return new ParameterValues(method, values);
    }

    /**
     * @param parameter a declaration
     * @param text      a value as typed
     * @return the converted value
     * @throws ParameterException when it does not fit, naming the parameter and the value
     */
    static Object convert(ParameterDescriptor parameter, String text) throws ParameterException {
        String value = text.trim();
        String name = parameter.name();
        switch (parameter.type()) {
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw bad(name, text, "is not a whole number");
                }
                checkRange(parameter, text, number);
                return number;
            }
            case NUMBER -> {
                double number;
                try {
                    number = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw bad(name, text, "is not a number");
                }
                if (!Double.isFinite(number) || value.endsWith("d") || value.endsWith("D") || value.endsWith("f")
                        || value.endsWith("F")) {
                    throw bad(name, text, "is not a number");
                }
                checkRange(parameter, text, number);
                return number;
            }
            case BOOLEAN -> {
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1" -> Boolean.TRUE;
                    case "false", "no", "0" -> Boolean.FALSE;
                    default -> throw bad(name, text, "is not true or false");
                };
            }
            case STRING -> {
                return text;
            }
            case COLUMN -> {
                if (value.isEmpty()) {
                    throw bad(name, text, "is not a column name");
                }
                return value;
            }
            case COLUMNS -> {
                Set<String> names = new LinkedHashSet<>();
                for (String part : value.split(",", -1)) {
                    String column = part.trim();
                    if (column.isEmpty()) {
                        throw bad(name, text, "has an empty column name");
                    }
                    if (!names.add(column)) {
                        throw bad(name, text, "names column '" + column + "' twice");
                    }
                }
                return List.copyOf(names);
            }
            case CHOICE -> {
                if (!parameter.choices().contains(value)) {
                    throw bad(name, text, "is not one of " + String.join(", ", parameter.choices()));
                }
                return value;
            }
            default -> throw new IllegalStateException(parameter.type().toString());
        }
    }

    private static void checkRange(ParameterDescriptor parameter, String text, double number) throws ParameterException {
        if (parameter.min() != null && number < parameter.min()) {
            throw bad(parameter.name(), text, "is below the minimum " + plain(parameter.min()));
        }
        if (parameter.max() != null && number > parameter.max()) {
            throw bad(parameter.name(), text, "is above the maximum " + plain(parameter.max()));
        }
    }

    static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
    }

    private static ParameterException bad(String name, String text, String problem) {
        return new ParameterException("parameter '" + name + "': '" + text + "' " + problem);
    }

    /** @return the method these values are for */
    public MethodDescriptor method() {
        return method;
    }

    /** @return all values by name, in declaration order (unmodifiable) */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * @param name a parameter name
     * @return whether it has a value (given or default)
     */
    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    /**
     * @param name an integer parameter
     * @return its value
     * @throws IllegalStateException when not set (declare a default or {@code required})
     */
    public long integer(String name) {
        return (Long) require(name, ParameterType.INTEGER);
    }

    /**
     * @param name a number parameter
     * @return its value
     */
    public double number(String name) {
        return (Double) require(name, ParameterType.NUMBER);
    }

    /**
     * @param name a boolean parameter
     * @return its value
     */
    public boolean bool(String name) {
        return (Boolean) require(name, ParameterType.BOOLEAN);
    }

    /**
     * @param name a string, choice or column parameter
     * @return its value, if set
     */
    public Optional<String> string(String name) {
        declared(name);
        Object value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /**
     * @param name an integer parameter without default
     * @return its value, if set
     */
    public Optional<Long> optionalInteger(String name) {
        declared(name);
        return Optional.ofNullable((Long) values.get(name));
    }

    /**
     * Resolves a {@link ParameterType#COLUMNS} parameter against a table. When not set, the default
     * is every column the parameter's filter accepts that has no role.
     *
     * @param table the table
     * @param name  the parameter
     * @return the columns, in the order given (or table order)
     * @throws AnalysisException when a column does not exist or does not fit the filter (naming it),
     *                           or when nothing is left to analyse
     */
    public List<Column> columns(DataTable table, String name) throws AnalysisException {
        ParameterDescriptor parameter = declared(name);
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) values.get(name);
        List<Column> columns = new ArrayList<>();
        if (names == null) {
            Set<String> withRole = new LinkedHashSet<>(table.roles().asMap().values());
            for (Column column : table.columns()) {
                if (parameter.columnFilter().accepts(column) && !withRole.contains(column.name())) {
                    columns.add(column);
                }
            }
            if (columns.isEmpty()) {
                throw new AnalysisException("the table has no " + filterWord(parameter.columnFilter())
                        + " columns without a role to analyse (give them with --param " + name + "=A,B,...)");
            }
            return columns;
        }
        for (String column : names) {
            columns.add(resolve(table, parameter, column));
        }
        return columns;
    }

    /**
     * Resolves a {@link ParameterType#COLUMNS} parameter of numeric columns.
     *
     * @param table the table
     * @param name  the parameter
     * @return the numeric columns
     * @throws AnalysisException as {@link #columns(DataTable, String)}, or when a column is not numeric
     */
    public List<NumericColumn> numericColumns(DataTable table, String name) throws AnalysisException {
        List<NumericColumn> numeric = new ArrayList<>();
        for (Column column : columns(table, name)) {
            if (!(column instanceof NumericColumn n)) {
                throw new AnalysisException("column '" + column.name() + "' is " + typeWord(column) + ", not numeric");
            }
            numeric.add(n);
        }
        return numeric;
    }

    /**
     * Resolves a {@link ParameterType#COLUMN} parameter against a table.
     *
     * @param table the table
     * @param name  the parameter
     * @return the column, if the parameter is set
     * @throws AnalysisException when the column does not exist or does not fit the filter
     */
    public Optional<Column> column(DataTable table, String name) throws AnalysisException {
        ParameterDescriptor parameter = declared(name);
        Object value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(resolve(table, parameter, value.toString()));
    }

    private static Column resolve(DataTable table, ParameterDescriptor parameter, String name) throws AnalysisException {
        Column column = table.findColumn(name).orElseThrow(() -> new AnalysisException(
                "the table has no column '" + name + "' (parameter " + parameter.name() + ")"));
        if (!parameter.columnFilter().accepts(column)) {
            throw new AnalysisException("column '" + name + "' is " + typeWord(column) + ", not "
                    + filterWord(parameter.columnFilter()) + " (parameter " + parameter.name() + ")");
        }
        return column;
    }

    private static String typeWord(Column column) {
        return switch (column.type()) {
            case NUMERIC -> "numeric";
            case CATEGORICAL -> "categorical text";
            case TEXT -> "text";
        };
    }

    private static String filterWord(ColumnFilter filter) {
        return filter == ColumnFilter.ANY ? "usable" : filter.id();
    }

    private Object require(String name, ParameterType type) {
        ParameterDescriptor parameter = declared(name);
        if (parameter.type() != type) {
            throw new IllegalStateException("parameter '" + name + "' is " + parameter.type().id() + ", not " + type.id());
        }
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("parameter '" + name + "' has no value and no default");
        }
        return value;
    }

    private ParameterDescriptor declared(String name) {
        return method.parameter(name)
                .orElseThrow(() -> new IllegalStateException("method '" + method.id() + "' declares no parameter '" + name + "'"));
    }

    @Override
    public String toString() {
        return method.id() + values;
    }
}
