package com.pkmnapi.accesstokens.control;

/** A deletion code to be mailed once the request that made it has committed. */
public record DeletionCode(String code) {

    @Override
    public String toString() {
        // never the code itself, should this ever be logged
        return "DeletionCode";
    }
}
