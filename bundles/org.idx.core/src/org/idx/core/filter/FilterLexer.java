// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

import java.util.ArrayList;
import java.util.List;

import org.idx.core.filter.Token.Kind;

/** Splits a filter expression into {@link Token}s. */
final class FilterLexer {

    private final String input;
    private int at;

    private FilterLexer(String input) {
        this.input = input;
    }

    static List<Token> tokens(String input) throws FilterException {
        FilterLexer lexer = new FilterLexer(input);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private Token next() throws FilterException {
        while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
            at++;
        }
        int start = at;
        int position = start + 1;
        if (at >= input.length()) {
            return new Token(Kind.END, "", position);
        }
        char c = input.charAt(at);
        if (c == '"' || c == '\'') {
            return new Token(Kind.STRING, quoted(c, "string"), position);
        }
        if (c == '`') {
            return new Token(Kind.QUOTED_NAME, quoted(c, "column name"), position);
        }
        if (Character.isDigit(c) || c == '.' && at + 1 < input.length() && Character.isDigit(input.charAt(at + 1))
                || c == '-' && at + 1 < input.length() && (Character.isDigit(input.charAt(at + 1)) || input.charAt(at + 1) == '.')) {
            return number(position);
        }
        if (Character.isLetter(c) || c == '_' || c == '.') {
            while (at < input.length() && (Character.isLetterOrDigit(input.charAt(at)) || input.charAt(at) == '_' || input.charAt(at) == '.')) {
                at++;
            }
            return new Token(Kind.NAME, input.substring(start, at), position);
        }
        String two = input.substring(at, Math.min(at + 2, input.length()));
        switch (two) {
            case "&&" -> { at += 2; return new Token(Kind.AND, two, position); }
            case "||" -> { at += 2; return new Token(Kind.OR, two, position); }
            case "==", "!=", "<=", ">=" -> { at += 2; return new Token(Kind.COMPARISON, two, position); }
            default -> { }
        }
        at++;
        return switch (c) {
            case '<', '>' -> new Token(Kind.COMPARISON, String.valueOf(c), position);
            case '!' -> new Token(Kind.NOT, "!", position);
            case '(' -> new Token(Kind.OPEN, "(", position);
            case ')' -> new Token(Kind.CLOSE, ")", position);
            case '=' -> throw new FilterException("'=' is not an operator, use '=='", position);
            default -> throw new FilterException("Unexpected character '" + c + "'", position);
        };
    }

    /** Reads a string or name delimited by {@code quote}; a doubled quote or a backslash escapes. */
    private String quoted(char quote, String what) throws FilterException {
        int position = at + 1;
        StringBuilder text = new StringBuilder();
        at++;
        while (at < input.length()) {
            char c = input.charAt(at++);
            if (c == '\\' && at < input.length()) {
                text.append(input.charAt(at++));
            } else if (c == quote) {
                if (at < input.length() && input.charAt(at) == quote) {
                    text.append(quote);
                    at++;
                } else {
                    return text.toString();
                }
            } else {
                text.append(c);
            }
        }
        throw new FilterException("Unterminated " + what, position);
    }

    private Token number(int position) throws FilterException {
        int start = at;
        if (input.charAt(at) == '-') {
            at++;
        }
        while (at < input.length() && (Character.isDigit(input.charAt(at)) || ".eE".indexOf(input.charAt(at)) >= 0
                || (input.charAt(at) == '-' || input.charAt(at) == '+') && "eE".indexOf(input.charAt(at - 1)) >= 0)) {
            at++;
        }
        String text = input.substring(start, at);
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new FilterException("Malformed number '" + text + "'", position);
        }
        return new Token(Kind.NUMBER, text, position);
    }
}
