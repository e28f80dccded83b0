package com.parkwatch.web;

import io.javalin.http.HttpStatus;

/** A request the server refuses, with its status and one sentence: malformed JSON, a foreign origin, no token. */
final class ApiRefusal extends RuntimeException {

    private final HttpStatus status;

    ApiRefusal(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
