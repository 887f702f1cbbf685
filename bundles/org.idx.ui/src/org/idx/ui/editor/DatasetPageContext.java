// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import org.eclipse.ui.IEditorSite;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.selection.DatasetSelectionProvider;

/**
 * What a dataset editor page works with.
 *
 * @param dataset   the opened table
 * @param site      the editor's site (selection service, key bindings, status line)
 * @param selection the editor's selection provider: a page publishes the rows it selects here,
 *                  as a {@link org.idx.ui.selection.DatasetSelection}
 */
public record DatasetPageContext(Dataset dataset, IEditorSite site, DatasetSelectionProvider selection) {
}
