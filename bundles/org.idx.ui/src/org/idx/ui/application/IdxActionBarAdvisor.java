// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.application;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The main menu skeleton. Only the workbench's own actions are made here; everything IDX adds
 * (Open Table, recent files, Export, the Analyze menu) comes in through menu contributions in
 * plugin.xml, so other plug-ins can place their commands beside ours.
 */
final class IdxActionBarAdvisor extends ActionBarAdvisor {

	private IWorkbenchAction save;
	private IWorkbenchAction saveAs;
	private IWorkbenchAction close;
	private IWorkbenchAction quit;
	private IWorkbenchAction undo;
	private IWorkbenchAction redo;
	private IWorkbenchAction copy;
	private IWorkbenchAction selectAll;
	private IWorkbenchAction preferences;
	private IWorkbenchAction resetPerspective;
	private IWorkbenchAction about;

	IdxActionBarAdvisor(IActionBarConfigurer configurer) {
		super(configurer);
	}

	@Override
	protected void makeActions(IWorkbenchWindow window) {
		save = register(ActionFactory.SAVE.create(window));
		saveAs = register(ActionFactory.SAVE_AS.create(window));
		close = register(ActionFactory.CLOSE.create(window));
		quit = register(ActionFactory.QUIT.create(window));
		undo = register(ActionFactory.UNDO.create(window));
		redo = register(ActionFactory.REDO.create(window));
		copy = register(ActionFactory.COPY.create(window));
		selectAll = register(ActionFactory.SELECT_ALL.create(window));
		preferences = register(ActionFactory.PREFERENCES.create(window));
		resetPerspective = register(ActionFactory.RESET_PERSPECTIVE.create(window));
		about = register(ActionFactory.ABOUT.create(window));
	}

	private IWorkbenchAction register(IWorkbenchAction action) {
		super.register(action);
		return action;
	}

	@Override
	protected void fillMenuBar(IMenuManager menuBar) {
		MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
		file.add(new GroupMarker("open"));
		file.add(new Separator());
		file.add(close);
		file.add(new Separator());
		file.add(save);
		file.add(saveAs);
		file.add(new GroupMarker(IWorkbenchActionConstants.SAVE_EXT));
		file.add(new Separator("export"));
		file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(quit);
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

		MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
		edit.add(undo);
		edit.add(redo);
		edit.add(new Separator());
		edit.add(copy);
		edit.add(selectAll);
		edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

		MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
		window.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		window.add(resetPerspective);
		window.add(new Separator());
		window.add(preferences);

		MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
		help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		help.add(about);

		menuBar.add(file);
		menuBar.add(edit);
		menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		menuBar.add(window);
		menuBar.add(help);
	}
}
