// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterDescriptor;
import org.idx.analysis.ParameterType;
import org.idx.io.json.JsonWriter;

/** {@code idx methods [--json]}: the analysis methods registered through {@code org.idx.analysis.methods}. */
record MethodsCommand(boolean json) implements Command {

	static MethodsCommand parse(List<String> args) throws CommandException {
		boolean json = false;
		for (String arg : args) {
			if (arg.equals("--json")) {
				json = true;
			} else {
				throw CommandException.usage("unknown argument '" + arg + "' for methods");
			}
		}
		return new MethodsCommand(json);
	}

	@Override
	public void execute(PrintStream out) {
		MethodRegistry registry = MethodRegistry.fromPlatform();
		if (json) {
			StringBuilder text = new StringBuilder();
			try {
				writeJson(registry, new JsonWriter(text, true));
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
			out.print(text);
		} else {
			printText(registry, out);
		}
	}

	private static void writeJson(MethodRegistry registry, JsonWriter json) throws IOException {
		json.beginArray();
		for (MethodDescriptor method : registry.methods()) {
			json.beginObject().name("id").value(method.id()).name("name").value(method.name()).name("category")
					.value(method.category().id()).name("description").value(method.description()).name("contributor")
					.value(method.contributor()).name("parameters").beginArray();
			for (ParameterDescriptor p : method.parameters()) {
				json.beginObject().name("name").value(p.name()).name("type").value(p.type().id());
				json.name("default").value(p.defaultValue());
				json.name("required").value(p.required());
				if (p.min() != null) {
					json.name("min").value(p.min());
				}
				if (p.max() != null) {
					json.name("max").value(p.max());
				}
				if (p.type() == ParameterType.CHOICE) {
					json.name("choices").beginArray();
					for (String choice : p.choices()) {
						json.value(choice);
					}
					json.endArray();
				}
				if (p.type() == ParameterType.COLUMNS || p.type() == ParameterType.COLUMN) {
					json.name("columnType").value(p.columnFilter().id());
				}
				json.name("description").value(p.description()).endObject();
			}
			json.endArray().endObject();
		}
		json.endArray();
	}

	private static void printText(MethodRegistry registry, PrintStream out) {
		List<MethodDescriptor> methods = registry.methods();
		if (methods.isEmpty()) {
			out.println("No analysis methods are installed.");
		}
		for (MethodDescriptor method : methods) {
			out.printf(Locale.ROOT, "%s  (%s)  %s%n", method.id(), method.category().id(), method.name());
			if (!method.description().isEmpty()) {
				out.println("    " + method.description());
			}
			for (ParameterDescriptor p : method.parameters()) {
				StringBuilder line = new StringBuilder("    --param ").append(p.name()).append('=').append(p.type().id());
				if (p.type() == ParameterType.CHOICE) {
					line.append(" {").append(String.join("|", p.choices())).append('}');
				}
				if (p.min() != null || p.max() != null) {
					line.append(" [").append(p.min() == null ? "" : plain(p.min())).append("..")
							.append(p.max() == null ? "" : plain(p.max())).append(']');
				}
				if (p.defaultValue() != null) {
					line.append(" (default ").append(p.defaultValue()).append(')');
				} else if (p.required()) {
					line.append(" (required)");
				}
				if (!p.description().isEmpty()) {
					line.append("  ").append(p.description());
				}
				out.println(line);
			}
		}
		for (String problem : registry.problems()) {
			out.println("warning: " + problem);
		}
	}

	private static String plain(double number) {
		return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
	}
}
