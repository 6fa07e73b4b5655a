package io.github.beamcassandra.transforms.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks a user's condition before it is ANDed to a range's token restriction. The server checks that
 * the condition is valid CQL when the statement is prepared at construction; this refuses what is valid
 * CQL but would change which rows a range returns or how it is paged: a LIMIT (each range would stop
 * early, a silently partial read), GROUP BY, ORDER BY, a token restriction of its own, a second
 * statement, ALLOW FILTERING (added by the read) and comments (which could hide what follows). Text
 * inside string literals and quoted identifiers is not looked at, so {@code name = 'limit'} is fine.
 */
final class ConditionCheck {
  private static final Pattern REFUSED = Pattern.compile(
      ";|--|//|/\\*|\\btoken\\s*\\(|\\blimit\\b|\\bgroup\\s+by\\b|\\border\\s+by\\b|\\ballow\\s+filtering\\b",
      Pattern.CASE_INSENSITIVE);

  private ConditionCheck() {}

  /** The condition as given, or an {@link IllegalArgumentException} naming what it may not contain. */
  static String check(String condition) {
    String outsideQuotes = withoutQuotedText(condition);
    if (outsideQuotes == null) {
      throw new IllegalArgumentException(
          "condition has a string literal or quoted name that is not closed, got: " + condition);
    }
    Matcher refused = REFUSED.matcher(outsideQuotes);
    if (refused.find()) {
      throw new IllegalArgumentException("condition may not contain '"
          + refused.group()
          + "' (the read restricts each token range and adds ALLOW FILTERING itself; LIMIT, GROUP BY,"
          + " ORDER BY, ';' and comments would cut or change what each range returns), got: " + condition);
    }
    return condition;
  }

  /**
   * The condition with the contents of {@code '...'}, {@code "..."} and {@code $$...$$} replaced by
   * one space each (a doubled quote inside stays inside); null when one is not closed.
   */
  static @Nullable String withoutQuotedText(String condition) {
    StringBuilder out = new StringBuilder(condition.length());
    int i = 0;
    while (i < condition.length()) {
      char c = condition.charAt(i);
      String close = c == '\'' ? "'" : c == '"' ? "\"" : condition.startsWith("$$", i) ? "$$" : null;
      if (close == null) {
        out.append(c);
        i++;
        continue;
      }
      int end = closing(condition, i + close.length(), close);
      if (end < 0) {
        return null;
      }
      out.append(' ');
      i = end + close.length();
    }
    return out.toString();
  }

  /** Where {@code close} ends the quoted text starting at {@code from}, or -1. */
  private static int closing(String text, int from, String close) {
    int i = from;
    while (true) {
      int at = text.indexOf(close, i);
      if (at < 0) {
        return -1;
      }
      boolean doubled = close.length() == 1 && at + 1 < text.length() && text.charAt(at + 1) == close.charAt(0);
      if (!doubled) {
        return at;
      }
      i = at + 2;
    }
  }
}
