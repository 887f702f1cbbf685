// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

/** A command that cannot be carried out: its message is the one line the user sees. */
final class CommandException extends Exception {

	private static final long serialVersionUID = 1L;
	private final int status;

	CommandException(int status, String message) {
		super(message);
		this.status = status;
	}

	CommandException(int status, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	static CommandException usage(String message) {
		return new CommandException(ExitStatus.USAGE, message + " (usage: " + Command.USAGE + ")");
	}

	int status() {
		return status;
	}
}
