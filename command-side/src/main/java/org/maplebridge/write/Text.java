package org.maplebridge.write;

/** Patterns for free text: no control characters, beyond line breaks and tabs in long text. */
public final class Text {
  public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
  public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

  private Text() {}
}
