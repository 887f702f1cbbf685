// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.application;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.idx.ui.perspectives.ExplorePerspective;

/** Configures the IDX workbench: the Explore perspective first, window layout remembered. */
final class IdxWorkbenchAdvisor extends WorkbenchAdvisor {

	private final StartupFiles startupFiles;

	IdxWorkbenchAdvisor(StartupFiles startupFiles) {
		this.startupFiles = startupFiles;
	}

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		super.initialize(configurer);
		configurer.setSaveAndRestore(true);
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return ExplorePerspective.ID;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new IdxWorkbenchWindowAdvisor(configurer, startupFiles);
	}
}
