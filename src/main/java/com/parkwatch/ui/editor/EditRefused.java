package com.parkwatch.ui.editor;

/** An edit that cannot be made, with one sentence for the operator saying why and what to do instead. */
final class EditRefused extends RuntimeException {

    EditRefused(String message) {
        super(message);
    }
}
