package com.parkwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Jetty's own refusals (a malformed request 400, a URI too long 414, headers too large 431), which never reach
 * Javalin, answered like every other error: {@code {"error":"..."}} with the security headers.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecurityHeaders headers;

    JsonErrorHandler(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.addTo(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        headers.addTo(response::setHeader);
        response.setContentType("application/json");
        response.getOutputStream().write(body(response.getStatus(), null));
        base.setHandled(true);
    }

    private static byte[] body(int status, String reason) {
        String said = reason != null ? reason : HttpStatus.getMessage(status);
        try {
            return JSON.writeValueAsBytes(new WebServer.ApiError("the server refused the request: "
                    + (said == null ? "status " + status : said.toLowerCase(Locale.ROOT))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always writes as JSON", e);
        }
    }
}
