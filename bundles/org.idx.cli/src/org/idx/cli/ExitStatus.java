// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

/** The exit statuses of the {@code idx} command (spec/cli.md). */
final class ExitStatus {
	static final int OK = 0;
	static final int INTERNAL = 1;
	static final int USAGE = 2;
	static final int BAD_INPUT = 3;

	private ExitStatus() {
	}
}
