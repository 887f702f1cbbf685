// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

/**
 * A lexical token of a filter expression.
 *
 * @param kind     what kind of token
 * @param text     the token text (unquoted for strings and back-quoted names)
 * @param position the 1-based position of its first character
 */
record Token(Kind kind, String text, int position) {

    enum Kind {
        NUMBER, STRING, NAME, QUOTED_NAME, COMPARISON, AND, OR, NOT, OPEN, CLOSE, END
    }

    boolean isWord(String word) {
        return kind == Kind.NAME && text.equals(word);
    }
}
