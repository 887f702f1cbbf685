// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.testing.DeclaredMethods;
import org.idx.core.DataTable;

/** The {@code xgboost} method as its plugin.xml declares it (see {@link DeclaredMethods}). */
final class Methods {

    private static MethodDescriptor descriptor;

    private Methods() {
    }

    static synchronized MethodDescriptor descriptor() throws Exception {
        if (descriptor == null) {
            descriptor = DeclaredMethods.find("xgboost", XGBoostMethod.class);
        }
        return descriptor;
    }

    static Map<String, Object> report(DataTable table, String... params) throws Exception {
        return run(new XGBoostMethod(), table, params).report();
    }

    static AnalysisResult run(XGBoostMethod method, DataTable table, String... params) throws Exception {
        ParameterValues values = descriptor().parse(List.of(params));
        return method.run(table, values, new NullProgressMonitor());
    }
}
