// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWindowListener;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * Installs, on every workbench window, what labelling needs before any of its parts is opened:
 * the memory of the rows each part selected last, and the number keys.
 */
public final class AnnotateStartup implements IStartup {

	private static boolean installed;

	@Override
	public void earlyStartup() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		workbench.getDisplay().asyncExec(() -> install(workbench));
	}

	/**
	 * @param workbench the workbench
	 */
	static synchronized void install(IWorkbench workbench) {
		if (installed) {
			return;
		}
		installed = true;
		for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
			installOn(window);
		}
		workbench.addWindowListener(new IWindowListener() {
			@Override
			public void windowOpened(IWorkbenchWindow window) {
				installOn(window);
			}

			@Override
			public void windowActivated(IWorkbenchWindow window) {
			}

			@Override
			public void windowDeactivated(IWorkbenchWindow window) {
			}

			@Override
			public void windowClosed(IWorkbenchWindow window) {
			}
		});
	}

	private static void installOn(IWorkbenchWindow window) {
		if (window.getShell().getData(AnnotateStartup.class.getName()) != null) {
			return;
		}
		window.getShell().setData(AnnotateStartup.class.getName(), Boolean.TRUE);
		window.getSelectionService().addSelectionListener(Labelling::selectionChanged);
		new LabelKeys(window);
	}
}
