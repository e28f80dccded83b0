package com.parkwatch.web;

import io.javalin.Javalin;

/** Routes kept in a class of their own, added to the server before it starts, each described where it is registered. */
@FunctionalInterface
public interface WebRoutes {
    void install(Javalin app, ApiRoutes docs);
}
