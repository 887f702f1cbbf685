// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.confusion;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.testing.DeclaredMethods;
import org.idx.core.DataTable;

/** The {@code confusion} method as its plugin.xml declares it (see {@link DeclaredMethods}). */
final class Methods {

    private static MethodDescriptor descriptor;

    private Methods() {
    }

    static synchronized MethodDescriptor descriptor() throws Exception {
        if (descriptor == null) {
            descriptor = DeclaredMethods.find("confusion", ConfusionMethod.class);
        }
        return descriptor;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> report(DataTable table, String... params) throws Exception {
        ParameterValues values = descriptor().parse(List.of(params));
        return new ConfusionMethod().run(table, values, new NullProgressMonitor()).report();
    }
}
