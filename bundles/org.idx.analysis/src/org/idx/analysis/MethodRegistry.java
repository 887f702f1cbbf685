// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * The analysis methods contributed to the extension point {@code org.idx.analysis.methods}.
 * A contribution that does not follow the schema (unknown category or type, a bad id, a repeated
 * id) is left out and described in {@link #problems()}; the others stay usable.
 */
public final class MethodRegistry {

    /** The extension point id. */
    public static final String EXTENSION_POINT = "org.idx.analysis.methods";

    private final Map<String, MethodDescriptor> methods;
    private final List<String> problems;

    /**
     * @param methods  the methods (the first of a repeated id wins)
     * @param problems descriptions of contributions that were left out
     */
    public MethodRegistry(List<MethodDescriptor> methods, List<String> problems) {
        Map<String, MethodDescriptor> byId = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(problems);
        for (MethodDescriptor method : methods) {
            MethodDescriptor first = byId.putIfAbsent(method.id(), method);
            if (first != null) {
                all.add("method '" + method.id() + "' from " + method.contributor() + " ignored: " + first.contributor()
                        + " contributes that id already");
            }
        }
        this.methods = Collections.unmodifiableMap(byId);
        this.problems = List.copyOf(all);
    }

    /**
     * Reads the running platform's extension registry.
     *
     * @return the registry of contributed methods (empty when there is no extension registry)
     */
    public static MethodRegistry fromPlatform() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            return new MethodRegistry(List.of(), List.of("no extension registry is running"));
        }
        return fromElements(registry.getConfigurationElementsFor(EXTENSION_POINT));
    }

    /**
     * @param elements the {@code method} elements of the extension point
     * @return the registry
     */
    public static MethodRegistry fromElements(IConfigurationElement[] elements) {
        List<MethodDescriptor> methods = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (IConfigurationElement element : elements) {
            if (!"method".equals(element.getName())) {
                continue;
            }
            String contributor = element.getContributor().getName();
            try {
                methods.add(descriptor(element, contributor));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add("method '" + element.getAttribute("id") + "' from " + contributor + " ignored: " + e.getMessage());
            }
        }
        return new MethodRegistry(methods, problems);
    }

    private static MethodDescriptor descriptor(IConfigurationElement element, String contributor) {
        List<ParameterDescriptor> parameters = new ArrayList<>();
        for (IConfigurationElement p : element.getChildren("parameter")) {
            String choices = p.getAttribute("choices");
            String filter = p.getAttribute("columnType");
            parameters.add(new ParameterDescriptor(required(p, "name"), ParameterType.of(required(p, "type")),
                    p.getAttribute("default"), Boolean.parseBoolean(p.getAttribute("required")), number(p, "min"),
                    number(p, "max"),
                    choices == null ? List.of() : Arrays.stream(choices.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    filter == null ? ColumnFilter.NUMERIC : ColumnFilter.of(filter), p.getAttribute("description")));
        }
        MethodDescriptor.Factory factory = () -> (AnalysisMethod) element.createExecutableExtension("class");
        required(element, "class");
        MethodDescriptor method = new MethodDescriptor(required(element, "id"), required(element, "name"),
                MethodCategory.of(required(element, "category")), element.getAttribute("description"), parameters, contributor,
                factory);
        for (ParameterDescriptor parameter : parameters) {
            if (parameter.defaultValue() != null) {
                try {
                    ParameterValues.convert(parameter, parameter.defaultValue());
                } catch (ParameterException e) {
                    throw new IllegalArgumentException("bad default: " + e.getMessage());
                }
            }
        }
        return method;
    }

    private static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks '" + attribute + "'");
        }
        return value.trim();
    }

    private static Double number(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(attribute + " '" + value + "' is not a number");
        }
    }

    /** @return the methods, sorted by category then id */
    public List<MethodDescriptor> methods() {
        return methods.values().stream()
                .sorted(Comparator.comparing(MethodDescriptor::category).thenComparing(MethodDescriptor::id)).toList();
    }

    /**
     * @param id a method id
     * @return the method
     */
    public Optional<MethodDescriptor> find(String id) {
        return Optional.ofNullable(methods.get(id));
    }

    /** @return contributions that were left out, one sentence each */
    public List<String> problems() {
        return problems;
    }
}
