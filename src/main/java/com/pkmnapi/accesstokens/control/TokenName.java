package com.pkmnapi.accesstokens.control;

/**
 * The name an owner gives a token when asking for it ("ci", "deploy bot"), shown in its mail and
 * in the owner's list: 1 to 64 printable characters (letters, marks, digits, punctuation,
 * symbols and spaces of any script), not all spaces. Control and format characters are refused,
 * among them line breaks and the bidirectional overrides that could make a name read otherwise
 * in a mail.
 */
public record TokenName(String value) {

    public static final int MAX_LENGTH = 64;

    public TokenName {
        if (!isValid(value)) {
            throw new InvalidTokenName();
        }
    }

    public static boolean isValid(String value) {
        return value != null && !value.isBlank() && value.codePointCount(0, value.length()) <= MAX_LENGTH
                && value.codePoints().allMatch(TokenName::isPrintable);
    }

    private static boolean isPrintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
