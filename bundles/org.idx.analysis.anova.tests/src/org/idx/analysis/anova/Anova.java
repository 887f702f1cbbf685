// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.anova;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.testing.DeclaredMethods;
import org.idx.core.DataTable;

/** The {@code anova} method as its plugin.xml declares it (see {@link DeclaredMethods}). */
final class Anova {

    private static MethodDescriptor descriptor;

    private Anova() {
    }

    static synchronized MethodDescriptor descriptor() throws Exception {
        if (descriptor == null) {
            descriptor = DeclaredMethods.find("anova", AnovaMethod.class);
        }
        return descriptor;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> report(DataTable table, String... params) throws Exception {
        ParameterValues values = descriptor().parse(List.of(params));
        return new AnovaMethod().run(table, values, new NullProgressMonitor()).report();
    }
}
