package com.pkmnapi.accesstokens.control;

import java.util.List;

/**
 * A deletion code to be mailed, with the names of the live tokens it deletes, as they were when it
 * was made (tokens without a name are not listed).
 */
public record DeletionCode(String code, List<String> tokenNames) {

    public DeletionCode {
        tokenNames = List.copyOf(tokenNames);
    }

    @Override
    public String toString() {
        // never the code itself, should this ever be logged
        return "DeletionCode" + tokenNames;
    }
}
