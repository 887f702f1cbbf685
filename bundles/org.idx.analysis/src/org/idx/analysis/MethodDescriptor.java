// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered analysis method: what the extension declares, and how to create it.
 *
 * @param id          the id users type, e.g. {@code pca}
 * @param name        the display name
 * @param category    the menu group
 * @param description one or two sentences, or an empty string
 * @param parameters  the declared parameters, in dialog order
 * @param contributor the contributing bundle's symbolic name (for messages)
 * @param factory     creates one instance per run
 */
public record MethodDescriptor(String id, String name, MethodCategory category, String description,
        List<ParameterDescriptor> parameters, String contributor, Factory factory) {

    /** Creates a method instance. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @return a new instance
         * @throws Exception when it cannot be created
         */
        AnalysisMethod create() throws Exception;
    }

    /** Checks the declaration. */
    public MethodDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(factory, "factory");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("method id '" + id + "' is not lower case letters, digits and '-'");
        }
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(ParameterDescriptor::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("method '" + id + "' declares a parameter twice");
        }
    }

    /**
     * @param parameterName a parameter name
     * @return its declaration
     */
    public Optional<ParameterDescriptor> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /**
     * @param assignments {@code NAME=VALUE} strings
     * @return the checked values, defaults filled in
     * @throws ParameterException when an assignment is not usable
     */
    public ParameterValues parse(List<String> assignments) throws ParameterException {
        return ParameterValues.parse(this, assignments);
    }
}
