// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.application;

import java.nio.file.Path;

import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.idx.ui.editor.DatasetEditors;
import org.idx.ui.editor.DatasetSessions;

/** Sets up each workbench window: size, title, status line, drag-and-drop of tables. */
final class IdxWorkbenchWindowAdvisor extends WorkbenchWindowAdvisor {

	private final StartupFiles startupFiles;

	IdxWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer, StartupFiles startupFiles) {
		super(configurer);
		this.startupFiles = startupFiles;
	}

	@Override
	public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
		return new IdxActionBarAdvisor(configurer);
	}

	@Override
	public void preWindowOpen() {
		IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
		configurer.setInitialSize(new Point(1280, 800));
		configurer.setShowCoolBar(true);
		configurer.setShowStatusLine(true);
		configurer.setShowProgressIndicator(true);
		configurer.setShowPerspectiveBar(true);
		configurer.setTitle("IDX");
		configurer.addEditorAreaTransfer(FileTransfer.getInstance());
		configurer.configureEditorAreaDropListener(new DropTargetAdapter() {
			@Override
			public void dragEnter(DropTargetEvent event) {
				event.detail = FileTransfer.getInstance().isSupportedType(event.currentDataType) ? DND.DROP_COPY
						: DND.DROP_NONE;
			}

			@Override
			public void drop(DropTargetEvent event) {
				if (event.data instanceof String[] files) {
					for (String file : files) {
						DatasetEditors.open(getWindowConfigurer().getWindow().getActivePage(), Path.of(file));
					}
				}
			}
		});
	}

	@Override
	public void postWindowOpen() {
		DatasetSessions.offerRecovery(getWindowConfigurer().getWindow());
		for (Path table : startupFiles.tables()) {
			DatasetEditors.open(getWindowConfigurer().getWindow().getActivePage(), table);
		}
	}
}
