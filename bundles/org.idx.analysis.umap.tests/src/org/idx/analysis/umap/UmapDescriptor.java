// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.testing.DeclaredMethods;
import org.idx.core.DataTable;

/** The {@code umap} method as its plugin.xml declares it (see {@link DeclaredMethods}). */
final class UmapDescriptor {

    private static MethodDescriptor descriptor;

    private UmapDescriptor() {
    }

    static synchronized MethodDescriptor descriptor() throws Exception {
        if (descriptor == null) {
            descriptor = DeclaredMethods.find("umap", UmapMethod.class);
        }
        return descriptor;
    }

    /** Runs umap with {@code NAME=VALUE} parameters. */
    static AnalysisResult run(DataTable table, String... params) throws Exception {
        ParameterValues values = descriptor().parse(List.of(params));
        return new UmapMethod().run(table, values, new NullProgressMonitor());
    }
}
